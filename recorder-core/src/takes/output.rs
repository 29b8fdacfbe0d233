//! What the take coordinator hands out: requests to send, things to do on
//! the device, and news for the candidate and the host page.

use crate::http::HttpRequest;
use crate::take_store::TakeInfo;
use crate::upload::UploadError;
use std::time::Duration;

/// A take's handle: which take an event or an action is about.
///
/// ```
/// use recorder_core::takes::{NewTake, Takes};
/// use recorder_core::upload::UploadConfig;
/// let mut takes = Takes::new(UploadConfig::new("https://e.com/uploads")).unwrap();
/// let first = takes.start(NewTake::new("q1", "video/webm", "k1"));
/// let second = takes.start(NewTake::new("q1", "video/webm", "k2"));
/// assert_ne!(first, second);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TakeId(pub(super) u64);

/// What a new take is: the question it answers, its recording type, and
/// its key among the takes stored on the device.
///
/// ```
/// let take = recorder_core::takes::NewTake::new("q1", "video/webm", "invite:1:q1:7");
/// assert_eq!(take.question, "q1");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewTake {
    /// The question it answers.
    pub question: String,
    /// The recording type (`MediaRecorder.mimeType`).
    pub mime_type: String,
    /// Its key in the device's take store; also names the take to the
    /// server (hashed), so it must be unique.
    pub key: String,
    /// Recorded by the device's camera app, not by the recorder
    /// ([`crate::camera_app`]): the server allows it a higher bitrate.
    pub camera_app: bool,
}

impl NewTake {
    /// A take of `question`, recorded as `mime_type`, stored under `key`.
    ///
    /// ```
    /// let take = recorder_core::takes::NewTake::new("q1", "video/mp4", "k");
    /// assert_eq!((take.mime_type.as_str(), take.key.as_str()), ("video/mp4", "k"));
    /// ```
    pub fn new(
        question: impl Into<String>,
        mime_type: impl Into<String>,
        key: impl Into<String>,
    ) -> NewTake {
        NewTake {
            question: question.into(),
            mime_type: mime_type.into(),
            key: key.into(),
            camera_app: false,
        }
    }

    /// The same take, recorded by the device's camera app.
    ///
    /// ```
    /// let take = recorder_core::takes::NewTake::new("q1", "video/quicktime", "k").by_camera_app();
    /// assert!(take.camera_app);
    /// ```
    pub fn by_camera_app(self) -> NewTake {
        NewTake {
            camera_app: true,
            ..self
        }
    }
}

/// A request to send for a take, and how long it may take before it counts
/// as stalled (then abort it and report [`super::Takes::handle_failure`]).
///
/// ```
/// use recorder_core::takes::{NewTake, Takes};
/// use recorder_core::upload::UploadConfig;
/// let mut takes = Takes::new(UploadConfig::new("https://e.com/uploads")).unwrap();
/// let take = takes.start(NewTake::new("q1", "video/webm", "k1"));
/// let outgoing = takes.poll_request(std::time::Duration::ZERO).unwrap();
/// assert_eq!(outgoing.take, take);
/// assert!(outgoing.timeout >= std::time::Duration::from_secs(30));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outgoing {
    /// The take it is for.
    pub take: TakeId,
    /// What to send.
    pub request: HttpRequest,
    /// How long it may take.
    pub timeout: Duration,
}

/// Something to do on the device, or to a request already sent.
///
/// ```
/// use recorder_core::takes::{NewTake, TakeAction, Takes};
/// use recorder_core::upload::UploadConfig;
/// let mut takes = Takes::new(UploadConfig::new("https://e.com/uploads")).unwrap();
/// takes.start(NewTake::new("q1", "video/webm", "k1"));
/// assert!(matches!(takes.poll_action(), Some(TakeAction::Describe { .. })));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TakeAction {
    /// Keep this chunk of the take durably, then report it with
    /// [`super::Takes::handle_stored`] (also when storing failed: the take
    /// then survives only as long as the page).
    Store {
        /// The take.
        take: TakeId,
        /// Its key in the store.
        key: String,
        /// The chunk's number, from 0, in recording order.
        index: u32,
        /// The chunk.
        bytes: Vec<u8>,
    },
    /// Save (or replace) what is known of a stored take.
    Describe {
        /// Its key in the store.
        key: String,
        /// What is known of it.
        info: TakeInfo,
    },
    /// Forget a stored take and its bytes: the server has them all, or it
    /// was given up and deleted there.
    Forget {
        /// Its key in the store.
        key: String,
    },
    /// Abort the request in flight for this take and do not report it: it
    /// is of no use any more (the take was given up).
    Abort(TakeId),
}

/// What the candidate and the host page hear about.
///
/// ```
/// use recorder_core::takes::{TakeError, TakeEvent};
/// # fn show(event: TakeEvent) {
/// match event {
///     TakeEvent::Uploaded { receipt, .. } => println!("{} bytes saved", receipt.bytes),
///     TakeEvent::Submit { question, .. } => println!("submit {question}"),
///     TakeEvent::Failed { error, .. } => println!("{error}"),
/// }
/// # }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TakeEvent {
    /// The take the candidate sees is on the server, every byte.
    Uploaded {
        /// The take.
        take: TakeId,
        /// The question it answers.
        question: String,
        /// Its recording type.
        mime_type: String,
        /// What the server confirmed.
        receipt: TakeReceipt,
    },
    /// The candidate asked to submit this take and its upload is complete:
    /// name it as the answer (then [`super::Takes::handle_submitted`]).
    Submit {
        /// The take.
        take: TakeId,
        /// The question it answers.
        question: String,
        /// What to submit.
        receipt: TakeReceipt,
    },
    /// The take the candidate sees cannot be uploaded; its bytes stay on the device.
    Failed {
        /// The take.
        take: TakeId,
        /// Why.
        error: TakeError,
        /// Whether the candidate was waiting to submit it.
        submitting: bool,
    },
}

/// What the server confirmed for a take whose every byte it acknowledged.
///
/// ```
/// # fn f(receipt: recorder_core::takes::TakeReceipt) {
/// println!("{} bytes at {}, sha256 {}", receipt.bytes, receipt.url, receipt.sha256);
/// # }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TakeReceipt {
    /// The upload's URL on the server.
    pub url: String,
    /// The take's length, every byte acknowledged.
    pub bytes: u64,
    /// sha256 of the whole take, lowercase hex.
    pub sha256: String,
}

/// Why a take cannot be uploaded or submitted.
///
/// ```
/// use recorder_core::takes::TakeError;
/// assert!(TakeError::NoTake("q1".into()).to_string().contains("record"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TakeError {
    /// Its upload stopped for good.
    #[error(transparent)]
    Upload(#[from] UploadError),
    /// Nothing recorded for this question is waiting to be submitted.
    #[error("there is no recording of question \"{0}\" to submit; record it again")]
    NoTake(String),
}
