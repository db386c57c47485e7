//! One relative likelihood across the system's trusts: what it measures, the system's figure and the centre line,
//! whether the trusts differ (Cochran's Q and tau² in words), the funnel plot, and a table of the trusts with
//! their counts, ratio, interval, status and place against the funnel.
//!
//! The funnel plot: each trust's ratio (log scale) against its information (1 / standard error², log scale), the
//! trusts' common ratio as the centre line, the 95% and 99.8% limit lines drawn from the roll-up's curve, the
//! non-adverse range's edges; each trust in its own status colour, those outside the 95% limits labelled with
//! their code.

use rust_xlsxwriter::{
    Chart, ChartAxisCrossing, ChartDataLabel, ChartDataLabelPosition, ChartFont, ChartFormat, ChartLegendPosition,
    ChartLine, ChartLineDashType, ChartMarker, ChartMarkerType, ChartSolidFill, ChartType,
};

use super::super::chart_data::{ChartData, Datum};
use super::super::charts::CHART_TEXT;
use super::super::page::{Cell, Page, Table, Unit};
use super::super::{level_words, palette};
use crate::compute::definitions::{id_words, Definition};
use crate::compute::rollup::funnel::{CurvePoint, FunnelTrust};
use crate::compute::rollup::{Rollup, RollupRatio};
use crate::compute::status::Level;
use crate::error::Result;
use crate::stats::funnel::Flag;

/// Trust, four counts, ratio, interval (two), status, place against the funnel.
pub const WIDTHS: [f64; 10] = [30.0, 9.5, 9.5, 9.5, 9.5, 7.0, 7.0, 7.0, 8.0, 24.0];
/// The plot's size in pixels.
const CHART_WIDTH: u32 = 900;
const CHART_HEIGHT: u32 = 290;

fn font(size: f64) -> ChartFont {
    ChartFont::new().set_size(size).clone()
}

/// `Trust 5 (R05)`, or the one given.
pub(crate) fn trust_words(trust: &str, name: &str) -> String {
    if name.trim().is_empty() || name == trust {
        trust.to_string()
    } else {
        format!("{name} ({trust})")
    }
}

/// Writes the sheet of `ratio` (defined by `def`).
pub fn write(page: &mut Page, rollup: &Rollup, ratio: &RollupRatio, def: &Definition) -> Result<()> {
    let f = &ratio.funnel;
    let id = id_words(&ratio.id);
    let protected = if ratio.id.starts_with("WDES") { "Disabled" } else { "BME" };
    page.title(&format!("{id} {}: each trust against the system", def.short))?;
    page.paragraph(&format!("{} Above 1 is worse for {protected} staff.", def.wording))?;
    let line = rollup.board_summary.board.lines.iter().find(|l| l.id == ratio.id);
    let level = level_words(rollup.ci_level);
    let system = match (ratio.pooled.as_ref().and_then(|p| p.value), line) {
        (Some(v), Some(l)) => {
            let ci = ratio.pooled.as_ref().and_then(|p| p.ci.as_ref());
            let interval = match ci {
                Some(c) => match c.high {
                    Some(h) => format!(" ({level} interval {:.2} to {h:.2})", c.low),
                    None => format!(" ({level} interval from {:.2})", c.low),
                },
                None => String::new(),
            };
            format!("{v:.2}{interval}, all trusts' counts together. Status {}: {}.", l.status.words(), l.why)
        }
        _ => "no figure: no trust has counts for both groups".to_string(),
    };
    let centre = match f.centre {
        Some(c) => format!(
            "{c:.2}, the trusts' common ratio (Mantel-Haenszel: each trust's groups compared within the trust, \
             then combined)"
        ),
        None => "none: the trusts have no common ratio, so no trust is placed".to_string(),
    };
    let n = f.trusts.len();
    let placed = format!(
        "{} of {n}{}",
        f.trusts_placed,
        if f.trusts_placed < n { "; the others are listed below with the reason" } else { "" }
    );
    page.pairs(&[
        ("The system".to_string(), Cell::text(system)),
        ("Centre line".to_string(), Cell::text(centre)),
        ("Trusts on the plot".to_string(), Cell::text(placed)),
        ("Do the trusts differ?".to_string(), Cell::text(&f.dispersion_words)),
    ])?;
    if f.trusts_placed > 0 && f.centre.is_some() {
        page.note(
            "Each dot is a trust: its ratio (up, log scale) against how precisely its counts pin the ratio down \
             (across: larger trusts to the right). A trust outside the 99.8% lines is further from the centre than \
             chance would put a trust of its size 998 times in 1,000; outside the 95% lines, 19 times in 20. Dots \
             take each trust's own status colour; trusts outside the 95% lines are labelled.",
        )?;
        let mut chart = funnel_chart(page.data, rollup, ratio, def);
        page.chart(&mut chart, 0, CHART_WIDTH, CHART_HEIGHT)?;
    }
    page.table(&trusts_table(rollup, ratio, def))?;
    Ok(())
}

/// The table of the trusts: the system's counts first, then each trust in manifest order.
fn trusts_table(rollup: &Rollup, ratio: &RollupRatio, def: &Definition) -> Table {
    let f = &ratio.funnel;
    let rl = def.relative_likelihood();
    let (num, den) = rl.map_or(("", ""), |r| (r.numerator_group.label(), r.denominator_group.label()));
    let level = level_words(rollup.ci_level);
    let headers = [
        "Trust".to_string(),
        format!("{num} with the outcome"),
        format!("{num} in all"),
        format!("{den} with the outcome"),
        format!("{den} in all"),
        "Ratio".to_string(),
        "Interval low".to_string(),
        "Interval high".to_string(),
        "Status".to_string(),
        "Against the funnel".to_string(),
    ];
    let mut note = rl.map_or(String::new(), |r| format!("With the outcome: {}; in all: {}.", r.outcome, r.population));
    if rl.is_some_and(|r| r.rolling_average) {
        note.push_str(
            " A two-year rolling average: cases over two years against twice the headcount, so \"in all\" counts \
             each person twice.",
        );
    }
    note.push_str(&format!(" Intervals {level}. Status: each trust's own figure by the rules on the System summary."));
    let mut t = Table {
        heading: Some("The trusts".to_string()),
        note: Some(note),
        headers: headers.to_vec(),
        rows: Vec::new(),
        spans: Vec::new(),
    };
    let count = |v: Option<u64>| Cell::Count(v);
    let group = |label: &str| ratio.groups.iter().find(|g| g.group == label);
    let line = rollup.board_summary.board.lines.iter().find(|l| l.id == ratio.id);
    let pooled = ratio.pooled.as_ref();
    let ci = pooled.and_then(|p| p.ci.as_ref());
    t.rows.push(vec![
        Cell::Strong("All trusts together".to_string()),
        count(group(num).and_then(|g| g.events)),
        count(group(num).and_then(|g| g.total)),
        count(group(den).and_then(|g| g.events)),
        count(group(den).and_then(|g| g.total)),
        Cell::Num(pooled.and_then(|p| p.value), Unit::Ratio),
        Cell::Num(ci.map(|c| c.low), Unit::Ratio),
        Cell::Num(ci.and_then(|c| c.high), Unit::Ratio),
        line.map_or(Cell::Blank, |l| Cell::Status(l.status, l.status.words().to_string())),
        Cell::text(f.centre.map_or("no centre line".to_string(), |c| format!("Centre line {c:.2}"))),
    ]);
    for (i, tr) in f.trusts.iter().enumerate() {
        // The summary's trusts are the roll-up's, in the same (manifest) order.
        let own = rollup.board_summary.trusts.get(i).and_then(|t| t.line(&ratio.id));
        let status = own.map_or(Level::NotJudged, |l| l.status);
        let place = match tr.flag {
            Flag::NotEstimable => {
                Cell::text(format!("Not on the plot: {}", tr.reason.as_deref().unwrap_or("no figure")))
            }
            Flag::Above99_8 | Flag::Below99_8 => Cell::Strong(tr.flag.words().to_string()),
            other => Cell::text(other.words()),
        };
        t.rows.push(vec![
            Cell::text(trust_words(&tr.trust, &tr.name)),
            count(tr.numerator_events),
            count(tr.numerator_total),
            count(tr.denominator_events),
            count(tr.denominator_total),
            Cell::Num(tr.ratio, Unit::Ratio),
            Cell::Num(tr.ci.as_ref().map(|c| c.low), Unit::Ratio),
            Cell::Num(tr.ci.as_ref().and_then(|c| c.high), Unit::Ratio),
            Cell::Status(status, status.words().to_string()),
            place,
        ]);
    }
    t
}

/// The powers of 2 just around `values` (the positive, finite ones): both axes of the plot are log scales in
/// doublings, no wider than the figures need, so a system of similar trusts is not squeezed into a corner.
///
/// ```text
/// bracket([150, 1500]) = (128, 2048); bracket([1.2, 1.9]) = (1, 2); bracket([1]) = (0.5, 2)
/// ```
fn bracket(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values
        .into_iter()
        .filter(|v| v.is_finite() && *v > 0.0)
        .fold((f64::MAX, 0.0f64), |(a, b), v| (a.min(v), b.max(v)));
    if hi <= 0.0 {
        return (0.5, 2.0);
    }
    let (mut lo, mut hi) = (2f64.powf(lo.log2().floor()), 2f64.powf(hi.log2().ceil()));
    if hi <= lo {
        (lo, hi) = (lo / 2.0, hi * 2.0);
    }
    (lo, hi)
}

/// The funnel plot of `ratio`.
fn funnel_chart(data: &mut ChartData, rollup: &Rollup, ratio: &RollupRatio, def: &Definition) -> Chart {
    let f = &ratio.funnel;
    let id = id_words(&ratio.id);
    let protected = if ratio.id.starts_with("WDES") { "Disabled" } else { "BME" };
    let centre = f.centre.unwrap_or(1.0);
    // Information across, from the least precise trust to the most; ratio up, holding every trust, the centre and
    // each trust's own 99.8% limits. The limit lines are drawn within that frame.
    let placed: Vec<&FunnelTrust> = f.trusts.iter().filter(|t| t.flag != Flag::NotEstimable).collect();
    let (xlo, xhi) = bracket(placed.iter().filter_map(|t| t.information));
    let mut values: Vec<f64> = vec![centre];
    for t in &placed {
        values.extend(t.ratio);
        values.extend(t.limits.iter().flat_map(|l| [l.low_99_8, l.high_99_8]));
    }
    let (ylo, yhi) = bracket(values);
    let on_axis = |v: f64| if v >= ylo && v <= yhi { Datum::Num(v) } else { Datum::Empty };
    let curve: Vec<&CurvePoint> = f.curve.iter().filter(|c| c.information >= xlo && c.information <= xhi).collect();
    let label = format!("{id} funnel");
    let mut chart = Chart::new(ChartType::ScatterStraight);
    let line = |color: &str, width: f64, dash: ChartLineDashType| {
        ChartLine::new().set_color(color).set_width(width).set_dash_type(dash).clone()
    };
    // A pair of lines as one series (one legend entry): the first, a gap, the second.
    let mut pair = |data: &mut ChartData,
                    name: &str,
                    xs: Vec<f64>,
                    first: Vec<Datum>,
                    second: Vec<Datum>,
                    mut style: ChartLine| {
        let x: Vec<Datum> =
            xs.iter().map(|v| Datum::Num(*v)).chain([Datum::Empty]).chain(xs.iter().map(|v| Datum::Num(*v))).collect();
        let y: Vec<Datum> = first.into_iter().chain([Datum::Empty]).chain(second).collect();
        let xr = data.column(&format!("{label}: {name}, information"), x);
        let yr = data.column(&format!("{label}: {name}, ratio"), y);
        chart.add_series().set_name(name).set_categories(&xr).set_values(&yr).set_format(&mut style);
    };
    pair(
        data,
        "Non-adverse range 0.80 to 1.25",
        vec![xlo, xhi],
        vec![on_axis(0.8), on_axis(0.8)],
        vec![on_axis(1.25), on_axis(1.25)],
        line(palette::GREEN_CHART, 1.0, ChartLineDashType::RoundDot),
    );
    let curve_x: Vec<f64> = curve.iter().map(|c| c.information).collect();
    pair(
        data,
        "99.8% limits",
        curve_x.clone(),
        curve.iter().map(|c| on_axis(c.limits.high_99_8)).collect(),
        curve.iter().map(|c| on_axis(c.limits.low_99_8)).collect(),
        line("#404040", 1.25, ChartLineDashType::Dash),
    );
    pair(
        data,
        "95% limits",
        curve_x,
        curve.iter().map(|c| on_axis(c.limits.high_95)).collect(),
        curve.iter().map(|c| on_axis(c.limits.low_95)).collect(),
        line("#808080", 1.0, ChartLineDashType::Solid),
    );
    let cx = data.column(&format!("{label}: centre, information"), vec![Datum::Num(xlo), Datum::Num(xhi)]);
    let cy = data.column(&format!("{label}: centre, ratio"), vec![Datum::Num(centre), Datum::Num(centre)]);
    chart
        .add_series()
        .set_name(format!("Centre: the trusts' common ratio, {centre:.2}").as_str())
        .set_categories(&cx)
        .set_values(&cy)
        .set_format(&mut line("#000000", 1.5, ChartLineDashType::Solid));
    // The trusts, one series per status.
    let statuses: Vec<Level> = f
        .trusts
        .iter()
        .enumerate()
        .map(|(i, _)| {
            rollup.board_summary.trusts.get(i).and_then(|t| t.line(&ratio.id)).map_or(Level::NotJudged, |l| l.status)
        })
        .collect();
    for level in [Level::Red, Level::Amber, Level::Green, Level::NotJudged] {
        let these: Vec<&FunnelTrust> = f
            .trusts
            .iter()
            .zip(&statuses)
            .filter(|(t, s)| **s == level && t.flag != Flag::NotEstimable && t.ratio.is_some_and(|v| v > 0.0))
            .map(|(t, _)| t)
            .collect();
        if these.is_empty() {
            continue;
        }
        let name = format!("Trust, status {}", level.words().to_lowercase());
        let x =
            data.column(&format!("{label}: {name}, information"), these.iter().map(|t| t.information.into()).collect());
        let y = data.column(&format!("{label}: {name}, ratio"), these.iter().map(|t| t.ratio.into()).collect());
        let labels: Vec<ChartDataLabel> = these
            .iter()
            .map(|t| {
                if t.flag.outside() {
                    ChartDataLabel::new()
                        .set_value(t.trust.as_str())
                        .set_position(ChartDataLabelPosition::Right)
                        .set_font(font(CHART_TEXT - 1.0).set_bold())
                        .to_custom()
                } else {
                    ChartDataLabel::new().set_hidden().to_custom()
                }
            })
            .collect();
        let color = palette::status_chart(level);
        chart
            .add_series()
            .set_name(name.as_str())
            .set_categories(&x)
            .set_values(&y)
            .set_format(ChartFormat::new().set_no_line())
            .set_marker(
                ChartMarker::new().set_type(ChartMarkerType::Circle).set_size(7).set_format(
                    ChartFormat::new()
                        .set_solid_fill(ChartSolidFill::new().set_color(color))
                        .set_border(ChartLine::new().set_color("#FFFFFF").set_width(0.5)),
                ),
            )
            .set_custom_data_labels(&labels);
    }
    chart
        .title()
        .set_name(
            format!(
                "Funnel plot: {} ({id}), each trust's ratio (log scale; above 1 worse for {protected} staff)",
                def.short
            )
            .as_str(),
        )
        .set_font(font(CHART_TEXT + 1.0).set_bold());
    chart
        .x_axis()
        .set_log_base(2)
        .set_major_unit(2)
        .set_min(xlo)
        .set_max(xhi)
        .set_crossing(ChartAxisCrossing::AxisValue(xlo))
        .set_num_format("#,##0")
        .set_font(&font(CHART_TEXT - 1.0))
        .set_name("Information: how precisely a trust's ratio is known (1 / standard error squared, log scale)")
        .set_name_font(&font(CHART_TEXT - 1.0));
    chart
        .y_axis()
        .set_log_base(2)
        .set_major_unit(2)
        .set_min(ylo)
        .set_max(yhi)
        .set_crossing(ChartAxisCrossing::AxisValue(ylo))
        .set_num_format("0.0#")
        .set_font(&font(CHART_TEXT - 1.0));
    chart.legend().set_position(ChartLegendPosition::Right).set_font(&font(CHART_TEXT - 1.0));
    chart
}

#[cfg(test)]
mod tests {
    use super::bracket;

    #[test]
    fn axes_in_doublings_just_around_the_figures() {
        assert_eq!(bracket([150.0, 1500.0]), (128.0, 2048.0));
        assert_eq!(bracket([1.2, 1.9]), (1.0, 2.0));
        assert_eq!(bracket([0.6, 6.67]), (0.5, 8.0));
        assert_eq!(bracket([1.0]), (0.5, 2.0));
        assert_eq!(bracket([f64::NAN, 0.0]), (0.5, 2.0));
    }
}
