//! Small text helpers shared by the classifiers: one normal form for matching labels against tables.
//!
//! Everything here works on `char`s, never on byte offsets, so arbitrary UTF-8 input cannot panic.

/// Whether a value is one of Excel's error values (`#N/A`, `#REF!`, ...), as an error cell or pasted as text. It
/// is never a code, even where "N/A" would be read as "not stated": a broken lookup must show in the data-quality
/// log, not pass silently as an unknown.
///
/// ```ignore
/// assert!(is_excel_error(" #N/A "));
/// assert!(!is_excel_error("N/A"));
/// ```
pub(crate) fn is_excel_error(raw: &str) -> bool {
    const ERRORS: &[&str] = &[
        "#N/A",
        "#REF!",
        "#VALUE!",
        "#DIV/0!",
        "#NAME?",
        "#NULL!",
        "#NUM!",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#UNKNOWN!",
        "#BUSY!",
        "#GETTING_DATA",
    ];
    let t = raw.trim();
    ERRORS.iter().any(|e| e.eq_ignore_ascii_case(t))
}

/// The matching form of a value: lowercase, `&` spelt `and`, every character that is not a letter or digit turned
/// into a space (so hyphens, en/em dashes, colons, commas, brackets and slashes all separate words), whitespace
/// collapsed and trimmed. "White - British", "White: British" and " white  british " all become `white british`.
pub(crate) fn norm(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for c in raw.chars() {
        if c == '&' {
            push_word(&mut out, &mut pending_space, "and");
            pending_space = true;
        } else if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

fn push_word(out: &mut String, pending_space: &mut bool, word: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
    *pending_space = false;
}

/// The trimmed value with internal whitespace collapsed to single spaces and en/em dashes (and the minus sign)
/// turned into hyphens; case is kept. Used where punctuation matters (code tokens, pipes).
pub(crate) fn tidy(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            other => other,
        });
    }
    out
}

/// True when `phrase` (already normalised) occurs in `normed` as whole words.
pub(crate) fn has_phrase(normed: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    let mut start = 0;
    while let Some(pos) = normed[start..].find(phrase) {
        let at = start + pos;
        let end = at + phrase.len();
        let before_ok = at == 0 || normed[..at].ends_with(' ');
        let after_ok = end == normed.len() || normed[end..].starts_with(' ');
        if before_ok && after_ok {
            return true;
        }
        // `find` returned a char boundary; step past the first char of the match.
        start = at + normed[at..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Strips the normalised `prefix` (whole words) from the front of `normed`, returning the rest (maybe empty).
pub(crate) fn strip_words<'a>(normed: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = normed.strip_prefix(prefix)?;
    if rest.is_empty() {
        Some(rest)
    } else {
        rest.strip_prefix(' ')
    }
}

/// Looks `key` up in a table of `(normalised label, value)` pairs.
pub(crate) fn lookup<T: Copy>(table: &[(&str, T)], key: &str) -> Option<T> {
    table.iter().find(|(k, _)| *k == key).map(|&(_, v)| v)
}

/// A numeric cell as Excel and calamine may render it: `1`, `1.0`, `0.00`. `None` when not a plain number.
pub(crate) fn number(raw: &str) -> Option<f64> {
    let t = raw.trim();
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+') {
        return None;
    }
    t.parse::<f64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_cases() {
        for (raw, want) in [
            ("White - British", "white british"),
            ("White: British", "white british"),
            ("  WHITE   british ", "white british"),
            ("Medical & Dental", "medical and dental"),
            ("M&D", "m and d"),
            ("Capability – Ill-health", "capability ill health"),
            ("Asian, Asian British or Asian Welsh: Chinese", "asian asian british or asian welsh chinese"),
            ("", ""),
            ("-", ""),
            ("Ünïcødé—ok", "ünïcødé ok"),
        ] {
            assert_eq!(norm(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn tidy_cases() {
        assert_eq!(tidy("  A\u{2013}White \t British "), "A-White British");
        assert_eq!(tidy(""), "");
    }

    #[test]
    fn phrase_cases() {
        assert!(has_phrase("locum consultant", "consultant"));
        assert!(!has_phrase("consultants", "consultant"));
        assert!(has_phrase("trust grade doctor sho level", "sho"));
        assert!(!has_phrase("shoe", "sho"));
        assert!(has_phrase("ééé sho", "sho"));
        assert!(!has_phrase("anything", ""));
        assert_eq!(strip_words("white british", "white"), Some("british"));
        assert_eq!(strip_words("whiteish", "white"), None);
        assert_eq!(strip_words("white", "white"), Some(""));
    }

    #[test]
    fn number_cases() {
        assert_eq!(number("1.0"), Some(1.0));
        assert_eq!(number(" 0 "), Some(0.0));
        assert_eq!(number("NaN"), None);
        assert_eq!(number("1e3"), None);
    }
}
