//! The tus `Upload-Metadata` header: `key base64(value)` pairs joined by commas.

use base64::Engine;

/// Whether `key` may be used in `Upload-Metadata`.
///
/// ```
/// assert!(recorder_core::upload::is_valid_metadata_key("filetype"));
/// assert!(!recorder_core::upload::is_valid_metadata_key("file type"));
/// ```
pub fn is_valid_metadata_key(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| b.is_ascii_graphic() && b != b',')
}

/// Encodes pairs as an `Upload-Metadata` value.
///
/// ```
/// let value = recorder_core::upload::encode_metadata(&[("question".into(), "q1".into())]);
/// assert_eq!(value, "question cTE=");
/// ```
pub fn encode_metadata(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(key, value)| {
            if value.is_empty() {
                key.clone()
            } else {
                format!(
                    "{key} {}",
                    base64::engine::general_purpose::STANDARD.encode(value)
                )
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}
