//! Parsing the tus `Upload-Metadata` header.

use base64::Engine;
use std::collections::HashMap;

/// Most bytes of `Upload-Metadata` accepted.
pub const MAX_LEN: usize = 4096;

/// Decodes `key base64value,key2,...` into a map; values must be UTF-8.
///
/// ```
/// let pairs = demo_server::tus::metadata::parse("question cTE=,flag").unwrap();
/// assert_eq!(pairs["question"], "q1");
/// assert_eq!(pairs["flag"], "");
/// ```
pub fn parse(header: &str) -> Result<HashMap<String, String>, String> {
    if header.len() > MAX_LEN {
        return Err(format!("Upload-Metadata is longer than {MAX_LEN} bytes"));
    }
    let mut pairs = HashMap::new();
    for item in header.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        let mut parts = item.split(' ');
        let key = parts.next().unwrap_or_default();
        let value = parts.next().unwrap_or_default();
        if parts.next().is_some() || !recorder_core::upload::is_valid_metadata_key(key) {
            return Err(format!(
                "Upload-Metadata item {item:?} is not `key base64value`"
            ));
        }
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(value)
            .map_err(|_| format!("Upload-Metadata value of {key:?} is not base64"))?;
        let value = String::from_utf8(bytes)
            .map_err(|_| format!("Upload-Metadata value of {key:?} is not UTF-8"))?;
        if pairs.insert(key.to_string(), value).is_some() {
            return Err(format!("Upload-Metadata repeats the key {key:?}"));
        }
    }
    Ok(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_the_clients_encoding() {
        let pairs = vec![
            ("question".to_string(), "q2".to_string()),
            (
                "filetype".to_string(),
                "video/webm;codecs=vp9,opus".to_string(),
            ),
        ];
        let parsed = parse(&recorder_core::upload::encode_metadata(&pairs)).unwrap();
        assert_eq!(parsed["filetype"], "video/webm;codecs=vp9,opus");
        assert_eq!(parsed["question"], "q2");
    }

    #[test]
    fn rejects_malformed_items_with_a_reason() {
        assert!(parse("a b c").unwrap_err().contains("key base64value"));
        assert!(parse("a !!!").unwrap_err().contains("not base64"));
        assert!(parse("a YQ==,a YQ==").unwrap_err().contains("repeats"));
        assert!(parse(&"a".repeat(MAX_LEN + 1))
            .unwrap_err()
            .contains("longer"));
    }
}
