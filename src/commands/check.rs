//! `wres-wdes check`: reads every input of a trust and prints, per file, the sheet and header row found, the column
//! each field matched, rows read/used/excluded by reason, and the values not recognised; an input that cannot be
//! used is reported with its error, and the others are still read. Then a verdict line. Computes nothing.
//!
//! Exit codes: 0 when every input was read (even with exclusions); else the most serious of the failures (3 a
//! required column missing, one a standard asked for needs, or no data, before 2 a setting in the config, before 1 a file that could not be read);
//! with `--strict`, 3 when any data-quality problem was found.
//!
//! The text report, in order: one block per input (input order), the `[mapping]` block for values not recognised,
//! then the verdict line. With `--json`, standard output holds the data-quality entries of the inputs read (a JSON
//! array) and the verdict goes to standard error. Either way, when the exit code is not 0, standard error ends with
//! an `error:` line and each failure's message.

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::Args;

use super::example::ExampleTrust;
use super::inputs::{self, Failure, Loaded};
use super::{InputArgs, StatisticsArgs, Verbosity};
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

/// The text block of an input that could not be used: its error and hint.
pub fn describe_failure(f: &Failure) -> String {
    let mut s =
        format!("{}: {}\n  could not be used (exit {}): {}\n", f.kind, f.shown, f.error.exit_code(), f.error.message());
    if let Some(hint) = f.error.hint() {
        let _ = writeln!(s, "  hint: {hint}");
    }
    s
}

/// The kinds of input in the order they are read and reported.
const KINDS: [&str; 8] = ["staff", "recruitment", "cases", "training", "survey", "board", "previous", "population"];

/// How every input fared, in input order.
enum Outcome<'a> {
    Read(&'a InputQuality),
    Failed(&'a Failure),
    NotGiven(&'static str, &'a str),
}

/// The inputs' outcomes in input order: the six data inputs, then previous results and population files.
fn outcomes(loaded: &Loaded) -> Vec<Outcome<'_>> {
    let mut out = Vec::new();
    for kind in KINDS.iter().take(6) {
        out.extend(loaded.records.quality.iter().filter(|q| q.kind == *kind).map(Outcome::Read));
        out.extend(loaded.failures.iter().filter(|f| f.kind == *kind).map(Outcome::Failed));
        out.extend(loaded.not_given.iter().filter(|(k, _)| k == kind).map(|(k, why)| Outcome::NotGiven(k, why)));
    }
    out.extend(loaded.failures.iter().filter(|f| matches!(f.kind, "previous" | "population")).map(Outcome::Failed));
    out
}

/// The end of the report: what was read and what failed, the data-quality problems, and the exit code.
#[derive(Debug)]
pub struct Verdict {
    /// Inputs read (data inputs, previous results and population files read without error).
    pub read: usize,
    /// The inputs that failed, as named, each with its exit code.
    pub failed: Vec<(String, i32)>,
    /// Inputs taken as not given (empty sheets of a multi-input workbook).
    pub not_given: usize,
    /// Data-quality problems (what `--strict` refuses).
    pub problems: usize,
    /// Whether `--strict` was given.
    pub strict: bool,
    /// The exit code.
    pub code: i32,
}

impl Verdict {
    /// The verdict of a check.
    pub fn of(loaded: &Loaded, strict: bool) -> Verdict {
        let failed: Vec<(String, i32)> =
            loaded.failures.iter().map(|f| (f.shown.clone(), f.error.exit_code())).collect();
        let problems = problems(&loaded.records.quality).len();
        let mut codes: Vec<i32> = failed.iter().map(|(_, c)| *c).collect();
        if strict && problems > 0 {
            codes.push(3);
        }
        Verdict {
            // An input read but failing a check after reading (a column a standard needs) counts as failed only.
            read: loaded.records.quality.iter().filter(|q| !loaded.failures.iter().any(|f| f.kind == q.kind)).count()
                + loaded.records.previous.len()
                + usize::from(!loaded.records.population.is_empty()),
            failed,
            not_given: loaded.not_given.len(),
            problems,
            strict,
            code: super::most_serious(codes),
        }
    }

    /// The verdict line: `verdict: 5 inputs read, 1 failed (staff.csv, exit 3); 3 data-quality problems; exit 3`.
    pub fn line(&self) -> String {
        let inputs = |n: usize| if n == 1 { "1 input".to_string() } else { format!("{n} inputs") };
        let mut line = format!("verdict: {} read", inputs(self.read));
        if !self.failed.is_empty() {
            let which: Vec<String> = self.failed.iter().map(|(f, c)| format!("{f}, exit {c}")).collect();
            let _ = write!(line, ", {} failed ({})", self.failed.len(), which.join("; "));
        }
        if self.not_given > 0 {
            let _ = write!(line, ", {} left empty (not given)", self.not_given);
        }
        let _ = match self.problems {
            0 => write!(line, "; no data-quality problems"),
            1 => write!(line, "; 1 data-quality problem"),
            n => write!(line, "; {n} data-quality problems"),
        };
        if self.problems > 0 && !self.strict {
            line.push_str(" (--strict would fail)");
        }
        let _ = write!(line, "; exit {}", self.code);
        line
    }
}

/// Checks what reading alone does not, adding each finding to the failures (so each input is reported): every earlier year's results (for
/// this organisation, an earlier snapshot), then the columns the standards asked for need.
fn vet(loaded: &mut Loaded, run: &inputs::Run) {
    let settings = &run.settings;
    let previous = std::mem::take(&mut loaded.records.previous);
    for p in previous {
        match crate::read::previous::check_previous(
            std::slice::from_ref(&p),
            &settings.organisation,
            settings.snapshot_date,
        ) {
            Ok(()) => loaded.records.previous.push(p),
            Err(error) => loaded.failures.push(inputs::Failure { kind: "previous", shown: p.path.clone(), error }),
        }
    }
    for missing in crate::normalise::needs::missing(&loaded.records, &run.inputs, settings.standards) {
        let error = crate::normalise::needs::error(std::slice::from_ref(&missing), settings.standards);
        loaded.failures.push(inputs::Failure { kind: missing.kind, shown: missing.file.clone(), error });
    }
    // In input order, as the report lists them.
    let rank = |kind: &str| KINDS.iter().position(|k| *k == kind).unwrap_or(KINDS.len());
    loaded.failures.sort_by_key(|f| rank(f.kind));
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
    let mut loaded = inputs::load_each(&run.inputs, &run.settings.period(), &activity)?;
    drop(activity);
    vet(&mut loaded, &run);
    let verdict = Verdict::of(&loaded, args.strict);
    if args.json {
        let text = serde_json::to_string_pretty(&loaded.records.quality)
            .map_err(|e| Error::internal(format!("writing the JSON: {e}")))?;
        super::print_out(&format!("{text}\n"))?;
        eprintln!("{}", verdict.line());
    } else {
        // The sections, in order: each input in turn, good or failed; then what concerns the inputs together
        // (a block to paste into the config, warnings); then the verdict.
        for outcome in outcomes(&loaded) {
            let block = match outcome {
                Outcome::Read(q) => describe(q),
                Outcome::Failed(f) => describe_failure(f),
                Outcome::NotGiven(kind, why) => format!("{kind}: not given ({why})\n"),
            };
            super::print_out(&format!("{block}\n"))?;
        }
        if let Some(block) = crate::normalise::mapping::suggestion_block(&loaded.records.quality) {
            super::print_out(&format!("{block}\n"))?;
        }
        super::print_out(&format!("{}\n", verdict.line()))?;
    }
    if verdict.code != 0 {
        // Standard error says it too, for a log that keeps only that: each failure with its hint, or the problems.
        let mut why = match verdict.failed.len() {
            0 if verdict.problems == 1 => "--strict: 1 data-quality problem found".to_string(),
            0 => format!("--strict: {} data-quality problems found", verdict.problems),
            1 => "1 input could not be used:".to_string(),
            n => format!("{n} inputs could not be used:"),
        };
        for f in &loaded.failures {
            let _ = write!(why, "\n  {}", f.error.to_string().replace('\n', "\n  "));
        }
        eprintln!("error: {why}");
    }
    Ok(ExitCode::from(u8::try_from(verdict.code).unwrap_or(1)))
}
