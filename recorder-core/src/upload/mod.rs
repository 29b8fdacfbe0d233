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
mod requests;
mod responses;
mod state;

pub use backoff::Backoff;
pub use config::UploadConfig;
pub use error::{ConfigError, UploadError};
pub use features::{ChecksumAlgorithm, ServerFeatures};
pub use location::{is_http_url, resolve_url};
pub use metadata::{encode_metadata, is_valid_metadata_key};

use crate::hex::lower_hex;
use crate::http::{HttpRequest, Method};
use crate::journal::Journal;
use sha2::{Digest, Sha256};
use state::{Creation, Deletion, State, Wait};
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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
        config.check()?;
        Ok(Upload::checked(config))
    }

    /// A new upload from a configuration that passed [`UploadConfig::check`].
    pub(crate) fn checked(config: UploadConfig) -> Upload {
        Upload {
            features: (!config.discover).then(ServerFeatures::default),
            config,
            journal: Journal::default(),
            take: Take::Recording(Sha256::new()),
            failures: 0,
            state: State::New(Wait::Idle),
        }
    }

    /// Adds an `Upload-Metadata` pair (its key valid) to the creation; of
    /// use only before the creation is sent, so the caller holds the
    /// upload's requests until then.
    pub(crate) fn add_metadata(&mut self, key: &str, value: &str) {
        self.config
            .metadata
            .push((key.to_string(), value.to_string()));
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
            Take::Recording(digest) => lower_hex(&digest.clone().finalize()),
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

    /// Whether every byte of the take has been handed over.
    fn has_ended(&self) -> bool {
        matches!(self.take, Take::Ended(_))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
