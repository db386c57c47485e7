//! A compact map from person key to position in the staff snapshot: at national scale (1.5 million people) it is
//! the largest thing the tool holds, so it is an open-addressing table of 8-byte slots (a position and 32 bits of
//! the key, at most 3/4 full) over the keys kept in insertion order (8 bytes a person). A probe compares the key
//! bits in the slot, so a lookup touches one cache line of the table and the key list only on a likely match.

use super::person::PersonKey;

/// A slot: the position in the low 32 bits (`EMPTY` when free), the key's low 32 bits above.
const EMPTY: u64 = u32::MAX as u64;

/// Positions by person key; positions are handed out 0, 1, 2, ... in insertion order.
#[derive(Debug, Clone, Default)]
pub struct PersonIndex {
    /// The key at each position.
    keys: Vec<PersonKey>,
    /// Open addressing, linear probing: see [`EMPTY`]. Its length is a power of two (or zero).
    slots: Vec<u64>,
}

impl PersonIndex {
    /// The position of `key`, if inserted.
    ///
    /// ```
    /// use wres_wdes::normalise::records::index::PersonIndex;
    /// let mut index = PersonIndex::default();
    /// assert_eq!(index.insert(42), 0);
    /// assert_eq!(index.insert(7), 1);
    /// assert_eq!(index.get(7), Some(1));
    /// assert_eq!(index.get(8), None);
    /// ```
    pub fn get(&self, key: PersonKey) -> Option<u32> {
        let mask = self.slots.len().checked_sub(1)?;
        // Keys are already hashes: a multiply spreads any structure left in the low bits.
        let mut i = spread(key) & mask;
        loop {
            let slot = *self.slots.get(i)?;
            if slot == EMPTY {
                return None;
            }
            let position = slot as u32;
            if slot >> 32 == key & 0xFFFF_FFFF && self.keys.get(position as usize) == Some(&key) {
                return Some(position);
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds `key` (which must not be present) and returns its position.
    pub fn insert(&mut self, key: PersonKey) -> u32 {
        if (self.keys.len() + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let position = self.keys.len() as u32;
        self.keys.push(key);
        place(&mut self.slots, key, position);
        position
    }

    /// How many keys.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Frees spare capacity of the key list.
    pub fn shrink_to_fit(&mut self) {
        self.keys.shrink_to_fit();
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        self.slots = vec![EMPTY; size];
        for (position, key) in self.keys.iter().enumerate() {
            place(&mut self.slots, *key, position as u32);
        }
    }
}

/// Puts `position` in the first free slot from `key`'s home slot on; `slots` is a power of two long, not full.
fn place(slots: &mut [u64], key: PersonKey, position: u32) {
    let mask = slots.len().wrapping_sub(1);
    let mut i = spread(key) & mask;
    while let Some(slot) = slots.get_mut(i) {
        if *slot == EMPTY {
            *slot = (key << 32) | u64::from(position);
            return;
        }
        i = (i + 1) & mask;
    }
}

fn spread(key: PersonKey) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_keys() {
        let mut index = PersonIndex::default();
        let keys: Vec<u64> = (0..100_000u64).map(|i| i.wrapping_mul(0x1234_5678_9abc_def1) ^ (i << 40)).collect();
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(index.get(*k), None);
            assert_eq!(index.insert(*k), i as u32);
        }
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(index.get(*k), Some(i as u32));
        }
        assert_eq!(index.len(), keys.len());
        assert_eq!(index.get(3), None);
    }
}
