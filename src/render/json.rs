//! The JSON results (`--json`): the [`Results`] serialised as `outputs.md` describes, pretty-printed, with a
//! trailing newline. Deterministic: field order is the struct order, maps are sorted.

use crate::compute::results::Results;
use crate::error::{Error, Result};

/// The results as JSON text.
pub fn to_string(results: &Results) -> Result<String> {
    let mut s =
        serde_json::to_string_pretty(results).map_err(|e| Error::io(format!("internal error writing JSON: {e}")))?;
    s.push('\n');
    Ok(s)
}
