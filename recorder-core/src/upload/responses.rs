//! What the answers to an [`Upload`]'s requests lead to (a response, no
//! response, the network back): the offset the server acknowledged, a retry
//! after a backoff, or a failure for good.

use super::state::{Creation, Deletion, Patch, State, Wait};
use super::{is_http_url, resolve_url, ServerFeatures, Take, Upload, UploadError};
use crate::error_code::ErrorCode;
use crate::http::HttpResponse;
use std::time::Duration;

impl Upload {
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
                length_declared,
                wait: Wait::Answer(patch),
            } if ok => self.on_patched(&response, url, length_declared, patch),
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
        if self.state.clear_retry() {
            self.failures = 0;
        }
    }

    /// Completes the upload once the server has every byte and the length.
    pub(super) fn settle(&mut self) {
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

    pub(super) fn on_created(
        &mut self,
        response: &HttpResponse,
        declares_length: bool,
    ) -> Transition {
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

    pub(super) fn on_patched(
        &mut self,
        response: &HttpResponse,
        url: String,
        length_declared: bool,
        patch: Patch,
    ) -> Transition {
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
            // Declared before (on creation, or by an earlier PATCH), or by this one.
            length_declared: length_declared || patch.declares_length,
            wait: Wait::Idle,
        })
    }

    pub(super) fn on_head(&mut self, response: &HttpResponse, url: String) -> Transition {
        self.accept_offset(response, &url)?;
        Ok(State::Sending {
            length_declared: response.header("Upload-Length").is_some(),
            url,
            wait: Wait::Idle,
        })
    }

    /// The server's `Upload-Offset`: the journal lets go of what is below it.
    pub(super) fn accept_offset(
        &mut self,
        response: &HttpResponse,
        url: &str,
    ) -> Result<u64, Failure> {
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

    pub(super) fn on_error_status(
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
    pub(super) fn retry(&mut self, now: Duration, state: State) -> State {
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
pub(super) type Failure = (Option<String>, UploadError);

/// The state a response leads to, or why the upload stops.
pub(super) type Transition = Result<State, Failure>;

/// Statuses worth retrying: conflicts (409, 460 checksum mismatch), locks,
/// throttling, timeouts and server errors.
pub(super) fn is_retryable(status: u16) -> bool {
    matches!(status, 408 | 409 | 423 | 429 | 460 | 500..=599)
}

/// The URL the server created an upload at (`Location`, resolved against
/// the endpoint). Only an http(s) URL: a server (or a proxy) naming any
/// other scheme is broken.
pub(super) fn created_url(endpoint: &str, response: &HttpResponse) -> Result<String, UploadError> {
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
