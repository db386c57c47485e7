//! The staff snapshot's rows packed in 16 bytes each, so memory grows with the number of rows, not the file's size.
//!
//! A row is one `u128`:
//!
//! | bits | what |
//! |---|---|
//! | 127-65 | the person key, less its lowest bit (63 bits: two of 1.5 million ids collide with odds of about 1 in 8 million) |
//! | 64 | 1 when the row is **not** flagged primary |
//! | 63-32 | pay in pence ([`PersonPay::pence`]) |
//! | 31-16 | FTE in thousandths |
//! | 15-0 | the row's [`Attrs`], as an index into an [`Interner`] |
//!
//! Sorting rows stably by their top 64 bits groups each person's rows, primary rows first, each group in file
//! order: the first row of a group is the one kept when a person counts once (primary row, else the first).

use super::pay::{PayBasis, PersonPay};
use super::person::PersonKey;
use super::staff::Person;
use crate::normalise::codes::gender::Gender;
use crate::normalise::codes::{BroadGroup, Disability, Ethnicity, MedicalGrade, PayBand, PayRow, Workforce};

/// A person's coded attributes: everything of a [`Person`] but the pay amount and FTE. An extract holds a few
/// hundred distinct combinations; every combination there can be is fewer than 65,536.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Attrs {
    ethnicity: Ethnicity,
    broad: Option<BroadGroup>,
    disability: Disability,
    workforce: Workforce,
    row: PayRow,
    gender: Gender,
    basis: PayBasis,
}

/// How many values each attribute of [`Attrs`] takes: the bases of the digits of [`Attrs::dense`].
const ETHNICITIES: usize = Ethnicity::ALL.len();
/// No broad group, or one of them.
const BROAD_GROUPS: usize = BroadGroup::ALL.len() + 1;
const DISABILITIES: usize = Disability::ALL.len();
const WORKFORCES: usize = Workforce::ALL.len();
/// A band, a medical subgroup, or Other.
const PAY_ROWS: usize = PayBand::ALL.len() + MedicalGrade::ALL.len() + 1;
const GENDERS: usize = Gender::ALL.len();
const PAY_BASES: usize = PayBasis::ALL.len();

/// How many [`Attrs`] there can be: the product of the number of values of each attribute.
const COMBINATIONS: usize = ETHNICITIES * BROAD_GROUPS * DISABILITIES * WORKFORCES * PAY_ROWS * GENDERS * PAY_BASES;

// A row keeps its attributes' index in 16 bits: a value added to any of them must still leave every combination
// an index (the build fails here otherwise).
const _: () = assert!(COMBINATIONS <= 1 << 16, "every Attrs combination must have a 16-bit index");

impl Attrs {
    /// A number below [`COMBINATIONS`], different for every combination.
    #[inline]
    fn dense(&self) -> usize {
        let broad = self.broad.map_or(0, |b| b as usize + 1);
        let row = match self.row {
            PayRow::Band(b) => b as usize,
            PayRow::Medical(g) => PayBand::ALL.len() + g as usize,
            PayRow::Other => PayBand::ALL.len() + MedicalGrade::ALL.len(),
        };
        let digits = [
            (self.ethnicity as usize, ETHNICITIES),
            (broad, BROAD_GROUPS),
            (self.disability as usize, DISABILITIES),
            (self.workforce as usize, WORKFORCES),
            (row, PAY_ROWS),
            (self.gender as usize, GENDERS),
            (self.basis as usize, PAY_BASES),
        ];
        digits.iter().fold(0, |code, &(digit, base)| code * base + digit)
    }
}

/// The distinct [`Attrs`] seen, each with a 16-bit index.
#[derive(Debug, Clone, Default)]
pub struct Interner {
    attrs: Vec<Attrs>,
    /// By [`Attrs::dense`]: the index plus one, 0 when not seen (empty until the first is added).
    ids: Vec<u16>,
}

impl Interner {
    /// The index of `attrs`, added when new.
    #[inline]
    fn id(&mut self, attrs: Attrs) -> u16 {
        let code = attrs.dense();
        if let Some(id) = self.ids.get(code).and_then(|id| id.checked_sub(1)) {
            return id;
        }
        if self.ids.is_empty() {
            self.ids = vec![0; COMBINATIONS];
        }
        // No more combinations exist than 16 bits count (asserted with COMBINATIONS), so this never saturates.
        let id = u16::try_from(self.attrs.len()).unwrap_or(u16::MAX - 1);
        self.attrs.push(attrs);
        if let Some(slot) = self.ids.get_mut(code) {
            *slot = id + 1;
        }
        id
    }

    /// How many distinct attribute combinations: the indexes are `0..len`.
    pub fn len(&self) -> usize {
        self.attrs.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.attrs.is_empty()
    }

    /// The attributes behind an index.
    fn get(&self, id: u16) -> Option<&Attrs> {
        self.attrs.get(usize::from(id))
    }

    /// Re-indexes rows packed against `other` to this interner (merging the parts of a file read in parallel).
    pub fn adopt(&mut self, other: &Interner, rows: &mut [u128]) {
        let map: Vec<u16> = other.attrs.iter().map(|a| self.id(*a)).collect();
        for row in rows {
            let old = (*row & 0xFFFF) as usize;
            let new = map.get(old).copied().unwrap_or(0);
            *row = (*row & !0xFFFF) | u128::from(new);
        }
    }
}

/// How many rows a block of [`Rows`] holds: 1 MiB.
const BLOCK: usize = 1 << 16;

/// Packed rows as they are read, in blocks of a fixed size: growing never copies or frees a block, so the heap
/// does not fragment while a large extract streams in (a doubling `Vec` would leave its old buffers behind).
#[derive(Debug, Clone, Default)]
pub struct Rows {
    blocks: Vec<Vec<u128>>,
}

impl Rows {
    /// Adds a row.
    pub fn push(&mut self, row: u128) {
        match self.blocks.last_mut() {
            Some(block) if block.len() < BLOCK => block.push(row),
            _ => {
                let mut block = Vec::with_capacity(BLOCK);
                block.push(row);
                self.blocks.push(block);
            }
        }
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.blocks.iter().map(Vec::len).sum()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.blocks.iter().all(Vec::is_empty)
    }

    /// Re-indexes the rows against `to` (see [`Interner::adopt`]).
    pub fn adopt(&mut self, to: &mut Interner, from: &Interner) {
        for block in &mut self.blocks {
            to.adopt(from, block);
        }
    }

    /// Appends another part's rows.
    pub fn append(&mut self, other: Rows) {
        self.blocks.extend(other.blocks);
    }

    /// The rows, block by block (in order), each block a vector of at most 65,536 rows.
    ///
    /// ```
    /// use wres_wdes::normalise::records::packed::Rows;
    /// let mut rows = Rows::default();
    /// (0..70_000u128).for_each(|r| rows.push(r));
    /// let blocks = rows.into_blocks();
    /// assert_eq!(blocks.iter().map(Vec::len).collect::<Vec<_>>(), vec![65_536, 4_464]);
    /// assert_eq!(blocks[1][4_463], 69_999);
    /// ```
    pub fn into_blocks(self) -> Vec<Vec<u128>> {
        self.blocks
    }
}

/// Packs a row.
///
/// ```
/// use wres_wdes::normalise::records::packed::{pack, unpack, Interner};
/// use wres_wdes::normalise::codes::{gender::Gender, Disability, Ethnicity, PayBand, PayRow, Workforce};
/// use wres_wdes::normalise::records::pay::{PayBasis, PersonPay};
/// use wres_wdes::normalise::records::staff::Person;
/// let mut interner = Interner::default();
/// let person = Person {
///     ethnicity: Ethnicity::Bme,
///     broad: None,
///     disability: Disability::Unknown,
///     workforce: Workforce::Clinical,
///     row: PayRow::Band(PayBand::Band5),
///     gender: Gender::Female,
///     pay: PersonPay::new(31_500.0, PayBasis::Annual, Some(1.0)),
/// };
/// let row = pack(0xDEAD_BEEF, true, &person, &mut interner);
/// assert_eq!(unpack(row, &interner), person);
/// ```
pub fn pack(key: PersonKey, primary: bool, person: &Person, interner: &mut Interner) -> u128 {
    let attrs = Attrs {
        ethnicity: person.ethnicity,
        broad: person.broad,
        disability: person.disability,
        workforce: person.workforce,
        row: person.row,
        gender: person.gender,
        basis: person.pay.basis,
    };
    let id = interner.id(attrs);
    (u128::from(key >> 1) << 65)
        | (u128::from(!primary) << 64)
        | (u128::from(person.pay.pence) << 32)
        | (u128::from(person.pay.fte_milli) << 16)
        | u128::from(id)
}

/// The person of a packed row.
pub fn unpack(row: u128, interner: &Interner) -> Person {
    let id = (row & 0xFFFF) as u16;
    let attrs = interner.get(id).copied().unwrap_or(Attrs {
        ethnicity: Ethnicity::Unknown,
        broad: None,
        disability: Disability::Unknown,
        workforce: Workforce::Clinical,
        row: PayRow::Other,
        gender: Gender::Unknown,
        basis: PayBasis::None,
    });
    Person {
        ethnicity: attrs.ethnicity,
        broad: attrs.broad,
        disability: attrs.disability,
        workforce: attrs.workforce,
        row: attrs.row,
        gender: attrs.gender,
        pay: pay_on(row, attrs.basis),
    }
}

/// The pay of a packed row: [`unpack`]'s `pay`, without the rest.
///
/// ```
/// use wres_wdes::normalise::codes::{gender::Gender, Disability, Ethnicity, PayRow, Workforce};
/// use wres_wdes::normalise::records::packed::{pack, pay, unpack, Interner};
/// use wres_wdes::normalise::records::pay::{PayBasis, PersonPay};
/// use wres_wdes::normalise::records::staff::Person;
/// let person = Person {
///     ethnicity: Ethnicity::Bme,
///     broad: None,
///     disability: Disability::Unknown,
///     workforce: Workforce::Medical,
///     row: PayRow::Other,
///     gender: Gender::Female,
///     pay: PersonPay::new(61_234.5, PayBasis::Annual, Some(0.8)),
/// };
/// let mut interner = Interner::default();
/// let row = pack(42, true, &person, &mut interner);
/// assert_eq!(pay(row, &interner), person.pay);
/// assert_eq!(pay(row, &interner), unpack(row, &interner).pay);
/// ```
pub fn pay(row: u128, interner: &Interner) -> PersonPay {
    pay_on(row, interner.get((row & 0xFFFF) as u16).map_or(PayBasis::None, |a| a.basis))
}

/// The pay amount and FTE of a packed row, on `basis`.
fn pay_on(row: u128, basis: PayBasis) -> PersonPay {
    PersonPay { pence: (row >> 32) as u32, fte_milli: (row >> 16) as u16, basis }
}

/// The index of a row's [`Attrs`] in its interner.
pub fn attrs_id(row: u128) -> usize {
    (row & 0xFFFF) as usize
}

/// The sort word of a row: the person (63 bits), then 0 for a primary row.
pub fn sort_word(row: u128) -> u64 {
    (row >> 64) as u64
}

/// The person part of a row's key, comparable with [`key_part`] of a [`PersonKey`].
pub fn row_key(row: u128) -> u64 {
    (row >> 65) as u64
}

/// The part of a person key a row keeps.
pub fn key_part(key: PersonKey) -> u64 {
    key >> 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::codes::MedicalGrade;
    use proptest::prelude::*;

    fn any_person() -> impl Strategy<Value = Person> {
        (0..3usize, 0..6usize, 0..3usize, 0..3usize, 0..19usize, 0..3usize, any::<u32>(), any::<u16>(), 0..3usize)
            .prop_map(|(e, b, d, w, r, g, pence, fte, basis)| Person {
                ethnicity: [Ethnicity::White, Ethnicity::Bme, Ethnicity::Unknown][e],
                broad: [
                    None,
                    Some(BroadGroup::White),
                    Some(BroadGroup::Asian),
                    Some(BroadGroup::Black),
                    Some(BroadGroup::Mixed),
                    Some(BroadGroup::Other),
                ][b],
                disability: [Disability::Disabled, Disability::NonDisabled, Disability::Unknown][d],
                workforce: [Workforce::NonClinical, Workforce::Clinical, Workforce::Medical][w],
                row: match r {
                    0 => PayRow::Other,
                    1..=4 => PayRow::Medical(
                        [
                            MedicalGrade::Consultant,
                            MedicalGrade::NonConsultantCareerGrade,
                            MedicalGrade::Trainee,
                            MedicalGrade::Other,
                        ][r - 1],
                    ),
                    _ => PayRow::Band(PayBand::ALL[(r - 5) % PayBand::ALL.len()]),
                },
                gender: Gender::ALL[g],
                pay: PersonPay {
                    pence,
                    fte_milli: fte,
                    basis: [PayBasis::None, PayBasis::Hourly, PayBasis::Annual][basis],
                },
            })
    }

    proptest! {
        #[test]
        fn a_row_unpacks_to_its_person(person in any_person(), key in any::<u64>(), primary in any::<bool>()) {
            let mut interner = Interner::default();
            let row = pack(key, primary, &person, &mut interner);
            prop_assert_eq!(unpack(row, &interner), person);
            prop_assert_eq!(row_key(row), key_part(key));
            prop_assert_eq!(sort_word(row) & 1 == 0, primary);
        }

        /// Different attributes have different dense codes, each below the number of combinations.
        #[test]
        fn dense_codes_tell_attributes_apart(a in any_person(), b in any_person()) {
            let attrs = |p: &Person| Attrs {
                ethnicity: p.ethnicity, broad: p.broad, disability: p.disability, workforce: p.workforce,
                row: p.row, gender: p.gender, basis: p.pay.basis,
            };
            let (x, y) = (attrs(&a), attrs(&b));
            prop_assert!(x.dense() < COMBINATIONS && y.dense() < COMBINATIONS);
            prop_assert_eq!(x.dense() == y.dense(), x == y);
        }

        #[test]
        fn adopting_keeps_people(people in proptest::collection::vec(any_person(), 1..40)) {
            let (mut a, mut b) = (Interner::default(), Interner::default());
            let _ = pack(1, true, &people[people.len() - 1], &mut a);
            let mut rows: Vec<u128> = people.iter().enumerate().map(|(i, p)| pack(i as u64, false, p, &mut b)).collect();
            a.adopt(&b, &mut rows);
            for (row, person) in rows.iter().zip(&people) {
                prop_assert_eq!(unpack(*row, &a), *person);
            }
        }
    }
}
