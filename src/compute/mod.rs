//! Layer 3, **compute**: typed records to results. One function per indicator kind, driven by the definitions
//! in `indicators/`; statistics come from [`crate::stats`].

pub mod benchmarks;
pub mod board;
pub mod board_summary;
pub mod definitions;
pub mod direction;
pub mod extensions;
pub mod headline;
pub mod messages;
pub mod population;
pub mod publication;
pub mod registry;
pub mod relative_likelihood;
pub mod representation;
pub mod results;
pub mod rollup;
pub mod status;
pub mod summary;
pub mod survey;
pub mod trend;

use definitions::{Definition, Rule};
use results::{
    DataQuality, DeclarationFigures, DeclarationRates, Figures, IndicatorResult, Results, SettingsOut, Status,
};

use crate::config::Settings;
use crate::error::Result;
use crate::normalise::codes::{Disability, Ethnicity};
use crate::normalise::records::Records;

/// What computing one indicator gives: its status, why, notes, and figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Whether it has figures.
    pub status: Status,
    /// Why not, or what limits it.
    pub reason: Option<String>,
    /// Notes for the reader.
    pub notes: Vec<String>,
    /// The figures.
    pub figures: Figures,
}

impl Outcome {
    /// No data, with the reason.
    pub fn no_data(figures: Figures, reason: &str) -> Outcome {
        Outcome { status: Status::NoData, reason: Some(reason.to_string()), notes: Vec::new(), figures }
    }
}

/// Computes one indicator from its definition.
pub fn indicator(def: &Definition, records: &Records, settings: &Settings) -> IndicatorResult {
    let outcome = match &def.rule {
        Rule::Representation(_) => match &records.staff {
            Some(staff) if !staff.is_empty() => {
                let (figures, notes) = representation::representation(staff, def.dimension);
                Outcome { status: Status::Ok, reason: None, notes, figures: Figures::Representation(figures) }
            }
            _ => Outcome::no_data(
                Figures::Representation(results::RepresentationFigures { rows: Vec::new() }),
                "no staff snapshot was given, or it holds nobody in the workforce",
            ),
        },
        Rule::RelativeLikelihood(rule) => relative_likelihood::relative_likelihood(def, rule, records, settings),
        Rule::Survey(rule) => survey::survey(rule, records.survey.as_ref(), settings),
        Rule::Board(rule) => board::board(def.dimension, rule, records.board.as_ref(), records.staff.as_ref()),
        Rule::Declaration(_) => match &settings.wdes9b {
            Some(w) => {
                let figures = DeclarationFigures::from(w);
                let status = if figures.answer.is_some() { Status::Ok } else { Status::NoData };
                let reason = figures.answer.is_none().then(|| "wdes9b.answer is not yes or no".to_string());
                Outcome { status, reason, notes: Vec::new(), figures: Figures::Declaration(figures) }
            }
            None => Outcome::no_data(
                Figures::Declaration(DeclarationFigures { answer: None, text: None }),
                "the config file has no [wdes9b] answer",
            ),
        },
    };
    // A figure whose input lacks the column of its groups would count everyone as Unknown: never a number.
    let outcome = match lacking(def, records) {
        Some(reason) => Outcome::no_data(blank(outcome.figures), &reason),
        None => outcome,
    };
    let mut result = IndicatorResult {
        id: def.id.clone(),
        standard: def.standard.label().to_string(),
        title: def.title.clone(),
        wording: def.wording.clone(),
        kind: def.kind().label(),
        status: outcome.status,
        reason: outcome.reason,
        notes: outcome.notes,
        summary: String::new(),
        headline: None,
        figures: outcome.figures,
    };
    result.summary = summary::sentence(def, &result);
    result.headline = headline::headline(&result, def.protected_group().map(|g| g.label()));
    result
}

/// Why `def` cannot be computed because an input it rests on lacks the column (or the rows) of its groups.
fn lacking(def: &Definition, records: &Records) -> Option<String> {
    let source = def.input()?;
    // Training and cases count the staff snapshot's groups, and the board is set against them.
    let staff = matches!(source, "cases" | "training" | "board").then_some("staff");
    [Some(source), staff]
        .into_iter()
        .flatten()
        .find_map(|kind| crate::normalise::needs::lacking(records, kind, def.standard.label()))
}

/// The figures of a kind with nothing in them.
fn blank(figures: Figures) -> Figures {
    match figures {
        Figures::Representation(_) => Figures::Representation(results::RepresentationFigures { rows: Vec::new() }),
        Figures::RelativeLikelihood(_) => Figures::RelativeLikelihood(Box::new(results::RelativeLikelihoodFigures {
            groups: Vec::new(),
            ratio: None,
            assessment: crate::stats::Assessment::NotEstimable,
            rolling_average: None,
        })),
        Figures::Survey(f) => Figures::Survey(results::SurveyFigures {
            rows: Vec::new(),
            gap_pp: None,
            gap_ci_low: None,
            gap_ci_high: None,
            ..f
        }),
        Figures::Board(_) => Figures::Board(results::BoardFigures {
            rows: Vec::new(),
            difference_pp: results::BoardDifference { voting: None, executive: None, all: None },
        }),
        declaration @ Figures::Declaration(_) => declaration,
    }
}

/// Computes every indicator and metric of the registry, the population comparison, the extensions, the trend over
/// the earlier runs in `records.previous`, and the narrative.
pub fn compute(records: &Records, settings: &Settings) -> Result<Results> {
    // Only the standards asked for have figures.
    let defs: Vec<&Definition> =
        registry::registry()?.indicators.iter().filter(|d| settings.standards.includes(d.standard.label())).collect();
    let indicators = defs.iter().map(|d| indicator(d, records, settings)).collect();
    let period = settings.period();
    let mut results = Results {
        schema: results::SCHEMA,
        tool_version: env!("CARGO_PKG_VERSION"),
        organisation: settings.organisation.clone(),
        snapshot_date: settings.snapshot_date.format("%Y-%m-%d").to_string(),
        reporting_period: [
            period.current_start().format("%Y-%m-%d").to_string(),
            settings.snapshot_date.format("%Y-%m-%d").to_string(),
        ],
        settings: SettingsOut {
            ci_method: settings.ci_method,
            ci_level: settings.ci_level,
            rolling_average: settings.rolling_average,
            include_ill_health: settings.include_ill_health,
            publication: settings.publication,
            standards: settings.standards,
        },
        indicators,
        population: records
            .staff
            .as_ref()
            .map(|staff| population_block(staff, records, settings))
            .transpose()?
            .map(|p| population::comparison::asked_for(p, settings.standards)),
        data_quality: data_quality(records),
        trend: Vec::new(),
        extensions: extensions::compute(records, settings)?,
        narrative: extensions::Narrative::default(),
        board_summary: board_summary::BoardSummary::default(),
    };
    // The board page's statuses are judged on the full figures, also in a publication workbook.
    let exact = settings.publication.then(|| results.clone());
    if settings.publication {
        publication::disclose(&mut results);
        for ind in &mut results.indicators {
            let def = defs.iter().find(|d| d.id == ind.id).copied();
            ind.headline = headline::headline(ind, def.and_then(Definition::protected_group).map(|g| g.label()));
        }
    }
    results.trend = trend::trend(&results, &records.previous);
    // What moved since last year: the latest earlier run's headline figures.
    let last_year: Vec<extensions::narrative::PreviousFigure> = records
        .previous
        .iter()
        .max_by(|a, b| a.snapshot_date.cmp(&b.snapshot_date))
        .map(|run| {
            run.indicators
                .iter()
                .filter_map(|i| {
                    let h = i.headline.as_ref()?;
                    (h.unit == "ratio" || h.unit.ends_with("points"))
                        .then(|| extensions::narrative::PreviousFigure { id: i.id.clone(), value: h.value })
                })
                .collect()
        })
        .unwrap_or_default();
    results.narrative = extensions::narrative(&results, &last_year)?;
    results.board_summary = board_summary::build(
        &results,
        exact.as_ref().unwrap_or(&results),
        &defs[..],
        &records.previous,
        &settings.status,
    );
    Ok(results)
}

/// The workforce against the chosen population: the whole workforce (`All`), then each band or medical
/// subgroup (all workforce blocks together), in WRES 1 order.
fn population_block(
    staff: &crate::normalise::records::staff::StaffSnapshot,
    records: &Records,
    settings: &Settings,
) -> Result<population::comparison::PopulationResult> {
    use population::comparison::{BandCounts, WorkforceCounts};
    use std::collections::BTreeMap;
    let add = |c: &mut BandCounts, p: &crate::normalise::records::staff::Person, n: u64| {
        c.ethnicity[Ethnicity::ALL.iter().position(|e| *e == p.ethnicity).unwrap_or(2)] += n;
        if let Some(b) = p.broad {
            c.broad[crate::normalise::codes::BroadGroup::ALL.iter().position(|g| *g == b).unwrap_or(0)] += n;
        }
        c.disability[Disability::ALL.iter().position(|d| *d == p.disability).unwrap_or(2)] += n;
    };
    let mut all = BandCounts { band: "All".to_string(), ..BandCounts::default() };
    let mut bands: BTreeMap<crate::normalise::codes::PayRow, BandCounts> = BTreeMap::new();
    for &(p, n) in staff.tally() {
        add(&mut all, &p, n);
        let key = match p.row {
            crate::normalise::codes::PayRow::Medical(crate::normalise::codes::MedicalGrade::Other) => {
                crate::normalise::codes::PayRow::Other
            }
            row => row,
        };
        add(
            bands.entry(key).or_insert_with(|| BandCounts { band: key.label().to_string(), ..BandCounts::default() }),
            &p,
            n,
        );
    }
    let rows = std::iter::once(all).chain(bands.into_values()).collect();
    let mix = population::area::resolve(&settings.area, &records.population)?;
    population::comparison::compare(&WorkforceCounts { rows }, &mix, settings.ci_level)
}

fn data_quality(records: &Records) -> DataQuality {
    let headcount = records.staff.as_ref().map_or(0, |s| s.len() as u64);
    let unknown = |f: &dyn Fn(&crate::normalise::records::staff::Person) -> bool| {
        records.staff.as_ref().and_then(|s| {
            representation::percent(s.tally().iter().filter(|(p, _)| f(p)).map(|(_, n)| n).sum(), headcount)
        })
    };
    let given: Vec<&str> = records.quality.iter().map(|q| q.kind).collect();
    let left_out = |rule: bool| -> u64 {
        records
            .quality
            .iter()
            .flat_map(|q| &q.excluded)
            .filter(|e| crate::normalise::quality::RULE_REASONS.contains(&e.reason) == rule)
            .map(|e| e.rows.unwrap_or(0))
            .sum()
    };
    DataQuality {
        rows_left_out: results::RowsLeftOut { by_rule: Some(left_out(true)), unusable: Some(left_out(false)) },
        inputs: records.quality.clone(),
        declaration: DeclarationRates {
            headcount,
            ethnicity_unknown_percent: unknown(&|p| p.ethnicity == Ethnicity::Unknown),
            disability_unknown_percent: unknown(&|p| p.disability == Disability::Unknown),
        },
        missing_inputs: ["staff", "recruitment", "cases", "training", "survey", "board"]
            .into_iter()
            .filter(|k| !given.contains(k))
            .collect(),
        other_band_staff: records.staff.as_ref().map(|s| {
            s.tally().iter().filter(|(p, _)| p.row == crate::normalise::codes::PayRow::Other).map(|(_, n)| n).sum()
        }),
    }
}
