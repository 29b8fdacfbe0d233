//! Headers that protect candidates and the hiring team: on every response
//! `X-Content-Type-Options: nosniff` and `Referrer-Policy: no-referrer` (the
//! invite or review token is in the page's URL and must not leak to other
//! sites), and on the pages the server renders a Content-Security-Policy that
//! allows only what each page needs.

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};

/// Adds the headers every response carries (a middleware).
pub async fn every_response(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// The policy of a page that embeds the recorder: scripts from this server
/// (and the inline scripts of `html`, by hash), WebAssembly, inline styles
/// (the recorder's shadow root has its own), fetches to this server (and of
/// the page's own recordings, `blob:`), pictures
/// and videos from anywhere on https (a company logo, an intro video), and
/// framing only by `frame_ancestors` (`'self'`, or the origins given with
/// `--frame-ancestors`).
///
/// ```
/// let policy = demo_server::security_headers::recorder_page(
///     "<script>go()</script>", "http://127.0.0.1:8080", "'self'");
/// assert!(policy.contains("script-src 'self' http://127.0.0.1:8080 'wasm-unsafe-eval' 'sha256-"));
/// assert!(policy.ends_with("frame-ancestors 'self'"));
/// ```
pub fn recorder_page(html: &str, origin: &str, frame_ancestors: &str) -> String {
    let hashes: String = inline_scripts(html)
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    format!(
        "default-src 'none'; script-src 'self' {origin} 'wasm-unsafe-eval'{hashes}; \
         style-src 'self' 'unsafe-inline'; connect-src 'self' {origin} blob:; \
         img-src 'self' {origin} data: blob: https:; media-src 'self' {origin} blob: https:; \
         base-uri 'none'; form-action 'none'; frame-ancestors {frame_ancestors}"
    )
}

/// The policy of the hiring team's review page: its own styles, the takes
/// from this server, nothing else, never in a frame.
pub const REVIEW_PAGE: &str = "default-src 'none'; style-src 'unsafe-inline'; \
     media-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; \
     frame-ancestors 'none'";

/// The policy of a take opened on its own: the video and nothing else.
pub const MEDIA: &str = "default-src 'none'; media-src 'self'; frame-ancestors 'none'";

/// The bodies of `html`'s inline `<script>` elements (those without `src`).
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attributes, rest) = rest.split_once('>')?;
        let (body, _) = rest.split_once("</script>")?;
        (!attributes.contains("src=")).then_some(body)
    })
}
