//! The Method sheet of the system pack: how the system's figures, the statuses and the funnel plots were made,
//! with the sources.

use super::super::page::{Cell, Page};
use super::super::{date_words, level_words, method_words};
use super::system_name;
use crate::compute::rollup::Rollup;
use crate::error::Result;
use crate::stats::funnel::{Z_95, Z_99_8};

/// A label and one wide column.
pub const WIDTHS: [f64; 2] = [30.0, 100.0];

/// Writes the sheet.
pub fn write(page: &mut Page, rollup: &Rollup) -> Result<()> {
    page.title("Method: how the system's figures were made")?;
    let s = &rollup.board_summary;
    let dates = s.snapshot_dates.iter().map(|d| date_words(d)).collect::<Vec<_>>().join(", ");
    let failed = if rollup.failed.is_empty() {
        "none".to_string()
    } else {
        rollup.failed.iter().map(|f| f.config.as_str()).collect::<Vec<_>>().join(", ")
    };
    let rows = [
        ("System", system_name(rollup)),
        ("Trusts", format!("{} in these figures; failed to run: {failed}", rollup.trusts.len())),
        ("Snapshot dates", if dates.is_empty() { "none".to_string() } else { dates }),
        (
            "Disclosure",
            if s.publication {
                "every trust's figures for publication: counts withheld by disclosure control (*) are left out of \
                 the system's sums"
                    .to_string()
            } else {
                "exact figures (not for publication as they stand)".to_string()
            },
        ),
        (
            "The system's figures",
            format!(
                "Every trust's counts together: people with the outcome and people in each group summed for a \
                 relative likelihood; survey answers pooled by respondents over the trusts reporting both groups; \
                 staff and board members summed. Intervals: the {} at {} for ratios, Wilson's for shares, \
                 Newcombe's for survey gaps.",
                method_words(rollup.ci_method),
                level_words(rollup.ci_level)
            ),
        ),
        (
            "Status",
            "The rules of a trust's board page, printed on the System summary (settable in the manifest's [status] \
             section). Each trust is judged by the same rules; the System summary counts the trusts red and amber. \
             Boards: the members each voting board is short of its own workforce's share, averaged over the \
             boards."
                .to_string(),
        ),
        (
            "Funnel plot",
            format!(
                "For each trust with people with the outcome in both groups: y = ln(ratio), its Katz standard \
                 error s = sqrt(1/a - 1/n1 + 1/c - 1/n2), and its information 1/s². Centre: ln of the trusts' \
                 Mantel-Haenszel common ratio. Limits: centre ± z × sqrt(s² + tau²), z = {Z_95} (95%) and \
                 {Z_99_8} (99.8%), drawn as ratios."
            ),
        ),
        (
            "Do the trusts differ?",
            "Cochran's Q of the trusts' ln ratios about their inverse-variance mean, against chi-square on k - 1 \
             degrees of freedom (k trusts on the plot). When its p-value is under 0.05 the trusts differ more than \
             chance would explain: tau², the DerSimonian-Laird estimate of the spread between trusts, widens the \
             limits so that a trust stands out only beyond that usual spread. Otherwise tau² is 0."
                .to_string(),
        ),
        (
            "Sources",
            "D. J. Spiegelhalter, Funnel plots for comparing institutional performance, Statistics in Medicine 24 \
             (2005) 1185-1202. R. DerSimonian and N. Laird, Meta-analysis in clinical trials, Controlled Clinical \
             Trials 7 (1986) 177-188. N. Mantel and W. Haenszel, Journal of the National Cancer Institute 22 (1959) \
             719-748."
                .to_string(),
        ),
        ("Tool", format!("wres-wdes {}", env!("CARGO_PKG_VERSION"))),
    ];
    let pairs: Vec<(String, Cell)> = rows.into_iter().map(|(k, v)| (k.to_string(), Cell::text(v))).collect();
    page.pairs(&pairs)
}
