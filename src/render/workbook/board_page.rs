//! The Board summary: one A4 landscape page a board reads in two minutes. A header strip with the marking, three
//! to five key messages, WRES and WDES as two compact tables (each figure with the protected and comparison
//! groups' values, the ratio or gap in words, last year, the direction, NHS England's figure and the status),
//! the forest plot of the five relative likelihoods, the status rules in one line each, and a footer line.
//!
//! Everything shown comes from the results' `board_summary`: statuses, directions and messages are computed
//! there. The system pack calls [`write`] with the system's own [`BoardSummary`], its warnings, and its own two
//! middle columns (how many trusts are red and amber) in place of last year and the change.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder};

use super::charts;
use super::page::{row_height, text_lines, Cell, Page, Unit};
use super::palette;
use super::words::{gap_format, gap_format_short, over_under_format, over_under_short, ratio_format, with_year};
use super::xl;
use crate::compute::board_summary::{BoardLine, BoardSummary, DifferenceKind};
use crate::compute::direction::{Better, Direction};
use crate::error::Result;

/// The columns: measure, protected, comparison, ratio or gap, last year, change, England, status, a gutter, and
/// the forest plot's column.
pub const WIDTHS: [f64; 10] = [23.5, 6.0, 6.0, 20.0, 9.0, 12.0, 10.5, 7.5, 0.5, 33.5];
/// Body text on the board page (points).
pub const SIZE: f64 = 9.0;
const LAST: u16 = 9;
const TABLE_LAST: u16 = 7;

/// What the header strip says.
pub struct Header {
    /// The page title.
    pub title: String,
    /// Organisation, standards, year, snapshot and period, in one line.
    pub strip: String,
    /// The marking: exact figures or a publication version.
    pub publication: bool,
    /// What stands for a standard not asked for, by standard (`WDES not asked for in this run ...`).
    pub not_asked: Vec<String>,
    /// A warning to read before the figures (an input's dates pointing to another period, trusts that failed to
    /// run), in bold on amber under the strip.
    pub warning: Option<String>,
    /// The two columns after the ratio or gap, in place of last year and the change.
    pub middle: Option<Middle>,
    /// The footer line (declaration rates, rows left out, where the detail is).
    pub footer: String,
    /// What "% BME" means on this page.
    pub definitions: String,
    /// Where the status rules are set: `the config file` (a trust's), `the manifest` (a system's).
    pub rules_set_in: &'static str,
}

/// Two columns of the tables in place of last year and the change: their headers, and each line's cells by
/// indicator id (a line not listed shows dashes).
pub struct Middle {
    /// The two headers.
    pub headers: [String; 2],
    /// Each line's two cells, by indicator id.
    pub cells: Vec<(String, [Cell; 2])>,
}

/// Writes the Board summary of `summary` with `header`.
pub fn write(page: &mut Page, summary: &BoardSummary, header: &Header) -> Result<()> {
    page.one_page();
    page.ws.set_screen_gridlines(false);
    let f = |size: f64| Format::new().set_font_size(size).set_align(FormatAlign::Top);
    // Title and marking.
    let row = page.advance(18.75)?;
    page.ws
        .merge_range(row, 0, row, 6, &header.title, &f(14.0).set_bold().set_align(FormatAlign::Bottom))
        .map_err(xl)?;
    let (marking, fill) = if header.publication {
        ("Publication version (small numbers suppressed)", palette::MARKING_PUBLICATION)
    } else {
        ("Exact figures: not for publication", palette::MARKING_EXACT)
    };
    let strip = f(10.0)
        .set_bold()
        .set_background_color(fill)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    page.ws.merge_range(row, 7, row, LAST, marking, &strip).map_err(xl)?;
    let row = page.advance(row_height(1, 10.0))?;
    page.ws.merge_range(row, 0, row, LAST, &header.strip, &f(10.0)).map_err(xl)?;
    if let Some(text) = &header.warning {
        // The figures may be of the wrong year, or miss a trust.
        let lines = text_lines(text, page.span_px(0, LAST), SIZE, true);
        let row = page.advance(row_height(lines, SIZE))?;
        let warn = f(SIZE).set_bold().set_text_wrap().set_background_color(palette::AMBER_FILL);
        page.ws.merge_range(row, 0, row, LAST, text, &warn).map_err(xl)?;
    }
    page.gap(4.0)?;
    messages(page, summary)?;
    page.gap(4.0)?;
    let top = page.row();
    for standard in ["WRES", "WDES"] {
        let not_asked = header.not_asked.iter().find(|t| t.starts_with(standard));
        table(page, summary, standard, not_asked.map(String::as_str), header.middle.as_ref())?;
    }
    forest(page, summary, top)?;
    page.gap(4.0)?;
    rules(page, summary, header)?;
    Ok(())
}

fn messages(page: &mut Page, summary: &BoardSummary) -> Result<()> {
    let row = page.advance(row_height(1, 11.0))?;
    let heading = Format::new().set_font_size(11.0).set_bold().set_align(FormatAlign::Bottom);
    page.ws.write_string_with_format(row, 0, "Key messages", &heading).map_err(xl)?;
    if summary.messages.is_empty() {
        let row = page.advance(row_height(1, SIZE))?;
        let f = Format::new().set_font_size(SIZE).set_italic();
        page.ws.merge_range(row, 0, row, LAST, "No figure could be judged: see the detail sheets.", &f).map_err(xl)?;
        return Ok(());
    }
    let width = page.span_px(1, LAST);
    for m in &summary.messages {
        let lines = text_lines(&m.text, width, SIZE, false);
        let row = page.advance(row_height(lines, SIZE))?;
        page.put(row, 0, 1, &Cell::Status(m.status, m.status.words().to_string()), SIZE, &|f| f)?;
        let text = Format::new().set_font_size(SIZE).set_text_wrap().set_align(FormatAlign::Top);
        page.ws.merge_range(row, 1, row, LAST, &m.text, &text).map_err(xl)?;
    }
    Ok(())
}

fn groups(standard: &str) -> (&'static str, &'static str, &'static str) {
    if standard == "WDES" {
        ("WDES: disability", "Disabled", "Non-\ndisabled")
    } else {
        ("WRES: race", "BME", "White")
    }
}

fn table(
    page: &mut Page,
    summary: &BoardSummary,
    standard: &str,
    not_asked: Option<&str>,
    middle: Option<&Middle>,
) -> Result<()> {
    let (name, protected, other) = groups(standard);
    let (fourth, fifth) = middle.map_or(("Last year", "Change"), |m| (m.headers[0].as_str(), m.headers[1].as_str()));
    let headers = [name, protected, other, "Ratio or gap", fourth, fifth, "England", "Status"];
    // The comparison group's header is set on two lines where it says so; the middle headers wrap as they need.
    let middle_lines = [(4u16, fourth), (5, fifth)]
        .iter()
        .map(|&(c, h)| page.cell_lines(&Cell::Strong(h.to_string()), c, 1, SIZE))
        .max()
        .unwrap_or(1);
    let header_height = row_height(middle_lines.max(if other.contains('\n') { 2 } else { 1 }), SIZE);
    let row = page.advance(header_height)?;
    let shade =
        |f: Format| f.set_background_color(palette::HEADER_FILL).set_border_bottom(FormatBorder::Thin).set_bold();
    // A system's middle columns hold short text between numbers: centred, so that it stands apart from them.
    let centred = |c: usize| middle.is_some() && (c == 4 || c == 5);
    for (c, h) in headers.iter().enumerate() {
        let align = |f: Format| if centred(c) { shade(f).set_align(FormatAlign::Center) } else { shade(f) };
        page.put(row, c as u16, 1, &Cell::Strong(h.to_string()), SIZE, &align)?;
    }
    let lines: Vec<&BoardLine> = summary.lines.iter().filter(|l| l.standard == standard).collect();
    if lines.is_empty() {
        let row = page.advance(row_height(1, SIZE))?;
        let f = Format::new().set_font_size(SIZE).set_italic();
        let text = not_asked.map_or_else(|| format!("{standard} not asked for in this run."), str::to_string);
        page.ws.merge_range(row, 0, row, TABLE_LAST, &text, &f).map_err(xl)?;
        page.gap(6.0)?;
        return Ok(());
    }
    for line in lines {
        let mut cells = cells(line);
        if let Some(m) = middle {
            let own = m.cells.iter().find(|(id, _)| *id == line.id).map(|(_, c)| c.clone());
            let [a, b] = own.unwrap_or_else(|| [Cell::text("—"), Cell::text("—")]);
            (cells[4], cells[5]) = (a, b);
        }
        let height = cells
            .iter()
            .enumerate()
            .map(|(c, cell)| page.cell_lines(cell, c as u16, 1, SIZE))
            .max()
            .map_or(row_height(1, SIZE), |n| row_height(n, SIZE));
        let row = page.advance(height)?;
        let rule = |f: Format| f.set_border_bottom(FormatBorder::Thin).set_border_bottom_color("#D9D9D9");
        for (c, cell) in cells.iter().enumerate() {
            let align = |f: Format| if centred(c) { rule(f).set_align(FormatAlign::Center) } else { rule(f) };
            page.put(row, c as u16, 1, cell, SIZE, &align)?;
        }
    }
    page.gap(6.0)?;
    Ok(())
}

/// The cells of one line, left to right.
pub fn cells(l: &BoardLine) -> Vec<Cell> {
    let unit = if l.unit == "score" { Unit::Score } else { Unit::PercentSign };
    let better = l.figure.map_or(Better::Lower, |f| f.better);
    let p = l.protected_group;
    let difference = match (l.difference, l.difference_kind) {
        (_, DifferenceKind::None) => match l.answer.as_deref() {
            Some("yes") => Cell::text("Yes"),
            Some("no") => Cell::text("No"),
            Some(words) => Cell::text(words),
            None => Cell::text("no answer"),
        },
        (None, _) => Cell::text(no_figure_words(l)),
        (Some(v), DifferenceKind::Ratio) => Cell::Worded(v, ratio_format(p)),
        (Some(v), DifferenceKind::GapPoints) => Cell::Worded(v, gap_format(better, p, "pts", 1)),
        (Some(v), DifferenceKind::ScorePoints) => Cell::Worded(v, gap_format(better, p, "pts", 2)),
        (Some(v), DifferenceKind::SeniorShare) => Cell::Worded(v, "0.0\"% at band 8a+\"".to_string()),
        (Some(v), DifferenceKind::BoardPoints) => Cell::Worded(v, over_under_format("workforce")),
        (Some(v), DifferenceKind::EnglandPoints) => Cell::Worded(v, over_under_format("England")),
    };
    let last = match (&l.last_year, l.difference_kind) {
        (None, _) => Cell::text("—"),
        (Some(y), DifferenceKind::Ratio) => Cell::Num(Some(y.value), Unit::Ratio),
        (Some(y), DifferenceKind::GapPoints) => Cell::Worded(y.value, gap_format_short(better, 1)),
        (Some(y), DifferenceKind::ScorePoints) => Cell::Worded(y.value, gap_format_short(better, 2)),
        (Some(y), DifferenceKind::BoardPoints) => Cell::Worded(y.value, over_under_short()),
        (Some(y), _) => Cell::Num(Some(y.value), Unit::PercentSign),
    };
    let change = match l.direction {
        Some(d) => Cell::text(d.words()),
        None => Cell::text("—"),
    };
    let england = match &l.england {
        Some(e) => Cell::Worded(e.value, with_year(&e.unit, e.year)),
        None => Cell::text("not published"),
    };
    let value = |v: Option<f64>| match v {
        Some(x) => Cell::Num(Some(x), unit),
        None => Cell::text("—"),
    };
    vec![
        Cell::text(&l.name),
        value(l.protected_value),
        if l.comparison_group.is_some() { value(l.comparison_value) } else { Cell::text("—") },
        difference,
        last,
        change,
        england,
        Cell::Status(l.status, l.status.words().to_string()),
    ]
}

/// What stands in for a missing ratio or gap.
pub(crate) fn no_figure_words(l: &BoardLine) -> &'static str {
    if l.why.contains("withheld") {
        "withheld"
    } else if l.why.contains("not estimable") {
        "not estimable"
    } else if l.why.contains("fewer than 11") {
        "too few answers"
    } else {
        "no data"
    }
}

fn forest(page: &mut Page, summary: &BoardSummary, top: u32) -> Result<()> {
    let ratios: Vec<&BoardLine> = summary.lines.iter().filter(|l| l.difference_kind == DifferenceKind::Ratio).collect();
    if ratios.is_empty() {
        return Ok(());
    }
    let mut chart = charts::forest(page.data, &ratios, summary.last_year.is_some());
    chart.set_width(232).set_height(400);
    page.ws.insert_chart_with_offset(top, LAST, &chart, 2, 0).map_err(xl)?;
    Ok(())
}

fn rules(page: &mut Page, summary: &BoardSummary, header: &Header) -> Result<()> {
    let width = page.span_px(0, LAST);
    let bold = Format::new().set_font_size(SIZE).set_bold().set_align(FormatAlign::Top);
    let plain = Format::new().set_font_size(SIZE).set_text_wrap().set_align(FormatAlign::Top);
    let row = page.advance(row_height(1, SIZE))?;
    let heading = format!("Status: the rule of each kind of figure (set in {}, section [status])", header.rules_set_in);
    page.ws.merge_range(row, 0, row, LAST, &heading, &bold).map_err(xl)?;
    for r in &summary.rule_lines {
        let text = format!("{}: {}", r.kind, r.rule);
        let row = page.advance(row_height(text_lines(&text, width, SIZE, false), SIZE))?;
        page.ws.merge_range(row, 0, row, LAST, &text, &plain).map_err(xl)?;
    }
    for text in [&header.definitions, &header.footer] {
        let row = page.advance(row_height(text_lines(text, width, SIZE, false), SIZE))?;
        page.ws.merge_range(row, 0, row, LAST, text, &plain).map_err(xl)?;
    }
    Ok(())
}

/// The words of a direction, for other sheets.
pub fn direction_words(d: Option<Direction>) -> &'static str {
    d.map_or("—", Direction::words)
}
