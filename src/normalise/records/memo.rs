//! Memoised classification: extracts hold a handful of distinct values per coded column (a few dozen ethnic
//! origins, bands, staff groups) repeated over every row, so each column's classifier runs once per distinct
//! value and every other row costs one hash lookup.

use std::collections::HashMap;

/// Distinct values remembered per column; past this (a column of free text) values are classified each time, so
/// memory stays bounded whatever the file holds.
const LIMIT: usize = 4096;

/// The hasher of the memo tables: rustc's Fx hash, fast on short keys. Keys come from one input and only speed
/// up lookups, so flooding one would only slow that run down.
pub type FxBuild = rustc_hash::FxBuildHasher;

/// One column's classifications by raw text.
#[derive(Debug, Clone)]
pub struct Memo<T> {
    seen: HashMap<Box<str>, T, FxBuild>,
}

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo { seen: HashMap::default() }
    }
}

impl<T: Copy> Memo<T> {
    /// The classification of `raw`: remembered, or `classify(raw)` (then remembered while under the limit).
    ///
    /// ```
    /// use wres_wdes::normalise::records::memo::Memo;
    /// let mut memo = Memo::default();
    /// let mut calls = 0;
    /// for raw in ["Yes", "No", "Yes", "Yes"] {
    ///     memo.get(raw, |r| { calls += 1; r == "Yes" });
    /// }
    /// assert_eq!(calls, 2);
    /// ```
    #[inline]
    pub fn get(&mut self, raw: &str, classify: impl FnOnce(&str) -> T) -> T {
        if let Some(value) = self.seen.get(raw) {
            return *value;
        }
        let value = classify(raw);
        if self.seen.len() < LIMIT {
            self.seen.insert(raw.into(), value);
        }
        value
    }
}
