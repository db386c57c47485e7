//! Decides, when the tests are built, which of them can run on this machine, so that a test whose requirement
//! is missing is reported by the test harness as *ignored* (never as passed without testing anything):
//!
//! - `no_shared`: `../shared` (the reference data, the oracle vectors and the specification, kept beside the
//!   project) is not there;
//! - `no_libreoffice`: LibreOffice's `soffice` or poppler's `pdftotext` is not on the `PATH`, or the Carlito font
//!   (Calibri's metrics, which the print tests measure text and page breaks in) is not installed.
//!
//! Tests carry `#[cfg_attr(no_shared, ignore = "...")]`. When the `CI` environment variable is set (to anything but
//! an empty value), neither is ever set: every test runs, and one whose requirement is missing fails, saying what
//! is missing.
//!
//! The build is redone when `CI` or `PATH` changes, or anything under `../shared` does. Where `../shared` is absent,
//! watching it would redo the build every time (a missing path always counts as changed), so it is not watched:
//! after putting it in place, `touch build.rs` (or change `CI`) to have the tests that need it run.

use std::path::Path;

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(program).is_file()))
}

fn carlito_installed() -> bool {
    std::process::Command::new("fc-list")
        .arg("Carlito")
        .output()
        .is_ok_and(|o| o.status.success() && !o.stdout.is_empty())
}

fn main() {
    println!("cargo::rustc-check-cfg=cfg(no_shared)");
    println!("cargo::rustc-check-cfg=cfg(no_libreoffice)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=CI");
    println!("cargo::rerun-if-env-changed=PATH");

    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default();
    let shared = Path::new(&manifest).join("../shared");
    if shared.is_dir() {
        println!("cargo::rerun-if-changed={}", shared.display());
    }
    if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) {
        return;
    }
    if !shared.is_dir() {
        println!("cargo::rustc-cfg=no_shared");
    }
    if !on_path("soffice") || !on_path("pdftotext") || !carlito_installed() {
        println!("cargo::rustc-cfg=no_libreoffice");
    }
}
