//! `wres-wdes columns [INPUT]`: prints every column each input is read from, as the readers take them: the header
//! names accepted, whether the column is required, needed for WRES or WDES, or optional, and what it holds.
//! `--json` prints the same as JSON.

use std::process::ExitCode;

use clap::Args;

use super::{reference, Verbosity};
use crate::error::{Error, Result};
use crate::normalise::records::columns::inputs;

/// Arguments of `columns`.
#[derive(Debug, Args)]
pub struct ColumnsArgs {
    /// Only this input: staff, recruitment, cases, training, survey or board.
    #[arg(value_name = "INPUT")]
    pub input: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Runs `columns`.
pub fn run(args: ColumnsArgs, _verbosity: Verbosity) -> Result<ExitCode> {
    let mut list = inputs();
    if let Some(wanted) = &args.input {
        let known: Vec<&str> = list.iter().map(|i| i.input).collect();
        list.retain(|i| i.input.eq_ignore_ascii_case(wanted.trim()));
        if list.is_empty() {
            let mut names = known;
            names.dedup();
            return Err(Error::usage(format!("no input is called '{wanted}'"))
                .with_hint(format!("name one of: {}", names.join(", "))));
        }
    }
    let text = if args.json {
        let json =
            serde_json::to_string_pretty(&list).map_err(|e| Error::internal(format!("writing the JSON: {e}")))?;
        format!("{json}\n")
    } else {
        reference::columns_text(&list)
    };
    super::print_out(&text)?;
    Ok(ExitCode::SUCCESS)
}
