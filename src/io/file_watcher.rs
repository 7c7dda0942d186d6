//! Notices when another program changes a file (a `git pull` over the annotation file): a
//! background thread compares the file's modification time every interval and calls back only
//! on a change, so that the window sleeps until there is something to show.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime};

/// What the window and the watching thread share.
#[derive(Default)]
struct Shared {
    /// The watched file and its modification time as last seen.
    watched: Mutex<Option<(PathBuf, Option<SystemTime>)>>,
    /// Set by the thread on a change, cleared by [`FileWatcher::take_change`].
    changed: AtomicBool,
    /// Tells the thread to end.
    stop: AtomicBool,
}

impl Shared {
    fn watched(&self) -> MutexGuard<'_, Option<(PathBuf, Option<SystemTime>)>> {
        // The lock only guards plain data, so a panic elsewhere cannot leave it half-written.
        self.watched.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// One look at the file; true when its modification time differs from the last seen.
    fn poll(&self) -> bool {
        let mut watched = self.watched();
        let Some((path, seen)) = watched.as_mut() else {
            return false;
        };
        let now = modified_time(path);
        if now == *seen {
            return false;
        }
        *seen = now;
        self.changed.store(true, Ordering::Release);
        true
    }
}

/// Watches one file at a time from a background thread; ends the thread when dropped.
pub struct FileWatcher {
    shared: Arc<Shared>,
}

impl FileWatcher {
    /// Starts the thread, watching nothing yet. `on_change` runs on that thread after each
    /// change seen (the window asks for a repaint there).
    #[must_use]
    pub fn spawn(interval: Duration, on_change: impl Fn() + Send + 'static) -> Self {
        let shared = Arc::new(Shared::default());
        let thread_shared = Arc::clone(&shared);
        let spawned = std::thread::Builder::new()
            .name("hashiya-file-watcher".into())
            .spawn(move || {
                while !thread_shared.stop.load(Ordering::Acquire) {
                    std::thread::sleep(interval);
                    if thread_shared.poll() {
                        on_change();
                    }
                }
            });
        if let Err(error) = spawned {
            // Without the thread, changes on disk go unnoticed until the next open: say so
            // once rather than refuse to open the window.
            eprintln!("hashiya: not watching the annotation file for changes: {error}");
        }
        Self { shared }
    }

    /// Watches `path` from now on (a no-op when it is already watched); its present state
    /// counts as seen.
    pub fn watch(&self, path: &Path) {
        let mut watched = self.shared.watched();
        if watched.as_ref().is_none_or(|(current, _)| current != path) {
            *watched = Some((path.to_path_buf(), modified_time(path)));
            self.shared.changed.store(false, Ordering::Release);
        }
    }

    /// Whether the watched file changed since the last call.
    #[must_use]
    pub fn take_change(&self) -> bool {
        self.shared.changed.swap(false, Ordering::AcqRel)
    }
}

impl Drop for FileWatcher {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Release);
    }
}

fn modified_time(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_reported_once_and_an_unchanged_file_never() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.hashiya.ron");
        std::fs::write(&path, "one").expect("write");
        let shared = Shared::default();
        *shared.watched() = Some((path.clone(), modified_time(&path)));
        assert!(!shared.poll(), "unchanged");
        assert!(!shared.poll(), "still unchanged");
        let later = SystemTime::now() + Duration::from_secs(5);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|file| file.set_modified(later))
            .expect("touch");
        assert!(shared.poll(), "changed");
        assert!(shared.changed.load(Ordering::Acquire));
        assert!(!shared.poll(), "reported once");
    }

    #[test]
    fn the_thread_calls_back_on_a_change() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.hashiya.ron");
        let (sender, receiver) = std::sync::mpsc::channel();
        let watcher = FileWatcher::spawn(Duration::from_millis(5), move || {
            // The test may have ended (receiver gone): nothing to tell then.
            let _ = sender.send(());
        });
        watcher.watch(&path);
        assert!(!watcher.take_change(), "a file that does not exist yet is not a change");
        std::fs::write(&path, "new").expect("write");
        receiver
            .recv_timeout(Duration::from_secs(30))
            .expect("the change is reported");
        assert!(watcher.take_change());
        assert!(!watcher.take_change(), "taken");
    }
}
