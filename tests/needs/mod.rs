//! What a test needs from beside the project: `../shared` (the reference data, the oracle vectors and the
//! specification). A test that needs it carries
//! `#[cfg_attr(no_shared, ignore = "needs ../shared beside the project")]`: `build.rs` sets `no_shared` where the
//! folder is absent, so the harness reports the test ignored; under `CI` it is never set, and [`shared`] fails the
//! test, naming what is missing.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The path of `relative` inside `../shared`; fails the test when it is not there.
pub fn shared(relative: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(relative);
    assert!(
        path.exists(),
        "{} not found: this test needs ../shared beside the project (with CI set, every test must run; elsewhere \
         it is ignored when ../shared is absent at build time)",
        path.display()
    );
    path
}

/// The text of `relative` inside `../shared`.
pub fn shared_text(relative: &str) -> String {
    let path = shared(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
