//! The cell formats of the workbook: one number format per kind of figure, used on every sheet, and the
//! assessment fills (each paired with words, so they also read in greyscale).

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder};

/// Number format of a relative likelihood (and its interval limits).
pub const RATIO: &str = "0.00";
/// Number format of a percentage stored as a number from 0 to 100 (the header says "%").
pub const PERCENT: &str = "0.0";
/// Number format of a difference in percentage (or score) points, signed.
pub const POINTS: &str = "+0.0;-0.0;0.0";
/// Number format of a count.
pub const COUNT: &str = "#,##0";
/// Number format of a p-value.
pub const P_VALUE: &str = "[<0.0001]\"<0.0001\";0.0000";
/// Number format of a 0-10 survey score.
pub const SCORE: &str = "0.00";

/// Fill of "outside the non-adverse range" (light orange; darkest of the fills in greyscale).
pub const OUTSIDE_FILL: &str = "#F8CBAD";
/// Fill of "within the non-adverse range" (light green).
pub const WITHIN_FILL: &str = "#E2EFDA";
/// Fill of "not estimable" (light grey).
pub const NOT_ESTIMABLE_FILL: &str = "#EDEDED";

/// The formats used on every sheet.
#[derive(Debug, Clone)]
pub struct Formats {
    /// Sheet title.
    pub title: Format,
    /// A section heading above a table.
    pub heading: Format,
    /// A bold label (header cell outside a table, title-block label).
    pub bold: Format,
    /// A table header: bold, wrapped.
    pub header: Format,
    /// Plain text.
    pub text: Format,
    /// Text that wraps (sentences, notes).
    pub wrap: Format,
    /// Italic note.
    pub note: Format,
    /// Ratio `0.00`.
    pub ratio: Format,
    /// Percentage as a number `0.0`.
    pub percent: Format,
    /// Signed points `+0.0`.
    pub points: Format,
    /// Count `#,##0`.
    pub count: Format,
    /// p-value `0.0000`.
    pub p_value: Format,
    /// Score `0.00`.
    pub score: Format,
    /// Assessment: outside the non-adverse range.
    pub outside: Format,
    /// Assessment: within the non-adverse range.
    pub within: Format,
    /// Assessment: not estimable.
    pub not_estimable: Format,
    /// Assessment: no data, suppressed, or no range applies.
    pub neutral: Format,
}

impl Formats {
    /// Builds the formats.
    pub fn new() -> Formats {
        let num = |f: &str| Format::new().set_num_format(f).set_align(FormatAlign::Right).set_align(FormatAlign::Top);
        let fill = |c: &str| {
            Format::new()
                .set_background_color(c)
                .set_border(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::Top)
        };
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            heading: Format::new().set_bold().set_font_size(12),
            bold: Format::new().set_bold(),
            header: Format::new().set_bold().set_text_wrap().set_align(FormatAlign::Top),
            text: Format::new().set_align(FormatAlign::Top),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            note: Format::new().set_italic().set_align(FormatAlign::Top),
            ratio: num(RATIO),
            percent: num(PERCENT),
            points: num(POINTS),
            count: num(COUNT),
            p_value: num(P_VALUE),
            score: num(SCORE),
            outside: fill(OUTSIDE_FILL).set_bold(),
            within: fill(WITHIN_FILL),
            not_estimable: fill(NOT_ESTIMABLE_FILL).set_italic(),
            neutral: Format::new()
                .set_border(FormatBorder::Thin)
                .set_text_wrap()
                .set_italic()
                .set_align(FormatAlign::Top),
        }
    }
}

impl Default for Formats {
    fn default() -> Self {
        Formats::new()
    }
}
