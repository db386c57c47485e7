//! Earlier runs' results (`--previous a.json b.json`): the JSON this tool wrote in earlier years, read back for
//! trends. Only what a trend needs is read. A file that is not a results JSON of this tool (a workbook, the CSV,
//! another JSON), or that is for another organisation or for a snapshot not before this run's, is a usage error
//! (exit 2) saying which and what to give instead.

use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::config::Organisation;
use crate::error::{Error, Result};

/// The schema name of the results JSON this tool writes (and reads back).
pub const RESULTS_SCHEMA: &str = "wres-wdes/results/1";

/// What to give instead of a file that is not an earlier run's results.
const HINT: &str = "give the JSON that `wres-wdes report --json results.json` wrote for an earlier year";

/// The parts of an earlier run a trend uses.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PreviousRun {
    /// The path as given.
    #[serde(skip)]
    pub path: String,
    /// `wres-wdes/results/1`.
    pub schema: String,
    /// The tool version that wrote it.
    pub tool_version: String,
    /// The organisation it is for.
    #[serde(default)]
    pub organisation: Organisation,
    /// Its snapshot date.
    pub snapshot_date: String,
    /// Its settings, as written.
    pub settings: serde_json::Value,
    /// Its indicators.
    pub indicators: Vec<PreviousIndicator>,
    /// Its board summary (written from version 0.1 with the board page on; absent in older files).
    #[serde(default)]
    pub board_summary: Option<PreviousBoardSummary>,
}

/// The parts of an earlier board summary the direction of change uses.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct PreviousBoardSummary {
    /// One line per indicator.
    #[serde(default)]
    pub lines: Vec<PreviousLine>,
}

/// One line of an earlier board summary.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PreviousLine {
    /// The indicator id.
    pub id: String,
    /// The figure its status was judged on, when it had one.
    #[serde(default)]
    pub figure: Option<PreviousFigure>,
}

/// A judged figure of an earlier year, with its interval.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct PreviousFigure {
    /// The value.
    pub value: f64,
    /// Lower end of its interval.
    #[serde(default)]
    pub low: Option<f64>,
    /// Upper end of its interval.
    #[serde(default)]
    pub high: Option<f64>,
}

/// One indicator of an earlier run.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PreviousIndicator {
    /// The id.
    pub id: String,
    /// Its title then.
    pub title: String,
    /// Its kind then.
    pub kind: String,
    /// Its status then.
    pub status: String,
    /// Its headline then.
    #[serde(default)]
    pub headline: Option<PreviousHeadline>,
    /// A relative likelihood's ratio then (its interval is read).
    #[serde(default)]
    pub ratio: Option<PreviousRatio>,
    /// A survey gap's interval then.
    #[serde(default)]
    pub gap_ci_low: Option<f64>,
    /// Upper end.
    #[serde(default)]
    pub gap_ci_high: Option<f64>,
}

/// An earlier ratio: only its interval is read.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PreviousRatio {
    /// Its interval.
    #[serde(default)]
    pub ci: Option<PreviousCi>,
}

/// An earlier interval.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct PreviousCi {
    /// Lower end.
    pub low: f64,
    /// Upper end (`None`: no finite upper limit).
    #[serde(default)]
    pub high: Option<f64>,
}

/// An earlier headline figure.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PreviousHeadline {
    /// The value.
    pub value: f64,
    /// Its unit.
    pub unit: String,
    /// What it measured.
    pub measure: String,
}

/// What a file that is not JSON looks like, from its first bytes: a workbook, the CSV of this tool, or neither.
fn not_json(bytes: &[u8]) -> Option<&'static str> {
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0];
    if bytes.starts_with(ZIP) || bytes.starts_with(OLE) {
        return Some("is a workbook");
    }
    let text = String::from_utf8_lossy(bytes.get(..bytes.len().min(200)).unwrap_or_default());
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with("standard,indicator") {
        return Some("is the CSV table of a run");
    }
    if !text.starts_with('{') {
        return Some("is not JSON");
    }
    None
}

/// Reads an earlier run's results JSON.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("last-year.xlsx");
/// std::fs::write(&path, b"PK\x03\x04 a workbook").unwrap();
/// let e = wres_wdes::read::previous::read_previous(&path).unwrap_err();
/// assert_eq!(e.exit_code(), 2);
/// assert!(e.message().ends_with("last-year.xlsx: is a workbook, not the results JSON of an earlier run"));
/// ```
pub fn read_previous(path: &Path) -> Result<PreviousRun> {
    let bytes = std::fs::read(path)
        .map_err(|e| Error::io(format!("{}: cannot read the earlier results: {e}", path.display())))?;
    let shown = path.display();
    if let Some(what) = not_json(&bytes) {
        return Err(Error::usage(format!("{shown}: {what}, not the results JSON of an earlier run")).with_hint(HINT));
    }
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        Error::usage(format!("{shown}: is not UTF-8 text, so not the results JSON of an earlier run")).with_hint(HINT)
    })?;
    let text = text.trim_start_matches('\u{feff}');
    // The schema first, so a JSON of another kind is named as such rather than by the first key it lacks.
    let schema = serde_json::from_str::<serde_json::Value>(text)
        .map_err(|e| Error::usage(format!("{shown}: is not valid JSON ({e})")).with_hint(HINT))?
        .get("schema")
        .and_then(|s| s.as_str().map(str::to_string));
    match schema.as_deref() {
        Some(RESULTS_SCHEMA) => {}
        Some(other) => {
            return Err(Error::usage(format!(
                "{shown}: has schema '{other}', not '{RESULTS_SCHEMA}' (the results JSON of a run)"
            ))
            .with_hint(HINT))
        }
        None => {
            return Err(Error::usage(format!("{shown}: is a JSON file, but not the results JSON of a run (no schema)"))
                .with_hint(HINT))
        }
    }
    let mut run: PreviousRun = serde_json::from_str(text).map_err(|e| {
        Error::usage(format!("{shown}: is not a results file of wres-wdes that can be read ({e})")).with_hint(HINT)
    })?;
    run.path = shown.to_string();
    Ok(run)
}

/// Checks that each earlier run is for this run's organisation (the same ODS code, or the same name where a code
/// is missing) and for a snapshot before this run's, and that no two are for the same snapshot.
///
/// ```
/// use wres_wdes::config::Organisation;
/// use wres_wdes::read::previous::{check_previous, PreviousRun};
/// let org = |code: &str| Organisation { name: String::new(), code: code.into() };
/// let run = |code: &str, date: &str| PreviousRun {
///     path: format!("{date}.json"),
///     schema: "wres-wdes/results/1".into(),
///     tool_version: "0.1.0".into(),
///     organisation: org(code),
///     snapshot_date: date.into(),
///     settings: Default::default(),
///     indicators: Vec::new(),
///     board_summary: None,
/// };
/// let snapshot = chrono::NaiveDate::from_ymd_opt(2025, 3, 31).unwrap();
/// assert!(check_previous(&[run("RXX", "2024-03-31")], &org("RXX"), snapshot).is_ok());
/// let same_year = check_previous(&[run("RXX", "2025-03-31")], &org("RXX"), snapshot).unwrap_err();
/// assert!(same_year.message().ends_with("the same as this run's: a trend needs earlier years' results"));
/// let other = check_previous(&[run("RYY", "2024-03-31")], &org("RXX"), snapshot).unwrap_err();
/// assert!(other.message().contains("is for organisation RYY, not RXX"));
/// assert_eq!(other.exit_code(), 2);
/// ```
pub fn check_previous(runs: &[PreviousRun], organisation: &Organisation, snapshot: NaiveDate) -> Result<()> {
    let norm = |s: &str| s.trim().to_ascii_uppercase();
    for (i, run) in runs.iter().enumerate() {
        let (then, now) = (&run.organisation, organisation);
        let other = if !then.code.trim().is_empty() && !now.code.trim().is_empty() {
            (norm(&then.code) != norm(&now.code)).then(|| (then.code.trim(), now.code.trim()))
        } else if !then.name.trim().is_empty() && !now.name.trim().is_empty() {
            (norm(&then.name) != norm(&now.name)).then(|| (then.name.trim(), now.name.trim()))
        } else {
            None
        };
        if let Some((then, now)) = other {
            return Err(Error::usage(format!(
                "{}: is for organisation {then}, not {now}, the organisation of this run",
                run.path
            ))
            .with_hint("give this organisation's own earlier results, or check [organisation] in the config"));
        }
        let date = NaiveDate::parse_from_str(&run.snapshot_date, "%Y-%m-%d").map_err(|_| {
            Error::usage(format!("{}: has the snapshot date '{}', which is not a date", run.path, run.snapshot_date))
                .with_hint(HINT)
        })?;
        if date >= snapshot {
            let which = if date == snapshot {
                "the same as this run's".to_string()
            } else {
                format!("after this run's ({})", snapshot.format("%Y-%m-%d"))
            };
            return Err(Error::usage(format!(
                "{}: is for the snapshot {}, {which}: a trend needs earlier years' results",
                run.path, run.snapshot_date
            ))
            .with_hint("give the results of earlier years only: this run writes this year's"));
        }
        if let Some(twin) = runs.iter().take(i).find(|r| r.snapshot_date == run.snapshot_date) {
            return Err(Error::usage(format!(
                "{} and {}: both have the snapshot date {}",
                twin.path, run.path, run.snapshot_date
            ))
            .with_hint("give one results file for each earlier year"));
        }
    }
    Ok(())
}
