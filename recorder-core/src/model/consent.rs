//! Informed consent: what an interview asks the candidate to agree to before
//! anything is recorded, and what the candidate answered.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The longest consent text an interview may carry, in characters.
pub const MAX_CONSENT_CHARS: usize = 20_000;

/// What the candidate is asked to agree to before the camera opens.
///
/// ```
/// let consent: recorder_core::model::Consent = serde_json::from_str(
///     r#"{"text": "We record your answers.", "privacy_url": "https://example.com/privacy"}"#).unwrap();
/// assert_eq!(consent.privacy_url.as_deref(), Some("https://example.com/privacy"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    /// The text, shown as written, its line breaks kept.
    pub text: String,
    /// The hiring company's privacy policy (http(s) URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_url: Option<String>,
}

impl Consent {
    /// The lowercase hex sha256 of the text, as the candidate was shown it:
    /// what an answer names, so that an answer to another text is refused.
    ///
    /// ```
    /// let consent = recorder_core::model::Consent { text: "abc".into(), privacy_url: None };
    /// assert_eq!(consent.text_sha256(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    /// ```
    pub fn text_sha256(&self) -> String {
        crate::hex::lower_hex(&Sha256::digest(self.text.as_bytes()))
    }
}

/// The candidate's answer, as the server recorded it.
///
/// ```
/// let answer: recorder_core::model::ConsentAnswer = serde_json::from_str(
///     r#"{"agreed": true, "at": 1763000000000, "text_sha256": "ab"}"#).unwrap();
/// assert!(answer.agreed);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentAnswer {
    /// Agreed (or declined).
    pub agreed: bool,
    /// When (Unix milliseconds, the server's clock).
    pub at: i64,
    /// The sha256 of the text answered ([`Consent::text_sha256`]).
    pub text_sha256: String,
}

/// What the recorder sends when the candidate answers (`POST /api/consent`).
///
/// ```
/// let body = recorder_core::model::ConsentDecision { agree: false, text_sha256: "ab".into() };
/// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"agree":false,"text_sha256":"ab"}"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentDecision {
    /// Whether the candidate agrees.
    pub agree: bool,
    /// The sha256 of the text the candidate was shown.
    pub text_sha256: String,
}
