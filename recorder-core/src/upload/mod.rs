//! A tus 1.0 client engine that uploads a take while it is being recorded.
//!
//! Sans-IO: feed it recorded bytes ([`Upload::handle_chunk`]), the end of the take
//! ([`Upload::handle_end`]), the current time and the responses to the requests
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
//! upload.handle_chunk(b"webm bytes").unwrap();
//! let create = upload.poll_request(now).unwrap();
//! assert_eq!(create.header("Upload-Defer-Length"), Some("1"));
//! upload.handle_response(now, HttpResponse::new(201).with_header("Location", "/files/1"));
//! upload.handle_end();
//! let patch = upload.poll_request(now).unwrap();
//! assert_eq!((patch.method, patch.url.as_str()), (Method::Patch, "https://example.com/files/1"));
//! assert_eq!(patch.header("Upload-Length"), Some("10"));
//! upload.handle_response(now, HttpResponse::new(204).with_header("Upload-Offset", "10"));
//! assert_eq!(upload.status(), UploadStatus::Complete);
//! ```

mod backoff;
mod config;
mod error;
mod features;
mod location;
mod metadata;
mod state;

pub use backoff::Backoff;
pub use config::UploadConfig;
pub use error::{ConfigError, UploadError};
pub use features::{ChecksumAlgorithm, ServerFeatures};
pub use location::{is_http_url, resolve_url};
pub use metadata::{encode_metadata, is_valid_metadata_key};

use crate::error_code::ErrorCode;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::journal::Journal;
use sha2::{Digest, Sha256};
use state::{Creation, Deletion, Patch, State, Wait};
use std::time::Duration;

/// The tus protocol version this engine speaks.
pub const TUS_VERSION: &str = "1.0.0";

/// The content type of a PATCH body in tus.
pub const PATCH_CONTENT_TYPE: &str = "application/offset+octet-stream";

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
/// upload.handle_chunk(b"abc").unwrap();
/// assert_eq!((upload.progress().recorded, upload.progress().acknowledged), (3, 0));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Bytes recorded so far.
    pub recorded: u64,
    /// Bytes the server has acknowledged.
    pub acknowledged: u64,
}

/// The take's bytes as they are handed over: still coming (their running
/// digest), or all there (the whole take's sha256).
#[derive(Clone, Debug)]
enum Take {
    Recording(Sha256),
    Ended(String),
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
    /// The bytes the server has not acknowledged: its start is the server's offset.
    journal: Journal,
    take: Take,
    /// What the server supports, once known.
    features: Option<ServerFeatures>,
    /// Failures in a row, for the backoff.
    failures: u32,
    state: State,
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
            take: Take::Recording(Sha256::new()),
            failures: 0,
            state: State::New(Wait::Idle),
        })
    }

    /// An upload the server already created at `url` (after a reload):
    /// hand the whole take over again from local storage, then end it
    /// ([`Upload::handle_end`]). Only then does the engine ask the server
    /// for its offset (the server may hold more than was handed over so
    /// far), and it sends only what is missing.
    ///
    /// ```
    /// use recorder_core::upload::{Upload, UploadConfig};
    /// let mut config = UploadConfig::new("https://e.com/files");
    /// config.discover = false;
    /// let mut upload = Upload::resume(config, "https://e.com/files/7").unwrap();
    /// upload.handle_chunk(b"the take so far").unwrap();
    /// assert_eq!(upload.poll_request(std::time::Duration::ZERO), None);
    /// upload.handle_end();
    /// let head = upload.poll_request(std::time::Duration::ZERO).unwrap();
    /// assert_eq!((head.method, head.url.as_str()), (recorder_core::http::Method::Head, "https://e.com/files/7"));
    /// ```
    pub fn resume(config: UploadConfig, url: &str) -> Result<Upload, ConfigError> {
        if !is_http_url(url) {
            return Err(ConfigError::Endpoint(url.to_string()));
        }
        let mut upload = Upload::new(config)?;
        upload.state = State::Syncing {
            url: url.to_string(),
            after_end: true,
            wait: Wait::Idle,
        };
        Ok(upload)
    }

    /// Gives the take up: nothing more of it is sent, and the server's copy
    /// (if any, even a complete one) is deleted; then the status is
    /// [`UploadStatus::Discarded`]. A request in flight is of no use any
    /// more: the driver may abort it (and report it with
    /// [`Upload::handle_failure`]), except a creation, whose answer says
    /// what to delete.
    ///
    /// ```
    /// use recorder_core::upload::{Upload, UploadConfig, UploadStatus};
    /// let mut upload = Upload::new(UploadConfig::new("https://e.com/u")).unwrap();
    /// upload.discard();
    /// assert_eq!(upload.poll_request(std::time::Duration::ZERO), None);
    /// assert_eq!(upload.status(), UploadStatus::Discarded);
    /// ```
    pub fn discard(&mut self) {
        self.journal.release_below(self.journal.end());
        let wait = match &self.state {
            State::New(Wait::Answer(Creation::Create { .. })) => Wait::Answer(Deletion::Creation),
            State::New(Wait::Answer(Creation::Discover))
            | State::Sending {
                wait: Wait::Answer(_),
                ..
            }
            | State::Syncing {
                wait: Wait::Answer(_),
                ..
            } => Wait::Answer(Deletion::Stale),
            State::Deleting { .. } | State::Discarded => return,
            _ => Wait::Idle,
        };
        let url = self.state.url().map(str::to_string);
        self.state = match (url, wait) {
            (None, Wait::Idle) => State::Discarded,
            (url, wait) => State::Deleting { url, wait },
        };
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
    /// upload.handle_chunk(b"abc").unwrap();
    /// upload.handle_end();
    /// assert_eq!(upload.handle_chunk(b"d"), Err(UploadError::AlreadyFinished));
    /// ```
    pub fn handle_chunk(&mut self, bytes: &[u8]) -> Result<(), UploadError> {
        let given_up = matches!(self.state, State::Deleting { .. } | State::Discarded);
        match &mut self.take {
            Take::Recording(digest) if !given_up => {
                digest.update(bytes);
                self.journal.append(bytes);
                Ok(())
            }
            _ => Err(UploadError::AlreadyFinished),
        }
    }

    /// The take has ended: its length is now known. Returns the sha256 of
    /// the whole take, in lowercase hex (the same on every call).
    ///
    /// ```
    /// let mut upload = recorder_core::upload::Upload::new(recorder_core::upload::UploadConfig::new("https://e.com/u")).unwrap();
    /// upload.handle_chunk(b"abc").unwrap();
    /// assert!(upload.handle_end().starts_with("ba7816bf"));
    /// ```
    pub fn handle_end(&mut self) -> String {
        let sha256: String = match &self.take {
            Take::Ended(sha256) => return sha256.clone(),
            Take::Recording(digest) => digest
                .clone()
                .finalize()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        };
        self.take = Take::Ended(sha256.clone());
        self.settle();
        sha256
    }

    /// The upload's URL, once the server created it.
    ///
    /// ```
    /// let upload = recorder_core::upload::Upload::new(recorder_core::upload::UploadConfig::new("https://e.com/u")).unwrap();
    /// assert_eq!(upload.url(), None);
    /// ```
    pub fn url(&self) -> Option<&str> {
        self.state.url()
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
            acknowledged: self.journal.start(),
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
        match &self.state {
            State::Complete { .. } => UploadStatus::Complete,
            State::Failed { error, .. } => UploadStatus::Failed(error.clone()),
            State::Discarded => UploadStatus::Discarded,
            State::New(_)
            | State::Sending { .. }
            | State::Syncing { .. }
            | State::Deleting { .. } => UploadStatus::Active,
        }
    }

    /// When the engine wants to be polled again even if nothing else happens
    /// (a retry is due), if ever.
    ///
    /// ```
    /// let upload = recorder_core::upload::Upload::new(recorder_core::upload::UploadConfig::new("https://e.com/u")).unwrap();
    /// assert_eq!(upload.poll_timeout(), None);
    /// ```
    pub fn poll_timeout(&self) -> Option<Duration> {
        match self.state.wait()? {
            Wait::RetryAt(at) => Some(at),
            Wait::Idle | Wait::Answer(()) => None,
        }
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
        if !self.state.wait()?.is_due(now) {
            return None;
        }
        let ended = self.has_ended();
        let (state, request) = match &self.state {
            State::New(_) => match self.features {
                None => (
                    State::New(Wait::Answer(Creation::Discover)),
                    self.request(Method::Options, self.config.endpoint.clone()),
                ),
                Some(features) => self.create_request(features),
            },
            State::Sending {
                url,
                length_declared,
                ..
            } => self.patch_request(url, *length_declared)?,
            State::Syncing {
                after_end: true, ..
            } if !ended => return None,
            State::Syncing { url, .. } => (
                State::Syncing {
                    url: url.clone(),
                    after_end: false,
                    wait: Wait::Answer(()),
                },
                self.request(Method::Head, url.clone()),
            ),
            State::Deleting { url: None, .. } => {
                self.state = State::Discarded;
                return None;
            }
            State::Deleting { url: Some(url), .. } => (
                State::Deleting {
                    url: Some(url.clone()),
                    wait: Wait::Answer(Deletion::Delete),
                },
                self.request(Method::Delete, url.clone()),
            ),
            State::Complete { .. } | State::Discarded | State::Failed { .. } => return None,
        };
        self.state = state;
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
        let status = response.status;
        let ok = (200..=299).contains(&status);
        let next = match std::mem::replace(&mut self.state, State::Discarded) {
            State::New(Wait::Answer(Creation::Discover)) => {
                self.features = Some(ServerFeatures::from_options(&response));
                Ok(State::New(Wait::Idle))
            }
            State::New(Wait::Answer(Creation::Create { declares_length })) if ok => {
                self.on_created(&response, declares_length)
            }
            State::Sending {
                url,
                wait: Wait::Answer(patch),
                ..
            } if ok => self.on_patched(&response, url, patch),
            State::Syncing {
                url,
                wait: Wait::Answer(()),
                ..
            } if ok => self.on_head(&response, url),
            State::Deleting {
                url: None,
                wait: Wait::Answer(Deletion::Creation),
            } => Ok(match created_url(&self.config.endpoint, &response) {
                Ok(url) if ok => State::Deleting {
                    url: Some(url),
                    wait: Wait::Idle,
                },
                _ => State::Discarded,
            }),
            State::Deleting {
                url,
                wait: Wait::Answer(Deletion::Stale),
            } => Ok(State::Deleting {
                url,
                wait: Wait::Idle,
            }),
            // Deleted, already gone, or refused for good (409: the take was
            // submitted after all): nothing more to do for it.
            State::Deleting {
                wait: Wait::Answer(Deletion::Delete),
                ..
            } if ok || !is_retryable(status) || status == 409 => Ok(State::Discarded),
            state if state.awaits_answer() => self.on_error_status(now, state, &response),
            // No request in flight: nothing to take the answer for.
            state => Ok(state),
        };
        self.state = next.unwrap_or_else(|(url, error)| State::Failed { url, error });
        self.settle();
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
    /// assert!(upload.poll_timeout().unwrap() > Duration::ZERO);
    /// ```
    pub fn handle_failure(&mut self, now: Duration) {
        self.state = match std::mem::replace(&mut self.state, State::Discarded) {
            // A server that cannot answer OPTIONS (or its CORS preflight) still gets plain tus.
            State::New(Wait::Answer(Creation::Discover)) => {
                self.features = Some(ServerFeatures::default());
                State::New(Wait::Idle)
            }
            State::Deleting {
                url: None,
                wait: Wait::Answer(Deletion::Creation),
            } => State::Discarded,
            State::Deleting {
                url,
                wait: Wait::Answer(Deletion::Stale),
            } => State::Deleting {
                url,
                wait: Wait::Idle,
            },
            state if state.awaits_answer() => self.retry(now, state),
            state => state,
        };
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
    /// upload.handle_online();
    /// assert!(upload.poll_request(Duration::ZERO).is_some());
    /// ```
    pub fn handle_online(&mut self) {
        let wait = match &mut self.state {
            State::New(wait) => wait.clear_retry(),
            State::Sending { wait, .. } => wait.clear_retry(),
            State::Syncing { wait, .. } => wait.clear_retry(),
            State::Deleting { wait, .. } => wait.clear_retry(),
            State::Complete { .. } | State::Discarded | State::Failed { .. } => false,
        };
        if wait {
            self.failures = 0;
        }
    }

    /// Completes the upload once the server has every byte and the length.
    fn settle(&mut self) {
        if let (
            State::Sending {
                url,
                length_declared: true,
                wait: Wait::Idle,
            },
            Take::Ended(_),
        ) = (&self.state, &self.take)
        {
            if self.journal.held() == 0 {
                self.state = State::Complete { url: url.clone() };
            }
        }
    }

    /// Whether every byte of the take has been handed over.
    fn has_ended(&self) -> bool {
        matches!(self.take, Take::Ended(_))
    }

    fn request(&self, method: Method, url: String) -> HttpRequest {
        let mut request = HttpRequest::new(method, url).with_header("Tus-Resumable", TUS_VERSION);
        request.headers.extend(self.config.headers.iter().cloned());
        request
    }

    fn create_request(&self, features: ServerFeatures) -> (State, HttpRequest) {
        let mut request = self.request(Method::Post, self.config.endpoint.clone());
        let declares_length = self.has_ended();
        request = if declares_length {
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
        let state = State::New(Wait::Answer(Creation::Create { declares_length }));
        (state, request)
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

    fn patch_request(&self, url: &str, length_declared: bool) -> Option<(State, HttpRequest)> {
        let offset = self.journal.start();
        let request = self
            .request(Method::Patch, url.to_string())
            .with_header("Upload-Offset", offset.to_string());
        let mut request = self.with_body(request, self.features.unwrap_or_default(), offset);
        let end = offset + request.body.len() as u64;
        let declares_length = self.has_ended() && !length_declared && end == self.journal.end();
        if request.body.is_empty() && !declares_length {
            return None;
        }
        if declares_length {
            request = request.with_header("Upload-Length", end.to_string());
        }
        let state = State::Sending {
            url: url.to_string(),
            length_declared,
            wait: Wait::Answer(Patch {
                end,
                declares_length,
            }),
        };
        Some((state, request))
    }

    fn on_created(&mut self, response: &HttpResponse, declares_length: bool) -> Transition {
        let url = created_url(&self.config.endpoint, response).map_err(|e| (None, e))?;
        self.failures = 0;
        // With creation-with-upload the server says how much of the body it kept.
        if response.header("Upload-Offset").is_some() {
            self.accept_offset(response, &url)?;
        }
        Ok(State::Sending {
            url,
            length_declared: declares_length,
            wait: Wait::Idle,
        })
    }

    fn on_patched(&mut self, response: &HttpResponse, url: String, patch: Patch) -> Transition {
        let offset = self.accept_offset(response, &url)?;
        self.failures = 0;
        if patch.declares_length && offset != patch.end {
            // Part of the body was taken: ask whether the length was too.
            return Ok(State::Syncing {
                url,
                after_end: false,
                wait: Wait::Idle,
            });
        }
        Ok(State::Sending {
            url,
            length_declared: patch.declares_length,
            wait: Wait::Idle,
        })
    }

    fn on_head(&mut self, response: &HttpResponse, url: String) -> Transition {
        self.accept_offset(response, &url)?;
        Ok(State::Sending {
            length_declared: response.header("Upload-Length").is_some(),
            url,
            wait: Wait::Idle,
        })
    }

    /// The server's `Upload-Offset`: the journal lets go of what is below it.
    fn accept_offset(&mut self, response: &HttpResponse, url: &str) -> Result<u64, Failure> {
        let fail = |error| (Some(url.to_string()), error);
        let offset = offset_header(response).map_err(fail)?;
        if offset < self.journal.start() || offset > self.journal.end() {
            return Err(fail(UploadError::OffsetOutOfRange {
                server: offset,
                held_from: self.journal.start(),
                held_to: self.journal.end(),
            }));
        }
        self.journal.release_below(offset);
        Ok(offset)
    }

    fn on_error_status(
        &mut self,
        now: Duration,
        state: State,
        response: &HttpResponse,
    ) -> Transition {
        let url = state.url().map(str::to_string);
        let asked_server_copy = matches!(state, State::Sending { .. } | State::Syncing { .. });
        let error = match response.status {
            404 | 410 if asked_server_copy => UploadError::Lost {
                status: response.status,
            },
            413 => UploadError::TooLarge,
            412 => UploadError::UnsupportedServer,
            status if is_retryable(status) => return Ok(self.retry(now, state)),
            status => UploadError::Rejected {
                status,
                code: response.header("Error-Code").and_then(ErrorCode::parse),
                message: response.body.trim().chars().take(300).collect(),
            },
        };
        Err((url, error))
    }

    /// After a failure: wait out a backoff; a take on the server asks for
    /// its offset first.
    fn retry(&mut self, now: Duration, state: State) -> State {
        let at = now + self.config.backoff.delay(self.failures);
        self.failures = self.failures.saturating_add(1);
        match state {
            State::New(_) => State::New(Wait::RetryAt(at)),
            State::Sending { url, .. } | State::Syncing { url, .. } => State::Syncing {
                url,
                after_end: false,
                wait: Wait::RetryAt(at),
            },
            State::Deleting { url, .. } => State::Deleting {
                url,
                wait: Wait::RetryAt(at),
            },
            over => over,
        }
    }
}

/// Why an upload stops for good, and where the server has it.
type Failure = (Option<String>, UploadError);

/// The state a response leads to, or why the upload stops.
type Transition = Result<State, Failure>;

/// Statuses worth retrying: conflicts (409, 460 checksum mismatch), locks,
/// throttling, timeouts and server errors.
fn is_retryable(status: u16) -> bool {
    matches!(status, 408 | 409 | 423 | 429 | 460 | 500..=599)
}

/// The URL the server created an upload at (`Location`, resolved against
/// the endpoint). Only an http(s) URL: a server (or a proxy) naming any
/// other scheme is broken.
fn created_url(endpoint: &str, response: &HttpResponse) -> Result<String, UploadError> {
    response
        .header("Location")
        .filter(|location| !location.trim().is_empty())
        .map(|location| resolve_url(endpoint, location))
        .filter(|url| is_http_url(url))
        .ok_or(UploadError::BadResponse { header: "Location" })
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
