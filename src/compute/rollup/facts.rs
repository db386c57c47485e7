//! The key-message facts of a system: which trusts stand out on a funnel (beyond a 99.8% limit), whether the
//! trusts differ (Cochran's Q in words), and which trusts failed to run. Each fact has a stable kind, the
//! indicator and trusts it is about, and a sentence; the most important come first.

use serde::Serialize;

use super::{FailedTrust, RollupRatio};
use crate::stats::funnel::Flag;

/// One key-message fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyFact {
    /// `above_99_8`, `below_99_8`, `trusts_differ`, `failed_to_run`, `trusts_consistent` or `not_tested`, in
    /// that order of importance.
    pub kind: &'static str,
    /// The indicator it is about (`None` for trusts that failed to run).
    pub indicator: Option<String>,
    /// The trusts it names (labels), in manifest order.
    pub trusts: Vec<String>,
    /// The fact in a sentence.
    pub text: String,
}

/// `WRES2` as `WRES 2`.
pub(crate) fn spaced(id: &str) -> String {
    match id.find(|c: char| c.is_ascii_digit()) {
        Some(i) => format!("{} {}", &id[..i], &id[i..]),
        None => id.to_string(),
    }
}

/// `A`, `A and B`, `A, B and C`.
pub(crate) fn list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

pub(crate) fn who(trust: &str, name: &str) -> String {
    if name.is_empty() || name == trust {
        trust.to_string()
    } else {
        format!("{name} ({trust})")
    }
}

/// The facts of `ratios` (each with its funnel) and `failed`, most important first.
pub fn facts(ratios: &[RollupRatio], failed: &[FailedTrust]) -> Vec<KeyFact> {
    let mut out: Vec<(u8, KeyFact)> = Vec::new();
    for r in ratios {
        let f = &r.funnel;
        let protected = if r.id.starts_with("WRES") { "BME" } else { "Disabled" };
        let centre = f.centre.map(|c| format!("{c:.2}")).unwrap_or_default();
        for (rank, wanted, side) in [(0u8, Flag::Above99_8, "above"), (1, Flag::Below99_8, "below")] {
            let hits: Vec<_> = f.trusts.iter().filter(|t| t.flag == wanted).collect();
            if hits.is_empty() {
                continue;
            }
            let names: Vec<String> = hits
                .iter()
                .map(|t| {
                    format!("{}{}", who(&t.trust, &t.name), t.ratio.map(|v| format!(" ({v:.2})")).unwrap_or_default())
                })
                .collect();
            let (verb, whose) = if hits.len() == 1 { ("lies", "its size") } else { ("lie", "their size") };
            let spread = if f.over_dispersed { "chance and the usual spread between trusts" } else { "chance" };
            out.push((
                rank,
                KeyFact {
                    kind: if wanted == Flag::Above99_8 { "above_99_8" } else { "below_99_8" },
                    indicator: Some(r.id.clone()),
                    trusts: hits.iter().map(|t| t.trust.clone()).collect(),
                    text: format!(
                        "{} ({}): {} {verb} {side} the 99.8% limit, further from the system's common ratio of \
                         {centre} than {spread} would put a trust of {whose}. Ratios above 1 are adverse to \
                         {protected} staff.",
                        spaced(&r.id),
                        r.title,
                        list(&names),
                    ),
                },
            ));
        }
        let (rank, kind) = match &f.dispersion {
            Some(d) if d.over_dispersed() => (2, "trusts_differ"),
            Some(_) => (4, "trusts_consistent"),
            None => (5, "not_tested"),
        };
        out.push((
            rank,
            KeyFact {
                kind,
                indicator: Some(r.id.clone()),
                trusts: Vec::new(),
                text: format!("{} ({}): {}", spaced(&r.id), r.title, f.dispersion_words),
            },
        ));
    }
    if !failed.is_empty() {
        let names: Vec<String> = failed.iter().map(|f| f.config.clone()).collect();
        let n = failed.len();
        out.push((
            3,
            KeyFact {
                kind: "failed_to_run",
                indicator: None,
                trusts: names.clone(),
                text: format!(
                    "{n} trust{} failed to run and {} not in the system's figures: {}.",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "is" } else { "are" },
                    list(&names)
                ),
            },
        ));
    }
    // A stable sort: within a rank, the indicators' order (WRES, then WDES).
    out.sort_by_key(|(rank, _)| *rank);
    out.into_iter().map(|(_, f)| f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(spaced("WRES2"), "WRES 2");
        assert_eq!(spaced("WDES9a"), "WDES 9a");
        assert_eq!(list(&["A".into(), "B".into(), "C".into()]), "A, B and C");
        assert_eq!(list(&["A".into()]), "A");
        assert_eq!(who("RXX", "North Trust"), "North Trust (RXX)");
        assert_eq!(who("RXX", ""), "RXX");
    }
}
