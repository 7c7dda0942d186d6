//! Atomic file replacement: a reader (or a crash, or kill -9) sees either the old file or the
//! complete new one, never a truncated mix.
//!
//! Steps: write a temporary file in the same folder (a rename is only atomic within one file
//! system), flush and fsync it, keep the previous version as `NAME.bak` (a hard link, so the
//! old file never disappears), rename the temporary file over the target, fsync the folder so
//! the rename itself survives a power cut. Any failure removes the temporary file and leaves
//! the target untouched.

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::io::{IoError, WriteStep};

/// Whether to keep the replaced version as `NAME.bak`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backup {
    /// Keep the previous version as `NAME.bak` (annotation files).
    Keep,
    /// No backup (recovery files).
    None,
}

/// What a symlink at the target means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Links {
    /// The user's own link to their file: save into the file it points to.
    Follow,
    /// A link met while writing generated files (exports, imports): replace the link itself,
    /// never the file it points to, which may be anywhere.
    Replace,
}

/// Replaces `path` with `bytes` atomically; a symlink at `path` is followed (the file it
/// points to is replaced), as a user who linked their annotation file expects.
pub fn write_atomic(path: &Path, bytes: &[u8], backup: Backup) -> Result<(), IoError> {
    write_atomic_with(path, backup, |out| out.write_all(bytes))
}

/// Replaces `path` with what `write_content` writes, atomically. It receives the temporary
/// file; if it fails (or anything after it), the temporary file is removed and `path` is unchanged.
/// Tests pass a `write_content` that fails half way to simulate a full disk.
pub fn write_atomic_with(
    path: &Path,
    backup: Backup,
    write_content: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), IoError> {
    write_impl(path, backup, Links::Follow, None, write_content)
}

/// Replaces `path` with `bytes` atomically without ever following a symlink: a link at `path`
/// is itself replaced by the new file. For files Hashiya generates (exports, imported
/// articles), where a link in the destination must not redirect the write elsewhere.
pub fn replace_atomic(path: &Path, bytes: &[u8], backup: Backup) -> Result<(), IoError> {
    write_impl(path, backup, Links::Replace, None, |out| out.write_all(bytes))
}

/// Folders whose renames still need an fsync: writing many files into one folder syncs the
/// folder once at the end ([`FolderSyncs::finish`]) instead of after every file.
#[derive(Debug, Default)]
pub struct FolderSyncs {
    folders: Mutex<HashSet<PathBuf>>,
}

impl FolderSyncs {
    /// [`replace_atomic`], the folder's fsync left to [`FolderSyncs::finish`]. Each file's
    /// content is still synced before its rename, so it is the old or the new version.
    pub fn replace_atomic(&self, path: &Path, bytes: &[u8], backup: Backup) -> Result<(), IoError> {
        write_impl(path, backup, Links::Replace, Some(self), |out| out.write_all(bytes))
    }

    /// Syncs every folder written into, so that the renames survive a power cut.
    pub fn finish(self) -> Result<(), IoError> {
        let folders = self
            .folders
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        for dir in folders {
            sync_dir(&dir).map_err(|e| failed(&dir, WriteStep::SyncingFolder, e))?;
        }
        Ok(())
    }
}

fn write_impl(
    path: &Path,
    backup: Backup,
    links: Links,
    deferred: Option<&FolderSyncs>,
    write_content: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), IoError> {
    let is_link = fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink());
    let target = if is_link && links == Links::Follow {
        fs::canonicalize(path).map_err(|e| failed(path, WriteStep::FollowingLink, e))?
    } else {
        path.to_path_buf()
    };
    // A rename would replace a read-only file as easily as any other: the mode is the owner's
    // way of saying "do not change this", so it is refused before anything is written.
    if fs::metadata(&target).is_ok_and(|meta| meta.permissions().readonly()) {
        return Err(IoError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    remove_stale_temps_once(&dir);
    let (mut file, temp) = create_temp(&dir, &target).map_err(|e| failed(path, WriteStep::CreatingTemporaryFile, e))?;
    let written = write_and_sync(&mut file, &target, write_content);
    drop(file);
    let result = written.and_then(|()| {
        // A link being replaced is not a version of the file worth a backup.
        if backup == Backup::Keep && !(is_link && links == Links::Replace) {
            keep_backup(&target, &dir)?;
        }
        // rename(2) replaces the directory entry: a symlink there is replaced, not followed.
        fs::rename(&temp, &target).map_err(|e| (WriteStep::ReplacingFile, e))?;
        match deferred {
            Some(syncs) => {
                syncs
                    .folders
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .insert(dir.clone());
                Ok(())
            }
            None => sync_dir(&dir).map_err(|e| (WriteStep::SyncingFolder, e)),
        }
    });
    result.map_err(|(action, error)| {
        // Best effort: the temporary file is hidden and a later save removes it when stale.
        let _ = fs::remove_file(&temp);
        failed(path, action, error)
    })
}

/// A temporary file older than this belongs to a save that was killed before its rename
/// (no save takes minutes), not to one under way in another process.
const STALE_TEMP_AGE: std::time::Duration = std::time::Duration::from_mins(10);

/// Removes what killed saves left behind in `dir` (`.NAME.tmp-PID-N`), the first time this
/// process writes there: they were never read, but they would pile up in the user's folder.
/// Once per folder, because listing the folder on every save makes writing N files into it
/// quadratic.
fn remove_stale_temps_once(dir: &Path) {
    static CLEANED: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);
    let first_time = match CLEANED.lock() {
        Ok(mut cleaned) => cleaned.get_or_insert_with(HashSet::new).insert(dir.to_path_buf()),
        // Another thread panicked while holding the lock; cleaning is optional.
        Err(_) => false,
    };
    if first_time {
        remove_stale_temps(dir);
    }
}

fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        if !is_temp_name(&entry.file_name().to_string_lossy()) {
            continue;
        }
        let age = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok());
        if age.is_some_and(|age| age > STALE_TEMP_AGE) {
            // Tidying only: a temporary file that stays is never read, and the next save
            // tries again.
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether a file name is one [`create_temp`] makes: `.NAME.tmp-PID-N`.
fn is_temp_name(name: &str) -> bool {
    let Some((head, tail)) = name.rsplit_once(".tmp-") else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    name.starts_with('.') && !head.is_empty() && tail.split_once('-').is_some_and(|(pid, n)| digits(pid) && digits(n))
}

/// The `.bak` path of a file: `NAME.hashiya.ron` → `NAME.hashiya.ron.bak`.
#[must_use]
pub fn backup_path_for(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

type StepError = (WriteStep, std::io::Error);

fn write_and_sync(
    file: &mut File,
    target: &Path,
    write_content: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), StepError> {
    {
        let mut writer = std::io::BufWriter::with_capacity(1 << 16, &mut *file);
        write_content(&mut writer).map_err(|e| (WriteStep::Writing, e))?;
        writer.flush().map_err(|e| (WriteStep::Writing, e))?;
    }
    // A new file gets default permissions; keep those of the file it replaces.
    // Only a regular file's: a symlink being replaced has no permissions of its own.
    if let Some(meta) = fs::symlink_metadata(target).ok().filter(fs::Metadata::is_file) {
        // Best effort: the default permissions are a safe fallback.
        let _ = file.set_permissions(meta.permissions());
    }
    file.sync_all().map_err(|e| (WriteStep::SyncingToDisk, e))
}

/// At most this many bytes of the target's name go into a temporary name, so that the
/// temporary name of a file whose name is near the system limit (255 bytes) still fits.
const TEMP_NAME_BYTES: usize = 64;

/// A new, exclusively created file `.NAME.tmp-PID-N` beside the target (`NAME` cut short).
fn create_temp(dir: &Path, target: &Path) -> std::io::Result<(File, PathBuf)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let full = target.file_name().unwrap_or_default().to_string_lossy();
    let mut cut = full.len().min(TEMP_NAME_BYTES);
    while !full.is_char_boundary(cut) {
        cut -= 1;
    }
    let name = &full[..cut];
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!(".{name}.tmp-{}-{n}", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((file, temp)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
}

/// Makes `NAME.bak` the current version of `target` (when it exists) without ever removing
/// `target`: a hard link renamed over the old backup, or a synced copy where links are not
/// supported.
fn keep_backup(target: &Path, dir: &Path) -> Result<(), StepError> {
    if !target.exists() {
        return Ok(());
    }
    let (file, staged) = create_temp(dir, target).map_err(|e| (WriteStep::KeepingBackup, e))?;
    drop(file);
    // Only the unique name is wanted, for the link or copy below; if the empty file stays,
    // the link fails and the copy overwrites it.
    let _ = fs::remove_file(&staged);
    let staged_ok = fs::hard_link(target, &staged).or_else(|_| {
        fs::copy(target, &staged)?;
        File::open(&staged)?.sync_all()
    });
    let result = staged_ok.and_then(|()| fs::rename(&staged, backup_path_for(target)));
    if result.is_err() {
        // The backup error is what is reported; a staged file left behind is a stale
        // temporary that a later save removes.
        let _ = fs::remove_file(&staged);
    }
    result.map_err(|e| (WriteStep::KeepingBackup, e))
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    // Windows cannot open a directory as a file; NTFS journals the rename itself.
    Ok(())
}

fn failed(path: &Path, action: WriteStep, source: std::io::Error) -> IoError {
    IoError::Write {
        path: path.to_path_buf(),
        action,
        source,
    }
}

#[cfg(test)]
mod stale_temp_tests {
    use super::*;

    #[test]
    fn the_first_save_in_a_folder_removes_old_temporary_files_of_killed_saves_only() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("a.hashiya.ron");
        let stale = dir.path().join(".a.hashiya.ron.tmp-999-0");
        let stale_other = dir.path().join(".b.hashiya.ron.tmp-999-0");
        let fresh = dir.path().join(".a.hashiya.ron.tmp-999-1");
        let not_temp = dir.path().join(".notes.tmp-draft");
        let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_hours(1);
        for path in [&stale, &stale_other, &fresh, &not_temp] {
            let file = File::create(path).expect("create");
            if path != &fresh {
                file.set_modified(an_hour_ago).expect("age it");
            }
        }
        write_atomic(&target, b"(format_version: 1)", Backup::Keep).expect("saves");
        assert!(!stale.exists(), "the killed save's leftover is gone");
        assert!(!stale_other.exists(), "so is another file's");
        assert!(fresh.exists(), "a temp file that may belong to a save under way stays");
        assert!(not_temp.exists(), "a file that is no temporary file of ours stays");
        // Later saves in the same folder do not list it again.
        let later = dir.path().join(".c.hashiya.ron.tmp-999-0");
        File::create(&later)
            .expect("create")
            .set_modified(an_hour_ago)
            .expect("age it");
        write_atomic(&target, b"(format_version: 1)", Backup::Keep).expect("saves");
        assert!(later.exists(), "the folder is cleaned once per run");
    }

    #[test]
    fn temporary_names_are_recognised() {
        for (name, is_temp) in [
            (".a.hashiya.ron.tmp-12-0", true),
            (".a.tmp-b.tmp-1-22", true),
            ("a.hashiya.ron.tmp-12-0", false),
            (".a.tmp-12-", false),
            (".a.tmp-x-1", false),
            (".tmp-1-1", false),
        ] {
            assert_eq!(is_temp_name(name), is_temp, "{name}");
        }
    }

    #[test]
    fn a_name_near_the_system_limit_still_saves() {
        let dir = tempfile::tempdir().expect("temp dir");
        // 250 bytes: the name fits, the name plus a temporary suffix would not.
        let name = format!("{}.hashiya.ron", "ب".repeat(119));
        assert_eq!(name.len(), 250);
        let path = dir.path().join(&name);
        write_atomic(&path, b"one", Backup::None).expect("saves");
        replace_atomic(&path, b"two", Backup::None).expect("saves again");
        assert_eq!(fs::read(&path).expect("reads"), b"two");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("lists")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_and_keeps_the_previous_version() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.hashiya.ron");
        write_atomic(&path, b"one", Backup::Keep).expect("first save");
        assert_eq!(names(dir.path()), ["a.hashiya.ron"]);
        write_atomic(&path, b"two", Backup::Keep).expect("second save");
        write_atomic(&path, b"three", Backup::Keep).expect("third save");
        assert_eq!(fs::read(&path).expect("reads"), b"three");
        assert_eq!(fs::read(backup_path_for(&path)).expect("backup"), b"two");
        assert_eq!(names(dir.path()), ["a.hashiya.ron", "a.hashiya.ron.bak"]);
        write_atomic(&path, b"four", Backup::None).expect("no backup");
        assert_eq!(fs::read(backup_path_for(&path)).expect("backup"), b"two");
    }

    #[test]
    fn a_write_failing_half_way_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.hashiya.ron");
        write_atomic(&path, b"the previous version", Backup::Keep).expect("first save");
        let new = vec![b'x'; 100_000];
        let error = write_atomic_with(&path, Backup::Keep, |file| {
            file.write_all(&new[..50_000])?;
            Err(std::io::Error::other("No space left on device (simulated)"))
        })
        .expect_err("the write fails");
        let message = error.to_string();
        assert!(message.contains("No space left on device"), "{message}");
        assert!(message.ends_with(&format!(": {}", path.display())), "{message}");
        assert_eq!(fs::read(&path).expect("reads"), b"the previous version");
        assert_eq!(names(dir.path()), ["a.hashiya.ron"], "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_folder_is_an_error_and_changes_nothing() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.hashiya.ron");
        write_atomic(&path, b"old", Backup::Keep).expect("first save");
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).expect("chmod");
        // root ignores folder permissions; then there is nothing to test here.
        let root = File::create(dir.path().join("probe")).is_ok();
        if !root {
            let error = write_atomic(&path, b"new", Backup::Keep).expect_err("read-only");
            assert!(error.to_string().contains("creating a temporary file"), "{error}");
            assert_eq!(fs::read(&path).expect("reads"), b"old");
        }
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod back");
    }

    #[test]
    fn a_missing_folder_names_the_path() {
        let error = write_atomic(Path::new("/nonexistent-dir/x.hashiya.ron"), b"x", Backup::Keep).expect_err("fails");
        assert!(
            error.to_string().ends_with(": /nonexistent-dir/x.hashiya.ron"),
            "{error}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_file_is_refused_and_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.hashiya.ron");
        fs::write(&path, b"old").expect("writes");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).expect("chmod");
        for backup in [Backup::Keep, Backup::None] {
            let error = write_atomic(&path, b"new", backup).expect_err("read-only");
            let message = error.to_string();
            assert!(message.contains("read-only"), "{message}");
            assert!(message.ends_with(&path.display().to_string()), "{message}");
        }
        assert_eq!(fs::read(&path).expect("reads"), b"old");
        assert_eq!(names(dir.path()), ["a.hashiya.ron"], "no backup, no temporary file");
    }

    #[cfg(unix)]
    #[test]
    fn saving_through_a_symlink_replaces_its_target() {
        let dir = tempfile::tempdir().expect("temp dir");
        let real = dir.path().join("real.hashiya.ron");
        let link = dir.path().join("link.hashiya.ron");
        fs::write(&real, b"old").expect("writes");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        write_atomic(&link, b"new", Backup::Keep).expect("saves");
        assert!(fs::symlink_metadata(&link).expect("meta").file_type().is_symlink());
        assert_eq!(fs::read(&real).expect("reads"), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn generated_files_replace_a_symlink_instead_of_following_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let outside = dir.path().join("outside.txt");
        let link = dir.path().join("out.txt");
        fs::write(&outside, b"precious").expect("writes");
        std::os::unix::fs::symlink(&outside, &link).expect("symlink");
        for backup in [Backup::None, Backup::Keep] {
            replace_atomic(&link, b"export", backup).expect("writes");
            assert!(
                fs::symlink_metadata(&link).expect("meta").is_file(),
                "the link itself is replaced"
            );
            assert_eq!(fs::read(&outside).expect("reads"), b"precious");
            assert_eq!(fs::read(&link).expect("reads"), b"export");
            fs::remove_file(&link).expect("removes");
            std::os::unix::fs::symlink(&outside, &link).expect("symlink");
        }
        assert!(!backup_path_for(&link).exists(), "a replaced link is not backed up");
    }
}
