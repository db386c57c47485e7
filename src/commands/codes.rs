//! `wres-wdes codes [FIELD] [VALUE]`: prints every value each coded column accepts and what it becomes (so
//! "Mixed - Other" shows as BME), from the classifiers' own tables, and the rules of the classifiers that read a
//! value by its shape. With a FIELD, that field only (a column's name finds its field: `codes voting`); with a
//! VALUE too, what the reader makes of that value. `--json` prints the lists as JSON.

use std::process::ExitCode;

use clap::Args;

use super::{reference, Verbosity};
use crate::error::{Error, Result};
use crate::normalise::listing::{becomes, coded_fields};

/// Arguments of `codes`.
#[derive(Debug, Args)]
pub struct CodesArgs {
    /// Only this coded field (or the field of this column): ethnicity, disability, pay_band, grade, staff_group,
    /// assignment_category, gender, yes_no, shortlisted, appointed, case_type, measure, survey_group, group.
    #[arg(value_name = "FIELD")]
    pub field: Option<String>,
    /// A value to classify as the reader would (with FIELD).
    #[arg(value_name = "VALUE", requires = "field")]
    pub value: Option<String>,
    /// A survey year, whose question numbers a measure VALUE follows.
    #[arg(long, value_name = "YEAR", requires = "value")]
    pub year: Option<i32>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Runs `codes`.
pub fn run(args: CodesArgs, _verbosity: Verbosity) -> Result<ExitCode> {
    let mut fields = coded_fields()?;
    if let Some(wanted) = &args.field {
        let wanted = wanted.trim().to_ascii_lowercase();
        let names: Vec<&str> = fields.iter().map(|f| f.field).collect();
        let hint = format!("name one of: {} (or a column: voting, mandatory, ...)", names.join(", "));
        let column = |f: &&crate::normalise::listing::CodedField| {
            f.field == wanted || f.columns.iter().any(|c| c.split(' ').next() == Some(wanted.as_str()))
        };
        let Some(found) = fields.iter().find(|f| f.field == wanted).or_else(|| fields.iter().find(column)) else {
            return Err(Error::usage(format!("no coded field is called '{wanted}'")).with_hint(hint));
        };
        let field = found.field;
        if let Some(raw) = &args.value {
            let what = becomes(field, raw, args.year).unwrap_or_default();
            super::print_out(&reference::value_text(field, raw, &what))?;
            return Ok(ExitCode::SUCCESS);
        }
        fields.retain(|f| f.field == field);
    }
    let text = if args.json {
        let json =
            serde_json::to_string_pretty(&fields).map_err(|e| Error::internal(format!("writing the JSON: {e}")))?;
        format!("{json}\n")
    } else {
        reference::codes_text(&fields)
    };
    super::print_out(&text)?;
    Ok(ExitCode::SUCCESS)
}
