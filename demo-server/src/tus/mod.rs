//! The tus 1.0 endpoint at `/api/uploads`: discovery, creation (with
//! deferred length), offset queries and ordered, durable appends.

pub mod metadata;
pub mod storage;

use crate::app::AppState;
use crate::db::UploadRow;
use crate::error::ApiError;
use crate::invite::{hex, Candidate};
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use rand::RngCore;
use recorder_core::model::{Question, MAX_ANSWER_SECONDS};
use storage::AppendStop;

/// The protocol version spoken.
pub const VERSION: &str = "1.0.0";

/// The extensions implemented.
pub const EXTENSIONS: &str = "creation,creation-defer-length";

/// The highest bitrate accepted for an answer, in bytes per second (8 Mbit/s).
pub const MAX_BYTES_PER_SECOND: u64 = 1_000_000;

/// Headroom on top of the bitrate bound, for container overhead.
const HEADROOM_BYTES: u64 = 16 << 20;

/// The most bytes one take of `question` may have.
pub fn max_take_bytes(question: &Question) -> u64 {
    question.answer_seconds as u64 * MAX_BYTES_PER_SECOND + HEADROOM_BYTES
}

/// Refuses tus requests without `Tus-Resumable: 1.0.0` (OPTIONS excepted).
pub async fn require_version(request: Request, next: Next) -> Response {
    let version = request.headers().get("Tus-Resumable");
    if request.method() != Method::OPTIONS && version.is_none_or(|v| v != VERSION) {
        return ApiError::TusVersion.into_response();
    }
    next.run(request).await
}

/// `OPTIONS` on the tus endpoint: what this server supports. A CORS
/// preflight (with `Access-Control-Request-Method`) goes on to the CORS layer.
pub async fn discovery(request: Request, next: Next) -> Response {
    let is_tus_path = request.uri().path().starts_with("/api/uploads");
    let is_preflight = request
        .headers()
        .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    if request.method() != Method::OPTIONS || !is_tus_path || is_preflight {
        return next.run(request).await;
    }
    let max = MAX_ANSWER_SECONDS as u64 * MAX_BYTES_PER_SECOND + HEADROOM_BYTES;
    tus_response(
        StatusCode::NO_CONTENT,
        [
            ("Tus-Version", VERSION.to_string()),
            ("Tus-Extension", EXTENSIONS.to_string()),
            ("Tus-Max-Size", max.to_string()),
        ],
    )
}

/// `POST`: creates an upload for one take of a question.
pub async fn create(
    State(state): State<AppState>,
    candidate: Candidate,
    headers: HeaderMap,
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
    let question_id = metadata
        .get("question")
        .ok_or_else(|| ApiError::BadRequest("Upload-Metadata needs a `question`".into()))?;
    let filetype = metadata
        .get("filetype")
        .filter(|t| t.starts_with("video/") || t.starts_with("audio/"))
        .ok_or_else(|| {
            ApiError::BadRequest("Upload-Metadata needs a `filetype` of video/* or audio/*".into())
        })?;
    let question = candidate
        .interview
        .questions
        .iter()
        .find(|q| &q.id == question_id)
        .ok_or_else(|| ApiError::UnknownQuestion(question_id.clone()))?;
    let max = max_take_bytes(question);
    if length.is_some_and(|l| l > max) {
        return Err(ApiError::TooLarge { max });
    }
    let upload = UploadRow {
        id: new_upload_id(),
        invite_id: candidate.invite_id,
        question_id: question.id.clone(),
        filetype: filetype.clone(),
        metadata: raw_metadata.to_string(),
        offset: 0,
        length,
        completed_at: None,
    };
    storage::create(&storage::path(&state.media_dir, &upload.id, filetype)).await?;
    state.db.insert_upload(&upload).await?;
    let location = format!("{}/api/uploads/{}", state.public_url, upload.id);
    Ok(tus_response(StatusCode::CREATED, [("Location", location)]))
}

/// `HEAD`: how many bytes the server has.
pub async fn head(
    State(state): State<AppState>,
    candidate: Candidate,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let upload = find(&state, &candidate, &id).await?;
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
    Ok(response)
}

/// `PATCH`: appends bytes at the server's offset; may declare the length.
pub async fn patch(
    State(state): State<AppState>,
    candidate: Candidate,
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
    let _lock = state.lock(&id).ok_or(ApiError::Locked)?;
    let upload = find(&state, &candidate, &id).await?;
    if offset != upload.offset {
        return Err(ApiError::OffsetMismatch {
            client: offset,
            server: upload.offset,
        });
    }
    let question = candidate
        .interview
        .question(&upload.question_id)
        .ok_or_else(|| ApiError::UnknownQuestion(upload.question_id.clone()))?;
    let max = max_take_bytes(question);
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
    let path = storage::path(&state.media_dir, &upload.id, &upload.filetype);
    let limit = length.unwrap_or(max) - offset;
    let (written, outcome) = storage::append(&path, offset, body, limit).await;
    let new_offset = offset + written;
    state
        .db
        .save_progress(&upload.id, new_offset, length)
        .await?;
    match outcome {
        Ok(()) => Ok(tus_response(
            StatusCode::NO_CONTENT,
            [("Upload-Offset", new_offset.to_string())],
        )),
        Err(AppendStop::OverLimit) if length.is_some() => Err(ApiError::BadRequest(format!(
            "the body goes past Upload-Length {}; {new_offset} bytes were kept",
            length.unwrap_or_default()
        ))),
        Err(AppendStop::OverLimit) => Err(ApiError::TooLarge { max }),
        Err(AppendStop::Body(reason)) => Err(ApiError::BadRequest(format!(
            "the request body broke off ({reason}); {new_offset} bytes were kept"
        ))),
        Err(AppendStop::Io(error)) => Err(error.into()),
    }
}

async fn find(state: &AppState, candidate: &Candidate, id: &str) -> Result<UploadRow, ApiError> {
    if id.len() != 32 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ApiError::UploadNotFound);
    }
    state
        .db
        .find_upload(id, candidate.invite_id)
        .await?
        .ok_or(ApiError::UploadNotFound)
}

fn new_upload_id() -> String {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

fn text<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
}

fn header_u64(headers: &HeaderMap, name: &str) -> Result<Option<u64>, ApiError> {
    text(headers, name)
        .map(|v| {
            v.parse::<u64>()
                .ok()
                .filter(|_| v.bytes().all(|b| b.is_ascii_digit()))
                .ok_or_else(|| {
                    ApiError::BadRequest(format!("{name} must be a non-negative integer"))
                })
        })
        .transpose()
}

fn tus_response<const N: usize>(status: StatusCode, headers: [(&str, String); N]) -> Response {
    let mut response = status.into_response();
    insert(&mut response, "Tus-Resumable", VERSION.to_string());
    insert(
        &mut response,
        header::CACHE_CONTROL.as_str(),
        "no-store".to_string(),
    );
    for (name, value) in headers {
        insert(&mut response, name, value);
    }
    response
}

fn insert(response: &mut Response, name: &str, value: String) {
    if let (Ok(name), Ok(value)) = (
        header::HeaderName::from_bytes(name.as_bytes()),
        HeaderValue::from_str(&value),
    ) {
        response.headers_mut().insert(name, value);
    }
}
