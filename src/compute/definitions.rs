//! The return indicators and metrics, as `indicators/wres.toml` and `indicators/wdes.toml` define them: one typed
//! [`Definition`] each, whose [`Rule`] (the `kind`) says how it is computed. Every name is an enum, so a misspelt
//! kind, dimension, group, source, case type or value is an error when the definitions load
//! ([`super::registry`]), never a figure of the wrong thing.

use serde::Deserialize;

use crate::normalise::codes::case_type::CaseType;
use crate::normalise::codes::survey::SurveyGroup;
use crate::normalise::codes::{Disability, Ethnicity};

/// How an indicator is computed, as its results name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
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

/// The standard a definition belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
pub enum Standard {
    /// The Workforce Race Equality Standard.
    #[serde(rename = "WRES")]
    Wres,
    /// The Workforce Disability Equality Standard.
    #[serde(rename = "WDES")]
    Wdes,
    /// The gender pay gap regulations (a pay gap shown for comparison).
    #[serde(rename = "GPG")]
    Gpg,
}

impl Standard {
    /// `WRES`, `WDES`, `GPG`.
    pub fn label(self) -> &'static str {
        match self {
            Standard::Wres => "WRES",
            Standard::Wdes => "WDES",
            Standard::Gpg => "GPG",
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

impl Dimension {
    /// `ethnicity`, `disability`.
    pub fn label(self) -> &'static str {
        match self {
            Dimension::Ethnicity => "ethnicity",
            Dimension::Disability => "disability",
        }
    }
    /// The dimension's two groups.
    pub fn groups(self) -> [Group; 2] {
        match self {
            Dimension::Ethnicity => [Group::White, Group::Bme],
            Dimension::Disability => [Group::Disabled, Group::NonDisabled],
        }
    }
}

/// A group an indicator compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
pub enum Group {
    /// White staff.
    White,
    /// Black and minority ethnic staff.
    #[serde(rename = "BME")]
    Bme,
    /// Disabled staff.
    Disabled,
    /// Non-disabled staff.
    #[serde(rename = "Non-disabled")]
    NonDisabled,
}

impl Group {
    /// The output label (the same as the codes' labels): `White`, `BME`, `Disabled`, `Non-disabled`.
    pub fn label(self) -> &'static str {
        match self {
            Group::White => Ethnicity::White.label(),
            Group::Bme => Ethnicity::Bme.label(),
            Group::Disabled => Disability::Disabled.label(),
            Group::NonDisabled => Disability::NonDisabled.label(),
        }
    }
    /// The dimension the group belongs to.
    pub fn dimension(self) -> Dimension {
        match self {
            Group::White | Group::Bme => Dimension::Ethnicity,
            Group::Disabled | Group::NonDisabled => Dimension::Disability,
        }
    }
    /// The group as a survey file names it.
    pub fn survey_group(self) -> SurveyGroup {
        match self {
            Group::White => SurveyGroup::White,
            Group::Bme => SurveyGroup::Bme,
            Group::Disabled => SurveyGroup::Disabled,
            Group::NonDisabled => SurveyGroup::NonDisabled,
        }
    }
}

/// Where a relative likelihood's data come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Shortlisted applications and appointments.
    Recruitment,
    /// Disciplinary and capability cases, with the staff snapshot's headcount.
    Cases,
    /// Non-mandatory training, with the staff snapshot.
    Training,
}

impl Source {
    /// `recruitment`, `case`, `training`: as in "the case records".
    pub fn label(self) -> &'static str {
        match self {
            Source::Recruitment => "recruitment",
            Source::Cases => "case",
            Source::Training => "training",
        }
    }
}

/// A case type counted by a cases indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseKind {
    /// Formal disciplinary.
    Disciplinary,
    /// Formal capability, performance.
    CapabilityPerformance,
    /// Formal capability, ill health.
    CapabilityIllHealth,
}

impl CaseKind {
    /// The case type of the records.
    pub fn case_type(self) -> CaseType {
        match self {
            CaseKind::Disciplinary => CaseType::Disciplinary,
            CaseKind::CapabilityPerformance => CaseType::CapabilityPerformance,
            CaseKind::CapabilityIllHealth => CaseType::CapabilityIllHealth,
        }
    }
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
pub struct Definition {
    /// `WRES1` .. `WRES9`, `WDES1` .. `WDES10`.
    pub id: String,
    /// `WRES` or `WDES`.
    pub standard: Standard,
    /// Short title.
    pub title: String,
    /// Ethnicity or disability.
    pub dimension: Dimension,
    /// Plain-English meaning.
    pub wording: String,
    /// The name on the board page (at most 32 characters).
    pub short: String,
    /// How it is computed, with what its kind needs (any other key is refused, as its kind's struct denies unknown
    /// fields).
    #[serde(flatten)]
    pub rule: Rule,
}

/// How an indicator is computed: its `kind` and what that kind needs.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Rule {
    /// WRES 1, WDES 1.
    Representation(Representation),
    /// WRES 2-4, WDES 2-3.
    RelativeLikelihood(RelativeLikelihood),
    /// WRES 5-8, WDES 4a-9a.
    Survey(SurveyMeasure),
    /// WRES 9, WDES 10.
    Board(BoardMembership),
    /// WDES 9b.
    Declaration(Declaration),
}

/// Counts by band or cluster, from the staff snapshot: nothing more to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Representation {}

/// A relative likelihood.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelativeLikelihood {
    /// Where its events and totals come from.
    pub source: Source,
    /// The group on top of the ratio.
    pub numerator_group: Group,
    /// The group on the bottom.
    pub denominator_group: Group,
    /// What the events are.
    pub outcome: String,
    /// Who the totals count.
    pub population: String,
    /// The Summary sentence, with `{numerator}`, `{denominator}` and `{value}` filled from the figures.
    pub sentence: String,
    /// Case types counted (cases source).
    #[serde(default)]
    pub case_types: Vec<CaseKind>,
    /// Case types counted when ill-health capability is included (WDES 3).
    #[serde(default)]
    pub case_types_with_ill_health: Vec<CaseKind>,
    /// Two-year rolling average (cases source).
    #[serde(default)]
    pub rolling_average: bool,
}

/// A Staff Survey measure by group.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyMeasure {
    /// The measure id, one of `indicators/survey.toml`.
    pub measure: String,
    /// The protected group (`BME`, `Disabled`).
    pub protected_group: Group,
    /// The group it is compared with (none for WDES 8, asked of Disabled staff only).
    pub comparison_group: Option<Group>,
    /// Percentage or score.
    pub value: ValueKind,
    /// Whether a higher value is better for staff.
    pub higher_is_better: bool,
    /// What the protected group did, for the board page's key messages ("said they were discriminated against by
    /// ...").
    pub message: Option<String>,
}

/// Board membership against the workforce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardMembership {
    /// The protected group (`BME`, `Disabled`).
    pub protected_group: Group,
}

/// A yes/no answer from the config file: nothing more to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Declaration {}

impl Definition {
    /// How it is computed.
    pub fn kind(&self) -> Kind {
        match self.rule {
            Rule::Representation(_) => Kind::Representation,
            Rule::RelativeLikelihood(_) => Kind::RelativeLikelihood,
            Rule::Survey(_) => Kind::Survey,
            Rule::Board(_) => Kind::Board,
            Rule::Declaration(_) => Kind::Declaration,
        }
    }

    /// The input its figures come from (`staff`, `recruitment`, `cases`, `training`, `survey`, `board`); `None`
    /// for a declaration, which comes from the config file.
    pub fn input(&self) -> Option<&'static str> {
        Some(match &self.rule {
            Rule::Representation(_) => "staff",
            Rule::RelativeLikelihood(r) => match r.source {
                Source::Recruitment => "recruitment",
                Source::Cases => "cases",
                Source::Training => "training",
            },
            Rule::Survey(_) => "survey",
            Rule::Board(_) => "board",
            Rule::Declaration(_) => return None,
        })
    }

    /// The protected group of a survey or board indicator.
    pub fn protected_group(&self) -> Option<Group> {
        match &self.rule {
            Rule::Survey(s) => Some(s.protected_group),
            Rule::Board(b) => Some(b.protected_group),
            _ => None,
        }
    }

    /// The relative likelihood rule, when it is one.
    pub fn relative_likelihood(&self) -> Option<&RelativeLikelihood> {
        match &self.rule {
            Rule::RelativeLikelihood(r) => Some(r),
            _ => None,
        }
    }

    /// The survey measure, when it is one.
    pub fn survey(&self) -> Option<&SurveyMeasure> {
        match &self.rule {
            Rule::Survey(s) => Some(s),
            _ => None,
        }
    }
}

impl RelativeLikelihood {
    /// The case types counted, with or without ill-health capability.
    pub fn case_types(&self, include_ill_health: bool) -> Vec<CaseType> {
        let kinds = if include_ill_health && !self.case_types_with_ill_health.is_empty() {
            &self.case_types_with_ill_health
        } else {
            &self.case_types
        };
        kinds.iter().map(|k| k.case_type()).collect()
    }
}

/// Every return indicator, WRES first, in file order: the registry's.
///
/// ```
/// let defs = wres_wdes::compute::definitions::all().unwrap();
/// assert_eq!(defs.len(), 23);
/// assert_eq!(defs[0].id, "WRES1");
/// ```
pub fn all() -> crate::error::Result<&'static [Definition]> {
    Ok(&super::registry::registry()?.indicators)
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
