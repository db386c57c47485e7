//! Memoised classification: extracts hold a handful of distinct values per coded column (a few dozen ethnic
//! origins, bands, staff groups) repeated over every row, so each column's classifier runs once per distinct
//! value and every other row costs one hash lookup.

use crate::read::Fields;

/// Distinct values remembered per column; past this (a column of free text) values are classified each time, so
/// memory stays bounded whatever the file holds.
const LIMIT: usize = 4096;

/// The hasher of the memo tables: rustc's Fx hash, fast on short keys. Keys come from one input and only speed
/// up lookups, so flooding one would only slow that run down.
pub type FxBuild = rustc_hash::FxBuildHasher;

/// One column's classifications by raw text.
///
/// An open-addressing table (linear probing, at most half full) of indexes into the entries, each entry keeping
/// its key's hash: a lookup hashes the text once, and compares bytes only with an entry of the same 64-bit hash,
/// eight at a time in line (no call for the usual short code).
#[derive(Debug, Clone)]
pub struct Memo<T> {
    /// 0 for an empty slot, else an index into `entries` plus one.
    slots: Vec<u32>,
    /// Each key's hash, its bytes, and its classification.
    entries: Vec<(u64, Box<[u8]>, T)>,
}

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo { slots: Vec::new(), entries: Vec::new() }
    }
}

/// The hash of a memo key.
#[inline]
fn hash(raw: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    FxBuild::default().hash_one(raw)
}

/// Whether two byte strings are equal, compared eight bytes at a time.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    let word = |c: &[u8]| u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
    for (p, q) in (&mut x).zip(&mut y) {
        if word(p) != word(q) {
            return false;
        }
    }
    x.remainder().iter().zip(y.remainder()).all(|(p, q)| p == q)
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
        self.by_key(raw.as_bytes(), || classify(raw))
    }

    /// The classification of field `field` of `row`, `classify` getting its text (trimmed, `""` when blank).
    ///
    /// A delimited file's field is looked up by its bytes as the file holds them ([`Fields::file_bytes`]), so a
    /// value seen before costs no text at all; a workbook's by its text. Equal bytes of one file are equal text, so
    /// a memo serves one file (or parts of one file).
    ///
    /// ```
    /// use wres_wdes::normalise::records::memo::Memo;
    /// use wres_wdes::read::{Cell, Fields};
    /// let cells = [Cell::Text(" Yes ".into()), Cell::Empty];
    /// let row = Fields::from_cells("Staff", 2, &cells);
    /// let mut memo = Memo::default();
    /// assert!(memo.field(&row, 0, |t| t == "Yes"));
    /// assert!(!memo.field(&row, 1, |t| t == "Yes"));
    /// ```
    #[inline]
    pub fn field(&mut self, row: &Fields<'_>, field: usize, classify: impl FnOnce(&str) -> T) -> T {
        match row.file_bytes(field) {
            Some(bytes) => self.by_key(bytes, || classify(&row.text(field).unwrap_or_default())),
            None => self.get(&row.text(field).unwrap_or_default(), classify),
        }
    }

    /// The classification remembered under `key`, or `classify()` (then remembered while under the limit).
    #[inline]
    fn by_key(&mut self, key: &[u8], classify: impl FnOnce() -> T) -> T {
        let h = hash(key);
        if let Some(value) = self.find(h, key) {
            return value;
        }
        let value = classify();
        if self.entries.len() < LIMIT {
            self.insert(h, key, value);
        }
        value
    }

    /// The remembered classification of `raw` (of hash `h`).
    #[inline]
    fn find(&self, h: u64, raw: &[u8]) -> Option<T> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = h as usize & mask;
        while let Some(&slot) = self.slots.get(i) {
            let (key_hash, key, value) = slot.checked_sub(1).and_then(|e| self.entries.get(e as usize))?;
            if *key_hash == h && same(key, raw) {
                return Some(*value);
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// Adds an entry (known to be absent), growing the table to keep it at most half full.
    fn insert(&mut self, h: u64, raw: &[u8], value: T) {
        self.entries.push((h, raw.into(), value));
        if self.entries.len() * 2 > self.slots.len() {
            self.slots = vec![0; (self.entries.len() * 2).next_power_of_two().max(16)];
            for (e, (key_hash, _, _)) in self.entries.iter().enumerate() {
                place(&mut self.slots, *key_hash, e);
            }
        } else {
            place(&mut self.slots, h, self.entries.len() - 1);
        }
    }
}

/// Puts entry `e` of hash `h` in the first free slot from its own.
fn place(slots: &mut [u32], h: u64, e: usize) {
    let mask = slots.len().wrapping_sub(1);
    let mut i = h as usize & mask;
    while let Some(slot) = slots.get_mut(i) {
        if *slot == 0 {
            *slot = e as u32 + 1;
            return;
        }
        i = (i + 1) & mask;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A memo answers as its classifier does, whatever the keys (colliding slots, growth, the limit).
        #[test]
        fn a_memo_answers_as_the_classifier(keys in proptest::collection::vec("[a-c ]{0,20}", 0..300)) {
            let mut memo = Memo::default();
            let classify = |raw: &str| raw.len() * 31 + raw.bytes().map(usize::from).sum::<usize>();
            for key in keys.iter().chain(&keys) {
                prop_assert_eq!(memo.get(key, classify), classify(key));
            }
        }

        #[test]
        fn same_is_equality(
            a in proptest::collection::vec(0u8..3, 0..40),
            b in proptest::collection::vec(0u8..3, 0..40),
        ) {
            prop_assert_eq!(same(&a, &b), a == b);
            prop_assert!(same(&a, &a));
        }
    }

    /// A delimited file's fields, looked up by their bytes (padded, blank, accented, repeated), classify as their
    /// text does.
    #[test]
    fn fields_of_a_delimited_file_classify_as_their_text() {
        use crate::read::{read_table_parts, FieldSpec, TableRequest};
        const FIELDS: &[FieldSpec] = &[FieldSpec { name: "code", aliases: &["Code"], required: true }];
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("t.csv");
        std::fs::write(&path, b"Code,Other\n A ,1\nA,2\n\t,3\nA ,4\n\xE9 ,5\n,6\n A ,7\n\xE9,8\n").expect("write");
        let overrides = std::collections::BTreeMap::new();
        let request =
            TableRequest { path: &path, fields: FIELDS, sheet: None, prefer_sheet: None, overrides: &overrides };
        let classify = |t: &str| format!("<{t}>");
        let init = || (Memo::<usize>::default(), Vec::new());
        let (_, parts) = read_table_parts(&request, &init, &|(memo, seen): &mut (Memo<usize>, Vec<_>), row| {
            // (The classification is an index into the texts seen, so the memo's value is checked by text.)
            let text = classify(&row.text(0).unwrap_or_default());
            let index = memo.field(row, 0, |t| {
                seen.push(classify(t));
                seen.len() - 1
            });
            assert_eq!(seen[index], text, "line {}", row.line());
            seen.push(text);
            Ok(())
        })
        .expect("reads");
        // Six rows handed on (two are blank in the column), and five distinct byte strings each classified once
        // (` A ` twice): `A`, ` A ` and `A ` separately, though they are the same text.
        let seen: usize = parts.iter().map(|(_, seen)| seen.len()).sum();
        assert_eq!(seen, 6 + 5);
    }

    #[test]
    fn the_limit_bounds_what_is_kept() {
        let mut memo = Memo::default();
        for i in 0..LIMIT + 10 {
            assert_eq!(memo.get(&i.to_string(), |r| r.len()), i.to_string().len());
        }
        assert_eq!(memo.entries.len(), LIMIT);
        assert_eq!(memo.get("5", |_| 99), 1);
        assert_eq!(memo.get(&(LIMIT + 5).to_string(), |_| 99), 99);
    }
}
