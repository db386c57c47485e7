//! Recruitment: shortlisted applications and appointments, by ethnicity and by disability (WRES 2, WDES 2).
//!
//! Row-level: one row per shortlisted application; a row marked not shortlisted is left out (and one marked
//! appointed although not shortlisted is left out with its own reason). Aggregated: `group, shortlisted,
//! appointed`.

use std::collections::BTreeMap;

use super::header_names::recruitment as f;
use super::period::DateSpread;
use super::{classify_aggregate_group, read_aggregated, read_rows, AggregateGroup, InputFile, Period, Tally};
use crate::error::{Error, Result};
use crate::normalise::codes::{yes_no, Disability, Ethnicity};
use crate::normalise::quality::{InputQuality, QualityLog};
use crate::read::{Cell, DateOrder, Row};

use super::date_order::DateEvidence;

/// Shortlisted (total) and appointed (events) by group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recruitment {
    /// By ethnicity group.
    pub by_ethnicity: BTreeMap<Ethnicity, Tally>,
    /// By disability group.
    pub by_disability: BTreeMap<Disability, Tally>,
    /// Row-level files only: each shortlisted application, for the recruitment views and intersections of the
    /// extensions (empty for an aggregated table).
    pub applications: Vec<Application>,
}

/// One shortlisted application (6 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Application {
    /// White / BME / Unknown.
    pub ethnicity: Ethnicity,
    /// Disabled / Non-disabled / Unknown.
    pub disability: Disability,
    /// Appointed from the shortlist.
    pub appointed: bool,
    /// The post's AfC band or VSM, when the optional `pay_band` column gives one.
    pub band: Option<crate::normalise::codes::PayBand>,
    /// The post's staff group, when the optional `staff_group` column gives one.
    pub staff_group: Option<crate::normalise::codes::StaffGroup>,
    /// The optional `international_recruit` flag: `Some(true)` international, `Some(false)` not, `None` blank.
    pub international: Option<bool>,
}

/// Reads the recruitment file. An optional date column (shortlisting, interview or application date) is only
/// looked at to warn when most rows fall outside the reporting year of `period`.
pub fn normalise_recruitment(file: &InputFile, period: &Period) -> Result<(Recruitment, InputQuality)> {
    let mut out = Recruitment::default();
    let mut log = QualityLog::default();
    if let Some(info) = read_aggregated(file, f::AGGREGATED, &mut |row| aggregated_row(file, row, &mut out, &mut log))?
    {
        return Ok((out, log.finish("recruitment", "aggregated", &info)));
    }
    let (mut day_first, mut month_first) = (DateSpread::default(), DateSpread::default());
    let mut evidence = DateEvidence::new(f::DATE, "date");
    let info = read_rows(file, f::FIELDS, &mut |row| {
        if super::left_out_as_footer(row, f::FIELDS, None, &mut log) {
            return Ok(());
        }
        evidence.see(row);
        // The spread of the dates read either way; which one counts is known once every date has been seen.
        for (order, spread) in [(DateOrder::DayFirst, &mut day_first), (DateOrder::MonthFirst, &mut month_first)] {
            if let Some(Ok(Some(d))) = row.cells.get(f::DATE).map(|c| c.date_in(order)) {
                spread.add(period, d);
            }
        }
        let text = |i: usize| row.cells.get(i).and_then(Cell::text).map(|t| t.into_owned()).unwrap_or_default();
        let shortlisted_raw = text(f::SHORTLISTED);
        let shortlisted = if shortlisted_raw.is_empty() {
            Some(true)
        } else {
            yes_no::shortlisted(file.mappings.apply("shortlisted", &shortlisted_raw, &mut log))
        };
        let appointed_raw = text(f::APPOINTED);
        let appointed = yes_no::appointed(file.mappings.apply("appointed", &appointed_raw, &mut log));
        match (shortlisted, appointed) {
            (None, _) => {
                log.unrecognised("shortlisted", &shortlisted_raw);
                log.exclude("unrecognised_shortlisted");
            }
            (_, None) => {
                log.unrecognised("appointed", &appointed_raw);
                log.exclude("unrecognised_outcome");
            }
            (Some(false), Some(true)) => log.exclude("appointed_not_shortlisted"),
            (Some(false), Some(false)) => log.exclude("not_shortlisted"),
            (Some(true), Some(appointed)) => {
                let eth_raw = text(f::ETHNICITY);
                let eth = super::ethnicity_or(&eth_raw, file, &mut log, Ethnicity::Unknown);
                let dis_raw = text(f::DISABILITY);
                let dis = super::disability_or(&dis_raw, file, &mut log, Disability::Unknown);
                add(out.by_ethnicity.entry(eth).or_default(), 1, u64::from(appointed));
                add(out.by_disability.entry(dis).or_default(), 1, u64::from(appointed));
                out.applications.push(post(file, &text, eth, dis, appointed, &mut log));
                log.used();
            }
        }
        Ok(())
    })?;
    let (order, note) = evidence.decide(file.date_order, file, &info)?;
    let spread = if order == DateOrder::MonthFirst { month_first } else { day_first };
    if let Some((outside, words)) = spread.outside(period, 1, "recruitment") {
        log.warn_detail(crate::normalise::quality::DATES_OUTSIDE_PERIOD, outside, words);
    }
    let mut quality = log.finish("recruitment", "row", &info);
    quality.date_order = note;
    Ok((out, quality))
}

/// The optional post fields of a shortlisted application; values not recognised are logged.
fn post(
    file: &InputFile,
    text: &dyn Fn(usize) -> String,
    ethnicity: Ethnicity,
    disability: Disability,
    appointed: bool,
    log: &mut QualityLog,
) -> Application {
    use crate::normalise::codes::{band, staff_group, BandValue};
    let band_raw = text(f::PAY_BAND);
    let band = match band::classify(file.mappings.apply("pay_band", &band_raw, log)) {
        Some(BandValue::Band(b)) => Some(b),
        Some(_) => None,
        None => {
            log.unrecognised("pay_band", &band_raw);
            None
        }
    };
    let group_raw = text(f::STAFF_GROUP);
    let staff_group = staff_group::classify(file.mappings.apply("staff_group", &group_raw, log));
    if staff_group.is_none() && !group_raw.trim().is_empty() {
        log.unrecognised("staff_group", &group_raw);
    }
    let intl_raw = text(f::INTERNATIONAL);
    let international = yes_no::classify(file.mappings.apply("international_recruit", &intl_raw, log));
    if international.is_none() && !intl_raw.trim().is_empty() {
        log.unrecognised("international_recruit", &intl_raw);
    }
    Application { ethnicity, disability, appointed, band, staff_group, international }
}

fn add(tally: &mut Tally, total: u64, events: u64) {
    tally.total += total;
    tally.events += events;
}

fn aggregated_row(file: &InputFile, row: &Row<'_>, out: &mut Recruitment, log: &mut QualityLog) -> Result<()> {
    if super::left_out_as_footer(row, f::AGGREGATED, None, log) {
        return Ok(());
    }
    let cell = |i: usize| row.cells.get(i).unwrap_or(&Cell::Empty);
    let group_raw = cell(0).text().map(|t| t.into_owned()).unwrap_or_default();
    let count = |i: usize, column: &str| {
        cell(i).count().map_err(|found| {
            Error::data(format!("{}, row {}, column '{column}': {found}", file.shown, row.line))
                .with_hint("counts in an aggregated table must be whole numbers of 0 or more")
        })
    };
    let shortlisted = count(1, "shortlisted")?;
    let appointed = count(2, "appointed")?;
    if appointed > shortlisted {
        return Err(Error::data(format!(
            "{}, row {}: {appointed} appointed but only {shortlisted} shortlisted",
            file.shown, row.line
        ))
        .with_hint("appointed counts only people appointed from the shortlist; check the row"));
    }
    match classify_aggregate_group(file.mappings.apply("group", &group_raw, log)) {
        Some(AggregateGroup::Ethnicity(g)) => add(out.by_ethnicity.entry(g).or_default(), shortlisted, appointed),
        Some(AggregateGroup::Disability(g)) => add(out.by_disability.entry(g).or_default(), shortlisted, appointed),
        None => {
            log.unrecognised("group", &group_raw);
            log.exclude("unrecognised_group");
            return Ok(());
        }
    }
    log.used();
    Ok(())
}
