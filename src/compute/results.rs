//! The result set of one run: what every renderer (JSON, CSV, workbook) shows, computed once.
//!
//! Serialised with serde it is exactly the JSON described in docs/outputs.md. Absent values are `None` (JSON
//! `null`), never NaN or infinity.

use serde::{Deserialize, Serialize};

use crate::config::{Organisation, RollingAverage, Standards, Wdes9b};
use crate::normalise::quality::InputQuality;
use crate::stats::{Assessment, CiMethod, NotEstimable};

/// The schema name written in the JSON.
pub const SCHEMA: &str = crate::read::previous::RESULTS_SCHEMA;

/// Everything one run computed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    /// `wres-wdes/results/1`.
    pub schema: &'static str,
    /// The tool version that computed it.
    pub tool_version: &'static str,
    /// The organisation.
    pub organisation: Organisation,
    /// The snapshot date, `YYYY-MM-DD`.
    pub snapshot_date: String,
    /// The reporting period, `YYYY-MM-DD` to `YYYY-MM-DD`.
    pub reporting_period: [String; 2],
    /// The settings that shaped the figures.
    pub settings: SettingsOut,
    /// Every indicator and metric, WRES then WDES.
    pub indicators: Vec<IndicatorResult>,
    /// The workforce against the local population (Census 2021); `None` without a staff snapshot.
    pub population: Option<crate::compute::population::comparison::PopulationResult>,
    /// What was read and what could not be used.
    pub data_quality: DataQuality,
    /// Each indicator's headline across the years given with `--previous` (empty without).
    pub trend: Vec<TrendRow>,
    /// Beyond the returns: pay gaps, intersections, recruitment views, progression, the Model Employer gap.
    pub extensions: crate::compute::extensions::Extensions,
    /// A paragraph per standard for the board, written from the figures.
    pub narrative: crate::compute::extensions::Narrative,
    /// The board page: each figure's status by the stated rules, last year and England beside it, and the key
    /// messages.
    pub board_summary: crate::compute::board_summary::BoardSummary,
}

/// The settings block of the JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SettingsOut {
    /// Interval method.
    pub ci_method: CiMethod,
    /// Confidence level.
    pub ci_level: f64,
    /// Rolling-average reading of WRES 3 and WDES 3.
    pub rolling_average: RollingAverage,
    /// WDES 3 includes ill-health capability.
    pub include_ill_health: bool,
    /// Disclosure control applied.
    pub publication: bool,
    /// The standards reported on: `["WRES", "WDES"]`, `["WRES"]` or `["WDES"]`; the other's figures are in no
    /// output.
    pub standards: Standards,
}

/// Whether an indicator has figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Computed.
    Ok,
    /// The input it needs was not given or held nothing usable; `reason` says which.
    NoData,
    /// Data present, but no ratio can be estimated; `reason` says why.
    NotEstimable,
    /// Withheld by disclosure control or the small-group rule.
    Suppressed,
}

/// One indicator's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorResult {
    /// `WRES1` .. `WDES10`.
    pub id: String,
    /// `WRES` or `WDES`.
    pub standard: String,
    /// Short title.
    pub title: String,
    /// Plain-English meaning.
    pub wording: String,
    /// `representation`, `relative_likelihood`, `survey`, `board`, `declaration`.
    pub kind: &'static str,
    /// Whether it has figures.
    pub status: Status,
    /// Why it has none, or what limits it.
    pub reason: Option<String>,
    /// Notes a reader should see with the figure (small numbers, one year only, ...).
    pub notes: Vec<String>,
    /// What the figure means, in one plain-English sentence written from the figures.
    pub summary: String,
    /// The one number a Summary line and a trend show.
    pub headline: Option<Headline>,
    /// The figures of its kind.
    #[serde(flatten)]
    pub figures: Figures,
}

/// The figures of one kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Figures {
    /// WRES 1, WDES 1.
    Representation(RepresentationFigures),
    /// WRES 2-4, WDES 2-3.
    RelativeLikelihood(Box<RelativeLikelihoodFigures>),
    /// WRES 5-8, WDES 4-9a.
    Survey(SurveyFigures),
    /// WRES 9, WDES 10.
    Board(BoardFigures),
    /// WDES 9b.
    Declaration(DeclarationFigures),
}

/// Representation rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RepresentationFigures {
    /// One row per (workforce block, band or cluster, group).
    pub rows: Vec<RepresentationRow>,
}

/// One representation row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RepresentationRow {
    /// `non_clinical`, `clinical`, `medical` or `overall`.
    pub workforce: &'static str,
    /// Band, medical subgroup, cluster, or `All`.
    pub band: String,
    /// `White`, `BME`, `Unknown`, `Disabled`, `Non-disabled`, or `All`.
    pub group: &'static str,
    /// People in the group in this row (`None` when suppressed).
    pub count: Option<u64>,
    /// People in this row, unknowns included (`None` when suppressed).
    pub total: Option<u64>,
    /// Count as a percentage of total.
    pub percent: Option<f64>,
}

/// A relative likelihood and what it is built from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelativeLikelihoodFigures {
    /// Events and totals by group; unknowns shown but not used.
    pub groups: Vec<GroupRate>,
    /// The ratio, when the groups are there (`None` with status no_data).
    pub ratio: Option<Ratio>,
    /// Within or outside the non-adverse range.
    pub assessment: Assessment,
    /// For a rolling average: what each year held and which reading is shown.
    pub rolling_average: Option<RollingDetail>,
}

/// One group's events out of its total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupRate {
    /// The group label.
    pub group: &'static str,
    /// Members with the outcome (`None` when suppressed).
    pub events: Option<u64>,
    /// Members (`None` when suppressed).
    pub total: Option<u64>,
    /// events / total.
    pub rate: Option<f64>,
}

impl GroupRate {
    /// A group's row from its tally: the rate is `None` when the group is empty.
    ///
    /// ```
    /// use wres_wdes::compute::results::GroupRate;
    /// use wres_wdes::normalise::records::Tally;
    /// let r = GroupRate::of("BME", Tally { events: 3, total: 12 });
    /// assert_eq!((r.events, r.total, r.rate), (Some(3), Some(12), Some(0.25)));
    /// assert_eq!(GroupRate::of("White", Tally::default()).rate, None);
    /// ```
    pub fn of(group: &'static str, t: crate::normalise::records::Tally) -> GroupRate {
        GroupRate {
            group,
            events: Some(t.events),
            total: Some(t.total),
            rate: (t.total > 0).then(|| t.events as f64 / t.total as f64),
        }
    }
}

/// A ratio of two rates with its intervals and test.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ratio {
    /// The group on top.
    pub numerator_group: &'static str,
    /// The group on the bottom.
    pub denominator_group: &'static str,
    /// The ratio; `None` when not estimable.
    pub value: Option<f64>,
    /// Why there is no ratio.
    pub not_estimable: Option<NotEstimable>,
    /// The interval of the chosen method.
    pub ci: Option<Ci>,
    /// The Katz log interval, reported alongside.
    pub katz_ci: Option<Ci>,
    /// Two-sided test of ratio = 1 matching the interval method.
    pub p_value: Option<f64>,
    /// The interval excludes 1.
    pub significant: Option<bool>,
}

/// A confidence interval in the outputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ci {
    /// `score`, `katz`, ...
    pub method: CiMethod,
    /// Confidence level.
    pub level: f64,
    /// Lower limit.
    pub low: f64,
    /// Upper limit; `None` when there is no finite upper limit.
    pub high: Option<f64>,
}

/// The two years behind a rolling average, and the other reading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RollingDetail {
    /// The reading shown in `ratio`.
    pub reading: RollingAverage,
    /// False when the file held no case in the previous year, so one year was used.
    pub two_years: bool,
    /// People entering the process, by year and group.
    pub cases_by_year: Vec<YearCount>,
    /// Each group's headcount at the snapshot (the rates' totals are twice this with two years of cases).
    pub headcount: Vec<GroupHeadcount>,
    /// The other reading's ratio, when it can be computed.
    pub alternative: Option<AlternativeReading>,
}

/// Cases in one year for one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearCount {
    /// `current` or `previous`.
    pub year: &'static str,
    /// The group.
    pub group: &'static str,
    /// People entering the process that year.
    pub cases: u64,
}

/// A group's headcount at the snapshot.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupHeadcount {
    /// The group.
    pub group: &'static str,
    /// Its headcount (`None` when withheld).
    pub headcount: Option<u64>,
}

/// The other rolling-average reading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlternativeReading {
    /// Which reading.
    pub reading: RollingAverage,
    /// Its groups.
    pub groups: Vec<GroupRate>,
    /// Its ratio (`None` with the reason when it cannot be computed).
    pub ratio: Option<Ratio>,
    /// Its assessment.
    pub assessment: Assessment,
    /// Why it could not be computed.
    pub reason: Option<String>,
}

/// Survey results for one measure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SurveyFigures {
    /// The measure id.
    pub measure: String,
    /// `percent` or `score`.
    pub unit: &'static str,
    /// One row per group given.
    pub rows: Vec<SurveyRow>,
    /// Protected group minus the other, in percentage points (score points for 9a).
    pub gap_pp: Option<f64>,
    /// Newcombe interval of the gap (percentages only).
    pub gap_ci_low: Option<f64>,
    /// Upper limit of the gap's interval.
    pub gap_ci_high: Option<f64>,
}

/// One group's survey value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SurveyRow {
    /// The group.
    pub group: &'static str,
    /// The percentage or score (`None` when suppressed).
    pub value: Option<f64>,
    /// Respondents.
    pub respondents: Option<u64>,
    /// Wilson interval lower limit (percentages only).
    pub ci_low: Option<f64>,
    /// Wilson interval upper limit.
    pub ci_high: Option<f64>,
    /// `ok` or `suppressed` (fewer than 11 respondents).
    pub status: Status,
}

/// Board membership against the workforce.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BoardFigures {
    /// One row per (membership, group).
    pub rows: Vec<BoardRow>,
    /// Board percent minus workforce percent for the protected group, in percentage points.
    pub difference_pp: BoardDifference,
}

/// One board row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BoardRow {
    /// `all`, `voting`, `non_voting`, `executive`, `non_executive` or `workforce`.
    pub membership: &'static str,
    /// The group.
    pub group: &'static str,
    /// Members in the group.
    pub count: Option<u64>,
    /// Members in the membership (unknowns included).
    pub total: Option<u64>,
    /// count / total in percent.
    pub percent: Option<f64>,
}

/// The board differences, protected group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BoardDifference {
    /// Voting members minus workforce.
    pub voting: Option<f64>,
    /// Executive members minus workforce.
    pub executive: Option<f64>,
    /// All members minus workforce.
    pub all: Option<f64>,
}

/// WDES 9b.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeclarationFigures {
    /// `yes`, `no` or `None`.
    pub answer: Option<String>,
    /// The trust's text.
    pub text: Option<String>,
}

impl From<&Wdes9b> for DeclarationFigures {
    fn from(w: &Wdes9b) -> Self {
        let answer = crate::config::parse_yes_no(&w.answer).map(|yes| if yes { "yes" } else { "no" }.to_string());
        DeclarationFigures { answer, text: (!w.text.trim().is_empty()).then(|| w.text.trim().to_string()) }
    }
}

/// The data-quality block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DataQuality {
    /// One per input file.
    pub inputs: Vec<InputQuality>,
    /// Declaration rates of the workforce.
    pub declaration: DeclarationRates,
    /// Inputs not given, by kind.
    pub missing_inputs: Vec<&'static str>,
    /// People in the workforce outside the medical workforce with no Agenda for Change band (none recognised, or
    /// a non-AfC contract), shown in the `Other` row of WRES 1 (`None` without a staff snapshot, or when withheld).
    pub other_band_staff: Option<u64>,
    /// Rows left out of every input, in total.
    pub rows_left_out: RowsLeftOut,
}

/// Rows left out of every input together.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RowsLeftOut {
    /// By the rules of the returns (bank, honorary and agency rows, students, a person's second row, mandatory
    /// training, dates outside the period, applicants not shortlisted).
    pub by_rule: Option<u64>,
    /// Because they could not be used (unrecognised values, missing or invalid fields).
    pub unusable: Option<u64>,
}

/// Shares of the workforce with unknown ethnicity and disability.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeclarationRates {
    /// Headcount.
    pub headcount: u64,
    /// Percent of the workforce with Unknown ethnicity.
    pub ethnicity_unknown_percent: Option<f64>,
    /// Percent of the workforce with Unknown disability.
    pub disability_unknown_percent: Option<f64>,
}

/// A headline figure and what it measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Headline {
    /// The value.
    pub value: f64,
    /// `ratio`, `percent` or `percentage_points`, `points` (score gaps).
    pub unit: String,
    /// What it is, in words (`BME share of the workforce`, `relative likelihood`, ...).
    pub measure: String,
}

/// One year's headline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendPoint {
    /// The snapshot date of that year.
    pub snapshot_date: String,
    /// The headline value (`None` when there was none).
    pub value: Option<f64>,
}

/// One indicator across years.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendRow {
    /// The indicator.
    pub id: String,
    /// Its unit (`ratio`, `percent`, `percentage_points`, `points`).
    pub unit: Option<String>,
    /// Earlier years first, this year last.
    pub points: Vec<TrendPoint>,
    /// This year's headline minus the latest earlier year's.
    pub change: Option<f64>,
    /// Why the years may not be comparable.
    pub flags: Vec<String>,
}
