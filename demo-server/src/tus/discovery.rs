//! What a client learns before it uploads: the version every request must
//! name, and `OPTIONS` (discovery) with the extensions, size limit and
//! checksum algorithms.

use super::hooks::Hooks;
use super::media_store::MediaStore;
use super::response::tus_response;
use super::{checksum, extensions, VERSION};
use crate::app::AppState;
use crate::error::ApiError;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

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
/// It carries its own CORS headers: the CORS layer takes every OPTIONS for a preflight.
pub async fn discovery<H: Hooks>(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let is_tus_path = request.uri().path().starts_with("/api/uploads");
    let is_preflight = request
        .headers()
        .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    if request.method() != Method::OPTIONS || !is_tus_path || is_preflight {
        return next.run(request).await;
    }
    let max = H::max_size_overall();
    let mut response = tus_response(
        StatusCode::NO_CONTENT,
        [
            ("Tus-Version", VERSION.to_string()),
            ("Tus-Extension", extensions::<MediaStore>()),
            ("Tus-Max-Size", max.to_string()),
            ("Tus-Checksum-Algorithm", checksum::ALGORITHMS.to_string()),
        ],
    );
    let allowed = request
        .headers()
        .get(header::ORIGIN)
        .filter(|origin| state.allowed_origins.contains(origin));
    if let Some(origin) = allowed {
        let headers = response.headers_mut();
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
        headers.insert(header::VARY, HeaderValue::from_static("origin"));
        let exposed = crate::app::EXPOSED_HEADERS.join(",");
        if let Ok(exposed) = HeaderValue::from_str(&exposed) {
            headers.insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, exposed);
        }
    }
    response
}
