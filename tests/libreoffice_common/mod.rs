//! LibreOffice for tests: convert a workbook to PDF once, and read the PDF's words with their boxes.
//!
//! A test that needs LibreOffice carries
//! `#[cfg_attr(no_libreoffice, ignore = "needs LibreOffice (soffice), pdftotext and the Carlito font")]`:
//! `build.rs` sets `no_libreoffice` where `soffice` or `pdftotext` is not on the `PATH` or the Carlito font is not
//! installed, so the harness reports the test ignored;
//! under `CI` it is never set, and [`to_pdf`] fails the test, naming what is missing.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(program).is_file()))
}

fn carlito_installed() -> bool {
    Command::new("fc-list").arg("Carlito").output().is_ok_and(|o| o.status.success() && !o.stdout.is_empty())
}

/// Fails the test when LibreOffice's `soffice` or poppler's `pdftotext` is not on the `PATH`, or the Carlito font
/// (Calibri's metrics: the text sizes and page breaks measured are Excel's only in it) is not installed.
fn installed() {
    let mut missing: Vec<&str> = ["soffice", "pdftotext"].into_iter().filter(|p| !on_path(p)).collect();
    if !carlito_installed() {
        missing.push("the Carlito font (fonts-crosextra-carlito)");
    }
    assert!(
        missing.is_empty(),
        "{} not installed: this test needs LibreOffice, poppler and Carlito (with CI set, every test must run; elsewhere it \
         is ignored when they are missing at build time)",
        missing.join(" and ")
    );
}

/// Converts `xlsx` to PDF in `dir` with a LibreOffice profile of its own (so it never meets another instance),
/// returning the PDF's path.
pub fn to_pdf(xlsx: &Path, dir: &Path) -> PathBuf {
    installed();
    let profile = format!("-env:UserInstallation=file://{}", dir.join("profile").display());
    let out = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(xlsx)
        .output()
        .expect("soffice runs");
    assert!(out.status.success(), "soffice failed: {}", String::from_utf8_lossy(&out.stderr));
    let pdf = dir.join(xlsx.with_extension("pdf").file_name().unwrap());
    assert!(std::fs::metadata(&pdf).map(|m| m.len() > 0).unwrap_or(false), "the PDF exists and is not empty");
    pdf
}

/// One word of a PDF page with its box, in points from the page's top left.
#[derive(Debug, Clone)]
pub struct Word {
    /// The page, from 0.
    pub page: usize,
    /// Left.
    pub x0: f64,
    /// Top.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub y1: f64,
    /// The text.
    pub text: String,
}

/// A PDF's pages (width, height) and words, from `pdftotext -bbox`.
pub fn words(pdf: &Path) -> (Vec<(f64, f64)>, Vec<Word>) {
    let out = Command::new("pdftotext").arg("-bbox").arg(pdf).arg("-").output().expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext failed");
    let html = String::from_utf8_lossy(&out.stdout);
    let attr = |line: &str, name: &str| -> f64 {
        let key = format!("{name}=\"");
        let start = line.find(&key).map(|i| i + key.len()).unwrap_or_else(|| panic!("{name} in {line}"));
        let end = line[start..].find('"').unwrap() + start;
        line[start..end].parse().unwrap()
    };
    let (mut pages, mut words) = (Vec::new(), Vec::new());
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            pages.push((attr(line, "width"), attr(line, "height")));
        } else if line.starts_with("<word ") {
            let text = line.split('>').nth(1).and_then(|t| t.split('<').next()).unwrap_or("");
            let text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
            words.push(Word {
                page: pages.len() - 1,
                x0: attr(line, "xMin"),
                y0: attr(line, "yMin"),
                x1: attr(line, "xMax"),
                y1: attr(line, "yMax"),
                text,
            });
        }
    }
    (pages, words)
}

/// A word's box height over its font size for Carlito, as `pdftotext -bbox` measures it (its ascent plus
/// descent: 1.30 of the size, measured from text set at 8, 9, 10, 11 and 14 points).
pub const BOX_PER_POINT: f64 = 1.30;

/// The font size of a word, in points, from its box: the height for level text; for text set vertically (a
/// chart's axis title) the box is taller than any line, and its width is the line's height.
pub fn size_of(w: &Word) -> f64 {
    let (h, wd) = (w.y1 - w.y0, w.x1 - w.x0);
    let level = h / BOX_PER_POINT;
    if level > 16.0 && w.text.chars().count() >= 2 && wd < h {
        wd / BOX_PER_POINT
    } else {
        level
    }
}

/// Calibration: the first page's title is set at 14 points; a renderer or font that measures differently fails
/// here rather than showing as a wrong size everywhere.
pub fn assert_first_title_is_14_points(words: &[Word]) {
    let title = words.iter().filter(|w| w.page == 0).max_by(|a, b| (a.y1 - a.y0).total_cmp(&(b.y1 - b.y0))).unwrap();
    assert!(
        (size_of(title) - 14.0).abs() < 0.3,
        "title {:?} measures {:.2} points, not 14",
        title.text,
        size_of(title)
    );
}

/// The sheet each page prints, from the middle of its footer (the page writer's footer names the sheet there).
pub fn sheet_of_each_page(pages: &[(f64, f64)], words: &[Word]) -> Vec<String> {
    pages
        .iter()
        .enumerate()
        .map(|(p, &(w, h))| {
            let middle: Vec<&str> = words
                .iter()
                .filter(|x| x.page == p && x.y0 > h - 40.0 && x.x0 > w * 0.3 && x.x1 < w * 0.7)
                .map(|x| x.text.as_str())
                .collect();
            middle.join(" ")
        })
        .collect()
}

/// Words set smaller than 9 points on the pages of `first` (the board's one page) or than 8 elsewhere, as (points,
/// page from 1, word), smallest first.
pub fn too_small(words: &[Word], sheets: &[String], first: &str) -> Vec<(f64, usize, String)> {
    let mut small: Vec<(f64, usize, String)> = words
        .iter()
        .filter_map(|w| {
            let least = if sheets[w.page] == first { 9.0 } else { 8.0 };
            let size = size_of(w);
            (size < least - 0.15).then(|| (size, w.page + 1, w.text.clone()))
        })
        .collect();
    small.sort_by(|a, b| a.0.total_cmp(&b.0));
    small
}

/// Words printed beyond the half-inch margins left and right (a sheet wider than its page), in words.
pub fn beyond_margins(pages: &[(f64, f64)], words: &[Word], sheets: &[String]) -> Vec<String> {
    words
        .iter()
        .filter(|w| w.x0 < 36.0 - 1.5 || w.x1 > pages[w.page].0 - 36.0 + 1.5)
        .map(|w| format!("page {} ({}): {:?} at {:.1}-{:.1}", w.page + 1, sheets[w.page], w.text, w.x0, w.x1))
        .collect()
}
