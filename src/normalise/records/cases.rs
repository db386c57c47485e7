//! Disciplinary and capability cases in the reporting year and the year before (WRES 3, WDES 3).
//!
//! A case's ethnicity and disability come from the case row where it has them, else from the staff snapshot by
//! person id. Cases outside the two years, of another type, or with no usable date are counted
//! and left out. Aggregated form: `year, group, case_type, cases`.

use super::header_names::cases as f;
use super::period::DateSpread;
use super::person::{self, PersonKey};
use super::staff::StaffSnapshot;
use super::{classify_aggregate_group, read_aggregated, read_rows, AggregateGroup, InputFile, Period, PeriodYear};
use crate::error::{Error, Result};
use crate::normalise::codes::case_type::{self, CaseType};
use crate::normalise::codes::{Disability, Ethnicity};
use crate::normalise::quality::{InputQuality, QualityLog};
use crate::read::{Cell, DateOrder, Row, TableInfo};

use super::date_order::DateEvidence;

/// One case (or, from an aggregated table, a count of cases for one group).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Case {
    /// The year it was entered.
    pub year: PeriodYear,
    /// Disciplinary or capability.
    pub case_type: CaseType,
    /// The person's ethnicity (Unknown when neither the row nor the snapshot says; `None` in an aggregated
    /// disability row).
    pub ethnicity: Option<Ethnicity>,
    /// The person's disability (`None` in an aggregated ethnicity row).
    pub disability: Option<Disability>,
    /// The person, when the row names one; each row without one is a person.
    pub person: Option<PersonKey>,
    /// How many cases (1 for a row-level case).
    pub count: u64,
}

/// The cases of the two years.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cases {
    /// Every case used.
    pub cases: Vec<Case>,
}

impl Cases {
    /// True when any recognised case is dated in the previous year.
    pub fn has_previous_year(&self) -> bool {
        self.cases.iter().any(|c| c.year == PeriodYear::Previous)
    }
}

/// Reads the cases file.
pub fn normalise_cases(
    file: &InputFile,
    period: &Period,
    staff: Option<&StaffSnapshot>,
) -> Result<(Cases, InputQuality)> {
    let mut out = Cases::default();
    let mut log = QualityLog::default();
    let mut spread = DateSpread::default();
    let aggregated = read_aggregated(file, f::AGGREGATED, &mut |row| {
        aggregated_row(file, period, row, &mut out, &mut log, &mut spread)
    })?;
    if let Some(info) = aggregated {
        warn_outside(&spread, period, &mut log);
        return Ok((out, log.finish("cases", "aggregated", &info)));
    }
    // Read day-first (or as the config says); read again month-first when a date could only be month-first.
    let first = file.date_order.unwrap_or_default();
    let (mut out, mut log, mut info, evidence) = read_cases(file, period, staff, first)?;
    let (order, note) = evidence.decide(file.date_order, file, &info)?;
    if order != first {
        (out, log, info, _) = read_cases(file, period, staff, order)?;
    }
    let mut quality = log.finish("cases", "row", &info);
    quality.date_order = note;
    Ok((out, quality))
}

/// Reads a row-level cases file with its text dates in `order`: the cases, the log, what was found, and what the
/// dates say about their order.
fn read_cases(
    file: &InputFile,
    period: &Period,
    staff: Option<&StaffSnapshot>,
    order: DateOrder,
) -> Result<(Cases, QualityLog, TableInfo, DateEvidence)> {
    let mut out = Cases::default();
    let mut log = QualityLog::default();
    let mut evidence = DateEvidence::new(f::DATE, "date_entered");
    let mut spread = DateSpread::default();
    let info = read_rows(file, f::FIELDS, &mut |row| {
        if super::left_out_as_footer(row, f::FIELDS, Some(f::PERSON), &mut log) {
            return Ok(());
        }
        evidence.see(row);
        let text = |i: usize| row.cells.get(i).and_then(Cell::text).map(|t| t.into_owned()).unwrap_or_default();
        let type_raw = text(f::CASE_TYPE);
        let Some(kind) = classify_case_type(file, &type_raw, &mut log) else {
            return Ok(());
        };
        let date = match row.cells.get(f::DATE).map(|c| c.date_in(order)) {
            Some(Ok(Some(d))) => d,
            Some(Ok(None)) | None => {
                log.exclude("missing_date");
                return Ok(());
            }
            Some(Err(_)) => {
                log.unrecognised("date_entered", &text(f::DATE));
                log.exclude("invalid_date");
                return Ok(());
            }
        };
        spread.add(period, date);
        let Some(year) = period.year_of(date) else {
            log.exclude("outside_period");
            return Ok(());
        };
        let id = text(f::PERSON);
        let person_key = person::key(&id);
        let known = staff.and_then(|s| s.find(&id));
        let eth_raw = text(f::ETHNICITY);
        // A leaver's case whose row says both groups needs nothing from the snapshot; one that does not gets
        // Unknown for what it lacks.
        let needs_snapshot = eth_raw.is_empty() || text(f::DISABILITY).is_empty();
        if person_key.is_some() && staff.is_some() && known.is_none() && needs_snapshot {
            log.warn("person_not_in_snapshot");
        }
        let eth = if eth_raw.is_empty() {
            known.map_or(Ethnicity::Unknown, |p| p.ethnicity)
        } else {
            super::ethnicity_or(&eth_raw, file, &mut log, known.map_or(Ethnicity::Unknown, |p| p.ethnicity))
        };
        let dis_raw = text(f::DISABILITY);
        let dis = if dis_raw.is_empty() {
            known.map_or(Disability::Unknown, |p| p.disability)
        } else {
            super::disability_or(&dis_raw, file, &mut log, known.map_or(Disability::Unknown, |p| p.disability))
        };
        out.cases.push(Case {
            year,
            case_type: kind,
            ethnicity: Some(eth),
            disability: Some(dis),
            person: person_key,
            count: 1,
        });
        log.used();
        Ok(())
    })?;
    warn_outside(&spread, period, &mut log);
    Ok((out, log, info, evidence))
}

/// The case type of a row; `None` when the row is left out: as `other_case_type` for a process the standards
/// leave out on purpose (grievance, say), else as `case_type` with the value counted as not recognised.
fn classify_case_type(file: &InputFile, raw: &str, log: &mut QualityLog) -> Option<CaseType> {
    let value = file.mappings.apply("case_type", raw, log);
    let kind = case_type::classify(value);
    if kind.is_none() {
        if case_type::is_other_process(value) {
            log.exclude("other_case_type");
        } else {
            log.unrecognised("case_type", raw);
            log.exclude("case_type");
        }
    }
    kind
}

/// Warns when most cases fall outside the two years of the rolling average.
fn warn_outside(spread: &DateSpread, period: &Period, log: &mut QualityLog) {
    if let Some((outside, words)) = spread.outside(period, 2, "case") {
        log.warn_detail(crate::normalise::quality::DATES_OUTSIDE_PERIOD, outside, words);
    }
}

/// The year an aggregated row's year ends in: `2024/25`, `2024-25` or `2025` (the financial year ending in March
/// 2025).
fn aggregated_end(raw: &str) -> Option<i32> {
    let digits: Vec<&str> = raw.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).collect();
    match digits.as_slice() {
        [y] if y.len() == 4 => y.parse::<i32>().ok(),
        [y, _] if y.len() == 4 => y.parse::<i32>().ok().map(|y| y + 1),
        _ => None,
    }
}

/// The year of an aggregated row within the period, if either.
fn aggregated_year(end: i32, period: &Period) -> Option<PeriodYear> {
    if end == period.year() {
        Some(PeriodYear::Current)
    } else if end == period.year() - 1 {
        Some(PeriodYear::Previous)
    } else {
        None
    }
}

fn aggregated_row(
    file: &InputFile,
    period: &Period,
    row: &Row<'_>,
    out: &mut Cases,
    log: &mut QualityLog,
    spread: &mut DateSpread,
) -> Result<()> {
    if super::left_out_as_footer(row, f::AGGREGATED, None, log) {
        return Ok(());
    }
    let cell = |i: usize| row.cells.get(i).unwrap_or(&Cell::Empty);
    let text = |i: usize| cell(i).text().map(|t| t.into_owned()).unwrap_or_default();
    let count = cell(3).count().map_err(|found| {
        Error::data(format!("{}, row {}, column 'cases': {found}", file.shown, row.line))
            .with_hint("counts in an aggregated table must be whole numbers of 0 or more")
    })?;
    let year_raw = text(0);
    let Some(end) = aggregated_end(&year_raw) else {
        log.unrecognised("year", &year_raw);
        log.exclude("invalid_year");
        return Ok(());
    };
    spread.add_year(end);
    let Some(year) = aggregated_year(end, period) else {
        log.exclude("outside_period");
        return Ok(());
    };
    let type_raw = text(2);
    let Some(kind) = classify_case_type(file, &type_raw, log) else {
        return Ok(());
    };
    let group_raw = text(1);
    let (eth, dis) = match classify_aggregate_group(file.mappings.apply("group", &group_raw, log)) {
        Some(AggregateGroup::Ethnicity(e)) => (Some(e), None),
        Some(AggregateGroup::Disability(d)) => (None, Some(d)),
        None => {
            log.unrecognised("group", &group_raw);
            log.exclude("unrecognised_group");
            return Ok(());
        }
    };
    out.cases.push(Case { year, case_type: kind, ethnicity: eth, disability: dis, person: None, count });
    log.used();
    Ok(())
}
