//! Reading the definition files of `indicators/` (built into the program): TOML text to typed definitions. Every
//! name in them is read as an enum or checked against the names it may take, and an error names the file, the
//! line, the table, the key, the value found and the values accepted, and is a usage error (exit code 2).
//!
//! ```
//! use serde::Deserialize;
//! use wres_wdes::definitions::{parse, DefinitionFile};
//!
//! #[derive(Deserialize)]
//! #[serde(deny_unknown_fields)]
//! struct Pay { block: Block }
//! #[derive(Deserialize)]
//! #[serde(rename_all = "snake_case")]
//! enum Block { Overall, NonClinical }
//!
//! let file = DefinitionFile { name: "indicators/extensions.toml", text: "[pay]\nblock = \"non-clinical\"\n" };
//! let e = parse::<std::collections::BTreeMap<String, Pay>>(file).err().unwrap();
//! assert_eq!(e.exit_code(), 2);
//! assert!(e.message().starts_with("indicators/extensions.toml, line 2, in [pay], key `block`: unknown value `non-clinical`"));
//! assert!(e.message().contains("accepted: `overall` or `non_clinical`"));
//! ```

use std::ops::Range;

use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

/// One definition file: its name in messages (`indicators/wres.toml`) and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefinitionFile<'a> {
    /// The file's path in the project.
    pub name: &'a str,
    /// Its TOML text.
    pub text: &'a str,
}

/// Parses a whole definition file into `T`.
pub fn parse<T: DeserializeOwned>(file: DefinitionFile<'_>) -> Result<T> {
    toml::from_str(file.text).map_err(|e| {
        let region = 0..file.text.len();
        let at = e.span().map(|s| s.start).or_else(|| token_line(file.text, region.clone(), e.message()));
        located(file, at, region, None, e.message())
    })
}

/// Parses the tables of an array of tables one by one (the entries of a `[[name]]` list whose kinds differ), so
/// that an error is placed in its own entry: `tables` are the entries as read with their spans
/// (`Vec<toml::Spanned<toml::Table>>`), `label` names an entry in messages (its `id`, say).
pub fn parse_entries<T: DeserializeOwned>(
    file: DefinitionFile<'_>,
    tables: Vec<toml::Spanned<toml::Table>>,
    label: impl Fn(&toml::Table) -> Option<String>,
) -> Result<Vec<T>> {
    let starts: Vec<usize> = tables.iter().map(|t| t.span().start).collect();
    tables
        .into_iter()
        .enumerate()
        .map(|(i, spanned)| {
            let start = spanned.span().start;
            let end = starts.get(i + 1).copied().unwrap_or(file.text.len());
            let table = spanned.into_inner();
            let name = label(&table);
            T::deserialize(toml::Value::Table(table)).map_err(|e| {
                let message = e.message();
                // An error inside the entry without a place of its own (a missing key) is shown at its header.
                let at = token_line(file.text, start..end, message).or(Some(start));
                located(file, at, start..end, name.as_deref(), message)
            })
        })
        .collect()
}

/// A definition that reads well but does not hold together (a name that refers to nothing, a group outside its
/// dimension): `place` says where (`[[intersection]] WRES22, key `indicator``).
pub fn invalid(file: &str, place: &str, message: &str) -> Error {
    Error::usage(format!("{file}, {place}: {message}")).with_hint(hint(file))
}

fn hint(file: &str) -> String {
    format!(
        "the definitions are built into the program: correct {file} and build it again (`cargo build --release`); \
         `cargo test` checks every definition file"
    )
}

/// The error at byte `at` of the file (within `region`): the line, the table and the key there, and serde's
/// message in a user's words.
fn located(
    file: DefinitionFile<'_>,
    at: Option<usize>,
    region: Range<usize>,
    entry: Option<&str>,
    message: &str,
) -> Error {
    let mut place = String::new();
    if let Some(at) = at.filter(|a| *a <= file.text.len()) {
        let line = file.text[..at].matches('\n').count() + 1;
        place.push_str(&format!(", line {line}"));
        let before = &file.text[region.start.min(at)..line_end(file.text, at)];
        if let Some(table) = before.lines().rev().map(str::trim).find(|l| l.starts_with('[')) {
            place.push_str(&format!(", in {table}"));
        }
        if let Some(entry) = entry {
            place.push_str(&format!(" {entry}"));
        }
        if let Some(key) = before.lines().rev().find_map(key_of) {
            if !before.lines().next_back().map(str::trim).unwrap_or_default().starts_with('[') {
                place.push_str(&format!(", key `{key}`"));
            }
        }
    } else if let Some(entry) = entry {
        place.push_str(&format!(", {entry}"));
    }
    Error::usage(format!("{}{place}: {}", file.name, plain(message.trim()))).with_hint(hint(file.name))
}

/// Where the line holding byte `at` ends.
fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |n| at + n)
}

/// The key a line sets (`dimension = "ethnicity"` sets `dimension`), if it sets one.
fn key_of(line: &str) -> Option<&str> {
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    (!key.is_empty() && !key.starts_with('#') && !key.starts_with('"') && !key.starts_with('['))
        .then_some(key)
        .filter(|k| k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.'))
}

/// The start of the first line in `region` holding the first `name` quoted in a serde message (the value not
/// accepted, as `"name"`, or the key not accepted, as `name =`).
fn token_line(text: &str, region: Range<usize>, message: &str) -> Option<usize> {
    let token = message.split('`').nth(1)?;
    let body = text.get(region.clone())?;
    let mut offset = region.start;
    for line in body.split_inclusive('\n') {
        let code = line.split('#').next().unwrap_or_default();
        let holds_value = code.contains(&format!("\"{token}\""));
        let sets_key = key_of(code) == Some(token);
        if holds_value || sets_key {
            return Some(offset + (line.len() - line.trim_start().len()));
        }
        offset += line.len();
    }
    None
}

/// serde's words in a user's: a value, a key, and the values accepted.
fn plain(message: &str) -> String {
    let message = message
        .replacen("unknown variant", "unknown value", 1)
        .replacen("unknown field", "unknown key", 1)
        .replacen("missing field", "missing key", 1)
        .replacen("duplicate field", "key given twice:", 1);
    match message.split_once(", expected one of ") {
        Some((head, accepted)) => format!("{head}; accepted: {accepted}"),
        None => match message.split_once(", expected ") {
            Some((head, accepted)) if head.starts_with("unknown") => format!("{head}; accepted: {accepted}"),
            _ => message,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words() {
        assert_eq!(
            plain("unknown variant `x`, expected one of `a`, `b`, `c`"),
            "unknown value `x`; accepted: `a`, `b`, `c`"
        );
        assert_eq!(plain("unknown field `x`, expected `a` or `b`"), "unknown key `x`; accepted: `a` or `b`");
        assert_eq!(plain("missing field `by`"), "missing key `by`");
        assert_eq!(
            plain("invalid type: integer `1`, expected a string"),
            "invalid type: integer `1`, expected a string"
        );
    }

    #[test]
    fn keys_of_lines() {
        assert_eq!(key_of("by = [\"x\"]"), Some("by"));
        assert_eq!(key_of("  dimension=\"x\""), Some("dimension"));
        assert_eq!(key_of("\"x\", \"y\"]"), None);
        assert_eq!(key_of("# a = b"), None);
        assert_eq!(key_of("[[intersection]]"), None);
    }
}
