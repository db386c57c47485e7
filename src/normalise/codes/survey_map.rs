//! The NHS Staff Survey question map, `indicators/survey.toml` (built into the program): the measures a survey
//! results file carries and, for each survey year, the question numbers that stand for them. Loaded and checked
//! once ([`survey_map`]); the survey classifier ([`super::survey`]) reads it.
//!
//! Spellings accepted for a measure, besides its id in any spacing and punctuation (`WDES 4a(ii)`): the words
//! Indicator, Metric or Measure after `WRES`/`WDES` (`WRES Indicator 5`); a roman numeral part as a digit
//! (`WDES4a-2`); the ids of the measures one question serves, together (`WRES 5 / WDES 4a(i)`, as Q14a serves
//! both); and the measure's `names`. Spellings of a question code: any spacing and punctuation (`Q 14a`,
//! `Q14(a)`), `Question` for `Q`; a code of either of two questions (`Q14b/Q14c`) also as `Q14b/c`, `Q14b/14c`, and
//! with `or` or `and` for the slash.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::Deserialize;

use super::text::norm;
use crate::definitions::{invalid, parse, DefinitionFile};
use crate::error::{Error, Result};

/// The built-in file.
pub const SURVEY_FILE: DefinitionFile<'static> =
    DefinitionFile { name: "indicators/survey.toml", text: include_str!("../../../indicators/survey.toml") };

/// What a measure's values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// A percentage, 0-100.
    Percent,
    /// The staff engagement score, 0-10.
    Score,
}

impl Scale {
    /// The largest value a survey file may give.
    pub fn max(self) -> f64 {
        match self {
            Scale::Percent => 100.0,
            Scale::Score => 10.0,
        }
    }
}

/// A measure a survey file can carry.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// The id, as a survey indicator's `measure` names it (`WRES5`, `WDES4a-i`).
    pub id: String,
    /// Percent or score.
    pub scale: Scale,
    /// Other names a file may give it (`Staff engagement score`).
    #[serde(default)]
    pub names: Vec<String>,
}

/// One question of a survey year.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The question number (`Q14a`), or two joined by `/` for either of them (`Q14b/Q14c`).
    pub code: String,
    /// The measures the question serves.
    pub measures: Vec<String>,
    /// The question's words.
    pub wording: String,
}

/// A score made from several questions (the engagement score of WDES 9a): for the record; a file gives the score.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// The measure.
    pub measure: String,
    /// The questions it is made from.
    pub questions: Vec<String>,
    /// What it is.
    pub wording: String,
}

/// One survey year's numbering.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Year {
    /// The survey year (the autumn the survey ran).
    pub year: i32,
    /// Its questions.
    pub question: Vec<Question>,
    /// Its theme scores.
    #[serde(default)]
    pub theme: Vec<Theme>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    measure: Vec<Measure>,
    year: Vec<Year>,
}

/// The question map, checked, with every spelling it accepts.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyMap {
    /// The measures, in file order.
    pub measures: Vec<Measure>,
    /// The survey years, in file order.
    pub years: Vec<Year>,
    /// Compact spelling of a measure (id, variant or name) -> the measures (indexes).
    names: Vec<(String, Vec<usize>)>,
    /// (year, compact question code) -> the measures (indexes).
    codes: Vec<(i32, String, Vec<usize>)>,
}

/// The built-in question map, loaded and checked once.
pub fn survey_map() -> Result<&'static SurveyMap> {
    static MAP: OnceLock<Result<SurveyMap>> = OnceLock::new();
    MAP.get_or_init(|| SurveyMap::from_file(SURVEY_FILE)).as_ref().map_err(Error::clone)
}

/// The compact form: lowercase letters and digits only.
pub(crate) fn compact(raw: &str) -> String {
    norm(raw).split(' ').collect()
}

/// A measure reference as written, compacted: `WRES Indicator 5` -> `wres5`.
fn compact_measure(raw: &str) -> String {
    let normed = norm(raw);
    let words: Vec<&str> = normed.split(' ').collect();
    let standard = words.first().is_some_and(|w| w.starts_with("wres") || w.starts_with("wdes"));
    words.into_iter().filter(|w| !(standard && matches!(*w, "indicator" | "metric" | "measure"))).collect()
}

/// A question code as written, compacted: `Question 14a` -> `q14a`.
fn compact_code(raw: &str) -> String {
    let c = compact(raw);
    match c.strip_prefix("question") {
        Some(rest) => format!("q{rest}"),
        None => c,
    }
}

/// The compact spellings of a measure id: as written, and with a roman numeral part (`i`, `ii`, `iii`) as a digit.
fn id_spellings(id: &str) -> Vec<String> {
    let c = compact(id);
    let mut out = vec![c.clone()];
    for (roman, digit) in [("iii", "3"), ("ii", "2"), ("i", "1")] {
        if let Some(stem) = c.strip_suffix(roman).filter(|s| s.ends_with(|ch: char| ch.is_ascii_alphabetic())) {
            out.push(format!("{stem}{digit}"));
            break;
        }
    }
    out
}

/// The compact spellings of a question code: as written, and for `Q14b/Q14c` the short forms with `/`, `or` or
/// `and`.
fn code_spellings(code: &str) -> Vec<String> {
    let Some((first, second)) = code.split_once('/') else { return vec![compact_code(code)] };
    let (first, second) = (compact_code(first), compact_code(second));
    let number = |c: &str| c.trim_end_matches(|ch: char| ch.is_ascii_alphabetic()).to_string();
    let mut seconds = vec![second.clone()];
    if let Some(bare) = second.strip_prefix('q') {
        seconds.push(bare.to_string());
        if number(&first) == number(&second) {
            seconds.push(second[number(&second).len()..].to_string());
        }
    }
    let mut out = Vec::new();
    for joiner in ["", "or", "and"] {
        for s in &seconds {
            out.push(format!("{first}{joiner}{s}"));
        }
    }
    out
}

/// Whether a value is written as a question number (`Q14a`, `Question 19`), of whatever survey year.
pub fn is_question_code(raw: &str) -> bool {
    let c = compact_code(raw);
    let digits = |s: &str| s.chars().take_while(char::is_ascii_digit).count();
    c.strip_prefix('q').is_some_and(|rest| digits(rest) > 0)
}

/// Whether a compact code is one question number: `q`, digits, at most one letter.
fn is_question(c: &str) -> bool {
    let Some(rest) = c.strip_prefix('q') else { return false };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && rest.len() - digits <= 1 && rest[digits..].chars().all(|ch| ch.is_ascii_alphabetic())
}

impl SurveyMap {
    /// Reads and checks a question map (the built-in one is [`survey_map`]).
    pub fn from_file(file: DefinitionFile<'_>) -> Result<SurveyMap> {
        let File { measure: measures, year: years } = parse(file)?;
        let bad = |place: String, message: String| invalid(file.name, &place, &message);
        let accepted = || measures.iter().map(|m| format!("`{}`", m.id)).collect::<Vec<_>>().join(", ");
        let index = |place: &str, id: &str| {
            measures
                .iter()
                .position(|m| m.id == id)
                .ok_or_else(|| bad(place.to_string(), format!("unknown measure `{id}`; accepted: {}", accepted())))
        };
        let mut names: Vec<(String, Vec<usize>)> = Vec::new();
        let mut add_name = |spelling: String, to: Vec<usize>, place: String| {
            if spelling.is_empty() {
                return Err(bad(place, "a measure must be named by letters or digits".to_string()));
            }
            match names.iter().find(|(s, _)| *s == spelling) {
                Some((_, other)) if *other != to => Err(bad(
                    place,
                    format!("the spelling `{spelling}` would name two measures; give each measure its own names"),
                )),
                Some(_) => Ok(()),
                None => {
                    names.push((spelling, to));
                    Ok(())
                }
            }
        };
        for (i, m) in measures.iter().enumerate() {
            let place = format!("[[measure]] {}", m.id);
            for s in id_spellings(&m.id) {
                add_name(s, vec![i], format!("{place}, key `id`"))?;
            }
            for n in &m.names {
                add_name(compact(n), vec![i], format!("{place}, key `names`"))?;
            }
        }
        let mut codes: Vec<(i32, String, Vec<usize>)> = Vec::new();
        let mut seen_years = BTreeSet::new();
        for y in &years {
            let place = format!("[[year]] {}", y.year);
            if !(2000..=2100).contains(&y.year) {
                return Err(bad(format!("{place}, key `year`"), "a survey year is a year such as 2023".to_string()));
            }
            if !seen_years.insert(y.year) {
                return Err(bad(format!("{place}, key `year`"), "the year is given twice".to_string()));
            }
            for q in &y.question {
                let place = format!("{place}, [[year.question]] {}", q.code);
                if !q.code.split('/').all(|part| is_question(&compact_code(part))) || q.code.split('/').count() > 2 {
                    return Err(bad(
                        format!("{place}, key `code`"),
                        format!(
                            "`{}` is not a question number: write Q and the number (`Q14a`), or two joined by `/` \
                             for either of them (`Q14b/Q14c`)",
                            q.code
                        ),
                    ));
                }
                if q.measures.is_empty() {
                    return Err(bad(format!("{place}, key `measures`"), "name the measures it serves".to_string()));
                }
                let to = q
                    .measures
                    .iter()
                    .map(|m| index(&format!("{place}, key `measures`"), m))
                    .collect::<Result<Vec<_>>>()?;
                for spelling in code_spellings(&q.code) {
                    if codes.iter().any(|(yr, s, _)| *yr == y.year && *s == spelling) {
                        return Err(bad(
                            format!("{place}, key `code`"),
                            "the code is given twice in the year".to_string(),
                        ));
                    }
                    codes.push((y.year, spelling, to.clone()));
                }
                // The ids of the measures one question serves, together, name them together.
                if let [a, b] = to.as_slice() {
                    for (x, y) in [(*a, *b), (*b, *a)] {
                        for sx in id_spellings(&measures[x].id) {
                            for sy in id_spellings(&measures[y].id) {
                                add_name(format!("{sx}{sy}"), to.clone(), format!("{place}, key `measures`"))?;
                            }
                        }
                    }
                }
            }
            for t in &y.theme {
                let place = format!("{place}, [[year.theme]] {}", t.measure);
                index(&format!("{place}, key `measure`"), &t.measure)?;
            }
        }
        Ok(SurveyMap { measures, years, names, codes })
    }

    /// The measure ids, in file order.
    pub fn measure_ids(&self) -> Vec<&str> {
        self.measures.iter().map(|m| m.id.as_str()).collect()
    }

    /// A measure by id.
    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.id == id)
    }

    /// Whether the map holds a survey year.
    pub fn knows_year(&self, year: i32) -> bool {
        self.years.iter().any(|y| y.year == year)
    }

    /// The survey years known, in words: `2021, 2022 and 2023`.
    pub fn year_list(&self) -> String {
        let years: Vec<String> = self.years.iter().map(|y| y.year.to_string()).collect();
        match years.as_slice() {
            [] => "none".to_string(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
        }
    }

    /// The measures a survey row serves, from its measure id, name or question code; `None` when not recognised.
    /// A question code is read in the numbering of `year`; without a year, in the numbering of every year that
    /// agrees on it (a code two years read differently is not recognised without a year). Measure ids and names do
    /// not depend on the year.
    ///
    /// ```
    /// let map = wres_wdes::normalise::codes::survey_map::survey_map().unwrap();
    /// assert_eq!(map.classify_measure("Q14a", Some(2023)), Some(vec!["WRES5", "WDES4a-i"]));
    /// assert_eq!(map.classify_measure("WRES Indicator 5", Some(2031)), Some(vec!["WRES5"]));
    /// assert_eq!(map.classify_measure("Q30b", Some(2021)), Some(vec!["WDES8"]));
    /// assert_eq!(map.classify_measure("Q30b", Some(2023)), None);
    /// assert_eq!(map.classify_measure("Q14b or Q14c", None), Some(vec!["WRES6"]));
    /// ```
    pub fn classify_measure(&self, raw: &str, year: Option<i32>) -> Option<Vec<&str>> {
        let ids = |to: &[usize]| to.iter().filter_map(|&i| self.measures.get(i)).map(|m| m.id.as_str()).collect();
        let c = compact_measure(raw);
        if let Some((_, to)) = self.names.iter().find(|(s, _)| *s == c) {
            return Some(ids(to));
        }
        let code = compact_code(raw);
        let mut found = self.codes.iter().filter(|(y, s, _)| *s == code && year.is_none_or(|want| *y == want));
        let (_, _, first) = found.next()?;
        found.all(|(_, _, to)| to == first).then(|| ids(first))
    }

    /// The measure ids and names accepted, as a file may write them, with the measures each names, in file order:
    /// each id, with a roman numeral part as a digit too (`WDES4a-2`), its names, and the ids of the measures one
    /// question serves, together (`WRES5 / WDES4a-i`). Any spacing and punctuation is accepted as well.
    pub fn measure_names(&self) -> Vec<(String, Vec<&str>)> {
        let mut out: Vec<(String, Vec<&str>)> = Vec::new();
        fn push<'a>(out: &mut Vec<(String, Vec<&'a str>)>, shown: String, to: Vec<&'a str>) {
            if !out.iter().any(|(s, _)| *s == shown) {
                out.push((shown, to));
            }
        }
        for m in &self.measures {
            push(&mut out, m.id.clone(), vec![m.id.as_str()]);
            for (roman, digit) in [("iii", "3"), ("ii", "2"), ("i", "1")] {
                if let Some(stem) = m.id.strip_suffix(roman).filter(|s| s.ends_with(['-', 'a', 'b', 'c'])) {
                    push(&mut out, format!("{stem}{digit}"), vec![m.id.as_str()]);
                    break;
                }
            }
            for n in &m.names {
                push(&mut out, n.clone(), vec![m.id.as_str()]);
            }
        }
        for q in self.years.iter().flat_map(|y| &y.question) {
            if let [a, b] = q.measures.as_slice() {
                push(&mut out, format!("{a} / {b}"), vec![a.as_str(), b.as_str()]);
                push(&mut out, format!("{b} / {a}"), vec![a.as_str(), b.as_str()]);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_map_loads() {
        let map = survey_map().unwrap();
        assert_eq!(map.year_list(), "2021, 2022 and 2023");
        assert_eq!(map.measures.len(), 13);
    }

    #[test]
    fn spellings_of_codes() {
        assert_eq!(code_spellings("Q14a"), ["q14a"]);
        let mut got = code_spellings("Q14b/Q14c");
        got.sort();
        let mut want = [
            "q14bq14c",
            "q14b14c",
            "q14bc",
            "q14borq14c",
            "q14bor14c",
            "q14borc",
            "q14bandq14c",
            "q14band14c",
            "q14bandc",
        ];
        want.sort();
        assert_eq!(got, want);
        assert_eq!(id_spellings("WDES4a-iii"), ["wdes4aiii", "wdes4a3"]);
        assert_eq!(id_spellings("WDES4a-i"), ["wdes4ai", "wdes4a1"]);
        assert_eq!(id_spellings("WRES5"), ["wres5"]);
        assert!(is_question("q14a") && is_question("q15") && !is_question("q14ab") && !is_question("14a"));
        assert!(is_question_code("Q 19a") && is_question_code("Question 14b/c") && !is_question_code("WRES5"));
    }

    /// A year not in the map reads no question code, and says which years it knows.
    #[test]
    fn a_made_up_year_is_a_data_only_change() {
        let map = survey_map().unwrap();
        assert_eq!(map.classify_measure("Q14a", Some(2031)), None);
        assert!(!map.knows_year(2031));
        // The newcomer's path: copy the last [[year]] block and renumber it.
        let text = format!("{}\n[[year]]\nyear = 2031\n\n[[year.question]]\ncode = \"Q19a\"\nmeasures = [\"WRES5\", \"WDES4a-i\"]\nwording = \"...\"\n", SURVEY_FILE.text);
        let map = SurveyMap::from_file(DefinitionFile { name: "survey.toml", text: &text }).unwrap();
        assert_eq!(map.classify_measure("Q19a", Some(2031)), Some(vec!["WRES5", "WDES4a-i"]));
        assert_eq!(map.classify_measure("Q14a", Some(2031)), None);
        assert_eq!(map.year_list(), "2021, 2022, 2023 and 2031");
    }
}
