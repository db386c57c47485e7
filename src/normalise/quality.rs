//! The data-quality log: for each input file, rows read, used, excluded by reason, and values not recognised.
//!
//! Every row read is either used or excluded with a reason, so `rows_read = rows_used + sum(excluded)` always
//! holds; a value that is not recognised is counted with its raw text (coded columns only, never names or ids).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::read::{ColumnMatch, TableInfo};

/// The longest raw value kept in the log; longer values are cut (they are never personal data fields, but a
/// stray paste should not fill a report).
pub(crate) const MAX_VALUE_CHARS: usize = 40;

/// Rows left out for one reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excluded {
    /// A short stable word a script can match (`bank`, `student`, `duplicate_person`, `outside_period`, ...).
    pub reason: &'static str,
    /// How many rows (`None` when withheld by disclosure control).
    pub rows: Option<u64>,
}

/// A value not recognised in a coded column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unrecognised {
    /// The field (`ethnicity`, `pay_band`, ...).
    pub field: &'static str,
    /// The raw text, trimmed (cut to 40 characters).
    pub value: String,
    /// How many rows held it (`None` when withheld by disclosure control).
    pub rows: Option<u64>,
}

/// A counted condition that did not exclude rows but deserves attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// A short stable word (`conflicting_ethnicity`, `person_not_in_snapshot`, `dates_outside_period`, ...).
    pub warning: &'static str,
    /// How many rows (`None` when withheld by disclosure control).
    pub rows: Option<u64>,
    /// What it means and what to do, in words (shares only, no counts), where the word alone is not enough.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// The warning word for an input whose dated rows fall mostly outside the reporting period.
pub const DATES_OUTSIDE_PERIOD: &str = "dates_outside_period";
/// A `[mapping.FIELD]` rule of the config that was used: the rows whose raw value it mapped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MappingApplied {
    /// The field (`ethnicity`, `pay_band`, ...).
    pub field: &'static str,
    /// The raw value as written in the config (masked as unrecognised values are).
    pub from: String,
    /// The value it was read as.
    pub to: String,
    /// How many rows held it (`None` when withheld by disclosure control).
    pub rows: Option<u64>,
}

/// How the text dates of an input's date column were read: day-first (the default, as UK exports write them) or
/// month-first (when a value could only be month-first, or the config said so).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateOrderNote {
    /// The date field (`date`, `date_entered`).
    pub field: &'static str,
    /// `dmy` (day-first) or `mdy` (month-first).
    pub order: &'static str,
    /// Why: `default` (nothing said otherwise), `detected` (a value could only be month-first) or `config` (the
    /// input's `date_order` in the config).
    pub source: &'static str,
    /// Rows whose date could be read either way (`04/03/2024`), read in `order` (`None` when withheld by
    /// disclosure control).
    pub either_way: Option<u64>,
}

/// The data-quality record of one input file (the `data_quality.inputs[]` element of the JSON).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputQuality {
    /// The input kind (`staff`, `recruitment`, `cases`, `training`, `survey`, `board`).
    pub kind: &'static str,
    /// The path as given.
    pub path: String,
    /// SHA-256 digest of the file's bytes, so a report can be traced to its exact inputs.
    pub sha256: Option<String>,
    /// The sheet read (several joined by `, ` for a multi-sheet extract; empty for CSV).
    pub sheet: String,
    /// The 1-based header row.
    pub header_row: usize,
    /// `row` (one row per record) or `aggregated` (a group column plus counts).
    pub layout: &'static str,
    /// Non-blank rows below the header (`None` when withheld by disclosure control).
    pub rows_read: Option<u64>,
    /// Rows that contributed to the figures.
    pub rows_used: Option<u64>,
    /// Blank rows skipped.
    pub blank_rows: Option<u64>,
    /// Rows left out, by reason.
    pub excluded: Vec<Excluded>,
    /// Values not recognised, by field and raw value.
    pub unrecognised: Vec<Unrecognised>,
    /// Conditions worth a look that did not exclude rows.
    pub warnings: Vec<Warning>,
    /// The column each field was matched to.
    pub columns: Vec<ColumnMatch>,
    /// The config's `[mapping.FIELD]` rules used on this file, with the rows each mapped (absent when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mappings: Vec<MappingApplied>,
    /// How the text dates were read, for an input whose date column holds dates written with numbers for day and
    /// month (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_order: Option<DateOrderNote>,
}

/// A mapping rule's raw value and target, and the rows it mapped.
type Mapped = (std::sync::Arc<str>, std::sync::Arc<str>, u64);

/// Collects counts while an input is normalised, then becomes an [`InputQuality`].
///
/// ```
/// use wres_wdes::normalise::quality::QualityLog;
/// let mut log = QualityLog::default();
/// log.used();
/// log.exclude("bank");
/// log.unrecognised("ethnicity", "  Martian ");
/// assert_eq!(log.rows_accounted(), 2);
/// ```
#[derive(Debug, Clone, Default)]
pub struct QualityLog {
    used: u64,
    excluded: BTreeMap<&'static str, u64>,
    /// By field, then by value (the order of the output).
    unrecognised: BTreeMap<&'static str, BTreeMap<String, u64>>,
    warnings: BTreeMap<&'static str, u64>,
    /// The words of a warning, where it has them.
    details: BTreeMap<&'static str, String>,
    /// Rows mapped by the config, by field and rule index.
    mapped: BTreeMap<(&'static str, usize), Mapped>,
}

impl QualityLog {
    /// Counts a row that contributed.
    pub fn used(&mut self) {
        self.used += 1;
    }
    /// Counts `n` rows that contributed.
    pub fn used_n(&mut self, n: u64) {
        self.used += n;
    }
    /// Counts a row left out for `reason`.
    pub fn exclude(&mut self, reason: &'static str) {
        *self.excluded.entry(reason).or_default() += 1;
    }
    /// Moves one row already counted as used to excluded (a later row replaced it).
    pub fn unuse_and_exclude(&mut self, reason: &'static str) {
        self.used = self.used.saturating_sub(1);
        self.exclude(reason);
    }
    /// Moves `n` rows already counted as used to excluded (later rows replaced them); nothing when `n` is 0.
    ///
    /// ```
    /// use wres_wdes::normalise::quality::QualityLog;
    /// let (mut one_by_one, mut at_once) = (QualityLog::default(), QualityLog::default());
    /// for log in [&mut one_by_one, &mut at_once] {
    ///     log.used_n(5);
    /// }
    /// (0..3).for_each(|_| one_by_one.unuse_and_exclude("duplicate_person"));
    /// at_once.unuse_and_exclude_n("duplicate_person", 3);
    /// at_once.unuse_and_exclude_n("other", 0);
    /// assert_eq!(format!("{one_by_one:?}"), format!("{at_once:?}"));
    /// ```
    pub fn unuse_and_exclude_n(&mut self, reason: &'static str, n: u64) {
        if n > 0 {
            self.used = self.used.saturating_sub(n);
            *self.excluded.entry(reason).or_default() += n;
        }
    }
    /// Counts a value not recognised in `field`.
    pub fn unrecognised(&mut self, field: &'static str, raw: &str) {
        let masked = mask_identifiers(raw.trim());
        let value = masked.char_indices().nth(MAX_VALUE_CHARS).map_or(masked.as_str(), |(i, _)| &masked[..i]);
        let values = self.unrecognised.entry(field).or_default();
        match values.get_mut(value) {
            Some(rows) => *rows += 1,
            None => {
                values.insert(value.to_string(), 1);
            }
        }
    }
    /// Counts `n` rows whose raw value of `field` was mapped by `rule` (the rule at `index` of the field's rules).
    pub fn mapped(&mut self, field: &'static str, index: usize, rule: &crate::normalise::mapping::Rule, n: u64) {
        self.mapped.entry((field, index)).or_insert_with(|| (rule.from.clone(), rule.to.clone(), 0)).2 += n;
    }
    /// Adds the counts of another log (of another part of the same file).
    pub fn merge(&mut self, other: QualityLog) {
        for (key, (from, to, rows)) in other.mapped {
            self.mapped.entry(key).or_insert((from, to, 0)).2 += rows;
        }
        self.used += other.used;
        for (reason, rows) in other.excluded {
            *self.excluded.entry(reason).or_default() += rows;
        }
        for (field, values) in other.unrecognised {
            let mine = self.unrecognised.entry(field).or_default();
            for (value, rows) in values {
                *mine.entry(value).or_default() += rows;
            }
        }
        for (warning, rows) in other.warnings {
            *self.warnings.entry(warning).or_default() += rows;
        }
        self.details.extend(other.details);
    }
    /// Counts a condition worth a look.
    pub fn warn(&mut self, warning: &'static str) {
        *self.warnings.entry(warning).or_default() += 1;
    }
    /// Counts `n` rows with `warning`; nothing when `n` is 0.
    ///
    /// ```
    /// use wres_wdes::normalise::quality::QualityLog;
    /// let (mut one_by_one, mut at_once) = (QualityLog::default(), QualityLog::default());
    /// (0..2).for_each(|_| one_by_one.warn("conflicting_ethnicity"));
    /// at_once.warn_n("conflicting_ethnicity", 2);
    /// at_once.warn_n("conflicting_disability", 0);
    /// assert_eq!(format!("{one_by_one:?}"), format!("{at_once:?}"));
    /// ```
    pub fn warn_n(&mut self, warning: &'static str, n: u64) {
        if n > 0 {
            *self.warnings.entry(warning).or_default() += n;
        }
    }
    /// Counts `n` rows with `warning`, with words saying what it means and what to do; nothing when `n` is 0.
    ///
    /// ```
    /// use wres_wdes::normalise::quality::QualityLog;
    /// let mut log = QualityLog::default();
    /// log.warn_detail("dates_outside_period", 12, "most dates are in 2023-24: is --year 2024 meant?".into());
    /// assert_eq!(log.rows_accounted(), 0);
    /// ```
    pub fn warn_detail(&mut self, warning: &'static str, n: u64, detail: String) {
        if n > 0 {
            *self.warnings.entry(warning).or_default() += n;
            self.details.insert(warning, detail);
        }
    }
    /// Rows counted so far as used or excluded.
    pub fn rows_accounted(&self) -> u64 {
        self.used + self.excluded.values().sum::<u64>()
    }
    /// Rows used so far.
    pub fn rows_used(&self) -> u64 {
        self.used
    }
    /// Finishes the log for a table.
    pub fn finish(self, kind: &'static str, layout: &'static str, info: &TableInfo) -> InputQuality {
        InputQuality {
            kind,
            path: info.path.display().to_string(),
            sha256: None,
            sheet: info.sheets.join(", "),
            header_row: info.header_row,
            layout,
            rows_read: Some(info.rows_read),
            rows_used: Some(self.used),
            blank_rows: Some(info.blank_rows),
            excluded: self.excluded.into_iter().map(|(reason, rows)| Excluded { reason, rows: Some(rows) }).collect(),
            unrecognised: self
                .unrecognised
                .into_iter()
                .flat_map(|(field, values)| {
                    values.into_iter().map(move |(value, rows)| Unrecognised { field, value, rows: Some(rows) })
                })
                .collect(),
            warnings: {
                let mut details = self.details;
                self.warnings
                    .into_iter()
                    .map(|(warning, rows)| Warning { warning, rows: Some(rows), detail: details.remove(warning) })
                    .collect()
            },
            columns: info.columns.clone(),
            mappings: self
                .mapped
                .into_iter()
                .map(|((field, _), (from, to, rows))| MappingApplied {
                    field,
                    from: mask_identifiers(from.trim()),
                    to: to.to_string(),
                    rows: Some(rows),
                })
                .collect(),
            date_order: None,
        }
    }
}

/// Masks what looks like an identifier in a raw value before it is logged: a word holding `@` (an email address)
/// becomes `<email>`, and each run of 6 or more digits (a staff, NHS or phone number) becomes `#`s. The raw text of
/// a coded column is shown so a user can fix or map it; a staff number pasted into the wrong column must not be.
///
/// ```
/// use wres_wdes::normalise::quality::mask_identifiers;
/// assert_eq!(mask_identifiers("Band 5"), "Band 5");
/// assert_eq!(mask_identifiers("2024-03-31"), "2024-03-31");
/// assert_eq!(mask_identifiers("id 12345678-2"), "id ########-2");
/// assert_eq!(mask_identifiers("ask jo.bloggs@nhs.net"), "ask <email>");
/// ```
pub fn mask_identifiers(raw: &str) -> String {
    const MIN_DIGITS: usize = 6;
    let mut out = String::with_capacity(raw.len());
    for (i, word) in raw.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.contains('@') {
            out.push_str("<email>");
            continue;
        }
        let mut run = String::new();
        let flush = |run: &mut String, out: &mut String| {
            if run.chars().count() >= MIN_DIGITS {
                out.extend(run.chars().map(|_| '#'));
            } else {
                out.push_str(run);
            }
            run.clear();
        };
        for c in word.chars() {
            if c.is_ascii_digit() {
                run.push(c);
            } else {
                flush(&mut run, &mut out);
                out.push(c);
            }
        }
        flush(&mut run, &mut out);
    }
    out
}

/// Exclusion reasons that follow from the tool's rules (docs/method.md) rather than from problems in the data.
pub const RULE_REASONS: &[&str] = &[
    "bank",
    "honorary",
    "agency",
    "student",
    "duplicate_person",
    "mandatory",
    "outside_period",
    "not_shortlisted",
    "not_in_workforce",
    "other_case_type",
    "footer",
];

/// What `--strict` fails on: every unrecognised value, every warning, and every exclusion that is not one of the
/// tool's rules, as lines naming the file.
pub fn problems(inputs: &[InputQuality]) -> Vec<String> {
    let mut out = Vec::new();
    for q in inputs {
        for e in q.excluded.iter().filter(|e| !RULE_REASONS.contains(&e.reason)) {
            out.push(format!("{}: {} rows left out ({})", q.path, shown(e.rows), e.reason));
        }
        for u in &q.unrecognised {
            out.push(format!("{}: {} rows with unrecognised {} '{}'", q.path, shown(u.rows), u.field, u.value));
        }
        for w in &q.warnings {
            let detail = w.detail.as_ref().map(|d| format!(": {d}")).unwrap_or_default();
            out.push(format!("{}: {} rows with {}{detail}", q.path, shown(w.rows), w.warning));
        }
    }
    out
}

/// The inputs whose dated rows fall mostly outside the reporting period, each as `file: what the dates say`.
pub fn period_warnings(inputs: &[InputQuality]) -> Vec<String> {
    inputs
        .iter()
        .flat_map(|q| {
            q.warnings.iter().filter(|w| w.warning == DATES_OUTSIDE_PERIOD).map(move |w| {
                format!("{}: {}", q.path, w.detail.as_deref().unwrap_or("most dates fall outside the period"))
            })
        })
        .collect()
}

/// A count for messages: the number, or `*` when withheld.
pub fn shown(count: Option<u64>) -> String {
    count.map_or_else(|| "*".to_string(), |c| c.to_string())
}
