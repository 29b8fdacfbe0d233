//! The headers every tus answer carries, and `Upload-Expires`.

use super::{EXPIRES_AFTER, VERSION};
use crate::db::{system_time, UploadRow};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// A tus answer: `status`, `Tus-Resumable`, never cached, and `headers`.
pub(super) fn tus_response<const N: usize>(
    status: StatusCode,
    headers: [(&str, String); N],
) -> Response {
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

/// Sets a header (one that is not valid HTTP is left out).
pub(super) fn insert(response: &mut Response, name: &str, value: String) {
    if let (Ok(name), Ok(value)) = (
        header::HeaderName::from_bytes(name.as_bytes()),
        HeaderValue::from_str(&value),
    ) {
        response.headers_mut().insert(name, value);
    }
}

/// When `upload` expires unless it is finished (milliseconds since 1970).
pub(super) fn expires_at(upload: &UploadRow) -> i64 {
    upload.created_at + EXPIRES_AFTER.as_millis() as i64
}

/// `Upload-Expires` on unfinished uploads.
pub(super) fn insert_expiry(response: &mut Response, upload: &UploadRow, offset: u64) {
    if upload.length != Some(offset) {
        let at = httpdate::fmt_http_date(system_time(expires_at(upload)));
        insert(response, "Upload-Expires", at);
    }
}
