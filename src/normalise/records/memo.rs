//! Memoised classification: extracts hold a handful of distinct values per coded column (a few dozen ethnic
//! origins, bands, staff groups) repeated over every row, so each column's classifier runs once per distinct
//! value and every other row costs one hash lookup.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Distinct values remembered per column; past this (a column of free text) values are classified each time, so
/// memory stays bounded whatever the file holds.
const LIMIT: usize = 4096;

/// A fast non-cryptographic hasher (the Fx hash of rustc) for short keys from the file. Keys come from one input
/// and only speed up lookups, so flooding one would only slow that run down.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word.iter_mut().zip(rest).for_each(|(w, b)| *w = *b);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Builds [`FxHasher`]s.
pub type FxBuild = BuildHasherDefault<FxHasher>;

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
