//! `wres-wdes report`: reads a trust's inputs, computes every WRES indicator and WDES metric, and writes the
//! workbook (`--out`), the JSON (`--json`) and the CSV (`--csv`).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{InputArgs, Verbosity};
use crate::error::{Error, Result};

/// Arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The inputs.
    #[command(flatten)]
    pub inputs: InputArgs,
    /// The workbook to write (xlsx).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The results as JSON.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// The results as one tidy CSV table.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
}

/// Runs `report`.
pub fn run(_args: ReportArgs, _verbosity: Verbosity) -> Result<ExitCode> {
    Err(Error::usage("'report' is not built yet"))
}
