//! The example trust embedded in the program (`--example`): the files of `fixtures/example-trust/`, written to a
//! temporary folder so they are read exactly as a user's files would be.

use std::path::PathBuf;

use crate::error::{Error, Result};

/// The embedded files: name and bytes.
pub const FILES: &[(&str, &[u8])] = &[
    ("staff.xlsx", include_bytes!("../../fixtures/example-trust/staff.xlsx")),
    ("recruitment.csv", include_bytes!("../../fixtures/example-trust/recruitment.csv")),
    ("cases.xlsx", include_bytes!("../../fixtures/example-trust/cases.xlsx")),
    ("training.csv", include_bytes!("../../fixtures/example-trust/training.csv")),
    ("survey.csv", include_bytes!("../../fixtures/example-trust/survey.csv")),
    ("board.xlsx", include_bytes!("../../fixtures/example-trust/board.xlsx")),
    ("trust.toml", include_bytes!("../../fixtures/example-trust/trust.toml")),
];

/// A temporary folder holding the example trust; removed when dropped.
pub struct ExampleTrust {
    dir: tempfile::TempDir,
}

impl ExampleTrust {
    /// Writes the embedded example trust to a new temporary folder.
    pub fn extract() -> Result<ExampleTrust> {
        if FILES.is_empty() {
            return Err(Error::usage("this build has no embedded example trust"));
        }
        let dir = tempfile::Builder::new()
            .prefix("wres-wdes-example-")
            .tempdir()
            .map_err(|e| Error::io(format!("cannot create a temporary folder for the example trust: {e}")))?;
        for (name, bytes) in FILES {
            std::fs::write(dir.path().join(name), bytes)
                .map_err(|e| Error::io(format!("cannot write the example trust's {name}: {e}")))?;
        }
        Ok(ExampleTrust { dir })
    }
    /// The folder.
    pub fn path(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }
}
