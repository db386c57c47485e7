//! What each standard needs from the inputs given: the group column of its characteristic (ethnicity for WRES,
//! disability for WDES) in the staff snapshot, recruitment, cases and board files, and rows for its groups in an
//! aggregated table or the survey. A figure resting on an input that lacks it would count everyone as Unknown and
//! read "0% BME" or "no Disabled people to compare", so a run asking for that standard stops instead (exit 3), and
//! the compute layer never shows such a figure as a number.
//!
//! Row-level training has no group column of its own (the staff snapshot gives each person's groups); row-level
//! cases need the column, or a person id to look people up in the staff snapshot.

use std::collections::BTreeMap;

use crate::config::{Inputs, Standards};
use crate::normalise::codes::survey::SurveyGroup;
use crate::normalise::quality::InputQuality;
use crate::normalise::records::{header_names, InputFile, Records};

/// What an input lacks for a standard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// The input kind (`staff`, `recruitment`, ...).
    pub kind: &'static str,
    /// The file as the user named it.
    pub file: String,
    /// `WRES` or `WDES`.
    pub standard: &'static str,
    /// The field (`ethnicity` or `disability`).
    pub field: &'static str,
    /// A column, or rows for the groups (an aggregated table or the survey).
    pub lack: Lack,
    /// The header names tried for the column (empty for groups).
    pub tried: Vec<String>,
}

/// What is lacking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lack {
    /// No column for the field.
    Column,
    /// No column for the field, and no person id to look people up in the staff snapshot by (row-level cases).
    ColumnAndLookup,
    /// No rows for the standard's groups.
    Groups,
}

impl Missing {
    /// The line for an error: file, what is lacking, the standard that needs it and the names tried.
    ///
    /// ```
    /// use wres_wdes::normalise::needs::{Lack, Missing};
    /// let m = Missing {
    ///     kind: "staff",
    ///     file: "staff.csv".into(),
    ///     standard: "WRES",
    ///     field: "ethnicity",
    ///     lack: Lack::Column,
    ///     tried: vec!["Ethnic Origin".into(), "Ethnicity".into()],
    /// };
    /// assert_eq!(
    ///     m.line(),
    ///     "staff.csv: no ethnicity column, which WRES needs (names tried: \"Ethnic Origin\", \"Ethnicity\")"
    /// );
    /// assert_eq!(m.reason(), "the staff file has no ethnicity column");
    /// ```
    pub fn line(&self) -> String {
        let what = match self.lack {
            Lack::Column => format!("no {} column", self.field),
            Lack::ColumnAndLookup => {
                format!("no {} column, and no person id column to find people in the staff snapshot", self.field)
            }
            Lack::Groups => format!("no usable rows for the {} groups", groups_words(self.standard)),
        };
        let tried = if self.tried.is_empty() {
            String::new()
        } else {
            let names: Vec<String> = self.tried.iter().map(|n| format!("\"{n}\"")).collect();
            format!(" (names tried: {})", names.join(", "))
        };
        format!("{}: {what}, which {} needs{tried}", self.file, self.standard)
    }

    /// Why a figure resting on the input cannot be computed, for its `reason`.
    pub fn reason(&self) -> String {
        match self.lack {
            Lack::Column | Lack::ColumnAndLookup => format!("the {} file has no {} column", self.kind, self.field),
            Lack::Groups => {
                format!("the {} file has no usable rows for the {} groups", self.kind, groups_words(self.standard))
            }
        }
    }
}

/// The field of a standard's characteristic.
fn field_of(standard: &str) -> &'static str {
    if standard == "WDES" {
        "disability"
    } else {
        "ethnicity"
    }
}

fn groups_words(standard: &str) -> &'static str {
    if standard == "WDES" {
        "Disabled or Non-disabled"
    } else {
        "White or BME"
    }
}

/// What `q` (an input of `records`) lacks for `standard`, if anything.
fn lack(q: &InputQuality, records: &Records, standard: &str) -> Option<Lack> {
    let field = field_of(standard);
    let has = |f: &str| q.columns.iter().any(|c| c.field == f);
    let used = q.rows_used.unwrap_or(0) > 0;
    let wres = standard == "WRES";
    match (q.kind, q.layout) {
        ("staff" | "board", _) | ("recruitment", "row") => (!has(field)).then_some(Lack::Column),
        ("cases", "row") => match (has(field), has("person_id") && records.staff.is_some()) {
            (true, _) | (false, true) => None,
            (false, false) if has("person_id") => Some(Lack::Column),
            (false, false) => Some(Lack::ColumnAndLookup),
        },
        ("recruitment", _) => {
            let r = records.recruitment.as_ref()?;
            let empty = if wres { r.by_ethnicity.is_empty() } else { r.by_disability.is_empty() };
            (used && empty).then_some(Lack::Groups)
        }
        ("cases", _) => {
            let c = records.cases.as_ref()?;
            let any = c.cases.iter().any(|c| if wres { c.ethnicity.is_some() } else { c.disability.is_some() });
            (used && !any).then_some(Lack::Groups)
        }
        ("survey", _) => {
            let s = records.survey.as_ref()?;
            let wanted = if wres {
                [SurveyGroup::White, SurveyGroup::Bme]
            } else {
                [SurveyGroup::Disabled, SurveyGroup::NonDisabled]
            };
            let any = s.values.keys().any(|(_, g)| wanted.contains(g));
            (used && !any).then_some(Lack::Groups)
        }
        // Training: row-level takes each person's groups from the staff snapshot; aggregated holds ethnicity
        // groups only, and WDES has no training metric.
        _ => None,
    }
}

/// The input file of a kind.
fn file_of<'a>(inputs: &'a Inputs, kind: &str) -> Option<&'a InputFile> {
    match kind {
        "staff" => inputs.staff.as_ref(),
        "recruitment" => inputs.recruitment.as_ref(),
        "cases" => inputs.cases.as_ref(),
        "training" => inputs.training.as_ref(),
        "survey" => inputs.survey.as_ref(),
        "board" => inputs.board.as_ref(),
        _ => None,
    }
}

/// The header names tried for `field` of a row-level input `kind`, with the config's overrides.
fn tried(kind: &str, field: &str, overrides: &BTreeMap<String, String>) -> Vec<String> {
    let specs = match kind {
        "staff" => header_names::staff::FIELDS,
        "recruitment" => header_names::recruitment::FIELDS,
        "cases" => header_names::cases::FIELDS,
        "board" => header_names::board::FIELDS,
        _ => &[],
    };
    specs.iter().find(|s| s.name == field).map(|s| crate::read::names_tried(s, overrides)).unwrap_or_default()
}

/// Everything the inputs given lack for the standards asked for, in input order then WRES before WDES.
pub fn missing(records: &Records, inputs: &Inputs, standards: Standards) -> Vec<Missing> {
    let no_overrides = BTreeMap::new();
    let mut out = Vec::new();
    for q in &records.quality {
        for standard in standards.names() {
            let Some(lack) = lack(q, records, standard) else { continue };
            let field = field_of(standard);
            let overrides = file_of(inputs, q.kind).map_or(&no_overrides, |f| &f.columns);
            out.push(Missing {
                kind: q.kind,
                file: q.path.clone(),
                standard,
                field,
                lack,
                tried: if lack == Lack::Groups { Vec::new() } else { tried(q.kind, field, overrides) },
            });
        }
    }
    out
}

/// Why the figures of `standard` resting on the input `kind` cannot be computed, when that input was given and
/// lacks what they need (see [`missing`]); `None` when it has it or was not given.
pub fn lacking(records: &Records, kind: &str, standard: &str) -> Option<String> {
    let q = records.quality.iter().find(|q| q.kind == kind)?;
    let lack = lack(q, records, standard)?;
    let m = Missing {
        kind: q.kind,
        file: q.path.clone(),
        standard: if standard == "WDES" { "WDES" } else { "WRES" },
        field: field_of(standard),
        lack,
        tried: Vec::new(),
    };
    Some(m.reason())
}

/// The error for what the inputs lack (exit 3), with what to do: name the column in the config, or ask for the
/// other standard only.
pub fn error(missing: &[Missing], standards: Standards) -> crate::error::Error {
    let lines: Vec<String> = missing.iter().map(Missing::line).collect();
    let message = match lines.as_slice() {
        [one] => one.clone(),
        _ => format!("the inputs lack what the standards asked for need:\n  {}", lines.join("\n  ")),
    };
    let mut hints = Vec::new();
    if let Some(m) = missing.iter().find(|m| m.lack != Lack::Groups) {
        hints.push(format!(
            "if the column is there under another name, name it in the config file: [{}.columns] {} = \"Its header\"",
            m.kind, m.field
        ));
    }
    if missing.iter().any(|m| m.lack == Lack::Groups) {
        hints.push(
            "give the table's rows for each group (White and BME for WRES, Disabled and Non-disabled for WDES)"
                .to_string(),
        );
    }
    let lacking: Vec<&str> =
        standards.names().into_iter().filter(|s| missing.iter().any(|m| m.standard == *s)).collect();
    if let ([only], 2) = (lacking.as_slice(), standards.names().len()) {
        let other = if *only == "WRES" { "WDES" } else { "WRES" };
        hints.push(format!(
            "or, if the trust reports only {other} from these files, run with --standards {} ([report] standards = \
             [\"{}\"] in the config)",
            other.to_ascii_lowercase(),
            other.to_ascii_lowercase()
        ));
    }
    crate::error::Error::data(message).with_hint(hints.join("\n        "))
}
