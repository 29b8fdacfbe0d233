//! A tus 1.0 client engine that uploads a take while it is being recorded.
//!
//! Sans-IO: feed it recorded bytes ([`Upload::push`]), the end of the take
//! ([`Upload::finish`]), the current time and the responses to the requests
//! it asked for; it never touches a socket or a clock. One request is in
//! flight at a time, so PATCHes are strictly ordered.
//!
//! The take is created with `Upload-Defer-Length: 1` (its length is unknown
//! while recording), its bytes go out in PATCHes as they arrive, and the
//! PATCH that carries the last byte declares `Upload-Length` (a zero-byte
//! PATCH does when everything was already sent). After a network error, a 409
//! or a 5xx, the engine waits (exponential backoff with jitter), asks the
//! server for its offset with HEAD and continues from there, even from the
//! middle of a chunk.
//!
//! ```
//! use recorder_core::http::{HttpResponse, Method};
//! use recorder_core::upload::{Upload, UploadConfig, UploadStatus};
//! use std::time::Duration;
//!
//! let mut upload = Upload::new(UploadConfig::new("https://example.com/files")).unwrap();
//! let now = Duration::ZERO;
//! upload.push(b"webm bytes");
//! let create = upload.poll_request(now).unwrap();
//! assert_eq!(create.header("Upload-Defer-Length"), Some("1"));
//! upload.handle_response(now, HttpResponse::new(201).with_header("Location", "/files/1"));
//! upload.finish();
//! let patch = upload.poll_request(now).unwrap();
//! assert_eq!((patch.method, patch.url.as_str()), (Method::Patch, "https://example.com/files/1"));
//! assert_eq!(patch.header("Upload-Length"), Some("10"));
//! upload.handle_response(now, HttpResponse::new(204).with_header("Upload-Offset", "10"));
//! assert_eq!(upload.status(), UploadStatus::Complete);
//! ```

mod backoff;
mod error;
mod location;
mod metadata;

pub use backoff::Backoff;
pub use error::{ConfigError, UploadError};
pub use location::{is_http_url, resolve_url};
pub use metadata::{encode_metadata, is_valid_metadata_key};

use crate::http::{HttpRequest, HttpResponse, Method};
use crate::journal::Journal;
use sha2::{Digest, Sha256};
use std::time::Duration;

/// The tus protocol version this engine speaks.
pub const TUS_VERSION: &str = "1.0.0";

/// The content type of a PATCH body in tus.
pub const PATCH_CONTENT_TYPE: &str = "application/offset+octet-stream";

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
}

impl UploadConfig {
    /// A configuration with defaults: 8 MiB PATCHes at most, 0.5 s to 30 s backoff.
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
}

/// Where an upload stands.
///
/// ```
/// use recorder_core::upload::{Upload, UploadConfig, UploadStatus};
/// let upload = Upload::new(UploadConfig::new("https://e.com/u")).unwrap();
/// assert_eq!(upload.status(), UploadStatus::Active);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UploadStatus {
    /// Still working (or waiting for bytes or for a retry).
    Active,
    /// The server acknowledged every byte of the finished take.
    Complete,
    /// Stopped for good; the unacknowledged bytes are still in the journal.
    Failed(UploadError),
}

/// How far along the take is.
///
/// ```
/// use recorder_core::upload::{Upload, UploadConfig};
/// let mut upload = Upload::new(UploadConfig::new("https://e.com/u")).unwrap();
/// upload.push(b"abc");
/// assert_eq!((upload.progress().recorded, upload.progress().acknowledged), (3, 0));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Bytes recorded so far.
    pub recorded: u64,
    /// Bytes the server has acknowledged.
    pub acknowledged: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum InFlight {
    Create { declares_length: bool },
    Patch { end: u64, declares_length: bool },
    Head,
}

/// One take's tus upload. See the [module documentation](self).
#[derive(Debug)]
pub struct Upload {
    config: UploadConfig,
    journal: Journal,
    digest: Sha256,
    finished: bool,
    url: Option<String>,
    acknowledged: u64,
    length_declared: bool,
    needs_head: bool,
    in_flight: Option<InFlight>,
    failures: u32,
    retry_at: Option<Duration>,
    failed: Option<UploadError>,
}

impl Upload {
    /// A new upload; nothing is sent until [`Upload::poll_request`].
    ///
    /// ```
    /// use recorder_core::upload::{Upload, UploadConfig, ConfigError};
    /// assert!(matches!(Upload::new(UploadConfig::new("/relative")), Err(ConfigError::Endpoint(_))));
    /// ```
    pub fn new(config: UploadConfig) -> Result<Upload, ConfigError> {
        if !is_http_url(&config.endpoint) {
            return Err(ConfigError::Endpoint(config.endpoint));
        }
        if let Some((key, _)) = config
            .metadata
            .iter()
            .find(|(key, _)| !is_valid_metadata_key(key))
        {
            return Err(ConfigError::MetadataKey(key.clone()));
        }
        if config.max_patch_bytes == 0 {
            return Err(ConfigError::PatchSize);
        }
        Ok(Upload {
            config,
            journal: Journal::default(),
            digest: Sha256::new(),
            finished: false,
            url: None,
            acknowledged: 0,
            length_declared: false,
            needs_head: false,
            in_flight: None,
            failures: 0,
            retry_at: None,
            failed: None,
        })
    }

    /// Adds recorded bytes to the end of the take.
    ///
    /// ```
    /// use recorder_core::upload::{Upload, UploadConfig, UploadError};
    /// let mut upload = Upload::new(UploadConfig::new("https://e.com/u")).unwrap();
    /// upload.push(b"abc").unwrap();
    /// upload.finish();
    /// assert_eq!(upload.push(b"d"), Err(UploadError::AlreadyFinished));
    /// ```
    pub fn push(&mut self, bytes: &[u8]) -> Result<(), UploadError> {
        if self.finished {
            return Err(UploadError::AlreadyFinished);
        }
        self.journal.append(bytes);
        self.digest.update(bytes);
        Ok(())
    }

    /// Marks the take as complete: its length is now known. Returns the
    /// sha256 of the whole take, in lowercase hex.
    ///
    /// ```
    /// let mut upload = recorder_core::upload::Upload::new(recorder_core::upload::UploadConfig::new("https://e.com/u")).unwrap();
    /// upload.push(b"abc").unwrap();
    /// assert!(upload.finish().starts_with("ba7816bf"));
    /// ```
    pub fn finish(&mut self) -> String {
        self.finished = true;
        self.digest
            .clone()
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// The upload's URL, once the server created it.
    ///
    /// ```
    /// let upload = recorder_core::upload::Upload::new(recorder_core::upload::UploadConfig::new("https://e.com/u")).unwrap();
    /// assert_eq!(upload.url(), None);
    /// ```
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    /// Recorded and acknowledged byte counts.
    ///
    /// ```
    /// let upload = recorder_core::upload::Upload::new(recorder_core::upload::UploadConfig::new("https://e.com/u")).unwrap();
    /// assert_eq!(upload.progress().recorded, 0);
    /// ```
    pub fn progress(&self) -> Progress {
        Progress {
            recorded: self.journal.end(),
            acknowledged: self.acknowledged,
        }
    }

    /// Whether the upload is working, done, or stopped for good.
    ///
    /// ```
    /// use recorder_core::upload::{Upload, UploadConfig, UploadStatus};
    /// let upload = Upload::new(UploadConfig::new("https://e.com/u")).unwrap();
    /// assert_eq!(upload.status(), UploadStatus::Active);
    /// ```
    pub fn status(&self) -> UploadStatus {
        if let Some(error) = &self.failed {
            UploadStatus::Failed(error.clone())
        } else if self.is_complete() {
            UploadStatus::Complete
        } else {
            UploadStatus::Active
        }
    }

    /// When the engine wants to be polled again even if nothing else happens
    /// (a retry is due), if ever.
    ///
    /// ```
    /// let upload = recorder_core::upload::Upload::new(recorder_core::upload::UploadConfig::new("https://e.com/u")).unwrap();
    /// assert_eq!(upload.next_wakeup(), None);
    /// ```
    pub fn next_wakeup(&self) -> Option<Duration> {
        self.retry_at.filter(|_| self.in_flight.is_none())
    }

    /// The next request to send, if one is due at `now`. At most one request
    /// is in flight: after this returns one, it returns `None` until its
    /// response (or failure) is handled.
    ///
    /// ```
    /// let mut upload = recorder_core::upload::Upload::new(recorder_core::upload::UploadConfig::new("https://e.com/u")).unwrap();
    /// let now = std::time::Duration::ZERO;
    /// assert!(upload.poll_request(now).is_some());
    /// assert!(upload.poll_request(now).is_none());
    /// ```
    pub fn poll_request(&mut self, now: Duration) -> Option<HttpRequest> {
        if self.in_flight.is_some() || self.failed.is_some() || self.is_complete() {
            return None;
        }
        if self.retry_at.is_some_and(|at| now < at) {
            return None;
        }
        self.retry_at = None;
        let (in_flight, request) = match self.url.clone() {
            None => (
                InFlight::Create {
                    declares_length: self.finished,
                },
                self.create_request(),
            ),
            Some(url) if self.needs_head => (InFlight::Head, self.request(Method::Head, url)),
            Some(url) => self.patch_request(url)?,
        };
        self.in_flight = Some(in_flight);
        Some(request)
    }

    /// Takes the response to the request in flight.
    ///
    /// ```
    /// use recorder_core::http::HttpResponse;
    /// use recorder_core::upload::{Upload, UploadConfig, UploadStatus, UploadError};
    /// let mut upload = Upload::new(UploadConfig::new("https://e.com/u")).unwrap();
    /// let now = std::time::Duration::ZERO;
    /// upload.poll_request(now);
    /// upload.handle_response(now, HttpResponse::new(413));
    /// assert_eq!(upload.status(), UploadStatus::Failed(UploadError::TooLarge));
    /// ```
    pub fn handle_response(&mut self, now: Duration, response: HttpResponse) {
        let Some(in_flight) = self.in_flight.take() else {
            return;
        };
        let outcome = match (in_flight, response.status) {
            (InFlight::Create { declares_length }, 200..=299) => {
                self.on_created(&response, declares_length)
            }
            (
                InFlight::Patch {
                    end,
                    declares_length,
                },
                200..=299,
            ) => self.on_patched(&response, end, declares_length),
            (InFlight::Head, 200..=299) => self.on_head(&response),
            _ => self.on_error_status(now, in_flight, &response),
        };
        match outcome {
            Ok(()) => {}
            Err(error) => self.failed = Some(error),
        }
    }

    /// Takes the news that the request in flight got no response (network
    /// error, timeout, abort). The engine retries after a backoff, asking the
    /// server for its offset first.
    ///
    /// ```
    /// use recorder_core::upload::{Upload, UploadConfig};
    /// use std::time::Duration;
    /// let mut upload = Upload::new(UploadConfig::new("https://e.com/u")).unwrap();
    /// upload.poll_request(Duration::ZERO);
    /// upload.handle_failure(Duration::ZERO);
    /// assert!(upload.next_wakeup().unwrap() > Duration::ZERO);
    /// ```
    pub fn handle_failure(&mut self, now: Duration) {
        if let Some(in_flight) = self.in_flight.take() {
            self.schedule_retry(now, in_flight);
        }
    }

    fn is_complete(&self) -> bool {
        self.url.is_some()
            && self.finished
            && self.length_declared
            && !self.needs_head
            && self.acknowledged == self.journal.end()
    }

    fn request(&self, method: Method, url: String) -> HttpRequest {
        let mut request = HttpRequest::new(method, url).with_header("Tus-Resumable", TUS_VERSION);
        request.headers.extend(self.config.headers.iter().cloned());
        request
    }

    fn create_request(&self) -> HttpRequest {
        let request = self.request(Method::Post, self.config.endpoint.clone());
        let request = if self.finished {
            request.with_header("Upload-Length", self.journal.end().to_string())
        } else {
            request.with_header("Upload-Defer-Length", "1")
        };
        if self.config.metadata.is_empty() {
            request
        } else {
            request.with_header("Upload-Metadata", encode_metadata(&self.config.metadata))
        }
    }

    fn patch_request(&self, url: String) -> Option<(InFlight, HttpRequest)> {
        let offset = self.acknowledged;
        let body = self.journal.read(offset, self.config.max_patch_bytes);
        let end = offset + body.len() as u64;
        let declares_length = self.finished && !self.length_declared && end == self.journal.end();
        if body.is_empty() && !declares_length {
            return None;
        }
        let mut request = self
            .request(Method::Patch, url)
            .with_header("Upload-Offset", offset.to_string())
            .with_header("Content-Type", PATCH_CONTENT_TYPE);
        if declares_length {
            request = request.with_header("Upload-Length", end.to_string());
        }
        request.body = body;
        Some((
            InFlight::Patch {
                end,
                declares_length,
            },
            request,
        ))
    }

    fn on_created(
        &mut self,
        response: &HttpResponse,
        declares_length: bool,
    ) -> Result<(), UploadError> {
        let location = response
            .header("Location")
            .filter(|l| !l.trim().is_empty())
            .ok_or(UploadError::BadResponse { header: "Location" })?;
        self.url = Some(resolve_url(&self.config.endpoint, location));
        self.length_declared = declares_length;
        self.failures = 0;
        Ok(())
    }

    fn on_patched(
        &mut self,
        response: &HttpResponse,
        end: u64,
        declares_length: bool,
    ) -> Result<(), UploadError> {
        let offset = offset_header(response)?;
        if declares_length {
            if offset == end {
                self.length_declared = true;
            } else {
                // Part of the body was taken: ask whether the length was too.
                self.needs_head = true;
            }
        }
        self.accept_offset(offset)?;
        self.failures = 0;
        Ok(())
    }

    fn on_head(&mut self, response: &HttpResponse) -> Result<(), UploadError> {
        let offset = offset_header(response)?;
        self.length_declared = response.header("Upload-Length").is_some();
        self.accept_offset(offset)?;
        self.needs_head = false;
        Ok(())
    }

    fn accept_offset(&mut self, offset: u64) -> Result<(), UploadError> {
        if offset < self.journal.start() || offset > self.journal.end() {
            return Err(UploadError::OffsetOutOfRange {
                server: offset,
                held_from: self.journal.start(),
                held_to: self.journal.end(),
            });
        }
        self.acknowledged = offset;
        self.journal.release_below(offset);
        Ok(())
    }

    fn on_error_status(
        &mut self,
        now: Duration,
        in_flight: InFlight,
        response: &HttpResponse,
    ) -> Result<(), UploadError> {
        match response.status {
            404 | 410 if !matches!(in_flight, InFlight::Create { .. }) => Err(UploadError::Lost {
                status: response.status,
            }),
            413 => Err(UploadError::TooLarge),
            412 => Err(UploadError::UnsupportedServer),
            409 | 408 | 423 | 429 | 500..=599 => {
                self.schedule_retry(now, in_flight);
                Ok(())
            }
            status => Err(UploadError::Rejected {
                status,
                message: response.body.trim().chars().take(300).collect(),
            }),
        }
    }

    fn schedule_retry(&mut self, now: Duration, in_flight: InFlight) {
        if !matches!(in_flight, InFlight::Create { .. }) {
            self.needs_head = true;
        }
        self.retry_at = Some(now + self.config.backoff.delay(self.failures));
        self.failures = self.failures.saturating_add(1);
    }
}

fn offset_header(response: &HttpResponse) -> Result<u64, UploadError> {
    response
        .header("Upload-Offset")
        .and_then(|v| v.trim().parse().ok())
        .ok_or(UploadError::BadResponse {
            header: "Upload-Offset",
        })
}

#[cfg(test)]
mod tests;
