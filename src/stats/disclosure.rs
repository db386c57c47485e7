//! Disclosure control for publishable output (NHS Digital/NHS England secondary-care
//! statistical disclosure control standard, 2018: counts 1–7 suppressed, others rounded to the nearest 5; NHS Staff
//! Survey: groups under 11 respondents suppressed).

use serde::Serialize;

/// Smallest count shown (1–7 are suppressed).
pub const SMALLEST_SHOWN: u64 = 8;
/// Fewest survey respondents for a group to be shown.
pub const MIN_SURVEY_RESPONDENTS: u64 = 11;

/// A count as it may be published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "status", content = "value")]
pub enum Disclosed {
    /// Shown, rounded to the nearest 5 (0 stays 0).
    Shown(u64),
    /// Suppressed because it is 1–7 (shown as `*`).
    Suppressed,
    /// Suppressed so that a suppressed cell cannot be recovered from a total (shown as `*`).
    SecondarySuppressed,
}

impl Disclosed {
    /// Whether the count is hidden (primary or secondary).
    pub fn is_suppressed(self) -> bool {
        !matches!(self, Disclosed::Shown(_))
    }
    /// The published text: the rounded count, or `*`.
    pub fn text(self) -> String {
        match self {
            Disclosed::Shown(v) => v.to_string(),
            _ => "*".to_string(),
        }
    }
}

/// Primary disclosure control of one count: 0 stays 0, 1–7 are suppressed, any other count is rounded to the
/// nearest 5 (`5·⌊(n + 2)/5⌋`; no ties arise for integers).
///
/// ```
/// use wres_wdes::stats::disclosure::{disclose_count, Disclosed};
/// assert_eq!(disclose_count(0), Disclosed::Shown(0));
/// assert_eq!(disclose_count(7), Disclosed::Suppressed);
/// assert_eq!(disclose_count(8), Disclosed::Shown(10));
/// assert_eq!(disclose_count(12), Disclosed::Shown(10));
/// assert_eq!(disclose_count(13), Disclosed::Shown(15));
/// ```
pub fn disclose_count(n: u64) -> Disclosed {
    match n {
        0 => Disclosed::Shown(0),
        1..SMALLEST_SHOWN => Disclosed::Suppressed,
        _ => Disclosed::Shown(n.saturating_add(2) / 5 * 5),
    }
}

/// Whether a survey group is suppressed: fewer than 11 respondents (NHS Staff Survey breakdown rule).
///
/// ```
/// assert!(wres_wdes::stats::disclosure::survey_suppressed(10));
/// assert!(!wres_wdes::stats::disclosure::survey_suppressed(11));
/// ```
pub fn survey_suppressed(respondents: u64) -> bool {
    respondents < MIN_SURVEY_RESPONDENTS
}

/// A table of counts with its row totals, column totals and grand total, after disclosure control.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DisclosedTable {
    /// The interior cells, row by row.
    pub cells: Vec<Vec<Disclosed>>,
    /// One per row: the row's total.
    pub row_totals: Vec<Disclosed>,
    /// One per column: the column's total.
    pub column_totals: Vec<Disclosed>,
    /// The total of all cells.
    pub grand_total: Disclosed,
}

/// Disclosure control of a table with row and column totals (computed here from the cells): primary suppression
/// by [`disclose_count`], then secondary suppression until no row or column (each read with its total, the totals
/// row with the grand total) has exactly one hidden entry, since a single hidden entry could be recovered by
/// subtraction. In such a line the smallest shown non-zero interior cell is hidden too (else the smallest shown
/// interior cell, else the total). This is the classic "no line with a single suppression" rule; it blocks
/// recovery by one subtraction, not every linear-programming attack.
///
/// `None` when the rows are of different lengths.
///
/// ```
/// use wres_wdes::stats::disclosure::{disclose_table, Disclosed};
/// let t = disclose_table(&[vec![3, 40, 52], vec![20, 30, 25]]).unwrap();
/// assert_eq!(t.cells[0][0], Disclosed::Suppressed);
/// assert_eq!(t.cells[0][1], Disclosed::SecondarySuppressed); // the next-smallest in its row
/// assert_eq!(t.cells[1][0], Disclosed::SecondarySuppressed); // column 0 would give away the 3
/// assert_eq!(t.cells[1][1], Disclosed::SecondarySuppressed); // and then column 1 (20 + 30 hidden, 25 shown)
/// ```
pub fn disclose_table(cells: &[Vec<u64>]) -> Option<DisclosedTable> {
    let rows = cells.len();
    let cols = cells.first().map_or(0, Vec::len);
    if cells.iter().any(|r| r.len() != cols) {
        return None;
    }
    // Full grid with margins: index `rows` is the totals row, `cols` the totals column.
    let mut raw = vec![vec![0u64; cols + 1]; rows + 1];
    for (i, row) in cells.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            raw[i][j] = v;
            raw[i][cols] = raw[i][cols].saturating_add(v);
            raw[rows][j] = raw[rows][j].saturating_add(v);
            raw[rows][cols] = raw[rows][cols].saturating_add(v);
        }
    }
    let mut out: Vec<Vec<Disclosed>> = raw.iter().map(|r| r.iter().map(|&v| disclose_count(v)).collect()).collect();
    // Lines: each row (cells + total) and each column (cells + total), including the margins.
    let mut lines: Vec<Vec<(usize, usize)>> = Vec::new();
    for i in 0..=rows {
        lines.push((0..=cols).map(|j| (i, j)).collect());
    }
    for j in 0..=cols {
        lines.push((0..=rows).map(|i| (i, j)).collect());
    }
    loop {
        let mut changed = false;
        for line in &lines {
            let hidden = line.iter().filter(|&&(i, j)| out[i][j].is_suppressed()).count();
            if hidden != 1 {
                continue;
            }
            let (total_cell, interior) = match line.split_last() {
                Some((t, rest)) => (*t, rest),
                None => continue,
            };
            let shown = |&&(i, j): &&(usize, usize)| !out[i][j].is_suppressed();
            let pick = interior
                .iter()
                .filter(shown)
                .filter(|&&(i, j)| raw[i][j] > 0)
                .min_by_key(|&&(i, j)| raw[i][j])
                .or_else(|| interior.iter().filter(shown).min_by_key(|&&(i, j)| raw[i][j]))
                .copied()
                .or((!out[total_cell.0][total_cell.1].is_suppressed()).then_some(total_cell));
            if let Some((i, j)) = pick {
                out[i][j] = Disclosed::SecondarySuppressed;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let grand_total = out[rows][cols];
    let column_totals = out[rows][..cols].to_vec();
    let row_totals = out[..rows].iter().map(|r| r[cols]).collect();
    let cells = out[..rows].iter().map(|r| r[..cols].to_vec()).collect();
    Some(DisclosedTable { cells, row_totals, column_totals, grand_total })
}
