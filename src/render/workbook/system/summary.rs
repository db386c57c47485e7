//! The System summary: the trust Board summary's page (see [`super::super::board_page`]) with the system's own
//! figures, each judged by the same rules; in place of last year and the change, how many trusts are red and
//! amber on each figure; a warning strip naming the trusts that failed to run.

use super::super::board_page::{self, Header, Middle};
use super::super::page::{Cell, Page};
use super::super::{date_words, level_words, page_count};
use super::system_name;
use crate::compute::rollup::Rollup;
use crate::error::Result;

/// The Board summary's columns.
pub const WIDTHS: [f64; 10] = board_page::WIDTHS;
/// Its body text (points).
pub const SIZE: f64 = board_page::SIZE;

/// Writes the System summary of `rollup`.
pub fn write(page: &mut Page, rollup: &Rollup) -> Result<()> {
    let s = &rollup.board_summary;
    let standards = match s.board.standards.as_slice() {
        [one] => one.clone(),
        _ => "WRES and WDES".to_string(),
    };
    let snapshot = match s.snapshot_dates.as_slice() {
        [] => "no trust ran".to_string(),
        [one] => format!("snapshot {}", date_words(one)),
        [first, .., last] => format!("snapshots {} to {}", date_words(first), date_words(last)),
    };
    let n = rollup.trusts.len();
    let strip = format!(
        "{} · {n} trust{} · {} staff · {snapshot}",
        system_name(rollup),
        if n == 1 { "" } else { "s" },
        page_count(s.headcount)
    );
    let cells = s
        .tallies
        .iter()
        .map(|t| {
            let of = |k: usize| {
                if t.judged() == 0 {
                    Cell::text("—")
                } else {
                    Cell::text(format!("{k} of {}", t.judged()))
                }
            };
            (t.id.clone(), [of(t.red), of(t.amber)])
        })
        .collect();
    let percent = |p: Option<f64>| p.map(|v| format!("{v:.1}%"));
    let declared = match (percent(s.ethnicity_declared_percent), percent(s.disability_declared_percent)) {
        (Some(e), Some(d)) => format!("Across the trusts, ESR records ethnicity for {e} of staff, disability for {d}."),
        _ => "No trust gave a staff snapshot, so no declaration rates.".to_string(),
    };
    let header = Header {
        title: format!("{standards} {}: system summary for the board", s.board.year),
        strip,
        publication: s.publication,
        not_asked: ["WRES", "WDES"]
            .iter()
            .filter(|st| !s.board.standards.iter().any(|x| x == *st))
            .map(|st| format!("{st}: no trust in this system reported it."))
            .collect(),
        warning: (!s.warnings.is_empty()).then(|| s.warnings.join(" ")),
        rules_set_in: "the manifest",
        middle: Some(Middle { headers: ["Trusts red".to_string(), "Trusts amber".to_string()], cells }),
        footer: format!("{declared} Funnel plots, survey and workforce by trust, and data quality follow."),
        definitions: format!(
            "System figures: its trusts' counts together; intervals {}. % BME: of all staff, unknowns in the total. \
             Trusts red, amber: trusts whose own figure has that status.",
            level_words(rollup.ci_level)
        ),
    };
    board_page::write(page, &s.board, &header)
}
