//! What an upload needs to know before it starts.

use super::{is_http_url, is_valid_metadata_key, Backoff, ConfigError};
use std::time::Duration;

/// What an upload needs to know before it starts.
///
/// ```
/// use recorder_core::upload::UploadConfig;
/// let config = UploadConfig::new("https://example.com/api/uploads")
///     .with_header("Authorization", "Bearer abc")
///     .with_metadata("filetype", "video/webm");
/// assert_eq!(config.metadata.len(), 1);
/// ```
#[derive(Clone, Debug)]
pub struct UploadConfig {
    /// The tus creation endpoint (absolute URL).
    pub endpoint: String,
    /// Headers sent with every request, such as `Authorization`.
    pub headers: Vec<(String, String)>,
    /// `Upload-Metadata` pairs sent on creation.
    pub metadata: Vec<(String, String)>,
    /// The most bytes one PATCH carries.
    pub max_patch_bytes: usize,
    /// When to retry after a failure.
    pub backoff: Backoff,
    /// Ask the server what it supports (`OPTIONS`) before creating the upload.
    pub discover: bool,
    /// How long any request may take before it counts as stalled, plus
    /// the time its body needs at [`UploadConfig::min_bytes_per_second`].
    pub request_timeout: Duration,
    /// The slowest uplink a PATCH body is given time for.
    pub min_bytes_per_second: u64,
}

impl UploadConfig {
    /// A configuration with defaults: discovery on, 8 MiB PATCHes at most,
    /// 0.5 s to 30 s backoff, a request stalls after 30 s plus its body's
    /// time at 16 kB/s.
    ///
    /// ```
    /// let config = recorder_core::upload::UploadConfig::new("https://example.com/up");
    /// assert_eq!(config.max_patch_bytes, 8 << 20);
    /// ```
    pub fn new(endpoint: impl Into<String>) -> Self {
        UploadConfig {
            endpoint: endpoint.into(),
            headers: Vec::new(),
            metadata: Vec::new(),
            max_patch_bytes: 8 << 20,
            backoff: Backoff::default(),
            discover: true,
            request_timeout: Duration::from_secs(30),
            min_bytes_per_second: 16_000,
        }
    }

    /// Adds a header sent with every request.
    ///
    /// ```
    /// let c = recorder_core::upload::UploadConfig::new("https://e.com/u").with_header("Authorization", "Bearer t");
    /// assert_eq!(c.headers[0].0, "Authorization");
    /// ```
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Adds an `Upload-Metadata` pair.
    ///
    /// ```
    /// let c = recorder_core::upload::UploadConfig::new("https://e.com/u").with_metadata("question", "q1");
    /// assert_eq!(c.metadata[0].1, "q1");
    /// ```
    pub fn with_metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.metadata.push((key.into(), value.into()));
        self
    }

    /// Whether an upload can start from this configuration: an absolute
    /// http(s) endpoint, valid metadata keys, PATCHes of at least a byte.
    ///
    /// ```
    /// use recorder_core::upload::{ConfigError, UploadConfig};
    /// assert_eq!(UploadConfig::new("https://e.com/u").check(), Ok(()));
    /// let bad = UploadConfig::new("https://e.com/u").with_metadata("two words", "x");
    /// assert_eq!(bad.check(), Err(ConfigError::MetadataKey("two words".into())));
    /// ```
    pub fn check(&self) -> Result<(), ConfigError> {
        if !is_http_url(&self.endpoint) {
            return Err(ConfigError::Endpoint(self.endpoint.clone()));
        }
        if let Some((key, _)) = self
            .metadata
            .iter()
            .find(|(key, _)| !is_valid_metadata_key(key))
        {
            return Err(ConfigError::MetadataKey(key.clone()));
        }
        if self.max_patch_bytes == 0 {
            return Err(ConfigError::PatchSize);
        }
        Ok(())
    }
}
