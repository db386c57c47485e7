//! `wres-wdes sample --out-dir DIR`: writes a deterministic synthetic trust in every input kind, into a new or
//! empty folder (or, with `--force`, over the files of the same name in any folder).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::Verbosity;
use crate::error::Result;
use crate::render::claim;
use crate::synthetic::{self, Presentation, SampleOptions};

/// Arguments of `sample`.
#[derive(Debug, Args)]
pub struct SampleArgs {
    /// Folder to write the inputs to (created if missing; one that holds anything is refused unless --force).
    #[arg(long, value_name = "DIR")]
    pub out_dir: PathBuf,
    /// Number of staff in the snapshot.
    #[arg(long, default_value_t = 2000)]
    pub staff: usize,
    /// Random seed: the same seed gives the same files.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Write the same trust with other spellings and formats (staff as CSV, recruitment as xlsx, ...).
    #[arg(long, conflicts_with = "messy")]
    pub alternative: bool,
    /// Write the same trust as exports really come: ESR's padded bands (`Band 05`) and pay-scale codes (`XN05`),
    /// FTE as `100%`, footer and total lines, month-first dates. The figures are those of the plain sample.
    #[arg(long)]
    pub messy: bool,
    /// Write into a folder that is not empty, replacing any file of the same name (an edited trust.toml too).
    #[arg(long)]
    pub force: bool,
}

/// Runs `sample`: generates the trust and prints each file written, one per line, on stdout.
pub fn run(args: SampleArgs, _verbosity: Verbosity) -> Result<ExitCode> {
    // An edited trust.toml (or anything else) in the folder is the user's: nothing is written there without --force.
    claim::refuse_non_empty_folder(&args.out_dir, args.force)?;
    let presentation = match (args.alternative, args.messy) {
        (true, _) => Presentation::Alternative,
        (false, true) => Presentation::Messy,
        (false, false) => Presentation::Standard,
    };
    let trust = synthetic::generate(&SampleOptions { staff: args.staff, seed: args.seed, presentation });
    for path in synthetic::write(&trust, &args.out_dir)? {
        super::print_out(&format!("{}\n", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}
