//! The charts: a stacked column chart of percentages by group per band, and the relative likelihoods with their
//! intervals as error bars on a log scale with the 0.80-1.25 non-adverse range marked.

use rust_xlsxwriter::{
    Chart, ChartAxisLabelPosition, ChartErrorBars, ChartErrorBarsType, ChartFormat, ChartLegendPosition, ChartLine,
    ChartLineDashType, ChartMarker, ChartMarkerType, ChartRange, ChartSolidFill, ChartType,
};

/// Fills of the three groups in a stacked column: dark, light and mid grey-blue, distinct in greyscale.
const GROUP_FILLS: [&str; 3] = ["#1F4E79", "#F4B183", "#A6A6A6"];

/// A stacked column chart: one column per row `first..=last` (categories in `cat_col`), one series per
/// `(name, column)` of percentages.
pub(crate) fn stacked(
    sheet: &str,
    title: &str,
    first: u32,
    last: u32,
    cat_col: u16,
    series: &[(String, u16)],
) -> Chart {
    let mut chart = Chart::new(ChartType::ColumnStacked);
    for (i, (name, col)) in series.iter().enumerate() {
        chart
            .add_series()
            .set_name(name.as_str())
            .set_categories(&ChartRange::new_from_range(sheet, first, cat_col, last, cat_col))
            .set_values(&ChartRange::new_from_range(sheet, first, *col, last, *col))
            .set_format(
                ChartFormat::new()
                    .set_solid_fill(ChartSolidFill::new().set_color(GROUP_FILLS[i % GROUP_FILLS.len()]))
                    .set_border(ChartLine::new().set_color("#FFFFFF")),
            )
            .set_gap(60);
    }
    chart.title().set_name(title);
    chart.y_axis().set_name("% of staff in the row").set_min(0).set_max(100).set_num_format("0");
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.set_width(440).set_height(300);
    chart
}

/// Where the relative-likelihood chart's data are on the sheet.
pub(crate) struct RatioData {
    /// First and last data row.
    pub rows: (u32, u32),
    /// Indicator ids.
    pub cat_col: u16,
    /// Plotted values.
    pub value_col: u16,
    /// Error bar up.
    pub plus_col: u16,
    /// Error bar down.
    pub minus_col: u16,
    /// 0.80 per row.
    pub low_edge_col: u16,
    /// 1.25 per row.
    pub high_edge_col: u16,
    /// Axis limits.
    pub axis: (f64, f64),
}

/// The relative likelihoods as markers with their intervals as error bars, on a log axis, with dashed lines at
/// 0.80 and 1.25.
pub(crate) fn ratios(sheet: &str, title: &str, d: &RatioData) -> Chart {
    let (first, last) = d.rows;
    let range = |col: u16| ChartRange::new_from_range(sheet, first, col, last, col);
    let mut chart = Chart::new(ChartType::Line);
    let bars = ChartErrorBars::new()
        .set_type(ChartErrorBarsType::Custom(range(d.plus_col), range(d.minus_col)))
        .set_format(ChartLine::new().set_color("#000000").set_width(1.25))
        .clone();
    chart
        .add_series()
        .set_name("Relative likelihood (bars: confidence interval)")
        .set_categories(&range(d.cat_col))
        .set_values(&range(d.value_col))
        .set_format(ChartFormat::new().set_no_line())
        .set_marker(
            ChartMarker::new()
                .set_type(ChartMarkerType::Diamond)
                .set_size(9)
                .set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color("#1F4E79"))),
        )
        .set_y_error_bars(&bars);
    for (name, col, dash) in [
        ("0.80: lower edge of the non-adverse range", d.low_edge_col, ChartLineDashType::Dash),
        ("1.25: upper edge of the non-adverse range", d.high_edge_col, ChartLineDashType::LongDash),
    ] {
        chart
            .add_series()
            .set_name(name)
            .set_categories(&range(d.cat_col))
            .set_values(&range(col))
            .set_format(ChartLine::new().set_color("#C55A11").set_dash_type(dash).set_width(1.5))
            .set_marker(ChartMarker::new().set_none());
    }
    chart.title().set_name(title);
    chart
        .y_axis()
        .set_name("Relative likelihood (log scale; 1 = equally likely)")
        .set_log_base(10)
        .set_min(d.axis.0)
        .set_max(d.axis.1)
        .set_num_format("0.00");
    chart.x_axis().set_label_position(ChartAxisLabelPosition::Low);
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.set_width(620).set_height(340);
    chart
}
