//! Why an upload stopped for good.

/// An upload failure that retrying cannot fix. The take's unacknowledged
/// bytes are still in the journal when this happens.
///
/// ```
/// use recorder_core::upload::UploadError;
/// let e = UploadError::Lost { status: 404 };
/// assert!(e.to_string().contains("404"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UploadError {
    /// The server no longer knows the upload (404 or 410).
    #[error("the server no longer has this upload (HTTP {status}); the recording is still on this device")]
    Lost {
        /// 404 or 410.
        status: u16,
    },
    /// The take is larger than the server accepts (413).
    #[error("the recording is larger than the server accepts (HTTP 413)")]
    TooLarge,
    /// The server does not speak tus 1.0.0 (412).
    #[error("the upload server does not support tus 1.0.0 (HTTP 412)")]
    UnsupportedServer,
    /// The server refused the request for a reason of its own (a 4xx).
    #[error("the server refused the upload (HTTP {status}): {message}")]
    Rejected {
        /// The status code.
        status: u16,
        /// The server's reason, if it gave one of the known codes (the
        /// `Error-Code` header).
        code: Option<crate::error_code::ErrorCode>,
        /// What the server said, if anything.
        message: String,
    },
    /// A response lacked a header tus requires, or had an unreadable one.
    #[error("the upload server answered without a valid {header} header")]
    BadResponse {
        /// The header's name.
        header: &'static str,
    },
    /// The server's offset is outside the bytes this device still has.
    #[error("the server reports offset {server}, but this device holds bytes {held_from}..{held_to} of the take")]
    OffsetOutOfRange {
        /// What the server reported.
        server: u64,
        /// The first byte the journal still holds.
        held_from: u64,
        /// The end of what was recorded.
        held_to: u64,
    },
    /// Bytes were pushed after the take was finished.
    #[error("the take was already finished; no more bytes can be added")]
    AlreadyFinished,
}

/// Why an [`super::UploadConfig`] cannot be used.
///
/// ```
/// use recorder_core::upload::{Upload, UploadConfig, ConfigError};
/// let config = UploadConfig::new("https://example.com/up").with_metadata("bad key", "x");
/// assert!(matches!(Upload::new(config), Err(ConfigError::MetadataKey(_))));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// The endpoint is not an absolute http(s) URL.
    #[error("the upload endpoint \"{0}\" must be an absolute http:// or https:// URL")]
    Endpoint(String),
    /// A metadata key is empty or has a space or a comma.
    #[error("metadata key \"{0}\" must be non-empty ASCII without spaces or commas")]
    MetadataKey(String),
    /// The most bytes per PATCH is zero.
    #[error("max_patch_bytes must be at least 1")]
    PatchSize,
}
