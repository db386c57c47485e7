//! Kind `relative_likelihood` (WRES 2-4, WDES 2-3): the rate of an outcome in one group over the rate in
//! another, with its intervals, test and non-adverse range assessment (docs/method.md).
//!
//! The events and totals by group come from the indicator's source: recruitment (appointed of shortlisted),
//! training (staff accessing non-mandatory training of headcount), or cases (people entering the process of
//! headcount, as a two-year rolling average). Unknowns are shown beside the two groups but used in neither.

use std::collections::{BTreeMap, BTreeSet};

use super::definitions::{Definition, Dimension, RelativeLikelihood, Source};
use super::representation::{group_of, groups};
use super::results::{
    AlternativeReading, Ci, Figures, GroupHeadcount, GroupRate, Ratio, RelativeLikelihoodFigures, RollingDetail,
    Status, YearCount,
};
use super::Outcome;
use crate::config::{RollingAverage, Settings};
use crate::normalise::codes::case_type::CaseType;
use crate::normalise::records::cases::Cases;
use crate::normalise::records::staff::StaffSnapshot;
use crate::normalise::records::training::Training;
use crate::normalise::records::{PeriodYear, Records, Tally};
use crate::stats::{compare, Assessment, CiMethod, NotEstimable, TwoGroups};

/// Fewer events than this in a compared group, or fewer members than [`SMALL_TOTAL`], earns a small-numbers
/// note (the threshold analysts use for a ratio resting on small numbers).
pub const SMALL_EVENTS: u64 = 5;
/// See [`SMALL_EVENTS`].
pub const SMALL_TOTAL: u64 = 30;

/// Tallies by group label.
type Tallies = BTreeMap<&'static str, Tally>;

/// Computes one relative likelihood indicator.
pub fn relative_likelihood(
    def: &Definition,
    rule: &RelativeLikelihood,
    records: &Records,
    settings: &Settings,
) -> Outcome {
    let (num, den) = (rule.numerator_group.label(), rule.denominator_group.label());
    match rule.source {
        Source::Recruitment => match &records.recruitment {
            Some(r) => {
                let tallies: Tallies = match def.dimension {
                    Dimension::Ethnicity => r.by_ethnicity.iter().map(|(g, t)| (g.label(), *t)).collect(),
                    Dimension::Disability => r.by_disability.iter().map(|(g, t)| (g.label(), *t)).collect(),
                };
                single(def, num, den, &tallies, settings)
            }
            None => Outcome::no_data(empty(), "no recruitment file was given"),
        },
        Source::Training => match (&records.training, &records.staff) {
            (Some(Training::Aggregated(t)), _) => {
                let tallies: Tallies = t.iter().map(|(g, t)| (g.label(), *t)).collect();
                single(def, num, den, &tallies, settings)
            }
            (Some(Training::People(people)), Some(staff)) => {
                single(def, num, den, &training_tallies(staff, people, def.dimension), settings)
            }
            (Some(Training::People(_)), None) => Outcome::no_data(empty(), "training needs the staff snapshot"),
            (None, _) => Outcome::no_data(empty(), "no training file was given"),
        },
        Source::Cases => match (&records.cases, &records.staff) {
            (Some(cases), Some(staff)) => rolling(def, rule, cases, staff, settings),
            (Some(_), None) => {
                Outcome::no_data(empty(), "cases need the staff snapshot for the headcount of each group")
            }
            (None, _) => Outcome::no_data(empty(), "no cases file was given"),
        },
    }
}

fn empty() -> Figures {
    Figures::RelativeLikelihood(Box::new(RelativeLikelihoodFigures {
        groups: Vec::new(),
        ratio: None,
        assessment: Assessment::NotEstimable,
        rolling_average: None,
    }))
}

fn training_tallies(staff: &StaffSnapshot, people: &BTreeSet<u32>, dimension: Dimension) -> Tallies {
    let mut out = Tallies::new();
    for (i, person) in staff.people().enumerate() {
        let t = out.entry(group_of(&person, dimension)).or_default();
        t.total += 1;
        if people.contains(&(i as u32)) {
            t.events += 1;
        }
    }
    out
}

/// The group rows: numerator, denominator, then unknown, each with its rate.
fn group_rates(dimension: Dimension, num: &str, den: &str, tallies: &Tallies) -> Vec<GroupRate> {
    let unknown = groups(dimension)[2];
    [num, den, unknown]
        .iter()
        .filter_map(|g| groups(dimension).into_iter().find(|l| l == g))
        .map(|g| {
            let t = tallies.get(g).copied().unwrap_or_default();
            GroupRate::of(g, t)
        })
        .collect()
}

/// The ratio of two tallies with its intervals, and the assessment.
pub(crate) fn ratio(
    num: &'static str,
    den: &'static str,
    a: Tally,
    c: Tally,
    method: CiMethod,
    level: f64,
) -> (Ratio, Assessment) {
    let g = TwoGroups { a: a.events.min(a.total), n1: a.total, c: c.events.min(c.total), n2: c.total };
    let cmp = compare(&g, method, level);
    let ci = cmp.ci.map(|i| Ci { method, level, low: i.low, high: i.high });
    let katz_ci = cmp.katz_ci.map(|i| Ci { method: CiMethod::Katz, level, low: i.low, high: i.high });
    let ratio = Ratio {
        numerator_group: num,
        denominator_group: den,
        value: cmp.value,
        not_estimable: cmp.not_estimable,
        ci,
        katz_ci,
        p_value: cmp.p_value,
        significant: cmp.significant,
    };
    (ratio, cmp.assessment)
}

/// Why a ratio is not estimable, in words.
pub fn not_estimable_reason(reason: NotEstimable, num: &str, den: &str) -> String {
    match reason {
        NotEstimable::EmptyGroup => format!("there are no {num} or no {den} people to compare"),
        NotEstimable::BothRatesZero => "neither group had the outcome, so there is nothing to compare".to_string(),
        NotEstimable::ComparisonRateZero => {
            format!("no {den} people had the outcome, so the ratio has no finite value (only a lower limit)")
        }
    }
}

fn small_numbers_note(num: &str, den: &str, a: Tally, c: Tally) -> Option<String> {
    let small = |t: Tally| t.events < SMALL_EVENTS || t.total < SMALL_TOTAL;
    (small(a) || small(c)).then(|| {
        format!(
            "Rests on small numbers ({num}: {} of {}; {den}: {} of {}): read the interval, not the ratio alone.",
            a.events, a.total, c.events, c.total
        )
    })
}

fn single(def: &Definition, num: &'static str, den: &'static str, tallies: &Tallies, settings: &Settings) -> Outcome {
    let a = tallies.get(num).copied().unwrap_or_default();
    let c = tallies.get(den).copied().unwrap_or_default();
    let (ratio, assessment) = ratio(num, den, a, c, settings.ci_method, settings.ci_level);
    let mut outcome = finish(def, num, den, a, c, ratio, assessment);
    if let Figures::RelativeLikelihood(f) = &mut outcome.figures {
        f.groups = group_rates(def.dimension, num, den, tallies);
    }
    outcome
}

fn finish(
    _def: &Definition,
    num: &'static str,
    den: &'static str,
    a: Tally,
    c: Tally,
    ratio: Ratio,
    assessment: Assessment,
) -> Outcome {
    let (status, reason) = match ratio.not_estimable {
        Some(r) => (Status::NotEstimable, Some(not_estimable_reason(r, num, den))),
        None => (Status::Ok, None),
    };
    let notes = small_numbers_note(num, den, a, c).into_iter().collect();
    Outcome {
        status,
        reason,
        notes,
        figures: Figures::RelativeLikelihood(Box::new(RelativeLikelihoodFigures {
            groups: Vec::new(),
            ratio: Some(ratio),
            assessment,
            rolling_average: None,
        })),
    }
}

/// People entering the process by (year, group label): a person counts once per year; a row without a person
/// id is a person.
fn cases_by_year(cases: &Cases, types: &[CaseType], dimension: Dimension) -> BTreeMap<(PeriodYear, &'static str), u64> {
    let mut seen = BTreeSet::new();
    let mut out = BTreeMap::new();
    for case in cases.cases.iter().filter(|c| types.contains(&c.case_type)) {
        let group = match dimension {
            Dimension::Ethnicity => case.ethnicity.map(|e| e.label()),
            Dimension::Disability => case.disability.map(|d| d.label()),
        };
        let Some(group) = group else { continue };
        if let Some(person) = case.person {
            if !seen.insert((case.year, person)) {
                continue;
            }
        }
        *out.entry((case.year, group)).or_default() += case.count;
    }
    out
}

fn rolling(
    def: &Definition,
    rule: &RelativeLikelihood,
    cases: &Cases,
    staff: &StaffSnapshot,
    settings: &Settings,
) -> Outcome {
    let (num, den) = (rule.numerator_group.label(), rule.denominator_group.label());
    let dimension = def.dimension;
    let by_year = cases_by_year(cases, &rule.case_types(settings.include_ill_health), dimension);
    let two_years = cases.has_previous_year();
    let mut headcount: BTreeMap<&'static str, u64> = BTreeMap::new();
    for &(person, n) in staff.tally() {
        *headcount.entry(group_of(&person, dimension)).or_default() += n;
    }
    let events = |g: &'static str| {
        let cur = by_year.get(&(PeriodYear::Current, g)).copied().unwrap_or(0);
        let prev = if two_years { by_year.get(&(PeriodYear::Previous, g)).copied().unwrap_or(0) } else { 0 };
        cur + prev
    };
    let reading_tallies = |reading: RollingAverage| -> Result<Tallies, String> {
        let mut out = Tallies::new();
        for g in groups(dimension) {
            let h = headcount.get(g).copied().unwrap_or(0);
            let total = match (two_years, reading) {
                (false, _) => h,
                (true, RollingAverage::CurrentHeadcount) => 2 * h,
                (true, RollingAverage::Pooled) => match settings.previous_headcount.get(g) {
                    Some(p) => h + p,
                    None if g == groups(dimension)[2] => h,
                    None => {
                        return Err(format!(
                            "the pooled reading needs last year's headcount of {g} staff \
                             (statistics.previous_headcount in the config file)"
                        ))
                    }
                },
            };
            out.insert(g, Tally { events: events(g), total });
        }
        Ok(out)
    };
    let other = match settings.rolling_average {
        RollingAverage::CurrentHeadcount => RollingAverage::Pooled,
        RollingAverage::Pooled => RollingAverage::CurrentHeadcount,
    };
    let main = match reading_tallies(settings.rolling_average) {
        Ok(t) => t,
        Err(reason) => return Outcome::no_data(empty(), &reason),
    };
    let mut outcome = single(def, num, den, &main, settings);
    let alternative = if two_years {
        Some(match reading_tallies(other) {
            Ok(t) => {
                let (r, assessment) = ratio(
                    num,
                    den,
                    t.get(num).copied().unwrap_or_default(),
                    t.get(den).copied().unwrap_or_default(),
                    settings.ci_method,
                    settings.ci_level,
                );
                AlternativeReading {
                    reading: other,
                    groups: group_rates(dimension, num, den, &t),
                    ratio: Some(r),
                    assessment,
                    reason: None,
                }
            }
            Err(reason) => AlternativeReading {
                reading: other,
                groups: Vec::new(),
                ratio: None,
                assessment: Assessment::NotEstimable,
                reason: Some(reason),
            },
        })
    } else {
        outcome.notes.push(
            "The cases file holds no case in the previous year, so this is a one-year figure \
             (cases over headcount), not a two-year rolling average."
                .to_string(),
        );
        None
    };
    let cases_by_year = [PeriodYear::Current, PeriodYear::Previous]
        .into_iter()
        .flat_map(|y| groups(dimension).into_iter().map(move |g| (y, g)))
        .map(|(y, g)| YearCount {
            year: if y == PeriodYear::Current { "current" } else { "previous" },
            group: g,
            cases: by_year.get(&(y, g)).copied().unwrap_or(0),
        })
        .collect();
    let headcount = groups(dimension)
        .into_iter()
        .map(|g| GroupHeadcount { group: g, headcount: Some(headcount.get(g).copied().unwrap_or(0)) })
        .collect();
    if let Figures::RelativeLikelihood(f) = &mut outcome.figures {
        f.rolling_average =
            Some(RollingDetail { reading: settings.rolling_average, two_years, cases_by_year, headcount, alternative });
    }
    outcome
}
