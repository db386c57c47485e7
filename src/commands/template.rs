//! `wres-wdes template --out inputs.xlsx`: writes a blank input workbook with one sheet per input kind, the
//! expected headers, drop-down lists for coded columns, and a notes sheet explaining each column.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::Verbosity;
use crate::error::Result;
use crate::render;

/// Arguments of `template`.
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The workbook to write.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

/// Runs `template`.
pub fn run(args: TemplateArgs, verbosity: Verbosity) -> Result<ExitCode> {
    render::atomic::write(&args.out, &render::template::to_bytes()?)?;
    if verbosity >= Verbosity::Normal {
        eprintln!("written: {}", args.out.display());
    }
    Ok(ExitCode::SUCCESS)
}
