//! Making finished takes seekable in browsers: Chrome's WebM has no duration
//! and no cues, so each complete take gets a remuxed copy (`-c copy`, no
//! re-encoding) next to the original, whose bytes stay exactly as received.

use crate::db::{Db, UploadMark};
use std::path::{Path, PathBuf};
use tokio::process::Command;

/// Where the seekable copy of `original` goes.
///
/// ```
/// let copy = demo_server::seekable::copy_path(std::path::Path::new("media/ab.webm"));
/// assert_eq!(copy, std::path::Path::new("media/ab.seekable.webm"));
/// ```
pub fn copy_path(original: &Path) -> PathBuf {
    let extension = original
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("bin");
    original.with_extension(format!("seekable.{extension}"))
}

/// Makes take `id`'s seekable copy and records its duration; `None` (with a
/// warning on stderr) if the take cannot be remuxed.
pub async fn make_seekable_and_record(
    db: &Db,
    id: &str,
    original: &Path,
) -> Result<Option<u64>, sqlx::Error> {
    match make_seekable(original).await {
        Ok(ms) => {
            db.mark_upload(id, UploadMark::DurationMs(ms as i64))
                .await?;
            Ok(Some(ms))
        }
        Err(error) => {
            eprintln!("warning: take {id} is not seekable: {error}");
            Ok(None)
        }
    }
}

/// Remuxes `original` into its seekable copy (with duration and cues, or
/// `faststart` for MP4) and returns the duration in milliseconds. Needs
/// ffmpeg and ffprobe on the PATH.
pub async fn make_seekable(original: &Path) -> Result<u64, String> {
    let copy = copy_path(original);
    // A name of its own: two conversions of one take may run at once.
    let partial = copy.with_extension(format!("partial-{}", rand::random::<u64>()));
    let format = match original.extension().and_then(|e| e.to_str()) {
        Some("webm") => "webm",
        Some("mp4") => "mp4",
        Some("mov") => "mov",
        other => return Err(format!("no seekable copy for {other:?} files")),
    };
    let output = Command::new("ffmpeg")
        .args(["-v", "error", "-y", "-i"])
        .arg(original)
        .args(["-c", "copy", "-movflags", "+faststart", "-f", format])
        .arg(&partial)
        .output()
        .await
        .map_err(|e| format!("cannot run ffmpeg: {e}"))?;
    if !output.status.success() {
        let _ = tokio::fs::remove_file(&partial).await;
        let reason = String::from_utf8_lossy(&output.stderr);
        return Err(format!("ffmpeg could not remux it: {}", reason.trim()));
    }
    tokio::fs::rename(&partial, &copy)
        .await
        .map_err(|e| e.to_string())?;
    duration_ms(&copy).await
}

async fn duration_ms(path: &Path) -> Result<u64, String> {
    let output = Command::new("ffprobe")
        .args([
            "-v",
            "error",
            "-show_entries",
            "format=duration",
            "-of",
            "csv=p=0",
        ])
        .arg(path)
        .output()
        .await
        .map_err(|e| format!("cannot run ffprobe: {e}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    text.trim()
        .parse::<f64>()
        .map(|seconds| (seconds * 1000.0).round() as u64)
        .map_err(|_| format!("ffprobe found no duration in {}", path.display()))
}
