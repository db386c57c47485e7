//! The JSON results (`--json`): the [`Results`](crate::compute::results::Results) serialised as docs/outputs.md
//! describes (and the batch roll-up and summary), pretty-printed, with a trailing newline. Deterministic: field
//! order is the struct order, maps are sorted.

use serde::Serialize;

use crate::error::{Error, Result};

/// Any result as JSON text.
///
/// ```
/// assert_eq!(wres_wdes::render::json::to_string(&[1, 2]).unwrap(), "[\n  1,\n  2\n]\n");
/// ```
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    let mut s = serde_json::to_string_pretty(value).map_err(|e| Error::internal(format!("writing the JSON: {e}")))?;
    s.push('\n');
    Ok(s)
}
