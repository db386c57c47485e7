//! NHS Staff Survey results as trusts receive them: per measure and group, a percentage (or the engagement
//! score for WDES 9a) and the respondent base (spec decision 9).

use std::collections::BTreeMap;

use super::fields::survey as f;
use super::{read_rows, InputFile};
use crate::error::Result;
use crate::normalise::codes::survey::{classify_group, classify_measure, SurveyGroup};
use crate::normalise::quality::{InputQuality, QualityLog};
use crate::read::Cell;

/// One result: a measure's value for a group.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SurveyValue {
    /// Percentage 0-100, or the 0-10 score for WDES 9a.
    pub value: f64,
    /// Respondents in the group.
    pub respondents: u64,
}

/// Survey results by (measure id, group).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Survey {
    /// The values, keyed by measure id (`WRES5`, `WDES4a-i`, ...) and group.
    pub values: BTreeMap<(&'static str, SurveyGroup), SurveyValue>,
}

/// Reads the survey file.
pub fn normalise_survey(file: &InputFile) -> Result<(Survey, InputQuality)> {
    let mut out = Survey::default();
    let mut log = QualityLog::default();
    let info = read_rows(file, f::FIELDS, &mut |row| {
        if super::left_out_as_footer(row, f::FIELDS, None, &mut log) {
            return Ok(());
        }
        let text = |i: usize| row.cells.get(i).and_then(Cell::text).map(|t| t.into_owned()).unwrap_or_default();
        let measure_raw = text(f::MEASURE);
        let Some(measures) = classify_measure(file.mappings.apply("measure", &measure_raw, &mut log)) else {
            log.unrecognised("measure", &measure_raw);
            log.exclude("unrecognised_measure");
            return Ok(());
        };
        let group_raw = text(f::GROUP);
        let Some(group) = classify_group(file.mappings.apply("group", &group_raw, &mut log)) else {
            log.unrecognised("group", &group_raw);
            log.exclude("unrecognised_group");
            return Ok(());
        };
        let Some(value) = row.cells.get(f::VALUE).and_then(Cell::number) else {
            log.unrecognised("value", &text(f::VALUE));
            log.exclude("invalid_value");
            return Ok(());
        };
        let max = if measures.contains(&"WDES9a") { 10.0 } else { 100.0 };
        if !(0.0..=max).contains(&value) {
            log.exclude("value_out_of_range");
            return Ok(());
        }
        let Some(respondents) = row.cells.get(f::RESPONDENTS).and_then(|c| c.count().ok()) else {
            log.unrecognised("respondents", &text(f::RESPONDENTS));
            log.exclude("invalid_respondents");
            return Ok(());
        };
        let mut added = false;
        for measure in measures {
            if let std::collections::btree_map::Entry::Vacant(slot) = out.values.entry((measure, group)) {
                slot.insert(SurveyValue { value, respondents });
                added = true;
            }
        }
        if added {
            log.used();
        } else {
            log.exclude("duplicate_measure");
        }
        Ok(())
    })?;
    Ok((out, log.finish("survey", "row", &info)))
}
