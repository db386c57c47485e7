//! The config file (TOML), one per trust, and the settings of a run.
//!
//! Every input and setting can come from the config file or from flags; flags win. Relative paths in the config
//! file resolve from the config file's folder. Unknown keys are errors, so a misspelt key never goes unnoticed.
//!
//! ```toml
//! [organisation]
//! name = "Example NHS Foundation Trust"
//! code = "RXX"
//!
//! [period]
//! year = 2025                 # or "2024/25", or snapshot_date = "2025-03-31"
//!
//! [report]
//! standards = ["wres", "wdes"]   # the default; ["wdes"] for a WDES-only run
//!
//! [inputs]
//! staff = "staff.xlsx"
//! recruitment = "recruitment.csv"
//!
//! [staff]                     # reading options per input kind (optional)
//! sheet = "ESR extract"
//! columns = { ethnicity = "EO Code" }
//!
//! [statistics]
//! ci_method = "score"         # score | katz
//! ci_level = 0.95
//! rolling_average = "current_headcount"   # or "pooled"
//! include_ill_health = false
//!
//! [pay]                       # hourly pay for the pay gaps (optional)
//! weekly_hours = 37.5
//! salary_basis = "actual"     # or "full_time" when Annual Salary is the full-time pay point
//!
//! [wdes9b]
//! answer = "yes"
//! text = "What the trust did to hear Disabled staff."
//!
//! [status]                    # the board page's status rules (optional; these are the defaults)
//! ratio_low = 0.8
//! ratio_high = 1.25
//! gap_points = 5.0
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::normalise::codes::{staff_group, StaffGroup, Workforce};
use crate::normalise::records::{header_names, InputFile, Period};
use crate::stats::CiMethod;

/// The config file as written.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// The organisation.
    #[serde(default)]
    pub organisation: Organisation,
    /// The reporting period.
    #[serde(default)]
    pub period: PeriodConfig,
    /// What the run reports on.
    #[serde(default)]
    pub report: ReportConfig,
    /// Input file paths by kind.
    #[serde(default)]
    pub inputs: InputsConfig,
    /// Reading options for the staff snapshot.
    #[serde(default)]
    pub staff: ReadOptions,
    /// Reading options for recruitment.
    #[serde(default)]
    pub recruitment: ReadOptions,
    /// Reading options for cases.
    #[serde(default)]
    pub cases: ReadOptions,
    /// Reading options for training.
    #[serde(default)]
    pub training: ReadOptions,
    /// Reading options for the survey.
    #[serde(default)]
    pub survey: ReadOptions,
    /// Reading options for the board.
    #[serde(default)]
    pub board: ReadOptions,
    /// Statistics settings.
    #[serde(default)]
    pub statistics: StatisticsConfig,
    /// Mappings that override the defaults.
    #[serde(default)]
    pub mapping: MappingConfig,
    /// WDES 9b: the trust's answer.
    pub wdes9b: Option<Wdes9b>,
    /// The local population to compare with.
    #[serde(default)]
    pub population: PopulationConfig,
    /// Output paths and modes.
    #[serde(default)]
    pub output: OutputConfig,
    /// How hourly pay is worked out for the pay gaps (extensions).
    #[serde(default)]
    pub pay: PayConfig,
    /// The board page's status rules.
    #[serde(default)]
    pub status: crate::compute::status::StatusConfig,
}

/// The `[pay]` section: how hourly pay is worked out where no hourly rate is given.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayConfig {
    /// Full-time weekly hours (default 37.5, the Agenda for Change standard).
    pub weekly_hours: Option<f64>,
    /// `actual` (default: the annual salary is what the person is paid, so hourly = salary / (FTE x weekly hours
    /// x 52.143)) or `full_time` (the salary is the full-time pay point, so hourly = salary / (weekly hours x
    /// 52.143)).
    pub salary_basis: Option<String>,
}

/// What an annual salary column holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SalaryBasis {
    /// What the person is paid (pro rata for part-time staff).
    #[default]
    Actual,
    /// The full-time pay point.
    FullTime,
}

/// The pay settings of a run (extensions: pay gaps).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PaySettings {
    /// Full-time weekly hours.
    pub weekly_hours: f64,
    /// What the annual salary column holds.
    pub salary_basis: SalaryBasis,
}

impl Default for PaySettings {
    fn default() -> Self {
        PaySettings { weekly_hours: 37.5, salary_basis: SalaryBasis::Actual }
    }
}

impl PayConfig {
    /// The settings, checked.
    pub fn settings(&self) -> Result<PaySettings> {
        let weekly_hours = self.weekly_hours.unwrap_or(37.5);
        if !(weekly_hours > 0.0 && weekly_hours <= 100.0) {
            return Err(Error::usage(format!("pay.weekly_hours = {weekly_hours} is not a number of hours in a week"))
                .with_hint("use the full-time contracted hours, e.g. 37.5"));
        }
        let salary_basis = match self.salary_basis.as_deref().map(str::trim) {
            None | Some("actual") => SalaryBasis::Actual,
            Some("full_time") => SalaryBasis::FullTime,
            Some(other) => {
                return Err(Error::usage(format!("pay.salary_basis = \"{other}\" is not recognised"))
                    .with_hint("use \"actual\" or \"full_time\""))
            }
        };
        Ok(PaySettings { weekly_hours, salary_basis })
    }
}

/// The local population: an area, and the Census 2021 files that describe it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PopulationConfig {
    /// `E92000001` (England, the default), a region (`E12...`), local authorities (`E06...,E08...:0.4`), or an
    /// ICB (`E54...` or its NHS code `Q..`).
    pub area: Option<String>,
    /// Census 2021 files (Nomis bulk, ONS custom dataset, lookups), relative to the config file.
    #[serde(default)]
    pub files: Vec<PathBuf>,
    /// The OHID acute trust catchment table.
    pub catchment: Option<PathBuf>,
    /// The trust (ODS code) whose catchment is the area.
    pub catchment_of: Option<String>,
}

/// The organisation reported on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Its ODS code.
    #[serde(default)]
    pub code: String,
}

/// The reporting period in the config.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodConfig {
    /// Reporting year: snapshot 31 March of it (`2025`, `"2025"`, or the financial year `"2024/25"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<ConfigYear>,
    /// Snapshot date, `YYYY-MM-DD`.
    pub snapshot_date: Option<String>,
}

/// A reporting year as the config file spells it: a number (`year = 2025`) or text (`year = "2024/25"`), read
/// by [`parse_year`] when the run is resolved. Any other TOML value is refused with words a user understands.
///
/// ```
/// use wres_wdes::config::{ConfigFile, ConfigYear};
/// let c: ConfigFile = toml::from_str("[period]\nyear = \"2024/25\"").unwrap();
/// assert_eq!(c.period.year, Some(ConfigYear::Text("2024/25".into())));
/// let e = toml::from_str::<ConfigFile>("[period]\nyear = 2025.5").unwrap_err();
/// assert!(e.to_string().contains("year must be a number such as 2025, or a financial year such as \"2024/25\""));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ConfigYear {
    /// `year = 2025`.
    Number(i64),
    /// `year = "2025"` or `year = "2024/25"`.
    Text(String),
}

/// What a config `year` must be, in words.
const YEAR_WORDS: &str = "year must be a number such as 2025, or a financial year such as \"2024/25\"";

impl<'de> Deserialize<'de> for ConfigYear {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        match toml::Value::deserialize(d) {
            Ok(toml::Value::Integer(n)) => Ok(ConfigYear::Number(n)),
            Ok(toml::Value::String(s)) => Ok(ConfigYear::Text(s)),
            _ => Err(serde::de::Error::custom(YEAR_WORDS)),
        }
    }
}

impl ConfigYear {
    /// The year as text, for [`parse_year`].
    pub fn text(&self) -> String {
        match self {
            ConfigYear::Number(n) => n.to_string(),
            ConfigYear::Text(s) => s.clone(),
        }
    }
}

/// The `[report]` section: what the run reports on.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportConfig {
    /// The standards asked for: `["wres"]`, `["wdes"]` or both (the default); a string `"wres,wdes"` too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standards: Option<StandardsList>,
}

/// The `standards` of the config as written: a list (`["wres", "wdes"]`) or one string (`"wres,wdes"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct StandardsList(pub Vec<String>);

impl<'de> Deserialize<'de> for StandardsList {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let words = "standards must be a list such as [\"wres\", \"wdes\"], [\"wres\"] or [\"wdes\"]";
        match toml::Value::deserialize(d) {
            Ok(toml::Value::String(s)) => Ok(StandardsList(vec![s])),
            Ok(toml::Value::Array(items)) => items
                .into_iter()
                .map(|v| match v {
                    toml::Value::String(s) => Ok(s),
                    _ => Err(serde::de::Error::custom(words)),
                })
                .collect::<std::result::Result<Vec<_>, _>>()
                .map(StandardsList),
            _ => Err(serde::de::Error::custom(words)),
        }
    }
}

/// The standards a run reports on: WRES, WDES or both (the default). The figures of a standard not asked for are
/// in no output, and the columns only it needs may be missing from the inputs.
///
/// ```
/// use wres_wdes::config::Standards;
/// assert_eq!(Standards::parse("wdes")?, Standards { wres: false, wdes: true });
/// assert_eq!(Standards::parse(" WRES , wdes ")?, Standards::BOTH);
/// assert!(Standards::parse("wdes").unwrap().includes("GPG"));
/// assert!(!Standards::parse("wdes").unwrap().includes("WRES"));
/// assert_eq!(Standards::parse("wres")?.names(), ["WRES"]);
/// assert!(Standards::parse("wrse").is_err());
/// # Ok::<(), wres_wdes::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standards {
    /// The Workforce Race Equality Standard.
    pub wres: bool,
    /// The Workforce Disability Equality Standard.
    pub wdes: bool,
}

impl Default for Standards {
    fn default() -> Self {
        Standards::BOTH
    }
}

impl Serialize for Standards {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.names().serialize(s)
    }
}

impl Standards {
    /// Both standards (the default).
    pub const BOTH: Standards = Standards { wres: true, wdes: true };

    /// Parses `wres`, `wdes` or `wres,wdes` (any case, spaces allowed).
    pub fn parse(list: &str) -> Result<Standards> {
        Standards::from_words(list.split(','))
    }

    /// Parses a list of standard names, each `wres` or `wdes` (any case); empty items are ignored.
    pub fn from_words<'a>(words: impl IntoIterator<Item = &'a str>) -> Result<Standards> {
        let mut out = Standards { wres: false, wdes: false };
        for word in words {
            match word.trim().to_ascii_lowercase().as_str() {
                "wres" => out.wres = true,
                "wdes" => out.wdes = true,
                "" => {}
                other => {
                    return Err(Error::usage(format!("'{other}' is not a standard this tool reports on"))
                        .with_hint("use wres, wdes or wres,wdes (the default is both)"))
                }
            }
        }
        if !out.wres && !out.wdes {
            return Err(
                Error::usage("no standard named").with_hint("use wres, wdes or wres,wdes (the default is both)")
            );
        }
        Ok(out)
    }

    /// Whether the figures of `standard` (`WRES`, `WDES`; anything else, such as the gender pay gap's `GPG`, is
    /// not one of the two) are asked for.
    pub fn includes(&self, standard: &str) -> bool {
        match standard {
            "WRES" => self.wres,
            "WDES" => self.wdes,
            _ => true,
        }
    }

    /// Whether figures about the groups of `dimension` (`ethnicity`: WRES, `disability`: WDES; any other
    /// characteristic, such as gender, belongs to neither) are asked for.
    pub fn includes_dimension(&self, dimension: &str) -> bool {
        match dimension {
            "ethnicity" => self.wres,
            "disability" => self.wdes,
            _ => true,
        }
    }

    /// The names of the standards asked for: `["WRES", "WDES"]`, `["WRES"]` or `["WDES"]`.
    pub fn names(&self) -> Vec<&'static str> {
        [("WRES", self.wres), ("WDES", self.wdes)].into_iter().filter(|(_, on)| *on).map(|(n, _)| n).collect()
    }

    /// The standards not asked for.
    pub fn left_out(&self) -> Vec<&'static str> {
        [("WRES", self.wres), ("WDES", self.wdes)].into_iter().filter(|(_, on)| !*on).map(|(n, _)| n).collect()
    }
}

/// Input paths by kind.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct InputsConfig {
    /// Earlier years' results JSON, for trends.
    #[serde(default)]
    pub previous: Vec<PathBuf>,
    pub staff: Option<PathBuf>,
    pub recruitment: Option<PathBuf>,
    pub cases: Option<PathBuf>,
    pub training: Option<PathBuf>,
    pub survey: Option<PathBuf>,
    pub board: Option<PathBuf>,
}

/// How to read one input: the sheet, header names by field, and the order of day and month in text dates.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadOptions {
    /// The sheet to read.
    pub sheet: Option<String>,
    /// Header names by field name.
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
    /// How text dates such as `04/03/2024` are read: `dmy` (day first), `mdy` (month first) or `auto` (the
    /// default: day first unless a value can only be month first).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_order: Option<String>,
}

/// Parses an input's `date_order`: `None` for `auto` (the tool decides from the values).
///
/// ```
/// use wres_wdes::config::parse_date_order;
/// use wres_wdes::read::DateOrder;
/// assert_eq!(parse_date_order("training", "MDY")?, Some(DateOrder::MonthFirst));
/// assert_eq!(parse_date_order("training", "auto")?, None);
/// assert!(parse_date_order("training", "ymd").is_err());
/// # Ok::<(), wres_wdes::Error>(())
/// ```
pub fn parse_date_order(section: &str, value: &str) -> Result<Option<crate::read::DateOrder>> {
    use crate::read::DateOrder;
    match value.trim().to_ascii_lowercase().as_str() {
        "dmy" | "day_first" => Ok(Some(DateOrder::DayFirst)),
        "mdy" | "month_first" => Ok(Some(DateOrder::MonthFirst)),
        "auto" => Ok(None),
        _ => Err(Error::usage(format!("{section}.date_order = \"{value}\" is not recognised")).with_hint(
            "use \"dmy\" (day first: 31/03/2025), \"mdy\" (month first: 03/31/2025) or \"auto\" (the default: day \
             first unless a date can only be month first)",
        )),
    }
}

/// Statistics settings.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatisticsConfig {
    /// `score` (default) or `katz`.
    pub ci_method: Option<String>,
    /// Confidence level in (0, 1), default 0.95.
    pub ci_level: Option<f64>,
    /// `current_headcount` (default) or `pooled`.
    pub rolling_average: Option<String>,
    /// WDES 3 also counts capability on grounds of ill health.
    pub include_ill_health: Option<bool>,
    /// Headcount by group at the previous snapshot, for the pooled rolling average (`White`, `BME`,
    /// `Disabled`, `Non-disabled`).
    #[serde(default)]
    pub previous_headcount: BTreeMap<String, u64>,
}

/// Overrides of the default mappings.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct MappingConfig {
    /// Staff group name to `non_clinical`, `clinical` or `medical`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub staff_groups: BTreeMap<String, String>,
    /// `[mapping.FIELD]`: raw values of a coded field to accepted values, by field (checked by
    /// [`ValueMappings::from_config`](crate::normalise::mapping::ValueMappings::from_config), which also refuses
    /// a field name it does not know).
    #[serde(flatten)]
    pub fields: BTreeMap<String, BTreeMap<String, String>>,
}

/// WDES 9b: has the trust taken action to hear the voices of Disabled staff.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wdes9b {
    /// `yes` or `no`.
    pub answer: String,
    /// What it did.
    #[serde(default)]
    pub text: String,
}

/// Output settings.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct OutputConfig {
    pub workbook: Option<PathBuf>,
    pub json: Option<PathBuf>,
    pub csv: Option<PathBuf>,
    pub publication: Option<bool>,
    pub strict: Option<bool>,
}

/// The two readings of the two-year rolling average (docs/method.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RollingAverage {
    /// Both years' cases over twice the current headcount (the default).
    CurrentHeadcount,
    /// Both years' cases over both years' headcounts.
    Pooled,
}

/// Everything a computation needs besides the records.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Settings {
    /// The organisation.
    pub organisation: Organisation,
    /// The snapshot date.
    #[serde(serialize_with = "serialize_date")]
    pub snapshot_date: NaiveDate,
    /// Interval method for relative likelihoods.
    pub ci_method: CiMethod,
    /// Confidence level.
    pub ci_level: f64,
    /// Rolling-average reading.
    pub rolling_average: RollingAverage,
    /// WDES 3 includes ill-health capability.
    pub include_ill_health: bool,
    /// Publication mode (disclosure control).
    pub publication: bool,
    /// Previous headcount by group label, for the pooled reading.
    pub previous_headcount: BTreeMap<String, u64>,
    /// WDES 9b answer.
    pub wdes9b: Option<Wdes9b>,
    /// The local population to compare the workforce with (England by default).
    #[serde(skip)]
    pub area: AreaChoice,
    /// How hourly pay is worked out (extensions: pay gaps).
    pub pay: PaySettings,
    /// The standards reported on (both by default).
    pub standards: Standards,
    /// The board page's status rules.
    pub status: crate::compute::status::StatusRules,
}

fn serialize_date<S: serde::Serializer>(d: &NaiveDate, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&d.format("%Y-%m-%d").to_string())
}

impl Settings {
    /// The defaults for a reporting year: snapshot 31 March, score interval at 95%, the current-headcount
    /// rolling average, performance-only capability, exact figures, England as the population.
    ///
    /// ```
    /// let s = wres_wdes::config::Settings::for_year(2025);
    /// assert_eq!(s.snapshot_date.to_string(), "2025-03-31");
    /// ```
    pub fn for_year(year: i32) -> Settings {
        Settings {
            organisation: Organisation::default(),
            snapshot_date: Period::for_year(year).map_or(NaiveDate::MIN, |p| p.snapshot),
            ci_method: CiMethod::Score,
            ci_level: 0.95,
            rolling_average: RollingAverage::CurrentHeadcount,
            include_ill_health: false,
            publication: false,
            previous_headcount: BTreeMap::new(),
            wdes9b: None,
            area: Default::default(),
            pay: PaySettings::default(),
            standards: Standards::BOTH,
            status: Default::default(),
        }
    }
    /// The reporting period.
    pub fn period(&self) -> Period {
        Period { snapshot: self.snapshot_date }
    }
}

/// The input files of a run.
#[derive(Debug, Clone, Default)]
#[allow(missing_docs)]
pub struct Inputs {
    pub staff: Option<InputFile>,
    pub recruitment: Option<InputFile>,
    pub cases: Option<InputFile>,
    pub training: Option<InputFile>,
    pub survey: Option<InputFile>,
    pub board: Option<InputFile>,
    /// Staff-group overrides.
    pub workforce_mapping: BTreeMap<StaffGroup, Workforce>,
    /// Census 2021 population files (and the catchment table).
    pub population: Vec<PathBuf>,
    /// Earlier years' results JSON.
    pub previous: Vec<PathBuf>,
}

/// Reads and parses a config file.
pub fn load(path: &Path) -> Result<ConfigFile> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::io(format!("{}: cannot read the config file: {e}", path.display())))?;
    let config: ConfigFile = toml::from_str(&text).map_err(|e| {
        let message = e.to_string();
        let hint = did_you_mean(&message)
            .unwrap_or_else(|| "see the README section 'The config file' for every key".to_string());
        Error::usage(format!("{}: {}", path.display(), message.trim_end())).with_hint(hint)
    })?;
    validate(&config).map_err(|e| e.context(path.display()))?;
    Ok(config)
}

/// The groups `[statistics] previous_headcount` counts.
const HEADCOUNT_GROUPS: [&str; 4] = ["White", "BME", "Disabled", "Non-disabled"];

/// Checks what the file's types alone cannot: every key of an input's `columns` is one of that input's fields,
/// the WDES 9b answer is yes or no, and `previous_headcount` counts the four groups. A usage error (exit 2) saying
/// what is wrong in the file's own words, with the closest right key.
///
/// ```
/// let c: wres_wdes::config::ConfigFile = toml::from_str("[staff]\ncolumns = { ethnicty = \"EO\" }").unwrap();
/// let e = wres_wdes::config::validate(&c).unwrap_err();
/// assert_eq!(e.exit_code(), 2);
/// assert!(e.to_string().contains("did you mean `ethnicity`?"), "{e}");
/// ```
pub fn validate(c: &ConfigFile) -> Result<()> {
    let sections = [&c.staff, &c.recruitment, &c.cases, &c.training, &c.survey, &c.board];
    for (kind, options) in header_names::KINDS.iter().zip(sections) {
        let names = header_names::field_names(kind);
        for key in options.columns.keys() {
            if names.contains(&key.as_str()) {
                continue;
            }
            let guess = crate::read::closest(key, &names).map(|n| format!("did you mean `{n}`? ")).unwrap_or_default();
            return Err(Error::usage(format!(
                "[{kind}.columns] {key}: the {kind} input has no field '{key}'; its fields are: {}",
                names.join(", ")
            ))
            .with_hint(format!(
                "{guess}each key is a field and its value the column header in your file, e.g. {} = \"Your column \
                 header\"",
                names.first().copied().unwrap_or("ethnicity")
            )));
        }
    }
    if let Some(w) = &c.wdes9b {
        if parse_yes_no(&w.answer).is_none() {
            return Err(Error::usage(format!("wdes9b.answer must be yes or no, not \"{}\"", w.answer))
                .with_hint("write answer = \"yes\" (or \"no\"), and say what the trust did in text = \"...\""));
        }
    }
    for key in c.statistics.previous_headcount.keys() {
        if !HEADCOUNT_GROUPS.contains(&key.as_str()) {
            let guess = crate::read::closest(key, &HEADCOUNT_GROUPS)
                .map(|n| format!("did you mean `{n}`? "))
                .unwrap_or_default();
            return Err(Error::usage(format!(
                "statistics.previous_headcount: '{key}' is not a group; the groups are: {}",
                HEADCOUNT_GROUPS.join(", ")
            ))
            .with_hint(format!("{guess}e.g. previous_headcount = {{ White = 3000, BME = 1200 }}")));
        }
    }
    Ok(())
}

/// A WDES 9b answer: `yes` or `no` (also `y`/`n`, `true`/`false`, any case).
///
/// ```
/// use wres_wdes::config::parse_yes_no;
/// assert_eq!(parse_yes_no(" Yes "), Some(true));
/// assert_eq!(parse_yes_no("Yes we did"), None);
/// ```
pub fn parse_yes_no(answer: &str) -> Option<bool> {
    match answer.trim().to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" => Some(true),
        "no" | "n" | "false" => Some(false),
        _ => None,
    }
}

/// For an "unknown field `x`, expected one of `a`, `b`" message, the closest expected key.
///
/// ```
/// use wres_wdes::config::did_you_mean;
/// let m = "unknown field `statistcs`, expected one of `organisation`, `period`, `statistics`";
/// assert_eq!(did_you_mean(m).as_deref(), Some("did you mean `statistics`?"));
/// ```
pub fn did_you_mean(message: &str) -> Option<String> {
    let rest = message.split("unknown field `").nth(1)?;
    let (unknown, rest) = rest.split_once('`')?;
    let expected = rest.split_once("expected")?.1;
    let keys: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    crate::read::closest(unknown, &keys).map(|k| format!("did you mean `{k}`?"))
}

/// Parses a CI method name.
pub fn parse_ci_method(s: &str) -> Result<CiMethod> {
    match s.trim().to_ascii_lowercase().as_str() {
        "score" => Ok(CiMethod::Score),
        "katz" => Ok(CiMethod::Katz),
        "score-uncorrected" => Ok(CiMethod::ScoreUncorrected),
        "log-adjusted" => Ok(CiMethod::LogAdjusted),
        other => {
            Err(Error::usage(format!("unknown interval method '{other}'")).with_hint("use score (the default) or katz"))
        }
    }
}

/// Parses a confidence level, which must lie strictly between 0 and 1.
pub fn parse_ci_level(level: f64) -> Result<f64> {
    if level > 0.0 && level < 1.0 {
        Ok(level)
    } else {
        Err(Error::usage(format!("confidence level {level} is not between 0 and 1")).with_hint("for example 0.95"))
    }
}

/// Parses a rolling-average reading.
pub fn parse_rolling_average(s: &str) -> Result<RollingAverage> {
    match s.trim() {
        "current_headcount" => Ok(RollingAverage::CurrentHeadcount),
        "pooled" => Ok(RollingAverage::Pooled),
        other => Err(Error::usage(format!("unknown rolling_average '{other}'"))
            .with_hint("use current_headcount (the default) or pooled")),
    }
}

/// Parses a snapshot date `YYYY-MM-DD`, whose year must be one [`check_year`] accepts.
pub fn parse_snapshot_date(s: &str) -> Result<NaiveDate> {
    use chrono::Datelike;
    let date = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| Error::usage(format!("snapshot date '{s}' is not a date")).with_hint("write it as YYYY-MM-DD"))?;
    check_year(date.year(), &format!("snapshot date {s}"))?;
    Ok(date)
}

/// The first reporting year: WRES data were first collected for 2015.
pub const FIRST_YEAR: i32 = 2015;

/// The calendar year today, from the system clock.
pub fn current_year() -> i32 {
    use chrono::Datelike;
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
        .map_or(FIRST_YEAR, |d| d.year())
}

/// Parses a reporting year as a user writes it: `2025`, or a financial year `2024/25`, `2024-25` or
/// `2024/2025` (the year ending 31 March 2025). The year must lie between 2015 and next year; a two-digit year
/// (`25`) gets "did you mean 2025?".
///
/// ```
/// use wres_wdes::config::parse_year;
/// assert_eq!(parse_year("2025")?, 2025);
/// assert_eq!(parse_year("2024/25")?, 2025);
/// assert_eq!(parse_year(" 2024-25 ")?, 2025);
/// assert_eq!(parse_year("2019/2020")?, 2020);
/// let e = parse_year("25").unwrap_err();
/// assert_eq!(e.exit_code(), 2);
/// assert!(e.hint().unwrap().contains("did you mean 2025?"));
/// assert!(parse_year("2024/26").is_err());
/// assert!(parse_year("1999").is_err());
/// assert!(parse_year("2999").is_err());
/// # Ok::<(), wres_wdes::Error>(())
/// ```
pub fn parse_year(raw: &str) -> Result<i32> {
    let text = raw.trim();
    let words = "a reporting year is written 2025 (the year ending 31 March 2025) or 2024/25";
    let not_a_year = || Error::usage(format!("'{text}' is not a reporting year")).with_hint(words);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let number = |s: &str| s.parse::<i32>().map_err(|_| not_a_year());
    if digits(text) {
        let year = number(text)?;
        return match text.len() {
            4 => check_year(year, text),
            1 | 2 => Err(Error::usage(format!("'{text}' is not a reporting year"))
                .with_hint(format!("did you mean {}? ({words})", 2000 + year))),
            _ => Err(not_a_year()),
        };
    }
    let Some((first, second)) = text.split_once(['/', '-']).map(|(a, b)| (a.trim(), b.trim())) else {
        return Err(not_a_year());
    };
    if !digits(first) || !digits(second) {
        return Err(not_a_year());
    }
    let start = number(first)?;
    match (first.len(), second.len()) {
        (4, 2) | (4, 4) => {
            let end = number(second)?;
            let expected = if second.len() == 2 { (start + 1) % 100 } else { start + 1 };
            if end != expected {
                return Err(Error::usage(format!("'{text}' is not a financial year")).with_hint(format!(
                    "a financial year runs April to March: did you mean {start}/{:02}?",
                    (start + 1) % 100
                )));
            }
            check_year(start + 1, text)
        }
        (2, 2) => Err(Error::usage(format!("'{text}' is not a reporting year"))
            .with_hint(format!("did you mean 20{first}/{second}? ({words})"))),
        _ => Err(not_a_year()),
    }
}

/// Checks that a reporting year lies between 2015 (the first WRES collection) and next year; `given` is how the
/// user wrote it.
pub fn check_year(year: i32, given: &str) -> Result<i32> {
    let last = current_year() + 1;
    if year < FIRST_YEAR {
        return Err(Error::usage(format!("{given} is before {FIRST_YEAR}, the first year of the WRES"))
            .with_hint(format!("give a reporting year from {FIRST_YEAR} to {last}, such as --year {}", last - 1)));
    }
    if year > last {
        return Err(Error::usage(format!(
            "{given} is in the future: the reporting year ending 31 March {year} has not begun, so no data can \
             fall in it"
        ))
        .with_hint(format!(
            "give the year whose 31 March ends the period reported on, up to {last}: for April {} to March {}, \
             --year {} (or {}/{:02})",
            last - 2,
            last - 1,
            last - 1,
            last - 2,
            (last - 1) % 100
        )));
    }
    Ok(year)
}

/// The staff-group overrides of a config file.
pub fn workforce_mapping(config: &MappingConfig) -> Result<BTreeMap<StaffGroup, Workforce>> {
    let mut out = BTreeMap::new();
    for (group, block) in &config.staff_groups {
        let g = staff_group::classify(group).ok_or_else(|| {
            Error::usage(format!("mapping.staff_groups: '{group}' is not a staff group"))
                .with_hint("use a staff group name such as \"Administrative and Clerical\"")
        })?;
        let w = match block.as_str() {
            "non_clinical" => Workforce::NonClinical,
            "clinical" => Workforce::Clinical,
            "medical" => Workforce::Medical,
            other => {
                return Err(Error::usage(format!("mapping.staff_groups: '{other}' is not a workforce block"))
                    .with_hint("use non_clinical, clinical or medical"))
            }
        };
        out.insert(g, w);
    }
    Ok(out)
}

/// A path made absolute (links and `..` resolved when it exists), for a printed config file that works wherever
/// it is saved.
///
/// ```
/// let p = wres_wdes::config::absolute(std::path::Path::new("no-such-folder/staff.csv"));
/// assert!(p.is_absolute() && p.ends_with("no-such-folder/staff.csv"));
/// ```
pub fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).or_else(|_| std::path::absolute(path)).unwrap_or_else(|_| path.to_path_buf())
}

/// Resolves a path from the config file against the config file's folder.
pub fn resolve(base: Option<&Path>, path: &Path) -> PathBuf {
    match base {
        Some(dir) if path.is_relative() => dir.join(path),
        _ => path.to_path_buf(),
    }
}

/// The comparison population chosen by the user.
///
/// ```
/// use wres_wdes::compute::population::area::{parse_area, AreaChoice};
/// assert_eq!(parse_area("E92000001")?, AreaChoice::England);
/// assert_eq!(parse_area("QMF")?, AreaChoice::Icb("QMF".into()));
/// # Ok::<(), wres_wdes::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub enum AreaChoice {
    /// England (E92000001), the default.
    #[default]
    England,
    /// An English region by ONS code (E12000001-E12000009) or name; also Wales (W92000004) and England and Wales
    /// (K04000001).
    Region(String),
    /// Local authorities by GSS code (E06, E07, E08, E09, W06), each with an optional weight. Without weights the
    /// counts are summed; with weights the mix is `Σ wᵢ·shareᵢ / Σ wᵢ`.
    LocalAuthorities(Vec<(String, Option<f64>)>),
    /// An Integrated Care Board by ONS code (E54...) or NHS code (`Q` and two characters, e.g. `QMF`).
    Icb(String),
    /// An acute trust's catchment from the OHID catchment table.
    Catchment {
        /// The trust's ODS code, e.g. `R0A`.
        trust_ods: String,
    },
}
