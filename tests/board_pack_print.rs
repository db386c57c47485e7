//! The example trust's board pack printed through LibreOffice (A4 landscape), rendered once for every test here:
//! the Board summary is one page; no text on it is under 9 points and none on the other sheets under 8; every
//! sheet's columns fit the page width; every sheet prints, in order; no number stands apart from its sign.
//!
//! Needs LibreOffice (`soffice`) and poppler (`pdftotext`): ignored where they are not installed, a failure under
//! `CI` (see `libreoffice_common`).

mod libreoffice_common;

use std::path::Path;
use std::sync::OnceLock;

use assert_cmd::Command;
use libreoffice_common::{
    assert_first_title_is_14_points, beyond_margins, sheet_of_each_page, to_pdf, too_small, words, Word,
};
use wres_wdes::render::workbook::SHEETS;

/// The printed pack: page sizes, words, and the sheet of each page (from its footer).
struct Printed {
    _dir: tempfile::TempDir,
    pages: Vec<(f64, f64)>,
    words: Vec<Word>,
    sheets: Vec<String>,
}

fn report(dir: &Path, args: &[&str]) {
    let out = Command::cargo_bin("wres-wdes").unwrap().current_dir(dir).args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// The pack of the example trust, with last year's results, printed once.
fn printed() -> &'static Printed {
    static PRINTED: OnceLock<Printed> = OnceLock::new();
    PRINTED.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        report(dir.path(), &["report", "-q", "--example", "--year", "2024", "--json", "last.json"]);
        report(dir.path(), &["report", "-q", "--example", "--previous", "last.json", "--out", "pack.xlsx"]);
        let pdf = to_pdf(&dir.path().join("pack.xlsx"), dir.path());
        if let Some(keep) = std::env::var_os("WRES_WDES_KEEP_PDF") {
            std::fs::copy(&pdf, Path::new(&keep).join("pack.pdf")).unwrap();
        }
        let (pages, words) = words(&pdf);
        let sheets = sheet_of_each_page(&pages, &words);
        Printed { _dir: dir, pages, words, sheets }
    })
}

#[test]
#[cfg_attr(no_libreoffice, ignore = "needs LibreOffice (soffice), pdftotext and the Carlito font")]
fn the_board_summary_is_one_page_and_every_sheet_prints_in_order() {
    let p = printed();
    assert_eq!(p.sheets.iter().filter(|s| *s == "Board summary").count(), 1, "{:?}", p.sheets);
    assert_eq!(p.sheets[0], "Board summary");
    let mut order: Vec<&str> = p.sheets.iter().map(String::as_str).collect();
    order.dedup();
    assert_eq!(order, SHEETS, "each sheet prints, in order, and nothing else (the chart data stay hidden)");
    let first: Vec<&str> = p.words.iter().filter(|w| w.page == 0).map(|w| w.text.as_str()).collect();
    let text = first.join(" ");
    for words in ["Key messages", "Exact figures: not for publication", "Relative likelihoods", "Status"] {
        assert!(text.contains(words), "the board page shows {words:?}");
    }
}

#[test]
#[cfg_attr(no_libreoffice, ignore = "needs LibreOffice (soffice), pdftotext and the Carlito font")]
fn no_text_under_9_points_on_the_board_page_nor_under_8_elsewhere() {
    let p = printed();
    assert_first_title_is_14_points(&p.words);
    let smallest = too_small(&p.words, &p.sheets, "Board summary");
    assert!(smallest.is_empty(), "text too small (points, page, word): {:?}", &smallest[..smallest.len().min(10)]);
}

#[test]
#[cfg_attr(no_libreoffice, ignore = "needs LibreOffice (soffice), pdftotext and the Carlito font")]
fn every_sheet_s_columns_fit_the_page_width() {
    let p = printed();
    // Margins of half an inch left and right: nothing printed beyond them, and no page shrunk to fit (the
    // sizes test would see that too).
    let beyond = beyond_margins(&p.pages, &p.words, &p.sheets);
    assert!(beyond.is_empty(), "{}", beyond.join("\n"));
    // Every page is landscape.
    assert!(p.pages.iter().all(|(w, h)| w > h));
}

#[test]
#[cfg_attr(no_libreoffice, ignore = "needs LibreOffice (soffice), pdftotext and the Carlito font")]
fn no_number_is_printed_apart_from_its_sign() {
    let p = printed();
    let digit = |t: &str| t.starts_with(|c: char| c.is_ascii_digit());
    for (i, w) in p.words.iter().enumerate() {
        let t = w.text.as_str();
        // The next word, when it starts another line (a number wrapped away from its sign).
        let next = p.words.get(i + 1).filter(|n| (n.y0 - w.y0).abs() > 2.0).map_or("", |n| n.text.as_str());
        let signed =
            (t.starts_with('-') || t.starts_with('\u{2212}')) && digit(t.trim_start_matches(['-', '\u{2212}']));
        let lone = (t == "-" || t == "\u{2212}") && digit(next);
        assert!(
            !signed && !lone,
            "page {} ({}): {t:?} {next:?}: a sign printed apart from words; a difference is said as better or worse",
            w.page + 1,
            p.sheets[w.page]
        );
    }
}
