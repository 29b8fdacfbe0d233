//! Where a candidate turns for help: the hiring team's contact, reachable
//! from every screen of the recorder.

use super::is_email;
use serde::{Deserialize, Serialize};

/// How a candidate reaches the hiring team: an email address, a help page,
/// or both.
///
/// ```
/// let help: recorder_core::model::Help = serde_json::from_str(
///     r#"{"email": "jobs@example.com", "url": "https://example.com/help"}"#).unwrap();
/// assert!(help.validate().is_ok());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Help {
    /// An address that answers candidates' questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// A help page (http(s) URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Why a help contact cannot be shown.
///
/// ```
/// use recorder_core::model::{Help, HelpError};
/// assert_eq!(Help::default().validate(), Err(HelpError::Empty));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HelpError {
    /// Neither an email nor a page.
    #[error("help needs an \"email\", a \"url\", or both; leave help out to show no contact")]
    Empty,
    /// The email is not an address a mail program opens.
    #[error("help.email {0:?} must be one address like \"jobs@example.com\"")]
    BadEmail(String),
    /// The page is not an absolute http(s) URL.
    #[error("help.url {0:?} must be an absolute http:// or https:// URL")]
    BadUrl(String),
}

impl Help {
    /// Checks there is a way to reach someone, and that each way works.
    ///
    /// ```
    /// use recorder_core::model::{Help, HelpError};
    /// let help = Help { email: Some("jobs at example".into()), url: None };
    /// assert_eq!(help.validate(), Err(HelpError::BadEmail("jobs at example".into())));
    /// ```
    pub fn validate(&self) -> Result<(), HelpError> {
        if self.email.is_none() && self.url.is_none() {
            return Err(HelpError::Empty);
        }
        if let Some(email) = self.email.as_ref().filter(|e| !is_email(e)) {
            return Err(HelpError::BadEmail(email.clone()));
        }
        if let Some(url) = self.url.as_ref().filter(|u| !crate::upload::is_http_url(u)) {
            return Err(HelpError::BadUrl(url.clone()));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_way_is_checked() {
        let url = |u: &str| Help {
            email: None,
            url: Some(u.into()),
        };
        assert_eq!(url("https://example.com/help").validate(), Ok(()));
        assert_eq!(
            url("javascript:alert(1)").validate(),
            Err(HelpError::BadUrl("javascript:alert(1)".into()))
        );
    }
}
