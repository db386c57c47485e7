//! The reference `columns` and `codes` print and `docs/inputs.md` holds, written from the readers' own tables
//! ([`crate::normalise::records::columns`], [`crate::normalise::listing`]): as plain text for the terminal and as
//! Markdown for the docs.

use std::fmt::Write as _;

use crate::error::Result;
use crate::normalise::listing::{coded_fields, Accepted, CodedField};
use crate::normalise::records::columns::{inputs, Input};

/// How header names are matched, in words.
pub const MATCHING: &str = "Header names are matched ignoring case, spaces and punctuation (\"Ethnic Origin\", \
                            \"ETHNIC_ORIGIN\" and \"ethnic origin \" are the same). The header row is the first row, \
                            among the first 20, holding the required columns; title rows above it are skipped and \
                            extra columns ignored. The config file can name any column: [staff] columns = { \
                            ethnicity = \"EO Code\" }.";

/// How values are matched, in words.
pub const VALUES: &str = "Values are matched ignoring case, spaces and punctuation unless a rule says otherwise. A \
                          value not recognised is counted, with its text, in the data-quality log (`wres-wdes \
                          check` lists them). Other values can be mapped to accepted ones in the config file: \
                          [mapping.ethnicity] \"White - Other European\" = \"C\" (the field names are those of \
                          the columns: ethnicity, pay_band, voting, measure, ...).";

fn shown_value(v: &str) -> &str {
    if v.is_empty() {
        "(blank)"
    } else {
        v
    }
}

/// The columns of the inputs (of one input when `only` names it), as text.
pub fn columns_text(list: &[Input]) -> String {
    let mut s = format!("{}\n", wrap(MATCHING, 0));
    for input in list {
        let _ = writeln!(s, "\n{} ({}): {}", input.input, input.form, input.about);
        for c in &input.columns {
            let _ = writeln!(s, "  {} ({}): {}", c.field, c.need.words(), c.names.join(", "));
            let mut about = c.about.to_string();
            if let Some(codes) = c.codes {
                about.push_str(&format!(" Values: `wres-wdes codes {codes}`."));
            }
            if !about.is_empty() {
                let _ = writeln!(s, "{}", wrap(about.trim(), 6));
            }
        }
    }
    s
}

/// The accepted values of coded fields, as text.
pub fn codes_text(fields: &[CodedField]) -> String {
    let mut s = format!("{}\n", wrap(VALUES, 0));
    for f in fields {
        let _ = writeln!(s, "\n{}: {}", f.field, f.about);
        let _ = writeln!(s, "  columns: {}", f.columns.join(", "));
        for rule in &f.rules {
            let _ = writeln!(s, "  - {}", wrap(rule, 4).trim_start());
        }
        for section in &f.sections {
            let _ = writeln!(s, "  {}:", section.title);
            let width = section.values.iter().map(|a| shown_value(&a.value).chars().count()).max().unwrap_or(0);
            for a in &section.values {
                let _ = writeln!(s, "    {:<width$}  -> {}", shown_value(&a.value), a.becomes);
                if let Some(note) = &a.note {
                    let _ = writeln!(s, "{}", wrap(note, 8));
                }
            }
        }
    }
    s
}

/// One value and what it becomes, as text.
pub fn value_text(field: &str, raw: &str, becomes: &str) -> String {
    format!("{field} '{raw}' -> {becomes}\n")
}

/// Text wrapped at 100 columns, each line indented.
fn wrap(text: &str, indent: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && indent + line.len() + 1 + word.len() > 100 {
            out.push_str(&format!("{}{line}\n", " ".repeat(indent)));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&format!("{}{line}", " ".repeat(indent)));
    out
}

/// A table cell in Markdown: pipes escaped, blank shown.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn code(text: &str) -> String {
    if text.is_empty() {
        "*(blank)*".to_string()
    } else {
        format!("`{}`", cell(text))
    }
}

fn values_md(s: &mut String, values: &[Accepted]) {
    let notes = values.iter().any(|a| a.note.is_some());
    if notes {
        s.push_str("| value | becomes | question |\n|---|---|---|\n");
    } else {
        s.push_str("| value | becomes |\n|---|---|\n");
    }
    for a in values {
        let _ = write!(s, "| {} | {} |", code(&a.value), cell(&a.becomes));
        if notes {
            let _ = write!(s, " {} |", cell(a.note.as_deref().unwrap_or_default()));
        }
        s.push('\n');
    }
}

/// `docs/inputs.md`: each input with its columns, then every coded field's accepted values
/// (`tests/inputs_doc.rs` keeps the file equal to it).
pub fn inputs_doc() -> Result<String> {
    let mut s = String::from(
        "# Inputs\n\n\
         <!-- Made from the readers' own tables: run `UPDATE_DOCS=1 cargo test --test inputs_doc` after changing a \
         reader, a classifier or indicators/survey.toml. `cargo test` fails while this file differs. -->\n\n\
         What wres-wdes reads: each input's columns (the header names accepted, and what each column is needed \
         for), then every coded column's accepted values and what each becomes. `wres-wdes columns` and \
         `wres-wdes codes` print the same from the program itself; `wres-wdes codes FIELD VALUE` says what one \
         value becomes.\n\n\
         Every input is a spreadsheet (xlsx, xlsm, xlsb, xls, ods) or a delimited text file (CSV: UTF-8 with or \
         without BOM, or Windows-1252; comma, semicolon or tab). Where an input has an aggregated form, a file \
         holding its columns is read as aggregated counts.\n\n",
    );
    let _ = writeln!(s, "{MATCHING}\n\n## Columns\n");
    for input in inputs() {
        let _ = writeln!(s, "### {} ({})\n\n{}\n", input.input, input.form, input.about);
        s.push_str("| column | needed | header names accepted | what it holds |\n|---|---|---|---|\n");
        for c in &input.columns {
            let mut about = cell(c.about);
            if let Some(codes) = c.codes {
                about.push_str(&format!(" Values: [{codes}](#{codes})."));
            }
            let names: Vec<String> = c.names.iter().map(|n| code(n)).collect();
            let _ = writeln!(s, "| `{}` | {} | {} | {} |", c.field, c.need.words(), names.join(", "), about.trim());
        }
        s.push('\n');
    }
    let _ = writeln!(s, "## Accepted values\n\n{VALUES}\n");
    for f in coded_fields()? {
        let _ = writeln!(s, "### {}\n\n{} Columns: {}.\n", f.field, f.about, f.columns.join(", "));
        for rule in &f.rules {
            let _ = writeln!(s, "- {}", rule);
        }
        if !f.rules.is_empty() {
            s.push('\n');
        }
        for section in &f.sections {
            let _ = writeln!(s, "#### {}\n", section.title);
            values_md(&mut s, &section.values);
            s.push('\n');
        }
    }
    while s.ends_with("\n\n") {
        s.pop();
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping() {
        let w = wrap(&"word ".repeat(40), 4);
        assert!(w.lines().all(|l| l.len() <= 100 && l.starts_with("    ")));
        assert_eq!(w.split_whitespace().count(), 40);
        assert_eq!(cell("NHS|XR05"), "NHS\\|XR05");
        assert_eq!(code(""), "*(blank)*");
    }
}
