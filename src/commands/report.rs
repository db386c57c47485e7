//! `wres-wdes report`: reads a trust's inputs, computes every WRES indicator and WDES metric, and writes the
//! workbook (`--out`), the JSON (`--json`) and the CSV (`--csv`), each atomically.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::example::ExampleTrust;
use super::{inputs, InputArgs, StatisticsArgs, Verbosity};
use crate::compute::results::Status;
use crate::error::{Error, Result};
use crate::render;

/// Arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The inputs.
    #[command(flatten)]
    pub inputs: InputArgs,
    /// Statistics settings.
    #[command(flatten)]
    pub statistics: StatisticsArgs,
    /// The workbook to write (xlsx).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The results as JSON.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// The results as one tidy CSV table.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// Fail (exit 3, no outputs) when the data-quality check finds rows or values it could not use.
    #[arg(long)]
    pub strict: bool,
}

/// Runs `report`.
pub fn run(args: ReportArgs, verbosity: Verbosity) -> Result<ExitCode> {
    let example = if args.inputs.example { Some(ExampleTrust::extract()?) } else { None };
    let run = inputs::resolve(&args.inputs, &args.statistics, example.as_ref().map(|e| e.path()).as_deref())?;
    let out = args
        .out
        .clone()
        .or_else(|| run.config.output.workbook.as_ref().map(|p| crate::config::resolve(run.base.as_deref(), p)));
    let json = args
        .json
        .clone()
        .or_else(|| run.config.output.json.as_ref().map(|p| crate::config::resolve(run.base.as_deref(), p)));
    let csv = args
        .csv
        .clone()
        .or_else(|| run.config.output.csv.as_ref().map(|p| crate::config::resolve(run.base.as_deref(), p)));
    if out.is_none() && json.is_none() && csv.is_none() {
        return Err(Error::usage("no output named")
            .with_hint("give --out report.xlsx, --json results.json or --csv results.csv"));
    }
    let input_paths = inputs::input_paths(&run.inputs);
    for path in [&out, &json, &csv].into_iter().flatten() {
        render::atomic::refuse_input(path, &input_paths)?;
    }
    let records = inputs::load(&run.inputs, &run.settings.period())?;
    let strict = args.strict || run.config.output.strict.unwrap_or(false);
    if strict {
        let problems = crate::normalise::quality::problems(&records.quality);
        if !problems.is_empty() {
            return Err(Error::data(format!(
                "--strict: the data-quality check found problems:\n  {}",
                problems.join("\n  ")
            ))
            .with_hint(
                "run `wres-wdes check` with the same inputs to see them all, fix the inputs, or drop --strict",
            ));
        }
    }
    let results = crate::compute::compute(&records, &run.settings)?;
    if let Some(path) = &json {
        render::atomic::write(path, render::json::to_string(&results)?.as_bytes())?;
    }
    if let Some(path) = &csv {
        render::atomic::write(path, render::csv::to_string(&results)?.as_bytes())?;
    }
    if let Some(path) = &out {
        let options = render::workbook::WorkbookOptions::default();
        let bytes = render::workbook::to_bytes(&results, &options)?;
        render::atomic::write(path, &bytes)?;
    }
    if verbosity >= Verbosity::Normal {
        let ok = results.indicators.iter().filter(|i| i.status == Status::Ok).count();
        eprintln!(
            "{} of {} indicators and metrics computed; written: {}",
            ok,
            results.indicators.len(),
            [&out, &json, &csv].into_iter().flatten().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}
