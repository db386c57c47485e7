//! The WRES and WDES sheets: every figure of one standard with its counts, rates, ratios and both intervals;
//! representation tables with a stacked column chart per workforce block; a chart of all relative likelihoods;
//! the rolling-average detail; the survey measures; the board; WDES 9b; and each indicator's notes.

use super::charts::{self, RatioData};
use super::sheet::{headers, Cell, Sheet};
use super::summary::no_figure;
use super::{
    assessment_verdict, groups_of, level_words, membership_words, method_words, organisation, verdict, workforce_words,
    Unit,
};
use crate::compute::results::{
    Ci, Figures, GroupRate, IndicatorResult, RelativeLikelihoodFigures, RepresentationRow, Results, Status,
};
use crate::config::RollingAverage;
use crate::error::Result;

/// Rows a chart takes on the sheet.
const CHART_ROWS: u32 = 19;

/// Writes the sheet of `standard` (`WRES` or `WDES`).
pub(crate) fn write(sheet: &mut Sheet, results: &Results, standard: &str) -> Result<()> {
    let f = sheet.f;
    let long = if standard == "WDES" {
        "WDES: Workforce Disability Equality Standard"
    } else {
        "WRES: Workforce Race Equality Standard"
    };
    sheet.label(0, 0, long, &f.title)?;
    sheet.cap_all(24);
    sheet.cap(0, 22);
    sheet.cap(1, 30);
    sheet.cap(10, 40);
    sheet.label(
        1,
        0,
        &format!(
            "{} · snapshot {} · reporting period {} to {} · intervals: {} {}",
            organisation(results),
            results.snapshot_date,
            results.reporting_period[0],
            results.reporting_period[1],
            level_words(results.settings.ci_level),
            method_words(results.settings.ci_method),
        ),
        &f.bold,
    )?;
    sheet.freeze(0, 1)?;
    let inds: Vec<&IndicatorResult> = results.indicators.iter().filter(|i| i.standard == standard).collect();
    let mut row = 3;
    row = relative_likelihoods(sheet, results, standard, &inds, row)?;
    row = rolling(sheet, results, standard, &inds, row)?;
    row = representation(sheet, standard, &inds, row)?;
    row = survey(sheet, standard, &inds, row)?;
    row = board(sheet, standard, &inds, row)?;
    row = declaration(sheet, &inds, row)?;
    notes(sheet, &inds, row)?;
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
                None => Cell::text("no finite upper limit"),
            },
        ],
        None => [Cell::text(missing), Cell::Blank],
    }
}

/// Events, total and rate of each group of the standard.
fn count_cells(f: &RelativeLikelihoodFigures, groups: &[&str]) -> Vec<Cell> {
    groups.iter().flat_map(|g| group_cells(&f.groups, g)).collect()
}

/// The ratio, both intervals, the p-value and significance (`with_katz`), or words when there is no ratio.
fn ratio_cells(ind: &IndicatorResult, f: &RelativeLikelihoodFigures, with_katz: bool) -> Vec<Cell> {
    let width = if with_katz { 7 } else { 3 };
    let mut cells = Vec::new();
    match &f.ratio {
        Some(r) => {
            cells.push(match r.value {
                Some(v) => Cell::Num(Some(v), Unit::Ratio),
                None => Cell::text(super::not_estimable_words(r.not_estimable)),
            });
            let none = if r.value.is_some() { "no interval" } else { "" };
            cells.extend(ci_cells(r.ci.as_ref(), none));
            if with_katz {
                let none = if r.value.is_some() { "no Katz interval (a rate is 0)" } else { "" };
                cells.extend(ci_cells(r.katz_ci.as_ref(), none));
                cells.push(Cell::Num(r.p_value, Unit::PValue));
                cells.push(match r.significant {
                    Some(true) => Cell::text("yes"),
                    Some(false) => Cell::text("no"),
                    None => Cell::Blank,
                });
            }
        }
        None => cells.push(Cell::text(no_figure(ind))),
    }
    cells.resize(width, Cell::Blank);
    cells
}

fn ratio_headers(results: &Results, first: &str, second: &str, with_katz: bool) -> Vec<String> {
    let level = level_words(results.settings.ci_level);
    let mut h = vec![
        first.to_string(),
        second.to_string(),
        "Relative likelihood".to_string(),
        format!("{level} CI low"),
        format!("{level} CI high"),
    ];
    if with_katz {
        h.extend([
            format!("Katz {level} CI low"),
            format!("Katz {level} CI high"),
            "p-value".to_string(),
            "Significant".to_string(),
        ]);
    }
    h.extend(["Assessment".to_string(), "Notes".to_string()]);
    h
}

fn count_headers(first: &str, second: &str, groups: &[&str]) -> Vec<String> {
    let mut h = vec![first.to_string(), second.to_string()];
    for g in groups {
        h.push(format!("{g} with outcome"));
        h.push(format!("{g} total"));
        h.push(format!("{g} rate %"));
    }
    h
}

fn ratio_of(f: &RelativeLikelihoodFigures) -> String {
    f.ratio.as_ref().map(|r| format!("{} vs {}", r.numerator_group, r.denominator_group)).unwrap_or_default()
}

fn notes_text(ind: &IndicatorResult) -> String {
    let mut notes: Vec<String> = ind.reason.iter().cloned().collect();
    notes.extend(ind.notes.iter().cloned());
    notes.join(" ")
}

fn relative_likelihoods(
    sheet: &mut Sheet,
    results: &Results,
    standard: &str,
    inds: &[&IndicatorResult],
    mut row: u32,
) -> Result<u32> {
    let f = sheet.f;
    let rls: Vec<(&IndicatorResult, &RelativeLikelihoodFigures)> = inds
        .iter()
        .filter_map(|i| match &i.figures {
            Figures::RelativeLikelihood(f) => Some((*i, f.as_ref())),
            _ => None,
        })
        .collect();
    sheet.label(row, 0, "Relative likelihoods", &f.heading)?;
    sheet.label(
        row + 1,
        0,
        &format!(
            "Rates are % of each group; unknowns are shown but not used. Intervals: {} and, alongside, Katz log \
             interval. Significant: the interval excludes 1.00.",
            method_words(results.settings.ci_method)
        ),
        &f.note,
    )?;
    row += 2;
    let head = ratio_headers(results, "Indicator", "Title", true);
    let rows: Vec<Vec<Cell>> = rls
        .iter()
        .map(|(ind, fig)| {
            let mut cells = vec![Cell::text(&ind.id), Cell::text(&ind.title)];
            cells.extend(ratio_cells(ind, fig, true));
            let (v, words) = verdict(ind);
            cells.push(Cell::Verdict(v, words.to_string()));
            cells.push(Cell::text(notes_text(ind)));
            cells
        })
        .collect();
    row = sheet.table(row, &head, &rows)?;
    let groups = groups_of(standard);
    sheet.label(row, 0, "Counts and rates behind each relative likelihood", &f.bold)?;
    let head = count_headers("Indicator", "Ratio of", &groups);
    let counts: Vec<Vec<Cell>> = rls
        .iter()
        .map(|(ind, fig)| {
            let mut cells = vec![Cell::text(&ind.id), Cell::text(ratio_of(fig))];
            cells.extend(count_cells(fig, &groups));
            cells
        })
        .collect();
    row = sheet.table(row + 1, &head, &counts)?;
    ratio_chart(sheet, standard, &rls, row)
}

/// The chart of all relative likelihoods, with its drawing data in a small table above it.
fn ratio_chart(
    sheet: &mut Sheet,
    standard: &str,
    rls: &[(&IndicatorResult, &RelativeLikelihoodFigures)],
    mut row: u32,
) -> Result<u32> {
    let f = sheet.f;
    // Only a ratio above 0 can be drawn on a log axis.
    let drawn: Vec<(&IndicatorResult, f64, Option<&Ci>)> = rls
        .iter()
        .filter_map(|(i, fig)| {
            let r = fig.ratio.as_ref()?;
            let v = r.value.filter(|v| *v > 0.0 && v.is_finite())?;
            Some((*i, v, r.ci.as_ref()))
        })
        .collect();
    sheet.label(row, 0, &format!("Chart: {standard} relative likelihoods"), &f.heading)?;
    if drawn.is_empty() {
        sheet.label(
            row + 1,
            0,
            "No relative likelihood of this standard can be drawn (no data, or not estimable).",
            &f.note,
        )?;
        return Ok(row + 3);
    }
    let mut lo: f64 = 0.8;
    let mut hi: f64 = 1.25;
    for (_, v, ci) in &drawn {
        lo = lo.min(*v);
        hi = hi.max(*v);
        if let Some(c) = ci {
            if c.low > 0.0 {
                lo = lo.min(c.low);
            }
            if let Some(h) = c.high {
                hi = hi.max(h);
            }
        }
    }
    let axis_min = 10f64.powf(lo.log10().floor()).max(0.001);
    let axis_max = 10f64.powf(hi.log10().ceil()).min(1000.0);
    let mut open_top = Vec::new();
    let mut open_bottom = Vec::new();
    let data: Vec<Vec<Cell>> = drawn
        .iter()
        .map(|(i, v, ci)| {
            let (plus, minus) = match ci {
                Some(c) => {
                    let plus = match c.high {
                        Some(h) => (h - v).max(0.0),
                        None => {
                            open_top.push(i.id.clone());
                            (axis_max - v).max(0.0)
                        }
                    };
                    let minus = if c.low > 0.0 {
                        (v - c.low).max(0.0)
                    } else {
                        open_bottom.push(i.id.clone());
                        (v - axis_min).max(0.0)
                    };
                    (plus, minus)
                }
                None => (0.0, 0.0),
            };
            vec![
                Cell::text(&i.id),
                Cell::Num(Some(*v), Unit::Ratio),
                Cell::Num(Some(plus), Unit::Ratio),
                Cell::Num(Some(minus), Unit::Ratio),
                Cell::Num(Some(0.8), Unit::Ratio),
                Cell::Num(Some(1.25), Unit::Ratio),
            ]
        })
        .collect();
    sheet.label(
        row + 1,
        0,
        "The table below is the chart's drawing data: each ratio, how far its interval bar reaches up and down, and \
         the edges of the non-adverse range.",
        &f.note,
    )?;
    row += 2;
    let head = headers(&["Chart point", "Ratio drawn", "Bar up", "Bar down", "Range low edge", "Range high edge"]);
    let first = row + 1;
    let last = row + data.len() as u32;
    let after = sheet.table(row, &head, &data)?;
    let d = RatioData {
        rows: (first, last),
        cat_col: 0,
        value_col: 1,
        plus_col: 2,
        minus_col: 3,
        low_edge_col: 4,
        high_edge_col: 5,
        axis: (axis_min, axis_max),
    };
    let chart = charts::ratios(sheet.name, &format!("{standard} relative likelihoods with confidence intervals"), &d);
    sheet.ws.insert_chart(after, 0, &chart).map_err(super::xl)?;
    row = after + CHART_ROWS;
    let mut said = Vec::new();
    if !open_top.is_empty() {
        said.push(format!(
            "{}: the interval has no finite upper limit, drawn as a bar to the top of the chart.",
            open_top.join(", ")
        ));
    }
    if !open_bottom.is_empty() {
        said.push(format!(
            "{}: the interval starts at 0, drawn as a bar to the bottom of the chart.",
            open_bottom.join(", ")
        ));
    }
    let not_drawn: Vec<&str> =
        rls.iter().filter(|(i, _)| !drawn.iter().any(|(d, _, _)| d.id == i.id)).map(|(i, _)| i.id.as_str()).collect();
    if !not_drawn.is_empty() {
        said.push(format!("Not drawn (no ratio above 0 to draw on a log scale): {}.", not_drawn.join(", ")));
    }
    said.push("The dashed lines mark the non-adverse range 0.80 to 1.25.".to_string());
    for s in said {
        sheet.label(row, 0, &s, &f.note)?;
        row += 1;
    }
    Ok(row + 1)
}

fn reading_words(r: RollingAverage) -> &'static str {
    match r {
        RollingAverage::CurrentHeadcount => "both years' cases over twice the current headcount",
        RollingAverage::Pooled => "both years' cases over both years' headcounts (pooled)",
    }
}

fn rolling(
    sheet: &mut Sheet,
    results: &Results,
    standard: &str,
    inds: &[&IndicatorResult],
    mut row: u32,
) -> Result<u32> {
    let f = sheet.f;
    for ind in inds {
        let Figures::RelativeLikelihood(fig) = &ind.figures else { continue };
        let Some(detail) = &fig.rolling_average else { continue };
        sheet.label(row, 0, &format!("{}: two-year rolling average", ind.id), &f.heading)?;
        let years = if detail.two_years {
            "Two years of cases were used."
        } else {
            "The file held no case in the previous year, so one year was used (cases over headcount)."
        };
        sheet.label(
            row + 1,
            0,
            &format!("Reading shown above: {}. {years}", reading_words(detail.reading)),
            &f.note,
        )?;
        row += 2;
        let cases: Vec<Vec<Cell>> = detail
            .cases_by_year
            .iter()
            .map(|y| {
                vec![
                    Cell::text(if y.year == "current" { "Current year" } else { "Previous year" }),
                    Cell::text(y.group),
                    Cell::Count(Some(y.cases)),
                ]
            })
            .collect();
        row = sheet.table(row, &headers(&["Year", "Group", "People entering the process"]), &cases)?;
        let pair: Vec<&str> = fig
            .ratio
            .as_ref()
            .map(|r| vec![r.numerator_group, r.denominator_group])
            .unwrap_or_else(|| groups_of(standard)[..2].to_vec());
        let mut readings = Vec::new();
        let mut shown = vec![Cell::text(format!("Shown: {}", reading_words(detail.reading)))];
        shown.extend(count_cells(fig, &pair));
        shown.extend(ratio_cells(ind, fig, false));
        let (v, w) = assessment_verdict(fig.assessment);
        shown.push(Cell::Verdict(v, w.to_string()));
        shown.push(Cell::Blank);
        readings.push(shown);
        if let Some(alt) = &detail.alternative {
            let alt_fig = RelativeLikelihoodFigures {
                groups: alt.groups.clone(),
                ratio: alt.ratio.clone(),
                assessment: alt.assessment,
                rolling_average: None,
            };
            let mut cells = vec![Cell::text(format!("Other reading: {}", reading_words(alt.reading)))];
            cells.extend(count_cells(&alt_fig, &pair));
            cells.extend(ratio_cells(ind, &alt_fig, false));
            let (v, w) = assessment_verdict(alt.assessment);
            cells.push(Cell::Verdict(v, w.to_string()));
            cells.push(Cell::text(alt.reason.clone().unwrap_or_default()));
            readings.push(cells);
        }
        let mut head = count_headers("Reading", "x", &pair);
        head.remove(1);
        let level = level_words(results.settings.ci_level);
        head.extend([
            "Relative likelihood".to_string(),
            format!("{level} CI low"),
            format!("{level} CI high"),
            "Assessment".to_string(),
            "Notes".to_string(),
        ]);
        row = sheet.table(row, &head, &readings)?;
    }
    Ok(row)
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

fn representation(sheet: &mut Sheet, standard: &str, inds: &[&IndicatorResult], mut row: u32) -> Result<u32> {
    let f = sheet.f;
    let groups = groups_of(standard);
    for ind in inds {
        let Figures::Representation(fig) = &ind.figures else { continue };
        let by = if standard == "WDES" { "Cluster" } else { "Band" };
        sheet.label(row, 0, &format!("{}: {}", ind.id, ind.title), &f.heading)?;
        sheet.label(
            row + 1,
            0,
            "Headcount at the snapshot date; % of everyone in the row, unknowns included.",
            &f.note,
        )?;
        row += 2;
        if ind.status == Status::NoData || fig.rows.is_empty() {
            sheet.label(row, 0, &format!("No data: {}", ind.reason.clone().unwrap_or_default()), &f.note)?;
            row += 2;
            continue;
        }
        let table = pivot(&fig.rows, groups);
        let mut blocks: Vec<&str> = Vec::new();
        for (w, _, _) in &table {
            if !blocks.contains(w) {
                blocks.push(w);
            }
        }
        for block in blocks {
            let lines: Vec<_> = table.iter().filter(|(w, _, _)| *w == block).collect();
            sheet.label(row, 0, &format!("{} workforce", workforce_words(block)), &f.bold)?;
            row += 1;
            let mut head = vec![by.to_string()];
            for g in groups {
                head.push(format!("{g} staff"));
                head.push(format!("{g} %"));
            }
            head.push("Total staff".to_string());
            let cells: Vec<Vec<Cell>> = lines
                .iter()
                .map(|(_, band, rs)| {
                    let mut c = vec![Cell::text(*band)];
                    for r in rs {
                        c.push(Cell::Count(r.and_then(|r| r.count)));
                        c.push(Cell::Num(r.and_then(|r| r.percent), Unit::Percent));
                    }
                    c.push(Cell::Count(rs.iter().flatten().next().and_then(|r| r.total)));
                    c
                })
                .collect();
            let first = row + 1;
            let after = sheet.table(row, &head, &cells)?;
            let bands = lines.iter().filter(|(_, b, _)| *b != "All").count() as u32;
            if block != "overall" && bands > 0 {
                let series: Vec<(String, u16)> =
                    groups.iter().enumerate().map(|(i, g)| (format!("{g} %"), 2 + 2 * i as u16)).collect();
                let chart = charts::stacked(
                    sheet.name,
                    &format!("{}: {} workforce, % by group", ind.id, workforce_words(block)),
                    first,
                    first + bands - 1,
                    0,
                    &series,
                );
                sheet.ws.insert_chart(row, 8, &chart).map_err(super::xl)?;
                row = after.max(row + CHART_ROWS - 3);
            } else {
                row = after;
            }
        }
        for n in &ind.notes {
            sheet.label(row, 0, n, &f.note)?;
            row += 1;
        }
        row += 1;
    }
    Ok(row)
}

fn survey(sheet: &mut Sheet, standard: &str, inds: &[&IndicatorResult], mut row: u32) -> Result<u32> {
    let f = sheet.f;
    let surveys: Vec<_> = inds
        .iter()
        .filter_map(|i| match &i.figures {
            Figures::Survey(s) => Some((*i, s)),
            _ => None,
        })
        .collect();
    if surveys.is_empty() {
        return Ok(row);
    }
    let level = level_words(sheet_level(inds));
    sheet.label(row, 0, "NHS Staff Survey measures", &f.heading)?;
    sheet.label(
        row + 1,
        0,
        &format!(
            "Percentages with {level} Wilson intervals (9a is a 0-10 score, no interval). Groups with fewer than 11 \
             respondents are suppressed. The gap is {} and its interval is Newcombe's.",
            if standard == "WDES" { "Disabled minus Non-disabled" } else { "BME minus White" }
        ),
        &f.note,
    )?;
    row += 2;
    let mut rows = Vec::new();
    for (ind, s) in &surveys {
        if s.rows.is_empty() {
            rows.push(vec![
                Cell::text(&ind.id),
                Cell::text(&ind.title),
                Cell::Blank,
                Cell::text(no_figure(ind)),
                Cell::Blank,
                Cell::Blank,
                Cell::Blank,
                Cell::text(ind.reason.clone().unwrap_or_default()),
            ]);
        }
        let unit = if s.unit == "score" { Unit::Score } else { Unit::Percent };
        for r in &s.rows {
            let value = match (r.status, r.value) {
                (Status::Suppressed, _) => Cell::text("suppressed (<11)"),
                (_, v) => Cell::Num(v, unit),
            };
            rows.push(vec![
                Cell::text(&ind.id),
                Cell::text(&ind.title),
                Cell::text(r.group),
                value,
                Cell::Num(r.ci_low, unit),
                Cell::Num(r.ci_high, unit),
                Cell::Count(r.respondents),
                Cell::text(if r.status == Status::Suppressed { "suppressed" } else { "ok" }),
            ]);
        }
    }
    let head = headers(&[
        "Survey measure",
        "Title",
        "Group",
        "Value (% or score)",
        &format!("{level} CI low"),
        &format!("{level} CI high"),
        "Respondents",
        "Status",
    ]);
    row = sheet.table(row, &head, &rows)?;
    let gaps: Vec<Vec<Cell>> = surveys
        .iter()
        .map(|(ind, s)| {
            let gap = match s.gap_pp {
                Some(g) => Cell::Num(Some(g), Unit::Points),
                None => {
                    Cell::text(no_figure(ind).replace("not available", "no gap (a group is missing or suppressed)"))
                }
            };
            vec![
                Cell::text(&ind.id),
                Cell::text(&ind.title),
                gap,
                Cell::Num(s.gap_ci_low, Unit::Points),
                Cell::Num(s.gap_ci_high, Unit::Points),
                Cell::text(if s.unit == "score" { "score points" } else { "percentage points" }),
            ]
        })
        .collect();
    let head = headers(&[
        "Survey gap",
        "Title",
        "Gap",
        &format!("Gap {level} CI low"),
        &format!("Gap {level} CI high"),
        "Unit",
    ]);
    sheet.table(row, &head, &gaps)
}

fn sheet_level(inds: &[&IndicatorResult]) -> f64 {
    inds.iter()
        .find_map(|i| match &i.figures {
            Figures::RelativeLikelihood(f) => f.ratio.as_ref().and_then(|r| r.ci.as_ref()).map(|c| c.level),
            _ => None,
        })
        .unwrap_or(0.95)
}

fn board(sheet: &mut Sheet, standard: &str, inds: &[&IndicatorResult], mut row: u32) -> Result<u32> {
    let f = sheet.f;
    let groups = groups_of(standard);
    for ind in inds {
        let Figures::Board(b) = &ind.figures else { continue };
        sheet.label(row, 0, &format!("{}: {}", ind.id, ind.title), &f.heading)?;
        row += 1;
        if b.rows.is_empty() {
            sheet.label(row, 0, &format!("No data: {}", ind.reason.clone().unwrap_or_default()), &f.note)?;
            row += 2;
            continue;
        }
        let mut head = vec!["Board membership".to_string()];
        for g in groups {
            head.push(format!("{g} members"));
            head.push(format!("{g} %"));
        }
        head.push("Total".to_string());
        let mut memberships: Vec<&str> = Vec::new();
        for r in &b.rows {
            if !memberships.contains(&r.membership) {
                memberships.push(r.membership);
            }
        }
        let rows: Vec<Vec<Cell>> = memberships
            .iter()
            .map(|m| {
                let mut c = vec![Cell::text(membership_words(m))];
                let mut total = None;
                for g in groups {
                    let r = b.rows.iter().find(|r| r.membership == *m && r.group == g);
                    c.push(Cell::Count(r.and_then(|r| r.count)));
                    c.push(Cell::Num(r.and_then(|r| r.percent), Unit::Percent));
                    total = total.or(r.map(|r| r.total));
                }
                c.push(Cell::Count(total.flatten()));
                c
            })
            .collect();
        row = sheet.table(row, &head, &rows)?;
        let protected = super::protected_of(standard);
        let d = &b.difference_pp;
        let diff = |v: Option<f64>| match v {
            Some(v) => Cell::Num(Some(v), Unit::Points),
            None => Cell::text("not available (no staff snapshot or no members)"),
        };
        let rows = vec![
            vec![Cell::text("Voting members minus overall workforce"), diff(d.voting)],
            vec![Cell::text("Executive members minus overall workforce"), diff(d.executive)],
            vec![Cell::text("All board members minus overall workforce"), diff(d.all)],
        ];
        row =
            sheet.table(row, &[format!("Board difference, % {protected}"), "Percentage points".to_string()], &rows)?;
        for n in &ind.notes {
            sheet.label(row, 0, n, &f.note)?;
            row += 1;
        }
    }
    Ok(row)
}

fn declaration(sheet: &mut Sheet, inds: &[&IndicatorResult], mut row: u32) -> Result<u32> {
    let f = sheet.f;
    for ind in inds {
        let Figures::Declaration(d) = &ind.figures else { continue };
        sheet.label(row, 0, &format!("{}: {}", ind.id, ind.title), &f.heading)?;
        row += 1;
        let answer =
            d.answer.clone().unwrap_or_else(|| format!("no answer: {}", ind.reason.clone().unwrap_or_default()));
        let rows = vec![vec![
            Cell::text(&ind.wording),
            Cell::text(answer),
            Cell::text(d.text.clone().unwrap_or_else(|| "no text given".to_string())),
        ]];
        row = sheet.table(row, &headers(&["Question", "Answer", "What the organisation did"]), &rows)?;
    }
    Ok(row)
}

fn notes(sheet: &mut Sheet, inds: &[&IndicatorResult], row: u32) -> Result<u32> {
    let f = sheet.f;
    sheet.label(row, 0, "Every indicator: what it means and its notes", &f.heading)?;
    let rows: Vec<Vec<Cell>> = inds
        .iter()
        .map(|i| {
            let status = match i.status {
                Status::Ok => "figures computed",
                Status::NoData => "no data",
                Status::NotEstimable => "not estimable",
                Status::Suppressed => "suppressed",
            };
            vec![
                Cell::text(&i.id),
                Cell::text(&i.title),
                Cell::text(status),
                Cell::text(&i.summary),
                Cell::text(notes_text(i)),
            ]
        })
        .collect();
    sheet.table(row + 1, &headers(&["Id", "Title", "Status", "What it means", "Reason and notes"]), &rows)
}
