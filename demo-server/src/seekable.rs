//! Making finished takes seekable in browsers: Chrome's WebM has no duration
//! and no cues, so each complete take gets a remuxed copy (`-c copy`, no
//! re-encoding) next to the original, whose bytes stay exactly as received,
//! queued in [`Conversions`]. ffmpeg reads the original where the store
//! keeps it (a file, or a signed URL of an object).

use crate::db::{Db, UploadMark, UploadRow};
use crate::probes::is_probe;
use crate::tus::media_store::MediaStore;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tokio::process::Command;
use tokio::sync::Semaphore;

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

/// The conversions of finished takes to seekable copies, a few at a time:
/// each is an ffmpeg and an ffprobe process, and a burst of takes finishing
/// together must not starve the server that acknowledges candidates' bytes.
/// Each has a time limit; a take deleted meanwhile (a retake) is skipped, or
/// its copy removed.
///
/// ```no_run
/// # async fn f(db: demo_server::db::Db, take: demo_server::db::UploadRow) {
/// use demo_server::tus::media_store::MediaStore;
/// let conversions = demo_server::seekable::Conversions::new(2);
/// let store = MediaStore::open(None, "data/media".into()).unwrap();
/// conversions.queue(db, store, take);
/// # }
/// ```
#[derive(Clone)]
pub struct Conversions(Arc<Semaphore>);

/// Longest a conversion may take (a remux: seconds, even for long takes).
const TIME_LIMIT: Duration = Duration::from_secs(300);

/// A take complete this long (ms) without a duration was missed by the queue.
const MISSED_AFTER_MS: i64 = 10 * 60 * 1000;

/// How far back (ms) missed takes are looked for: one that could not be
/// converted is tried again each catch-up for this long, then left as it is.
const LOOK_BACK_MS: i64 = 24 * 3600 * 1000;

impl Default for Conversions {
    /// Half the machine's cores, at least one.
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Conversions::new((cores / 2).max(1))
    }
}

impl Conversions {
    /// At most `at_once` conversions running.
    pub fn new(at_once: usize) -> Conversions {
        Conversions(Arc::new(Semaphore::new(at_once.max(1))))
    }

    /// Converts take `upload`, kept in `store`, when a slot is free and
    /// records its duration; returns at once.
    pub fn queue(&self, db: Db, store: MediaStore, upload: UploadRow) {
        let slots = self.0.clone();
        tokio::spawn(async move {
            let Ok(_slot) = slots.acquire_owned().await else {
                return;
            };
            let id = &upload.id;
            if !is_live(&db, id).await {
                return;
            }
            let converted = tokio::time::timeout(TIME_LIMIT, store.make_seekable(&upload))
                .await
                .unwrap_or_else(|_| Err(format!("ffmpeg took over {} s", TIME_LIMIT.as_secs())));
            match converted {
                // Deleted while it was converted: no copy of it stays.
                _ if !is_live(&db, id).await => {
                    let _ = store.remove_copy(&upload).await;
                }
                Ok(ms) => {
                    let _ = db.mark_upload(id, UploadMark::DurationMs(ms as i64)).await;
                }
                Err(error) => tracing::warn!(upload = %id, %error, "take is not seekable"),
            }
        });
    }
}

impl Conversions {
    /// Queues again the takes completed in the last day, over ten minutes
    /// before `now` (Unix ms), still without a duration: their server
    /// stopped while they waited or were converted. Connection checks are
    /// never converted. Returns how many were queued.
    ///
    /// ```no_run
    /// # async fn f(db: demo_server::db::Db, store: demo_server::tus::media_store::MediaStore) -> Result<(), sqlx::Error> {
    /// let conversions = demo_server::seekable::Conversions::new(2);
    /// let queued = conversions.catch_up(&db, &store, demo_server::db::unix_millis()).await?;
    /// println!("{queued} takes queued again");
    /// # Ok(()) }
    /// ```
    pub async fn catch_up(
        &self,
        db: &Db,
        store: &MediaStore,
        now: i64,
    ) -> Result<usize, sqlx::Error> {
        let missed = db
            .unconverted(now - LOOK_BACK_MS, now - MISSED_AFTER_MS)
            .await?;
        let missed: Vec<UploadRow> = missed.into_iter().filter(|u| !is_probe(u)).collect();
        for upload in &missed {
            self.queue(db.clone(), store.clone(), upload.clone());
        }
        Ok(missed.len())
    }

    /// Catches up at start, then every `period`, for as long as the server runs.
    pub async fn catch_up_every(self, db: Db, store: MediaStore, period: Duration) {
        let mut ticks = tokio::time::interval(period);
        loop {
            ticks.tick().await;
            if let Err(error) = self.catch_up(&db, &store, crate::db::unix_millis()).await {
                tracing::warn!(%error, "cannot look for takes left unconverted");
            }
        }
    }
}

/// Whether take `id` is still kept (not deleted, not replaced away).
async fn is_live(db: &Db, id: &str) -> bool {
    matches!(db.upload(id).await, Ok(Some(upload)) if upload.deleted_at.is_none())
}

/// Remuxes the take at `original` (a path or URL ffmpeg reads), a
/// `format` container (`webm`, `mp4`, `mov`, `3gp`), into the seekable
/// `copy` (with duration and cues, or `faststart` for MP4), and returns its
/// duration in milliseconds. Needs ffmpeg and ffprobe on the PATH.
pub async fn remux(original: &OsStr, format: &str, copy: &Path) -> Result<u64, String> {
    if !["webm", "mp4", "mov", "3gp"].contains(&format) {
        return Err(format!("no seekable copy for {format:?} takes"));
    }
    // A name of its own: two conversions of one take may run at once.
    // Removed unless it becomes the copy, also if the conversion is cut short.
    let partial = tempfile::TempPath::try_from_path(
        copy.with_extension(format!("partial-{}", rand::random::<u64>())),
    )
    .map_err(|e| format!("cannot name the copy: {e}"))?;
    let output = background("ffmpeg")
        .args(["-v", "error", "-y", "-i"])
        .arg(original)
        .args(["-c", "copy", "-movflags", "+faststart", "-f", format])
        .arg(&partial)
        .output()
        .await
        .map_err(|e| format!("cannot run ffmpeg: {e}"))?;
    if !output.status.success() {
        let reason = String::from_utf8_lossy(&output.stderr);
        return Err(format!("ffmpeg could not remux it: {}", reason.trim()));
    }
    partial.persist(copy).map_err(|e| e.to_string())?;
    duration_ms(copy.as_os_str()).await
}

/// Remuxes the file `original` into its seekable copy beside it
/// ([`copy_path`]); its duration in milliseconds.
pub async fn make_seekable(original: &Path) -> Result<u64, String> {
    let format = original.extension().and_then(|e| e.to_str()).unwrap_or("");
    remux(original.as_os_str(), format, &copy_path(original)).await
}

/// The duration of the take at `original` (a path or URL) in milliseconds,
/// as its container says, if it says.
pub async fn duration_ms(original: &OsStr) -> Result<u64, String> {
    let output = background("ffprobe")
        .args([
            "-v",
            "error",
            "-show_entries",
            "format=duration",
            "-of",
            "csv=p=0",
        ])
        .arg(original)
        .output()
        .await
        .map_err(|e| format!("cannot run ffprobe: {e}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    text.trim()
        .parse::<f64>()
        .map(|seconds| (seconds * 1000.0).round() as u64)
        .map_err(|_| "ffprobe found no duration in it".to_string())
}

/// `program`, to run at the lowest priority: a seekable copy may wait, a
/// candidate's upload may not (measured: 1000 takes finishing in one
/// second, their conversions slowed the last PATCHes of the others past
/// 300 ms; at nice 10, ffmpeg still took a fifth of a busy 2-core machine
/// while 1250 candidates sent their last seconds). Killed if its future is
/// dropped.
fn background(program: &str) -> Command {
    let mut command = Command::new(program);
    command.kill_on_drop(true);
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority is a plain system call, safe between fork and exec.
    unsafe {
        command.pre_exec(|| {
            libc::setpriority(libc::PRIO_PROCESS, 0, 19);
            Ok(())
        });
    }
    command
}
