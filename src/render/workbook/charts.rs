//! The charts, their data on the hidden sheet: the forest plot of the relative likelihoods (the Board summary and
//! the detail sheets), a small line chart per ratio over the years (Trend), stacked columns of each group's share
//! by band (detail sheets), and the workforce against the population (Population).
//!
//! Colours follow [`super::palette`]: status colours for how a figure is judged, the neutral pair for groups.
//! The forest plot is a horizontal bar chart because both Excel and LibreOffice draw that alike: the 0.80-1.25
//! range is a shaded bar masked below 0.80, each interval an error bar of an invisible bar, each figure a short
//! thick error bar in its status colour (one series per status), and last year's figure an open box.

use rust_xlsxwriter::{
    Chart, ChartAxisCrossing, ChartAxisLabelPosition, ChartErrorBars, ChartErrorBarsType, ChartFont, ChartFormat,
    ChartLegendPosition, ChartLine, ChartMarker, ChartMarkerType, ChartRange, ChartSolidFill, ChartType,
};

use super::chart_data::{ChartData, Datum};
use super::palette;
use crate::compute::board_summary::BoardLine;
use crate::compute::status::Level;

/// Text size on charts of the Board summary (and the smallest on any chart).
pub const CHART_TEXT: f64 = 9.0;

fn font(size: f64) -> ChartFont {
    ChartFont::new().set_size(size).clone()
}

/// The name of a relative likelihood on the forest plot: its short name and what it compares.
pub fn ratio_label(line: &BoardLine) -> String {
    let what = if line.standard == "WDES" { "disability" } else { "race" };
    let name =
        [" from shortlisting", " process", " and CPD"].iter().fold(line.name.clone(), |n, cut| n.replace(cut, ""));
    format!("{name} ({what})")
}

/// The axis of a forest plot: 0.5 to 4 on a log scale, widened by powers of 2 when a figure lies outside.
pub fn forest_axis(values: &[f64]) -> (f64, f64) {
    let (mut lo, mut hi) = (0.5f64, 4.0f64);
    for &v in values.iter().filter(|v| v.is_finite() && **v > 0.0) {
        while v < lo && lo > 1.0 / 1024.0 {
            lo /= 2.0;
        }
        while v > hi && hi < 1024.0 {
            hi *= 2.0;
        }
    }
    (lo, hi)
}

/// The forest plot of `lines` (relative likelihoods): each figure in its status colour with its interval, last
/// year's figure as an open box when `last_year`, the non-adverse range shaded, names in words, log axis.
pub fn forest(data: &mut ChartData, lines: &[&BoardLine], last_year: bool) -> Chart {
    // Bar charts draw the first category at the bottom: the rows go in reverse so the first reads on top.
    let rows: Vec<&BoardLine> = lines.iter().rev().copied().collect();
    let values: Vec<f64> = rows.iter().filter_map(|l| l.figure.map(|f| f.value)).collect();
    let then: Vec<f64> = rows.iter().filter_map(|l| l.last_year.as_ref().map(|t| t.value)).collect();
    let (lo, hi) = forest_axis(&[values.clone(), then].concat());
    let col = |data: &mut ChartData, label: &str, f: &dyn Fn(&BoardLine) -> Datum| {
        data.column(label, rows.iter().map(|l| f(l)).collect())
    };
    let names = col(data, "Forest plot: relative likelihood", &|l| Datum::Text(ratio_label(l)));
    let band_top = col(data, "Range upper edge", &|_| Datum::Num(1.25));
    let band_mask = col(data, "Range lower edge", &|_| Datum::Num(0.8));
    let point = |l: &BoardLine| l.figure.map(|f| f.value).filter(|v| *v > 0.0);
    let value = col(data, "Ratio", &|l| point(l).into());
    let up = col(data, "Interval up", &|l| match (point(l), l.figure) {
        (Some(v), Some(f)) => Datum::Num((f.high.unwrap_or(hi).min(hi) - v).max(0.0)),
        _ => Datum::Empty,
    });
    let down = col(data, "Interval down", &|l| match (point(l), l.figure) {
        (Some(v), Some(f)) => Datum::Num((v - f.low.unwrap_or(lo).max(lo)).max(0.0)),
        _ => Datum::Empty,
    });
    let mut chart = Chart::new(ChartType::Bar);
    let fill = |c: &str| ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(c)).set_no_border().clone();
    let none = || ChartFormat::new().set_no_fill().set_no_border().clone();
    chart
        .add_series()
        .set_name("Non-adverse range 0.80 to 1.25")
        .set_categories(&names)
        .set_values(&band_top)
        .set_format(&mut fill(palette::RANGE_BAND))
        .set_overlap(100)
        .set_gap(0);
    chart.add_series().set_categories(&names).set_values(&band_mask).set_format(&mut fill("#FFFFFF"));
    let bars = |plus: &ChartRange, minus: &ChartRange, color: &str, width: f64, cap: bool| {
        ChartErrorBars::new()
            .set_type(ChartErrorBarsType::Custom(plus.clone(), minus.clone()))
            .set_end_cap(cap)
            .set_format(ChartLine::new().set_color(color).set_width(width))
            .clone()
    };
    chart
        .add_series()
        .set_name("Interval")
        .set_categories(&names)
        .set_values(&value)
        .set_format(&mut none())
        .set_x_error_bars(&bars(&up, &down, "#000000", 1.25, true));
    // A figure: a short thick bar, 2% of its value each way (the same width anywhere on a log axis).
    let half = |data: &mut ChartData, label: &str, f: &dyn Fn(&BoardLine) -> Option<f64>, share: f64| {
        data.column(label, rows.iter().map(|l| f(l).map(|v| v * share).into()).collect())
    };
    if last_year {
        let prev = |l: &BoardLine| l.last_year.as_ref().map(|t| t.value).filter(|v| *v > 0.0 && *v >= lo && *v <= hi);
        let then = col(data, "Last year", &|l| prev(l).into());
        let outer = half(data, "Last year: box", &prev, 0.025);
        let inner = half(data, "Last year: inside of the box", &prev, 0.011);
        chart
            .add_series()
            .set_name("Last year")
            .set_categories(&names)
            .set_values(&then)
            .set_format(&mut none())
            .set_x_error_bars(&bars(&outer, &outer, "#404040", 9.0, false));
        chart
            .add_series()
            .set_categories(&names)
            .set_values(&then)
            .set_format(&mut none())
            .set_x_error_bars(&bars(&inner, &inner, "#FFFFFF", 5.0, false));
    }
    let dot = half(data, "This year: marker", &|l| point(l), 0.025);
    for level in [Level::Green, Level::Amber, Level::Red, Level::NotJudged] {
        if !rows.iter().any(|l| l.status == level && point(l).is_some()) {
            continue;
        }
        let label = format!("This year: {}", level.words());
        let these = col(data, &label, &|l| if l.status == level { point(l).into() } else { Datum::Empty });
        chart
            .add_series()
            .set_name(label.as_str())
            .set_categories(&names)
            .set_values(&these)
            .set_format(&mut none())
            .set_x_error_bars(&bars(&dot, &dot, palette::status_chart(level), 10.0, false));
    }
    chart
        .x_axis()
        .set_crossing(ChartAxisCrossing::AxisValue(lo))
        .set_log_base(2)
        .set_min(lo)
        .set_max(hi)
        .set_major_unit(2)
        .set_num_format("0.0#")
        .set_font(&font(CHART_TEXT));
    chart.y_axis().set_font(font(CHART_TEXT).set_rotation(0)).set_label_position(ChartAxisLabelPosition::Low);
    chart.legend().set_hidden();
    chart
        .title()
        .set_name("Relative likelihoods (log scale, 1 = equally likely)")
        .set_font(font(CHART_TEXT + 1.0).set_bold());
    chart
}

/// A small line chart of one figure over the years: `points` are (label, value) in time order.
pub fn trend(data: &mut ChartData, title: &str, points: &[(String, Option<f64>)], ratio: bool) -> Chart {
    let cats = data.column(&format!("{title}: year"), points.iter().map(|(d, _)| Datum::Text(d.clone())).collect());
    let vals = data.column(&format!("{title}: value"), points.iter().map(|(_, v)| (*v).into()).collect());
    let mut chart = Chart::new(ChartType::Line);
    if ratio {
        let edge = |data: &mut ChartData, label: &str, v: f64| {
            data.column(&format!("{title}: {label}"), points.iter().map(|_| Datum::Num(v)).collect())
        };
        let low = edge(data, "range lower edge", 0.8);
        let high = edge(data, "range upper edge", 1.25);
        for (name, range) in [("0.80", &low), ("1.25", &high)] {
            chart
                .add_series()
                .set_name(name)
                .set_categories(&cats)
                .set_values(range)
                .set_format(ChartLine::new().set_color(palette::GREEN_CHART).set_width(1.0))
                .set_marker(ChartMarker::new().set_none());
        }
    }
    chart
        .add_series()
        .set_name(title)
        .set_categories(&cats)
        .set_values(&vals)
        .set_format(ChartLine::new().set_color(palette::GROUP_PROTECTED).set_width(2.0))
        .set_marker(
            ChartMarker::new().set_type(ChartMarkerType::Circle).set_size(6).set_format(
                ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(palette::GROUP_PROTECTED)),
            ),
        );
    chart.title().set_name(title).set_font(font(CHART_TEXT).set_bold());
    chart.x_axis().set_font(font(CHART_TEXT - 1.0).set_rotation(0));
    chart.y_axis().set_font(&font(CHART_TEXT - 1.0)).set_num_format(if ratio { "0.0" } else { "0" });
    chart.legend().set_hidden();
    chart
}

/// A stacked column chart of each group's percentage by band: `categories` the band names, `series` (group,
/// values) in the order the groups stack.
pub fn stacked(data: &mut ChartData, title: &str, categories: &[String], series: &[(&str, Vec<Option<f64>>)]) -> Chart {
    let cats = data.column(&format!("{title}: band"), categories.iter().map(|c| Datum::Text(c.clone())).collect());
    let mut chart = Chart::new(ChartType::ColumnPercentStacked);
    for (group, values) in series {
        let vals = data.column(&format!("{title}: {group} %"), values.iter().map(|v| (*v).into()).collect());
        chart
            .add_series()
            .set_name(*group)
            .set_categories(&cats)
            .set_values(&vals)
            .set_format(
                ChartFormat::new()
                    .set_solid_fill(ChartSolidFill::new().set_color(palette::group_chart(group)))
                    .set_border(ChartLine::new().set_color("#FFFFFF")),
            )
            .set_gap(50);
    }
    chart.title().set_name(title).set_font(font(CHART_TEXT + 1.0).set_bold());
    chart.y_axis().set_num_format("0%").set_font(&font(CHART_TEXT - 1.0));
    chart.x_axis().set_font(font(CHART_TEXT - 1.0).set_rotation(0));
    chart.legend().set_position(ChartLegendPosition::Bottom).set_font(&font(CHART_TEXT - 1.0));
    chart
}

/// Workforce against population: clustered bars of two series over `groups`.
pub fn against_population(
    data: &mut ChartData,
    title: &str,
    groups: &[String],
    workforce: &[Option<f64>],
    population: &[Option<f64>],
) -> Chart {
    let cats = data.column(&format!("{title}: group"), groups.iter().map(|g| Datum::Text(g.clone())).collect());
    let w = data.column(&format!("{title}: workforce %"), workforce.iter().map(|v| (*v).into()).collect());
    let p = data.column(&format!("{title}: population %"), population.iter().map(|v| (*v).into()).collect());
    let mut chart = Chart::new(ChartType::Bar);
    for (name, vals, color) in
        [("Workforce %", &w, palette::GROUP_PROTECTED), ("Local population %", &p, palette::POPULATION)]
    {
        chart
            .add_series()
            .set_name(name)
            .set_categories(&cats)
            .set_values(vals)
            .set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(color)))
            .set_gap(60);
    }
    chart.title().set_name(title).set_font(font(CHART_TEXT + 1.0).set_bold());
    chart.x_axis().set_min(0).set_num_format("0").set_font(&font(CHART_TEXT - 1.0)).set_name("% of people");
    chart.x_axis().set_name_font(&font(CHART_TEXT - 1.0));
    chart.y_axis().set_font(&font(CHART_TEXT - 1.0)).set_reverse();
    chart.legend().set_position(ChartLegendPosition::Bottom).set_font(&font(CHART_TEXT - 1.0));
    chart
}
