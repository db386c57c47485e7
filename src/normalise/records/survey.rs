//! NHS Staff Survey results as trusts receive them: per measure and group, a percentage (or the engagement
//! score for WDES 9a) and the respondent base, and optionally the survey year (which numbering a question code
//! follows: `indicators/survey.toml`).

use std::collections::BTreeMap;

use super::header_names::survey as f;
use super::{read_rows, InputFile};
use crate::error::{Error, Result};
use crate::normalise::codes::survey::{classify_group, SurveyGroup};
use crate::normalise::codes::survey_map::{is_question_code, survey_map, SurveyMap};
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

/// The survey year of a row: a whole number from 2000 to 2100 (`None` when blank or not a year).
fn year_of(cell: Option<&Cell>) -> Option<i32> {
    let n = cell?.number()?;
    (n.fract() == 0.0 && (2000.0..=2100.0).contains(&n)).then_some(n as i32)
}

/// The error for a question code in a survey year the question map does not hold.
fn unknown_year(file: &InputFile, line: usize, code: &str, year: i32, map: &SurveyMap) -> Error {
    Error::data(format!(
        "{}, row {line}: the measure '{code}' is given for survey year {year}, and the Staff Survey question map \
         knows the question numbers of {} only",
        file.shown,
        map.year_list()
    ))
    .with_hint(format!(
        "name the measure by its id instead of the question number (WRES5 .. WRES8, WDES4a-i .. WDES9a: \
         `wres-wdes codes measure` lists them), or add survey year {year} to the question map: copy the last \
         [[year]] block of indicators/survey.toml, set year = {year} and that year's question numbers, and build \
         the program again"
    ))
}

/// Reads the survey file.
pub fn normalise_survey(file: &InputFile) -> Result<(Survey, InputQuality)> {
    let map: &'static SurveyMap = survey_map()?;
    let mut out = Survey::default();
    let mut log = QualityLog::default();
    let info = read_rows(file, f::FIELDS, &mut |row| {
        if super::left_out_as_footer(row, f::FIELDS, None, &mut log) {
            return Ok(());
        }
        let text = |i: usize| row.cells.get(i).and_then(Cell::text).map(|t| t.into_owned()).unwrap_or_default();
        let measure_raw = text(f::MEASURE);
        let year = year_of(row.cells.get(f::YEAR));
        if year.is_none() && !text(f::YEAR).is_empty() {
            log.unrecognised("year", &text(f::YEAR));
        }
        let measure = file.mappings.apply("measure", &measure_raw, &mut log);
        let classified = map.classify_measure(measure, year);
        let unknown = |y: &i32| classified.is_none() && !map.knows_year(*y) && is_question_code(measure);
        if let Some(y) = year.filter(unknown) {
            return Err(unknown_year(file, row.line, measure, y, map));
        }
        let Some(measures) = classified else {
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
        // The largest value the row's measures take (10 for the engagement score, else 100).
        let max = measures.iter().filter_map(|m| map.measure(m)).map(|m| m.scale.max()).fold(0.0, f64::max);
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
