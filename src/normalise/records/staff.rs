//! The workforce snapshot: one record per person in the substantive workforce (the workforce rules of docs/method.md).
//!
//! In this order: rows with assignment category Bank, Honorary or Agency are excluded; then rows in the Students
//! staff group; then a person counts once: the remaining row flagged primary, else the first remaining row.

use std::collections::{BTreeMap, HashMap};

use super::header_names::staff as f;
use super::memo::{FxBuild, Memo};
use super::packed::{self, Interner};
use super::person;
use super::{read_rows_parts, InputFile};
use crate::error::Result;
use crate::normalise::codes::{
    band, disability, ethnicity, grade, staff_group, yes_no, BandValue, BroadGroup, Disability, Ethnicity,
    EthnicityClass, PayRow, StaffGroup, Workforce,
};
use crate::normalise::mapping::ValueMappings;
use crate::normalise::quality::{InputQuality, QualityLog};
use crate::read::Fields;

/// One person in the workforce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Person {
    /// White / BME / Unknown.
    pub ethnicity: Ethnicity,
    /// Census broad group, when known.
    pub broad: Option<BroadGroup>,
    /// Disabled / Non-disabled / Unknown.
    pub disability: Disability,
    /// Non-clinical, clinical or medical.
    pub workforce: Workforce,
    /// The WRES 1 row.
    pub row: PayRow,
    /// Gender (optional field; for the pay gaps).
    pub gender: crate::normalise::codes::gender::Gender,
    /// Pay as given (optional fields; for the pay gaps).
    pub pay: super::pay::PersonPay,
}

/// The workforce at the snapshot date, one record per person, held packed (16 bytes a person, see
/// [`super::packed`]) in person-key order.
///
/// ```
/// use wres_wdes::normalise::codes::{gender::Gender, Disability, Ethnicity, PayBand, PayRow, Workforce};
/// use wres_wdes::normalise::records::pay::PersonPay;
/// use wres_wdes::normalise::records::staff::{Person, StaffSnapshot};
/// let nurse = Person {
///     ethnicity: Ethnicity::Bme,
///     broad: None,
///     disability: Disability::NonDisabled,
///     workforce: Workforce::Clinical,
///     row: PayRow::Band(PayBand::Band5),
///     gender: Gender::Female,
///     pay: PersonPay::default(),
/// };
/// let mut staff = StaffSnapshot::default();
/// staff.extend([nurse, nurse]);
/// assert_eq!(staff.len(), 2);
/// assert_eq!(staff.person(1), Some(nurse));
/// assert_eq!(staff.people().filter(|p| p.ethnicity == Ethnicity::Bme).count(), 2);
/// ```
#[derive(Debug, Clone, Default)]
pub struct StaffSnapshot {
    /// One packed row per person, sorted by key.
    rows: Vec<u128>,
    /// The attribute combinations the rows refer to.
    interner: Interner,
    /// [`StaffSnapshot::tally`], counted the first time it is asked for.
    tally: std::sync::OnceLock<Vec<(Person, u64)>>,
}

impl StaffSnapshot {
    /// Every person, in person-key order (a position is an index into this order).
    pub fn people(&self) -> impl ExactSizeIterator<Item = Person> + Clone + '_ {
        self.rows.iter().map(|r| packed::unpack(*r, &self.interner))
    }

    /// [`StaffSnapshot::people`] on every core, in the same order when collected.
    ///
    /// ```
    /// use rayon::prelude::*;
    /// use wres_wdes::normalise::records::staff::StaffSnapshot;
    /// let staff = StaffSnapshot::default();
    /// assert_eq!(staff.par_people().count(), staff.people().count());
    /// ```
    pub fn par_people(&self) -> impl rayon::iter::IndexedParallelIterator<Item = Person> + '_ {
        use rayon::prelude::*;
        self.rows.par_iter().map(|r| packed::unpack(*r, &self.interner))
    }

    /// The kinds of person in the snapshot: each distinct combination of everything but the pay amount and FTE
    /// (their [`PersonPay::pence`](super::pay::PersonPay::pence) and `fte_milli` are 0; the basis is kept), indexed
    /// as [`StaffSnapshot::par_pay`] gives them. A few hundred at most.
    pub fn kinds(&self) -> Vec<Person> {
        (0..self.interner.len()).map(|id| packed::unpack(id as u128, &self.interner)).collect()
    }

    /// Everyone's pay on every core, in the order of [`StaffSnapshot::people`] when collected, each with the index
    /// of their kind in [`StaffSnapshot::kinds`]: cheaper than [`StaffSnapshot::par_people`] when only pay and a
    /// few attributes are needed, as those are then worked out once for each kind.
    ///
    /// ```
    /// use rayon::prelude::*;
    /// use wres_wdes::normalise::codes::{gender::Gender, Disability, Ethnicity, PayBand, PayRow, Workforce};
    /// use wres_wdes::normalise::records::pay::{PayBasis, PersonPay};
    /// use wres_wdes::normalise::records::staff::{Person, StaffSnapshot};
    /// let nurse = Person {
    ///     ethnicity: Ethnicity::Bme,
    ///     broad: None,
    ///     disability: Disability::NonDisabled,
    ///     workforce: Workforce::Clinical,
    ///     row: PayRow::Band(PayBand::Band5),
    ///     gender: Gender::Female,
    ///     pay: PersonPay::new(29_970.0, PayBasis::Annual, Some(1.0)),
    /// };
    /// let doctor = Person { workforce: Workforce::Medical, pay: PersonPay::new(55.5, PayBasis::Hourly, None), ..nurse };
    /// let mut staff = StaffSnapshot::default();
    /// staff.extend([nurse, doctor, nurse]);
    /// let kinds = staff.kinds();
    /// assert_eq!(kinds.len(), 2);
    /// let people: Vec<Person> = staff.par_pay().map(|(kind, pay)| Person { pay, ..kinds[kind] }).collect();
    /// assert_eq!(people, staff.people().collect::<Vec<_>>());
    /// ```
    pub fn par_pay(&self) -> impl rayon::iter::IndexedParallelIterator<Item = (usize, super::pay::PersonPay)> + '_ {
        use rayon::prelude::*;
        self.rows.par_iter().map(|r| (packed::attrs_id(*r), packed::pay(*r, &self.interner)))
    }

    /// The people grouped by everything but pay: each distinct [`Person`] (pay left at its default) and how many
    /// people it stands for, in a stable order. A count by group costs one pass over 16-byte rows and a loop over a
    /// few hundred combinations instead of a loop over every person; the pass is made once, for every figure.
    ///
    /// ```
    /// use wres_wdes::normalise::records::staff::StaffSnapshot;
    /// assert!(StaffSnapshot::default().tally().is_empty());
    /// ```
    pub fn tally(&self) -> &[(Person, u64)] {
        self.tally.get_or_init(|| self.count_combinations())
    }

    fn count_combinations(&self) -> Vec<(Person, u64)> {
        self.combinations(&self.kind_counts())
    }

    /// How many people there are of each kind ([`StaffSnapshot::kinds`]), counted on every core.
    fn kind_counts(&self) -> Vec<u64> {
        use rayon::prelude::*;
        let kinds = self.interner.len();
        let count = |chunk: &[u128]| {
            let mut counts = vec![0u64; kinds];
            for row in chunk {
                if let Some(c) = counts.get_mut(packed::attrs_id(*row)) {
                    *c += 1;
                }
            }
            counts
        };
        let add = |mut a: Vec<u64>, b: Vec<u64>| {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
            a
        };
        self.rows.par_chunks(1 << 16).map(count).reduce(|| vec![0; kinds], add)
    }

    /// The tally from [`StaffSnapshot::kind_counts`].
    fn combinations(&self, counts: &[u64]) -> Vec<(Person, u64)> {
        counts
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, n)| *n > 0)
            .map(|(id, n)| {
                let mut person = packed::unpack(id as u128, &self.interner);
                person.pay = super::pay::PersonPay::default();
                (person, n)
            })
            .collect()
    }
    /// The person at a position.
    pub fn person(&self, position: u32) -> Option<Person> {
        self.rows.get(position as usize).map(|r| packed::unpack(*r, &self.interner))
    }
    /// The position of a person in [`StaffSnapshot::people`], by raw id.
    pub fn position(&self, raw_id: &str) -> Option<u32> {
        person::key(raw_id).and_then(|k| self.position_of_key(k))
    }
    /// A person by raw id.
    pub fn find(&self, raw_id: &str) -> Option<Person> {
        self.position(raw_id).and_then(|i| self.person(i))
    }
    /// The position of a person by key.
    pub fn position_of_key(&self, key: person::PersonKey) -> Option<u32> {
        let wanted = packed::key_part(key);
        self.rows.binary_search_by_key(&wanted, |r| packed::row_key(*r)).ok().and_then(|i| u32::try_from(i).ok())
    }
    /// Headcount.
    pub fn len(&self) -> usize {
        self.rows.len()
    }
    /// True when nobody is in the workforce.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// Adds people by hand (tests, examples): each gets the next key after the last, so positions follow the order
/// added.
impl Extend<Person> for StaffSnapshot {
    fn extend<I: IntoIterator<Item = Person>>(&mut self, people: I) {
        self.tally = std::sync::OnceLock::new();
        for person in people {
            let next = self.rows.last().map_or(0, |r| packed::row_key(*r) + 1);
            let row = packed::pack(next << 1, true, &person, &mut self.interner);
            self.rows.push(row);
        }
    }
}

/// Overrides of the default staff-group to workforce mapping (the clinical split), from the config file.
pub type WorkforceMapping = BTreeMap<StaffGroup, Workforce>;

/// Why a row is not in the substantive workforce, from its assignment category: the first of
/// [`EXCLUDED_CATEGORIES`] its words hold (any case).
pub(crate) fn category_exclusion(raw: &str) -> Option<&'static str> {
    let lower = raw.to_ascii_lowercase();
    EXCLUDED_CATEGORIES.iter().find(|w| lower.contains(*w)).copied()
}

/// The assignment categories outside the substantive workforce, each the reason counted when a row is left out.
pub(crate) const EXCLUDED_CATEGORIES: &[&str] = &["bank", "honorary", "agency"];

/// Each coded column's classifications, by raw text (see [`Memo`]).
#[derive(Default)]
struct Classifiers {
    category: Memo<Option<&'static str>>,
    group: Memo<Option<StaffGroup>>,
    primary: Memo<Option<bool>>,
    ethnicity: Memo<Option<EthnicityClass>>,
    disability: Memo<Option<Disability>>,
    band: Memo<Option<BandValue>>,
    gender: Memo<Option<crate::normalise::codes::gender::Gender>>,
    /// The placement by grade, for each workforce and band where the grade decides.
    grade: HashMap<(Workforce, BandValue), Memo<grade::Placement>, FxBuild>,
}

/// The rows whose raw value of one field a `[mapping.FIELD]` rule mapped, counted row by row.
struct MappedField {
    /// The field's index in [`f::FIELDS`].
    index: usize,
    /// Its name.
    name: &'static str,
    /// The rule each raw value matches, by raw text.
    rule: Memo<Option<u32>>,
    /// Rows by rule.
    rows: Vec<u64>,
}

/// One part of the file as read (the whole file, or one of the parts read in parallel).
#[derive(Default)]
struct Part {
    /// The rows kept so far (not yet de-duplicated), packed.
    rows: packed::Rows,
    interner: Interner,
    memo: Classifiers,
    log: QualityLog,
    /// The fields the config maps values of (usually none).
    mapped: Vec<MappedField>,
}

impl Part {
    fn new(mappings: &ValueMappings) -> Part {
        let mapped = f::FIELDS
            .iter()
            .enumerate()
            .filter(|(_, spec)| !mappings.rules(spec.name).is_empty())
            .map(|(index, spec)| MappedField {
                index,
                name: spec.name,
                rule: Memo::default(),
                rows: vec![0; mappings.rules(spec.name).len()],
            })
            .collect();
        Part { mapped, ..Part::default() }
    }
}

/// Reads the staff snapshot.
///
/// Rows are classified as they stream in and kept packed; then one row per person: each person's rows are grouped (a
/// stable sort by key), the first primary row, else the first row, is kept and the others are excluded as
/// `duplicate_person`, each counted under `conflicting_ethnicity` / `conflicting_disability` when it disagrees
/// with the row kept. Unrecognised values are counted on every row classified (duplicates included).
pub fn normalise_staff(file: &InputFile, mapping: &WorkforceMapping) -> Result<(StaffSnapshot, InputQuality)> {
    let mappings = &*file.mappings;
    let (info, parts) = read_rows_parts(file, f::FIELDS, &|| Part::new(mappings), &|part: &mut Part, row| {
        read_row(part, row, mapping, mappings);
        Ok(())
    })?;
    let mut log = QualityLog::default();
    let mut interner = Interner::default();
    let mut rows = packed::Rows::default();
    for (i, mut part) in parts.into_iter().enumerate() {
        if i == 0 {
            interner = std::mem::take(&mut part.interner);
        } else {
            part.rows.adopt(&mut interner, &part.interner);
        }
        rows.append(part.rows);
        log.merge(part.log);
        for field in part.mapped {
            for ((index, rule), n) in mappings.rules(field.name).iter().enumerate().zip(field.rows) {
                if n > 0 {
                    log.mapped(field.name, index, rule, n);
                }
            }
        }
    }
    let rows = deduplicate(rows.into_blocks(), &interner, &mut log);
    let snapshot = StaffSnapshot { rows, interner, tally: Default::default() };
    // Counted once for each kind of person (on every core), for the log and for the tally.
    let counts = snapshot.kind_counts();
    super::pay::log_unknowns(snapshot.kinds().into_iter().zip(counts.iter().copied()), &info, &mut log);
    let _ = snapshot.tally.set(snapshot.combinations(&counts));
    Ok((snapshot, log.finish("staff", "row", &info)))
}

/// Classifies one row into `part`: excluded with a reason, or kept packed.
fn read_row(part: &mut Part, row: &Fields<'_>, mapping: &WorkforceMapping, mappings: &ValueMappings) {
    let memo = &mut part.memo;
    let log = &mut part.log;
    // The id from its bytes when they are ASCII (as a delimited file's usually are), else from its text.
    let bytes = row.file_bytes(f::PERSON).filter(|id| id.is_ascii());
    let key = match bytes {
        Some(id) => person::key_ascii(id),
        None => row.text(f::PERSON).and_then(|id| person::key(&id)),
    };
    // A footer line has no id or a word in its place: only such rows are looked at as one.
    let maybe_footer = key.is_none()
        || match bytes {
            Some(id) => id.iter().find(|b| !crate::read::is_ascii_space(b)).is_some_and(u8::is_ascii_alphabetic),
            None => row.number(f::PERSON).is_none(),
        };
    if maybe_footer && super::footer::is_footer(row, f::FIELDS.len(), Some(f::PERSON)) {
        log.exclude("footer");
        return;
    }
    let Some(key) = key else {
        log.exclude("missing_person_id");
        return;
    };
    for field in &mut part.mapped {
        let name = field.name;
        let rule = field.rule.field(row, field.index, |t| mappings.rule_of(name, t).map(|i| i as u32));
        if let Some(n) = rule.and_then(|i| field.rows.get_mut(i as usize)) {
            *n += 1;
        }
    }
    // (A blank category or primary flag is none.)
    let unless_blank = |t: &str, classify: fn(&str) -> _| if t.is_empty() { None } else { classify(t) };
    let category = memo
        .category
        .field(row, f::CATEGORY, |c| unless_blank(mappings.map("assignment_category", c), category_exclusion));
    if let Some(reason) = category {
        log.exclude(reason);
        return;
    }
    let group = memo.group.field(row, f::STAFF_GROUP, |g| staff_group::classify(mappings.map("staff_group", g)));
    if group == Some(StaffGroup::Students) {
        log.exclude("student");
        return;
    }
    let primary = memo.primary.field(row, f::PRIMARY, |p| {
        let p = mappings.map("primary_assignment", p);
        if p.is_empty() {
            None
        } else {
            yes_no::classify(p)
        }
    });
    let person = classify_person(row, group, mapping, mappings, memo, log);
    part.rows.push(packed::pack(key, primary.unwrap_or(false), &person, &mut part.interner));
    log.used();
}

/// Sorts rows (given in blocks, one after the other) stably by [`packed::sort_word`] (the person, then primary
/// first).
///
/// The person keys are hash bits, spread evenly, so the top 16 bits of a row put it in one of 65,536 buckets in
/// key order, a few dozen rows each. A stable counting pass on the top 8 bits, straight from the blocks into the
/// output (the only vector as big as the rows made here, after the workbook's memory is handed back); then each
/// of its 256 buckets (about 100 KB for a national extract, in cache) on its own, the buckets shared between the
/// cores: a stable counting pass on the next 8 bits through a copy, and each run of equal top 16 bits sorted.
fn sort_rows<B: AsRef<[u128]>>(blocks: Vec<B>) -> Vec<u128> {
    use rayon::prelude::*;
    let top8 = |row: &u128| (row >> 120) as usize;
    let top16 = |row: &u128| (row >> 112) as usize;
    let len = blocks.iter().map(|b| b.as_ref().len()).sum();
    let mut rows = vec![0u128; len];
    // The first pass on every core: each takes a share of the blocks and writes its rows of each bucket after
    // those of the shares before it.
    let slices: Vec<&[u128]> = blocks.iter().map(AsRef::as_ref).collect();
    let shares: Vec<&[&[u128]]> = slices.chunks(slices.len().div_ceil(rayon::current_num_threads()).max(1)).collect();
    let counts: Vec<[usize; 256]> = shares
        .par_iter()
        .map(|share| {
            let mut counts = [0usize; 256];
            for row in share.iter().flat_map(|s| s.iter()) {
                if let Some(n) = counts.get_mut(top8(row)) {
                    *n += 1;
                }
            }
            counts
        })
        .collect();
    let mut pieces: Vec<Vec<&mut [u128]>> = shares.iter().map(|_| Vec::with_capacity(256)).collect();
    let mut rest: &mut [u128] = &mut rows;
    for bucket in 0..256 {
        for (counts, pieces) in counts.iter().zip(pieces.iter_mut()) {
            let (piece, after) = std::mem::take(&mut rest).split_at_mut(counts[bucket]);
            pieces.push(piece);
            rest = after;
        }
    }
    shares.par_iter().zip(pieces).for_each(|(share, mut pieces)| {
        let mut next = [0usize; 256];
        for &slice in share.iter() {
            for row in slice {
                let b = top8(row);
                let (Some(piece), Some(at)) = (pieces.get_mut(b), next.get_mut(b)) else { continue };
                if let Some(slot) = piece.get_mut(*at) {
                    *slot = *row;
                }
                *at += 1;
            }
        }
    });
    drop(slices);
    drop(blocks);
    rows.par_chunk_by_mut(|a, b| top8(a) == top8(b)).for_each(|bucket| {
        let copy = bucket.to_vec();
        scatter(&copy, bucket, |row| top16(&row) & 0xFF);
        for run in bucket.chunk_by_mut(|a, b| top16(a) == top16(b)) {
            run.sort_by_key(|r| packed::sort_word(*r));
        }
    });
    rows
}

/// One stable counting pass: `from` into `to` (as long), ordered by `digit` (below 256).
fn scatter(from: &[u128], to: &mut [u128], digit: impl Fn(u128) -> usize) {
    let mut starts = [0usize; 256];
    for row in from {
        if let Some(n) = starts.get_mut(digit(*row)) {
            *n += 1;
        }
    }
    let mut total = 0;
    for start in &mut starts {
        total += std::mem::replace(start, total);
    }
    for row in from {
        let Some(start) = starts.get_mut(digit(*row)) else { continue };
        if let Some(slot) = to.get_mut(*start) {
            *slot = *row;
        }
        *start += 1;
    }
}

/// Keeps one row per person: rows sorted stably by person then primary first, so the first of each
/// run is the one kept. The duplicates and conflicts are counted as they are met and logged at the end.
fn deduplicate<B: AsRef<[u128]>>(blocks: Vec<B>, interner: &Interner, log: &mut QualityLog) -> Vec<u128> {
    let mut rows = sort_rows(blocks);
    let (mut duplicates, mut ethnicity, mut disability) = (0u64, 0u64, 0u64);
    let mut kept = 0usize;
    let mut i = 0usize;
    while let Some(&first) = rows.get(i) {
        let person = packed::row_key(first);
        let mut j = i + 1;
        // Decoded only when the person has another row with other attributes to compare with it.
        let mut chosen: Option<Person> = None;
        while let Some(&other) = rows.get(j).filter(|r| packed::row_key(**r) == person) {
            duplicates += 1;
            j += 1;
            if packed::attrs_id(other) == packed::attrs_id(first) {
                continue;
            }
            let other = packed::unpack(other, interner);
            let chosen = *chosen.get_or_insert_with(|| packed::unpack(first, interner));
            ethnicity += u64::from(other.ethnicity != chosen.ethnicity);
            disability += u64::from(other.disability != chosen.disability);
        }
        if let Some(slot) = rows.get_mut(kept) {
            *slot = first;
        }
        kept += 1;
        i = j;
    }
    rows.truncate(kept);
    rows.shrink_to_fit();
    log.unuse_and_exclude_n("duplicate_person", duplicates);
    log.warn_n("conflicting_ethnicity", ethnicity);
    log.warn_n("conflicting_disability", disability);
    rows
}

fn classify_person(
    row: &Fields<'_>,
    group: Option<StaffGroup>,
    mapping: &WorkforceMapping,
    mappings: &ValueMappings,
    memo: &mut Classifiers,
    log: &mut QualityLog,
) -> Person {
    // The raw text of a field, made only to log a value not recognised.
    let text = |i: usize| row.text(i).unwrap_or_default();
    let eth = memo.ethnicity.field(row, f::ETHNICITY, |t| ethnicity::classify(mappings.map("ethnicity", t)));
    if eth.is_none() {
        log.unrecognised("ethnicity", &text(f::ETHNICITY));
    }
    let dis = memo.disability.field(row, f::DISABILITY, |t| disability::classify(mappings.map("disability", t)));
    if dis.is_none() {
        log.unrecognised("disability", &text(f::DISABILITY));
    }
    let workforce = match group {
        Some(g) => {
            mapping.get(&g).copied().or_else(|| staff_group::default_workforce(g)).unwrap_or(Workforce::Clinical)
        }
        None => {
            log.unrecognised("staff_group", &text(f::STAFF_GROUP));
            Workforce::Clinical
        }
    };
    let band_value =
        memo.band.field(row, f::BAND, |t| band::classify(mappings.map("pay_band", t))).unwrap_or_else(|| {
            log.unrecognised("pay_band", &text(f::BAND));
            BandValue::Blank
        });
    let placement = match (workforce, band_value) {
        // An AfC band outside the medical workforce: the grade is not looked at.
        (Workforce::NonClinical | Workforce::Clinical, BandValue::Band(_)) => grade::pay_row(workforce, band_value, ""),
        _ => memo
            .grade
            .entry((workforce, band_value))
            .or_default()
            .field(row, f::GRADE, |g| grade::pay_row(workforce, band_value, mappings.map("grade", g))),
    };
    if !placement.recognised {
        // A blank grade (or no grade column) is a value missing, not one not recognised.
        if row.is_blank(f::GRADE) {
            log.warn("grade_missing");
        } else {
            log.unrecognised("grade", &text(f::GRADE));
        }
    }
    let (gender, pay) = super::pay::classify(row, &mut memo.gender, mappings, log);
    Person {
        gender,
        pay,
        ethnicity: eth.map_or(Ethnicity::Unknown, |e| e.group),
        broad: eth.and_then(|e| e.broad),
        disability: dis.unwrap_or(Disability::Unknown),
        workforce,
        row: placement.row,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::codes::{gender::Gender, PayBand};

    /// Unknown genders and missing pay are counted once for each person kept (a duplicate row not counted).
    #[test]
    fn unknown_genders_and_missing_pay_are_counted_for_each_person() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("staff.csv");
        let body = "Employee Number,Ethnicity,Disability,Band,Staff Group,Gender,Annual Salary,FTE\n\
                    1,A,N,Band 5,Nursing,M,30000,1\n\
                    2,A,N,Band 5,Nursing,,30000,1\n\
                    3,A,N,Band 5,Nursing,Q,,1\n\
                    4,A,N,Band 5,Nursing,F,,1\n\
                    2,A,N,Band 5,Nursing,,31000,1\n\
                    5,A,N,Band 5,Nursing,,29000,1\n";
        std::fs::write(&path, body).expect("write");
        let file = InputFile { path, shown: "staff.csv".into(), ..InputFile::default() };
        let (_, quality) = normalise_staff(&file, &WorkforceMapping::new()).expect("read");
        let warned = |w: &str| quality.warnings.iter().find(|x| x.warning == w).and_then(|x| x.rows);
        // People 2, 3 and 5 have no known gender (2 and 5 of the same kind); 3 and 4 no pay.
        assert_eq!(warned("gender_unknown"), Some(3));
        assert_eq!(warned("pay_missing"), Some(2));
        assert_eq!(quality.rows_used, Some(5));
    }

    fn person(ethnicity: Ethnicity, band: PayBand) -> Person {
        Person {
            ethnicity,
            broad: None,
            disability: Disability::NonDisabled,
            workforce: Workforce::Clinical,
            row: PayRow::Band(band),
            gender: Gender::Unknown,
            pay: super::super::pay::PersonPay::default(),
        }
    }

    proptest::proptest! {
        /// The bucket sort is the standard library's stable sort by sort word, for any keys (few or many rows,
        /// keys crowded in one bucket, a person's rows far apart).
        #[test]
        fn rows_sort_as_a_stable_sort_does(
            rows in proptest::collection::vec((0u64..8, any_key(), proptest::prelude::any::<u64>()), 0..3000),
            cuts in proptest::collection::vec(0usize..700, 1..8),
        ) {
            let row = |&(top, key, low): &(u64, u64, u64)| (u128::from((top << 61) | key) << 64) | u128::from(low);
            let rows: Vec<u128> = rows.iter().map(row).collect();
            let mut expected = rows.clone();
            expected.sort_by_key(|r| packed::sort_word(*r));
            // In blocks of any sizes, as the parts of a file give them.
            let mut blocks = Vec::new();
            let mut rest = rows.as_slice();
            for cut in cuts.iter().copied().cycle().take(rows.len()) {
                let (block, after) = rest.split_at(cut.min(rest.len()));
                blocks.push(block.to_vec());
                rest = after;
            }
            blocks.push(rest.to_vec());
            proptest::prop_assert_eq!(sort_rows(blocks), expected);
        }
    }

    /// Keys from a few distinct values, so that people have several rows, or any key at all.
    fn any_key() -> impl proptest::strategy::Strategy<Value = u64> {
        proptest::prop_oneof![
            proptest::sample::select(vec![0u64, 1, 2, 3, 1 << 40, (1 << 60) + 1, (1 << 61) - 1]),
            proptest::strategy::Strategy::prop_map(proptest::prelude::any::<u64>(), |k| k >> 3),
        ]
    }

    #[test]
    fn the_tally_counts_the_people_added_after_it_was_first_asked_for() {
        let mut staff = StaffSnapshot::default();
        staff.extend([person(Ethnicity::Bme, PayBand::Band5)]);
        assert_eq!(staff.tally().iter().map(|(_, n)| n).sum::<u64>(), 1);
        staff.extend([person(Ethnicity::Bme, PayBand::Band5), person(Ethnicity::White, PayBand::Band6)]);
        let tally = staff.tally();
        assert_eq!(tally.len(), 2);
        assert_eq!(tally.iter().map(|(_, n)| n).sum::<u64>(), 3);
    }

    #[test]
    fn the_primary_row_wins_else_the_first() {
        let mut interner = Interner::default();
        let mut log = QualityLog::default();
        let (a, b) = (person::key("1001").unwrap_or(1), person::key("1002").unwrap_or(2));
        let rows = [
            (a, false, person(Ethnicity::White, PayBand::Band5)),
            (b, false, person(Ethnicity::White, PayBand::Band3)),
            (a, true, person(Ethnicity::Bme, PayBand::Band6)),
            (b, false, person(Ethnicity::White, PayBand::Band4)),
            (a, false, person(Ethnicity::Bme, PayBand::Band7)),
        ];
        let packed: Vec<u128> = rows
            .iter()
            .map(|(k, primary, p)| {
                log.used();
                packed::pack(*k, *primary, p, &mut interner)
            })
            .collect();
        let snapshot =
            StaffSnapshot { rows: deduplicate(vec![packed], &interner, &mut log), interner, tally: Default::default() };
        assert_eq!(snapshot.len(), 2);
        assert_eq!(snapshot.find("1001"), Some(person(Ethnicity::Bme, PayBand::Band6)));
        assert_eq!(snapshot.find("1002-1"), Some(person(Ethnicity::White, PayBand::Band3)));
        assert_eq!(log.rows_used(), 2);
        assert_eq!(log.rows_accounted(), 5);
        let info = crate::read::TableInfo::csv_for_test("staff.csv", 5);
        let q = log.finish("staff", "row", &info);
        let warned = |w: &str| q.warnings.iter().find(|x| x.warning == w).and_then(|x| x.rows);
        // 1001's White band 5 row disagrees with the primary row kept; its Bme band 7 row does not.
        assert_eq!(warned("conflicting_ethnicity"), Some(1));
        assert_eq!(warned("conflicting_disability"), None);
    }
}
