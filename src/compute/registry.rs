//! The registry of definitions: the return indicators (`indicators/wres.toml`, `indicators/wdes.toml`) and the
//! extensions (`indicators/extensions.toml`), built into the program, read into typed definitions and checked
//! once ([`registry`]). Compute reads every id, kind, group and rule from here, and so do the tests.
//!
//! Reading refuses a misspelt name anywhere (each is an enum, and every table denies keys it does not know); the
//! checks after reading refuse definitions that do not hold together: an id given twice, a group outside its
//! dimension, a case rule on a source without cases, a survey measure the question map (`indicators/survey.toml`)
//! does not hold, an intersection naming an indicator that is not a relative likelihood, a band ladder out of
//! order. Every error names the file, the place and key, the value, and what is accepted (exit code 2).

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::Deserialize;

use super::definitions::{Definition, Group, Rule, Source, Standard, ValueKind};
use super::extensions::definitions::{BreakdownDef, By, Definitions};
use crate::definitions::{invalid, parse, parse_entries, DefinitionFile};
use crate::error::{Error, Result};
use crate::normalise::codes::survey_map::{survey_map, Scale, SurveyMap};

/// The built-in WRES definitions.
pub const WRES_FILE: DefinitionFile<'static> =
    DefinitionFile { name: "indicators/wres.toml", text: include_str!("../../indicators/wres.toml") };
/// The built-in WDES definitions.
pub const WDES_FILE: DefinitionFile<'static> =
    DefinitionFile { name: "indicators/wdes.toml", text: include_str!("../../indicators/wdes.toml") };
/// The built-in extension definitions.
pub const EXTENSIONS_FILE: DefinitionFile<'static> =
    DefinitionFile { name: "indicators/extensions.toml", text: include_str!("../../indicators/extensions.toml") };

/// Every definition, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Registry {
    /// The return indicators and metrics, WRES first, each file in its order: the order of the results, the
    /// Return sheet and the Summary.
    pub indicators: Vec<Definition>,
    /// Pay gaps, intersections, recruitment views, progression, the Model Employer gap, the narrative.
    pub extensions: Definitions,
}

/// The built-in definitions, read and checked once.
///
/// ```
/// let r = wres_wdes::compute::registry::registry().unwrap();
/// assert_eq!(r.indicators.len(), 23);
/// assert_eq!(r.indicator("WDES10").unwrap().title, "Board membership compared with the workforce");
/// ```
pub fn registry() -> Result<&'static Registry> {
    static REGISTRY: OnceLock<Result<Registry>> = OnceLock::new();
    REGISTRY
        .get_or_init(|| Registry::from_files(WRES_FILE, WDES_FILE, EXTENSIONS_FILE, survey_map()?))
        .as_ref()
        .map_err(Error::clone)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorFile {
    indicator: Vec<toml::Spanned<toml::Table>>,
}

impl Registry {
    /// Reads and checks definition files (the built-in ones are [`registry`]'s): the WRES and WDES indicators,
    /// the extensions, against a survey question map.
    pub fn from_files(
        wres: DefinitionFile<'_>,
        wdes: DefinitionFile<'_>,
        extensions: DefinitionFile<'_>,
        survey: &SurveyMap,
    ) -> Result<Registry> {
        let mut indicators = Vec::new();
        for (file, standard) in [(wres, Standard::Wres), (wdes, Standard::Wdes)] {
            let tables = parse::<IndicatorFile>(file)?.indicator;
            let id = |t: &toml::Table| t.get("id").and_then(toml::Value::as_str).map(str::to_string);
            let defs: Vec<Definition> = parse_entries(file, tables, id)?;
            for def in &defs {
                check_indicator(file.name, def, standard, survey)?;
            }
            indicators.extend(defs);
        }
        let mut ids = BTreeSet::new();
        let mut measures: Vec<(&str, &str)> = Vec::new();
        for def in &indicators {
            let file = if def.standard == Standard::Wres { wres.name } else { wdes.name };
            if !ids.insert(def.id.as_str()) {
                return Err(invalid(file, &format!("[[indicator]] {}, key `id`", def.id), "the id is given twice"));
            }
            if let Rule::Survey(s) = &def.rule {
                if let Some((_, other)) = measures.iter().find(|(m, _)| *m == s.measure) {
                    return Err(invalid(
                        file,
                        &format!("[[indicator]] {}, key `measure`", def.id),
                        &format!("`{}` is read by {other} already; each survey measure is one indicator's", s.measure),
                    ));
                }
                measures.push((&s.measure, &def.id));
            }
        }
        if let Some(unread) = survey.measures.iter().find(|m| !measures.iter().any(|(id, _)| *id == m.id)) {
            return Err(invalid(
                "indicators/survey.toml",
                &format!("[[measure]] {}, key `id`", unread.id),
                "no survey indicator reads this measure (`measure` in wres.toml or wdes.toml)",
            ));
        }
        let name = extensions.name;
        let extensions: Definitions = parse(extensions)?;
        check_extensions(name, &extensions, &indicators)?;
        Ok(Registry { indicators, extensions })
    }

    /// An indicator by id.
    pub fn indicator(&self, id: &str) -> Option<&Definition> {
        self.indicators.iter().find(|d| d.id == id)
    }

    /// Every indicator id, in order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.indicators.iter().map(|d| d.id.as_str())
    }
}

/// A list of groups in words: `` `White` or `BME` ``.
fn either(groups: [Group; 2]) -> String {
    format!("`{}` or `{}`", groups[0].label(), groups[1].label())
}

fn check_indicator(file: &str, def: &Definition, standard: Standard, survey: &SurveyMap) -> Result<()> {
    let at = |key: &str| format!("[[indicator]] {}, key `{key}`", def.id);
    let bad = |key: &str, message: String| Err(invalid(file, &at(key), &message));
    if def.standard != standard {
        return bad("standard", format!("this file holds {} indicators only", standard.label()));
    }
    if !def.id.starts_with(standard.label()) {
        return bad("id", format!("a {0} indicator's id starts with {0}", standard.label()));
    }
    let dimension = def.dimension;
    let in_dimension = |key: &str, g: Group| {
        if g.dimension() == dimension {
            Ok(())
        } else {
            bad(
                key,
                format!(
                    "`{}` is not a group of the {} dimension; accepted: {}",
                    g.label(),
                    dimension.label(),
                    either(dimension.groups())
                ),
            )
        }
    };
    match &def.rule {
        Rule::Representation(_) | Rule::Declaration(_) => {}
        Rule::RelativeLikelihood(r) => {
            in_dimension("numerator_group", r.numerator_group)?;
            in_dimension("denominator_group", r.denominator_group)?;
            if r.numerator_group == r.denominator_group {
                return bad("denominator_group", "the ratio compares two different groups".to_string());
            }
            let cases = r.source == Source::Cases;
            if cases && (r.case_types.is_empty() || !r.rolling_average) {
                return bad(
                    "case_types",
                    "a cases indicator names its case types and has rolling_average = true".into(),
                );
            }
            if !cases && (!r.case_types.is_empty() || !r.case_types_with_ill_health.is_empty() || r.rolling_average) {
                return bad("source", "case types and the rolling average belong to the cases source only".into());
            }
        }
        Rule::Survey(s) => {
            in_dimension("protected_group", s.protected_group)?;
            if let Some(c) = s.comparison_group {
                in_dimension("comparison_group", c)?;
                if c == s.protected_group {
                    return bad("comparison_group", "the comparison group differs from the protected group".into());
                }
            }
            let Some(measure) = survey.measure(&s.measure) else {
                let known: Vec<String> = survey.measure_ids().iter().map(|m| format!("`{m}`")).collect();
                return bad(
                    "measure",
                    format!(
                        "unknown survey measure `{}`; the question map (indicators/survey.toml) holds {}",
                        s.measure,
                        known.join(", ")
                    ),
                );
            };
            let scale = match s.value {
                ValueKind::Percent => Scale::Percent,
                ValueKind::Score => Scale::Score,
            };
            if measure.scale != scale {
                return bad("value", "the value is not on the measure's scale in indicators/survey.toml".into());
            }
        }
        Rule::Board(b) => in_dimension("protected_group", b.protected_group)?,
    }
    Ok(())
}

fn check_extensions(file: &str, d: &Definitions, indicators: &[Definition]) -> Result<()> {
    let bad = |place: String, message: String| Err(invalid(file, &place, &message));
    if d.disclosure.min_members == 0 {
        return bad("[disclosure], key `min_members`".into(), "at least 1".into());
    }
    // Pay gaps.
    let p = &d.pay_gap;
    if p.weeks_per_year.is_nan() || p.weeks_per_year <= 0.0 {
        return bad("[pay_gap], key `weeks_per_year`".into(), "a number of weeks above 0".into());
    }
    if !each_once(&p.blocks) {
        return bad("[pay_gap], key `blocks`".into(), "at least one block, each once".into());
    }
    let mut ids = BTreeSet::new();
    for c in &p.comparison {
        let at = |key: &str| format!("[[pay_gap.comparison]] {}, key `{key}`", c.id);
        if !ids.insert(c.id.as_str()) {
            return bad(at("id"), "the id is given twice".into());
        }
        for (key, g) in [("reference", c.reference), ("other", c.other)] {
            if g.dimension() != c.dimension {
                return bad(
                    at(key),
                    format!("`{}` is not a group of the {} dimension", g.label(), c.dimension.label()),
                );
            }
        }
        if c.reference == c.other {
            return bad(at("other"), "the gap compares two different groups".into());
        }
    }
    // Band groups.
    let mut names = BTreeSet::new();
    let mut banded = BTreeSet::new();
    for g in &d.band_group {
        let at = |key: &str| format!("[[band_group]] {}, key `{key}`", g.name);
        if g.name.trim().is_empty() || !names.insert(g.name.as_str()) {
            return bad(at("name"), "each band group has its own name".into());
        }
        if g.bands.is_empty() && !g.medical {
            return bad(at("bands"), "a band group holds bands, or medical = true".into());
        }
        for b in &g.bands {
            if !banded.insert(*b) {
                return bad(at("bands"), format!("`{}` is in two band groups", b.0.label()));
            }
        }
    }
    // Intersections and recruitment views.
    for (table, list) in [("intersection", &d.intersection), ("recruitment_view", &d.recruitment_view)] {
        for b in list {
            check_breakdown(file, table, b, indicators)?;
        }
    }
    // Progression.
    let g = &d.progression;
    let ascending = |bands: &[super::extensions::definitions::Band]| bands.windows(2).all(|w| w[0] < w[1]);
    if g.ladder.len() < 2 || !ascending(&g.ladder) {
        return bad("[progression], key `ladder`".into(), "two or more bands, lowest first, each once".into());
    }
    for (key, band) in [("from", g.from), ("senior", g.senior)] {
        if !g.ladder.contains(&band) {
            return bad(format!("[progression], key `{key}`"), format!("`{}` is not on the ladder", band.0.label()));
        }
    }
    if g.from >= g.senior {
        return bad("[progression], key `senior`".into(), "the senior band is above the band it starts from".into());
    }
    if !each_once(&g.blocks) {
        return bad("[progression], key `blocks`".into(), "at least one block, each once".into());
    }
    let mut ids = BTreeSet::new();
    for c in &g.comparison {
        let at = |key: &str| format!("[[progression.comparison]] {}, key `{key}`", c.id);
        if !ids.insert(c.id.as_str()) {
            return bad(at("id"), "the id is given twice".into());
        }
        if c.standard == Standard::Gpg {
            return bad(at("standard"), "progression belongs to WRES or WDES".into());
        }
        for (key, group) in [("numerator", c.numerator), ("denominator", c.denominator)] {
            if group.dimension() != c.dimension {
                return bad(
                    at(key),
                    format!(
                        "`{}` is not a group of the {} dimension; accepted: {}",
                        group.label(),
                        c.dimension.label(),
                        either(c.dimension.groups())
                    ),
                );
            }
        }
        if c.numerator == c.denominator {
            return bad(at("denominator"), "the ratio compares two different groups".into());
        }
    }
    // The Model Employer gap.
    let m = &d.model_employer;
    if m.bands.is_empty() || !ascending(&m.bands) {
        return bad("[model_employer], key `bands`".into(), "bands, lowest first, each once".into());
    }
    if !m.bands.contains(&m.senior) {
        return bad("[model_employer], key `senior`".into(), format!("`{}` is not in `bands`", m.senior.0.label()));
    }
    if d.narrative.largest == 0 || d.narrative.material_change.is_nan() || d.narrative.material_change < 0.0 {
        return bad("[narrative]".into(), "largest is 1 or more, and material_change 0 or more".into());
    }
    Ok(())
}

/// Whether a list holds something, each thing once.
fn each_once<T: PartialEq>(list: &[T]) -> bool {
    !list.is_empty() && (1..list.len()).all(|i| !list[..i].contains(&list[i]))
}

/// An intersection or recruitment view names a relative likelihood, and characteristics other than its own.
fn check_breakdown(file: &str, table: &str, b: &BreakdownDef, indicators: &[Definition]) -> Result<()> {
    let at = |key: &str| format!("[[{table}]] {}, key `{key}`", b.indicator);
    let ratios: Vec<&str> =
        indicators.iter().filter(|d| d.relative_likelihood().is_some()).map(|d| d.id.as_str()).collect();
    let def = indicators.iter().find(|d| d.id == b.indicator);
    let Some((def, rule)) = def.and_then(|d| Some((d, d.relative_likelihood()?))) else {
        return Err(invalid(
            file,
            &at("indicator"),
            &format!("`{}` is not a relative likelihood indicator; accepted: {}", b.indicator, ratios.join(", ")),
        ));
    };
    if table == "recruitment_view" && rule.source != Source::Recruitment {
        return Err(invalid(file, &at("indicator"), "a recruitment view is of a recruitment indicator"));
    }
    if b.by.is_empty() {
        return Err(invalid(file, &at("by"), "name at least one characteristic"));
    }
    for (i, by) in b.by.iter().enumerate() {
        let own = matches!(
            (by, def.dimension),
            (By::Ethnicity, super::definitions::Dimension::Ethnicity)
                | (By::Disability, super::definitions::Dimension::Disability)
        );
        if own || b.by[..i].contains(by) {
            return Err(invalid(
                file,
                &at("by"),
                &format!("`{}` is the indicator's own dimension or is given twice", by.label()),
            ));
        }
        if *by == By::International && rule.source != Source::Recruitment {
            return Err(invalid(file, &at("by"), "`international` breaks down recruitment only"));
        }
    }
    Ok(())
}
