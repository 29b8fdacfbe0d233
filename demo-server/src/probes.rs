//! The recorder's connection checks: scratch uploads marked `purpose:
//! uplink-probe`, small, at no attempt's cost, never an answer. The
//! recorder deletes each once measured; one a page left behind (the
//! recorder taken off the page mid-check, the tab closed, the deletion
//! lost) makes room for the next check once an invite has
//! [`MAX_LIVE_PROBES`], and is swept once past [`PROBE_LIFETIME`].

use crate::app::AppState;
use crate::db::UploadRow;
use crate::error::ApiError;
use recorder_core::uplink::PROBE_BYTES;
use std::time::Duration;

/// The most bytes a connection check may send.
pub const MAX_PROBE_BYTES: u64 = 4 * PROBE_BYTES as u64;

/// Connection checks an invite may have on the server at once; a new one
/// beyond replaces the oldest.
pub const MAX_LIVE_PROBES: u32 = 5;

/// A connection check is over well within this, its slowest request
/// included: the sweep removes one older, finished or not.
pub const PROBE_LIFETIME: Duration = Duration::from_secs(10 * 60);

/// The question id under which connection checks are kept: no question's
/// (ids are letters, digits, `-` and `_`).
pub const PROBE_QUESTION: &str = "";

/// Whether `upload` is a connection check rather than a take.
///
/// ```
/// let mut upload = demo_server::db::UploadRow::default();
/// upload.question_id = demo_server::probes::PROBE_QUESTION.into();
/// assert!(demo_server::probes::is_probe(&upload));
/// ```
pub fn is_probe(upload: &UploadRow) -> bool {
    upload.question_id == PROBE_QUESTION
}

/// Records `upload` as a connection check of its invite. At the bound the
/// invite's oldest check goes first (terminated as a DELETE would): a
/// candidate is never refused a check by what a page left behind.
///
/// ```no_run
/// # async fn f(state: demo_server::app::AppState, new: demo_server::db::UploadRow) -> Result<(), demo_server::error::ApiError> {
/// let recorded = demo_server::probes::record(&state, new).await?;
/// assert!(demo_server::probes::is_probe(&recorded));
/// # Ok(()) }
/// ```
pub async fn record(state: &AppState, mut upload: UploadRow) -> Result<UploadRow, ApiError> {
    upload.question_id = PROBE_QUESTION.to_string();
    if state.db.insert_probe(&upload, MAX_LIVE_PROBES).await? {
        return Ok(upload);
    }
    let uploads = state.db.uploads_of(upload.invite_id).await?;
    if let Some(oldest) = uploads
        .iter()
        .find(|u| is_probe(u) && u.deleted_at.is_none())
    {
        match crate::tus::terminate(state, oldest).await {
            // Being written to and not let go: the creation is refused below.
            Ok(()) | Err(ApiError::Locked) => {}
            Err(error) => return Err(error),
        }
    }
    match state.db.insert_probe(&upload, MAX_LIVE_PROBES).await? {
        true => Ok(upload),
        false => Err(ApiError::TooManyChecks),
    }
}

/// Terminates the connection checks created more than [`PROBE_LIFETIME`]
/// before `now` (Unix ms); how many (one still being written to is left
/// for the next sweep).
///
/// ```no_run
/// # async fn f(state: demo_server::app::AppState) -> Result<(), demo_server::error::ApiError> {
/// let swept = demo_server::probes::sweep(&state, demo_server::db::unix_millis()).await?;
/// # Ok(()) }
/// ```
pub async fn sweep(state: &AppState, now: i64) -> Result<usize, ApiError> {
    let before = now - PROBE_LIFETIME.as_millis() as i64;
    let stray = (state.db)
        .kept_uploads_created_before(PROBE_QUESTION, before)
        .await?;
    let mut swept = 0;
    for probe in &stray {
        match crate::tus::terminate(state, probe).await {
            Ok(()) => swept += 1,
            Err(ApiError::Locked) => {}
            Err(error) => return Err(error),
        }
    }
    Ok(swept)
}
