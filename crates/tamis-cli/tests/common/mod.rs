//! Helpers shared by the CLI's integration tests.

use std::path::{Path, PathBuf};

/// A fresh directory under the system's temporary directory, removed when dropped, so that test
/// runs leave nothing behind.
pub struct TempDir(PathBuf);

impl TempDir {
    /// `tamis-{name}-{pid}`, emptied first if a killed run left it.
    pub fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("tamis-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a writable temporary directory");
        TempDir(dir)
    }
}

impl std::ops::Deref for TempDir {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
