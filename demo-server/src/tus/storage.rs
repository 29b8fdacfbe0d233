//! Takes on disk: one append-only file per upload.

use super::checksum::ExpectedChecksum;
use axum::body::Body;
use futures::StreamExt;
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use tokio::io::AsyncReadExt;

/// Why an append stopped before the body ended.
#[derive(Debug)]
pub enum AppendStop {
    /// The body went past `limit`; the bytes up to it were kept.
    OverLimit,
    /// The client's body stream broke (disconnect).
    Body(String),
    /// The body did not match its checksum; nothing was kept.
    ChecksumMismatch,
    /// The disk failed.
    Io(std::io::Error),
}

/// The file extension for a declared file type.
pub fn extension(filetype: &str) -> &'static str {
    match recorder_core::recording_format::container(filetype) {
        "video/webm" | "audio/webm" => "webm",
        "video/mp4" | "audio/mp4" => "mp4",
        "video/quicktime" => "mov",
        _ => "bin",
    }
}

/// Where the upload `id` (already validated as hex) is stored.
pub fn path(media_dir: &Path, id: &str, filetype: &str) -> PathBuf {
    media_dir.join(format!("{id}.{}", extension(filetype)))
}

/// Creates the empty file of a new upload.
pub async fn create(path: &Path) -> std::io::Result<()> {
    tokio::fs::File::create(path).await?.sync_all().await
}

/// Appends `body` at `offset`, at most `limit` bytes, and makes what was
/// written durable before returning how many bytes that was. Bytes past
/// `offset` left by an earlier crash (written, never acknowledged) are
/// discarded first. With a checksum, a body that does not match keeps nothing.
/// `digest`, the running sha256 of the bytes before `offset`, takes in the
/// bytes kept; it becomes `None` if it cannot be trusted.
pub async fn append(
    path: &Path,
    offset: u64,
    body: Body,
    limit: u64,
    mut checksum: Option<ExpectedChecksum>,
    digest: &mut Option<Sha256>,
) -> (u64, Result<(), AppendStop>) {
    let path = path.to_path_buf();
    let mut file = match blocking(move || open_at(&path, offset)).await {
        Ok(file) => file,
        Err(error) => return (0, Err(AppendStop::Io(error))),
    };
    let mut written = 0u64;
    let mut stream = body.into_data_stream();
    let mut outcome = Ok(());
    while let Some(frame) = stream.next().await {
        let chunk = match frame {
            Ok(chunk) => chunk,
            Err(error) => {
                outcome = Err(AppendStop::Body(error.to_string()));
                break;
            }
        };
        let room = (limit - written).min(chunk.len() as u64) as usize;
        // The chunk goes to the writing thread and is freed there: no buffer
        // stays behind per upload while its client is slow to send the next.
        let piece = chunk.slice(..room);
        let (returned, result) = match blocking_with(file, move |f| f.write_all(&piece)).await {
            Ok(done) => done,
            Err(error) => return (0, Err(AppendStop::Io(error))),
        };
        file = returned;
        if let Err(error) = result {
            outcome = Err(AppendStop::Io(error));
            break;
        }
        if let Some(checksum) = &mut checksum {
            checksum.update(&chunk[..room]);
        }
        if let Some(digest) = digest {
            digest.update(&chunk[..room]);
        }
        written += room as u64;
        if room < chunk.len() {
            outcome = Err(AppendStop::OverLimit);
            break;
        }
    }
    // A checked body counts only whole and matching.
    if let Some(checksum) = checksum {
        if outcome.is_err() || !checksum.matches() {
            *digest = None;
            let kept = blocking(move || file.set_len(offset)).await;
            return match kept {
                Ok(()) if outcome.is_ok() => (0, Err(AppendStop::ChecksumMismatch)),
                Ok(()) => (0, outcome),
                Err(error) => (0, Err(AppendStop::Io(error))),
            };
        }
    }
    if let Err(error) = blocking(move || file.sync_data()).await {
        // Nothing written can be trusted to be on disk.
        *digest = None;
        return (0, Err(AppendStop::Io(error)));
    }
    (written, outcome)
}

/// sha256 of a whole file, lowercase hex.
pub async fn sha256(path: &Path) -> std::io::Result<String> {
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
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|e| Err(std::io::Error::other(e)))
}

/// Runs `work` on `file` on a blocking thread and hands the file back with its result.
async fn blocking_with(
    mut file: File,
    work: impl FnOnce(&mut File) -> std::io::Result<()> + Send + 'static,
) -> std::io::Result<(File, std::io::Result<()>)> {
    blocking(move || {
        let result = work(&mut file);
        Ok((file, result))
    })
    .await
}
