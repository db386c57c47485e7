//! `wres-wdes template`: not built yet.

use std::process::ExitCode;

use clap::Args;

use super::Verbosity;
use crate::error::{Error, Result};

/// Arguments of `template`.
#[derive(Debug, Args)]
pub struct TemplateArgs {}

/// Runs `template`.
pub fn run(_args: TemplateArgs, _verbosity: Verbosity) -> Result<ExitCode> {
    Err(Error::usage("'template' is not built yet"))
}
