//! Every way a request can fail, as one enum that turns into a response.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

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
    /// The upload was terminated or has expired.
    #[error("this upload was deleted or has expired")]
    UploadGone,
    /// The body does not match its `Upload-Checksum`.
    #[error("the body does not match its Upload-Checksum; nothing was kept, send it again")]
    ChecksumMismatch,
    /// The request conflicts with the current state (submit, complete).
    #[error("{0}")]
    Conflict(String),
    /// Another request is writing to this upload right now.
    #[error("another request is writing to this upload; retry after it finishes")]
    Locked,
    /// The database failed.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// The disk failed.
    #[error("storage error: {0}")]
    Io(#[from] std::io::Error),
}

impl ApiError {
    fn status(&self) -> StatusCode {
        match self {
            ApiError::MissingToken | ApiError::InvalidInvite => StatusCode::UNAUTHORIZED,
            ApiError::UploadNotFound
            | ApiError::UnknownQuestion(_)
            | ApiError::ReviewLinkInvalid => StatusCode::NOT_FOUND,
            ApiError::NotRevealed(_)
            | ApiError::NoAttemptsLeft { .. }
            | ApiError::TooManyTechnicalRetries { .. } => StatusCode::FORBIDDEN,
            ApiError::DeadlinePassed | ApiError::UploadGone => StatusCode::GONE,
            ApiError::ChecksumMismatch => {
                StatusCode::from_u16(460).unwrap_or(StatusCode::BAD_REQUEST)
            }
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::TusVersion => StatusCode::PRECONDITION_FAILED,
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::ContentType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::OffsetMismatch { .. } => StatusCode::CONFLICT,
            ApiError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Locked => StatusCode::LOCKED,
            ApiError::Database(_) | ApiError::Io(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let message = if status.is_server_error() {
            eprintln!("error: {self}");
            "internal server error; the upload can be resumed".to_string()
        } else {
            self.to_string()
        };
        let mut response = (status, message + "\n").into_response();
        let headers = response.headers_mut();
        headers.insert(
            "Tus-Resumable",
            HeaderValue::from_static(crate::tus::VERSION),
        );
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if let ApiError::TusVersion = self {
            headers.insert("Tus-Version", HeaderValue::from_static(crate::tus::VERSION));
        }
        response
    }
}
