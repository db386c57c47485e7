//! `wres-wdes sample --out-dir DIR`: writes a deterministic synthetic trust in every input kind.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::Verbosity;
use crate::error::{Error, Result};

/// Arguments of `sample`.
#[derive(Debug, Args)]
pub struct SampleArgs {
    /// Folder to write the inputs to (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out_dir: PathBuf,
    /// Number of staff in the snapshot.
    #[arg(long, default_value_t = 2000)]
    pub staff: usize,
    /// Random seed: the same seed gives the same files.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// Runs `sample`.
pub fn run(_args: SampleArgs, _verbosity: Verbosity) -> Result<ExitCode> {
    Err(Error::usage("'sample' is not built yet"))
}
