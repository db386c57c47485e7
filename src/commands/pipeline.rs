//! One trust end to end, shared by `report` and `batch`: read and normalise the inputs, apply `--strict`,
//! compute, and write each requested output atomically.

use std::path::PathBuf;

use super::inputs::{self, Run};
use super::Verbosity;
use crate::compute::results::Results;
use crate::error::{Error, Result};
use crate::render;
use crate::render::claim::{Claims, Kind};

/// Where to write a trust's outputs (any may be absent).
#[derive(Debug, Clone, Default)]
pub struct Outputs {
    /// The workbook.
    pub workbook: Option<PathBuf>,
    /// The JSON.
    pub json: Option<PathBuf>,
    /// The CSV.
    pub csv: Option<PathBuf>,
    /// Who named them, for messages.
    pub named_by: NamedBy,
}

/// Who named a trust's outputs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum NamedBy {
    /// `--out`, `--json`, `--csv`.
    #[default]
    Flags,
    /// The config file's `[output]`.
    Config,
    /// `batch`, in the trust's folder.
    Batch,
}

impl Outputs {
    /// The outputs named.
    pub fn paths(&self) -> Vec<&PathBuf> {
        [&self.workbook, &self.json, &self.csv].into_iter().flatten().collect()
    }

    /// Claims every output (see [`render::claim`]): each name fits its format, and none is a file the run reads
    /// or another output.
    pub fn claim(&self, claims: &mut Claims) -> Result<()> {
        let named = |flag: &'static str, key: &'static str, batch: &'static str| match self.named_by {
            NamedBy::Flags => flag,
            NamedBy::Config => key,
            NamedBy::Batch => batch,
        };
        let each = [
            (&self.workbook, Kind::Workbook, named("--out", "[output] workbook", "the trust's workbook")),
            (&self.json, Kind::Json, named("--json", "[output] json", "the trust's JSON")),
            (&self.csv, Kind::Csv, named("--csv", "[output] csv", "the trust's CSV")),
        ];
        for (path, kind, flag) in each {
            if let Some(path) = path {
                claims.claim(path, flag, Some(kind))?;
            }
        }
        Ok(())
    }
}

/// Computes a trust's results and writes its outputs. `reads` holds every file the run reads (see
/// [`inputs::claims`]); the outputs are claimed against it before anything is read.
pub fn produce(run: &Run, outputs: &Outputs, reads: &Claims, strict: bool, verbosity: Verbosity) -> Result<Results> {
    // The definitions are checked before any input is read: a broken one stops the run at once (exit code 2).
    crate::compute::registry::registry()?;
    outputs.claim(&mut reads.clone())?;
    let activity = super::progress::Activity::start("reading the inputs", verbosity);
    let loaded = inputs::load_each(&run.inputs, &run.settings.period(), &activity)?;
    if let Some(failure) = loaded.failures.into_iter().next() {
        return Err(failure.error);
    }
    if verbosity >= Verbosity::Normal {
        let notes: String =
            loaded.not_given.iter().map(|(kind, why)| format!("note: {kind}: not given ({why})\n")).collect();
        activity.suspend(|| eprint!("{notes}"));
    }
    let records = loaded.records;
    crate::read::previous::check_previous(&records.previous, &run.settings.organisation, run.settings.snapshot_date)?;
    let missing = crate::normalise::needs::missing(&records, &run.inputs, run.settings.standards);
    if !missing.is_empty() {
        return Err(crate::normalise::needs::error(&missing, run.settings.standards));
    }
    if verbosity >= Verbosity::Verbose {
        let text: String = records.quality.iter().map(super::check::describe).collect();
        activity.suspend(|| eprint!("{text}"));
    }
    if strict {
        let problems = crate::normalise::quality::problems(&records.quality);
        if !problems.is_empty() {
            return Err(Error::data(format!(
                "--strict: the data-quality check found {} problems:\n  {}",
                problems.len(),
                problems.join("\n  ")
            ))
            .with_hint(
                "run `wres-wdes check` with the same inputs to see them all, fix the inputs, or drop --strict",
            ));
        }
    }
    activity.say("computing the figures");
    let results = crate::compute::compute(&records, &run.settings)?;
    activity.say("writing the outputs");
    // Every output is written in full to a temporary file before any is put in place: a failure on the way
    // leaves none of them (and never a partial one).
    let mut staged = Vec::new();
    if let Some(path) = &outputs.json {
        staged.push(render::atomic::stage(path, render::json::to_string(&results)?.as_bytes())?);
    }
    if let Some(path) = &outputs.csv {
        staged.push(render::atomic::stage(path, render::csv::to_string(&results)?.as_bytes())?);
    }
    if let Some(path) = &outputs.workbook {
        staged.push(render::atomic::stage(path, &render::workbook::to_bytes(&results)?)?);
    }
    render::atomic::commit_all(staged)?;
    drop(activity);
    Ok(results)
}
