//! Person identifiers: a staff number or assignment number, reduced to a compact key.
//!
//! A trailing `-N` assignment suffix is stripped, so `12345678-2` is person `12345678`. Ids are
//! kept only as 64-bit hashes, never written to any output.

use std::hash::BuildHasher;

use crate::read::is_ascii_space;

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
    if raw.is_ascii() {
        return key_ascii(raw.as_bytes());
    }
    let base = base(raw)?;
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

/// [`key`] of an id that is ASCII, from its bytes (as a delimited file holds them); `None` when blank, or when
/// the bytes are not all ASCII (then use [`key`] of its text).
///
/// ```
/// use wres_wdes::normalise::records::person::{key, key_ascii};
/// assert_eq!(key_ascii(b" ab12-3\t"), key("AB12"));
/// assert_eq!(key_ascii(b"  "), None);
/// assert_eq!(key_ascii("é".as_bytes()), None);
/// ```
pub fn key_ascii(raw: &[u8]) -> Option<PersonKey> {
    if !raw.is_ascii() {
        return None;
    }
    // `str::trim` of ASCII.
    let trim = |b: &[u8]| -> (usize, usize) {
        let start = b.iter().position(|c| !is_ascii_space(c)).unwrap_or(b.len());
        let end = b.iter().rposition(|c| !is_ascii_space(c)).map_or(start, |i| i + 1);
        (start, end.max(start))
    };
    let (start, end) = trim(raw);
    let trimmed = raw.get(start..end).unwrap_or_default();
    // A trailing `-N` (digits) after something not blank is an assignment suffix.
    let base = match trimmed.iter().rposition(|b| *b == b'-') {
        Some(dash) => {
            let (head, tail) = (trimmed.get(..dash).unwrap_or_default(), trimmed.get(dash + 1..).unwrap_or_default());
            let (h0, h1) = trim(head);
            if h1 > h0 && !tail.is_empty() && tail.iter().all(u8::is_ascii_digit) {
                head.get(h0..h1).unwrap_or_default()
            } else {
                trimmed
            }
        }
        None => trimmed,
    };
    if base.is_empty() {
        return None;
    }
    let mut buf = [0u8; STACK_ID];
    Some(match buf.get_mut(..base.len()) {
        Some(upper) => {
            upper.copy_from_slice(base);
            upper.make_ascii_uppercase();
            HASH.hash_one(&*upper)
        }
        None => HASH.hash_one(base.to_ascii_uppercase().as_slice()),
    })
}

/// foldhash's quality hash with a fixed seed: the same key on every run and machine, well mixed (a 63-bit part of
/// it tells people apart, see `packed`), and fast for a short id.
const HASH: foldhash::quality::FixedState = foldhash::quality::FixedState::with_seed(0x5745_5253_5744_4553);

#[cfg(test)]
mod tests {
    use super::*;

    /// [`key`] as it reads any text: the person part, upper-cased, hashed.
    fn key_of_text(raw: &str) -> Option<PersonKey> {
        base(raw).map(|b| HASH.hash_one(b.to_uppercase().as_bytes()))
    }

    proptest::proptest! {
        /// The ASCII path gives the key of the text (white space of every kind, dashes, digits, long ids).
        #[test]
        fn ascii_bytes_key_as_text(raw in "[ \t\n\x0b\x0c\r\x1c-aZ09]{0,12}|[a0-]{60,70}") {
            proptest::prop_assert_eq!(key_ascii(raw.as_bytes()), key_of_text(&raw));
            proptest::prop_assert_eq!(key(&raw), key_of_text(&raw));
        }

        #[test]
        fn any_text_keys_as_its_person_part(raw in "[ \u{a0}a-cé0-9-]{0,10}") {
            proptest::prop_assert_eq!(key(&raw), key_of_text(&raw));
        }
    }
}
