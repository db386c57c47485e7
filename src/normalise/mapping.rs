//! The user's own mappings (`[mapping.FIELD]` in the config file): a raw value of a coded field, as the trust's
//! export writes it, to a value the tool accepts.
//!
//! A mapping is applied before classification: the mapped value goes through the field's normal classifier, so
//! the target must be one the classifier accepts (checked when the config is read: exit 2 naming the key, the
//! value and the accepted values). Raw values match a rule trimmed, ignoring case and runs of spaces, as the
//! classifiers do. Every mapping used is counted per input file and listed in the data-quality output.
//!
//! ```toml
//! [mapping.ethnicity]
//! "White - Other European" = "C"
//! "Not known" = "Z"
//!
//! [mapping.pay_band]
//! "AfC 5 (Nursing)" = "Band 5"
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::normalise::codes::{
    band, case_type, disability, ethnicity, gender, grade, staff_group, survey, yes_no, BandValue,
};
use crate::normalise::quality::{mask_identifiers, InputQuality, QualityLog};

/// A field whose values can be mapped: its name (as in the data-quality log), what it accepts, and its check.
struct Mappable {
    name: &'static str,
    accepts: &'static str,
    valid: fn(&str) -> bool,
}

const YES_NO: &str = "Yes or No";

/// Every field a `[mapping.FIELD]` can name, in the order the README lists them.
const MAPPABLE: &[Mappable] = &[
    Mappable {
        name: "ethnicity",
        accepts: "an NHS ethnic category code A to S, Z (not stated) or 99, or a label such as \"White British\"",
        valid: |t| ethnicity::classify(t).is_some(),
    },
    Mappable {
        name: "disability",
        accepts: "Yes, No, Not Declared or Prefer Not To Answer",
        valid: |t| disability::classify(t).is_some(),
    },
    Mappable {
        name: "pay_band",
        accepts: "Band 1 to Band 9, Band 8a to Band 8d, Under Band 1, VSM, Non AfC or Medical and Dental",
        valid: |t| band::classify(t).is_some_and(|b| b != BandValue::Blank),
    },
    Mappable {
        name: "grade",
        accepts: "a medical grade (Consultant, Specialty Doctor, Foundation Year 1, Specialty Registrar, Other \
                  medical), VSM, or a band such as Band 6",
        valid: |t| {
            grade::classify_medical(t).is_some()
                || grade::is_vsm_grade(t)
                || matches!(band::classify(t), Some(BandValue::Band(_)))
        },
    },
    Mappable {
        name: "staff_group",
        accepts: "a staff group such as \"Nursing and Midwifery Registered\", \"Administrative and Clerical\" or \
                  \"Medical and Dental\"",
        valid: |t| staff_group::classify(t).is_some(),
    },
    Mappable {
        name: "assignment_category",
        accepts: "Bank, Honorary or Agency (left out of the workforce), or Permanent, Fixed Term or Substantive \
                  (kept)",
        valid: |t| {
            ["bank", "honorary", "agency", "permanent", "fixed term", "substantive"]
                .iter()
                .any(|w| t.trim().eq_ignore_ascii_case(w))
        },
    },
    Mappable { name: "primary_assignment", accepts: YES_NO, valid: |t| yes_no::classify(t).is_some() },
    Mappable {
        name: "gender",
        accepts: "Female, Male or Unknown",
        valid: |t| !t.trim().is_empty() && gender::classify(t).is_some(),
    },
    Mappable {
        name: "case_type",
        accepts: "Disciplinary, Capability - Performance, Capability - Ill Health, or Other (left out)",
        valid: |t| case_type::classify(t).is_some() || case_type::is_other_process(t),
    },
    Mappable {
        name: "shortlisted",
        accepts: "Yes or No (or Shortlisted, Not Shortlisted)",
        valid: |t| yes_no::shortlisted(t).is_some(),
    },
    Mappable {
        name: "appointed",
        accepts: "Yes or No (or Appointed, Not Appointed)",
        valid: |t| yes_no::appointed(t).is_some(),
    },
    Mappable { name: "mandatory", accepts: YES_NO, valid: |t| yes_no::classify(t).is_some() },
    Mappable { name: "international_recruit", accepts: YES_NO, valid: |t| yes_no::classify(t).is_some() },
    Mappable { name: "voting", accepts: YES_NO, valid: |t| yes_no::classify(t).is_some() },
    Mappable { name: "executive", accepts: YES_NO, valid: |t| yes_no::classify(t).is_some() },
    Mappable {
        name: "measure",
        accepts: "a survey measure: WRES5 to WRES8, WDES4a-i, WDES4a-ii, WDES4a-iii, WDES4b, WDES5 to WDES9a",
        valid: |t| survey::classify_measure(t).is_some(),
    },
    Mappable {
        name: "group",
        accepts: "White, BME, Unknown, Disabled, Non-disabled or Overall",
        valid: |t| {
            survey::classify_group(t).is_some() || crate::normalise::records::classify_aggregate_group(t).is_some()
        },
    },
];

/// Other names a field may be given under `[mapping]`: the column's usual name rather than the field's.
const ALIASES: &[(&str, &str)] = &[("outcome", "appointed"), ("band", "pay_band"), ("case_types", "case_type")];

/// The names of the fields a mapping can name.
///
/// ```
/// use wres_wdes::normalise::mapping::field_names;
/// assert!(field_names().any(|f| f == "pay_band"));
/// ```
pub fn field_names() -> impl Iterator<Item = &'static str> {
    MAPPABLE.iter().map(|m| m.name)
}

/// One rule: a raw value (as written in the config) and the value it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// The raw value, as written in the config.
    pub from: Arc<str>,
    /// The accepted value it is read as.
    pub to: Arc<str>,
    /// `from` in its matching form.
    key: String,
}

/// The mappings of a config file, by field.
///
/// ```
/// use std::collections::BTreeMap;
/// use wres_wdes::normalise::mapping::ValueMappings;
/// let mut config = BTreeMap::new();
/// config.insert("ethnicity".to_string(), BTreeMap::from([("White Other".to_string(), "C".to_string())]));
/// let mappings = ValueMappings::from_config(&config)?;
/// assert_eq!(mappings.target("ethnicity", "  WHITE   other "), Some("C"));
/// assert_eq!(mappings.target("ethnicity", "White"), None);
/// # Ok::<(), wres_wdes::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValueMappings {
    fields: BTreeMap<&'static str, Vec<Rule>>,
}

/// A raw value in its matching form: trimmed, runs of white space as one space, lower case.
fn match_key(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

impl ValueMappings {
    /// Checks and reads the `[mapping.FIELD]` tables of a config file (`staff_groups`, the clinical split, is read
    /// elsewhere). Errors (exit 2): a field that cannot be mapped (with the closest name), a target the field
    /// does not accept (naming the key, the value and the accepted values), two spellings of one value mapped
    /// to different targets.
    pub fn from_config(config: &BTreeMap<String, BTreeMap<String, String>>) -> Result<ValueMappings> {
        let mut fields = BTreeMap::new();
        for (written, table) in config {
            let name = ALIASES.iter().find(|(alias, _)| *alias == written.as_str()).map_or(written.as_str(), |a| a.1);
            let Some(field) = MAPPABLE.iter().find(|m| m.name == name) else {
                return Err(unknown_field(written));
            };
            let mut rules: Vec<Rule> = Vec::new();
            for (from, to) in table {
                if to.trim().is_empty() || !(field.valid)(to) {
                    let found = if to.trim().is_empty() { "no value".to_string() } else { format!("\"{to}\"") };
                    return Err(Error::usage(format!(
                        "mapping.{name}: \"{from}\" is mapped to {found}, which is not an accepted {name}"
                    ))
                    .with_hint(format!("give {}", field.accepts)));
                }
                let key = match_key(from);
                if let Some(other) = rules.iter().find(|r| r.key == key) {
                    if other.to.trim() != to.trim() {
                        return Err(Error::usage(format!(
                            "mapping.{name}: \"{}\" and \"{from}\" are the same value (case and spaces are ignored) \
                             but are mapped to \"{}\" and \"{to}\"",
                            other.from, other.to
                        ))
                        .with_hint("keep one of them"));
                    }
                    continue;
                }
                rules.push(Rule { from: from.as_str().into(), to: to.trim().into(), key });
            }
            if !rules.is_empty() && fields.insert(field.name, rules).is_some() {
                return Err(Error::usage(format!(
                    "mapping.{written}: the values of {} are mapped twice (also under another name)",
                    field.name
                ))
                .with_hint(format!("keep one [mapping.{}] table", field.name)));
            }
        }
        Ok(ValueMappings { fields })
    }

    /// True when there are no rules.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// The rules of a field (none when the field has none).
    pub fn rules(&self, field: &str) -> &[Rule] {
        self.fields.get(field).map_or(&[], Vec::as_slice)
    }

    /// The index of the rule of `field` that `raw` matches.
    pub fn rule_of(&self, field: &str, raw: &str) -> Option<usize> {
        let rules = self.fields.get(field)?;
        let key = match_key(raw);
        rules.iter().position(|r| r.key == key)
    }

    /// The value `raw` is mapped to in `field`, if a rule matches it.
    pub fn target(&self, field: &str, raw: &str) -> Option<&str> {
        self.rule_of(field, raw).and_then(|i| self.rules(field).get(i)).map(|r| &*r.to)
    }

    /// The value to classify for `raw` in `field`: its target when a rule matches (the row is counted in `log`),
    /// else `raw` itself.
    pub fn apply<'a>(&'a self, field: &'static str, raw: &'a str, log: &mut QualityLog) -> &'a str {
        if !self.fields.contains_key(field) {
            return raw;
        }
        match self.rule_of(field, raw) {
            Some(i) => {
                let rule = &self.rules(field)[i];
                log.mapped(field, i, rule, 1);
                &rule.to
            }
            None => raw,
        }
    }

    /// [`ValueMappings::apply`] without counting: for a classification remembered per distinct value, whose
    /// rows are counted one by one apart.
    pub fn map<'a>(&'a self, field: &str, raw: &'a str) -> &'a str {
        self.target(field, raw).unwrap_or(raw)
    }
}

/// The error for a `[mapping.X]` that names no field.
fn unknown_field(name: &str) -> Error {
    let best = field_names()
        .chain(["staff_groups"])
        .map(|k| (strsim::jaro_winkler(name, k), k))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .filter(|(score, _)| *score > 0.7);
    let fields = field_names().collect::<Vec<_>>().join(", ");
    let hint = match best {
        Some((_, k)) => format!("did you mean `{k}`? The fields are: {fields}, and staff_groups (the clinical split)"),
        None => format!("the fields are: {fields}, and staff_groups (the clinical split)"),
    };
    Error::usage(format!("mapping.{name}: not a field whose values can be mapped")).with_hint(hint)
}

/// The `[mapping.FIELD]` block that maps every value `check` did not recognise, ready to paste into the config
/// once each value's code is filled in; `None` when every value was recognised.
///
/// Values of every input are gathered by field (spellings differing only in case and spaces as one line, their
/// rows added). A value shown masked (it looked like an identifier) or cut short cannot be matched back to the
/// file, so it is left out with a note rather than written wrongly; so are values of fields that cannot be mapped
/// (dates, numbers).
///
/// ```
/// use wres_wdes::normalise::mapping::suggestion_block;
/// assert_eq!(suggestion_block(&[]), None);
/// ```
pub fn suggestion_block(inputs: &[InputQuality]) -> Option<String> {
    // By field, in the order of MAPPABLE: (match key, first spelling, rows).
    let mut by_field: BTreeMap<usize, Vec<(String, String, u64)>> = BTreeMap::new();
    let mut not_matchable = 0u64;
    let mut unmappable: Vec<&str> = Vec::new();
    for u in inputs.iter().flat_map(|q| &q.unrecognised) {
        let Some(index) = MAPPABLE.iter().position(|m| m.name == u.field) else {
            if !unmappable.contains(&u.field) {
                unmappable.push(u.field);
            }
            continue;
        };
        if !matchable(&u.value) {
            not_matchable += 1;
            continue;
        }
        let lines = by_field.entry(index).or_default();
        let key = match_key(&u.value);
        let rows = u.rows.unwrap_or(0);
        match lines.iter_mut().find(|(k, _, _)| *k == key) {
            Some(line) => line.2 += rows,
            None => lines.push((key, u.value.clone(), rows)),
        }
    }
    if by_field.is_empty() && not_matchable == 0 {
        return None;
    }
    let mut s = String::new();
    s.push_str(
        "# Values not recognised, as a mapping for the config file: write the value each stands for between the\n\
         # empty quotes, then paste the block into the config (see \"The config file\" in the README).\n",
    );
    for (index, lines) in &by_field {
        let field = &MAPPABLE[*index];
        let _ = writeln!(s, "\n[mapping.{}]\n# accepted: {}", field.name, field.accepts);
        for (_, value, rows) in lines {
            let _ = writeln!(s, "{} = \"\"  # {rows} {}", toml_key(value), if *rows == 1 { "row" } else { "rows" });
        }
    }
    if not_matchable > 0 {
        let _ = writeln!(
            s,
            "\n# {not_matchable} value(s) left out: shown masked (they looked like a staff number or an email \
             address) or cut short, so they cannot be matched as shown; map them by their full text from the file."
        );
    }
    if !unmappable.is_empty() {
        let _ = writeln!(s, "# Not mappable ({}): correct these values in the file.", unmappable.join(", "));
    }
    Some(s)
}

/// Whether a value as the log shows it is the value as the file holds it (not masked, not cut).
fn matchable(shown: &str) -> bool {
    shown.chars().count() < crate::normalise::quality::MAX_VALUE_CHARS
        && !shown.contains("<email>")
        && mask_identifiers(shown) == shown
        && !shown.contains("######")
}

/// A string as a TOML key (quoted, escaped).
fn toml_key(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(field: &str, pairs: &[(&str, &str)]) -> BTreeMap<String, BTreeMap<String, String>> {
        BTreeMap::from([(
            field.to_string(),
            pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<BTreeMap<_, _>>(),
        )])
    }

    #[test]
    fn every_field_accepts_its_own_examples_and_refuses_nonsense() {
        let good = [
            ("ethnicity", "C"),
            ("disability", "Yes"),
            ("pay_band", "Band 8a"),
            ("grade", "Consultant"),
            ("staff_group", "Allied Health Professionals"),
            ("assignment_category", "Bank"),
            ("primary_assignment", "Y"),
            ("gender", "Female"),
            ("case_type", "Capability - Ill Health"),
            ("case_type", "Other"),
            ("shortlisted", "No"),
            ("appointed", "Appointed"),
            ("mandatory", "No"),
            ("international_recruit", "Yes"),
            ("voting", "Yes"),
            ("executive", "No"),
            ("measure", "WRES5"),
            ("group", "BME"),
        ];
        for (field, to) in good {
            assert!(ValueMappings::from_config(&config(field, &[("x", to)])).is_ok(), "{field} {to}");
        }
        for m in MAPPABLE {
            let e = ValueMappings::from_config(&config(m.name, &[("Martian", "Venusian")])).unwrap_err();
            assert_eq!(e.exit_code(), 2);
            assert!(e.message().contains(&format!("mapping.{}: \"Martian\"", m.name)), "{e}");
            assert!(e.message().contains("\"Venusian\""), "{e}");
            assert!(e.hint().unwrap_or_default().starts_with("give "), "{e}");
        }
    }

    #[test]
    fn a_field_may_be_named_as_its_column_usually_is() {
        let m = ValueMappings::from_config(&config("outcome", &[("Offer Rejected by Candidate", "Not Appointed")]))
            .unwrap();
        assert_eq!(m.target("appointed", "offer rejected by candidate"), Some("Not Appointed"));
        let mut both = config("outcome", &[("a", "Yes")]);
        both.extend(config("appointed", &[("b", "No")]));
        assert!(ValueMappings::from_config(&both).unwrap_err().message().contains("mapped twice"));
    }

    #[test]
    fn an_unknown_field_gets_the_closest_name() {
        let e = ValueMappings::from_config(&config("ethnicty", &[("x", "A")])).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.message().contains("mapping.ethnicty"), "{e}");
        assert!(e.hint().unwrap_or_default().starts_with("did you mean `ethnicity`?"), "{e:?}");
    }

    #[test]
    fn an_empty_target_or_two_spellings_with_two_targets_are_refused() {
        let e = ValueMappings::from_config(&config("ethnicity", &[("Martian", "")])).unwrap_err();
        assert!(e.message().contains("\"Martian\" is mapped to no value"), "{e}");
        let e = ValueMappings::from_config(&config("ethnicity", &[("Martian", "A"), ("MARTIAN", "H")])).unwrap_err();
        assert!(e.message().contains("are the same value"), "{e}");
        let same = ValueMappings::from_config(&config("ethnicity", &[("Martian", "A"), ("MARTIAN", "A")])).unwrap();
        assert_eq!(same.rules("ethnicity").len(), 1);
    }

    #[test]
    fn applying_counts_the_rows_mapped() {
        let m = ValueMappings::from_config(&config("pay_band", &[("AfC 5", "Band 5")])).unwrap();
        let mut log = QualityLog::default();
        assert_eq!(m.apply("pay_band", " afc  5", &mut log), "Band 5");
        assert_eq!(m.apply("pay_band", "AfC 6", &mut log), "AfC 6");
        assert_eq!(m.apply("ethnicity", "AfC 5", &mut log), "AfC 5");
        assert_eq!(m.apply("pay_band", "AFC 5", &mut log), "Band 5");
        let info = crate::read::TableInfo::csv_for_test("staff.csv", 3);
        let q = log.finish("staff", "row", &info);
        assert_eq!(q.mappings.len(), 1);
        let applied = &q.mappings[0];
        assert_eq!((applied.field, applied.from.as_str(), applied.to.as_str()), ("pay_band", "AfC 5", "Band 5"));
        assert_eq!(applied.rows, Some(2));
    }
}
