//! `wres-wdes check`: reads a trust's inputs and prints, per file, the sheet and header row found, the column
//! each field matched, rows read/used/excluded by reason, and the values not recognised. Computes nothing.
//!
//! Exit codes: 0 when every input was read (even with exclusions), 1 a file could not be read, 3 a required
//! column is missing, including a column a standard asked for needs (or, with `--strict`, any problem was found).

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::Args;

use super::example::ExampleTrust;
use super::{inputs, InputArgs, StatisticsArgs, Verbosity};
use crate::error::{Error, Result};
use crate::normalise::quality::{problems, shown, InputQuality};

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The inputs.
    #[command(flatten)]
    pub inputs: InputArgs,
    /// Exit 3 when any row or value could not be used.
    #[arg(long)]
    pub strict: bool,
    /// Print the data-quality summary as JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// The text summary of one input's data quality.
pub fn describe(q: &InputQuality) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{} ({}): {}", q.kind, q.layout, q.path);
    if !q.sheet.is_empty() {
        let _ = writeln!(s, "  sheet: {}", q.sheet);
    }
    let _ = writeln!(s, "  header row: {}", q.header_row);
    for c in &q.columns {
        let _ = writeln!(s, "  {:<20} <- column '{}'", c.field, c.header);
    }
    let _ = writeln!(
        s,
        "  rows read: {}, used: {}, blank rows skipped: {}",
        shown(q.rows_read),
        shown(q.rows_used),
        shown(q.blank_rows)
    );
    for e in &q.excluded {
        let _ = writeln!(s, "  left out: {} rows ({})", shown(e.rows), e.reason);
    }
    for u in &q.unrecognised {
        let _ = writeln!(s, "  not recognised: {} '{}' in {} rows", u.field, u.value, shown(u.rows));
    }
    for w in &q.warnings {
        let detail = w.detail.as_ref().map(|d| format!(": {d}")).unwrap_or_default();
        let _ = writeln!(s, "  warning: {} in {} rows{detail}", w.warning, shown(w.rows));
    }
    for m in &q.mappings {
        let _ = writeln!(s, "  mapped by the config: {} '{}' -> '{}' in {} rows", m.field, m.from, m.to, shown(m.rows));
    }
    if let Some(note) = &q.date_order {
        let _ = writeln!(s, "  {}", crate::normalise::records::describe_date_order(note));
    }
    s
}

/// Runs `check`.
pub fn run(args: CheckArgs, verbosity: Verbosity) -> Result<ExitCode> {
    let example = if args.inputs.example { Some(ExampleTrust::extract()?) } else { None };
    let run = inputs::resolve(
        &args.inputs,
        &StatisticsArgs::default(),
        &super::PopulationArgs::default(),
        example.as_ref().map(|e| e.path()).as_deref(),
    )?;
    let activity = super::progress::Activity::start("reading the inputs", verbosity);
    let records = inputs::load_showing(&run.inputs, &run.settings.period(), &activity)?;
    drop(activity);
    crate::read::previous::check_previous(&records.previous, &run.settings.organisation, run.settings.snapshot_date)?;
    if args.json {
        let text = serde_json::to_string_pretty(&records.quality)
            .map_err(|e| Error::io(format!("internal error writing JSON: {e}")))?;
        super::print_out(&format!("{text}\n"))?;
    } else {
        for q in &records.quality {
            super::print_out(&format!("{}\n", describe(q)))?;
        }
        if let Some(block) = crate::normalise::mapping::suggestion_block(&records.quality) {
            super::print_out(&format!("{block}\n"))?;
        }
    }
    let missing = crate::normalise::needs::missing(&records, &run.inputs, run.settings.standards);
    if !missing.is_empty() {
        return Err(crate::normalise::needs::error(&missing, run.settings.standards));
    }
    let found = problems(&records.quality);
    if args.strict && !found.is_empty() {
        return Err(Error::data(format!("--strict: {} problems found", found.len())));
    }
    Ok(ExitCode::SUCCESS)
}
