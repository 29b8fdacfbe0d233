//! A tus 1.0 client engine that uploads a take while it is being recorded.
//!
//! Sans-IO: feed it recorded bytes ([`Upload::push`]), the end of the take
//! ([`Upload::finish`]), the current time and the responses to the requests
//! it asked for; it never touches a socket or a clock. One request is in
//! flight at a time, so PATCHes are strictly ordered.
//!
//! First it asks the server what it supports (`OPTIONS`; skipped with
//! [`UploadConfig::discover`] off). The take is created with
//! `Upload-Defer-Length: 1` (its length is unknown while recording), with its
//! first bytes when the server offers creation-with-upload; its bytes go out
//! in PATCHes as they arrive (with `Upload-Checksum` when the server offers
//! checksums), and the PATCH that carries the last byte declares
//! `Upload-Length` (a zero-byte PATCH does when everything was already sent).
//! After a network error, a timeout, a 409, a 460 or a 5xx, the engine waits
//! (exponential backoff with jitter, never giving up), asks the server for
//! its offset with HEAD and continues from there, even from the middle of a
//! chunk. A discarded take is deleted on the server (termination).
//!
//! ```
//! use recorder_core::http::{HttpResponse, Method};
//! use recorder_core::upload::{Upload, UploadConfig, UploadStatus};
//! use std::time::Duration;
//!
//! let mut config = UploadConfig::new("https://example.com/files");
//! config.discover = false;
//! let mut upload = Upload::new(config).unwrap();
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
mod features;
mod location;
mod metadata;

pub use backoff::Backoff;
pub use error::{ConfigError, UploadError};
pub use features::{ChecksumAlgorithm, ServerFeatures};
pub use location::{is_http_url, resolve_url};
pub use metadata::{encode_metadata, is_valid_metadata_key};

use crate::error_code::ErrorCode;
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
    /// Discarded, and deleted on the server if it was created there.
    Discarded,
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
    Discover,
    Create { declares_length: bool },
    Patch { end: u64, declares_length: bool },
    Head,
    Delete,
}

/// One take's tus upload. See the [module documentation](self).
///
/// ```
/// let upload = recorder_core::upload::Upload::new(recorder_core::upload::UploadConfig::new("https://e.com/files")).unwrap();
/// assert_eq!(upload.progress().recorded, 0);
/// ```
#[derive(Debug)]
pub struct Upload {
    config: UploadConfig,
    journal: Journal,
    digest: Sha256,
    finished: bool,
    url: Option<String>,
    features: Option<ServerFeatures>,
    discarding: bool,
    discarded: bool,
    acknowledged: u64,
    length_declared: bool,
    needs_head: bool,
    /// Created by an earlier page: the server may hold more than was pushed
    /// so far, so its offset is asked for only once the take is finished.
    resumed: bool,
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
            features: (!config.discover).then(ServerFeatures::default),
            config,
            journal: Journal::default(),
            digest: Sha256::new(),
            finished: false,
            url: None,
            discarding: false,
            discarded: false,
            acknowledged: 0,
            length_declared: false,
            needs_head: false,
            resumed: false,
            in_flight: None,
            failures: 0,
            retry_at: None,
            failed: None,
        })
    }

    /// An upload the server already created at `url` (after a reload):
    /// push the whole take again from local storage, then
    /// [`finish`](Upload::finish) it. Only then does the engine ask the server
    /// for its offset (the server may hold more than was pushed so far), and
    /// it sends only what is missing.
    ///
    /// ```
    /// use recorder_core::upload::{Upload, UploadConfig};
    /// let mut config = UploadConfig::new("https://e.com/files");
    /// config.discover = false;
    /// let mut upload = Upload::resume(config, "https://e.com/files/7").unwrap();
    /// upload.push(b"the take so far").unwrap();
    /// assert_eq!(upload.poll_request(std::time::Duration::ZERO), None);
    /// upload.finish();
    /// let head = upload.poll_request(std::time::Duration::ZERO).unwrap();
    /// assert_eq!((head.method, head.url.as_str()), (recorder_core::http::Method::Head, "https://e.com/files/7"));
    /// ```
    pub fn resume(config: UploadConfig, url: &str) -> Result<Upload, ConfigError> {
        if !is_http_url(url) {
            return Err(ConfigError::Endpoint(url.to_string()));
        }
        let mut upload = Upload::new(config)?;
        upload.url = Some(url.to_string());
        upload.needs_head = true;
        upload.resumed = true;
        Ok(upload)
    }

    /// Gives the take up: nothing more is sent, and the server's copy (if
    /// any) is deleted. The status becomes [`UploadStatus::Discarded`].
    ///
    /// ```
    /// use recorder_core::upload::{Upload, UploadConfig, UploadStatus};
    /// let mut upload = Upload::new(UploadConfig::new("https://e.com/u")).unwrap();
    /// upload.discard();
    /// assert_eq!(upload.poll_request(std::time::Duration::ZERO), None);
    /// assert_eq!(upload.status(), UploadStatus::Discarded);
    /// ```
    pub fn discard(&mut self) {
        self.discarding = true;
        self.finished = true;
        self.retry_at = None;
        self.journal.release_below(self.journal.end());
        if self.url.is_none() && self.in_flight.is_none() {
            self.discarded = true;
        }
    }

    /// What the server advertised, once known.
    ///
    /// ```
    /// let upload = recorder_core::upload::Upload::new(recorder_core::upload::UploadConfig::new("https://e.com/u")).unwrap();
    /// assert_eq!(upload.features(), None);
    /// ```
    pub fn features(&self) -> Option<ServerFeatures> {
        self.features
    }

    /// How long `request` may take before it counts as stalled and should be
    /// aborted (then reported with [`Upload::handle_failure`]).
    ///
    /// ```
    /// use recorder_core::http::{HttpRequest, Method};
    /// use recorder_core::upload::{Upload, UploadConfig};
    /// let upload = Upload::new(UploadConfig::new("https://e.com/u")).unwrap();
    /// let mut patch = HttpRequest::new(Method::Patch, "https://e.com/u/1");
    /// patch.body = vec![0; 160_000];
    /// assert_eq!(upload.timeout_for(&patch), std::time::Duration::from_secs(40));
    /// ```
    pub fn timeout_for(&self, request: &HttpRequest) -> Duration {
        let body_time = request.body.len() as f64 / self.config.min_bytes_per_second.max(1) as f64;
        self.config.request_timeout + Duration::from_secs_f64(body_time)
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
        if self.discarded {
            UploadStatus::Discarded
        } else if let Some(error) = &self.failed {
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
        if self.in_flight.is_some() || self.discarded || self.is_complete() {
            return None;
        }
        if self.failed.is_some() && !self.discarding {
            return None;
        }
        if self.retry_at.is_some_and(|at| now < at) {
            return None;
        }
        if self.resumed && !self.finished && !self.discarding {
            return None;
        }
        self.retry_at = None;
        let (in_flight, request) = match (self.url.clone(), self.features) {
            (None, _) if self.discarding => {
                self.discarded = true;
                return None;
            }
            (Some(url), _) if self.discarding => {
                (InFlight::Delete, self.request(Method::Delete, url))
            }
            (None, None) => (
                InFlight::Discover,
                self.request(Method::Options, self.config.endpoint.clone()),
            ),
            (None, Some(features)) => self.create_request(features),
            (Some(url), _) if self.needs_head => (InFlight::Head, self.request(Method::Head, url)),
            (Some(url), _) => self.patch_request(url)?,
        };
        self.in_flight = Some(in_flight);
        Some(request)
    }

    /// Takes the response to the request in flight.
    ///
    /// ```
    /// use recorder_core::http::HttpResponse;
    /// use recorder_core::upload::{Upload, UploadConfig, UploadStatus, UploadError};
    /// let mut config = UploadConfig::new("https://e.com/u");
    /// config.discover = false;
    /// let mut upload = Upload::new(config).unwrap();
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
            (InFlight::Discover, _) => {
                self.features = Some(ServerFeatures::from_options(&response));
                Ok(())
            }
            (InFlight::Delete, 200..=299 | 404 | 410) => {
                self.discarded = true;
                Ok(())
            }
            (InFlight::Create { declares_length }, 200..=299) => {
                self.on_created(&response, declares_length)
            }
            (InFlight::Delete, status) if !is_retryable(status) || status == 409 => {
                // The server will expire what it keeps, or refuses for good (409:
                // the take was submitted after all); nothing to wait for.
                self.discarded = true;
                Ok(())
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
    /// let mut config = UploadConfig::new("https://e.com/u");
    /// config.discover = false;
    /// let mut upload = Upload::new(config).unwrap();
    /// upload.poll_request(Duration::ZERO);
    /// upload.handle_failure(Duration::ZERO);
    /// assert!(upload.next_wakeup().unwrap() > Duration::ZERO);
    /// ```
    pub fn handle_failure(&mut self, now: Duration) {
        match self.in_flight.take() {
            // A server that cannot answer OPTIONS (or its CORS preflight) still gets plain tus.
            Some(InFlight::Discover) => self.features = Some(ServerFeatures::default()),
            Some(in_flight) => self.schedule_retry(now, in_flight),
            None => {}
        }
    }

    /// The network is back (the browser's `online` event): a retry that is
    /// waiting out its backoff is due now, and the backoff starts over.
    ///
    /// ```
    /// use recorder_core::upload::{Upload, UploadConfig};
    /// use std::time::Duration;
    /// let mut config = UploadConfig::new("https://e.com/u");
    /// config.discover = false;
    /// let mut upload = Upload::new(config).unwrap();
    /// upload.poll_request(Duration::ZERO);
    /// upload.handle_failure(Duration::ZERO);
    /// assert!(upload.poll_request(Duration::ZERO).is_none());
    /// upload.retry_now();
    /// assert!(upload.poll_request(Duration::ZERO).is_some());
    /// ```
    pub fn retry_now(&mut self) {
        if self.retry_at.take().is_some() {
            self.failures = 0;
        }
    }

    fn is_complete(&self) -> bool {
        !self.discarding
            && self.url.is_some()
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

    fn create_request(&self, features: ServerFeatures) -> (InFlight, HttpRequest) {
        let mut request = self.request(Method::Post, self.config.endpoint.clone());
        request = if self.finished {
            request.with_header("Upload-Length", self.journal.end().to_string())
        } else {
            request.with_header("Upload-Defer-Length", "1")
        };
        if !self.config.metadata.is_empty() {
            request =
                request.with_header("Upload-Metadata", encode_metadata(&self.config.metadata));
        }
        if features.creation_with_upload {
            request = self.with_body(request, features, 0);
        }
        let in_flight = InFlight::Create {
            declares_length: self.finished,
        };
        (in_flight, request)
    }

    /// Adds the journal's bytes from `offset` as the body, with its checksum.
    fn with_body(
        &self,
        mut request: HttpRequest,
        features: ServerFeatures,
        offset: u64,
    ) -> HttpRequest {
        request.body = self.journal.read(offset, self.config.max_patch_bytes);
        if !request.body.is_empty() || request.method == Method::Patch {
            request = request.with_header("Content-Type", PATCH_CONTENT_TYPE);
        }
        if let Some(algorithm) = features.checksum.filter(|_| !request.body.is_empty()) {
            let checksum = algorithm.header_value(&request.body);
            request = request.with_header("Upload-Checksum", checksum);
        }
        request
    }

    fn patch_request(&self, url: String) -> Option<(InFlight, HttpRequest)> {
        let offset = self.acknowledged;
        let request = self
            .request(Method::Patch, url)
            .with_header("Upload-Offset", offset.to_string());
        let mut request = self.with_body(request, self.features.unwrap_or_default(), offset);
        let end = offset + request.body.len() as u64;
        let declares_length = self.finished && !self.length_declared && end == self.journal.end();
        if request.body.is_empty() && !declares_length {
            return None;
        }
        if declares_length {
            request = request.with_header("Upload-Length", end.to_string());
        }
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
        // Only an http(s) URL: a server (or a proxy) naming any other scheme is broken.
        let url = response
            .header("Location")
            .filter(|l| !l.trim().is_empty())
            .map(|location| resolve_url(&self.config.endpoint, location))
            .filter(|url| is_http_url(url))
            .ok_or(UploadError::BadResponse { header: "Location" })?;
        self.url = Some(url);
        self.length_declared = declares_length;
        self.failures = 0;
        if self.discarding {
            return Ok(());
        }
        // With creation-with-upload the server says how much of the body it kept.
        match response.header("Upload-Offset") {
            Some(_) => self.accept_offset(offset_header(response)?),
            None => Ok(()),
        }
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
            404 | 410 if matches!(in_flight, InFlight::Patch { .. } | InFlight::Head) => {
                Err(UploadError::Lost {
                    status: response.status,
                })
            }
            413 => Err(UploadError::TooLarge),
            412 => Err(UploadError::UnsupportedServer),
            status if is_retryable(status) => {
                self.schedule_retry(now, in_flight);
                Ok(())
            }
            status => Err(UploadError::Rejected {
                status,
                code: response.header("Error-Code").and_then(ErrorCode::parse),
                message: response.body.trim().chars().take(300).collect(),
            }),
        }
    }

    fn schedule_retry(&mut self, now: Duration, in_flight: InFlight) {
        if matches!(in_flight, InFlight::Patch { .. } | InFlight::Head) {
            self.needs_head = true;
        }
        self.retry_at = Some(now + self.config.backoff.delay(self.failures));
        self.failures = self.failures.saturating_add(1);
    }
}

/// Statuses worth retrying: conflicts (409, 460 checksum mismatch), locks,
/// throttling, timeouts and server errors.
fn is_retryable(status: u16) -> bool {
    matches!(status, 408 | 409 | 423 | 429 | 460 | 500..=599)
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
