//! The interview as a hiring team defines it and a candidate sees it.
//!
//! These serde types are shared by the widget and the demo server, so both
//! sides agree on the wire format by construction.
//!
//! ```
//! use recorder_core::model::Interview;
//! let interview: Interview = serde_json::from_str(r#"{
//!   "id": "demo", "title": "Support engineer",
//!   "questions": [{"id": "q1", "prompt": {"text": "Tell us about yourself."},
//!                  "think_seconds": 30, "answer_seconds": 90, "attempts": 2}]
//! }"#).unwrap();
//! interview.validate().unwrap();
//! assert_eq!(interview.questions[0].attempts, 2);
//! ```

mod accommodations;
mod answer;
mod candidate_view;
mod consent;
mod extension;
mod formats;
mod help;
mod interview;
mod interview_error;
mod quality;

pub use accommodations::{AccommodationError, Accommodations, MAX_TIME_PERCENT};
pub use answer::{Receipt, SubmitTake, SubmittedAnswer};
pub use candidate_view::{QuestionSummary, RevealedQuestion, SessionView};
pub use consent::{Consent, ConsentAnswer, ConsentDecision, MAX_CONSENT_CHARS};
pub use extension::{
    Extension, ExtensionAsk, ExtensionNoteError, ExtensionStatus, EXTENSION_WINDOW_SECONDS,
    MAX_EXTENSION_NOTE_CHARS,
};
pub use formats::{is_email, is_language_tag, is_valid_id};
pub use help::{Help, HelpError};
pub use interview::{
    Branding, Interview, Presentation, Prompt, Question, MAX_ANSWER_SECONDS, MAX_ATTEMPTS,
    MIN_ANSWER_SECONDS,
};
pub use interview_error::InterviewError;
pub use quality::{Quality, QualityError, MAX_VIDEO_KBPS, MIN_VIDEO_KBPS};
