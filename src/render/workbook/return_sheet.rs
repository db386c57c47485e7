//! The Return sheet: the figures in the order of the NHS England WRES and WDES data collections, ready to key
//! in. WRES: indicator 1 by block and band, 2-4 with group counts, rates and the ratio, 5-8 White/BME %, 9 the
//! board and differences. WDES: metric 1 clusters, 2, 3, 4a-i to 9a Disabled/Non-disabled/Overall, 9b, 10.

use super::sheet::{headers, Cell, Sheet};
use super::standard::pivot;
use super::{groups_of, membership_words, protected_of, workforce_words, Unit};
use crate::compute::results::{Figures, IndicatorResult, Results, Status};
use crate::error::Result;

/// Writes the Return sheet.
pub(crate) fn write(sheet: &mut Sheet, results: &Results) -> Result<()> {
    let f = sheet.f;
    sheet.label(0, 0, "Return: figures in the order of the NHS England data collections", &f.title)?;
    sheet.label(
        1,
        0,
        "Counts are headcounts; percentages are numbers 0-100; ratios to 2 decimal places as stored. Key in as shown.",
        &f.note,
    )?;
    sheet.freeze(0, 1)?;
    let mut row = 3;
    for standard in results.settings.standards.names() {
        let inds: Vec<&IndicatorResult> = results.indicators.iter().filter(|i| i.standard == standard).collect();
        sheet.label(row, 0, &format!("{standard} data collection"), &f.title)?;
        row += 2;
        row = representation(sheet, standard, &inds, row)?;
        row = ratios(sheet, standard, &inds, row)?;
        row = surveys(sheet, standard, &inds, row)?;
        row = declaration(sheet, &inds, row)?;
        row = board(sheet, standard, &inds, row)?;
    }
    Ok(())
}

fn no_data(sheet: &mut Sheet, ind: &IndicatorResult, row: u32) -> Result<u32> {
    let f = sheet.f;
    sheet.label(row, 0, &format!("No data: {}", ind.reason.clone().unwrap_or_default()), &f.note)?;
    Ok(row + 2)
}

fn representation(sheet: &mut Sheet, standard: &str, inds: &[&IndicatorResult], mut row: u32) -> Result<u32> {
    let f = sheet.f;
    let groups = groups_of(standard);
    for ind in inds {
        let Figures::Representation(fig) = &ind.figures else { continue };
        sheet.label(row, 0, &format!("{} {}", ind.id, ind.title), &f.heading)?;
        row += 1;
        if ind.status == Status::NoData {
            row = no_data(sheet, ind, row)?;
            continue;
        }
        let by = if standard == "WDES" { "Cluster" } else { "Band" };
        let mut head = vec!["Workforce".to_string(), by.to_string()];
        head.extend(groups.iter().map(|g| g.to_string()));
        head.push("Total".to_string());
        let rows: Vec<Vec<Cell>> = pivot(&fig.rows, groups)
            .into_iter()
            .map(|(w, band, rs)| {
                let mut c = vec![Cell::text(workforce_words(w)), Cell::text(band)];
                c.extend(rs.iter().map(|r| Cell::Count(r.and_then(|r| r.count))));
                c.push(Cell::Count(rs.iter().flatten().next().and_then(|r| r.total)));
                c
            })
            .collect();
        row = sheet.table(row, &head, &rows)?;
    }
    Ok(row)
}

fn ratios(sheet: &mut Sheet, standard: &str, inds: &[&IndicatorResult], row: u32) -> Result<u32> {
    let f = sheet.f;
    let groups = groups_of(standard);
    let rows: Vec<Vec<Cell>> = inds
        .iter()
        .filter_map(|ind| {
            let Figures::RelativeLikelihood(fig) = &ind.figures else { return None };
            let mut c = vec![Cell::text(&ind.id), Cell::text(&ind.title)];
            for g in groups {
                match fig.groups.iter().find(|x| x.group == g) {
                    Some(x) => c.extend([
                        Cell::Count(x.events),
                        Cell::Count(x.total),
                        Cell::Num(x.rate.map(|r| r * 100.0), Unit::Percent),
                    ]),
                    None => c.extend([Cell::Blank, Cell::Blank, Cell::Blank]),
                }
            }
            c.push(match fig.ratio.as_ref().and_then(|r| r.value) {
                Some(v) => Cell::Num(Some(v), Unit::Ratio),
                None => Cell::text(super::summary::no_figure(ind)),
            });
            Some(c)
        })
        .collect();
    if rows.is_empty() {
        return Ok(row);
    }
    sheet.label(row, 0, &format!("{standard} relative likelihoods"), &f.heading)?;
    let mut head = vec!["Indicator".to_string(), "Title".to_string()];
    for g in groups {
        head.push(format!("{g} with outcome"));
        head.push(format!("{g} total"));
        head.push(format!("{g} rate %"));
    }
    head.push("Relative likelihood".to_string());
    sheet.table(row + 1, &head, &rows)
}

fn surveys(sheet: &mut Sheet, standard: &str, inds: &[&IndicatorResult], row: u32) -> Result<u32> {
    let f = sheet.f;
    let groups: &[&str] = if standard == "WDES" { &["Disabled", "Non-disabled", "Overall"] } else { &["White", "BME"] };
    let rows: Vec<Vec<Cell>> = inds
        .iter()
        .filter_map(|ind| {
            let Figures::Survey(s) = &ind.figures else { return None };
            let unit = if s.unit == "score" { Unit::Score } else { Unit::Percent };
            let mut c = vec![Cell::text(&ind.id), Cell::text(&ind.title)];
            for g in groups {
                c.push(match s.rows.iter().find(|r| r.group == *g) {
                    Some(r) if r.status == Status::Suppressed => Cell::text("suppressed (<11)"),
                    Some(r) => Cell::Num(r.value, unit),
                    None if ind.status == Status::NoData => Cell::text("no data"),
                    None => Cell::text("not given"),
                });
            }
            Some(c)
        })
        .collect();
    if rows.is_empty() {
        return Ok(row);
    }
    sheet.label(row, 0, &format!("{standard} Staff Survey measures (% of staff; 9a a 0-10 score)"), &f.heading)?;
    let mut head = vec!["Measure".to_string(), "Title".to_string()];
    head.extend(groups.iter().map(|g| format!("{g} %")));
    sheet.table(row + 1, &head, &rows)
}

fn declaration(sheet: &mut Sheet, inds: &[&IndicatorResult], mut row: u32) -> Result<u32> {
    let f = sheet.f;
    for ind in inds {
        let Figures::Declaration(d) = &ind.figures else { continue };
        sheet.label(row, 0, &format!("{} {}", ind.id, ind.title), &f.heading)?;
        let rows = vec![vec![
            Cell::text(d.answer.clone().unwrap_or_else(|| "no answer".to_string())),
            Cell::text(d.text.clone().unwrap_or_default()),
        ]];
        row = sheet.table(row + 1, &headers(&["Answer", "Text"]), &rows)?;
    }
    Ok(row)
}

fn board(sheet: &mut Sheet, standard: &str, inds: &[&IndicatorResult], mut row: u32) -> Result<u32> {
    let f = sheet.f;
    let groups = groups_of(standard);
    let protected = protected_of(standard);
    for ind in inds {
        let Figures::Board(b) = &ind.figures else { continue };
        sheet.label(row, 0, &format!("{} {}", ind.id, ind.title), &f.heading)?;
        row += 1;
        if ind.status == Status::NoData {
            row = no_data(sheet, ind, row)?;
            continue;
        }
        let mut head = vec!["Membership".to_string()];
        head.extend(groups.iter().map(|g| g.to_string()));
        head.push("Total".to_string());
        head.push(format!("{protected} %"));
        let mut memberships: Vec<&str> = Vec::new();
        for r in &b.rows {
            if !memberships.contains(&r.membership) {
                memberships.push(r.membership);
            }
        }
        let rows: Vec<Vec<Cell>> = memberships
            .iter()
            .map(|m| {
                let find = |g: &str| b.rows.iter().find(|r| r.membership == *m && r.group == g);
                let mut c = vec![Cell::text(membership_words(m))];
                c.extend(groups.iter().map(|g| Cell::Count(find(g).and_then(|r| r.count))));
                c.push(Cell::Count(groups.iter().find_map(|g| find(g)).and_then(|r| r.total)));
                c.push(Cell::Num(find(protected).and_then(|r| r.percent), Unit::Percent));
                c
            })
            .collect();
        row = sheet.table(row, &head, &rows)?;
        let d = &b.difference_pp;
        let rows = vec![
            vec![Cell::text("Voting membership minus overall workforce"), Cell::Num(d.voting, Unit::Points)],
            vec![Cell::text("Executive membership minus overall workforce"), Cell::Num(d.executive, Unit::Points)],
            vec![Cell::text("All board members minus overall workforce"), Cell::Num(d.all, Unit::Points)],
        ];
        row = sheet.table(row, &headers(&["Difference", "Percentage points"]), &rows)?;
    }
    Ok(row)
}
