//! Reading tus request headers: trimmed text, and counts (offsets, lengths).

use crate::error::ApiError;
use axum::http::HeaderMap;

/// Header `name` as trimmed text, if present and visible ASCII.
///
/// ```
/// use axum::http::HeaderMap;
/// let mut headers = HeaderMap::new();
/// headers.insert("Upload-Defer-Length", " 1 ".parse().unwrap());
/// assert_eq!(demo_server::tus::headers::text(&headers, "Upload-Defer-Length"), Some("1"));
/// ```
pub fn text<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
}

/// A count as tus writes it: decimal digits only (no sign, no spaces, no
/// `0x`), within `u64`.
///
/// ```
/// use demo_server::tus::headers::count;
/// assert_eq!(count("1024"), Some(1024));
/// assert_eq!((count("+1"), count("-1"), count(""), count("99999999999999999999")), (None, None, None, None));
/// ```
pub fn count(value: &str) -> Option<u64> {
    value
        .parse::<u64>()
        .ok()
        .filter(|_| value.bytes().all(|b| b.is_ascii_digit()))
}

/// Header `name` as a [`count`], if present; a 400 naming the header if it is not one.
///
/// ```
/// use axum::http::HeaderMap;
/// use demo_server::tus::headers::header_u64;
/// let mut headers = HeaderMap::new();
/// headers.insert("Upload-Offset", "12".parse().unwrap());
/// assert_eq!(header_u64(&headers, "Upload-Offset").unwrap(), Some(12));
/// headers.insert("Upload-Offset", "-1".parse().unwrap());
/// assert!(header_u64(&headers, "Upload-Offset").is_err());
/// ```
pub fn header_u64(headers: &HeaderMap, name: &str) -> Result<Option<u64>, ApiError> {
    text(headers, name)
        .map(|v| {
            count(v).ok_or_else(|| {
                ApiError::BadRequest(format!("{name} must be a non-negative integer"))
            })
        })
        .transpose()
}
