//! What follows an append's answer, off the candidate's wait: the store
//! settles under a lock of its own, or, after the last byte, puts the take
//! together and the hooks hear of it.

use super::hooks::Hooks;
use super::lock::{Locker, UploadLease};
use super::store::DataStore;
use crate::app::AppState;
use crate::db::UploadRow;
use std::time::Duration;

/// Longest a finish or a termination waits for the upload's settle under
/// way (an object store's part of 5 MiB: seconds).
pub(super) const SETTLE_WAIT: Duration = Duration::from_secs(30);

/// What follows an append's answer, off the candidate's wait: the store
/// settles what it holds, under the upload's settling lock, while the next
/// append may already run (one still settling is caught up by the next);
/// after the last byte, still holding the upload's lease, the store puts
/// the whole together once the last settle is done ([`DataStore::finish`];
/// whoever reads the take first does it if this cannot), then the hooks
/// hear of it.
pub(super) fn after_answer<H: Hooks>(
    state: &AppState,
    lease: impl UploadLease + 'static,
    upload: UploadRow,
    offset: u64,
    length: Option<u64>,
) {
    let state = state.clone();
    tokio::spawn(async move {
        if length != Some(offset) {
            drop(lease);
            if !state.store.has_to_settle(&upload, offset) {
                return;
            }
            if let Some(_settling) = settling(&state, &upload.id, Duration::ZERO).await {
                if let Err(error) = state.store.settle(&upload, offset).await {
                    tracing::warn!("upload {}: left for its next settle: {error}", upload.id);
                }
            }
            return;
        }
        let settled = settling(&state, &upload.id, SETTLE_WAIT).await;
        match state.store.finish(&upload, offset).await {
            Err(error) => {
                tracing::warn!(
                    "upload {}: left whole in pieces until read: {error}",
                    upload.id
                )
            }
            Ok(()) => H::after_finish(&state, &upload),
        }
        drop((settled, lease));
    });
}

/// The lock under which upload `id` settles, apart from its lease so that
/// appends need not wait for it; `None` if another holds it past `wait`,
/// or if the store has nothing to settle (files: no lock taken at all).
pub(super) async fn settling(
    state: &AppState,
    id: &str,
    wait: Duration,
) -> Option<impl UploadLease> {
    if !state.store.settles() {
        return None;
    }
    state.locks.acquire(&format!("{id}/settling"), wait).await
}
