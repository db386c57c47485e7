//! `wres-wdes report`: reads a trust's inputs, computes every WRES indicator and WDES metric, and writes the
//! workbook (`--out`), the JSON (`--json`) and the CSV (`--csv`), each atomically.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::example::ExampleTrust;
use super::pipeline::{produce, NamedBy, Outputs};
use super::{inputs, InputArgs, PopulationArgs, StatisticsArgs, Verbosity};
use crate::compute::results::Status;
use crate::config::resolve;
use crate::error::{Error, Result};

/// Arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The inputs.
    #[command(flatten)]
    pub inputs: InputArgs,
    /// Statistics settings.
    #[command(flatten)]
    pub statistics: StatisticsArgs,
    /// The local population.
    #[command(flatten)]
    pub population: PopulationArgs,
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
    /// Print the effective settings (flags and config file together) as a config file, and stop. Every path in it
    /// is absolute, so the printed file works wherever it is saved.
    #[arg(long)]
    pub print_config: bool,
}

/// Runs `report`.
pub fn run(args: ReportArgs, verbosity: Verbosity) -> Result<ExitCode> {
    let example = if args.inputs.example { Some(ExampleTrust::extract()?) } else { None };
    let run = inputs::resolve(
        &args.inputs,
        &args.statistics,
        &args.population,
        example.as_ref().map(|e| e.path()).as_deref(),
    )?;
    // Outputs named on the command line replace the config's `[output]` paths as a whole: a one-off run does not
    // also rewrite the outputs a scheduled job names in the config.
    let outputs = if args.out.is_some() || args.json.is_some() || args.csv.is_some() {
        Outputs { workbook: args.out.clone(), json: args.json.clone(), csv: args.csv.clone(), named_by: NamedBy::Flags }
    } else {
        let from_config = |p: &Option<PathBuf>| p.as_ref().map(|p| resolve(run.base.as_deref(), p));
        Outputs {
            workbook: from_config(&run.config.output.workbook),
            json: from_config(&run.config.output.json),
            csv: from_config(&run.config.output.csv),
            named_by: NamedBy::Config,
        }
    };
    if args.print_config {
        let absolute = |p: &Option<PathBuf>| p.as_deref().map(crate::config::absolute);
        let mut effective = inputs::effective_config(&run);
        effective.output.workbook = absolute(&outputs.workbook);
        effective.output.json = absolute(&outputs.json);
        effective.output.csv = absolute(&outputs.csv);
        effective.output.strict = Some(args.strict || run.config.output.strict.unwrap_or(false));
        let text =
            toml::to_string_pretty(&effective).map_err(|e| Error::internal(format!("writing the settings: {e}")))?;
        super::print_out(&text)?;
        return Ok(ExitCode::SUCCESS);
    }
    if outputs.paths().is_empty() {
        return Err(Error::usage("no output named")
            .with_hint("give --out report.xlsx, --json results.json or --csv results.csv"));
    }
    let strict = args.strict || run.config.output.strict.unwrap_or(false);
    let results = produce(&run, &outputs, &inputs::claims(&run), strict, verbosity)?;
    if verbosity >= Verbosity::Normal {
        let ok = results.indicators.iter().filter(|i| i.status == Status::Ok).count();
        let written: Vec<String> = outputs.paths().iter().map(|p| p.display().to_string()).collect();
        let only = match results.settings.standards.names().as_slice() {
            [one] => format!(" ({one} only)"),
            _ => String::new(),
        };
        let mut text = format!(
            "{ok} of {} indicators and metrics computed{only}; written: {}\n",
            results.indicators.len(),
            written.join(", ")
        );
        for line in super::console::lines(&results) {
            text.push_str(&line);
            text.push('\n');
        }
        eprint!("{text}");
    }
    Ok(ExitCode::SUCCESS)
}
