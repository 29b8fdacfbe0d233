//! One `serve` per data dir on SQLite: which request may write an upload is
//! decided in the serving process's memory, so a second server on the same
//! SQLite file would let two requests write one take. It is refused with a
//! message that says what to do instead (several instances share a
//! PostgreSQL database, whose advisory locks they share too).

use std::fs::File;
use std::path::Path;

/// The data dir held by this process until dropped (or until it exits).
///
/// ```
/// # #[cfg(target_os = "linux")] {
/// let dir = tempfile::tempdir().unwrap();
/// let held = demo_server::data_dir_lock::DataDirLock::take(dir.path()).unwrap();
/// assert!(demo_server::data_dir_lock::DataDirLock::take(dir.path()).is_err());
/// drop(held);
/// assert!(demo_server::data_dir_lock::DataDirLock::take(dir.path()).is_ok());
/// # }
/// ```
#[derive(Debug)]
pub struct DataDirLock {
    _file: File,
}

impl DataDirLock {
    /// Holds `data_dir` (made if missing) for this server, unless another
    /// holds it.
    pub fn take(data_dir: &Path) -> Result<DataDirLock, String> {
        let path = data_dir.join("serve.lock");
        let opened = std::fs::create_dir_all(data_dir).and_then(|()| {
            File::options()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
        });
        let file = opened.map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        match try_lock(&file) {
            Ok(true) => Ok(DataDirLock { _file: file }),
            Ok(false) => Err(format!(
                "another demo-server already serves {}: its SQLite database takes one server. \
                 Stop that one, give this one another --data-dir, or run several instances \
                 on one PostgreSQL database (--database-url postgres://...)",
                data_dir.display()
            )),
            Err(error) => Err(format!("cannot lock {}: {error}", path.display())),
        }
    }
}

/// Takes an exclusive lock on `file` without waiting; whether it was free.
/// (`flock`: released when the file is closed, also by a process that dies.)
#[cfg(target_os = "linux")]
fn try_lock(file: &File) -> std::io::Result<bool> {
    use std::os::fd::AsRawFd;
    // SAFETY: a plain system call on an open descriptor.
    if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
        return Ok(true);
    }
    let error = std::io::Error::last_os_error();
    match error.kind() {
        std::io::ErrorKind::WouldBlock => Ok(false),
        _ => Err(error),
    }
}

/// Elsewhere the data dir is not guarded.
#[cfg(not(target_os = "linux"))]
fn try_lock(_file: &File) -> std::io::Result<bool> {
    Ok(true)
}
