//! The WRES detail and WDES detail sheets: every figure of one standard with its counts, rates, ratios and
//! intervals (the Katz interval and p-values in the right-hand columns), the forest plot, the two-year rolling
//! averages as cases per year and headcount, representation by band with a chart per workforce block, the
//! survey measures with their gaps in words, the board, WDES 9b, and each indicator's status and notes.

use super::charts;
use super::page::{Cell, Table, Unit};
use super::words::{gap_format, gap_format_short, id_words, membership_words, over_under_format, workforce_words};
use super::{
    date_words, groups_of, level_words, method_words, not_estimable_words, notes_text, organisation, protected_of, Page,
};
use crate::compute::board_summary::{BoardLine, DifferenceKind};
use crate::compute::direction::Better;
use crate::compute::results::{
    Ci, Figures, GroupRate, IndicatorResult, RelativeLikelihoodFigures, RepresentationRow, Results, Status,
};
use crate::config::RollingAverage;
use crate::error::Result;

/// Twelve columns: the first for names, the rest for figures.
pub const WIDTHS: [f64; 12] = [23.0, 13.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0];

fn board_line<'a>(results: &'a Results, id: &str) -> Option<&'a BoardLine> {
    results.board_summary.lines.iter().find(|l| l.id == id)
}

/// Writes the detail sheet of `standard` (`WRES` or `WDES`).
pub fn write(page: &mut Page, results: &Results, standard: &str) -> Result<()> {
    let long = if standard == "WDES" {
        "WDES detail: Workforce Disability Equality Standard"
    } else {
        "WRES detail: Workforce Race Equality Standard"
    };
    page.title(long)?;
    let inds: Vec<&IndicatorResult> = results.indicators.iter().filter(|i| i.standard == standard).collect();
    page.note(&format!(
        "{} · snapshot {} · period {} to {} · intervals: {} {}",
        organisation(results),
        date_words(&results.snapshot_date),
        date_words(&results.reporting_period[0]),
        date_words(&results.reporting_period[1]),
        level_words(results.settings.ci_level),
        method_words(results.settings.ci_method),
    ))?;
    if inds.is_empty() {
        page.paragraph(&format!("{standard} not asked for in this run."))?;
        return Ok(());
    }
    relative_likelihoods(page, results, standard, &inds)?;
    rolling(page, results, standard, &inds)?;
    representation(page, standard, &inds)?;
    survey(page, results, standard, &inds)?;
    board(page, standard, &inds)?;
    declaration(page, &inds)?;
    every(page, results, &inds)?;
    Ok(())
}

fn group<'a>(groups: &'a [GroupRate], label: &str) -> Option<&'a GroupRate> {
    groups.iter().find(|g| g.group == label)
}

/// Events, total and rate (as a percentage) of a group; blanks when the group is not there.
fn group_cells(groups: &[GroupRate], label: &str) -> [Cell; 3] {
    match group(groups, label) {
        Some(g) => [Cell::Count(g.events), Cell::Count(g.total), Cell::Num(g.rate.map(|r| r * 100.0), Unit::Percent)],
        None => [Cell::Blank, Cell::Blank, Cell::Blank],
    }
}

/// The low and high cells of an interval; `missing` says why there is none.
fn ci_cells(ci: Option<&Ci>, missing: &str) -> [Cell; 2] {
    match ci {
        Some(c) => [
            Cell::Num(Some(c.low), Unit::Ratio),
            match c.high {
                Some(h) => Cell::Num(Some(h), Unit::Ratio),
                None => Cell::text("no upper limit"),
            },
        ],
        None => [Cell::text(missing), Cell::Blank],
    }
}

fn status_cells(results: &Results, id: &str) -> Cell {
    match board_line(results, id) {
        Some(l) => Cell::Status(l.status, format!("{}: {}", l.status.words(), l.why)),
        None => Cell::Blank,
    }
}

fn relative_likelihoods(page: &mut Page, results: &Results, standard: &str, inds: &[&IndicatorResult]) -> Result<()> {
    let rls: Vec<(&IndicatorResult, &RelativeLikelihoodFigures)> = inds
        .iter()
        .filter_map(|i| match &i.figures {
            Figures::RelativeLikelihood(f) => Some((*i, f.as_ref())),
            _ => None,
        })
        .collect();
    let level = level_words(results.settings.ci_level);
    let protected = protected_of(standard);
    let mut t = Table::new(
        "Relative likelihoods",
        &[
            "Indicator",
            "Ratio of",
            "Relative likelihood",
            &format!("{level} CI low"),
            &format!("{level} CI high"),
            "Significant",
            "Status on the board page",
            "p-value",
            &format!("Katz {level} CI low"),
            &format!("Katz {level} CI high"),
        ],
    )
    .spans(&[1, 1, 1, 1, 1, 1, 3, 1, 1, 1])
    .note(format!(
        "Each ratio is oriented so that above 1 is worse for {protected} staff. Interval: {}; significant when it \
         excludes 1. The p-value and the Katz log interval, for analysts, are on the right.",
        method_words(results.settings.ci_method)
    ));
    for (ind, f) in &rls {
        let mut cells = vec![Cell::text(format!("{} {}", id_words(&ind.id), ind.title)), Cell::text(ratio_of(f))];
        match &f.ratio {
            Some(r) => {
                cells.push(match r.value {
                    Some(v) => Cell::Num(Some(v), Unit::Ratio),
                    None => Cell::text(not_estimable_words(r.not_estimable)),
                });
                let none = if r.value.is_some() { "no interval" } else { "" };
                cells.extend(ci_cells(r.ci.as_ref(), none));
                cells.push(Cell::text(match r.significant {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "",
                }));
                cells.push(status_cells(results, &ind.id));
                cells.push(Cell::Num(r.p_value, Unit::PValue));
                let none = if r.value.is_some() { "no Katz interval (a rate is 0)" } else { "" };
                cells.extend(ci_cells(r.katz_ci.as_ref(), none));
            }
            None => {
                cells.push(Cell::text(super::no_figure(ind)));
                cells.extend([Cell::Blank, Cell::Blank, Cell::Blank]);
                cells.push(status_cells(results, &ind.id));
            }
        }
        t.rows.push(cells);
    }
    page.table(&t)?;
    let groups = groups_of(standard);
    let mut headers = vec!["Indicator".to_string(), "Ratio of".to_string()];
    for g in groups {
        headers.push(format!("{g} with outcome"));
        headers.push(format!("{g} total"));
        headers.push(format!("{g} rate %"));
    }
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut t = Table::new("Counts and rates behind each relative likelihood", &headers).note(
        "Rate: % of each group with the outcome. Unknowns are shown but not used. For the two-year rolling \
         averages the counts are both years' cases over twice the headcount (see below).",
    );
    for (ind, f) in &rls {
        let mut cells = vec![Cell::text(id_words(&ind.id)), Cell::text(ratio_of(f))];
        for g in groups {
            cells.extend(group_cells(&f.groups, g));
        }
        t.rows.push(cells);
    }
    page.table(&t)?;
    let lines: Vec<&BoardLine> = results
        .board_summary
        .lines
        .iter()
        .filter(|l| l.standard == standard && l.difference_kind == DifferenceKind::Ratio)
        .collect();
    if !lines.is_empty() {
        let mut chart = charts::forest(page.data, &lines, results.board_summary.last_year.is_some());
        page.heading(&format!("{standard} relative likelihoods with their intervals"), 200.0)?;
        page.chart(&mut chart, 0, 640, 230)?;
        page.note(
            "Shaded: the non-adverse range 0.80 to 1.25. Coloured square: this year, in its status colour; open box: \
             last year; line: the interval (to the edge of the chart when it runs beyond).",
        )?;
    }
    Ok(())
}

fn ratio_of(f: &RelativeLikelihoodFigures) -> String {
    f.ratio.as_ref().map(|r| format!("{} over {}", r.numerator_group, r.denominator_group)).unwrap_or_default()
}

fn reading_words(r: RollingAverage) -> &'static str {
    match r {
        RollingAverage::CurrentHeadcount => "both years' cases over twice this year's headcount",
        RollingAverage::Pooled => "both years' cases over both years' headcounts (pooled)",
    }
}

fn rolling(page: &mut Page, results: &Results, standard: &str, inds: &[&IndicatorResult]) -> Result<()> {
    let year = results.board_summary.year;
    for ind in inds {
        let Figures::RelativeLikelihood(fig) = &ind.figures else { continue };
        let Some(detail) = &fig.rolling_average else { continue };
        let groups = groups_of(standard);
        let this = format!("Cases, year to 31 March {year}");
        let last = format!("Cases, year to 31 March {}", year - 1);
        let mut t = Table::new(
            format!("{} {}: two-year rolling average", id_words(&ind.id), ind.title),
            &[
                "Group",
                &this,
                &last,
                "Cases in the figure",
                "Headcount at the snapshot",
                "Total in the figure",
                "Rate per year %",
            ],
        )
        .note(format!(
            "Reading: {}. {} The rate per year is the cases in the figure over the total.",
            reading_words(detail.reading),
            if detail.two_years {
                "The total is twice the headcount because the cases are two years'."
            } else {
                "The file held no case in the previous year, so one year is used (cases over headcount)."
            }
        ));
        for g in groups {
            let cases = |y: &str| detail.cases_by_year.iter().find(|c| c.year == y && c.group == g).map(|c| c.cases);
            let head = detail.headcount.iter().find(|h| h.group == g).and_then(|h| h.headcount);
            let rate = group(&fig.groups, g);
            t.rows.push(vec![
                Cell::text(g),
                Cell::Count(cases("current")),
                Cell::Count(if detail.two_years { cases("previous") } else { Some(0) }),
                Cell::Count(rate.and_then(|r| r.events)),
                Cell::Count(head),
                Cell::Count(rate.and_then(|r| r.total)),
                Cell::Num(rate.and_then(|r| r.rate).map(|r| r * 100.0), Unit::Percent),
            ]);
        }
        page.table(&t)?;
        if let Some(alt) = &detail.alternative {
            let value = alt.ratio.as_ref().and_then(|r| r.value);
            let text = match (value, &alt.reason) {
                (Some(v), _) => format!("Other reading ({}): relative likelihood {v:.2}.", reading_words(alt.reading)),
                (None, Some(reason)) => {
                    format!("Other reading ({}): not computed: {reason}.", reading_words(alt.reading))
                }
                (None, None) => format!("Other reading ({}): no ratio.", reading_words(alt.reading)),
            };
            page.note(&text)?;
        }
    }
    Ok(())
}

/// Representation rows grouped by (workforce, band), in order, each with its three groups.
pub(crate) fn pivot<'a>(
    rows: &'a [RepresentationRow],
    groups: [&str; 3],
) -> Vec<(&'static str, &'a str, [Option<&'a RepresentationRow>; 3])> {
    let mut out: Vec<(&'static str, &'a str, [Option<&'a RepresentationRow>; 3])> = Vec::new();
    for r in rows {
        let idx = groups.iter().position(|g| *g == r.group);
        let pos = out.iter().position(|(w, b, _)| *w == r.workforce && *b == r.band);
        let entry = match pos {
            Some(p) => &mut out[p],
            None => {
                out.push((r.workforce, r.band.as_str(), [None, None, None]));
                out.last_mut().expect("just pushed")
            }
        };
        if let Some(i) = idx {
            entry.2[i] = Some(r);
        }
    }
    out
}

fn representation(page: &mut Page, standard: &str, inds: &[&IndicatorResult]) -> Result<()> {
    let groups = groups_of(standard);
    for ind in inds {
        let Figures::Representation(fig) = &ind.figures else { continue };
        let by = if standard == "WDES" { "Cluster" } else { "Band" };
        if ind.status == Status::NoData || fig.rows.is_empty() {
            page.heading(&format!("{} {}", id_words(&ind.id), ind.title), 20.0)?;
            page.note(&format!("No data: {}", ind.reason.clone().unwrap_or_default()))?;
            continue;
        }
        let table = pivot(&fig.rows, groups);
        let mut blocks: Vec<&str> = Vec::new();
        for (w, _, _) in &table {
            if !blocks.contains(w) {
                blocks.push(w);
            }
        }
        let mut headers = vec![by.to_string()];
        for g in groups {
            headers.push(format!("{g} staff"));
            headers.push(format!("{g} %"));
        }
        headers.push("Total staff".to_string());
        let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
        for (i, block) in blocks.iter().enumerate() {
            let lines: Vec<_> = table.iter().filter(|(w, _, _)| w == block).collect();
            let mut t = Table::new(
                format!("{} {}: {}", id_words(&ind.id), ind.title, workforce_words(block).to_lowercase()),
                &headers,
            );
            if i == 0 {
                t = t.note("Headcount at the snapshot; % of everyone in the row, unknowns included.");
            }
            for (_, band, rs) in &lines {
                let mut c = vec![Cell::text(*band)];
                for r in rs {
                    c.push(Cell::Count(r.and_then(|r| r.count)));
                    c.push(Cell::Num(r.and_then(|r| r.percent), Unit::Percent));
                }
                c.push(Cell::Count(rs.iter().flatten().next().and_then(|r| r.total)));
                t.rows.push(c);
            }
            let bands: Vec<&(&str, &str, [Option<&RepresentationRow>; 3])> =
                lines.iter().copied().filter(|(_, b, _)| *b != "All").collect();
            if *block != "overall" && !bands.is_empty() {
                let cats: Vec<String> =
                    bands.iter().map(|(_, b, _)| b.replace("Band ", "").replace("Cluster ", "")).collect();
                // The protected group at the bottom of each column, then the comparison group, then unknown.
                let order = [1usize, 0, 2];
                let order = if standard == "WDES" { [0usize, 1, 2] } else { order };
                let series: Vec<(&str, Vec<Option<f64>>)> = order
                    .iter()
                    .map(|&g| (groups[g], bands.iter().map(|(_, _, rs)| rs[g].and_then(|r| r.percent)).collect()))
                    .collect();
                let title = format!("{}: {}, share by group", id_words(&ind.id), workforce_words(block).to_lowercase());
                let mut chart = charts::stacked(page.data, &title, &cats, &series);
                page.table_beside(&t, &mut chart, 8, 264, 230)?;
            } else {
                page.table(&t)?;
            }
        }
        for n in &ind.notes {
            page.note(n)?;
        }
    }
    Ok(())
}

fn survey(page: &mut Page, results: &Results, standard: &str, inds: &[&IndicatorResult]) -> Result<()> {
    let surveys: Vec<_> = inds
        .iter()
        .filter_map(|i| match &i.figures {
            Figures::Survey(s) => Some((*i, s)),
            _ => None,
        })
        .collect();
    if surveys.is_empty() {
        return Ok(());
    }
    let level = level_words(results.settings.ci_level);
    let protected = protected_of(standard);
    let mut t = Table::new(
        "NHS Staff Survey measures",
        &[
            "Survey measure",
            "Group",
            "Value (% or score)",
            &format!("{level} CI low"),
            &format!("{level} CI high"),
            "Respondents",
            "Shown?",
        ],
    )
    .note(format!(
        "Percentages with {level} Wilson intervals (9a is a 0-10 score, with no interval). Groups with fewer than 11 \
         respondents are suppressed."
    ));
    for (ind, s) in &surveys {
        let name = format!("{} {}", id_words(&ind.id), ind.title);
        if s.rows.is_empty() {
            t.rows.push(vec![
                Cell::text(name.clone()),
                Cell::Blank,
                Cell::text(super::no_figure(ind)),
                Cell::Blank,
                Cell::Blank,
                Cell::Blank,
                Cell::text(ind.reason.clone().unwrap_or_default()),
            ]);
        }
        let unit = if s.unit == "score" { Unit::Score } else { Unit::Percent };
        for r in &s.rows {
            let suppressed = r.status == Status::Suppressed;
            t.rows.push(vec![
                Cell::text(name.clone()),
                Cell::text(r.group),
                if suppressed { Cell::text("suppressed (under 11)") } else { Cell::Num(r.value, unit) },
                Cell::Num(r.ci_low, unit),
                Cell::Num(r.ci_high, unit),
                Cell::Count(r.respondents),
                Cell::text(if suppressed { "no: under 11 respondents" } else { "yes" }),
            ]);
        }
    }
    page.table(&t)?;
    let mut t = Table::new(
        "Survey gaps",
        &[
            "Survey gap",
            "Gap",
            &format!("Gap {level} CI low"),
            &format!("Gap {level} CI high"),
            "Status on the board page",
        ],
    )
    .spans(&[1, 2, 1, 1, 7])
    .note(format!(
        "The gap is {protected} staff's value minus {}'s (Newcombe interval), in percentage points (score points for \
         9a), said as worse or better for {protected} staff.",
        if standard == "WDES" { "non-disabled staff" } else { "White staff" }
    ));
    for (ind, s) in &surveys {
        let better = board_line(results, &ind.id).and_then(|l| l.figure).map_or(Better::Lower, |f| f.better);
        let decimals = if s.unit == "score" { 2 } else { 1 };
        let worded = |v: Option<f64>| match v {
            Some(x) => Cell::Worded(x, gap_format_short(better, decimals)),
            None => Cell::Blank,
        };
        let gap = match s.gap_pp {
            Some(g) => Cell::Worded(g, gap_format(better, protected, "pts", decimals)),
            None if s.rows.iter().all(|r| r.group == protected) => Cell::text("n/a (Disabled only)"),
            None => Cell::text("no gap (a group is missing or suppressed)"),
        };
        t.rows.push(vec![
            Cell::text(format!("{} {}", id_words(&ind.id), ind.title)),
            gap,
            worded(s.gap_ci_low),
            worded(s.gap_ci_high),
            status_cells(results, &ind.id),
        ]);
    }
    page.table(&t)
}

fn board(page: &mut Page, standard: &str, inds: &[&IndicatorResult]) -> Result<()> {
    let groups = groups_of(standard);
    let protected = protected_of(standard);
    for ind in inds {
        let Figures::Board(b) = &ind.figures else { continue };
        let name = format!("{} {}", id_words(&ind.id), ind.title);
        if b.rows.is_empty() {
            page.heading(&name, 20.0)?;
            page.note(&format!("No data: {}", ind.reason.clone().unwrap_or_default()))?;
            continue;
        }
        let mut headers = vec!["Board membership".to_string()];
        for g in groups {
            headers.push(format!("{g} members"));
            headers.push(format!("{g} %"));
        }
        headers.push("Total".to_string());
        let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
        let mut t = Table::new(name, &headers).note(
            "% of the members in the row, unknowns included; the last row is the whole workforce, for comparison.",
        );
        let mut memberships: Vec<&str> = Vec::new();
        for r in &b.rows {
            if !memberships.contains(&r.membership) {
                memberships.push(r.membership);
            }
        }
        for m in &memberships {
            let mut c = vec![Cell::text(membership_words(m))];
            let mut total = None;
            for g in groups {
                let r = b.rows.iter().find(|r| r.membership == *m && r.group == g);
                c.push(Cell::Count(r.and_then(|r| r.count)));
                c.push(Cell::Num(r.and_then(|r| r.percent), Unit::Percent));
                total = total.or(r.map(|r| r.total));
            }
            c.push(Cell::Count(total.flatten()));
            t.rows.push(c);
        }
        page.table(&t)?;
        let d = &b.difference_pp;
        let diff = |v: Option<f64>| match v {
            Some(v) => Cell::Worded(v, over_under_format("workforce")),
            None => Cell::text("not available (no staff snapshot or no members)"),
        };
        let mut t = Table::new(
            format!("Board against the workforce, % {protected}"),
            &[&format!("Board difference, % {protected}"), "Percentage points"],
        )
        .spans(&[2, 3]);
        t.rows = vec![
            vec![Cell::text("Voting members against the whole workforce"), diff(d.voting)],
            vec![Cell::text("Executive members against the whole workforce"), diff(d.executive)],
            vec![Cell::text("All board members against the whole workforce"), diff(d.all)],
        ];
        page.table(&t)?;
        for n in &ind.notes {
            page.note(n)?;
        }
    }
    Ok(())
}

fn declaration(page: &mut Page, inds: &[&IndicatorResult]) -> Result<()> {
    for ind in inds {
        let Figures::Declaration(d) = &ind.figures else { continue };
        let answer = match d.answer.as_deref() {
            Some("yes") => "Yes".to_string(),
            Some(_) => "No".to_string(),
            None => format!("No answer: {}", ind.reason.clone().unwrap_or_default()),
        };
        let mut t = Table::new(
            format!("{} {}", id_words(&ind.id), ind.title),
            &["Question", "Answer", "What the organisation did"],
        );
        t.rows = vec![vec![
            Cell::text(&ind.wording),
            Cell::text(answer),
            Cell::text(d.text.clone().unwrap_or_else(|| "no text given".to_string())),
        ]];
        page.table(&t)?;
    }
    Ok(())
}

fn every(page: &mut Page, results: &Results, inds: &[&IndicatorResult]) -> Result<()> {
    let mut t = Table::new(
        "Every indicator: what it means, its status and notes",
        &["Indicator", "Status on the board page", "What it means", "Notes"],
    )
    .spans(&[1, 1, 6, 4]);
    for i in inds {
        t.rows.push(vec![
            Cell::text(format!("{} {}", id_words(&i.id), i.title)),
            status_cells(results, &i.id),
            Cell::text(&i.summary),
            Cell::text(notes_text(i)),
        ]);
    }
    page.table(&t)
}
