//! Survey and representation side by side: each trust's BME (Disabled) share of its workforce and at band 8a and
//! above, with its workforce against the local population its config names; then each trust's Staff Survey gaps
//! (WRES 5-8, WDES 4-9a) with their intervals, in its status colour, the system's first.

use super::super::board_page::no_figure_words;
use super::super::level_words;
use super::super::page::{Cell, Page, Table, Unit};
use super::super::words::{gap_words, interval_words, over_under_format};
use super::funnel::trust_words;
use crate::compute::board_summary::{BoardLine, DifferenceKind};
use crate::compute::definitions::{id_words, Definition, Kind};
use crate::compute::direction::Better;
use crate::compute::population::area::{AreaInfo, AreaKind};
use crate::compute::rollup::shares::{RollupShare, Share};
use crate::compute::rollup::Rollup;
use crate::error::Result;

/// Thirteen columns: the trust, then twelve alike (a survey measure takes two to four of them).
pub const WIDTHS: [f64; 13] = [26.0, 8.0, 8.0, 8.0, 8.0, 8.0, 8.0, 8.0, 8.0, 8.0, 8.0, 8.0, 8.0];
/// The most survey measures in one table.
const MAX_MEASURES: usize = 5;

/// Writes the sheet.
pub fn write(page: &mut Page, rollup: &Rollup, defs: &[Definition]) -> Result<()> {
    page.title("Survey and representation: the trusts side by side")?;
    page.paragraph(
        "Each trust's workforce (the protected group's share of all staff and of staff at band 8a and above, and \
         against the population of the area its config names), then its Staff Survey gaps. Status: each trust's \
         own figure by the rules on the System summary.",
    )?;
    for share in &rollup.shares {
        page.table(&representation(rollup, share))?;
    }
    for standard in ["WRES", "WDES"] {
        let measures: Vec<&Definition> = defs
            .iter()
            .filter(|d| d.kind() == Kind::Survey && d.id.starts_with(standard))
            .filter(|d| rollup.survey.iter().any(|s| s.id == d.id))
            .collect();
        if measures.is_empty() {
            continue;
        }
        let tables = measures.len().div_ceil(MAX_MEASURES);
        let size = measures.len().div_ceil(tables);
        for (i, chunk) in measures.chunks(size).enumerate() {
            let part = if tables > 1 { format!(" ({} of {tables})", i + 1) } else { String::new() };
            page.table(&survey(rollup, standard, chunk, &part))?;
        }
    }
    Ok(())
}

/// The area a trust's workforce is compared with, in words.
fn area_words(area: &AreaInfo) -> String {
    let codes = area.codes.join(", ");
    let named = |prefix: &str| match &area.name {
        Some(n) => format!("{prefix}{n} ({codes})"),
        None => format!("{prefix}{codes}"),
    };
    match area.kind {
        AreaKind::England => "England (no local area set)".to_string(),
        AreaKind::Catchment => named("Catchment of "),
        AreaKind::LocalAuthorities if area.name.is_none() => format!("Local authorities {codes}"),
        _ => named(""),
    }
}

/// The senior share and its status, from a line of WRES 1 or WDES 1.
fn senior(line: Option<&BoardLine>) -> [Cell; 2] {
    match line {
        Some(l) => [Cell::Num(l.difference, Unit::Percent), Cell::Status(l.status, l.status.words().to_string())],
        None => [Cell::Blank, Cell::Status(crate::compute::status::Level::NotJudged, "No status".to_string())],
    }
}

fn representation(rollup: &Rollup, share: &RollupShare) -> Table {
    let g = share.group;
    let level = level_words(rollup.ci_level);
    let headers = [
        "Trust".to_string(),
        "Staff".to_string(),
        format!("{g} % of all staff"),
        format!("{level} interval low"),
        format!("{level} interval high"),
        format!("{g} % at band 8a and above"),
        "Status".to_string(),
        "Area compared with".to_string(),
        format!("{g} % of staff recorded"),
        format!("{g} % of the area's people"),
        "Workforce against the area".to_string(),
    ];
    let mut t = Table {
        heading: Some(format!("{}: {g} staff, by trust", id_words(&share.id))),
        note: Some(format!(
            "% of all staff: unknowns in the total. Against the area: the share of staff with a recorded {}, \
             against the area's Census 2021 population.",
            if g == "BME" { "ethnicity" } else { "disability status" }
        )),
        headers: headers.to_vec(),
        rows: Vec::new(),
        spans: vec![1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 2],
    };
    let whole = |s: &Share| {
        [
            Cell::Count(s.total),
            Cell::Num(s.percent, Unit::Percent),
            Cell::Num(s.ci_low, Unit::Percent),
            Cell::Num(s.ci_high, Unit::Percent),
        ]
    };
    let system_line = rollup.board_summary.board.lines.iter().find(|l| l.id == share.id);
    let mut row: Vec<Cell> = vec![Cell::Strong("All trusts together".to_string())];
    row.extend(whole(&share.system));
    row.extend(senior(system_line));
    row.extend([Cell::text("—"), Cell::Blank, Cell::Blank, Cell::Blank]);
    t.rows.push(row);
    for (i, tr) in share.trusts.iter().enumerate() {
        // The summary's trusts are the roll-up's, in the same (manifest) order.
        let line = rollup.board_summary.trusts.get(i).and_then(|t| t.line(&share.id));
        let mut row = vec![Cell::text(trust_words(&tr.trust, &tr.name))];
        row.extend(whole(&tr.share));
        row.extend(senior(line));
        match &tr.population {
            Some(p) => row.extend([
                Cell::text(area_words(&p.area)),
                Cell::Num(p.workforce_percent, Unit::Percent),
                Cell::Num(p.population_percent, Unit::Percent),
                p.difference_pp.map_or(Cell::Blank, |d| Cell::Worded(d, over_under_format("the area"))),
            ]),
            None => row.extend([Cell::text("no staff snapshot"), Cell::Blank, Cell::Blank, Cell::Blank]),
        }
        t.rows.push(row);
    }
    t
}

/// A survey line's cell: its gap in words with its interval under it, on its status colour.
fn gap_cell(line: Option<&BoardLine>) -> Cell {
    let Some(l) = line else {
        return Cell::Status(crate::compute::status::Level::NotJudged, "not reported".to_string());
    };
    let better = l.figure.map_or(Better::Lower, |f| f.better);
    let text = match (l.difference, l.difference_kind) {
        (None, _) => no_figure_words(l).to_string(),
        (Some(v), DifferenceKind::ScorePoints) => gap_words(v, better, 2),
        (Some(v), DifferenceKind::EnglandPoints) => {
            let england = l.england.as_ref().map_or(String::new(), |e| format!(" England ({})", e.year));
            let side = if v >= 0.0 { "over" } else { "under" };
            format!("{:.1}%; {:.1} pts {side}{england}", l.protected_value.unwrap_or(0.0), v.abs())
        }
        (Some(v), _) => {
            let interval = l
                .figure
                .and_then(|f| Some(format!("\n{}", interval_words(f.low?, f.high?, better, 1))))
                .unwrap_or_default();
            format!("{}{interval}", gap_words(v, better, 1))
        }
    };
    Cell::Status(l.status, text)
}

fn survey(rollup: &Rollup, standard: &str, measures: &[&Definition], part: &str) -> Table {
    let (protected, other) = if standard == "WDES" { ("Disabled", "non-disabled") } else { ("BME", "White") };
    let span = (12 / measures.len().max(1)).min(4) as u16;
    let mut headers = vec!["Trust".to_string()];
    headers.extend(measures.iter().map(|d| format!("{} {}", id_words(&d.id), d.short)));
    let mut spans = vec![1];
    spans.extend(measures.iter().map(|_| span));
    let first = measures.first().map_or(String::new(), |d| id_words(&d.id));
    let last = measures.last().map_or(String::new(), |d| id_words(&d.id));
    let mut note = format!(
        "Each cell: the gap for {protected} staff against {other} staff, in percentage points (score points for the \
         engagement score), worse or better for {protected} staff, with its {} interval under it.",
        level_words(rollup.ci_level)
    );
    if measures.iter().any(|d| d.survey().is_some_and(|s| s.comparison_group.is_none())) {
        note.push_str(" A measure of Disabled staff only: their % against England's.");
    }
    let mut t = Table {
        heading: Some(format!("Staff Survey, {first} to {last}{part}: the {protected} gap, by trust")),
        note: Some(note),
        headers,
        rows: Vec::new(),
        spans,
    };
    let system = &rollup.board_summary.board.lines;
    let mut row = vec![Cell::Strong("All trusts together".to_string())];
    row.extend(measures.iter().map(|d| gap_cell(system.iter().find(|l| l.id == d.id))));
    t.rows.push(row);
    for tr in &rollup.board_summary.trusts {
        let mut row = vec![Cell::text(trust_words(&tr.trust, &tr.name))];
        row.extend(measures.iter().map(|d| gap_cell(tr.line(&d.id))));
        t.rows.push(row);
    }
    t
}
