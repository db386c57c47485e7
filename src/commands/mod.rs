//! The subcommands, one file each, and the command-line definitions they share.
//!
//! A subcommand wires the layers together (read, normalise, compute, render); it holds no logic of its own.

pub mod batch;
pub mod check;
pub mod codes;
pub mod columns;
pub mod console;
pub mod example;
pub mod inputs;
pub mod pipeline;
pub mod progress;
pub mod reference;
pub mod report;
pub mod rl;
pub mod sample;
pub mod template;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::error::Result;

/// WRES and WDES figures for NHS trusts, from HR spreadsheets to board-ready workbooks.
#[derive(Debug, Parser)]
#[command(name = "wres-wdes", version, about, long_about = None)]
pub struct Cli {
    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
    /// More detail on stderr.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Errors only on stderr.
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compute every WRES indicator and WDES metric and write the workbook, JSON and CSV.
    Report(Box<report::ReportArgs>),
    /// Validate inputs and print what was found and what could not be used; compute nothing.
    Check(check::CheckArgs),
    /// Write a synthetic trust in every input format.
    Sample(sample::SampleArgs),
    /// Relative likelihood of two proportions, with every interval and test.
    Rl(rl::RlArgs),
    /// Write a blank input workbook with headers and drop-down lists.
    Template(template::TemplateArgs),
    /// Run many trusts (and a system roll-up) in one go.
    Batch(batch::BatchArgs),
    /// List every input's columns: the header names accepted and what each column is needed for.
    Columns(columns::ColumnsArgs),
    /// List the values each coded column accepts and what each becomes (or classify one value).
    Codes(codes::CodesArgs),
}

/// The inputs of a trust, from flags or a config file (flags win).
#[derive(Debug, Clone, Default, Args)]
pub struct InputArgs {
    /// Config file (TOML) naming the inputs and settings; relative paths resolve from its folder.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Use the example trust embedded in the program.
    #[arg(long)]
    pub example: bool,
    /// ESR workforce snapshot.
    #[arg(long, value_name = "FILE")]
    pub staff: Option<PathBuf>,
    /// Recruitment: shortlisted applications and appointments.
    #[arg(long, value_name = "FILE")]
    pub recruitment: Option<PathBuf>,
    /// Disciplinary and capability cases.
    #[arg(long, value_name = "FILE")]
    pub cases: Option<PathBuf>,
    /// Non-mandatory training and CPD.
    #[arg(long, value_name = "FILE")]
    pub training: Option<PathBuf>,
    /// NHS Staff Survey results by group.
    #[arg(long, value_name = "FILE")]
    pub survey: Option<PathBuf>,
    /// Board members.
    #[arg(long, value_name = "FILE")]
    pub board: Option<PathBuf>,
    /// Earlier years' results (JSON written by `report --json`), for the trend and the change from last year.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub previous: Vec<PathBuf>,
    /// Reporting year: the snapshot is 31 March of that year (2025, or the financial year 2024/25).
    #[arg(long, value_name = "YEAR", conflicts_with = "snapshot_date")]
    pub year: Option<String>,
    /// Snapshot date (YYYY-MM-DD); the reporting year is the 12 months ending then.
    #[arg(long, value_name = "DATE")]
    pub snapshot_date: Option<String>,
    /// The standards to report on: wres, wdes or wres,wdes (the default). The columns only the other standard
    /// needs may then be missing.
    #[arg(long, value_name = "wres|wdes|wres,wdes")]
    pub standards: Option<String>,
}

/// Statistics settings (each also a config key under `[statistics]` or `[output]`).
#[derive(Debug, Clone, Default, Args)]
pub struct StatisticsArgs {
    /// Interval method for relative likelihoods: score (Miettinen-Nurminen, the default) or katz.
    #[arg(long, value_name = "METHOD")]
    pub ci_method: Option<String>,
    /// Confidence level, between 0 and 1 (default 0.95).
    #[arg(long, value_name = "LEVEL")]
    pub ci_level: Option<f64>,
    /// Two-year rolling average reading for WRES 3 and WDES 3: current_headcount (default) or pooled.
    #[arg(long, value_name = "READING")]
    pub rolling_average: Option<String>,
    /// WDES 3 also counts capability on grounds of ill health.
    #[arg(long)]
    pub include_ill_health: bool,
    /// Apply disclosure control for publication: small counts suppressed, others rounded to 5.
    #[arg(long)]
    pub publication: bool,
}

/// The local population to compare the workforce with (each also a key under `[population]` in the config).
#[derive(Debug, Clone, Default, Args)]
pub struct PopulationArgs {
    /// Census 2021 files (Nomis bulk or ONS custom-dataset CSV, lookups); without them the built-in England and
    /// regional figures are used.
    #[arg(long = "population", value_name = "FILE", num_args = 1..)]
    pub files: Vec<PathBuf>,
    /// The area: E92000001 (England, the default), a region (E12...), local authorities (E06...,E08...[:weight]),
    /// or an ICB (E54... or Q..).
    #[arg(long, value_name = "CODE[,CODE...]")]
    pub area: Option<String>,
    /// The OHID acute trust catchment table (with --catchment-of).
    #[arg(long, value_name = "FILE", requires = "catchment_of")]
    pub catchment: Option<PathBuf>,
    /// Compare with this acute trust's catchment population (its ODS code).
    #[arg(long, value_name = "ODS")]
    pub catchment_of: Option<String>,
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let verbosity = Verbosity::from_flags(cli.verbose, cli.quiet);
    match cli.command {
        Command::Report(args) => report::run(*args, verbosity),
        Command::Check(args) => check::run(args, verbosity),
        Command::Sample(args) => sample::run(args, verbosity),
        Command::Rl(args) => rl::run(args, verbosity),
        Command::Template(args) => template::run(args, verbosity),
        Command::Batch(args) => batch::run(args, verbosity),
        Command::Columns(args) => columns::run(args, verbosity),
        Command::Codes(args) => codes::run(args, verbosity),
    }
}

/// Writes `text` to stdout. A closed pipe (`wres-wdes check ... | head`) is not an error: the reader has gone, so
/// the rest is dropped quietly instead of panicking; any other failure to write is exit code 1.
pub fn print_out(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(crate::error::Error::io(format!("cannot write to standard output: {e}"))),
    }
}

/// The most serious of several exit codes: 70 (an internal error, a bug) before 3 (the data are not usable) before
/// 2 (a wrong setting) before 1 (a file that could not be read or written); 0 when there are none.
///
/// ```
/// assert_eq!(wres_wdes::commands::most_serious([1, 3, 2]), 3);
/// assert_eq!(wres_wdes::commands::most_serious([3, 70]), 70);
/// assert_eq!(wres_wdes::commands::most_serious([1, 2]), 2);
/// assert_eq!(wres_wdes::commands::most_serious([]), 0);
/// ```
pub fn most_serious(codes: impl IntoIterator<Item = i32>) -> i32 {
    codes.into_iter().max_by_key(|c| if *c == 3 { 10 } else { *c }).unwrap_or(0)
}

/// How much to say on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    /// Errors only (`-q`).
    Quiet,
    /// Errors, warnings and a one-line summary.
    Normal,
    /// Also what was read and decided (`-v`).
    Verbose,
}

impl Verbosity {
    /// From the `-v` count and `-q` flag.
    pub fn from_flags(verbose: u8, quiet: bool) -> Self {
        if quiet {
            Verbosity::Quiet
        } else if verbose > 0 {
            Verbosity::Verbose
        } else {
            Verbosity::Normal
        }
    }
}
