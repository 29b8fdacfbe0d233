//! Every way a request can fail, as one enum that turns into a response.
//! Each carries a stable machine code (the README lists them) in the
//! `Error-Code` header; the candidate API also sends it in a JSON body
//! `{ "code", "message" }`, tus responses keep a plain-text message (so any
//! tus client shows it as it is). The recorder shows its own translated text
//! for each code; the message is for integrators and logs.

use crate::db::SaveError;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Json, Response};
use recorder_core::error_code::ErrorCode;

/// The response header that carries an error's code.
pub const CODE_HEADER: &str = "error-code";

/// A failed request: the status and a message an integrator can act on.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// No `Authorization: Bearer <token>` header.
    #[error("missing or malformed Authorization header: expected `Bearer <invite token>`")]
    MissingToken,
    /// The token is not a known invite.
    #[error("this invite link is not valid; ask the hiring team for a new one")]
    InvalidInvite,
    /// No upload with this id belongs to this invite.
    #[error("no such upload")]
    UploadNotFound,
    /// The question id is not part of this interview.
    #[error("unknown question {0:?}")]
    UnknownQuestion(String),
    /// `Tus-Resumable` is missing or not 1.0.0.
    #[error("this server speaks tus 1.0.0: send `Tus-Resumable: 1.0.0`")]
    TusVersion,
    /// A header or body is malformed.
    #[error("{0}")]
    BadRequest(String),
    /// A PATCH without the tus content type.
    #[error("Content-Type must be application/offset+octet-stream")]
    ContentType,
    /// A PATCH at an offset other than the server's.
    #[error("Upload-Offset is {client} but the server has {server} bytes")]
    OffsetMismatch {
        /// What the client sent.
        client: u64,
        /// What the server has.
        server: u64,
    },
    /// The upload would exceed what this question allows.
    #[error("the upload is too large: at most {max} bytes are accepted for this answer")]
    TooLarge {
        /// The limit in bytes.
        max: u64,
    },
    /// The review link is not (or no longer) valid.
    #[error("this review link is not valid; create one with `demo-server review-token`")]
    ReviewLinkInvalid,
    /// The question was not revealed before its answer was uploaded.
    #[error("question {0:?} has not been revealed; reveal it before uploading an answer")]
    NotRevealed(String),
    /// Every attempt at the question is used.
    #[error("all {attempts} attempts at question {question:?} are used")]
    NoAttemptsLeft {
        /// The question.
        question: String,
        /// Its attempt limit.
        attempts: u32,
    },
    /// A retry after a technical failure, beyond the allowed number.
    #[error("question {question:?} already had {max} takes given back after technical failures")]
    TooManyTechnicalRetries {
        /// The question.
        question: String,
        /// The limit.
        max: u32,
    },
    /// The interview's deadline has passed.
    #[error("the deadline for this interview has passed")]
    DeadlinePassed,
    /// Recording before agreeing to the interview's consent text.
    #[error("this interview records only after the candidate agrees to its consent text (POST /api/consent)")]
    ConsentRequired,
    /// An answer to another consent text than the interview's.
    #[error("the consent text changed since it was shown (its sha256 is {current}); reload the page and read it again")]
    ConsentChanged {
        /// The sha256 of the interview's text now.
        current: String,
    },
    /// The consent text was already answered the other way.
    #[error("the consent text was already {}; contact the hiring team to change that", if *.agreed { "agreed to" } else { "declined" })]
    ConsentAnswered {
        /// What was answered.
        agreed: bool,
    },
    /// Asking for more time when it cannot be given.
    #[error("more time can be asked for only within two days of the deadline (or after it), while a question is unanswered, and once at a time")]
    ExtensionNotNow,
    /// Deciding a request for more time that is not waiting for a decision.
    #[error("no request for more time {0} waits for a decision")]
    ExtensionUnknown(i64),
    /// The upload was terminated or has expired.
    #[error("this upload was deleted or has expired")]
    UploadGone,
    /// The body does not match its `Upload-Checksum`.
    #[error("the body does not match its Upload-Checksum; nothing was kept, send it again")]
    ChecksumMismatch,
    /// The question already has a submitted answer.
    #[error("question {0:?} was already submitted")]
    AlreadySubmitted(String),
    /// A DELETE of the take that is a question's answer.
    #[error("a submitted answer cannot be deleted")]
    SubmittedCannotBeDeleted,
    /// Submit before the server has the whole take.
    #[error("the take is not fully uploaded yet ({received} bytes received)")]
    TakeIncomplete {
        /// Bytes the server has.
        received: u64,
    },
    /// Submit names a take other than the one the server has.
    #[error("the server has {bytes} bytes with sha256 {sha256}, not {claimed_bytes} bytes with sha256 {claimed_sha256}")]
    TakeMismatch {
        /// What the server has.
        bytes: u64,
        /// Its sha256.
        sha256: String,
        /// What the request said.
        claimed_bytes: u64,
        /// Its sha256.
        claimed_sha256: String,
    },
    /// A camera app's video longer than the answer may be.
    #[error("the video is {seconds} s long; answers to question {question:?} may be at most {limit_seconds} s (the attempt is used; record a shorter take)")]
    AnswerTooLong {
        /// The question.
        question: String,
        /// The video's length, in whole seconds (rounded up).
        seconds: u64,
        /// The answer's limit.
        limit_seconds: u32,
    },
    /// A camera app's file whose length cannot be read.
    #[error("no video or audio could be read in this file ({0}); record the answer again")]
    VideoUnreadable(String),
    /// Complete before every question has an answer.
    #[error("these questions have no submitted answer yet: {}", .0.join(", "))]
    AnswersMissing(Vec<String>),
    /// Another request holds this upload and did not let go in time, or
    /// took it over from this one (which had gone quiet).
    #[error("another request is writing to this upload; ask its offset with HEAD, then retry")]
    Locked,
    /// This invite has as many requests in flight as it may.
    #[error("too many requests at once for this invite; retry in a second")]
    TooManyRequests,
    /// This invite has as many connection checks under way as it may.
    #[error("too many connection checks at once for this invite; retry in a second")]
    TooManyChecks,
    /// Less free disk space than the server keeps in reserve, or none at all.
    #[error("the server's disk is full; nothing of this request was kept: retry later (the recorder keeps the answer on the device meanwhile)")]
    StorageFull,
    /// The database failed.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// The disk failed.
    #[error("storage error: {0}")]
    Io(#[from] std::io::Error),
}

/// A PATCH whose progress was not saved: another request wrote the upload
/// meanwhile, so this one lost it (423, as a request taken over does).
///
/// ```
/// use demo_server::{db::SaveError, error::ApiError};
/// assert!(matches!(ApiError::from(SaveError::Moved), ApiError::Locked));
/// ```
impl From<SaveError> for ApiError {
    fn from(error: SaveError) -> ApiError {
        match error {
            SaveError::Database(error) => ApiError::Database(error),
            SaveError::Moved => ApiError::Locked,
        }
    }
}

impl ApiError {
    /// The stable machine code of this error.
    ///
    /// ```
    /// use demo_server::error::ApiError;
    /// assert_eq!(ApiError::InvalidInvite.code().as_str(), "invite-invalid");
    /// ```
    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::MissingToken => ErrorCode::TokenMissing,
            ApiError::InvalidInvite => ErrorCode::InviteInvalid,
            ApiError::UploadNotFound => ErrorCode::UploadNotFound,
            ApiError::UnknownQuestion(_) => ErrorCode::QuestionUnknown,
            ApiError::TusVersion => ErrorCode::TusVersion,
            ApiError::BadRequest(_) => ErrorCode::BadRequest,
            ApiError::ContentType => ErrorCode::ContentType,
            ApiError::OffsetMismatch { .. } => ErrorCode::OffsetMismatch,
            ApiError::TooLarge { .. } => ErrorCode::TooLarge,
            ApiError::ReviewLinkInvalid => ErrorCode::ReviewLinkInvalid,
            ApiError::NotRevealed(_) => ErrorCode::QuestionNotRevealed,
            ApiError::NoAttemptsLeft { .. } => ErrorCode::NoAttemptsLeft,
            ApiError::TooManyTechnicalRetries { .. } => ErrorCode::TechnicalRetriesUsed,
            ApiError::DeadlinePassed => ErrorCode::DeadlinePassed,
            ApiError::ConsentRequired => ErrorCode::ConsentRequired,
            ApiError::ConsentChanged { .. } => ErrorCode::ConsentChanged,
            ApiError::ConsentAnswered { .. } => ErrorCode::ConsentAnswered,
            ApiError::ExtensionNotNow => ErrorCode::ExtensionNotNow,
            ApiError::ExtensionUnknown(_) => ErrorCode::ExtensionUnknown,
            ApiError::UploadGone => ErrorCode::UploadGone,
            ApiError::ChecksumMismatch => ErrorCode::ChecksumMismatch,
            ApiError::AlreadySubmitted(_) => ErrorCode::AlreadySubmitted,
            ApiError::SubmittedCannotBeDeleted => ErrorCode::SubmittedCannotBeDeleted,
            ApiError::TakeIncomplete { .. } => ErrorCode::TakeIncomplete,
            ApiError::TakeMismatch { .. } => ErrorCode::TakeMismatch,
            ApiError::AnswersMissing(_) => ErrorCode::AnswersMissing,
            ApiError::AnswerTooLong { .. } => ErrorCode::AnswerTooLong,
            ApiError::VideoUnreadable(_) => ErrorCode::VideoUnreadable,
            ApiError::Locked => ErrorCode::Locked,
            ApiError::StorageFull => ErrorCode::StorageFull,
            ApiError::TooManyRequests | ApiError::TooManyChecks => ErrorCode::TooManyRequests,
            ApiError::Database(_) | ApiError::Io(_) => ErrorCode::ServerError,
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            ApiError::MissingToken | ApiError::InvalidInvite => StatusCode::UNAUTHORIZED,
            ApiError::UploadNotFound
            | ApiError::UnknownQuestion(_)
            | ApiError::ReviewLinkInvalid
            | ApiError::ExtensionUnknown(_) => StatusCode::NOT_FOUND,
            ApiError::NotRevealed(_)
            | ApiError::NoAttemptsLeft { .. }
            | ApiError::TooManyTechnicalRetries { .. }
            | ApiError::ConsentRequired => StatusCode::FORBIDDEN,
            ApiError::DeadlinePassed | ApiError::UploadGone => StatusCode::GONE,
            ApiError::ChecksumMismatch => {
                StatusCode::from_u16(460).unwrap_or(StatusCode::BAD_REQUEST)
            }
            ApiError::AlreadySubmitted(_)
            | ApiError::SubmittedCannotBeDeleted
            | ApiError::TakeIncomplete { .. }
            | ApiError::TakeMismatch { .. }
            | ApiError::AnswersMissing(_)
            | ApiError::ConsentChanged { .. }
            | ApiError::ConsentAnswered { .. }
            | ApiError::ExtensionNotNow => StatusCode::CONFLICT,
            ApiError::TusVersion => StatusCode::PRECONDITION_FAILED,
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::AnswerTooLong { .. } | ApiError::VideoUnreadable(_) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::ContentType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::OffsetMismatch { .. } => StatusCode::CONFLICT,
            ApiError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Locked => StatusCode::LOCKED,
            ApiError::StorageFull => StatusCode::INSUFFICIENT_STORAGE,
            ApiError::TooManyRequests | ApiError::TooManyChecks => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Database(_) | ApiError::Io(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let message = if matches!(self, ApiError::Database(_) | ApiError::Io(_)) {
            tracing::error!(error = %self, "request failed");
            "internal server error; the upload can be resumed".to_string()
        } else {
            self.to_string()
        };
        let mut response = (status, format!("{message}\n")).into_response();
        let code = self.code().as_str();
        response
            .extensions_mut()
            .insert(ErrorBody { code, message });
        let headers = response.headers_mut();
        headers.insert(CODE_HEADER, HeaderValue::from_static(code));
        headers.insert(
            "Tus-Resumable",
            HeaderValue::from_static(crate::tus::VERSION),
        );
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        match self {
            ApiError::TusVersion => {
                headers.insert("Tus-Version", HeaderValue::from_static(crate::tus::VERSION));
            }
            ApiError::TooManyRequests | ApiError::TooManyChecks => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            }
            _ => {}
        }
        response
    }
}

/// An error as the candidate API's JSON body says it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ErrorBody {
    /// [`ApiError::code`], as sent.
    pub code: &'static str,
    /// What happened, in English, for integrators.
    pub message: String,
}

/// Sends the errors of the routes it wraps as JSON `{ "code", "message" }`
/// (a middleware for the candidate API; tus routes keep plain text).
pub async fn as_json(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let Some(body) = response.extensions().get::<ErrorBody>().cloned() else {
        return response;
    };
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_TYPE);
    parts.headers.remove(header::CONTENT_LENGTH);
    let json = Json(body).into_response();
    let (json_parts, json_body) = json.into_parts();
    parts.headers.extend(json_parts.headers);
    Response::from_parts(parts, json_body)
}
