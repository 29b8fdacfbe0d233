//! The interview as a hiring team defines it, and the checks it must pass.

use super::formats::{is_hex_color, is_language_tag, is_valid_id};
use super::{Consent, Help, InterviewError, Quality, MAX_CONSENT_CHARS};
use serde::{Deserialize, Serialize};

/// Shortest answer limit an interview may set, in seconds.
pub const MIN_ANSWER_SECONDS: u32 = 5;
/// Longest answer limit an interview may set, in seconds.
pub const MAX_ANSWER_SECONDS: u32 = 30 * 60;
/// Most attempts a question may allow.
pub const MAX_ATTEMPTS: u32 = 10;

/// An interview: its questions and how they are to be answered.
///
/// ```
/// let interview = recorder_core::model::Interview::sample();
/// assert!(interview.validate().is_ok());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interview {
    /// A stable identifier, unique on the server (`[A-Za-z0-9_-]`).
    pub id: String,
    /// What the candidate is interviewing for.
    pub title: String,
    /// A question to try the flow with; its answer is never kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practice: Option<Question>,
    /// The questions, in order.
    pub questions: Vec<Question>,
    /// How the interview is presented: intro video, deadline, language, look.
    #[serde(flatten)]
    pub presentation: Presentation,
}

/// How an interview is presented to the candidate, beyond its questions.
///
/// ```
/// let p: recorder_core::model::Presentation = serde_json::from_str(r#"{"locale": "es", "deadline": 1800000000}"#).unwrap();
/// assert_eq!(p.locale.as_deref(), Some("es"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presentation {
    /// A recruiter's welcome video shown on the overview (http(s) URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro_video: Option<String>,
    /// Answers are accepted until this moment (Unix seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<u64>,
    /// The language of the interview (BCP 47, such as `en` or `pt-BR`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// The hiring company's look.
    #[serde(default)]
    pub branding: Branding,
    /// What the candidate must agree to before anything is recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<Consent>,
    /// Whom the candidate contacts with a question or a problem.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Help>,
    /// When the hiring team will have reviewed the answers (Unix seconds),
    /// told to the candidate on the receipt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_by: Option<u64>,
    /// The video bitrate's floor and ceiling, and whether a slow connection
    /// may answer with sound only (the defaults when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<Quality>,
}

/// How the recorder presents the hiring company.
///
/// ```
/// let branding: recorder_core::model::Branding = serde_json::from_str(r##"{"company": "Acme", "accent": "#0a7d53"}"##).unwrap();
/// assert_eq!(branding.accent.as_deref(), Some("#0a7d53"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Branding {
    /// The company's name.
    #[serde(default)]
    pub company: String,
    /// Its logo (http(s) URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
    /// Its accent colour, `#rrggbb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent: Option<String>,
}

/// One question and its rules.
///
/// ```
/// let q = &recorder_core::model::Interview::sample().questions[0];
/// assert!(q.answer_seconds >= recorder_core::model::MIN_ANSWER_SECONDS);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Unique within its interview (`[A-Za-z0-9_-]`).
    pub id: String,
    /// What the candidate is asked.
    pub prompt: Prompt,
    /// Seconds to think after revealing the question, before recording starts.
    pub think_seconds: u32,
    /// The longest an answer may be, in seconds.
    pub answer_seconds: u32,
    /// How many takes the candidate may record.
    pub attempts: u32,
}

/// How a question is put to the candidate.
///
/// ```
/// use recorder_core::model::Prompt;
/// let p: Prompt = serde_json::from_str(r#"{"text": "Why us?"}"#).unwrap();
/// assert_eq!(p, Prompt::Text { text: "Why us?".into() });
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Prompt {
    // Video first: untagged enums take the first variant that fits.
    /// A recorded question, with its text for captions and accessibility.
    Video {
        /// Where the video is.
        video_url: String,
        /// The spoken question as text.
        text: String,
    },
    /// A written question.
    Text {
        /// The question's text.
        text: String,
    },
}

impl Interview {
    /// Checks every rule a usable interview follows.
    ///
    /// ```
    /// let mut interview = recorder_core::model::Interview::sample();
    /// interview.questions[0].attempts = 0;
    /// assert!(interview.validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<(), InterviewError> {
        if !is_valid_id(&self.id) {
            return Err(InterviewError::BadId(self.id.clone()));
        }
        if self.title.trim().is_empty() {
            return Err(InterviewError::NoTitle);
        }
        if self.questions.is_empty() {
            return Err(InterviewError::NoQuestions);
        }
        let consent = self.presentation.consent.as_ref();
        let urls = [
            ("intro_video", &self.presentation.intro_video),
            ("branding.logo_url", &self.presentation.branding.logo_url),
            (
                "consent.privacy_url",
                consent.map_or(&None, |c| &c.privacy_url),
            ),
        ];
        for (field, url) in urls {
            if let Some(url) = url.as_ref().filter(|u| !crate::upload::is_http_url(u)) {
                return Err(InterviewError::BadUrl {
                    field,
                    url: url.clone(),
                });
            }
        }
        if let Some(locale) = self
            .presentation
            .locale
            .as_ref()
            .filter(|l| !is_language_tag(l))
        {
            return Err(InterviewError::BadLocale(locale.clone()));
        }
        if let Some(accent) = self
            .presentation
            .branding
            .accent
            .as_ref()
            .filter(|c| !is_hex_color(c))
        {
            return Err(InterviewError::BadColor(accent.clone()));
        }
        if let Some(consent) = consent {
            let chars = consent.text.chars().count();
            if consent.text.trim().is_empty() {
                return Err(InterviewError::EmptyConsent);
            }
            if chars > MAX_CONSENT_CHARS {
                return Err(InterviewError::ConsentTooLong(chars));
            }
        }
        if let Some(help) = &self.presentation.help {
            help.validate()?;
        }
        if let Some(quality) = &self.presentation.quality {
            quality.validate()?;
        }
        let mut seen = std::collections::HashSet::new();
        for question in self.practice.iter().chain(&self.questions) {
            question.validate()?;
            if !seen.insert(question.id.as_str()) {
                return Err(InterviewError::DuplicateQuestion(question.id.clone()));
            }
        }
        Ok(())
    }

    /// The question with this id, the practice question included.
    ///
    /// ```
    /// let interview = recorder_core::model::Interview::sample();
    /// assert!(interview.question("q1").is_some());
    /// assert!(interview.question("nope").is_none());
    /// ```
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.practice
            .iter()
            .chain(&self.questions)
            .find(|q| q.id == id)
    }

    /// The demo interview (`sample_interview.json`): a practice question and
    /// three questions.
    ///
    /// ```
    /// let interview = recorder_core::model::Interview::sample();
    /// assert_eq!(interview.questions.len(), 3);
    /// assert!(interview.practice.is_some());
    /// ```
    pub fn sample() -> Interview {
        serde_json::from_str(include_str!("../sample_interview.json"))
            .expect("the bundled sample interview is valid JSON")
    }
}

impl Question {
    /// Checks this question's own rules.
    ///
    /// ```
    /// let mut q = recorder_core::model::Interview::sample().questions[0].clone();
    /// q.answer_seconds = 1;
    /// assert!(q.validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<(), InterviewError> {
        if !is_valid_id(&self.id) {
            return Err(InterviewError::BadId(self.id.clone()));
        }
        if self.prompt.text().trim().is_empty() {
            return Err(InterviewError::EmptyPrompt(self.id.clone()));
        }
        if !(MIN_ANSWER_SECONDS..=MAX_ANSWER_SECONDS).contains(&self.answer_seconds) {
            return Err(InterviewError::AnswerLength {
                id: self.id.clone(),
                seconds: self.answer_seconds,
            });
        }
        if !(1..=MAX_ATTEMPTS).contains(&self.attempts) {
            return Err(InterviewError::Attempts {
                id: self.id.clone(),
                attempts: self.attempts,
            });
        }
        Ok(())
    }
}

impl Prompt {
    /// The question as text, whatever its form.
    ///
    /// ```
    /// use recorder_core::model::Prompt;
    /// assert_eq!(Prompt::Text { text: "Hi".into() }.text(), "Hi");
    /// ```
    pub fn text(&self) -> &str {
        match self {
            Prompt::Text { text } | Prompt::Video { text, .. } => text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::HelpError;

    #[test]
    fn rejects_duplicate_question_ids_across_practice() {
        let mut interview = Interview::sample();
        interview.questions[1].id = "practice".into();
        assert_eq!(
            interview.validate(),
            Err(InterviewError::DuplicateQuestion("practice".into()))
        );
    }

    #[test]
    fn video_prompt_round_trips() {
        let prompt = Prompt::Video {
            video_url: "https://example.com/q.mp4".into(),
            text: "Why?".into(),
        };
        let json = serde_json::to_string(&prompt).unwrap();
        assert_eq!(serde_json::from_str::<Prompt>(&json).unwrap(), prompt);
    }

    #[test]
    fn urls_locales_and_colours_are_checked() {
        let mut interview = Interview::sample();
        interview.presentation.intro_video = Some("javascript:alert(1)".into());
        assert!(matches!(
            interview.validate(),
            Err(InterviewError::BadUrl {
                field: "intro_video",
                ..
            })
        ));
        let mut interview = Interview::sample();
        interview.presentation.locale = Some("en_US".into());
        assert_eq!(
            interview.validate(),
            Err(InterviewError::BadLocale("en_US".into()))
        );
        let mut interview = Interview::sample();
        interview.presentation.help = Some(Help {
            email: Some("jobs".into()),
            url: None,
        });
        assert_eq!(
            interview.validate(),
            Err(InterviewError::Help(HelpError::BadEmail("jobs".into())))
        );
        let mut interview = Interview::sample();
        interview.presentation.branding.accent = Some("red".into());
        assert_eq!(
            interview.validate(),
            Err(InterviewError::BadColor("red".into()))
        );
    }

    #[test]
    fn consent_needs_a_text_within_bounds_and_a_web_privacy_link() {
        let with = |text: &str, privacy_url: Option<&str>| {
            let mut interview = Interview::sample();
            interview.presentation.consent = Some(Consent {
                text: text.into(),
                privacy_url: privacy_url.map(Into::into),
            });
            interview.validate()
        };
        assert_eq!(
            with("We record you.", Some("https://example.com/p")),
            Ok(())
        );
        assert_eq!(with(" \n ", None), Err(InterviewError::EmptyConsent));
        let long = "é".repeat(MAX_CONSENT_CHARS + 1);
        assert_eq!(
            with(&long, None),
            Err(InterviewError::ConsentTooLong(MAX_CONSENT_CHARS + 1))
        );
        assert!(matches!(
            with("Fine.", Some("ftp://example.com/p")),
            Err(InterviewError::BadUrl {
                field: "consent.privacy_url",
                ..
            })
        ));
    }

    #[test]
    fn error_messages_name_the_problem() {
        let mut interview = Interview::sample();
        interview.questions[2].answer_seconds = 4000;
        let message = interview.validate().unwrap_err().to_string();
        assert!(
            message.contains("q3") && message.contains("4000"),
            "{message}"
        );
    }
}
