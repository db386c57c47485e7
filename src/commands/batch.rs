//! `wres-wdes batch`: not built yet.

use std::process::ExitCode;

use clap::Args;

use super::Verbosity;
use crate::error::{Error, Result};

/// Arguments of `batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {}

/// Runs `batch`.
pub fn run(_args: BatchArgs, _verbosity: Verbosity) -> Result<ExitCode> {
    Err(Error::usage("'batch' is not built yet"))
}
