//! What the answers to an [`Upload`]'s requests lead to: the offset the
//! server acknowledged, a retry after a backoff, or a failure for good.

use super::state::{Patch, State, Wait};
use super::{is_http_url, resolve_url, Upload, UploadError};
use crate::error_code::ErrorCode;
use crate::http::HttpResponse;
use std::time::Duration;

impl Upload {
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
