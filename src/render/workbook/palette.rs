//! The colours of the workbook. Colour means one thing throughout: the status palette (red, amber, green, and
//! grey for no status) marks how a figure is judged and nothing else; the two groups compared (BME and White,
//! Disabled and non-disabled) take a neutral pair of blue-greys that no status uses. Every status is written in
//! words beside its colour, so the page reads in greyscale too.
//!
//! A system-wide pack uses the same palette through [`status_fill`] and [`status_chart`].

use crate::compute::status::Level;

/// Cell fill of red (light, so black text reads on it).
pub const RED_FILL: &str = "#F4B7B2";
/// Cell fill of amber.
pub const AMBER_FILL: &str = "#FFE08A";
/// Cell fill of green.
pub const GREEN_FILL: &str = "#C5E0B4";
/// Cell fill of "no status".
pub const GREY_FILL: &str = "#E7E6E6";

/// Chart colour of red (markers).
pub const RED_CHART: &str = "#C0392B";
/// Chart colour of amber.
pub const AMBER_CHART: &str = "#E08E0B";
/// Chart colour of green.
pub const GREEN_CHART: &str = "#3A7D44";
/// Chart colour of no status.
pub const GREY_CHART: &str = "#8C8C8C";
/// The shaded non-adverse range 0.80-1.25 on charts: a pale tint of green.
pub const RANGE_BAND: &str = "#E2EFDA";

/// The protected group on charts (BME, Disabled): dark blue-grey.
pub const GROUP_PROTECTED: &str = "#44546A";
/// The comparison group on charts (White, non-disabled): light blue-grey.
pub const GROUP_COMPARISON: &str = "#ADB9CA";
/// Unknown or other groups on charts: light grey.
pub const GROUP_UNKNOWN: &str = "#D9D9D9";
/// The local population on charts (against the workforce): a mid grey with a pattern-free fill.
pub const POPULATION: &str = "#A5A5A5";

/// Fill of a table's header row.
pub const HEADER_FILL: &str = "#F2F2F2";
/// The marking strip of an exact workbook.
pub const MARKING_EXACT: &str = "#F4B7B2";
/// The marking strip of a publication workbook.
pub const MARKING_PUBLICATION: &str = "#DDEBF7";

/// The cell fill of a status.
pub fn status_fill(level: Level) -> &'static str {
    match level {
        Level::Red => RED_FILL,
        Level::Amber => AMBER_FILL,
        Level::Green => GREEN_FILL,
        Level::NotJudged => GREY_FILL,
    }
}

/// The chart colour of a status.
pub fn status_chart(level: Level) -> &'static str {
    match level {
        Level::Red => RED_CHART,
        Level::Amber => AMBER_CHART,
        Level::Green => GREEN_CHART,
        Level::NotJudged => GREY_CHART,
    }
}

/// The chart colour of a group: the protected group dark, the comparison group light, anything else grey.
pub fn group_chart(group: &str) -> &'static str {
    match group {
        "BME" | "Disabled" => GROUP_PROTECTED,
        "White" | "Non-disabled" => GROUP_COMPARISON,
        _ => GROUP_UNKNOWN,
    }
}
