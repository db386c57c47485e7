//! Atomic output: a temporary file in the target folder, renamed over the target only when complete, so an
//! interrupted or failed run leaves no partial file. Which paths may be written at all is [`super::claim`]'s to say.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Writes `bytes` to `path` atomically (temporary file in the same folder, then rename).
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    stage(path, bytes)?.commit()
}

/// Writes to `path` atomically through `fill`, which writes the whole content to the temporary file.
pub fn write_with(path: &Path, fill: impl FnOnce(&mut std::fs::File) -> std::result::Result<(), String>) -> Result<()> {
    stage_with(path, fill)?.commit()
}

/// An output written in full to a temporary file in its target folder but not yet in place. Dropping it (a later
/// step failed) removes the temporary file, so nothing of the run is left behind; [`Staged::commit`] renames it
/// over the target.
#[derive(Debug)]
pub struct Staged {
    path: PathBuf,
    tmp: tempfile::NamedTempFile,
}

/// Writes `bytes` to a temporary file beside `path`, to be committed later.
pub fn stage(path: &Path, bytes: &[u8]) -> Result<Staged> {
    stage_with(path, |file| file.write_all(bytes).map_err(|e| e.to_string()))
}

/// Writes a temporary file beside `path` through `fill`, to be committed later.
pub fn stage_with(
    path: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::result::Result<(), String>,
) -> Result<Staged> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if dir.is_file() {
        return Err(Error::io(format!("{}: {} is a file, not a folder", path.display(), dir.display()))
            .with_hint("write the output into a folder, or check the path for a misplaced '/'"));
    }
    if !dir.is_dir() {
        return Err(Error::io(format!("{}: the folder {} does not exist", path.display(), dir.display()))
            .with_hint("create the folder first, or write somewhere else"));
    }
    if path.is_dir() {
        return Err(Error::io(format!("{}: is a folder, not a file", path.display()))
            .with_hint("give a file name, e.g. results.json"));
    }
    let cannot = |e: &dyn std::fmt::Display| {
        Error::io(format!("{}: cannot write: {e}", path.display()))
            .with_hint("check the folder exists and you may write to it")
    };
    let mut tmp =
        tempfile::Builder::new().prefix(".wres-wdes-").suffix(".tmp").tempfile_in(&dir).map_err(|e| cannot(&e))?;
    fill(tmp.as_file_mut()).map_err(|e| cannot(&e))?;
    #[cfg(unix)]
    {
        // A temporary file is private (0600); the output gets the usual permissions of a new file.
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644)).map_err(|e| cannot(&e))?;
    }
    tmp.as_file_mut().sync_all().map_err(|e| cannot(&e))?;
    Ok(Staged { path: path.to_path_buf(), tmp })
}

impl Staged {
    /// Renames the temporary file over the target.
    pub fn commit(self) -> Result<()> {
        let path = self.path;
        self.tmp.persist(&path).map_err(|e| {
            Error::io(format!("{}: cannot write: {}", path.display(), e.error))
                .with_hint("check the folder exists and you may write to it")
        })?;
        Ok(())
    }
}

/// Commits every staged output, in order. Each is written in full before any is put in place, so a run that fails
/// while producing its outputs leaves none of them.
pub fn commit_all(staged: Vec<Staged>) -> Result<()> {
    staged.into_iter().try_for_each(Staged::commit)
}
