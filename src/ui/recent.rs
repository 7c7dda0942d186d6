//! Recently opened articles and folders, remembered between runs (eframe storage).

use std::path::{Path, PathBuf};

const KEY: &str = "hashiya.recent";
/// How many entries the File › Open recent menu keeps.
const MAX_RECENT: usize = 10;

/// Recent paths, newest first, without duplicates.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RecentPaths {
    paths: Vec<PathBuf>,
}

impl RecentPaths {
    /// The stored list, or an empty one.
    #[must_use]
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage.and_then(|s| eframe::get_value(s, KEY)).unwrap_or_default()
    }

    /// Stores the list.
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, KEY, self);
    }

    /// Puts `path` first.
    pub fn push(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.paths.retain(|p| *p != path);
        self.paths.insert(0, path);
        self.paths.truncate(MAX_RECENT);
    }

    /// Newest first.
    #[must_use]
    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_without_duplicates_and_bounded() {
        let mut recent = RecentPaths::default();
        for i in 0..15 {
            recent.push(Path::new(&format!("/nonexistent/{i}.txt")));
        }
        recent.push(Path::new("/nonexistent/12.txt"));
        assert_eq!(recent.paths().len(), MAX_RECENT);
        assert_eq!(recent.paths()[0], Path::new("/nonexistent/12.txt"));
        assert_eq!(recent.paths().iter().filter(|p| p.ends_with("12.txt")).count(), 1);
    }
}
