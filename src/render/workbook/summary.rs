//! The Summary sheet: a title block, one row per indicator and metric (WRES then WDES) with its headline figure,
//! interval, counts, sentence and assessment, and a legend.

use super::sheet::{headers, Cell, Sheet};
use super::{change, headline, level_words, organisation, verdict, Unit, Verdict};
use crate::compute::results::{Figures, IndicatorResult, Results, Status};
use crate::error::Result;

/// The Summary's table starts on this row (0-based); tests and the Trend sheet rely on nothing else.
pub(crate) const TABLE_ROW: u32 = 10;

/// Writes the Summary sheet.
pub(crate) fn write(sheet: &mut Sheet, results: &Results) -> Result<()> {
    let f = sheet.f;
    sheet.label(0, 0, "WRES and WDES: summary for the board", &f.title)?;
    for (c, w) in [(2, 30), (3, 14), (4, 24), (5, 10), (6, 12), (7, 26), (8, 20), (11, 50), (12, 36)] {
        sheet.cap(c, w);
    }
    let block = [
        ("Organisation", organisation(results)),
        ("Snapshot date", results.snapshot_date.clone()),
        ("Reporting period", format!("{} to {}", results.reporting_period[0], results.reporting_period[1])),
        ("Tool version", format!("wres-wdes {}", results.tool_version)),
    ];
    for (i, (k, v)) in block.iter().enumerate() {
        sheet.label(1 + i as u32, 0, k, &f.bold)?;
        sheet.label(1 + i as u32, 2, v, &f.text)?;
    }
    sheet.label(6, 0, "What the figures say", &f.heading)?;
    for (row, standard, paragraph) in [(7, "WRES", &results.narrative.wres), (8, "WDES", &results.narrative.wdes)] {
        let text = if results.settings.standards.includes(standard) {
            format!("{standard}: {paragraph}")
        } else {
            format!(
                "{standard}: not asked for in this run (--standards {}), so none of its figures is in this workbook.",
                results.settings.standards.names().join(",").to_ascii_lowercase()
            )
        };
        sheet.label(row, 0, &text, &f.text)?;
    }
    let warnings = crate::normalise::quality::period_warnings(&results.data_quality.inputs);
    if !warnings.is_empty() {
        sheet.label(9, 0, &format!("Check the period: {}", warnings.join(" ")), &f.bold)?;
    }
    let level = level_words(results.settings.ci_level);
    let head = headers(&[
        "Standard",
        "Id",
        "Title",
        "Figure",
        "What the figure is",
        &format!("{level} CI low"),
        &format!("{level} CI high"),
        "Counts",
        "Assessment",
        "Significant",
        "Change from last year",
        "What it means",
        "Notes",
    ]);
    let rows: Vec<Vec<Cell>> = results.indicators.iter().map(|i| row(i, results)).collect();
    let next = sheet.table(TABLE_ROW, &head, &rows)?;
    sheet.freeze(TABLE_ROW, TABLE_ROW)?;
    legend(sheet, next, &level)?;
    Ok(())
}

fn row(ind: &IndicatorResult, results: &Results) -> Vec<Cell> {
    let h = headline(ind);
    let figure = match (&h.words, h.value) {
        (Some(w), _) => Cell::text(w.clone()),
        (None, Some(v)) => Cell::Num(Some(v), h.unit),
        (None, None) => Cell::text(no_figure(ind)),
    };
    let interval_unit = if h.unit == Unit::Points { Unit::Points } else { Unit::Ratio };
    let (low, high) = match h.interval {
        Some((low, Some(high))) => (Cell::Num(Some(low), interval_unit), Cell::Num(Some(high), interval_unit)),
        Some((low, None)) => (Cell::Num(Some(low), interval_unit), Cell::text("no finite upper limit")),
        None => (Cell::Blank, Cell::Blank),
    };
    let (v, words) = verdict(ind);
    let significant = match &ind.figures {
        Figures::RelativeLikelihood(f) => match f.ratio.as_ref().and_then(|r| r.significant) {
            Some(true) => Cell::text("yes"),
            Some(false) => Cell::text("no"),
            None => Cell::Blank,
        },
        _ => Cell::Blank,
    };
    let change = match change(ind, results) {
        Some((d, _)) => Cell::Num(Some(d), if h.unit == Unit::Ratio { Unit::Ratio } else { Unit::Points }),
        None => Cell::text("—"),
    };
    let mut notes: Vec<String> = ind.reason.iter().cloned().collect();
    notes.extend(ind.notes.iter().cloned());
    vec![
        Cell::text(&ind.standard),
        Cell::text(&ind.id),
        Cell::text(&ind.title),
        figure,
        Cell::text(h.what),
        low,
        high,
        Cell::text(counts(ind)),
        Cell::Verdict(v, words.to_string()),
        significant,
        change,
        Cell::text(&ind.summary),
        Cell::text(notes.join(" ")),
    ]
}

/// What stands in the figure column when there is no figure.
pub(crate) fn no_figure(ind: &IndicatorResult) -> String {
    match ind.status {
        Status::NoData => "no data".to_string(),
        Status::Suppressed => "suppressed".to_string(),
        _ => match &ind.figures {
            Figures::RelativeLikelihood(f) => {
                super::not_estimable_words(f.ratio.as_ref().and_then(|r| r.not_estimable)).to_string()
            }
            _ => "not available".to_string(),
        },
    }
}

/// A count in words: `1,500`, or `*` when suppressed.
pub(crate) fn n(count: Option<u64>) -> String {
    match count {
        None => "*".to_string(),
        Some(c) => {
            let s = c.to_string();
            let mut out = String::new();
            for (i, ch) in s.chars().enumerate() {
                if i > 0 && (s.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(ch);
            }
            out
        }
    }
}

/// The counts behind a figure in words, e.g. `White 300 of 1,500 vs BME 120 of 900`.
pub(crate) fn counts(ind: &IndicatorResult) -> String {
    if ind.status == Status::NoData {
        return String::new();
    }
    match &ind.figures {
        Figures::RelativeLikelihood(f) => {
            let Some(r) = &f.ratio else { return String::new() };
            let part = |g: &str| {
                f.groups
                    .iter()
                    .find(|x| x.group == g)
                    .map(|x| format!("{g} {} of {}", n(x.events), n(x.total)))
                    .unwrap_or_else(|| format!("{g} none"))
            };
            format!("{} vs {}", part(r.numerator_group), part(r.denominator_group))
        }
        Figures::Representation(f) => {
            let protected = super::protected_of(&ind.standard);
            f.rows
                .iter()
                .find(|r| r.workforce == "overall" && r.band == "All" && r.group == protected)
                .map(|r| format!("{} of {} staff", n(r.count), n(r.total)))
                .unwrap_or_default()
        }
        Figures::Survey(f) => f
            .rows
            .iter()
            .map(|r| format!("{}: {} respondents", r.group, n(r.respondents)))
            .collect::<Vec<_>>()
            .join("; "),
        Figures::Board(f) => {
            let protected = super::protected_of(&ind.standard);
            f.rows
                .iter()
                .filter(|r| r.group == protected && (r.membership == "voting" || r.membership == "workforce"))
                .map(|r| format!("{}: {} of {}", super::membership_words(r.membership), n(r.count), n(r.total)))
                .collect::<Vec<_>>()
                .join(" vs ")
        }
        Figures::Declaration(_) => String::new(),
    }
}

fn legend(sheet: &mut Sheet, mut row: u32, level: &str) -> Result<()> {
    let f = sheet.f;
    sheet.label(row, 2, "How to read this sheet", &f.heading)?;
    row += 1;
    let colours: [(Verdict, &str, &str); 5] = [
        (
            Verdict::Outside,
            "Outside the non-adverse range",
            "The relative likelihood is below 0.80 or above 1.25: one group is markedly more likely than the other \
             to have this outcome. Shown on an orange fill (the darkest) with these words.",
        ),
        (
            Verdict::Within,
            "Within the non-adverse range",
            "The relative likelihood is between 0.80 and 1.25: no adverse impact by NHS England's rule. Light green \
             fill.",
        ),
        (
            Verdict::NotEstimable,
            "Not estimable",
            "There are data, but no ratio can be worked out (a group has nobody in it, or the comparison group's \
             rate is 0). Grey fill, italic.",
        ),
        (Verdict::Neutral, "No data", "The input this figure needs was not given; the Notes column says which."),
        (
            Verdict::Neutral,
            "No range applies (not a ratio)",
            "Survey gaps, representation and board figures are not judged against the 0.80-1.25 range.",
        ),
    ];
    for (v, words, meaning) in colours {
        sheet.put(row, 2, &Cell::Verdict(v, words.to_string()))?;
        sheet.label(row, 3, meaning, &f.text)?;
        row += 1;
    }
    row += 1;
    let terms = [
        (
            "Relative likelihood",
            "How many times as likely one group is as the other to have the outcome: 1.00 means equally likely. \
             The groups are ordered so that a value above 1 is adverse to BME or Disabled staff."
                .to_string(),
        ),
        (
            "Non-adverse range 0.80-1.25",
            "NHS England treats a relative likelihood from 0.80 to 1.25 as showing no adverse impact \
             (the 'four-fifths' rule); outside it, the difference is large enough to act on."
                .to_string(),
        ),
        (
            "Significant",
            format!(
                "The {level} confidence interval (CI) excludes 1.00: a difference this large is unlikely to be \
                 chance alone. Not significant does not mean there is no difference."
            ),
        ),
        (
            "CI low / CI high",
            format!(
                "The {level} confidence interval: the range of values consistent with the data. 'no finite upper \
                 limit' means the data cannot rule out any large value."
            ),
        ),
        (
            "Percentage points (pp)",
            "The difference between two percentages, e.g. 30% vs 25% is a gap of +5.0 pp.".to_string(),
        ),
        ("Figure", "Ratios to 2 decimal places; percentages and gaps as numbers 0-100 (percent).".to_string()),
        (
            "Change from last year",
            "Shown when earlier years' results are given (--previous); '—' otherwise.".to_string(),
        ),
    ];
    for (term, meaning) in terms {
        sheet.label(row, 2, term, &f.bold)?;
        sheet.label(row, 3, &meaning, &f.text)?;
        row += 1;
    }
    Ok(())
}
