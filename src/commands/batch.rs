//! `wres-wdes batch --manifest trusts.toml --out-dir DIR`: many trusts in parallel (one workbook, JSON and CSV
//! each, in `DIR/<code>/`), then a system roll-up (`DIR/system-rollup.json` and `DIR/system-rollup.csv`, and with
//! `--workbooks` the system board pack `DIR/system-report.xlsx`) and a batch summary (`DIR/batch-summary.json`). Only a digest of each finished trust's results is kept for the
//! roll-up, so the memory a batch needs does not grow with each trust's full results. One failing trust does not
//! stop the others; the exit code is then that of the most serious failure (3 data before 1 file), and the summary
//! says which trusts failed and why.
//!
//! The manifest:
//!
//! ```toml
//! [system]
//! name = "Example Integrated Care System"
//!
//! [[trust]]
//! config = "north/trust.toml"      # relative to the manifest's folder
//!
//! [[trust]]
//! config = "south/trust.toml"
//!
//! [status]                         # optional: the System summary's status rules (a trust config's keys)
//! gap_points = 5
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::inputs::{self, Run};
use super::pipeline::{produce, NamedBy, Outputs};
use super::{InputArgs, StatisticsArgs, Verbosity};
use crate::compute::results::Results;
use crate::compute::rollup::digest::TrustDigest;
use crate::compute::rollup::{rollup, FailedTrust};
use crate::config::resolve;
use crate::error::{Error, Result};
use crate::render;
use crate::render::claim::{Claims, Kind};

/// Arguments of `batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// The manifest (TOML) listing the trusts' config files.
    #[arg(long, value_name = "FILE")]
    pub manifest: PathBuf,
    /// The folder for every output (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out_dir: PathBuf,
    /// Statistics settings for every trust (a trust's config file can set its own).
    #[command(flatten)]
    pub statistics: StatisticsArgs,
    /// Also write each trust's workbook, and the system's (system-report.xlsx).
    #[arg(long)]
    pub workbooks: bool,
    /// Fail a trust whose data-quality check finds problems.
    #[arg(long)]
    pub strict: bool,
    /// The standards to report on for every trust: wres, wdes or wres,wdes (default: each trust's config, else
    /// both).
    #[arg(long, value_name = "wres|wdes|wres,wdes")]
    pub standards: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    #[serde(default)]
    system: SystemEntry,
    /// The status rules the System summary judges by (the board page's `[status]` keys).
    #[serde(default)]
    status: crate::compute::status::StatusConfig,
    trust: Vec<TrustEntry>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SystemEntry {
    #[serde(default)]
    name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TrustEntry {
    config: PathBuf,
}

/// One trust's line in the batch summary.
#[derive(Debug, Serialize)]
struct TrustOutcome {
    config: String,
    organisation: Option<String>,
    status: &'static str,
    exit_code: i32,
    error: Option<String>,
    outputs: Vec<String>,
}

fn load_manifest(path: &Path) -> Result<Manifest> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::io(format!("{}: cannot read the manifest: {e}", path.display())))?;
    toml::from_str(&text).map_err(|e| {
        let message = e.to_string();
        let hint = crate::config::did_you_mean(&message)
            .unwrap_or_else(|| "a manifest has [system] name and one [[trust]] config = \"...\" per trust".into());
        Error::usage(format!("{}: {}", path.display(), message.trim_end())).with_hint(hint)
    })
}

/// A folder name for a trust: its ODS code, else its config file's folder name, made unique by position.
fn folder_name(results_code: &str, config: &Path, index: usize) -> String {
    let base = if !results_code.trim().is_empty() {
        results_code.trim().to_string()
    } else {
        config.parent().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
    };
    let clean: String = base.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    if clean.is_empty() {
        format!("trust-{}", index + 1)
    } else {
        format!("{:02}-{clean}", index + 1)
    }
}

/// Reads a trust's config file and settings.
fn resolve_trust(entry: &TrustEntry, base: Option<&Path>, args: &BatchArgs) -> Result<Run> {
    let input_args = InputArgs {
        config: Some(resolve(base, &entry.config)),
        standards: args.standards.clone(),
        ..InputArgs::default()
    };
    inputs::resolve(&input_args, &args.statistics, &super::PopulationArgs::default(), None)
}

/// Runs one trust whose settings were read (or failed to be), writing into its own folder, made only when it is
/// written to: a trust that fails leaves no folder behind.
fn run_one(
    index: usize,
    entry: &TrustEntry,
    resolved: Result<Run>,
    base: Option<&Path>,
    reads: &Claims,
    args: &BatchArgs,
) -> (TrustOutcome, Option<Results>) {
    let config = resolve(base, &entry.config);
    let shown = entry.config.display().to_string();
    let attempt = || -> Result<(Results, Vec<String>)> {
        let run = resolved?;
        let dir = args.out_dir.join(folder_name(&run.settings.organisation.code, &config, index));
        let outputs = Outputs {
            workbook: args.workbooks.then(|| dir.join("report.xlsx")),
            json: Some(dir.join("results.json")),
            csv: Some(dir.join("results.csv")),
            named_by: NamedBy::Batch,
        };
        let made = !dir.exists();
        std::fs::create_dir_all(&dir)
            .map_err(|e| Error::io(format!("{}: cannot create the folder: {e}", dir.display())))?;
        let strict = args.strict || run.config.output.strict.unwrap_or(false);
        let results = produce(&run, &outputs, reads, strict, Verbosity::Quiet).inspect_err(|_| {
            if made {
                // Only when empty: nothing of the run was put there, and nothing else is lost.
                let _ = std::fs::remove_dir(&dir);
            }
        })?;
        Ok((results, outputs.paths().iter().map(|p| p.display().to_string()).collect()))
    };
    match attempt() {
        Ok((results, outputs)) => (
            TrustOutcome {
                config: shown,
                organisation: Some(results.organisation.name.clone()),
                status: "ok",
                exit_code: 0,
                error: None,
                outputs,
            },
            Some(results),
        ),
        Err(e) => {
            // The trust's line names its config file; a message that starts with it (a config file that could not
            // be read) does not name it twice.
            let message = e.to_string();
            let own = format!("{}: ", config.display());
            let message = message.strip_prefix(&own).map_or(message.clone(), str::to_string);
            (
                TrustOutcome {
                    config: shown,
                    organisation: None,
                    status: "failed",
                    exit_code: e.exit_code(),
                    error: Some(message),
                    outputs: Vec::new(),
                },
                None,
            )
        }
    }
}

/// What is kept of one trust once it has run: its line in the summary, its console lines, and the digest of its
/// results the roll-up needs (with its interval settings), not the results themselves.
struct Finished {
    outcome: TrustOutcome,
    digest: Option<TrustDigest>,
    settings: Option<(crate::stats::CiMethod, f64)>,
    console: String,
}

impl Finished {
    fn of(outcome: TrustOutcome, results: Option<Results>, verbosity: Verbosity) -> Finished {
        let mut console = String::new();
        if let Some(results) = results.as_ref().filter(|_| verbosity >= Verbosity::Normal) {
            let ok = results.indicators.iter().filter(|i| i.status == crate::compute::results::Status::Ok).count();
            console.push_str(&format!(
                "{}: {ok} of {} indicators and metrics computed\n",
                outcome.config,
                results.indicators.len()
            ));
            for line in super::console::lines(results) {
                console.push_str(&format!("  {line}\n"));
            }
        }
        let settings = results.as_ref().map(|r| (r.settings.ci_method, r.settings.ci_level));
        Finished { outcome, digest: results.map(TrustDigest::of), settings, console }
    }
}

/// Runs `batch`.
pub fn run(args: BatchArgs, verbosity: Verbosity) -> Result<ExitCode> {
    if let Some(list) = &args.standards {
        crate::config::Standards::parse(list).map_err(|e| e.context("--standards"))?;
    }
    let manifest = load_manifest(&args.manifest)?;
    if manifest.trust.is_empty() {
        return Err(Error::usage(format!("{}: lists no [[trust]]", args.manifest.display())));
    }
    let rules = manifest.status.rules().map_err(|e| e.context(args.manifest.display()))?;
    let base = args.manifest.parent().map(Path::to_path_buf);
    // Every trust's settings first (small files): the files the whole batch reads are known before any is written,
    // so no output of one trust, nor the roll-up, can overwrite another trust's input.
    let resolved: Vec<Result<Run>> =
        manifest.trust.iter().map(|entry| resolve_trust(entry, base.as_deref(), &args)).collect();
    let mut reads = Claims::new();
    reads.reads(&args.manifest, "the manifest");
    for run in resolved.iter().flatten() {
        reads.extend(inputs::claims(run));
    }
    let rollup_path = args.out_dir.join("system-rollup.json");
    let rollup_csv_path = args.out_dir.join("system-rollup.csv");
    let summary_path = args.out_dir.join("batch-summary.json");
    reads.claim(&rollup_path, "the system roll-up", Some(Kind::Json))?;
    reads.claim(&rollup_csv_path, "the system roll-up's CSV", Some(Kind::Csv))?;
    reads.claim(&summary_path, "the batch summary", Some(Kind::Json))?;
    let pack_path = args.out_dir.join("system-report.xlsx");
    if args.workbooks {
        reads.claim(&pack_path, "the system board pack", Some(Kind::Workbook))?;
    }
    std::fs::create_dir_all(&args.out_dir)
        .map_err(|e| Error::io(format!("{}: cannot create the output folder: {e}", args.out_dir.display())))?;
    let progress = super::progress::bar(manifest.trust.len() as u64, verbosity);
    // Each trust's results are reduced, as soon as it finishes, to its console lines and what the roll-up needs.
    let finished: Vec<Finished> = manifest
        .trust
        .par_iter()
        .zip(resolved)
        .enumerate()
        .map(|(i, (entry, run))| {
            let (outcome, results) = run_one(i, entry, run, base.as_deref(), &reads, &args);
            progress.inc(1);
            Finished::of(outcome, results, verbosity)
        })
        .collect();
    progress.finish_and_clear();
    let console: String = finished.iter().map(|f| f.console.as_str()).collect();
    let settings = finished.iter().find_map(|f| f.settings);
    let (outcomes, digests): (Vec<TrustOutcome>, Vec<Option<TrustDigest>>) =
        finished.into_iter().map(|f| (f.outcome, f.digest)).unzip();
    let (method, level) = settings.unwrap_or((crate::stats::CiMethod::Score, 0.95));
    let succeeded: Vec<TrustDigest> = digests.into_iter().flatten().collect();
    let failed: Vec<FailedTrust> = outcomes
        .iter()
        .filter(|o| o.status != "ok")
        .map(|o| FailedTrust {
            config: o.config.clone(),
            exit_code: o.exit_code,
            error: o.error.clone().unwrap_or_default(),
        })
        .collect();
    let system = rollup(&manifest.system.name, &succeeded, &failed, method, level, &rules)?;
    render::atomic::write(&rollup_path, render::json::to_string(&system)?.as_bytes())?;
    render::atomic::write(&rollup_csv_path, render::rollup_csv::to_string(&system)?.as_bytes())?;
    if args.workbooks {
        render::atomic::write(&pack_path, &render::workbook::system::to_bytes(&system)?)?;
    }
    let summary: Vec<&TrustOutcome> = outcomes.iter().collect();
    render::atomic::write(&summary_path, render::json::to_string(&summary)?.as_bytes())?;
    eprint!("{console}");
    let failed: Vec<&TrustOutcome> = summary.iter().copied().filter(|o| o.status != "ok").collect();
    for f in &failed {
        eprintln!("error: {}: {}", f.config, f.error.as_deref().unwrap_or(""));
    }
    if verbosity >= Verbosity::Normal {
        eprintln!(
            "{} of {} trusts done; roll-up and summary in {}",
            summary.len() - failed.len(),
            summary.len(),
            args.out_dir.display()
        );
    }
    let code = super::most_serious(failed.iter().map(|f| f.exit_code));
    Ok(ExitCode::from(code as u8))
}
