//! Typed records for each input kind, built from the read layer's rows, with a data-quality log per file.
//!
//! Each `normalise_*` function reads one file through [`crate::read::read_table`], classifies every row, and
//! returns the records plus the file's [`InputQuality`]. Every row read is used or excluded with a reason.

pub mod board;
pub mod cases;
pub mod columns;
mod date_order;
mod footer;
pub mod header_names;
pub mod memo;
pub mod packed;
pub mod pay;
pub mod period;
pub mod person;
pub mod recruitment;
pub mod staff;
pub mod survey;
pub mod training;

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::error::Result;
use crate::normalise::quality::{InputQuality, QualityLog};
use crate::read::{read_table, FieldSpec, Row, TableInfo, TableRequest};

pub use date_order::describe_date_order;
pub use period::{Period, PeriodYear};

/// One input file as the user named it, with its reading options from the config.
///
/// ```
/// use wres_wdes::normalise::records::InputFile;
/// let f = InputFile::new("staff.xlsx");
/// assert_eq!(f.shown, "staff.xlsx");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InputFile {
    /// Where to read it.
    pub path: PathBuf,
    /// The path as the user gave it (shown in outputs and messages).
    pub shown: String,
    /// The sheet to read, if named.
    pub sheet: Option<String>,
    /// Header names by field name, overriding the accepted names.
    pub columns: BTreeMap<String, String>,
    /// The sheet name tried first when no sheet is named: the input kind (`Staff`, `Training`, ...).
    pub kind: Option<&'static str>,
    /// The order of day and month in text dates, when the config says (else the tool decides from the values).
    pub date_order: Option<crate::read::DateOrder>,
    /// The config's `[mapping.FIELD]` rules.
    pub mappings: std::sync::Arc<crate::normalise::mapping::ValueMappings>,
}

impl InputFile {
    /// How to read it with `fields`.
    fn request<'a>(&'a self, fields: &'a [FieldSpec]) -> TableRequest<'a> {
        TableRequest {
            path: &self.path,
            fields,
            sheet: self.sheet.as_deref(),
            prefer_sheet: self.kind,
            overrides: &self.columns,
        }
    }

    /// An input read from `path`, shown as given.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        let path = path.into();
        InputFile { shown: path.display().to_string(), path, ..InputFile::default() }
    }
}

/// All the records of one trust, and the data-quality log of every file read.
#[derive(Debug, Clone, Default)]
pub struct Records {
    /// The workforce snapshot.
    pub staff: Option<staff::StaffSnapshot>,
    /// Shortlisting and appointments.
    pub recruitment: Option<recruitment::Recruitment>,
    /// Disciplinary and capability cases in the two years.
    pub cases: Option<cases::Cases>,
    /// Staff accessing non-mandatory training.
    pub training: Option<training::Training>,
    /// Survey results.
    pub survey: Option<survey::Survey>,
    /// Board members.
    pub board: Option<board::Board>,
    /// Census 2021 population files given (none: the built-in England and regional figures).
    pub population: crate::read::census::PopulationFiles,
    /// Earlier runs' results (`--previous`), oldest first.
    pub previous: Vec<crate::read::previous::PreviousRun>,
    /// One entry per file read, in input order.
    pub quality: Vec<InputQuality>,
    /// Staff-group overrides of the clinical split (for the recruitment views, whose staff groups are mapped in
    /// compute).
    pub workforce_mapping: staff::WorkforceMapping,
}

/// Reads `file` with `fields`, handing each row to `on_row`; the error of a row names the file.
pub(crate) fn read_rows(
    file: &InputFile,
    fields: &[FieldSpec],
    on_row: &mut dyn FnMut(&Row<'_>) -> Result<()>,
) -> Result<TableInfo> {
    let request = file.request(fields);
    let mut info = read_table(&request, on_row)?;
    info.path = PathBuf::from(&file.shown);
    Ok(info)
}

/// Reads `file` with `fields` in parts (a large CSV is split and its parts read in parallel; anything else is one
/// part): each part gets a state from `init` and its rows in order; the states come back in file order.
pub(crate) fn read_rows_parts<S: Send>(
    file: &InputFile,
    fields: &[FieldSpec],
    init: &(dyn Fn() -> S + Sync),
    on_row: &(dyn Fn(&mut S, &crate::read::Fields<'_>) -> Result<()> + Sync),
) -> Result<(TableInfo, Vec<S>)> {
    let request = file.request(fields);
    let (mut info, states) = crate::read::read_table_parts(&request, init, on_row)?;
    info.path = PathBuf::from(&file.shown);
    Ok((info, states))
}

/// The other input kind a file looks like, when it could not be read as `kind`: one whose columns (every
/// required one, and at least three in all, filled on the first data row) are in the file. For "this looks like
/// the recruitment file" when a recruitment export is given as the staff snapshot. Reads only up to the first
/// data row of each kind tried.
pub fn resembles(file: &InputFile, kind: &str) -> Option<&'static str> {
    let none = BTreeMap::new();
    let mut best: Option<(usize, &'static str)> = None;
    for other in header_names::KINDS.iter().filter(|k| **k != kind) {
        for set in header_names::of_kind(other) {
            let request = TableRequest {
                path: &file.path,
                fields: set,
                sheet: file.sheet.as_deref(),
                prefer_sheet: None,
                overrides: &none,
            };
            let mut filled = 0;
            // Stop at the first data row: a marker error that is never shown.
            let stop = crate::error::Error::io("");
            let outcome = read_table(&request, &mut |row| {
                filled = row.cells.iter().filter(|c| !c.is_blank()).count();
                Err(stop.clone())
            });
            let found = match outcome {
                Ok(_) => true,
                Err(e) => e == stop,
            };
            if found && filled >= 3 && best.is_none_or(|(n, _)| filled > n) {
                best = Some((filled, *other));
            }
        }
    }
    best.map(|(_, k)| k)
}

/// Reads `file` as an aggregated table when it has the aggregated columns, else returns `Ok(None)` so the
/// caller reads it row-level (which then reports any missing column precisely).
///
/// Only a failure to find the header falls back; an error raised by `on_row` on a data row is passed through.
pub(crate) fn read_aggregated(
    file: &InputFile,
    fields: &[FieldSpec],
    on_row: &mut dyn FnMut(&Row<'_>) -> Result<()>,
) -> Result<Option<TableInfo>> {
    let mut started = false;
    let result = read_rows(file, fields, &mut |row| {
        started = true;
        on_row(row)
    });
    match result {
        Ok(info) => Ok(Some(info)),
        Err(e) if !started && e.kind() == crate::error::ErrorKind::Data => Ok(None),
        Err(e) => Err(e),
    }
}

/// Whether `row` (read with `fields`) is a footer or total line ([`footer::is_footer`]); if so it is counted as
/// left out with the reason `footer`. `id` is the person-id field of inputs that have one.
pub(crate) fn left_out_as_footer(row: &Row<'_>, fields: &[FieldSpec], id: Option<usize>, log: &mut QualityLog) -> bool {
    let footer = footer::is_footer(&crate::read::Fields::of_row(row), fields.len(), id);
    if footer {
        log.exclude("footer");
    }
    footer
}

/// Events out of a total, for one group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Tally {
    /// Members of the group with the outcome.
    pub events: u64,
    /// Members of the group.
    pub total: u64,
}

/// A group named in the `group` column of an aggregated table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AggregateGroup {
    /// An ethnicity group.
    Ethnicity(crate::normalise::codes::Ethnicity),
    /// A disability group.
    Disability(crate::normalise::codes::Disability),
}

/// Classifies the `group` of an aggregated table: `White`, `BME`, `Disabled`, `Non-disabled`, or an unknown
/// group. An unknown group is a disability group when its words say so (`Disability not declared`), else an
/// ethnicity group (`Unknown`, `Not stated`).
pub fn classify_aggregate_group(raw: &str) -> Option<AggregateGroup> {
    use crate::normalise::codes::{disability, ethnicity, survey, Disability, Ethnicity};
    use survey::SurveyGroup as S;
    match survey::classify_group(raw) {
        Some(S::White) => return Some(AggregateGroup::Ethnicity(Ethnicity::White)),
        Some(S::Bme) => return Some(AggregateGroup::Ethnicity(Ethnicity::Bme)),
        Some(S::Disabled) => return Some(AggregateGroup::Disability(Disability::Disabled)),
        Some(S::NonDisabled) => return Some(AggregateGroup::Disability(Disability::NonDisabled)),
        Some(S::Overall) | None => {}
    }
    let lower = raw.to_ascii_lowercase();
    if lower.contains("disab") || lower.contains("declared") {
        // The words besides "disability" say unknown: `Disability not declared`, `Disability: prefer not to say`.
        let rest: Vec<&str> =
            lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty() && !w.starts_with("disab")).collect();
        let unknown = |text: &str| !text.is_empty() && disability::classify(text) == Some(Disability::Unknown);
        return (unknown(raw) || unknown(&rest.join(" ")) || lower.contains("unknown"))
            .then_some(AggregateGroup::Disability(Disability::Unknown));
    }
    match ethnicity::classify(raw) {
        Some(e) if e.group == Ethnicity::Unknown => Some(AggregateGroup::Ethnicity(Ethnicity::Unknown)),
        _ => None,
    }
}

/// The ethnicity group of a raw value (mapped by the config's rules); a value not recognised is counted in the
/// log and gets `fallback`.
pub(crate) fn ethnicity_or(
    raw: &str,
    file: &InputFile,
    log: &mut crate::normalise::quality::QualityLog,
    fallback: crate::normalise::codes::Ethnicity,
) -> crate::normalise::codes::Ethnicity {
    let value = file.mappings.apply("ethnicity", raw, log);
    crate::normalise::codes::ethnicity::classify(value).map_or_else(
        || {
            log.unrecognised("ethnicity", raw);
            fallback
        },
        |e| e.group,
    )
}

/// The disability group of a raw value (mapped by the config's rules); a value not recognised is counted in the
/// log and gets `fallback`.
pub(crate) fn disability_or(
    raw: &str,
    file: &InputFile,
    log: &mut crate::normalise::quality::QualityLog,
    fallback: crate::normalise::codes::Disability,
) -> crate::normalise::codes::Disability {
    let value = file.mappings.apply("disability", raw, log);
    crate::normalise::codes::disability::classify(value).unwrap_or_else(|| {
        log.unrecognised("disability", raw);
        fallback
    })
}
