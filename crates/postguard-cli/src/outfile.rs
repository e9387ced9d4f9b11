//! Opening `score`'s output file safely: never the input (stdin included), never truncated
//! before that is known, and held by one run at a time.
//!
//! - An output that is the same file as the input — by device and inode, so a hard link, a
//!   symlink or `score - -o F < F` is caught too — is refused before anything is opened for
//!   writing. So is a standard output redirected to the input (`score F >> F` would read its
//!   own output forever).
//! - The output is opened without truncation and locked (an exclusive advisory lock, `flock` on
//!   Unix); a second run writing to the same file gets an error naming it, instead of two runs
//!   interleaving or one silently replacing the other. Only then is it truncated (a new run) or
//!   appended to (`--resume`). The lock is released when the file is closed, including when the
//!   process is killed.

use std::fs::{File, Metadata, OpenOptions};
use std::io;
use std::path::Path;

/// Device and inode of an open file or path: equal ids are the same file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId(u64, u64);

#[cfg(unix)]
fn id_of(m: &Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some(FileId(m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn id_of(_: &Metadata) -> Option<FileId> {
    None
}

/// The id of the file at `path`, if it exists.
pub fn path_id(path: &Path) -> Option<FileId> {
    std::fs::metadata(path).ok().as_ref().and_then(id_of)
}

/// The id of the regular file behind an open descriptor (standard input or output redirected
/// from or to a file); `None` for a terminal, a pipe or a device.
#[cfg(unix)]
fn fd_id(fd: std::os::fd::BorrowedFd<'_>) -> Option<FileId> {
    let m = File::from(fd.try_clone_to_owned().ok()?).metadata().ok()?;
    m.is_file().then(|| id_of(&m)).flatten()
}

/// The id of the file behind standard input, when it is a regular file (a redirect `< F`).
#[cfg(unix)]
pub fn stdin_id() -> Option<FileId> {
    fd_id(std::os::fd::AsFd::as_fd(&io::stdin()))
}

/// The id of the file behind standard output, when it is a regular file (a redirect `> F`).
#[cfg(unix)]
pub fn stdout_id() -> Option<FileId> {
    fd_id(std::os::fd::AsFd::as_fd(&io::stdout()))
}

#[cfg(not(unix))]
pub fn stdin_id() -> Option<FileId> {
    None
}

#[cfg(not(unix))]
pub fn stdout_id() -> Option<FileId> {
    None
}

/// Whether the paths `a` and `b` name one file: by device and inode where the platform has
/// them (hard links and symlinks included), else by canonical path.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (path_id(a), path_id(b)) {
        (Some(x), Some(y)) => x == y,
        _ => matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y),
    }
}

/// Why the output could not be opened.
#[derive(Debug)]
pub enum OpenError {
    /// Another process holds the lock.
    Locked,
    Io(io::Error),
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::Locked => f.write_str(
                "another run is writing to this file (it holds the file's lock); wait for it to finish, or write to another file",
            ),
            OpenError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for OpenError {}

/// Open `path` for writing without truncating it, and take its exclusive lock.
///
/// # Errors
/// [`OpenError::Locked`] when another process holds the lock; I/O errors.
pub fn open_locked(path: &Path) -> Result<File, OpenError> {
    let f = OpenOptions::new().write(true).create(true).truncate(false).open(path).map_err(OpenError::Io)?;
    match f.try_lock() {
        Ok(()) => Ok(f),
        Err(std::fs::TryLockError::WouldBlock) => Err(OpenError::Locked),
        // A file system without locks (some network mounts): writing still works; the guard
        // against a second run is lost there, which is no worse than before.
        Err(std::fs::TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => Ok(f),
        Err(std::fs::TryLockError::Error(e)) => Err(OpenError::Io(e)),
    }
}

/// Removes an output file this run created, unless the run got as far as writing it: a run that
/// stops on a bad input header, a wrong `--resume` or a model that does not load leaves no empty
/// output behind (an output that existed before is never removed).
#[derive(Debug)]
pub struct CreatedGuard {
    path: Option<std::path::PathBuf>,
}

impl CreatedGuard {
    /// Guard `path` if it does not exist yet (call before opening it).
    pub fn before_open(path: &Path) -> CreatedGuard {
        CreatedGuard { path: (!path.exists()).then(|| path.to_owned()) }
    }

    /// The run writes the file now: keep it, whatever happens next.
    pub fn keep(&mut self) {
        self.path = None;
    }
}

impl Drop for CreatedGuard {
    fn drop(&mut self) {
        if let Some(p) = &self.path {
            let _ = std::fs::remove_file(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_open_of_a_locked_file_is_refused_until_the_first_closes() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.jsonl");
        std::fs::write(&p, "kept\n").unwrap();
        let first = open_locked(&p).unwrap();
        assert!(matches!(open_locked(&p), Err(OpenError::Locked)));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "kept\n", "opening never truncates");
        drop(first);
        open_locked(&p).unwrap();
    }

    #[test]
    fn a_created_output_is_removed_unless_kept_and_an_old_one_never() {
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("new.jsonl");
        {
            let _guard = CreatedGuard::before_open(&new);
            let _f = open_locked(&new).unwrap();
        }
        assert!(!new.exists(), "created and never written: removed");
        {
            let mut guard = CreatedGuard::before_open(&new);
            let _f = open_locked(&new).unwrap();
            guard.keep();
        }
        assert!(new.exists(), "kept once the run writes it");
        let old = dir.path().join("old.jsonl");
        std::fs::write(&old, "x").unwrap();
        drop(CreatedGuard::before_open(&old));
        assert_eq!(std::fs::read_to_string(&old).unwrap(), "x", "an existing output is never removed");
    }

    #[cfg(unix)]
    #[test]
    fn hard_links_and_symlinks_are_the_same_file() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.jsonl");
        std::fs::write(&a, "x").unwrap();
        let hard = dir.path().join("hard.jsonl");
        std::fs::hard_link(&a, &hard).unwrap();
        let soft = dir.path().join("soft.jsonl");
        std::os::unix::fs::symlink(&a, &soft).unwrap();
        assert_eq!(path_id(&a), path_id(&hard));
        assert_eq!(path_id(&a), path_id(&soft));
        assert_ne!(path_id(&a), None);
        assert_eq!(path_id(&dir.path().join("missing")), None);
    }
}
