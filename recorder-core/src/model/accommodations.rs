//! What one candidate is given beyond the interview's rules: more time, more
//! attempts, recording only when they press Record.

use super::{Interview, MAX_ATTEMPTS};
use serde::{Deserialize, Serialize};

/// The most time an accommodation may give: three times the interview's.
pub const MAX_TIME_PERCENT: u32 = 300;

/// One candidate's accommodations, set on their invite. The server applies
/// them to the interview it enforces ([`Interview::for_candidate`]); the
/// recorder shows them discreetly on the overview.
///
/// ```
/// let a: recorder_core::model::Accommodations = serde_json::from_str(r#"{"time_percent": 150}"#).unwrap();
/// assert_eq!((a.time_percent, a.extra_attempts, a.manual_start), (150, 0, false));
/// assert!(!a.is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accommodations {
    /// Think and answer time, in percent of the interview's (100 to [`MAX_TIME_PERCENT`]).
    #[serde(default = "full_time")]
    pub time_percent: u32,
    /// Attempts per question beyond the interview's.
    #[serde(default)]
    pub extra_attempts: u32,
    /// Recording never starts by itself when think time ends.
    #[serde(default)]
    pub manual_start: bool,
}

fn full_time() -> u32 {
    100
}

impl Default for Accommodations {
    fn default() -> Self {
        Accommodations {
            time_percent: full_time(),
            extra_attempts: 0,
            manual_start: false,
        }
    }
}

/// Accommodations that cannot be given.
///
/// ```
/// let a = recorder_core::model::Accommodations { time_percent: 50, ..Default::default() };
/// assert!(a.check().unwrap_err().to_string().contains("50"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AccommodationError {
    /// Less than the interview's time, or more than the most.
    #[error("extra time is {0}% of the usual; it must be between 100% and {MAX_TIME_PERCENT}% (--extra-time 1 to 3)")]
    Time(u32),
    /// More extra attempts than a question may have in all.
    #[error("{0} extra attempts is more than a question may have ({MAX_ATTEMPTS})")]
    Attempts(u32),
}

impl Accommodations {
    /// Whether these change nothing.
    ///
    /// ```
    /// assert!(recorder_core::model::Accommodations::default().is_none());
    /// ```
    pub fn is_none(&self) -> bool {
        *self == Accommodations::default()
    }

    /// Checks they are within what may be given.
    ///
    /// ```
    /// assert!(recorder_core::model::Accommodations { extra_attempts: 2, ..Default::default() }.check().is_ok());
    /// ```
    pub fn check(&self) -> Result<(), AccommodationError> {
        if !(100..=MAX_TIME_PERCENT).contains(&self.time_percent) {
            return Err(AccommodationError::Time(self.time_percent));
        }
        if self.extra_attempts > MAX_ATTEMPTS {
            return Err(AccommodationError::Attempts(self.extra_attempts));
        }
        Ok(())
    }

    /// `seconds` with the extra time, rounded up to a whole second.
    ///
    /// ```
    /// let a = recorder_core::model::Accommodations { time_percent: 150, ..Default::default() };
    /// assert_eq!(a.scaled(5), 8);
    /// ```
    pub fn scaled(&self, seconds: u32) -> u32 {
        let scaled = u64::from(seconds) * u64::from(self.time_percent);
        u32::try_from(scaled.div_ceil(100)).unwrap_or(u32::MAX)
    }
}

impl Interview {
    /// The interview as `accommodations` make it for one candidate: every
    /// think and answer time scaled, each question's attempts raised. The
    /// server enforces this one (its size caps follow the answer times).
    ///
    /// ```
    /// use recorder_core::model::{Accommodations, Interview};
    /// let interview = Interview::sample();
    /// let more = Accommodations { time_percent: 200, extra_attempts: 1, manual_start: true };
    /// let theirs = interview.for_candidate(&more);
    /// assert_eq!(theirs.questions[0].answer_seconds, 2 * interview.questions[0].answer_seconds);
    /// assert_eq!(theirs.questions[0].attempts, interview.questions[0].attempts + 1);
    /// ```
    pub fn for_candidate(&self, accommodations: &Accommodations) -> Interview {
        let mut interview = self.clone();
        for question in interview.practice.iter_mut() {
            question.think_seconds = accommodations.scaled(question.think_seconds);
            question.answer_seconds = accommodations.scaled(question.answer_seconds);
        }
        for question in &mut interview.questions {
            question.think_seconds = accommodations.scaled(question.think_seconds);
            question.answer_seconds = accommodations.scaled(question.answer_seconds);
            question.attempts += accommodations.extra_attempts;
        }
        interview
    }
}
