//! What a candidate is shown of an interview: the questions' rules and
//! their progress, and a question once revealed.

use super::{
    Accommodations, ConsentAnswer, Extension, ExtensionStatus, Interview, Presentation, Prompt,
    Question, EXTENSION_WINDOW_SECONDS,
};
use serde::{Deserialize, Serialize};

/// What the server tells a candidate about their interview (`GET /api/session`).
/// It never carries the text of a question that has not been revealed.
///
/// ```
/// use recorder_core::model::{Interview, SessionView};
/// let view = SessionView::overview(&Interview::sample());
/// assert_eq!(view.questions.len(), 3);
/// assert_eq!(view.questions[0].attempts_used, 0);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    /// What the candidate is interviewing for.
    pub title: String,
    /// Intro video, deadline, language and look, as the interview defines them.
    #[serde(flatten)]
    pub presentation: Presentation,
    /// The practice question, whole: it is no secret and its answer is never kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practice: Option<Question>,
    /// The questions' rules and the candidate's progress, in order.
    pub questions: Vec<QuestionSummary>,
    /// The candidate's answer to the interview's consent text, once given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent_answer: Option<ConsentAnswer>,
    /// What this candidate is given beyond the interview's rules (already
    /// applied to the times and attempts above), if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accommodations: Option<Accommodations>,
    /// The candidate's latest request for more time, if any. A granted one
    /// has already moved the deadline above.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<Extension>,
}

/// One question as listed before it is revealed.
///
/// ```
/// let view = recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample());
/// assert_eq!(view.questions[0].id, "q1");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionSummary {
    /// The question's id.
    pub id: String,
    /// Seconds to think once revealed.
    pub think_seconds: u32,
    /// The longest an answer may be, in seconds.
    pub answer_seconds: u32,
    /// How many takes are allowed.
    pub attempts: u32,
    /// How many takes were started (technical failures given back).
    pub attempts_used: u32,
    /// Takes that failed for a technical reason and were given back.
    #[serde(default)]
    pub technical_failures: u32,
    /// Whether the question was revealed (its think time has started).
    #[serde(default)]
    pub revealed: bool,
    /// Whether an answer was submitted.
    #[serde(default)]
    pub submitted: bool,
}

impl SessionView {
    /// The view of an interview nobody has started.
    ///
    /// ```
    /// let view = recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample());
    /// assert_eq!(view.title, "Customer support engineer");
    /// ```
    pub fn overview(interview: &Interview) -> SessionView {
        SessionView {
            title: interview.title.clone(),
            presentation: interview.presentation.clone(),
            practice: interview.practice.clone(),
            questions: interview
                .questions
                .iter()
                .map(|q| QuestionSummary {
                    id: q.id.clone(),
                    think_seconds: q.think_seconds,
                    answer_seconds: q.answer_seconds,
                    attempts: q.attempts,
                    attempts_used: 0,
                    technical_failures: 0,
                    revealed: false,
                    submitted: false,
                })
                .collect(),
            consent_answer: None,
            accommodations: None,
            extension: None,
        }
    }

    /// Takes left for a question (practice: its own attempts; unknown: 0).
    ///
    /// ```
    /// let view = recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample());
    /// assert_eq!(view.attempts_left("q1"), 3);
    /// assert_eq!(view.attempts_left("nope"), 0);
    /// ```
    pub fn attempts_left(&self, question: &str) -> u32 {
        self.questions
            .iter()
            .find(|q| q.id == question)
            .map(|q| q.attempts.saturating_sub(q.attempts_used))
            .or_else(|| {
                self.practice
                    .as_ref()
                    .filter(|p| p.id == question)
                    .map(|p| p.attempts)
            })
            .unwrap_or(0)
    }

    /// Whether only the candidate starts a recording: think time ending
    /// does not (an accommodation).
    ///
    /// ```
    /// let view = recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample());
    /// assert!(!view.manual_start());
    /// ```
    pub fn manual_start(&self) -> bool {
        self.accommodations.as_ref().is_some_and(|a| a.manual_start)
    }

    /// Whether the deadline has passed at `now` (Unix seconds).
    ///
    /// ```
    /// let mut view = recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample());
    /// view.presentation.deadline = Some(1_000);
    /// assert!(!view.deadline_passed(999));
    /// assert!(view.deadline_passed(1_000));
    /// ```
    pub fn deadline_passed(&self, now: u64) -> bool {
        self.presentation.deadline.is_some_and(|d| now >= d)
    }

    /// Whether the candidate may ask for more time at `now` (Unix seconds):
    /// the deadline is at most [`EXTENSION_WINDOW_SECONDS`] away or past, a
    /// question is still unanswered, and no request is waiting for an answer.
    ///
    /// ```
    /// let mut view = recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample());
    /// assert!(!view.may_ask_for_time(0), "no deadline, nothing to extend");
    /// view.presentation.deadline = Some(1_000_000);
    /// assert!(!view.may_ask_for_time(0), "the deadline is far away");
    /// assert!(view.may_ask_for_time(1_000_001));
    /// ```
    pub fn may_ask_for_time(&self, now: u64) -> bool {
        let near = self
            .presentation
            .deadline
            .is_some_and(|d| now.saturating_add(EXTENSION_WINDOW_SECONDS) >= d);
        near && self.has_time_to_give()
    }

    /// What [`SessionView::may_ask_for_time`] asks beside the clock: there
    /// is a deadline, a question is still unanswered, and no request is
    /// waiting for an answer.
    ///
    /// ```
    /// let mut view = recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample());
    /// assert!(!view.has_time_to_give());
    /// view.presentation.deadline = Some(1_000_000);
    /// assert!(view.has_time_to_give());
    /// ```
    pub fn has_time_to_give(&self) -> bool {
        let waiting = self
            .extension
            .as_ref()
            .is_some_and(|e| e.status == ExtensionStatus::Pending);
        self.presentation.deadline.is_some()
            && !waiting
            && self.questions.iter().any(|q| !q.submitted)
    }

    /// The place of question `id` in the interview, from 1.
    ///
    /// ```
    /// let view = recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample());
    /// assert_eq!(view.number_of("q2"), Some(2));
    /// assert_eq!(view.number_of("practice"), None);
    /// ```
    pub fn number_of(&self, id: &str) -> Option<usize> {
        self.questions
            .iter()
            .position(|q| q.id == id)
            .map(|i| i + 1)
    }
}

/// A revealed question (`POST /api/questions/{id}/reveal`). Revealing again
/// returns the same question with less think time: it never restarts.
///
/// ```
/// let q: recorder_core::model::RevealedQuestion = serde_json::from_str(r#"{"id": "q1",
///   "prompt": {"text": "Why us?"}, "think_seconds": 30, "answer_seconds": 90,
///   "attempts_left": 2, "think_left_ms": 12000}"#).unwrap();
/// assert_eq!(q.think_left_ms, 12_000);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevealedQuestion {
    /// The question's id.
    pub id: String,
    /// What is asked.
    pub prompt: Prompt,
    /// Think time in all.
    pub think_seconds: u32,
    /// The longest answer.
    pub answer_seconds: u32,
    /// Takes that may still be started.
    pub attempts_left: u32,
    /// Think time left now, counted from the first reveal.
    pub think_left_ms: u64,
}
