//! What the candidate reads when something goes wrong: every error, from the
//! server's codes to the browser's refusals, becomes a translation key, so
//! no English sentence reaches a candidate who reads another language. The
//! English `Display` of each error stays for integrators (the `error` event).

use crate::api::ApiError;
use crate::i18n::{Arg, Translations};
use crate::options::OptionsError;
use recorder_core::camera_app::FileProblem;
use recorder_core::error_code::ErrorCode;
use recorder_core::model::{ExtensionNoteError, MAX_EXTENSION_NOTE_CHARS};
use recorder_core::session::SessionError;
use recorder_core::takes::TakeError;
use recorder_core::upload::{ConfigError, UploadError};
use recorder_core::web::media::MediaError;
use recorder_core::web::recorder::RecorderError;

/// An error the candidate can be told about, in their language.
///
/// ```ignore
/// let text = error.explain(&t); // "Este enlace de entrevista no es válido…"
/// ```
pub trait Explain {
    /// The translation key and its values.
    fn key(&self) -> (String, Vec<(&'static str, Arg)>);

    /// The candidate's text for this error.
    fn explain(&self, t: &Translations) -> String {
        let (key, args) = self.key();
        t.format(&key, &args)
    }

    /// The server's stable code for it, if the server refused with one.
    fn reason(&self) -> Option<ErrorCode> {
        None
    }
}

fn plain(key: &str) -> (String, Vec<(&'static str, Arg)>) {
    (key.to_string(), Vec::new())
}

/// The key of a server's error code (`error-deadline-passed`); every code has one.
pub fn code_key(code: ErrorCode) -> String {
    format!("error-{}", code.as_str())
}

/// A server's refusal: its code's text, or the status in a general one.
fn refused(status: u16, code: Option<ErrorCode>) -> (String, Vec<(&'static str, Arg)>) {
    match code {
        Some(code) => (code_key(code), Vec::new()),
        None => (
            "error-server".into(),
            vec![("status", status.to_string().into())],
        ),
    }
}

impl Explain for ApiError {
    fn key(&self) -> (String, Vec<(&'static str, Arg)>) {
        match self {
            ApiError::Unreachable(_) => plain("error-unreachable"),
            ApiError::Refused { status, code, .. } => refused(*status, *code),
            ApiError::Format(_) => plain("error-format"),
        }
    }

    fn reason(&self) -> Option<ErrorCode> {
        match self {
            ApiError::Refused { code, .. } => *code,
            _ => None,
        }
    }
}

impl Explain for UploadError {
    fn key(&self) -> (String, Vec<(&'static str, Arg)>) {
        match self {
            UploadError::Lost { .. } => plain("error-upload-lost"),
            UploadError::TooLarge => (code_key(ErrorCode::TooLarge), Vec::new()),
            UploadError::Rejected { status, code, .. } => refused(*status, *code),
            UploadError::UnsupportedServer | UploadError::BadResponse { .. } => {
                plain("error-upload-unsupported")
            }
            UploadError::OffsetOutOfRange { .. } | UploadError::AlreadyFinished => {
                plain("error-upload-out-of-step")
            }
        }
    }

    fn reason(&self) -> Option<ErrorCode> {
        match self {
            UploadError::Rejected { code, .. } => *code,
            _ => None,
        }
    }
}

impl Explain for TakeError {
    fn key(&self) -> (String, Vec<(&'static str, Arg)>) {
        match self {
            TakeError::Upload(error) => error.key(),
            TakeError::NoTake(_) => plain("error-recording"),
        }
    }

    fn reason(&self) -> Option<ErrorCode> {
        match self {
            TakeError::Upload(error) => error.reason(),
            _ => None,
        }
    }
}

impl Explain for RecorderError {
    fn key(&self) -> (String, Vec<(&'static str, Arg)>) {
        match self {
            RecorderError::Unsupported => plain("help-unsupported"),
            RecorderError::Start(_) => plain("error-recording-start"),
        }
    }
}

impl Explain for FileProblem {
    fn key(&self) -> (String, Vec<(&'static str, Arg)>) {
        match *self {
            FileProblem::TooLong {
                seconds,
                limit_seconds,
            } => (
                "camera-app-too-long".into(),
                vec![
                    ("seconds", Arg::Seconds(seconds as f64)),
                    ("limit", Arg::Seconds(limit_seconds.into())),
                ],
            ),
            FileProblem::TooLarge { bytes, .. } => (
                "camera-app-too-large".into(),
                vec![("size", Arg::Bytes(bytes))],
            ),
            FileProblem::Empty => plain("camera-app-empty"),
        }
    }
}

impl Explain for MediaError {
    fn key(&self) -> (String, Vec<(&'static str, Arg)>) {
        plain(match self {
            MediaError::NotAllowed => "help-not-allowed",
            MediaError::NotFound => "help-not-found",
            MediaError::NotReadable => "help-busy",
            MediaError::Overconstrained(_) => "help-overconstrained",
            MediaError::InsecureContext => "help-insecure",
            MediaError::InAppBrowser(_) => "help-in-app",
            MediaError::Unsupported => "help-unsupported",
            MediaError::Other(_) => "help-other",
        })
    }
}

impl Explain for SessionError {
    fn key(&self) -> (String, Vec<(&'static str, Arg)>) {
        match self {
            SessionError::NotNow { .. } => plain("error-not-now"),
            SessionError::MicrophoneNotHeard => plain("device-say-something"),
            SessionError::UnknownQuestion(_) => (code_key(ErrorCode::QuestionUnknown), Vec::new()),
            SessionError::AlreadySubmitted(_) => {
                (code_key(ErrorCode::AlreadySubmitted), Vec::new())
            }
            SessionError::NoAttemptsLeft(_) => (code_key(ErrorCode::NoAttemptsLeft), Vec::new()),
            SessionError::ExtensionNote(ExtensionNoteError::Empty) => plain("extension-note-empty"),
            SessionError::ExtensionNote(ExtensionNoteError::TooLong(_)) => (
                "extension-note-long".to_string(),
                vec![("max", MAX_EXTENSION_NOTE_CHARS.into())],
            ),
        }
    }
}

impl Explain for OptionsError {
    fn key(&self) -> (String, Vec<(&'static str, Arg)>) {
        match self {
            OptionsError::MissingInvite => (code_key(ErrorCode::TokenMissing), Vec::new()),
            OptionsError::BadApi(_) | OptionsError::NotAnObject => plain("error-options"),
        }
    }
}

impl Explain for ConfigError {
    fn key(&self) -> (String, Vec<(&'static str, Arg)>) {
        plain("error-options")
    }
}
