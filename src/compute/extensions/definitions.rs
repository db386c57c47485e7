//! The extension definitions, `indicators/extensions.toml`, typed: every block, group, band, band group and `by`
//! is an enum, so a misspelt name is an error when the definitions load ([`crate::compute::registry`]), never a
//! figure of something else.

use serde::Deserialize;

use crate::compute::definitions::{Dimension, Group, Standard};
use crate::normalise::codes::gender::Gender;
use crate::normalise::codes::{Disability, Ethnicity, PayBand, PayRow, Workforce};

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
    /// The blocks of each comparison, in order.
    pub blocks: Vec<GapBlock>,
    /// The comparisons.
    pub comparison: Vec<PayGapDef>,
}

/// A block of a pay gap: everyone, or one workforce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GapBlock {
    /// The whole workforce.
    Overall,
    /// Non-clinical staff.
    NonClinical,
    /// Clinical staff (not medical).
    Clinical,
    /// Medical and dental staff.
    Medical,
}

impl GapBlock {
    /// Its name in the outputs, and the workforce it keeps (`None` for everyone).
    pub fn workforce(self) -> (&'static str, Option<Workforce>) {
        match self {
            GapBlock::Overall => ("overall", None),
            GapBlock::NonClinical => ("non_clinical", Some(Workforce::NonClinical)),
            GapBlock::Clinical => ("clinical", Some(Workforce::Clinical)),
            GapBlock::Medical => ("medical", Some(Workforce::Medical)),
        }
    }
}

/// The characteristic a pay gap compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GapDimension {
    /// White / BME.
    Ethnicity,
    /// Disabled / non-disabled.
    Disability,
    /// Women / men.
    Gender,
}

impl GapDimension {
    /// `ethnicity`, `disability`, `gender`.
    pub fn label(self) -> &'static str {
        match self {
            GapDimension::Ethnicity => "ethnicity",
            GapDimension::Disability => "disability",
            GapDimension::Gender => "gender",
        }
    }
}

/// A group a pay gap compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum GapGroup {
    /// White staff.
    White,
    /// BME staff.
    #[serde(rename = "BME")]
    Bme,
    /// Disabled staff.
    Disabled,
    /// Non-disabled staff.
    #[serde(rename = "Non-disabled")]
    NonDisabled,
    /// Women.
    Women,
    /// Men.
    Men,
}

impl GapGroup {
    /// The output label (the codes' labels: `BME`, `Non-disabled`, `Women`).
    pub fn label(self) -> &'static str {
        match self {
            GapGroup::White => Ethnicity::White.label(),
            GapGroup::Bme => Ethnicity::Bme.label(),
            GapGroup::Disabled => Disability::Disabled.label(),
            GapGroup::NonDisabled => Disability::NonDisabled.label(),
            GapGroup::Women => Gender::Female.label(),
            GapGroup::Men => Gender::Male.label(),
        }
    }
    /// The characteristic the group belongs to.
    pub fn dimension(self) -> GapDimension {
        match self {
            GapGroup::White | GapGroup::Bme => GapDimension::Ethnicity,
            GapGroup::Disabled | GapGroup::NonDisabled => GapDimension::Disability,
            GapGroup::Women | GapGroup::Men => GapDimension::Gender,
        }
    }
}

/// One pay gap comparison.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayGapDef {
    /// `PAYGAP-ETHNICITY`, ...
    pub id: String,
    /// `WRES`, `WDES`, `GPG`.
    pub standard: Standard,
    /// `ethnicity`, `disability`, `gender`.
    pub dimension: GapDimension,
    /// The reference group (the gap is relative to its pay).
    pub reference: GapGroup,
    /// The other group.
    pub other: GapGroup,
    /// Title.
    pub title: String,
}

/// An Agenda for Change band named in a definition, by its label (`Band 8a`, `VSM`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(try_from = "String")]
pub struct Band(pub PayBand);

impl TryFrom<String> for Band {
    type Error = String;
    fn try_from(label: String) -> std::result::Result<Band, String> {
        PayBand::ALL.into_iter().find(|b| b.label() == label).map(Band).ok_or_else(|| {
            let accepted: Vec<String> = PayBand::ALL.iter().map(|b| format!("`{}`", b.label())).collect();
            format!("unknown band `{label}`; accepted: {}", accepted.join(", "))
        })
    }
}

/// A named group of pay rows.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandGroup {
    /// Its name in the outputs.
    pub name: String,
    /// Its bands.
    #[serde(default)]
    pub bands: Vec<Band>,
    /// Holds every medical and dental row.
    #[serde(default)]
    pub medical: bool,
}

impl BandGroup {
    /// Whether the group holds a pay row.
    pub fn holds(&self, row: PayRow) -> bool {
        match row {
            PayRow::Band(b) => self.bands.contains(&Band(b)),
            PayRow::Medical(_) => self.medical,
            PayRow::Other => false,
        }
    }
}

/// A second characteristic to break a return indicator down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum By {
    /// White / BME.
    Ethnicity,
    /// Disabled / non-disabled.
    Disability,
    /// Women / men.
    Gender,
    /// Non-clinical / clinical / medical.
    Workforce,
    /// The band groups.
    BandGroup,
    /// All, without and only international recruits (recruitment).
    International,
}

impl By {
    /// Its name in the outputs.
    pub fn label(self) -> &'static str {
        match self {
            By::Ethnicity => "ethnicity",
            By::Disability => "disability",
            By::Gender => "gender",
            By::Workforce => "workforce",
            By::BandGroup => "band_group",
            By::International => "international",
        }
    }
}

/// Breakdowns of one return indicator.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BreakdownDef {
    /// The return indicator (`WRES2`, ...): a relative likelihood.
    pub indicator: String,
    /// The characteristics to break it down by.
    pub by: Vec<By>,
}

/// Progression definitions.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressionDefs {
    /// The band the headline starts from.
    pub from: Band,
    /// The senior band.
    pub senior: Band,
    /// The ladder of steps, lowest first.
    pub ladder: Vec<Band>,
    /// The blocks, in order.
    pub blocks: Vec<LadderBlock>,
    /// The comparisons.
    pub comparison: Vec<ProgressionDef>,
}

/// A block of progression: every non-medical person on the ladder, or one workforce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LadderBlock {
    /// Everyone on the ladder.
    All,
    /// Non-clinical staff.
    NonClinical,
    /// Clinical staff.
    Clinical,
}

impl LadderBlock {
    /// Its name in the outputs, and the workforce it keeps (`None` for everyone).
    pub fn workforce(self) -> (&'static str, Option<Workforce>) {
        match self {
            LadderBlock::All => ("all", None),
            LadderBlock::NonClinical => ("non_clinical", Some(Workforce::NonClinical)),
            LadderBlock::Clinical => ("clinical", Some(Workforce::Clinical)),
        }
    }
}

/// One progression comparison.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressionDef {
    /// `PROGRESSION-ETHNICITY`, ...
    pub id: String,
    /// `WRES` or `WDES`.
    pub standard: Standard,
    /// `ethnicity` or `disability`.
    pub dimension: Dimension,
    /// The group on top.
    pub numerator: Group,
    /// The group on the bottom (the protected group).
    pub denominator: Group,
}

/// The Model Employer gap.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelEmployerDef {
    /// The ladder, lowest first.
    pub bands: Vec<Band>,
    /// The first senior band (for the senior total).
    pub senior: Band,
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
