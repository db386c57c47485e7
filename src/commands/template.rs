//! `wres-wdes template --out inputs.xlsx`: writes a blank input workbook with one sheet per input kind, the
//! expected headers, drop-down lists for coded columns, and a notes sheet explaining each column. An existing file
//! is not replaced unless `--force`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::Verbosity;
use crate::error::Result;
use crate::render;
use crate::render::claim::{self, Claims, Kind};

/// Arguments of `template`.
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The workbook to write (.xlsx); an existing file is kept unless --force.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Replace the file if it exists (a filled-in template would be lost).
    #[arg(long)]
    pub force: bool,
}

/// Runs `template`.
pub fn run(args: TemplateArgs, verbosity: Verbosity) -> Result<ExitCode> {
    // A filled-in template is the user's work: it is never replaced without --force.
    Claims::new().claim(&args.out, "--out", Some(Kind::Workbook))?;
    claim::refuse_existing(&args.out, args.force)?;
    render::atomic::write(&args.out, &render::template::to_bytes()?)?;
    if verbosity >= Verbosity::Normal {
        eprintln!("written: {}", args.out.display());
    }
    Ok(ExitCode::SUCCESS)
}
