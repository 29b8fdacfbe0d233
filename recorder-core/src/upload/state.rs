//! Where one upload stands with the server: one value per state, holding
//! just what that state needs (quinn-proto's `connection/state.rs`), so no
//! combination that cannot happen can be written down.

use super::UploadError;
use std::time::Duration;

/// The upload's state with the server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum State {
    /// Not on the server yet: asking what it supports (while the engine's
    /// features are unknown), then creating it.
    New(Wait<Creation>),
    /// On the server at `url`, whose offset is the journal's start: sending
    /// what it lacks.
    Sending {
        url: String,
        /// The server knows the take's length.
        length_declared: bool,
        wait: Wait<Patch>,
    },
    /// On the server at `url`, its offset unknown: a HEAD asks for it
    /// before anything more is sent.
    Syncing {
        url: String,
        /// Created by an earlier page, which may have sent more than has
        /// been handed over again so far: ask only once the take has ended.
        after_end: bool,
        wait: Wait<()>,
    },
    /// Every byte acknowledged and the length declared.
    Complete { url: String },
    /// Given up: the server's copy is being deleted (`url` is unknown while
    /// its creation is still in flight).
    Deleting {
        url: Option<String>,
        wait: Wait<Deletion>,
    },
    /// Given up; nothing of it is left to delete (or the server keeps it
    /// for good: a submitted take, which its expiry or owner handles).
    Discarded,
    /// Stopped for good; `url` is where the server has what it took.
    Failed {
        url: Option<String>,
        error: UploadError,
    },
}

/// What an active state waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Wait<R> {
    /// Nothing: the next request may go now.
    Idle,
    /// The answer to the request `R` in flight.
    Answer(R),
    /// The end of a backoff, after a failure.
    RetryAt(Duration),
}

/// The request in flight for an upload not yet on the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Creation {
    /// `OPTIONS`: what the server supports.
    Discover,
    /// `POST`; `declares_length` when it carries `Upload-Length`.
    Create { declares_length: bool },
}

/// A PATCH in flight: the offset its body ends at, and whether it declares
/// the take's length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Patch {
    pub end: u64,
    pub declares_length: bool,
}

/// The request in flight for an upload being given up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Deletion {
    /// Its creation: the answer says what to delete.
    Creation,
    /// A request sent before it was given up, whose answer no longer matters.
    Stale,
    /// The `DELETE`.
    Delete,
}

impl<R> Wait<R> {
    /// Whether a request may be sent at `now`.
    pub fn is_due(&self, now: Duration) -> bool {
        match self {
            Wait::Idle => true,
            Wait::Answer(_) => false,
            Wait::RetryAt(at) => now >= *at,
        }
    }

    /// A retry waited for is due now; whether one was.
    pub fn clear_retry(&mut self) -> bool {
        let waiting = matches!(self, Wait::RetryAt(_));
        if waiting {
            *self = Wait::Idle;
        }
        waiting
    }

    /// The same wait, without what the request in flight was.
    fn erase(&self) -> Wait<()> {
        match self {
            Wait::Idle => Wait::Idle,
            Wait::Answer(_) => Wait::Answer(()),
            Wait::RetryAt(at) => Wait::RetryAt(*at),
        }
    }
}

impl State {
    /// What an active state waits for; `None` once the upload is over.
    pub fn wait(&self) -> Option<Wait<()>> {
        match self {
            State::New(wait) => Some(wait.erase()),
            State::Sending { wait, .. } => Some(wait.erase()),
            State::Syncing { wait, .. } => Some(wait.erase()),
            State::Deleting { wait, .. } => Some(wait.erase()),
            State::Complete { .. } | State::Discarded | State::Failed { .. } => None,
        }
    }

    /// A retry the state waits for is due now; whether one was.
    pub fn clear_retry(&mut self) -> bool {
        match self {
            State::New(wait) => wait.clear_retry(),
            State::Sending { wait, .. } => wait.clear_retry(),
            State::Syncing { wait, .. } => wait.clear_retry(),
            State::Deleting { wait, .. } => wait.clear_retry(),
            State::Complete { .. } | State::Discarded | State::Failed { .. } => false,
        }
    }

    /// Whether a request is in flight.
    pub fn awaits_answer(&self) -> bool {
        self.wait() == Some(Wait::Answer(()))
    }

    /// The upload's URL on the server, once known.
    pub fn url(&self) -> Option<&str> {
        match self {
            State::Sending { url, .. } | State::Syncing { url, .. } | State::Complete { url } => {
                Some(url)
            }
            State::Deleting { url, .. } | State::Failed { url, .. } => url.as_deref(),
            State::New(_) | State::Discarded => None,
        }
    }
}
