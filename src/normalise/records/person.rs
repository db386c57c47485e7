//! Person identifiers: a staff number or assignment number, reduced to a compact key.
//!
//! A trailing `-N` assignment suffix is stripped (spec decision 2), so `12345678-2` is person `12345678`. Ids are
//! kept only as 64-bit hashes, never written to any output.

use std::hash::BuildHasher;

/// A person's key: a hash of the normalised id.
pub type PersonKey = u64;

/// The person part of an id: trimmed, upper-cased, without a trailing `-N` suffix; `None` when blank.
///
/// ```
/// use wres_wdes::normalise::records::person::person_part;
/// assert_eq!(person_part(" 12345678-2 ").as_deref(), Some("12345678"));
/// assert_eq!(person_part("ab12").as_deref(), Some("AB12"));
/// assert_eq!(person_part("  "), None);
/// ```
pub fn person_part(raw: &str) -> Option<String> {
    base(raw).map(str::to_uppercase)
}

/// The person part before upper-casing.
fn base(raw: &str) -> Option<&str> {
    let trimmed = raw.trim();
    let base = match trimmed.rsplit_once('-') {
        Some((head, tail))
            if !head.trim().is_empty() && !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit()) =>
        {
            head.trim()
        }
        _ => trimmed,
    };
    (!base.is_empty()).then_some(base)
}

/// Longest ASCII id upper-cased on the stack; longer or non-ASCII ids are upper-cased in a new string.
const STACK_ID: usize = 64;

/// The key of a raw id, `None` when blank.
///
/// ```
/// use wres_wdes::normalise::records::person::key;
/// assert_eq!(key("123-1"), key("123"));
/// assert_ne!(key("123"), key("124"));
/// assert_eq!(key(" ab12-3"), key("AB12"));
/// assert_eq!(key("émile"), key("ÉMILE"));
/// ```
pub fn key(raw: &str) -> Option<PersonKey> {
    let base = base(raw)?;
    // foldhash's quality hash with a fixed seed: the same key on every run and machine, well mixed (a 63-bit
    // part of it tells people apart, see `packed`), and a few nanoseconds for a short id.
    const HASH: foldhash::quality::FixedState = foldhash::quality::FixedState::with_seed(0x5745_5253_5744_4553);
    // The hash of `person_part(raw)`, without allocating for the usual short ASCII id.
    let mut buf = [0u8; STACK_ID];
    Some(match buf.get_mut(..base.len()).filter(|_| base.is_ascii()) {
        Some(upper) => {
            upper.copy_from_slice(base.as_bytes());
            upper.make_ascii_uppercase();
            HASH.hash_one(&*upper)
        }
        None => HASH.hash_one(base.to_uppercase().as_bytes()),
    })
}
