//! The tus 1.0 endpoint at `/api/uploads`: discovery, creation (with
//! deferred length, with upload), offset queries, ordered durable appends
//! with checksums, termination and expiration. What the application decides
//! (who may create what, how large, what happens after) comes through
//! [`hooks::Hooks`]; one request writes an upload at a time ([`lock`]).

mod after_answer;
mod body_batches;
pub mod checksum;
mod discovery;
pub mod file_store;
pub mod headers;
pub mod hooks;
pub mod lock;
pub mod media_store;
pub mod metadata;
mod response;
pub mod running_hash;
pub mod s3_store;
pub mod shared_lock;
pub mod store;
pub mod sweep;
mod upload_id;

use crate::app::AppState;
use crate::db::{unix_millis, Progress, UploadMark, UploadRow};
use crate::error::ApiError;
use crate::invite::hex;
use after_answer::{after_answer, settling, SETTLE_WAIT};
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
pub use discovery::{discovery, require_version};
use futures::StreamExt;
use headers::{header_u64, text};
use hooks::{Hooks, NewUpload};
use lock::{Locker, UploadLease};
use response::{expires_at, insert, insert_expiry, tus_response};
use sha2::Digest;
use std::time::Duration;
use store::{AppendStop, DataStore};
use upload_id::new_upload_id;
pub use upload_id::{is_upload_id, upload_id_in};

/// The protocol version spoken.
pub const VERSION: &str = "1.0.0";

/// The extensions the handler implements whatever the store.
const OWN_EXTENSIONS: [&str; 4] = [
    "creation",
    "creation-defer-length",
    "creation-with-upload",
    "expiration",
];

/// `Tus-Extension`: the handler's and those of `S` that depend on the store.
///
/// ```
/// use demo_server::tus::{extensions, file_store::FileStore};
/// assert!(extensions::<FileStore>().contains("checksum"));
/// ```
pub fn extensions<S: DataStore>() -> String {
    OWN_EXTENSIONS
        .iter()
        .chain(S::EXTENSIONS)
        .copied()
        .collect::<Vec<_>>()
        .join(",")
}

/// How long an unfinished upload is kept.
pub const EXPIRES_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// How long a request waits for the one writing the same upload to let go
/// (it stops at once when asked; this covers its last disk sync).
const TAKE_OVER_WITHIN: Duration = Duration::from_secs(5);

/// `POST`: creates an upload, if the application's hooks admit it; the
/// first bytes may come along.
pub async fn create<H: Hooks>(
    State(state): State<AppState>,
    caller: H::Caller,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let length = match (
        header_u64(&headers, "Upload-Length")?,
        text(&headers, "Upload-Defer-Length"),
    ) {
        (Some(length), None) => Some(length),
        (None, Some("1")) => None,
        _ => {
            return Err(ApiError::BadRequest(
                "send either Upload-Length or Upload-Defer-Length: 1".into(),
            ))
        }
    };
    let raw_metadata = text(&headers, "Upload-Metadata").unwrap_or_default();
    let metadata = metadata::parse(raw_metadata).map_err(ApiError::BadRequest)?;
    let admission = H::before_create(
        &state,
        &caller,
        &NewUpload {
            metadata: &metadata,
            length,
        },
    )
    .await?;
    let max = H::max_size(&admission);
    if length.is_some_and(|l| l > max) {
        return Err(ApiError::TooLarge { max });
    }
    refuse_overrun(&headers, 0, length)?;
    // An upload begun must be able to finish: none begins on a nearly full disk.
    if state.store.free_bytes()? < state.min_free_bytes {
        return Err(ApiError::StorageFull);
    }
    let filetype = metadata.get("filetype").cloned().unwrap_or_default();
    let new = UploadRow {
        id: new_upload_id(),
        invite_id: H::owner(&caller),
        filetype,
        metadata: raw_metadata.to_string(),
        length,
        created_at: unix_millis(),
        ..Default::default()
    };
    // The bytes' place first: an upload recorded is one that can be written.
    state.store.create(&new).await?;
    let made = new.clone();
    let upload = match H::record(&state, new, admission).await {
        Ok(upload) => upload,
        Err(refused) => {
            let _ = state.store.terminate(&made).await;
            return Err(refused);
        }
    };
    let location = format!("{}/api/uploads/{}", state.public_url, upload.id);
    let is_upload = text(&headers, header::CONTENT_TYPE.as_str())
        == Some(recorder_core::upload::PATCH_CONTENT_TYPE);
    let offset = match is_upload {
        // creation-with-upload: the body is the first PATCH. The answer says
        // what the server kept of a body that was refused or broke off.
        true => {
            let lease = lock(&state, &upload.id).await?;
            let span = Span {
                offset: 0,
                length,
                max,
            };
            match write(&state, &lease, &upload, &headers, span, body).await {
                Ok(offset) => {
                    after_answer::<H>(&state, lease, upload.clone(), offset, length);
                    offset
                }
                Err(_) => state.db.upload(&upload.id).await?.map_or(0, |u| u.offset),
            }
        }
        false => 0,
    };
    let mut response = tus_response(
        StatusCode::CREATED,
        [
            ("Location", location),
            ("Upload-Offset", offset.to_string()),
        ],
    );
    insert_expiry(&mut response, &upload, offset);
    Ok(response)
}

/// `HEAD`: how many bytes the server has.
pub async fn head<H: Hooks>(
    State(state): State<AppState>,
    caller: H::Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let upload = find_live(&state, H::owner(&caller), &id).await?;
    let mut response = tus_response(
        StatusCode::OK,
        [
            ("Upload-Offset", upload.offset.to_string()),
            ("Upload-Metadata", upload.metadata.clone()),
        ],
    );
    let (name, value) = match upload.length {
        Some(length) => ("Upload-Length", length.to_string()),
        None => ("Upload-Defer-Length", "1".to_string()),
    };
    insert(&mut response, name, value);
    insert_expiry(&mut response, &upload, upload.offset);
    Ok(response)
}

/// `PATCH`: appends bytes at the server's offset; may declare the length.
pub async fn patch<H: Hooks>(
    State(state): State<AppState>,
    caller: H::Caller,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    if text(&headers, header::CONTENT_TYPE.as_str())
        != Some(recorder_core::upload::PATCH_CONTENT_TYPE)
    {
        return Err(ApiError::ContentType);
    }
    let offset = header_u64(&headers, "Upload-Offset")?
        .ok_or_else(|| ApiError::BadRequest("Upload-Offset is required".into()))?;
    let lease = lock(&state, &id).await?;
    let upload = find_live(&state, H::owner(&caller), &id).await?;
    if offset != upload.offset {
        // Read the body first: a client still sending would see a reset, not the 409.
        drain(body).await;
        return Err(ApiError::OffsetMismatch {
            client: offset,
            server: upload.offset,
        });
    }
    let max = H::upload_max_size(&caller, &upload)?;
    let length = match (upload.length, header_u64(&headers, "Upload-Length")?) {
        (Some(known), Some(sent)) if known != sent => {
            return Err(ApiError::BadRequest(format!(
                "Upload-Length is already {known}; it cannot change to {sent}"
            )))
        }
        (_, Some(sent)) if sent < offset => {
            return Err(ApiError::BadRequest(format!(
                "Upload-Length {sent} is less than the {offset} bytes already received"
            )))
        }
        (_, Some(sent)) if sent > max => return Err(ApiError::TooLarge { max }),
        (known, sent) => known.or(sent),
    };
    if upload.length == Some(upload.offset) {
        // Complete: completion ran once, and the take never changes again.
        if axum::body::to_bytes(body, 0).await.is_err() {
            return Err(ApiError::BadRequest(
                "the upload is complete; it takes no more bytes".into(),
            ));
        }
        let mut response = tus_response(
            StatusCode::NO_CONTENT,
            [("Upload-Offset", upload.offset.to_string())],
        );
        insert_expiry(&mut response, &upload, upload.offset);
        return Ok(response);
    }
    refuse_overrun(&headers, offset, length)?;
    let span = Span {
        offset,
        length,
        max,
    };
    let new_offset = write(&state, &lease, &upload, &headers, span, body).await?;
    let mut response = tus_response(
        StatusCode::NO_CONTENT,
        [("Upload-Offset", new_offset.to_string())],
    );
    insert_expiry(&mut response, &upload, new_offset);
    after_answer::<H>(&state, lease, upload, new_offset, length);
    Ok(response)
}

/// `DELETE`: terminates an upload, if the application's hooks allow it.
pub async fn delete<H: Hooks>(
    State(state): State<AppState>,
    caller: H::Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let _lease = lock(&state, &id).await?;
    let upload = find_live(&state, H::owner(&caller), &id).await?;
    H::before_terminate(&state, &caller, &upload).await?;
    remove(&state, &upload).await?;
    H::after_terminate(&state, &upload).await;
    Ok(tus_response(StatusCode::NO_CONTENT, []))
}

/// The lease of upload `id`, taken over from a request that still holds it
/// (423 if that one does not let go in time).
async fn lock(state: &AppState, id: &str) -> Result<impl UploadLease, ApiError> {
    state
        .locks
        .acquire(id, TAKE_OVER_WITHIN)
        .await
        .ok_or(ApiError::Locked)
}

/// Where a body goes: at `offset` of an upload of `length` (when known) that
/// may hold at most `max` bytes.
struct Span {
    offset: u64,
    length: Option<u64>,
    max: u64,
}

/// Appends a body at `offset` and records the new durable offset; on the
/// last byte, with the upload's sha256. A request that wants the upload
/// meanwhile ends the body where it is.
async fn write(
    state: &AppState,
    lease: &impl UploadLease,
    upload: &UploadRow,
    headers: &HeaderMap,
    span: Span,
    body: Body,
) -> Result<u64, ApiError> {
    let Span {
        offset,
        length,
        max,
    } = span;
    let expected = store::Expected {
        limit: length.unwrap_or(max) - offset,
        idle: state.timeouts.body_idle,
        checksum: text(headers, "Upload-Checksum")
            .map(checksum::ExpectedChecksum::parse)
            .transpose()
            .map_err(ApiError::BadRequest)?,
    };
    let mut digest = state.running_hashes.resume(&upload.id, offset);
    let released = lease.release_requested();
    let (written, outcome) = (state.store)
        .append(upload, offset, body, expected, released, &mut digest)
        .await;
    let new_offset = offset + written;
    let complete = length == Some(new_offset) && outcome.is_ok();
    // Complete: its sha256 is saved with its last offset, in one commit.
    let (sha256, running) = match (complete, digest) {
        (true, Some(digest)) => (Some(hex(&digest.finalize())), None),
        (true, None) => {
            // Read back whole (the bytes before came through another
            // instance): a store that puts it together does so first.
            state.store.finish(upload, new_offset).await?;
            (Some(state.store.sha256(upload).await?), None)
        }
        (false, running) => (None, running),
    };
    let progress = Progress {
        id: upload.id.clone(),
        from: offset,
        offset: new_offset,
        length,
        sha256,
    };
    state.db.save_progress(progress).await?;
    if let Some(digest) = running {
        state.running_hashes.keep(&upload.id, new_offset, digest);
    }
    match outcome {
        Ok(()) => Ok(new_offset),
        Err(AppendStop::OverLimit) if length.is_some() => Err(ApiError::BadRequest(format!(
            "the body goes past Upload-Length {}; nothing of it was kept",
            length.unwrap_or_default()
        ))),
        Err(AppendStop::OverLimit) => Err(ApiError::TooLarge { max }),
        Err(AppendStop::ChecksumMismatch) => Err(ApiError::ChecksumMismatch),
        Err(AppendStop::TakenOver) => Err(ApiError::Locked),
        Err(AppendStop::Body(reason)) => Err(ApiError::BadRequest(format!(
            "the request body broke off ({reason}); {new_offset} bytes were kept"
        ))),
        Err(AppendStop::Io(error)) if error.kind() == std::io::ErrorKind::StorageFull => {
            Err(ApiError::StorageFull)
        }
        Err(AppendStop::Io(error)) => Err(error.into()),
    }
}

/// A body whose `Content-Length` would take the upload past its length is
/// refused before a byte of it is written (one that does not say its length
/// is cut back when it goes past).
fn refuse_overrun(headers: &HeaderMap, offset: u64, length: Option<u64>) -> Result<(), ApiError> {
    match (header_u64(headers, header::CONTENT_LENGTH.as_str())?, length) {
        (Some(sent), Some(length)) if offset + sent > length => Err(ApiError::BadRequest(format!(
            "the body ({sent} bytes at offset {offset}) goes past Upload-Length {length}; nothing of it was kept"
        ))),
        _ => Ok(()),
    }
}

/// The upload `id` of `owner` (see [`Hooks::owner`]), if any.
pub async fn find(state: &AppState, owner: i64, id: &str) -> Result<Option<UploadRow>, ApiError> {
    if !is_upload_id(id) {
        return Ok(None);
    }
    Ok(state.db.find_upload(id, owner).await?)
}

/// The upload `id` of `owner`, unless terminated or expired (410).
async fn find_live(state: &AppState, owner: i64, id: &str) -> Result<UploadRow, ApiError> {
    let upload = find(state, owner, id)
        .await?
        .ok_or(ApiError::UploadNotFound)?;
    if upload.deleted_at.is_some() {
        return Err(ApiError::UploadGone);
    }
    if upload.completed_at.is_none() && unix_millis() >= expires_at(&upload) {
        remove(state, &upload).await?;
        return Err(ApiError::UploadGone);
    }
    Ok(upload)
}

/// Terminates `upload` as a DELETE would, taking it over from a request
/// writing to it.
///
/// ```no_run
/// # async fn f(state: demo_server::app::AppState, upload: demo_server::db::UploadRow) -> Result<(), demo_server::error::ApiError> {
/// demo_server::tus::terminate(&state, &upload).await?;
/// # Ok(()) }
/// ```
pub async fn terminate(state: &AppState, upload: &UploadRow) -> Result<(), ApiError> {
    let _lease = lock(state, &upload.id).await?;
    remove(state, upload).await
}

/// Terminates `upload`: marked deleted, then its bytes removed (once a
/// settle under way is done, so that it leaves nothing behind).
async fn remove(state: &AppState, upload: &UploadRow) -> Result<(), ApiError> {
    state.running_hashes.forget(&upload.id);
    state
        .db
        .mark_upload(&upload.id, UploadMark::Deleted)
        .await?;
    let _settled = settling(state, &upload.id, SETTLE_WAIT).await;
    state.store.terminate(upload).await?;
    Ok(())
}

async fn drain(body: Body) {
    let mut stream = body.into_data_stream();
    while let Some(Ok(_)) = stream.next().await {}
}
