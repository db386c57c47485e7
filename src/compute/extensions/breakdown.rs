//! Intersections and recruitment views: a return relative likelihood (WRES 2-4, WDES 2-3) within each level of a
//! second characteristic, in the indicator's own orientation, each with its interval from [`crate::stats::compare`].
//!
//! The units counted: shortlisted applications (recruitment, row-level files only), staff in the snapshot
//! (training, row-level), and for cases the snapshot's headcount plus each person entering the process (once per
//! year), with the case's ethnicity and disability and the other characteristics from the staff snapshot by person
//! id. Case intersections use the current-headcount reading of the two-year rolling average (both years' cases over
//! twice the current headcount; one year when the file holds no previous-year case), whatever the reading of the
//! return, because the pooled reading would need last year's headcount in every cell.
//!
//! A cell is withheld (status `suppressed`, counts kept) when a compared group has fewer than `min_members` members
//! or between 1 and `min_members - 1` events (`indicators/extensions.toml`).

use std::collections::BTreeSet;

use super::definitions::{BreakdownDef, By, Definitions, DisclosureRule};
use super::results::{Breakdown, BreakdownCell};
use crate::compute::definitions::{Definition, Dimension, RelativeLikelihood, Source};
use crate::compute::relative_likelihood::{not_estimable_reason, ratio};
use crate::compute::results::{GroupRate, Status};
use crate::config::Settings;
use crate::normalise::codes::gender::Gender;
use crate::normalise::codes::{staff_group, Disability, Ethnicity, MedicalGrade, PayRow, Workforce};
use crate::normalise::records::training::Training;
use crate::normalise::records::{Records, Tally};
use crate::stats::Assessment;

/// One counted unit with its characteristics.
#[derive(Debug, Clone, Copy)]
pub struct Unit {
    /// Ethnicity group.
    pub ethnicity: Ethnicity,
    /// Disability group.
    pub disability: Disability,
    /// Gender, when known to the source.
    pub gender: Option<Gender>,
    /// Workforce block, when known.
    pub workforce: Option<Workforce>,
    /// Pay row, when known.
    pub row: Option<PayRow>,
    /// International recruit flag (recruitment).
    pub international: Option<bool>,
    /// Events.
    pub events: u64,
    /// Members.
    pub total: u64,
}

type Level<'a> = (String, Box<dyn Fn(&Unit) -> bool + 'a>);

/// The levels of a characteristic, each with its test.
fn levels<'a>(by: By, defs: &'a Definitions) -> Vec<Level<'a>> {
    let boxed = |name: &str, f: Box<dyn Fn(&Unit) -> bool + 'a>| (name.to_string(), f);
    match by {
        By::Ethnicity => vec![
            boxed("White", Box::new(|u: &Unit| u.ethnicity == Ethnicity::White)),
            boxed("BME", Box::new(|u: &Unit| u.ethnicity == Ethnicity::Bme)),
        ],
        By::Disability => vec![
            boxed("Disabled", Box::new(|u: &Unit| u.disability == Disability::Disabled)),
            boxed("Non-disabled", Box::new(|u: &Unit| u.disability == Disability::NonDisabled)),
        ],
        By::Gender => vec![
            boxed("Women", Box::new(|u: &Unit| u.gender == Some(Gender::Female))),
            boxed("Men", Box::new(|u: &Unit| u.gender == Some(Gender::Male))),
        ],
        By::Workforce => Workforce::ALL
            .into_iter()
            .map(|w| boxed(w.label(), Box::new(move |u: &Unit| u.workforce == Some(w))))
            .collect(),
        By::BandGroup => defs
            .band_group
            .iter()
            .map(|g| boxed(&g.name, Box::new(move |u: &Unit| u.row.is_some_and(|r| g.holds(r)))))
            .collect(),
        By::International => vec![
            boxed("all", Box::new(|_: &Unit| true)),
            boxed("excluding_international", Box::new(|u: &Unit| u.international != Some(true))),
            boxed("international_only", Box::new(|u: &Unit| u.international == Some(true))),
        ],
    }
}

/// Whether any unit carries the characteristic at all (every unit has an ethnicity and a disability group).
fn available(by: By, units: &[Unit]) -> bool {
    match by {
        By::Ethnicity | By::Disability => true,
        By::Gender => units.iter().any(|u| u.gender.is_some_and(|g| g != Gender::Unknown)),
        By::Workforce => units.iter().any(|u| u.workforce.is_some()),
        By::BandGroup => units.iter().any(|u| u.row.is_some()),
        By::International => units.iter().any(|u| u.international.is_some()),
    }
}

fn group_label(u: &Unit, dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Ethnicity => u.ethnicity.label(),
        Dimension::Disability => u.disability.label(),
    }
}

/// The units of a return indicator, with notes; `Err` with the reason when the records cannot give them.
pub fn units(
    rule: &RelativeLikelihood,
    records: &Records,
    settings: &Settings,
) -> Result<(Vec<Unit>, Vec<String>), String> {
    let person_unit = |p: &crate::normalise::records::staff::Person, events: u64, total: u64| Unit {
        ethnicity: p.ethnicity,
        disability: p.disability,
        gender: Some(p.gender),
        workforce: Some(p.workforce),
        row: Some(p.row),
        international: None,
        events,
        total,
    };
    match rule.source {
        Source::Recruitment => {
            let r = records.recruitment.as_ref().ok_or("no recruitment file was given")?;
            if r.applications.is_empty() {
                return Err("breakdowns need a row-level recruitment file (one row per application)".to_string());
            }
            let units = r
                .applications
                .iter()
                .map(|a| {
                    let workforce = a.staff_group.and_then(|g| {
                        records.workforce_mapping.get(&g).copied().or_else(|| staff_group::default_workforce(g))
                    });
                    let row = match (a.band, workforce) {
                        (Some(b), _) => Some(PayRow::Band(b)),
                        (None, Some(Workforce::Medical)) => Some(PayRow::Medical(MedicalGrade::Other)),
                        _ => None,
                    };
                    Unit {
                        ethnicity: a.ethnicity,
                        disability: a.disability,
                        gender: None,
                        workforce,
                        row,
                        international: a.international,
                        events: u64::from(a.appointed),
                        total: 1,
                    }
                })
                .collect();
            Ok((units, Vec::new()))
        }
        Source::Training => match (&records.training, &records.staff) {
            (Some(Training::People(people)), Some(staff)) => Ok((
                staff
                    .people()
                    .enumerate()
                    .map(|(i, p)| person_unit(&p, u64::from(people.contains(&(i as u32))), 1))
                    .collect(),
                Vec::new(),
            )),
            (Some(Training::Aggregated(_)), _) => {
                Err("breakdowns need a row-level training file (one row per course)".to_string())
            }
            (Some(_), None) => Err("training needs the staff snapshot".to_string()),
            (None, _) => Err("no training file was given".to_string()),
        },
        Source::Cases => {
            let cases = records.cases.as_ref().ok_or("no cases file was given")?;
            let staff = records.staff.as_ref().ok_or("cases need the staff snapshot")?;
            let two_years = cases.has_previous_year();
            let mult = if two_years { 2 } else { 1 };
            let mut out: Vec<Unit> = staff.people().map(|p| person_unit(&p, 0, mult)).collect();
            let types = rule.case_types(settings.include_ill_health);
            let mut seen = BTreeSet::new();
            let mut any = false;
            for c in cases.cases.iter().filter(|c| types.contains(&c.case_type)) {
                let (Some(ethnicity), Some(disability)) = (c.ethnicity, c.disability) else { continue };
                if !two_years && c.year != crate::normalise::records::PeriodYear::Current {
                    continue;
                }
                if let Some(person) = c.person {
                    if !seen.insert((c.year, person)) {
                        continue;
                    }
                }
                any = true;
                let known = c.person.and_then(|k| staff.position_of_key(k)).and_then(|i| staff.person(i));
                out.push(Unit {
                    ethnicity,
                    disability,
                    gender: known.map(|p| p.gender),
                    workforce: known.map(|p| p.workforce),
                    row: known.map(|p| p.row),
                    international: None,
                    events: c.count,
                    total: 0,
                });
            }
            if !any && cases.cases.iter().any(|c| c.ethnicity.is_none() || c.disability.is_none()) {
                return Err("breakdowns need a row-level cases file (one row per case)".to_string());
            }
            let note = if two_years {
                "Both years' cases over twice the current headcount (the current-headcount reading of the two-year \
                 rolling average), in every cell."
            } else {
                "One year: the cases file holds no case in the previous year."
            };
            Ok((out, vec![note.to_string()]))
        }
    }
}

/// One cell: the indicator among the units of one level.
pub fn cell(
    level: String,
    units: &[&Unit],
    dimension: Dimension,
    num: &'static str,
    den: &'static str,
    settings: &Settings,
    rule: &DisclosureRule,
) -> BreakdownCell {
    let mut a = Tally::default();
    let mut c = Tally::default();
    for u in units {
        let g = group_label(u, dimension);
        let t = if g == num {
            &mut a
        } else if g == den {
            &mut c
        } else {
            continue;
        };
        t.events += u.events;
        t.total += u.total;
    }
    let groups = [(num, a), (den, c)].into_iter().map(|(g, t)| GroupRate::of(g, t)).collect();
    if let Some(reason) = rule.withheld(&[(a.events, a.total), (c.events, c.total)]) {
        return BreakdownCell {
            level,
            status: Status::Suppressed,
            reason: Some(reason),
            groups,
            ratio: None,
            assessment: Assessment::NotEstimable,
        };
    }
    let (r, assessment) = ratio(num, den, a, c, settings.ci_method, settings.ci_level);
    let (status, reason) = match r.not_estimable {
        Some(why) => (Status::NotEstimable, Some(not_estimable_reason(why, num, den))),
        None => (Status::Ok, None),
    };
    BreakdownCell { level, status, reason, groups, ratio: Some(r), assessment }
}

/// The breakdowns of a list of definitions (intersections or recruitment views). Each names a relative likelihood
/// of `returns` (the registry checked it).
pub fn breakdowns(
    list: &[BreakdownDef],
    returns: &[Definition],
    defs: &Definitions,
    records: &Records,
    settings: &Settings,
) -> Vec<Breakdown> {
    let mut out = Vec::new();
    for b in list {
        let Some((def, rule)) =
            returns.iter().find(|d| d.id == b.indicator).and_then(|d| Some((d, d.relative_likelihood()?)))
        else {
            continue;
        };
        let (num, den) = (rule.numerator_group.label(), rule.denominator_group.label());
        let got = units(rule, records, settings);
        for &by in &b.by {
            let by_label = by.label();
            let mut result = Breakdown {
                id: format!("{}-by-{by_label}", def.id),
                indicator: def.id.clone(),
                standard: def.standard.label().to_string(),
                by: by_label,
                status: Status::Ok,
                reason: None,
                notes: Vec::new(),
                cells: Vec::new(),
            };
            match &got {
                Err(reason) => {
                    result.status = Status::NoData;
                    result.reason = Some(reason.clone());
                }
                Ok((units, _)) if !available(by, units) => {
                    result.status = Status::NoData;
                    result.reason = Some(format!("the {} records hold no {by_label}", rule.source.label()));
                }
                Ok((units, notes)) => {
                    result.notes = notes.clone();
                    for (name, test) in levels(by, defs) {
                        let within: Vec<&Unit> = units.iter().filter(|u| test(u)).collect();
                        result.cells.push(cell(name, &within, def.dimension, num, den, settings, &defs.disclosure));
                    }
                }
            }
            out.push(result);
        }
    }
    out
}
