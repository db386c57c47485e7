//! What a cell a reader sees must not hold: an internal code (snake_case words, upper-case ids other than
//! indicator ids) or a number set apart from its sign. Shared by the trust and the system board pack tests.

#![allow(dead_code)]

/// Config keys a message may name for the user to set.
pub const CONFIG_KEYS: [&str; 3] = ["previous_headcount", "include_ill_health", "rolling_average"];

/// Upper-case codes a reader meets outside the tool: Census table ids and ONS area codes.
pub fn published_code(token: &str) -> bool {
    let t = token.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    ["TS021", "TS038", "TS009"].contains(&t)
        || (t.len() == 9 && t.starts_with(['E', 'W', 'K']) && t[1..].chars().all(|c| c.is_ascii_digit()))
}

/// What is wrong with one text cell, if anything.
pub fn problem(s: &str) -> Option<String> {
    for token in s.split(|c: char| c.is_whitespace() || "(),;:'\"[]".contains(c)) {
        let t = token.trim_matches(|c: char| c == '.' || c == '`');
        if t.is_empty() {
            continue;
        }
        // snake_case: lower-case words joined by underscores.
        let snake = t.contains('_')
            && t.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.')
            && !CONFIG_KEYS.iter().any(|k| t.ends_with(k));
        if snake {
            return Some(format!("the code {t:?}"));
        }
        // Upper-case ids: WRES2 style without the space is fine (an indicator id); PAYGAP-GENDER and
        // WRES3-by-disability are not.
        let upper_joined = t.contains(['-', '_'])
            && t.split(['-', '_'])
                .next()
                .is_some_and(|h| h.len() >= 2 && h.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
            && t.split(['-', '_'])
                .nth(1)
                .is_some_and(|h| h.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && h.len() > 3)
            && !(t.starts_with("WDES4") || t.starts_with("WDES 4"));
        if upper_joined && !published_code(t) {
            return Some(format!("the id {t:?}"));
        }
        let letters_digits = t.len() >= 4
            && t.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && t.chars().any(|c| c.is_ascii_digit())
            && t.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        let indicator = t.starts_with("WRES") || t.starts_with("WDES");
        if letters_digits && !indicator && !published_code(t) {
            return Some(format!("the id {t:?}"));
        }
    }
    // A sign set against a number in text: differences are said as better or worse, over or under.
    let chars: Vec<char> = s.chars().collect();
    for i in 0..chars.len() {
        let sign = chars[i] == '-' || chars[i] == '\u{2212}';
        let before = i == 0 || chars[i - 1].is_whitespace() || chars[i - 1] == '(';
        // A sign is set against its number; a minus between terms ("1/a - 1/n1") has a space after it.
        let after = chars.get(i + 1).is_some_and(|c| c.is_ascii_digit());
        if sign && before && after {
            return Some(format!("a signed number in {s:?}"));
        }
    }
    None
}
