//! Why an interview definition cannot be used: each rule it breaks, said so
//! that the hiring team can mend the definition.

use super::MIN_ANSWER_SECONDS;
use super::{HelpError, QualityError, MAX_ANSWER_SECONDS, MAX_ATTEMPTS, MAX_CONSENT_CHARS};

/// Why an interview definition cannot be used.
///
/// ```
/// use recorder_core::model::{Interview, InterviewError};
/// let mut interview = Interview::sample();
/// interview.questions.clear();
/// assert_eq!(interview.validate(), Err(InterviewError::NoQuestions));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InterviewError {
    /// An identifier is empty or has characters other than letters, digits, `-` and `_`.
    #[error("identifier {0:?} must be 1-64 characters of letters, digits, '-' or '_'")]
    BadId(String),
    /// The interview has no title.
    #[error("the interview needs a title")]
    NoTitle,
    /// The interview has no questions.
    #[error("the interview needs at least one question")]
    NoQuestions,
    /// Two questions share an identifier.
    #[error("question id {0:?} is used more than once")]
    DuplicateQuestion(String),
    /// A question's prompt is empty.
    #[error("question {0:?} has an empty prompt")]
    EmptyPrompt(String),
    /// An answer limit is out of range.
    #[error("question {id:?}: answer_seconds is {seconds}, it must be between {MIN_ANSWER_SECONDS} and {MAX_ANSWER_SECONDS}")]
    AnswerLength {
        /// The question.
        id: String,
        /// The limit it asked for.
        seconds: u32,
    },
    /// A URL is not an absolute http(s) URL.
    #[error("{field} {url:?} must be an absolute http:// or https:// URL")]
    BadUrl {
        /// Which field.
        field: &'static str,
        /// What it was.
        url: String,
    },
    /// The locale is not a BCP 47 tag.
    #[error("locale {0:?} must be a language tag such as \"en\" or \"pt-BR\"")]
    BadLocale(String),
    /// The accent colour is not `#rrggbb`.
    #[error("branding.accent {0:?} must be a colour like \"#0a7d53\"")]
    BadColor(String),
    /// The consent text is empty.
    #[error("consent.text is empty: write what the candidate agrees to, or leave consent out")]
    EmptyConsent,
    /// The consent text is too long.
    #[error("consent.text has {0} characters; at most {MAX_CONSENT_CHARS} are shown")]
    ConsentTooLong(usize),
    /// The help contact cannot be used.
    #[error(transparent)]
    Help(#[from] HelpError),
    /// The quality range cannot be used.
    #[error(transparent)]
    Quality(#[from] QualityError),
    /// An attempt count is out of range.
    #[error("question {id:?}: attempts is {attempts}, it must be between 1 and {MAX_ATTEMPTS}")]
    Attempts {
        /// The question.
        id: String,
        /// The count it asked for.
        attempts: u32,
    },
}
