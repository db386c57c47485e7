//! Column matching: which column of a header row holds each requested field, and the messages when none or two do.
//!
//! Header texts and accepted names are compared after [`normalise_header`]: lowercased, every character that is
//! not a letter or digit removed. An override from the config names the one header a field is taken from.

use std::collections::BTreeMap;

use super::{ColumnMatch, FieldSpec};

/// A header or accepted name reduced to lowercase letters and digits: "Ethnic Origin", "ETHNIC_ORIGIN" and
/// "ethnic origin " all become "ethnicorigin".
pub(crate) fn normalise_header(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// How one field fared against a header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FieldMatch {
    /// Found in this 0-based column.
    Found(usize),
    /// Two or more columns with the same normalised header match the field's first matching name.
    Ambiguous(Vec<usize>),
    /// No column matches any accepted name (or the override).
    Missing,
}

/// The matching of every requested field against one header row.
#[derive(Debug, Clone)]
pub(crate) struct Matching {
    /// One entry per requested field, in request order.
    pub fields: Vec<FieldMatch>,
}

/// The candidate closest to `unknown` (Jaro-Winkler over 0.7), for a "did you mean" hint.
///
/// ```
/// assert_eq!(wres_wdes::read::closest("ethnicty", &["person_id", "ethnicity"]), Some("ethnicity"));
/// assert_eq!(wres_wdes::read::closest("zzz", &["ethnicity"]), None);
/// ```
pub fn closest<'a>(unknown: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let best = candidates
        .iter()
        .map(|k| (strsim::jaro_winkler(&unknown.to_lowercase(), &k.to_lowercase()), *k))
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    (best.0 > 0.7).then_some(best.1)
}

/// The names tried for a field: the override alone when there is one, else its aliases and then its own name.
pub(crate) fn names_tried(field: &FieldSpec, overrides: &BTreeMap<String, String>) -> Vec<String> {
    if let Some(name) = overrides.get(field.name) {
        return vec![name.clone()];
    }
    let mut names: Vec<String> = field.aliases.iter().map(|a| a.to_string()).collect();
    let own = normalise_header(field.name);
    if !names.iter().any(|n| normalise_header(n) == own) {
        names.push(field.name.to_string());
    }
    names
}

/// Matches every field against a header row (header texts by 0-based column).
pub(crate) fn match_fields(headers: &[String], fields: &[FieldSpec], overrides: &BTreeMap<String, String>) -> Matching {
    let normalised: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
    let fields = fields
        .iter()
        .map(|field| {
            // An override matching one header exactly (bar surrounding spaces) picks it even when another header
            // normalises the same ("Ethnic Origin" and "ETHNIC_ORIGIN").
            if let Some(name) = overrides.get(field.name) {
                let exact: Vec<usize> =
                    headers.iter().enumerate().filter(|(_, h)| h.trim() == name.trim()).map(|(i, _)| i).collect();
                if let [one] = exact.as_slice() {
                    return FieldMatch::Found(*one);
                }
            }
            for name in names_tried(field, overrides) {
                let wanted = normalise_header(&name);
                if wanted.is_empty() {
                    continue;
                }
                let columns: Vec<usize> =
                    normalised.iter().enumerate().filter(|(_, h)| **h == wanted).map(|(i, _)| i).collect();
                match columns.as_slice() {
                    [] => continue,
                    [one] => return FieldMatch::Found(*one),
                    _ => return FieldMatch::Ambiguous(columns),
                }
            }
            FieldMatch::Missing
        })
        .collect();
    Matching { fields }
}

impl Matching {
    /// The first required field that no column matched, for the hint.
    pub(crate) fn first_missing_required(&self, fields: &[FieldSpec]) -> Option<&'static str> {
        fields.iter().zip(&self.fields).find(|(f, m)| f.required && **m == FieldMatch::Missing).map(|(f, _)| f.name)
    }

    /// Whether every required field has a column (ambiguous counts: the error says which) and at least one field
    /// matched at all.
    pub(crate) fn holds_required(&self, specs: &[FieldSpec]) -> bool {
        let any = self.fields.iter().any(|m| *m != FieldMatch::Missing);
        any && specs.iter().zip(&self.fields).all(|(s, m)| !s.required || *m != FieldMatch::Missing)
    }

    /// How many required fields have a column: to pick the closest row for a "missing column" message.
    pub(crate) fn required_found(&self, specs: &[FieldSpec]) -> usize {
        specs.iter().zip(&self.fields).filter(|(s, m)| s.required && **m != FieldMatch::Missing).count()
    }

    /// How many fields have a column.
    pub(crate) fn any_found(&self) -> usize {
        self.fields.iter().filter(|m| **m != FieldMatch::Missing).count()
    }

    /// The column of each field (`None` when not found), or the problem as a message (an ambiguous field, or an
    /// optional field whose override names a header that is not there).
    pub(crate) fn resolve(
        &self,
        headers: &[String],
        specs: &[FieldSpec],
        overrides: &BTreeMap<String, String>,
    ) -> Result<(Vec<Option<usize>>, Vec<ColumnMatch>), String> {
        let mut columns = Vec::with_capacity(specs.len());
        let mut matches = Vec::new();
        let mut problems = Vec::new();
        for (spec, m) in specs.iter().zip(&self.fields) {
            match m {
                FieldMatch::Found(c) => {
                    columns.push(Some(*c));
                    matches.push(ColumnMatch {
                        field: spec.name,
                        header: headers.get(*c).cloned().unwrap_or_default(),
                        column: *c,
                    });
                }
                FieldMatch::Ambiguous(cols) => {
                    let named: Vec<String> = cols
                        .iter()
                        .map(|c| format!("'{}' (column {})", header_at(headers, *c), column_letter(*c)))
                        .collect();
                    problems.push(format!("two or more columns could be '{}': {}", spec.name, named.join(" and ")));
                    columns.push(None);
                }
                FieldMatch::Missing => {
                    if let Some(name) = overrides.get(spec.name) {
                        problems.push(format!(
                            "no column '{name}' (named in the config for '{}'); the columns are: {}",
                            spec.name,
                            list_headers(headers)
                        ));
                    }
                    columns.push(None);
                }
            }
        }
        if problems.is_empty() {
            Ok((columns, matches))
        } else {
            Err(problems.join("; "))
        }
    }

    /// The message for the required fields that have no column: the names tried for each, and the columns found.
    pub(crate) fn missing_message(
        &self,
        headers: &[String],
        specs: &[FieldSpec],
        overrides: &BTreeMap<String, String>,
    ) -> String {
        let missing: Vec<String> = specs
            .iter()
            .zip(&self.fields)
            .filter(|(s, m)| s.required && **m == FieldMatch::Missing)
            .map(|(s, _)| {
                let tried: Vec<String> = names_tried(s, overrides).iter().map(|n| format!("\"{n}\"")).collect();
                let how = if overrides.contains_key(s.name) { "named in the config" } else { "tried" };
                format!("'{}' ({how}: {})", s.name, tried.join(", "))
            })
            .collect();
        let noun = if missing.len() == 1 { "column" } else { "columns" };
        if self.any_found() == 0 {
            // The closest row matched nothing, so it may well be a row of data (the header row was lost): its
            // cells could be names or staff numbers, and are not repeated in a message.
            return format!(
                "no {noun} for {}; no row among the first {} holds any of the accepted column names",
                missing.join(", "),
                super::table::HEADER_SEARCH_ROWS
            );
        }
        format!("no {noun} for {}; the columns found are: {}", missing.join(", "), list_headers(headers))
    }
}

fn header_at(headers: &[String], column: usize) -> &str {
    headers.get(column).map(String::as_str).unwrap_or("")
}

/// The non-empty headers of a row, quoted and comma-separated, or "(none)".
pub(crate) fn list_headers(headers: &[String]) -> String {
    let found: Vec<String> =
        headers.iter().filter(|h| !h.trim().is_empty()).map(|h| format!("\"{}\"", h.trim())).collect();
    if found.is_empty() {
        "(none)".to_string()
    } else {
        found.join(", ")
    }
}

/// The spreadsheet letter of a 0-based column: 0 is A, 25 is Z, 26 is AA.
pub(crate) fn column_letter(column: usize) -> String {
    let mut n = column + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// The hint for a missing or ambiguous column, naming the columns section of the input kind (`Staff` gives
/// `[staff.columns]`) when known.
///
pub(crate) fn column_hint(field: Option<&str>, kind: Option<&str>) -> String {
    let field = field.unwrap_or("ethnicity");
    match kind {
        Some(kind) => format!(
            "name the column in the config file: [{}.columns] {field} = \"Your column header\"",
            kind.trim().to_lowercase()
        ),
        None => format!(
            "name the column in the config file, in this input's columns section, e.g. [staff.columns] {field} = \
             \"Your column header\" for the staff input"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const F: &[FieldSpec] = &[
        FieldSpec { name: "ethnicity", aliases: &["Ethnic Origin", "Ethnicity"], required: true },
        FieldSpec { name: "gender", aliases: &["Gender", "Sex"], required: false },
    ];

    fn h(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn normalises() {
        assert_eq!(normalise_header(" Ethnic_Origin (Code)"), "ethnicorigincode");
        assert_eq!(normalise_header("ETHNIC ORIGIN "), "ethnicorigin");
    }

    #[test]
    fn prefers_earlier_alias_then_flags_duplicates() {
        let none = BTreeMap::new();
        let m = match_fields(&h(&["Ethnicity", "ethnic origin"]), F, &none);
        assert_eq!(m.fields[0], FieldMatch::Found(1));
        let m = match_fields(&h(&["Ethnicity", "ETHNICITY "]), F, &none);
        assert_eq!(m.fields[0], FieldMatch::Ambiguous(vec![0, 1]));
        assert!(m.holds_required(F));
        assert!(m.resolve(&h(&["Ethnicity", "ETHNICITY "]), F, &none).is_err());
    }

    #[test]
    fn the_hint_names_the_section_of_the_input() {
        assert!(column_hint(Some("ethnicity"), Some("Recruitment")).contains("[recruitment.columns] ethnicity = "));
        assert!(column_hint(Some("value"), Some("Survey")).contains("[survey.columns] value = "));
        assert!(column_hint(None, None).contains("[staff.columns] ethnicity = "));
    }

    #[test]
    fn letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(16383), "XFD");
    }
}
