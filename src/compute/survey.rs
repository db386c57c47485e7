//! Kind `survey` (WRES 5-8, WDES 4a-9a): Staff Survey results by group, each percentage with a Wilson interval,
//! and the gap between the protected group and the other with Newcombe's interval. A group
//! with fewer than 11 respondents is suppressed.

use super::definitions::{SurveyMeasure, ValueKind};
use super::results::{Figures, Status, SurveyFigures, SurveyRow};
use super::Outcome;
use crate::config::Settings;
use crate::normalise::codes::survey::SurveyGroup;
use crate::normalise::records::survey::{Survey, SurveyValue};
use crate::stats::disclosure::survey_suppressed;
use crate::stats::proportion::{newcombe_difference, wilson_percent};

/// Computes one survey indicator.
pub fn survey(def: &SurveyMeasure, survey: Option<&Survey>, settings: &Settings) -> Outcome {
    let measure = def.measure.clone();
    let unit = match def.value {
        ValueKind::Score => "score",
        ValueKind::Percent => "percent",
    };
    let empty = |rows| {
        Figures::Survey(SurveyFigures {
            measure: measure.clone(),
            unit,
            rows,
            gap_pp: None,
            gap_ci_low: None,
            gap_ci_high: None,
        })
    };
    let Some(survey) = survey else { return Outcome::no_data(empty(Vec::new()), "no survey file was given") };
    let wanted: Vec<SurveyGroup> = [Some(def.protected_group), def.comparison_group]
        .into_iter()
        .flatten()
        .map(|g| g.survey_group())
        .chain([SurveyGroup::Overall])
        .collect();
    let mut rows = Vec::new();
    let mut found = std::collections::BTreeMap::new();
    for group in &wanted {
        let Some(v) = survey.values.iter().find(|((m, g), _)| *m == measure && g == group).map(|(_, v)| *v) else {
            continue;
        };
        let suppressed = survey_suppressed(v.respondents);
        let ci = (!suppressed && unit == "percent")
            .then(|| wilson_percent(v.value, v.respondents as f64, settings.ci_level))
            .flatten();
        rows.push(SurveyRow {
            group: group.label(),
            value: (!suppressed).then_some(v.value),
            respondents: Some(v.respondents),
            ci_low: ci.map(|c| c.low),
            ci_high: ci.and_then(|c| c.high),
            status: if suppressed { Status::Suppressed } else { Status::Ok },
        });
        if !suppressed {
            found.insert(*group, v);
        }
    }
    if rows.is_empty() {
        return Outcome::no_data(empty(rows), &format!("the survey file has no {measure} results"));
    }
    let protected = found.get(&def.protected_group.survey_group()).copied();
    let comparison = def.comparison_group.and_then(|g| found.get(&g.survey_group()).copied());
    let (gap, gap_ci) = match (protected, comparison) {
        (Some(p), Some(c)) => {
            let ci = (unit == "percent").then(|| gap_interval(p, c, settings.ci_level)).flatten();
            (Some(p.value - c.value), ci)
        }
        _ => (None, None),
    };
    let any_suppressed = rows.iter().any(|r| r.status == Status::Suppressed);
    let (status, reason) = if protected.is_none() && rows.iter().all(|r| r.status == Status::Suppressed) {
        (Status::Suppressed, Some("every group has fewer than 11 respondents".to_string()))
    } else {
        (Status::Ok, None)
    };
    let mut notes = Vec::new();
    if any_suppressed {
        notes.push("Groups with fewer than 11 respondents are suppressed, as the NHS Staff Survey does.".to_string());
    }
    Outcome {
        status,
        reason,
        notes,
        figures: Figures::Survey(SurveyFigures {
            measure,
            unit,
            rows,
            gap_pp: gap,
            gap_ci_low: gap_ci.map(|c: (f64, f64)| c.0),
            gap_ci_high: gap_ci.map(|c| c.1),
        }),
    }
}

/// Newcombe's interval of the gap, in percentage points.
fn gap_interval(p: SurveyValue, c: SurveyValue, level: f64) -> Option<(f64, f64)> {
    let (n1, n2) = (p.respondents as f64, c.respondents as f64);
    let ci = newcombe_difference(p.value / 100.0 * n1, n1, c.value / 100.0 * n2, n2, level)?;
    Some((ci.low * 100.0, ci.high? * 100.0))
}
