//! Reading a file whole, safely: only regular files, never more than a limit. A FIFO under an
//! annotation file's name would block forever, and `/dev/zero` or `/dev/urandom` (directly or
//! through a symlink) would never end; both are refused with a one-line error naming the path.

use std::fs::{File, OpenOptions};
use std::io::Read as _;
use std::path::Path;

use crate::io::{FileKind, IoError};

/// Reads the file at `path` (a symlink is followed; its target must be a regular file),
/// refusing anything that is not a regular file, and files over `limit` bytes, before reading.
pub(crate) fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, IoError> {
    let read_error = |source| IoError::Read {
        path: path.to_path_buf(),
        source,
    };
    // The type is checked before opening: opening a FIFO for reading blocks until a writer
    // comes.
    let meta = std::fs::metadata(path).map_err(read_error)?;
    check_regular(path, &meta, limit)?;
    let file = open_nonblocking(path).map_err(read_error)?;
    // The name may have been replaced between the check and the open: check what was opened.
    let meta = file.metadata().map_err(read_error)?;
    check_regular(path, &meta, limit)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // `take` guards against a file that grows while it is read.
    file.take(limit + 1).read_to_end(&mut bytes).map_err(read_error)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(path, bytes.len() as u64, limit));
    }
    Ok(bytes)
}

/// Whether `path` names something that is not a regular file (a folder, a FIFO, a device, a
/// dangling symlink): such a name is an error to report, not a missing file.
#[must_use]
pub(crate) fn exists_but_not_regular(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok() && !std::fs::metadata(path).is_ok_and(|meta| meta.is_file())
}

fn check_regular(path: &Path, meta: &std::fs::Metadata, limit: u64) -> Result<(), IoError> {
    if !meta.is_file() {
        return Err(IoError::NotRegular {
            path: path.to_path_buf(),
            kind: kind_of(meta.file_type()),
        });
    }
    if meta.len() > limit {
        return Err(too_large(path, meta.len(), limit));
    }
    Ok(())
}

fn too_large(path: &Path, bytes: u64, limit: u64) -> IoError {
    IoError::TooLarge {
        path: path.to_path_buf(),
        bytes,
        limit,
    }
}

/// What a file that is not a regular file is.
fn kind_of(file_type: std::fs::FileType) -> FileKind {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if file_type.is_fifo() {
            return FileKind::NamedPipe;
        }
        if file_type.is_char_device() {
            return FileKind::CharacterDevice;
        }
        if file_type.is_block_device() {
            return FileKind::BlockDevice;
        }
        if file_type.is_socket() {
            return FileKind::Socket;
        }
    }
    if file_type.is_dir() {
        FileKind::Folder
    } else {
        FileKind::Special
    }
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    // O_NONBLOCK only matters for a FIFO swapped in after the check: open returns at once
    // (and the check after it refuses it); reads of a regular file ignore the flag.
    OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("a.hashiya.ron");
        std::fs::write(&file, b"12345").expect("writes");
        assert_eq!(read_limited(&file, 5).expect("reads"), b"12345");
        let error = read_limited(&file, 4).expect_err("too large");
        assert!(matches!(error, IoError::TooLarge { bytes: 5, limit: 4, .. }), "{error}");

        let fifo = dir.path().join("fifo.hashiya.ron");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        let zero = dir.path().join("zero.hashiya.ron");
        std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
        let folder = dir.path().join("folder.hashiya.ron");
        std::fs::create_dir(&folder).expect("mkdir");
        for (path, kind) in [(&fifo, "named pipe"), (&zero, "character device"), (&folder, "folder")] {
            let error = read_limited(path, 1 << 20).expect_err("refused");
            let message = error.to_string();
            assert!(message.contains(kind), "{message}");
            assert!(message.ends_with(&path.display().to_string()), "{message}");
            assert!(exists_but_not_regular(path));
        }
        let dangling = dir.path().join("dangling.hashiya.ron");
        std::os::unix::fs::symlink(dir.path().join("gone"), &dangling).expect("symlink");
        assert!(exists_but_not_regular(&dangling));
        assert!(!exists_but_not_regular(&file));
        assert!(!exists_but_not_regular(&dir.path().join("missing")));
    }
}
