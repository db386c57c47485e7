//! The Return sheet: the figures in the order of the NHS England WRES and WDES data collections, to key in as
//! they stand. The rows are fixed whatever the input: every band from Under Band 1 to VSM and Other for
//! non-clinical and clinical staff and every medical subgroup (WRES 1), every cluster (WDES 1), 0 where nobody
//! is; each block's total with a check cell (a formula) that its rows add up; cases per year and headcount for
//! the rolling averages; "n/a (Disabled only)" where a measure has one group; the board rows the collection asks
//! for; and a sign-off block.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula};

use super::page::{row_height, Cell, Table, Unit};
use super::words::{id_words, over_under_format, workforce_words};
use super::{groups_of, protected_of, xl, Page};
use crate::compute::results::{BoardFigures, Figures, IndicatorResult, RepresentationRow, Results, Status};
use crate::error::Result;
use crate::normalise::codes::PayBand;

/// Columns: the row's name, three groups, total, and a wide last column (the ratio, or the check).
pub const WIDTHS: [f64; 7] = [44.0, 12.0, 12.0, 12.0, 12.0, 18.0, 20.0];

/// The WRES 1 rows of each block, in the collection's order.
pub fn wres1_rows(block: &str) -> Vec<String> {
    match block {
        "medical" => ["Consultants", "Non-consultant career grade", "Trainee grades", "Other"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        _ => PayBand::ALL.iter().map(|b| b.label().to_string()).chain(["Other".to_string()]).collect(),
    }
}

/// The WDES 1 rows of each block, in the collection's order (Other: grades outside the clusters).
pub fn wdes1_rows(block: &str) -> Vec<String> {
    let clusters: &[u8] = if block == "medical" { &[5, 6, 7] } else { &[1, 2, 3, 4] };
    clusters.iter().map(|c| format!("Cluster {c}")).chain(["Other".to_string()]).collect()
}

/// Writes the Return sheet.
pub fn write(page: &mut Page, results: &Results) -> Result<()> {
    page.title("Return: the figures in the order of the NHS England data collections")?;
    page.note(
        "Key in as shown. Counts are headcounts at the snapshot; every row of the collection is listed, 0 where \
         nobody is. Each block's total comes from the results; its check cell is a formula that its rows add up.",
    )?;
    for standard in ["WRES", "WDES"] {
        let inds: Vec<&IndicatorResult> = results.indicators.iter().filter(|i| i.standard == standard).collect();
        page.heading(&format!("{standard} data collection"), 60.0)?;
        if inds.is_empty() {
            page.paragraph(&format!(
                "{standard} not asked for in this run (--standards {}).",
                results.settings.standards.names().join(",").to_ascii_lowercase()
            ))?;
            continue;
        }
        for ind in &inds {
            match &ind.figures {
                Figures::Representation(f) => representation(page, results, standard, ind, &f.rows)?,
                Figures::RelativeLikelihood(_) => ratio(page, results, standard, ind)?,
                Figures::Board(b) => board(page, standard, ind, b)?,
                _ => {}
            }
        }
        surveys(page, standard, &inds)?;
        for ind in &inds {
            if let Figures::Declaration(d) = &ind.figures {
                let mut t = Table::new(format!("{} {}", id_words(&ind.id), ind.title), &["Question", "Answer"]);
                let answer = match d.answer.as_deref() {
                    Some("yes") => "Yes",
                    Some(_) => "No",
                    None => "no answer given",
                };
                t.rows.push(vec![Cell::text(&ind.wording), Cell::text(answer)]);
                page.table(&t.spans(&[5, 2]))?;
            }
        }
    }
    sign_off(page)
}

/// A count cell, 0 where the row has nobody.
fn count(rows: &[RepresentationRow], block: &str, band: &str, group: &str) -> Option<u64> {
    match rows.iter().find(|r| r.workforce == block && r.band == band && r.group == group) {
        Some(r) => r.count,
        None => Some(0),
    }
}

fn total(rows: &[RepresentationRow], block: &str, band: &str) -> Option<u64> {
    match rows.iter().find(|r| r.workforce == block && r.band == band) {
        Some(r) => r.total,
        None => Some(0),
    }
}

/// Writes the formula of a check cell: each column of `first..=last` rows sums to the `total_row`.
fn check(
    page: &mut Page,
    results: &Results,
    at: (u32, u16),
    rows: &[u32],
    total_row: u32,
    adds_up: bool,
) -> Result<()> {
    use rust_xlsxwriter::utility::row_col_to_cell;
    let f = page.format(page.size()).set_border_bottom(FormatBorder::Thin).set_border_bottom_color("#D9D9D9");
    if results.settings.publication {
        let text = "not checked: the counts are rounded for publication";
        page.ws.write_string_with_format(at.0, at.1, text, &f.set_text_wrap()).map_err(xl)?;
        return Ok(());
    }
    let parts: Vec<String> = (1..=4u16)
        .map(|c| {
            let cells: Vec<String> = rows.iter().map(|&r| row_col_to_cell(r, c)).collect();
            format!("SUM({})={}", cells.join(","), row_col_to_cell(total_row, c))
        })
        .collect();
    let formula = Formula::new(format!("=IF(AND({}),\"adds up\",\"does not add up\")", parts.join(",")))
        .set_result(if adds_up { "adds up" } else { "does not add up" });
    page.ws.write_formula_with_format(at.0, at.1, formula, &f).map_err(xl)?;
    Ok(())
}

fn sums_to(values: &[Vec<Option<u64>>], totals: &[Option<u64>]) -> bool {
    (0..totals.len()).all(|c| {
        let sum: Option<u64> = values.iter().map(|r| r[c]).sum();
        sum == totals[c]
    })
}

fn representation(
    page: &mut Page,
    results: &Results,
    standard: &str,
    ind: &IndicatorResult,
    rows: &[RepresentationRow],
) -> Result<()> {
    let groups = groups_of(standard);
    let by = if standard == "WDES" { "Cluster" } else { "Band" };
    let mut headers = vec![by.to_string()];
    headers.extend(groups.iter().map(|g| g.to_string()));
    headers.push("Total".to_string());
    headers.push("Check".to_string());
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    if ind.status == Status::NoData {
        page.heading(&format!("{} {}", id_words(&ind.id), ind.title), 20.0)?;
        page.note(&format!("No data: {}; every row is 0.", ind.reason.clone().unwrap_or_default()))?;
    }
    let mut block_totals: Vec<(u32, Vec<Option<u64>>)> = Vec::new();
    for block in ["non_clinical", "clinical", "medical"] {
        let bands = if standard == "WDES" { wdes1_rows(block) } else { wres1_rows(block) };
        let mut t = Table::new(
            format!("{} {}: {} staff", id_words(&ind.id), ind.title, workforce_words(block).to_lowercase()),
            &headers,
        );
        let mut values = Vec::new();
        for band in &bands {
            let v: Vec<Option<u64>> =
                groups.iter().map(|g| count(rows, block, band, g)).chain([total(rows, block, band)]).collect();
            let label = if standard == "WDES" && band == "Other" { "Other (outside the clusters)" } else { band };
            let mut cells = vec![Cell::text(label)];
            cells.extend(v.iter().map(|c| Cell::Count(*c)));
            cells.push(Cell::Blank);
            t.rows.push(cells);
            values.push(v);
        }
        let totals: Vec<Option<u64>> =
            groups.iter().map(|g| count(rows, block, "All", g)).chain([total(rows, block, "All")]).collect();
        let mut cells = vec![Cell::Strong(format!("Total, {}", workforce_words(block).to_lowercase()))];
        cells.extend(totals.iter().map(|c| Cell::Count(*c)));
        cells.push(Cell::Blank);
        t.rows.push(cells);
        let header = page.table_at(&t)?;
        let first = header + 1;
        let data: Vec<u32> = (first..first + bands.len() as u32).collect();
        let total_row = first + bands.len() as u32;
        check(page, results, (total_row, 5), &data, total_row, sums_to(&values, &totals))?;
        block_totals.push((total_row, totals));
    }
    // The whole workforce: the three blocks add up to it.
    let mut t = Table::new(format!("{} {}: whole workforce", id_words(&ind.id), ind.title), &headers);
    for (block, (_, totals)) in ["non_clinical", "clinical", "medical"].iter().zip(&block_totals) {
        let mut cells = vec![Cell::text(format!("Total, {}", workforce_words(block).to_lowercase()))];
        cells.extend(totals.iter().map(|c| Cell::Count(*c)));
        cells.push(Cell::Blank);
        t.rows.push(cells);
    }
    let overall: Vec<Option<u64>> =
        groups.iter().map(|g| count(rows, "overall", "All", g)).chain([total(rows, "overall", "All")]).collect();
    let mut cells = vec![Cell::Strong("Whole workforce".to_string())];
    cells.extend(overall.iter().map(|c| Cell::Count(*c)));
    cells.push(Cell::Blank);
    t.rows.push(cells);
    let header = page.table_at(&t)?;
    let values: Vec<Vec<Option<u64>>> = block_totals.iter().map(|(_, v)| v.clone()).collect();
    check(
        page,
        results,
        (header + 4, 5),
        &[header + 1, header + 2, header + 3],
        header + 4,
        sums_to(&values, &overall),
    )?;
    for n in &ind.notes {
        page.note(n)?;
    }
    Ok(())
}

/// The rows of a relative likelihood: what the totals and events are.
fn labels(id: &str) -> (&'static str, &'static str) {
    match id {
        "WRES2" | "WDES2" => ("Shortlisted applicants", "Appointed from shortlisting"),
        "WRES4" => ("Staff (headcount at the snapshot)", "Accessed non-mandatory training or CPD"),
        "WRES3" => ("Staff (headcount at the snapshot)", "Entered the formal disciplinary process"),
        "WDES3" => ("Staff (headcount at the snapshot)", "Entered the formal capability process"),
        _ => ("In the group", "With the outcome"),
    }
}

fn ratio(page: &mut Page, results: &Results, standard: &str, ind: &IndicatorResult) -> Result<()> {
    let Figures::RelativeLikelihood(f) = &ind.figures else { return Ok(()) };
    let groups = groups_of(standard);
    let mut headers = vec!["Figure".to_string()];
    headers.extend(groups.iter().map(|g| g.to_string()));
    headers.push("Relative likelihood".to_string());
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut t = Table::new(format!("{} {}", id_words(&ind.id), ind.title), &headers);
    let (population, outcome) = labels(&ind.id);
    let group = |g: &str| f.groups.iter().find(|x| x.group == g);
    let row = |label: String, values: Vec<Option<u64>>| {
        let mut cells = vec![Cell::text(label)];
        cells.extend(values.into_iter().map(Cell::Count));
        cells.push(Cell::Blank);
        cells
    };
    let year = results.board_summary.year;
    match &f.rolling_average {
        Some(detail) => {
            let cases = |y: &str| -> Vec<Option<u64>> {
                groups
                    .iter()
                    .map(|g| detail.cases_by_year.iter().find(|c| c.year == y && c.group == *g).map(|c| c.cases))
                    .collect()
            };
            t.rows.push(row(format!("{outcome}, year to 31 March {year}"), cases("current")));
            let previous = if detail.two_years { cases("previous") } else { vec![Some(0); 3] };
            t.rows.push(row(format!("{outcome}, year to 31 March {}", year - 1), previous));
            let heads: Vec<Option<u64>> = groups
                .iter()
                .map(|g| detail.headcount.iter().find(|h| h.group == *g).and_then(|h| h.headcount))
                .collect();
            t.rows.push(row(population.to_string(), heads));
            t = t.note(if detail.two_years {
                "Two-year rolling average: the ratio divides both years' cases by twice the headcount."
            } else {
                "The file held no case in the previous year, so the ratio is one year's cases over the headcount."
            });
        }
        None => {
            t.rows.push(row(population.to_string(), groups.iter().map(|g| group(g).and_then(|x| x.total)).collect()));
            t.rows.push(row(outcome.to_string(), groups.iter().map(|g| group(g).and_then(|x| x.events)).collect()));
        }
    }
    let of =
        f.ratio.as_ref().map(|r| format!(" ({} over {})", r.numerator_group, r.denominator_group)).unwrap_or_default();
    let value = match f.ratio.as_ref().and_then(|r| r.value) {
        Some(v) => Cell::Num(Some(v), Unit::Ratio),
        None => Cell::text(super::no_figure(ind)),
    };
    t.rows.push(vec![Cell::Strong(format!("Relative likelihood{of}")), Cell::Blank, Cell::Blank, Cell::Blank, value]);
    page.table(&t.spans(&[1, 1, 1, 1, 3]))
}

fn surveys(page: &mut Page, standard: &str, inds: &[&IndicatorResult]) -> Result<()> {
    let groups: &[&str] = if standard == "WDES" { &["Disabled", "Non-disabled", "Overall"] } else { &["White", "BME"] };
    let mut headers = vec!["Staff Survey measure".to_string()];
    headers.extend(groups.iter().map(|g| format!("{g} %")));
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut t = Table::new(format!("{standard} Staff Survey measures (% of staff; 9a is a 0-10 score)"), &headers);
    let protected = protected_of(standard);
    for ind in inds {
        let Figures::Survey(s) = &ind.figures else { continue };
        let unit = if s.unit == "score" { Unit::Score } else { Unit::Percent };
        let one_group = s.rows.iter().all(|r| r.group == protected) && !s.rows.is_empty();
        let mut cells = vec![Cell::text(format!("{} {}", id_words(&ind.id), ind.title))];
        for g in groups {
            cells.push(match s.rows.iter().find(|r| r.group == *g) {
                Some(r) if r.status == Status::Suppressed => Cell::text("suppressed (under 11)"),
                Some(r) => Cell::Num(r.value, unit),
                None if one_group || (ind.id == "WDES8" && *g != protected) => Cell::text("n/a (Disabled only)"),
                None if ind.status == Status::NoData => Cell::text("no data"),
                None => Cell::text("not given"),
            });
        }
        t.rows.push(cells);
    }
    if t.rows.is_empty() {
        return Ok(());
    }
    page.table(&t)
}

fn board(page: &mut Page, standard: &str, ind: &IndicatorResult, b: &BoardFigures) -> Result<()> {
    let groups = groups_of(standard);
    let protected = protected_of(standard);
    let mut headers = vec!["Board membership".to_string()];
    headers.extend(groups.iter().map(|g| g.to_string()));
    headers.push("Total".to_string());
    headers.push(format!("{protected} %"));
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut t = Table::new(format!("{} {}", id_words(&ind.id), ind.title), &headers)
        .note("Non-voting members count in all board members only; % of the members in the row, unknowns included.");
    for m in ["all", "voting", "non_voting", "executive", "non_executive"] {
        let find = |g: &str| b.rows.iter().find(|r| r.membership == m && r.group == g);
        let label = match m {
            "all" => "All board members",
            "voting" => "of which voting members",
            "non_voting" => "of which non-voting members",
            "executive" => "of which executive members",
            _ => "of which non-executive members",
        };
        let mut c = vec![Cell::text(label)];
        let none = ind.status == Status::NoData;
        c.extend(groups.iter().map(|g| Cell::Count(if none { Some(0) } else { find(g).and_then(|r| r.count) })));
        c.push(Cell::Count(if none { Some(0) } else { groups.iter().find_map(|g| find(g)).and_then(|r| r.total) }));
        c.push(Cell::Num(find(protected).and_then(|r| r.percent), Unit::Percent));
        t.rows.push(c);
    }
    page.table(&t)?;
    let d = &b.difference_pp;
    let diff = |v: Option<f64>| match v {
        Some(v) => Cell::Worded(v, over_under_format("workforce")),
        None => Cell::text("not available"),
    };
    let mut t = Table::new(
        format!("{}: board against the whole workforce, % {protected}", id_words(&ind.id)),
        &["Difference", "Percentage points"],
    )
    .spans(&[5, 2]);
    t.rows = vec![
        vec![Cell::text("All board members minus the whole workforce"), diff(d.all)],
        vec![Cell::text("Voting members minus the whole workforce"), diff(d.voting)],
        vec![Cell::text("Executive members minus the whole workforce"), diff(d.executive)],
    ];
    page.table(&t)
}

fn sign_off(page: &mut Page) -> Result<()> {
    let size = page.size();
    page.heading("Sign-off", 5.0 * row_height(2, size))?;
    let label = page.format(size).set_bold();
    let field = Format::new().set_font_size(size).set_align(FormatAlign::Bottom).set_border_bottom(FormatBorder::Thin);
    for what in ["Approved by (name and role)", "Board or committee", "Date approved", "Signature"] {
        let row = page.advance(row_height(2, size))?;
        page.ws.write_string_with_format(row, 0, what, &label.clone().set_align(FormatAlign::Bottom)).map_err(xl)?;
        page.ws.merge_range(row, 1, row, 4, "", &field).map_err(xl)?;
    }
    Ok(())
}
