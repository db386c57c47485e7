//! The workforce snapshot: one record per person in the substantive workforce (spec decision 2).
//!
//! In this order: rows with assignment category Bank, Honorary or Agency are excluded; then rows in the Students
//! staff group; then a person counts once: the remaining row flagged primary, else the first remaining row.

use std::collections::{BTreeMap, HashMap};

use super::fields::staff as f;
use super::index::PersonIndex;
use super::memo::{FxBuild, Memo};
use super::person;
use super::{read_rows, InputFile};
use crate::error::Result;
use crate::normalise::codes::{
    band, disability, ethnicity, grade, staff_group, yes_no, BandValue, BroadGroup, Disability, Ethnicity,
    EthnicityClass, PayRow, StaffGroup, Workforce,
};
use crate::normalise::quality::{InputQuality, QualityLog};
use crate::read::Cell;

/// One person in the workforce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Person {
    /// White / BME / Unknown.
    pub ethnicity: Ethnicity,
    /// Census broad group, when known.
    pub broad: Option<BroadGroup>,
    /// Disabled / Non-disabled / Unknown.
    pub disability: Disability,
    /// Non-clinical, clinical or medical.
    pub workforce: Workforce,
    /// The WRES 1 row.
    pub row: PayRow,
    /// Gender (optional field; for the pay gaps).
    pub gender: crate::normalise::codes::gender::Gender,
    /// Pay as given (optional fields; for the pay gaps).
    pub pay: super::pay::PersonPay,
}

/// The workforce at the snapshot date, one record per person.
#[derive(Debug, Clone, Default)]
pub struct StaffSnapshot {
    /// The people, in the order first seen.
    pub people: Vec<Person>,
    /// Position in `people` by person key.
    index: PersonIndex,
}

impl StaffSnapshot {
    /// The position of a person in [`StaffSnapshot::people`], by raw id.
    pub fn position(&self, raw_id: &str) -> Option<u32> {
        person::key(raw_id).and_then(|k| self.index.get(k))
    }
    /// A person by raw id.
    pub fn find(&self, raw_id: &str) -> Option<&Person> {
        self.position(raw_id).and_then(|i| self.people.get(i as usize))
    }
    /// The position of a person by key.
    pub fn position_of_key(&self, key: person::PersonKey) -> Option<u32> {
        self.index.get(key)
    }
    /// Headcount.
    pub fn len(&self) -> usize {
        self.people.len()
    }
    /// True when nobody is in the workforce.
    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }
}

/// Overrides of the default staff-group to workforce mapping (spec decision 8), from the config file.
pub type WorkforceMapping = BTreeMap<StaffGroup, Workforce>;

/// Why a row is not in the substantive workforce, from its assignment category.
fn category_exclusion(raw: &str) -> Option<&'static str> {
    let lower = raw.to_ascii_lowercase();
    if lower.contains("bank") {
        Some("bank")
    } else if lower.contains("honorary") {
        Some("honorary")
    } else if lower.contains("agency") || lower.contains("locum agency") {
        Some("agency")
    } else {
        None
    }
}

/// Each coded column's classifications, by raw text (see [`Memo`]).
#[derive(Default)]
struct Classifiers {
    category: Memo<Option<&'static str>>,
    group: Memo<Option<StaffGroup>>,
    primary: Memo<Option<bool>>,
    ethnicity: Memo<Option<EthnicityClass>>,
    disability: Memo<Option<Disability>>,
    band: Memo<Option<BandValue>>,
    /// The placement by grade, for each workforce and band where the grade decides.
    grade: HashMap<(Workforce, BandValue), Memo<grade::Placement>, FxBuild>,
}

/// Reads the staff snapshot.
pub fn normalise_staff(file: &InputFile, mapping: &WorkforceMapping) -> Result<(StaffSnapshot, InputQuality)> {
    let mut log = QualityLog::default();
    let mut snapshot = StaffSnapshot::default();
    // Whether the row kept for each person (by position) was flagged primary.
    let mut primary_kept: Vec<bool> = Vec::new();
    let mut memo = Classifiers::default();
    let info = read_rows(file, f::FIELDS, &mut |row| {
        let cells = row.cells;
        let text = |i: usize| cells.get(i).and_then(Cell::text);
        let Some(key) = text(f::PERSON).and_then(|id| person::key(&id)) else {
            log.exclude("missing_person_id");
            return Ok(());
        };
        if let Some(reason) = text(f::CATEGORY).and_then(|c| memo.category.get(&c, category_exclusion)) {
            log.exclude(reason);
            return Ok(());
        }
        let group_raw = text(f::STAFF_GROUP).unwrap_or_default();
        let group = memo.group.get(&group_raw, staff_group::classify);
        if group == Some(StaffGroup::Students) {
            log.exclude("student");
            return Ok(());
        }
        let primary = text(f::PRIMARY).and_then(|p| memo.primary.get(&p, yes_no::classify)).unwrap_or(false);
        let previous = snapshot.index.get(key);
        if let Some(position) = previous {
            if primary_kept.get(position as usize).copied().unwrap_or(true) || !primary {
                // The row kept and this one should describe the same person: say when they disagree.
                if let Some(kept) = snapshot.people.get(position as usize) {
                    let eth = memo.ethnicity.get(&text(f::ETHNICITY).unwrap_or_default(), ethnicity::classify);
                    if eth.map_or(Ethnicity::Unknown, |e| e.group) != kept.ethnicity {
                        log.warn("conflicting_ethnicity");
                    }
                    let dis = memo.disability.get(&text(f::DISABILITY).unwrap_or_default(), disability::classify);
                    if dis.unwrap_or(Disability::Unknown) != kept.disability {
                        log.warn("conflicting_disability");
                    }
                }
                log.exclude("duplicate_person");
                return Ok(());
            }
        }
        let person = classify_person(cells, group, &group_raw, mapping, &mut memo, &mut log);
        match previous {
            Some(position) => {
                // A primary row replaces the non-primary row kept so far.
                if let Some(slot) = snapshot.people.get_mut(position as usize) {
                    if slot.ethnicity != person.ethnicity {
                        log.warn("conflicting_ethnicity");
                    }
                    if slot.disability != person.disability {
                        log.warn("conflicting_disability");
                    }
                    *slot = person;
                }
                if let Some(flag) = primary_kept.get_mut(position as usize) {
                    *flag = true;
                }
                log.unuse_and_exclude("duplicate_person");
                log.used();
            }
            None => {
                snapshot.index.insert(key);
                snapshot.people.push(person);
                primary_kept.push(primary);
                log.used();
            }
        }
        Ok(())
    })?;
    super::pay::log_unknowns(&snapshot.people, &info, &mut log);
    snapshot.people.shrink_to_fit();
    snapshot.index.shrink_to_fit();
    Ok((snapshot, log.finish("staff", "row", &info)))
}

fn classify_person(
    cells: &[Cell],
    group: Option<StaffGroup>,
    group_raw: &str,
    mapping: &WorkforceMapping,
    memo: &mut Classifiers,
    log: &mut QualityLog,
) -> Person {
    let text = |i: usize| cells.get(i).and_then(Cell::text).unwrap_or_default();
    let eth_raw = text(f::ETHNICITY);
    let eth = memo.ethnicity.get(&eth_raw, ethnicity::classify);
    if eth.is_none() {
        log.unrecognised("ethnicity", &eth_raw);
    }
    let dis_raw = text(f::DISABILITY);
    let dis = memo.disability.get(&dis_raw, disability::classify);
    if dis.is_none() {
        log.unrecognised("disability", &dis_raw);
    }
    let workforce = match group {
        Some(g) => {
            mapping.get(&g).copied().or_else(|| staff_group::default_workforce(g)).unwrap_or(Workforce::Clinical)
        }
        None => {
            log.unrecognised("staff_group", group_raw);
            Workforce::Clinical
        }
    };
    let band_raw = text(f::BAND);
    let band_value = memo.band.get(&band_raw, band::classify).unwrap_or_else(|| {
        log.unrecognised("pay_band", &band_raw);
        BandValue::Blank
    });
    let grade_raw = text(f::GRADE);
    let placement = match (workforce, band_value) {
        // An AfC band outside the medical workforce: the grade is not looked at.
        (Workforce::NonClinical | Workforce::Clinical, BandValue::Band(_)) => {
            grade::pay_row(workforce, band_value, &grade_raw)
        }
        _ => memo
            .grade
            .entry((workforce, band_value))
            .or_default()
            .get(&grade_raw, |g| grade::pay_row(workforce, band_value, g)),
    };
    if !placement.recognised {
        log.unrecognised("grade", &grade_raw);
    }
    let (gender, pay) = super::pay::classify(cells, log);
    Person {
        gender,
        pay,
        ethnicity: eth.map_or(Ethnicity::Unknown, |e| e.group),
        broad: eth.and_then(|e| e.broad),
        disability: dis.unwrap_or(Disability::Unknown),
        workforce,
        row: placement.row,
    }
}
