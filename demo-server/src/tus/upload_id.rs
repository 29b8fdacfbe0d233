//! Upload ids: 128 random bits in hex, safe in a file name and a URL.

use crate::invite::hex;
use rand::RngCore;

/// Whether `id` has the shape of an upload id (32 hex digits), so it is
/// safe to use in a file name.
///
/// ```
/// assert!(demo_server::tus::is_upload_id("0123456789abcdef0123456789abcdef"));
/// assert!(!demo_server::tus::is_upload_id("../demo.sqlite3"));
/// ```
pub fn is_upload_id(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The upload id at the end of an upload URL (or a bare id), if it is one.
///
/// ```
/// let url = "http://h/api/uploads/0123456789abcdef0123456789abcdef";
/// assert_eq!(demo_server::tus::upload_id_in(url), Some("0123456789abcdef0123456789abcdef"));
/// ```
pub fn upload_id_in(url: &str) -> Option<&str> {
    url.trim_end_matches('/')
        .rsplit('/')
        .next()
        .filter(|id| is_upload_id(id))
}

/// A new upload id.
pub fn new_upload_id() -> String {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}
