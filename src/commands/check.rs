//! `wres-wdes check`: reads a trust's inputs and prints, per file, the sheet and header row found, the column
//! each field matched, rows read/used/excluded by reason, and the values not recognised. Computes nothing.

use std::process::ExitCode;

use clap::Args;

use super::{InputArgs, Verbosity};
use crate::error::{Error, Result};

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The inputs.
    #[command(flatten)]
    pub inputs: InputArgs,
}

/// Runs `check`.
pub fn run(_args: CheckArgs, _verbosity: Verbosity) -> Result<ExitCode> {
    Err(Error::usage("'check' is not built yet"))
}
