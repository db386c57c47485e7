//! The indicator and metric definitions, read from `indicators/wres.toml` and `indicators/wdes.toml` (embedded
//! at build time). The engine computes each [`Kind`] with one piece of code; a definition says which groups,
//! source, orientation and rules apply.

use serde::Deserialize;

use crate::error::{Error, Result};

const WRES: &str = include_str!("../../indicators/wres.toml");
const WDES: &str = include_str!("../../indicators/wdes.toml");

/// How an indicator is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Counts and percentages by band or cluster (WRES 1, WDES 1).
    Representation,
    /// A ratio of two rates with its interval (WRES 2-4, WDES 2-3).
    RelativeLikelihood,
    /// Staff Survey percentages by group (WRES 5-8, WDES 4-9a).
    Survey,
    /// Board membership against the workforce (WRES 9, WDES 10).
    Board,
    /// A yes/no declaration with text (WDES 9b).
    Declaration,
}

impl Kind {
    /// The kind's name in the outputs.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Representation => "representation",
            Kind::RelativeLikelihood => "relative_likelihood",
            Kind::Survey => "survey",
            Kind::Board => "board",
            Kind::Declaration => "declaration",
        }
    }
}

/// Which characteristic an indicator compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// White / BME.
    Ethnicity,
    /// Disabled / non-disabled.
    Disability,
}

/// Where an indicator's data come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Source {
    Staff,
    Recruitment,
    Cases,
    Training,
    Survey,
    Board,
    Config,
}

/// A survey measure's value: a percentage, or the 0-10 engagement score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    /// 0-100.
    Percent,
    /// 0-10.
    Score,
}

/// One indicator or metric.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    /// `WRES1` .. `WRES9`, `WDES1` .. `WDES10`.
    pub id: String,
    /// `WRES` or `WDES`.
    pub standard: String,
    /// Short title.
    pub title: String,
    /// How it is computed.
    pub kind: Kind,
    /// Where its data come from.
    pub source: Source,
    /// Ethnicity or disability.
    pub dimension: Dimension,
    /// Plain-English meaning.
    pub wording: String,
    /// The name on the board page (at most 32 characters).
    pub short: String,
    /// What a survey measure's group did, for a key message ("said they were discriminated against by ...").
    pub message: Option<String>,
    /// The Summary sentence template (relative likelihoods).
    pub sentence: Option<String>,
    /// The group on top of the ratio.
    pub numerator_group: Option<String>,
    /// The group on the bottom.
    pub denominator_group: Option<String>,
    /// What the events are.
    pub outcome: Option<String>,
    /// Who the totals count.
    pub population: Option<String>,
    /// Case types counted (cases source).
    #[serde(default)]
    pub case_types: Vec<String>,
    /// Case types counted when ill-health capability is included (WDES 3).
    #[serde(default)]
    pub case_types_with_ill_health: Vec<String>,
    /// Two-year rolling average.
    #[serde(default)]
    pub rolling_average: bool,
    /// The survey measure id.
    pub measure: Option<String>,
    /// The protected group of a survey or board indicator (`BME`, `Disabled`).
    pub protected_group: Option<String>,
    /// The comparison group of a survey indicator.
    pub comparison_group: Option<String>,
    /// Percentage or score.
    pub value: Option<ValueKind>,
    /// Whether a higher survey value is better for staff.
    pub higher_is_better: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    indicator: Vec<Definition>,
}

/// Every definition, WRES first, in file order.
///
/// ```
/// let defs = wres_wdes::compute::definitions::all().unwrap();
/// assert_eq!(defs.len(), 23);
/// assert_eq!(defs[0].id, "WRES1");
/// ```
pub fn all() -> Result<Vec<Definition>> {
    let mut out = Vec::new();
    for (name, text) in [("indicators/wres.toml", WRES), ("indicators/wdes.toml", WDES)] {
        let file: File = toml::from_str(text).map_err(|e| Error::io(format!("internal error in {name}: {e}")))?;
        out.extend(file.indicator);
    }
    Ok(out)
}

/// An indicator id as a reader writes it: `WRES2` -> `WRES 2`, `WDES4a-i` -> `WDES 4a-i`.
///
/// ```
/// use wres_wdes::compute::definitions::id_words;
/// assert_eq!(id_words("WRES2"), "WRES 2");
/// assert_eq!(id_words("WDES4a-iii"), "WDES 4a-iii");
/// assert_eq!(id_words("other"), "other");
/// ```
pub fn id_words(id: &str) -> String {
    match id.get(..4) {
        Some(s @ ("WRES" | "WDES")) if id.len() > 4 => format!("{s} {}", &id[4..]),
        _ => id.to_string(),
    }
}
