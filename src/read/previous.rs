//! Earlier runs' results (`--previous a.json b.json`): the JSON this tool wrote in earlier years, read back for
//! trends. Only what a trend needs is read; a file that is not a results file of this tool is a clear error.

use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};

/// The schema name of the results JSON this tool writes (and reads back).
pub const RESULTS_SCHEMA: &str = "wres-wdes/results/1";

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
    /// Its snapshot date.
    pub snapshot_date: String,
    /// Its settings, as written.
    pub settings: serde_json::Value,
    /// Its indicators.
    pub indicators: Vec<PreviousIndicator>,
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

/// Reads an earlier run's results JSON.
pub fn read_previous(path: &Path) -> Result<PreviousRun> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::io(format!("{}: cannot read the earlier results: {e}", path.display())))?;
    let mut run: PreviousRun = serde_json::from_str(&text).map_err(|e| {
        Error::data(format!("{}: is not a results file of wres-wdes ({e})", path.display()))
            .with_hint("give the JSON that `wres-wdes report --json` wrote in an earlier year")
    })?;
    if run.schema != RESULTS_SCHEMA {
        return Err(Error::data(format!(
            "{}: has schema '{}', expected '{}'",
            path.display(),
            run.schema,
            RESULTS_SCHEMA
        )));
    }
    run.path = path.display().to_string();
    Ok(run)
}
