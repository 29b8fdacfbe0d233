//! Frees the space of uploads nobody will finish and of files no upload
//! owns: unfinished uploads past their `Upload-Expires` are terminated (as a
//! DELETE would), so are the uploads the hooks let go ([`Hooks::expire`]),
//! and files in the media folder whose upload was deleted or
//! never recorded go. Expiry is also checked on each access; the sweep
//! frees the space of uploads never asked about again.

use super::hooks::Hooks;
use super::store::DataStore;
use super::{expires_at, remove};
use crate::app::AppState;
use crate::db::{system_time, UploadRow};
use crate::error::ApiError;
use std::collections::HashMap;
use std::time::{Duration, UNIX_EPOCH};

/// A file younger than this (at the sweep's `now`) is never an orphan: its
/// upload may be being created, or its seekable copy being written.
const ORPHAN_GRACE: Duration = Duration::from_secs(3600);

/// What one sweep freed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Swept {
    /// Unfinished uploads past their expiry, terminated.
    pub expired: usize,
    /// Uploads the hooks let go, terminated.
    pub by_hooks: usize,
    /// Files no live upload owns, removed.
    pub orphans: usize,
}

/// Sweeps as if the time were `now` (milliseconds since the Unix epoch).
///
/// ```no_run
/// # async fn f(state: demo_server::app::AppState) -> Result<(), demo_server::error::ApiError> {
/// use demo_server::rules::InterviewRules;
/// let swept = demo_server::tus::sweep::sweep::<InterviewRules>(&state, demo_server::db::unix_millis()).await?;
/// println!("{} expired uploads, {} orphan files", swept.expired, swept.orphans);
/// # Ok(()) }
/// ```
pub async fn sweep<H: Hooks>(state: &AppState, now: i64) -> Result<Swept, ApiError> {
    let mut swept = Swept::default();
    for upload in state.db.unfinished_uploads().await? {
        if now >= expires_at(&upload) {
            remove(state, &upload).await?;
            swept.expired += 1;
        }
    }
    swept.by_hooks = H::expire(state, now).await?;
    let settled_before = system_time(now)
        .checked_sub(ORPHAN_GRACE)
        .unwrap_or(UNIX_EPOCH);
    // A complete take's working objects are several: the store is asked once.
    let mut whole = HashMap::new();
    for stored in state.store.list(settled_before).await? {
        let orphan = match state.db.upload(&stored.upload_id).await? {
            None => true,
            Some(u) if u.deleted_at.is_some() => true,
            Some(u) if stored.working && u.completed_at.is_some() => match whole.get(&u.id) {
                Some(known) => *known,
                None => {
                    let made = made_whole(state, &u).await;
                    whole.insert(u.id, made);
                    made
                }
            },
            Some(_) => false,
        };
        if orphan {
            state.store.remove(&stored).await?;
            swept.orphans += 1;
        }
    }
    Ok(swept)
}

/// Whether complete `upload` is whole in the store (put together now if
/// its finish never ran): only then is what served while it was written
/// no longer needed.
async fn made_whole(state: &AppState, upload: &UploadRow) -> bool {
    match state.store.finish(upload, upload.offset).await {
        Ok(()) => true,
        Err(error) => {
            tracing::warn!(upload = %upload.id, %error, "complete, but not yet whole in the store");
            false
        }
    }
}

/// Sweeps every `period` for as long as the server runs (failures are
/// reported and retried at the next period).
pub async fn every<H: Hooks>(state: AppState, period: Duration) {
    let mut ticks = tokio::time::interval(period);
    loop {
        ticks.tick().await;
        if let Err(error) = sweep::<H>(&state, crate::db::unix_millis()).await {
            tracing::warn!(%error, "the sweep of unfinished uploads failed");
        }
    }
}
