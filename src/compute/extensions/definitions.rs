//! The extension definitions, read from `indicators/extensions.toml` (embedded at build time).

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::normalise::codes::{PayBand, PayRow};

const EXTENSIONS: &str = include_str!("../../../indicators/extensions.toml");

/// Everything `extensions.toml` defines.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definitions {
    /// The disclosure and reliability rule.
    pub disclosure: DisclosureRule,
    /// Pay gaps.
    pub pay_gap: PayGapDefs,
    /// Band groups for the `band_group` breakdowns.
    pub band_group: Vec<BandGroup>,
    /// Intersections.
    pub intersection: Vec<BreakdownDef>,
    /// Recruitment views.
    pub recruitment_view: Vec<BreakdownDef>,
    /// Progression.
    pub progression: ProgressionDefs,
    /// Model Employer gap.
    pub model_employer: ModelEmployerDef,
    /// Narrative settings.
    pub narrative: NarrativeDef,
}

/// The disclosure rule of the extensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisclosureRule {
    /// A compared group with fewer members, or with 1 to `min_members - 1` events, is withheld.
    pub min_members: u64,
}

impl DisclosureRule {
    /// Why a comparison of these (events, total) pairs is withheld, if it is.
    pub fn withheld(&self, groups: &[(u64, u64)]) -> Option<String> {
        let m = self.min_members;
        if groups.iter().any(|&(_, t)| t < m) {
            Some(format!("a compared group has fewer than {m} members"))
        } else if groups.iter().any(|&(e, _)| e > 0 && e < m) {
            Some(format!("a compared group has between 1 and {} events", m - 1))
        } else {
            None
        }
    }
}

/// Pay gap definitions.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayGapDefs {
    /// Weeks in a year (52.143).
    pub weeks_per_year: f64,
    /// `overall`, `non_clinical`, `clinical`, `medical`.
    pub blocks: Vec<String>,
    /// The comparisons.
    pub comparison: Vec<PayGapDef>,
}

/// One pay gap comparison.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayGapDef {
    /// `PAYGAP-ETHNICITY`, ...
    pub id: String,
    /// `WRES`, `WDES`, `GPG`.
    pub standard: String,
    /// `ethnicity`, `disability`, `gender`.
    pub dimension: String,
    /// The reference group (the gap is relative to its pay).
    pub reference: String,
    /// The other group.
    pub other: String,
    /// Title.
    pub title: String,
}

/// A named group of pay rows.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandGroup {
    /// Its name in the outputs.
    pub name: String,
    /// Band labels (`Band 5`, `VSM`, ...).
    #[serde(default)]
    pub bands: Vec<String>,
    /// Holds every medical and dental row.
    #[serde(default)]
    pub medical: bool,
}

impl BandGroup {
    /// Whether the group holds a pay row.
    pub fn holds(&self, row: PayRow) -> bool {
        match row {
            PayRow::Band(b) => self.bands.iter().any(|n| n == b.label()),
            PayRow::Medical(_) => self.medical,
            PayRow::Other => false,
        }
    }
}

/// Breakdowns of one return indicator.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BreakdownDef {
    /// The return indicator (`WRES2`, ...).
    pub indicator: String,
    /// The characteristics to break it down by.
    pub by: Vec<String>,
}

/// Progression definitions.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressionDefs {
    /// The band the headline starts from.
    pub from: String,
    /// The senior band.
    pub senior: String,
    /// The ladder of steps.
    pub ladder: Vec<String>,
    /// `all`, `non_clinical`, `clinical`.
    pub blocks: Vec<String>,
    /// The comparisons.
    pub comparison: Vec<ProgressionDef>,
}

/// One progression comparison.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressionDef {
    /// `PROGRESSION-ETHNICITY`, ...
    pub id: String,
    /// `WRES` or `WDES`.
    pub standard: String,
    /// `ethnicity` or `disability`.
    pub dimension: String,
    /// The group on top.
    pub numerator: String,
    /// The group on the bottom (the protected group).
    pub denominator: String,
}

/// The Model Employer gap.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelEmployerDef {
    /// The ladder, lowest first.
    pub bands: Vec<String>,
    /// The first senior band (for the senior total).
    pub senior: String,
}

/// Narrative settings.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NarrativeDef {
    /// How many disparities each paragraph names.
    pub largest: usize,
    /// A change in a ratio smaller than this is "little changed".
    pub material_change: f64,
}

/// The band of a label (`Band 8a`, `VSM`).
pub fn band(label: &str) -> Option<PayBand> {
    PayBand::ALL.into_iter().find(|b| b.label() == label)
}

/// The extension definitions.
///
/// ```
/// let d = wres_wdes::compute::extensions::definitions::load().unwrap();
/// assert_eq!(d.pay_gap.comparison.len(), 3);
/// ```
pub fn load() -> Result<Definitions> {
    let d: Definitions = toml::from_str(EXTENSIONS)
        .map_err(|e| Error::io(format!("internal error in indicators/extensions.toml: {e}")))?;
    let bands = d
        .progression
        .ladder
        .iter()
        .chain(&d.model_employer.bands)
        .chain([&d.progression.from, &d.progression.senior, &d.model_employer.senior])
        .chain(d.band_group.iter().flat_map(|g| &g.bands));
    for b in bands {
        if band(b).is_none() {
            return Err(Error::io(format!("internal error in indicators/extensions.toml: no band '{b}'")));
        }
    }
    Ok(d)
}
