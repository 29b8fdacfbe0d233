//! Uploads as files in one folder: one append-only file per upload,
//! `{id}.{extension}`, written durably before each acknowledgement.

use super::body_batches::gather;
use super::checksum::ExpectedChecksum;
use super::store::{AppendStop, DataStore, Expected, Stored};
use crate::db::UploadRow;
use axum::body::Body;
use axum::body::Bytes;
use sha2::{Digest, Sha256};
use std::fs::File;
use std::future::Future;
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::pin::pin;
use std::time::SystemTime;
use tokio::io::AsyncReadExt;

/// Uploads as files in `dir`.
///
/// ```
/// let store = demo_server::tus::file_store::FileStore::new("media".into());
/// let path = store.path("0123456789abcdef0123456789abcdef", "video/webm;codecs=vp8");
/// assert_eq!(path, std::path::Path::new("media/0123456789abcdef0123456789abcdef.webm"));
/// ```
#[derive(Clone, Debug)]
pub struct FileStore {
    dir: PathBuf,
}

impl FileStore {
    /// A store in `dir` (which must exist).
    pub fn new(dir: PathBuf) -> FileStore {
        FileStore { dir }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where the upload `id` (already checked to be hex) of `filetype` is.
    pub fn path(&self, id: &str, filetype: &str) -> PathBuf {
        self.dir.join(format!("{id}.{}", extension(filetype)))
    }

    fn file(&self, upload: &UploadRow) -> PathBuf {
        self.path(&upload.id, &upload.filetype)
    }
}

impl DataStore for FileStore {
    const EXTENSIONS: &'static [&'static str] = &["termination", "checksum"];

    fn free_bytes(&self) -> std::io::Result<u64> {
        free_bytes(&self.dir)
    }

    async fn create(&self, upload: &UploadRow) -> std::io::Result<()> {
        tokio::fs::File::create(self.file(upload))
            .await?
            .sync_all()
            .await
    }

    async fn append(
        &self,
        upload: &UploadRow,
        offset: u64,
        body: Body,
        expected: Expected,
        released: impl Future<Output = ()> + Send,
        digest: &mut Option<Sha256>,
    ) -> (u64, Result<(), AppendStop>) {
        append(&self.file(upload), offset, body, expected, released, digest).await
    }

    /// Each append made its bytes durable in the one file: nothing is left to do.
    async fn finish(&self, _upload: &UploadRow, _length: u64) -> std::io::Result<()> {
        Ok(())
    }

    /// Each append leaves its bytes where they stay.
    fn settles(&self) -> bool {
        false
    }

    fn has_to_settle(&self, _upload: &UploadRow, _offset: u64) -> bool {
        false
    }

    /// Each append left its bytes where they stay: nothing follows.
    async fn settle(&self, _upload: &UploadRow, _offset: u64) -> std::io::Result<()> {
        Ok(())
    }

    async fn sha256(&self, upload: &UploadRow) -> std::io::Result<String> {
        sha256(&self.file(upload)).await
    }

    async fn terminate(&self, upload: &UploadRow) -> std::io::Result<()> {
        remove_file(&self.file(upload)).await
    }

    async fn list(&self, settled_before: SystemTime) -> std::io::Result<Vec<Stored>> {
        let mut stored = Vec::new();
        let mut entries = tokio::fs::read_dir(&self.dir).await?;
        while let Some(entry) = entries.next_entry().await? {
            let key = entry.file_name().to_string_lossy().into_owned();
            let upload_id = key.split('.').next().unwrap_or_default().to_string();
            let metadata = entry.metadata().await?;
            let settled = metadata.modified().is_ok_and(|at| at < settled_before);
            if metadata.is_file() && settled && super::is_upload_id(&upload_id) {
                stored.push(Stored {
                    upload_id,
                    key,
                    working: false,
                });
            }
        }
        Ok(stored)
    }

    async fn remove(&self, stored: &Stored) -> std::io::Result<()> {
        remove_file(&self.dir.join(&stored.key)).await
    }
}

/// Removes `path`; one already gone is fine.
async fn remove_file(path: &Path) -> std::io::Result<()> {
    match tokio::fs::remove_file(path).await {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

/// The file extension for a declared file type.
pub(super) fn extension(filetype: &str) -> &'static str {
    match recorder_core::recording_format::container(filetype) {
        "video/webm" | "audio/webm" => "webm",
        "video/mp4" | "audio/mp4" => "mp4",
        "video/quicktime" => "mov",
        "video/3gpp" => "3gp",
        _ => "bin",
    }
}

/// The bytes free for this process on the disk that holds `dir`.
#[cfg(target_os = "linux")]
fn free_bytes(dir: &Path) -> std::io::Result<u64> {
    use std::os::unix::ffi::OsStrExt;
    let path = std::ffi::CString::new(dir.as_os_str().as_bytes())?;
    let mut stats = std::mem::MaybeUninit::<libc::statvfs>::uninit();
    // SAFETY: a NUL-terminated path and room for the answer.
    if unsafe { libc::statvfs(path.as_ptr(), stats.as_mut_ptr()) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: statvfs filled it in.
    let stats = unsafe { stats.assume_init() };
    // Their widths differ between platforms.
    #[allow(clippy::unnecessary_cast)]
    Ok((stats.f_bavail as u64).saturating_mul(stats.f_frsize as u64))
}

/// Elsewhere the disk is not checked ahead; a full one still fails its write.
#[cfg(not(target_os = "linux"))]
fn free_bytes(_dir: &Path) -> std::io::Result<u64> {
    Ok(u64::MAX)
}

/// Appends `body` at `offset`, as `expected` says (at most its limit; a
/// body silent for its idle time ends there, and so does one whose request
/// is asked to let go by `released`), and makes what was
/// written durable before returning how many bytes that was. Bytes past
/// `offset` left by an earlier crash (written, never acknowledged) are
/// discarded first. A body that goes past `limit`, fails to be written, or
/// does not match its checksum keeps nothing; one that breaks off keeps what
/// arrived (unless it has a checksum). Only the wait for the
/// next frame is cut short by `released`: a frame that arrived is written.
/// `digest`, the running sha256 of the bytes before `offset`, takes in the
/// bytes kept; it becomes `None` if it cannot be trusted.
///
/// Two stages overlap: while a blocking thread writes and hashes one batch
/// (and starts the disk writing it back), the next is read from the network.
async fn append(
    path: &Path,
    offset: u64,
    body: Body,
    expected: Expected,
    released: impl Future<Output = ()>,
    digest: &mut Option<Sha256>,
) -> (u64, Result<(), AppendStop>) {
    let Expected {
        limit,
        idle,
        checksum,
    } = expected;
    let mut released = pin!(released);
    let sink = Sink {
        target: path.to_path_buf(),
        offset,
        file: None,
        checksum,
        digest: digest.take(),
        written: 0,
    };
    let mut stream = body.into_data_stream();
    let mut queued = 0u64;
    // One job at a time on a blocking thread: the first opens the file, the
    // last makes it durable; a body that arrives at once is one job.
    let mut writer = Writer::Idle(Box::new(sink));
    let (sink, outcome) = loop {
        let (batch, stop) = gather(&mut stream, limit - queued, idle, released.as_mut()).await;
        queued += batch.iter().map(|piece| piece.len() as u64).sum::<u64>();
        let mut sink = match writer {
            Writer::Idle(sink) => *sink,
            Writer::Busy(job) => match finished(job).await {
                Ok(sink) => sink,
                Err(error) => return refuse(path, offset, AppendStop::Io(error)).await,
            },
        };
        let Some(outcome) = stop else {
            let write = move || sink.write(batch).map(|()| sink);
            writer = Writer::Busy(tokio::task::spawn_blocking(write));
            continue;
        };
        let ended = match &outcome {
            Ok(()) => Ended::Whole,
            Err(AppendStop::OverLimit) => Ended::OverLimit,
            Err(_) => Ended::Cut,
        };
        let last = move || sink.write_last(batch, ended).map(|kept| (sink, kept));
        match blocking(last).await {
            Ok((sink, true)) => break (sink, outcome),
            Ok((sink, false)) => {
                let why = match outcome {
                    Ok(()) => AppendStop::ChecksumMismatch,
                    Err(why) => why,
                };
                drop(sink);
                return refuse(path, offset, why).await;
            }
            // Nothing written can be trusted to be on disk.
            Err(error) => return refuse(path, offset, AppendStop::Io(error)).await,
        }
    };
    *digest = sink.digest;
    (sink.written, outcome)
}

/// Nothing of this body is kept: the file is cut back to `offset` (the
/// durable bytes before it), so no unacknowledged byte stays on disk.
async fn refuse(path: &Path, offset: u64, why: AppendStop) -> (u64, Result<(), AppendStop>) {
    let path = path.to_path_buf();
    // Cutting a file needs no free space; if it fails anyway, the next
    // append cuts it (see `open_at`).
    let _ = blocking(move || open_at(&path, offset).map(drop)).await;
    (0, Err(why))
}

/// The file being appended to (opened by the first write) and what is
/// computed over the bytes written.
struct Sink {
    target: PathBuf,
    offset: u64,
    file: Option<File>,
    checksum: Option<ExpectedChecksum>,
    digest: Option<Sha256>,
    written: u64,
}

impl Sink {
    /// Writes and hashes `batch` (freed here, on the writing thread), then
    /// starts the disk writing it back so the final sync has less to wait for.
    fn write(&mut self, batch: Vec<Bytes>) -> std::io::Result<()> {
        let file = opened(&mut self.file, &self.target, self.offset)?;
        let start = file.stream_position()?;
        for piece in &batch {
            file.write_all(piece)?;
            if let Some(checksum) = &mut self.checksum {
                checksum.update(piece);
            }
            if let Some(digest) = &mut self.digest {
                digest.update(piece);
            }
            self.written += piece.len() as u64;
        }
        let end = file.stream_position()?;
        hint(file, start, end - start, Hint::WriteBack);
        Ok(())
    }

    /// Writes the body's last `batch` and makes what was written durable,
    /// if it is to be kept: never past the limit, and checked whole when
    /// the body has a checksum (`ended`: it ended as it should). Whether
    /// it is kept.
    fn write_last(&mut self, batch: Vec<Bytes>, ended: Ended) -> std::io::Result<bool> {
        if ended == Ended::OverLimit {
            return Ok(false);
        }
        self.write(batch)?;
        let checked = (self.checksum.take())
            .is_none_or(|checksum| ended == Ended::Whole && checksum.matches());
        if !checked {
            return Ok(false);
        }
        let file = opened(&mut self.file, &self.target, self.offset)?;
        file.sync_data()?;
        hint(file, self.offset, self.written, Hint::Forget);
        Ok(true)
    }
}

/// `file`, opened at `offset` of `target` on first use.
fn opened<'a>(
    file: &'a mut Option<File>,
    target: &Path,
    offset: u64,
) -> std::io::Result<&'a mut File> {
    match file {
        Some(file) => Ok(file),
        None => Ok(file.insert(open_at(target, offset)?)),
    }
}

/// The sink, or the blocking job that has it.
enum Writer {
    Idle(Box<Sink>),
    Busy(tokio::task::JoinHandle<std::io::Result<Sink>>),
}

/// How a body ended, as what is kept of it depends on it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ended {
    /// All of it arrived.
    Whole,
    /// It broke off, or its request was asked to let go: what arrived is kept.
    Cut,
    /// It went past the upload's room: nothing is kept.
    OverLimit,
}

/// What the kernel is told about a range of a file just written.
#[derive(Clone, Copy)]
enum Hint {
    /// Start writing it to disk, without waiting: the final sync then has
    /// less to wait for.
    WriteBack,
    /// It is synced (so clean): drop it from the page cache. A take is read
    /// again once, when it is complete, and a thousand candidates write
    /// 250 MB a second that would push out what is read (the database, the
    /// widget's files). Measured on a 2-core VM at 1250 candidates: with the
    /// cache growing by that much a second into fresh memory, copying the
    /// bytes into it came to take a third of the CPU.
    Forget,
}

/// Tells the kernel `hint` about the `len` bytes at `start` of `file`.
#[cfg(target_os = "linux")]
fn hint(file: &File, start: u64, len: u64, hint: Hint) {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: plain syscalls on an open descriptor; both are advice, and a
    // failure changes only how much the final sync or the cache holds.
    unsafe {
        match hint {
            Hint::WriteBack => {
                let (start, len) = (start as libc::off64_t, len as libc::off64_t);
                libc::sync_file_range(fd, start, len, libc::SYNC_FILE_RANGE_WRITE);
            }
            Hint::Forget => {
                let (start, len) = (start as libc::off_t, len as libc::off_t);
                libc::posix_fadvise(fd, start, len, libc::POSIX_FADV_DONTNEED);
            }
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn hint(_file: &File, _start: u64, _len: u64, _hint: Hint) {}

/// The result of a writing-thread job.
async fn finished<T>(job: tokio::task::JoinHandle<std::io::Result<T>>) -> std::io::Result<T> {
    job.await.unwrap_or_else(|e| Err(std::io::Error::other(e)))
}

/// sha256 of a whole file, lowercase hex.
async fn sha256(path: &Path) -> std::io::Result<String> {
    let mut file = tokio::fs::File::open(path).await?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 20];
    loop {
        let read = file.read(&mut buffer).await?;
        if read == 0 {
            break;
        }
        hasher.update(&buffer[..read]);
    }
    Ok(crate::invite::hex(&hasher.finalize()))
}

fn open_at(path: &Path, offset: u64) -> std::io::Result<File> {
    let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
    file.set_len(offset)?;
    file.seek(SeekFrom::Start(offset))?;
    Ok(file)
}

/// Runs file work on tokio's blocking threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> std::io::Result<T> + Send + 'static,
) -> std::io::Result<T> {
    finished(tokio::task::spawn_blocking(work)).await
}
