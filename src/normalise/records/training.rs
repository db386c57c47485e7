//! Non-mandatory training and CPD (WRES 4): which people in the workforce accessed at least one course in the
//! reporting year.
//!
//! Rows are left out, and counted, in this order: mandatory; dated outside the reporting
//! year; person not in the workforce. A blank mandatory flag means non-mandatory; a person counts once however
//! many courses. Aggregated form: `group, staff, accessed`.

use std::collections::{BTreeMap, BTreeSet};

use super::header_names::training as f;
use super::staff::StaffSnapshot;
use super::{
    classify_aggregate_group, read_aggregated, read_rows, AggregateGroup, InputFile, Period, PeriodYear, Tally,
};
use crate::error::{Error, Result};
use crate::normalise::codes::{yes_no, Ethnicity};
use crate::normalise::quality::{InputQuality, QualityLog};
use crate::read::{Cell, DateOrder, Row, TableInfo};

use super::date_order::DateEvidence;

/// Who accessed non-mandatory training.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Training {
    /// Row-level: positions in the staff snapshot of the people who accessed training.
    People(BTreeSet<u32>),
    /// Aggregated: staff (total) and accessed (events) by ethnicity group.
    Aggregated(BTreeMap<Ethnicity, Tally>),
}

/// Reads the training file; row-level data need the staff snapshot.
pub fn normalise_training(
    file: &InputFile,
    period: &Period,
    staff: Option<&StaffSnapshot>,
) -> Result<(Training, InputQuality)> {
    let mut log = QualityLog::default();
    let mut groups = BTreeMap::new();
    if let Some(info) =
        read_aggregated(file, f::AGGREGATED, &mut |row| aggregated_row(file, row, &mut groups, &mut log))?
    {
        return Ok((Training::Aggregated(groups), log.finish("training", "aggregated", &info)));
    }
    let Some(staff) = staff else {
        return Err(Error::usage(format!(
            "{}: row-level training needs the staff snapshot to know who is in the workforce",
            file.shown
        ))
        .with_hint(
            "give --staff (or inputs.staff in the config), or use the aggregated form: group, staff, accessed",
        ));
    };
    // Read day-first (or as the config says); read again month-first when a date could only be month-first.
    let first = file.date_order.unwrap_or_default();
    let (mut people, mut log, mut info, evidence) = read_people(file, period, staff, first)?;
    let (order, note) = evidence.decide(file.date_order, file, &info)?;
    if order != first {
        (people, log, info, _) = read_people(file, period, staff, order)?;
    }
    let mut quality = log.finish("training", "row", &info);
    quality.date_order = note;
    Ok((Training::People(people), quality))
}

/// Reads a row-level training file with its text dates in `order`: who accessed training, the log, what was
/// found, and what the dates say about their order.
fn read_people(
    file: &InputFile,
    period: &Period,
    staff: &StaffSnapshot,
    order: DateOrder,
) -> Result<(BTreeSet<u32>, QualityLog, TableInfo, DateEvidence)> {
    let mut log = QualityLog::default();
    let mut people = BTreeSet::new();
    let mut spread = super::period::DateSpread::default();
    let mut evidence = DateEvidence::new(f::DATE, "date");
    let info = read_rows(file, f::FIELDS, &mut |row| {
        if super::left_out_as_footer(row, f::FIELDS, Some(f::PERSON), &mut log) {
            return Ok(());
        }
        evidence.see(row);
        let text = |i: usize| row.cells.get(i).and_then(Cell::text).map(|t| t.into_owned()).unwrap_or_default();
        let mandatory_raw = text(f::MANDATORY);
        let mandatory = if mandatory_raw.is_empty() {
            false
        } else {
            match yes_no::classify(file.mappings.apply("mandatory", &mandatory_raw, &mut log)) {
                Some(m) => m,
                None => {
                    log.unrecognised("mandatory", &mandatory_raw);
                    false
                }
            }
        };
        if mandatory {
            log.exclude("mandatory");
            return Ok(());
        }
        let date = row.cells.get(f::DATE).map(|c| c.date_in(order));
        if let Some(Ok(Some(d))) = date {
            spread.add(period, d);
        }
        match date {
            Some(Ok(Some(d))) if period.year_of(d) != Some(PeriodYear::Current) => {
                log.exclude("outside_period");
                return Ok(());
            }
            Some(Err(_)) => {
                log.unrecognised("date", &text(f::DATE));
                log.exclude("invalid_date");
                return Ok(());
            }
            _ => {}
        }
        match staff.position(&text(f::PERSON)) {
            Some(position) => {
                people.insert(position);
                log.used();
            }
            None => log.exclude("not_in_workforce"),
        }
        Ok(())
    })?;
    if let Some((outside, words)) = spread.outside(period, 1, "training") {
        log.warn_detail(crate::normalise::quality::DATES_OUTSIDE_PERIOD, outside, words);
    }
    Ok((people, log, info, evidence))
}

fn aggregated_row(
    file: &InputFile,
    row: &Row<'_>,
    groups: &mut BTreeMap<Ethnicity, Tally>,
    log: &mut QualityLog,
) -> Result<()> {
    if super::left_out_as_footer(row, f::AGGREGATED, None, log) {
        return Ok(());
    }
    let cell = |i: usize| row.cells.get(i).unwrap_or(&Cell::Empty);
    let count = |i: usize, column: &str| {
        cell(i).count().map_err(|found| {
            Error::data(format!("{}, row {}, column '{column}': {found}", file.shown, row.line))
                .with_hint("counts in an aggregated table must be whole numbers of 0 or more")
        })
    };
    let staff = count(1, "staff")?;
    let accessed = count(2, "accessed")?;
    if accessed > staff {
        return Err(Error::data(format!(
            "{}, row {}: {accessed} accessed but only {staff} staff",
            file.shown, row.line
        ))
        .with_hint("accessed counts staff in the group who took at least one non-mandatory course"));
    }
    let group_raw = cell(0).text().map(|t| t.into_owned()).unwrap_or_default();
    match classify_aggregate_group(file.mappings.apply("group", &group_raw, log)) {
        Some(AggregateGroup::Ethnicity(g)) => {
            let t = groups.entry(g).or_default();
            t.total += staff;
            t.events += accessed;
            log.used();
        }
        _ => {
            log.unrecognised("group", &group_raw);
            log.exclude("unrecognised_group");
        }
    }
    Ok(())
}
