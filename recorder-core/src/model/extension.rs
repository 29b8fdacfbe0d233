//! More time: a candidate near or past the deadline asks the hiring team
//! for it with a short note; the team grants a new deadline or declines.

use serde::{Deserialize, Serialize};

/// The longest note a candidate may send with a request, in characters.
pub const MAX_EXTENSION_NOTE_CHARS: usize = 1_000;

/// How long before the deadline a candidate may ask for more time (two days, in seconds).
pub const EXTENSION_WINDOW_SECONDS: u64 = 2 * 24 * 60 * 60;

/// A request for more time, as the server keeps it.
///
/// ```
/// let e: recorder_core::model::Extension = serde_json::from_str(
///     r#"{"note": "I was ill.", "requested_at": 1763000000000, "status": "pending"}"#).unwrap();
/// assert_eq!(e.status, recorder_core::model::ExtensionStatus::Pending);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    /// What the candidate wrote.
    pub note: String,
    /// When they asked (Unix milliseconds, the server's clock).
    pub requested_at: i64,
    /// Whether the team answered, and how.
    pub status: ExtensionStatus,
    /// When the team answered (Unix milliseconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<i64>,
}

/// Where a request for more time stands. A granted one has moved the
/// candidate's deadline.
///
/// ```
/// use recorder_core::model::ExtensionStatus;
/// assert_eq!(serde_json::to_string(&ExtensionStatus::Granted).unwrap(), r#""granted""#);
/// assert_eq!(ExtensionStatus::parse("declined"), Some(ExtensionStatus::Declined));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExtensionStatus {
    /// Waiting for the hiring team.
    Pending,
    /// The team gave a new deadline.
    Granted,
    /// The team declined.
    Declined,
}

impl ExtensionStatus {
    /// Its name on the wire and in the database.
    ///
    /// ```
    /// assert_eq!(recorder_core::model::ExtensionStatus::Pending.as_str(), "pending");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ExtensionStatus::Pending => "pending",
            ExtensionStatus::Granted => "granted",
            ExtensionStatus::Declined => "declined",
        }
    }

    /// The status named `name`, if it is one.
    ///
    /// ```
    /// assert_eq!(recorder_core::model::ExtensionStatus::parse("maybe"), None);
    /// ```
    pub fn parse(name: &str) -> Option<ExtensionStatus> {
        [Self::Pending, Self::Granted, Self::Declined]
            .into_iter()
            .find(|s| s.as_str() == name)
    }
}

/// What the recorder sends to ask for more time (`POST /api/extension`).
///
/// ```
/// let ask = recorder_core::model::ExtensionAsk::new("  My flight was late.  ").unwrap();
/// assert_eq!(ask.note, "My flight was late.");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtensionAsk {
    /// Why, in a few words.
    pub note: String,
}

/// Why a note cannot be sent.
///
/// ```
/// use recorder_core::model::{ExtensionAsk, ExtensionNoteError};
/// assert_eq!(ExtensionAsk::new(" "), Err(ExtensionNoteError::Empty));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExtensionNoteError {
    /// Nothing but spaces.
    #[error("write a short note for the hiring team")]
    Empty,
    /// Too long to read at a glance.
    #[error("the note has {0} characters; at most {MAX_EXTENSION_NOTE_CHARS} are sent")]
    TooLong(usize),
}

impl ExtensionAsk {
    /// A request with `note`, its surrounding spaces trimmed; refused when
    /// empty or longer than [`MAX_EXTENSION_NOTE_CHARS`].
    ///
    /// ```
    /// use recorder_core::model::{ExtensionAsk, ExtensionNoteError};
    /// assert_eq!(ExtensionAsk::new(&"a".repeat(1001)), Err(ExtensionNoteError::TooLong(1001)));
    /// ```
    pub fn new(note: &str) -> Result<ExtensionAsk, ExtensionNoteError> {
        let note = note.trim();
        let chars = note.chars().count();
        match chars {
            0 => Err(ExtensionNoteError::Empty),
            n if n > MAX_EXTENSION_NOTE_CHARS => Err(ExtensionNoteError::TooLong(n)),
            _ => Ok(ExtensionAsk {
                note: note.to_string(),
            }),
        }
    }
}
