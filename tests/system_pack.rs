//! The system board pack (`batch --workbooks` writes `system-report.xlsx`) of a planted system of five trusts (one
//! an outlier on WRES 2) and one that fails, built once for every test here: every visible cell in words (no
//! internal code, no bare sign); and, printed through LibreOffice once (A4 landscape), the System summary on one
//! page and first, every sheet printed in order, no text on the System summary under 9 points nor elsewhere under
//! 8, every sheet within the page width, and no chart split across pages.
//!
//! The print checks need LibreOffice (`soffice`) and poppler (`pdftotext`): ignored where they are not installed,
//! a failure in CI (see `libreoffice_common`).

mod cells_common;
mod libreoffice_common;
mod system_common;

use std::io::Cursor;
use std::path::Path;
use std::sync::OnceLock;

use calamine::{open_workbook_from_rs, Data, Reader, SheetVisible, Xlsx};
use libreoffice_common::{
    assert_first_title_is_14_points, beyond_margins, sheet_of_each_page, to_pdf, too_small, words, Word,
};

/// The system pack's bytes (the batch's folder kept while the tests run).
struct Built {
    _dir: tempfile::TempDir,
    pack: Vec<u8>,
}

fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let manifest = system_common::planted_system(dir.path());
        let out = dir.path().join("out");
        system_common::run_batch(&manifest, &out, true);
        let pack = std::fs::read(out.join("system-report.xlsx")).expect("batch --workbooks writes the system pack");
        Built { _dir: dir, pack }
    })
}

/// Sheets by name, in order.
type Sheets = Vec<(String, calamine::Range<Data>)>;

/// The visible sheets, by name, in order; and every sheet's name with whether it is visible.
fn sheets(bytes: &[u8]) -> (Sheets, Vec<(String, bool)>) {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("opens as xlsx");
    let all: Vec<(String, bool)> =
        wb.sheets_metadata().iter().map(|m| (m.name.clone(), m.visible == SheetVisible::Visible)).collect();
    let shown =
        all.iter().filter(|(_, v)| *v).map(|(n, _)| (n.clone(), wb.worksheet_range(n).expect("sheet reads"))).collect();
    (shown, all)
}

#[test]
fn the_pack_holds_a_sheet_per_relative_likelihood_and_its_chart_data_hidden() {
    let (shown, all) = sheets(&built().pack);
    let names: Vec<&str> = shown.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "System summary",
            "WRES 2 funnel plot",
            "WRES 3 funnel plot",
            "WRES 4 funnel plot",
            "WDES 2 funnel plot",
            "WDES 3 funnel plot",
            "Survey and representation",
            "Data quality",
            "Method",
        ]
    );
    assert_eq!(all.last(), Some(&("Chart data".to_string(), false)), "the charts' data on a hidden sheet");
}

#[test]
fn every_cell_a_reader_sees_is_in_words() {
    let (shown, _) = sheets(&built().pack);
    let mut found = Vec::new();
    let mut flags = 0;
    for (sheet, range) in &shown {
        for (row, cells) in range.rows().enumerate() {
            for (col, cell) in cells.iter().enumerate() {
                let Data::String(s) = cell else { continue };
                // Config files are named as the manifest gives them, as the user wrote them.
                if s.ends_with("trust.toml") {
                    continue;
                }
                if let Some(p) = cells_common::problem(s) {
                    found.push(format!("{sheet} row {} column {}: {p}", row + 1, col + 1));
                }
                if ["Within the limits", "Above the 99.8% limit", "Not on the plot: "].iter().any(|w| s.starts_with(w))
                {
                    flags += 1;
                }
            }
        }
    }
    assert!(found.is_empty(), "{} cells:\n{}", found.len(), found[..found.len().min(25)].join("\n"));
    assert!(flags >= 5 * 5, "every trust's place against each funnel in words ({flags})");
}

/// The printed pack: page sizes, words, and the sheet of each page (from its footer).
struct Printed {
    _dir: tempfile::TempDir,
    pages: Vec<(f64, f64)>,
    words: Vec<Word>,
    sheets: Vec<String>,
}

/// The pack printed once.
fn printed() -> &'static Printed {
    static PRINTED: OnceLock<Printed> = OnceLock::new();
    PRINTED.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let xlsx = dir.path().join("system-report.xlsx");
        std::fs::write(&xlsx, &built().pack).unwrap();
        let pdf = to_pdf(&xlsx, dir.path());
        if let Some(keep) = std::env::var_os("WRES_WDES_KEEP_PDF") {
            std::fs::copy(&pdf, Path::new(&keep).join("system-report.pdf")).unwrap();
        }
        let (pages, words) = words(&pdf);
        let sheets = sheet_of_each_page(&pages, &words);
        Printed { _dir: dir, pages, words, sheets }
    })
}

#[test]
#[cfg_attr(no_libreoffice, ignore = "needs LibreOffice (soffice), pdftotext and the Carlito font")]
fn the_system_summary_is_one_page_and_every_sheet_prints_in_order() {
    let p = printed();
    assert_eq!(p.sheets[0], "System summary");
    assert_eq!(p.sheets.iter().filter(|s| *s == "System summary").count(), 1, "{:?}", p.sheets);
    let mut order: Vec<&str> = p.sheets.iter().map(String::as_str).collect();
    order.dedup();
    let (shown, _) = sheets(&built().pack);
    let names: Vec<&str> = shown.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(order, names, "each sheet prints, in order, and nothing else");
    let first: Vec<&str> = p.words.iter().filter(|w| w.page == 0).map(|w| w.text.as_str()).collect();
    let text = first.join(" ");
    for words in [
        "Key messages",
        "Trust 5 (R05) at 6.67 lies above the 99.8% limit",
        "Trusts red",
        "1 trust failed to run",
        "Relative likelihoods (log scale",
        "set in the manifest",
    ] {
        assert!(text.contains(words), "the System summary shows {words:?}");
    }
}

#[test]
#[cfg_attr(no_libreoffice, ignore = "needs LibreOffice (soffice), pdftotext and the Carlito font")]
fn no_text_under_9_points_on_the_summary_nor_under_8_elsewhere() {
    let p = printed();
    assert_first_title_is_14_points(&p.words);
    let small = too_small(&p.words, &p.sheets, "System summary");
    assert!(small.is_empty(), "text too small (points, page, word): {:?}", &small[..small.len().min(10)]);
}

#[test]
#[cfg_attr(no_libreoffice, ignore = "needs LibreOffice (soffice), pdftotext and the Carlito font")]
fn every_sheet_fits_the_page_width() {
    let p = printed();
    let beyond = beyond_margins(&p.pages, &p.words, &p.sheets);
    assert!(beyond.is_empty(), "{}", beyond.join("\n"));
    assert!(p.pages.iter().all(|(w, h)| w > h), "every page landscape");
}

#[test]
#[cfg_attr(no_libreoffice, ignore = "needs LibreOffice (soffice), pdftotext and the Carlito font")]
fn no_chart_is_split_across_pages() {
    let p = printed();
    // A funnel plot's title and its axis title are the top and the bottom of the chart: on one page, in order.
    let at = |page: usize, first: &str, second: &str| {
        p.words.windows(2).filter(|w| w[0].page == page && w[0].text == first && w[1].text == second).count()
    };
    let mut charts = 0;
    for (page, sheet) in p.sheets.iter().enumerate() {
        if !sheet.ends_with("funnel plot") {
            continue;
        }
        let titles: Vec<&Word> = p
            .words
            .windows(2)
            .filter(|w| w[0].page == page && w[0].text == "Funnel" && w[1].text == "plot:")
            .map(|w| &w[0])
            .collect();
        let axis: Vec<&Word> = p.words.iter().filter(|w| w.page == page && w.text == "Information:").collect();
        assert_eq!(titles.len(), axis.len(), "page {} ({sheet}): a chart's title without its axis", page + 1);
        for (t, a) in titles.iter().zip(&axis) {
            assert!(t.y1 < a.y0, "page {}: the title above the axis", page + 1);
        }
        charts += at(page, "Funnel", "plot:");
    }
    // Every trust is on the WRES 2, WRES 3, WRES 4 and WDES 2 plots; nobody Disabled entered the capability
    // process at any trust, so WDES 3 has no plot.
    assert_eq!(charts, 4, "{:?}", p.sheets);
    // Trusts outside the 95% lines are labelled with their code: R05 on WRES 2.
    let wres2 = p.sheets.iter().position(|s| s == "WRES 2 funnel plot").unwrap();
    assert!(p.words.iter().any(|w| w.page == wres2 && w.text == "R05"), "the outlier labelled on its plot");
}
