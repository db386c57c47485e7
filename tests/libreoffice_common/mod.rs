//! LibreOffice for tests: convert a workbook to PDF once, and read the PDF's words with their boxes.
//!
//! A test that needs LibreOffice carries
//! `#[cfg_attr(no_libreoffice, ignore = "needs LibreOffice (soffice) and pdftotext")]`: `build.rs` sets
//! `no_libreoffice` where `soffice` or `pdftotext` is not on the `PATH`, so the harness reports the test ignored;
//! under `CI` it is never set, and [`to_pdf`] fails the test, naming what is missing.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(program).is_file()))
}

/// Fails the test when LibreOffice's `soffice` or poppler's `pdftotext` is not on the `PATH`.
fn installed() {
    let missing: Vec<&str> = ["soffice", "pdftotext"].into_iter().filter(|p| !on_path(p)).collect();
    assert!(
        missing.is_empty(),
        "{} not installed: this test needs LibreOffice and poppler (with CI set, every test must run; elsewhere it \
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
