//! `wres-wdes rl A N1 C N2`: the relative likelihood of two proportions, with every interval and test.

use std::process::ExitCode;

use clap::Args;

use super::Verbosity;
use crate::error::{Error, Result};

/// Arguments of `rl`.
#[derive(Debug, Args)]
pub struct RlArgs {
    /// Events in the numerator group.
    pub a: String,
    /// Members of the numerator group.
    pub n1: String,
    /// Events in the comparison group.
    pub c: String,
    /// Members of the comparison group.
    pub n2: String,
}

/// Runs `rl`.
pub fn run(_args: RlArgs, _verbosity: Verbosity) -> Result<ExitCode> {
    Err(Error::usage("'rl' is not built yet"))
}
