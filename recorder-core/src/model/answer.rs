//! What a candidate hands in, and what the server confirms.

use serde::{Deserialize, Serialize};

/// The take a candidate submits for a question (`POST /api/questions/{id}/submit`).
/// The server checks it is complete and matches `bytes` and `sha256`.
///
/// ```
/// let body = recorder_core::model::SubmitTake { upload: "https://h/api/uploads/ab12".into(), bytes: 10, sha256: "00".repeat(32) };
/// assert!(serde_json::to_string(&body).unwrap().contains("\"bytes\":10"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmitTake {
    /// The take's upload URL (or its id).
    pub upload: String,
    /// Its length as the candidate's device recorded it.
    pub bytes: u64,
    /// Its sha256 as the candidate's device computed it (lowercase hex).
    pub sha256: String,
}

/// What the server confirms for a submitted answer.
///
/// ```
/// let a = recorder_core::model::SubmittedAnswer { question: "q1".into(), bytes: 1, sha256: "ab".into(), duration_ms: None, submitted_at: 0 };
/// assert_eq!(a.question, "q1");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmittedAnswer {
    /// The question.
    pub question: String,
    /// The take's length.
    pub bytes: u64,
    /// Its sha256 as stored on the server.
    pub sha256: String,
    /// Its duration, when the server has measured it.
    pub duration_ms: Option<u64>,
    /// When it was submitted (Unix milliseconds).
    pub submitted_at: i64,
}

/// The acknowledgement of a completed interview (`POST /api/complete`).
///
/// ```
/// let r = recorder_core::model::Receipt { title: "T".into(), completed_at: 0, answers: vec![], review_by: None };
/// assert!(r.answers.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// The interview's title.
    pub title: String,
    /// When it was completed (Unix milliseconds).
    pub completed_at: i64,
    /// Every submitted answer, in question order.
    pub answers: Vec<SubmittedAnswer>,
    /// When the hiring team will have reviewed them (Unix seconds), if the
    /// interview says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_by: Option<u64>,
}
