//! The candidate's session as a state machine; time is an input.
//!
//! Overview → device check (continue only once the microphone has heard
//! sound for a moment) → test video (local; re-record or "looks good") →
//! practice question (local) → question list → reveal → think countdown
//! (recording starts at zero, or earlier on "Record") → recording (stops by
//! itself at the limit) → review (submit, or retake while attempts remain) →
//! done. A technical failure ends the take without costing an attempt, at
//! most [`MAX_TECHNICAL_FAILURES`] times per question.
//!
//! Feed it [`Event`]s with the current time and run the [`Action`]s it
//! returns; call [`Session::handle_timeout`] at [`Session::poll_timeout`].
//!
//! ```
//! use recorder_core::model::{Interview, SessionView};
//! use recorder_core::session::{Action, Event, Session, Stage};
//! use std::time::Duration;
//!
//! let mut session = Session::new(SessionView::overview(&Interview::sample()));
//! let t = Duration::ZERO;
//! assert_eq!(session.handle_event(t, Event::Start).unwrap(), vec![Action::OpenDevices]);
//! session.handle_event(t, Event::DevicesOpened).unwrap();
//! assert!(session.handle_event(t, Event::ContinueFromDeviceCheck).is_err(), "microphone not heard yet");
//! for step in 0..4 {
//!     session.handle_event(t + step * Duration::from_millis(100), Event::Level { rms: 0.2 }).unwrap();
//! }
//! session.handle_event(t, Event::ContinueFromDeviceCheck).unwrap();
//! assert!(matches!(session.stage(), Stage::TestVideo(_)));
//! ```

mod event;
mod stage;

pub use event::{Action, DeviceProblem, Event};
pub use stage::{Devices, Flow, Phase, Purpose, Stage};

use crate::level::SOUND_THRESHOLD;
use crate::model::SessionView;
use std::time::Duration;

/// How much sound, in all, the microphone must hear before recording is allowed.
pub const MIC_CONFIRM: Duration = Duration::from_millis(300);

/// The most one gap between two level readings adds to the time sound was heard.
const MAX_LEVEL_GAP: Duration = Duration::from_millis(200);

/// The longest test video.
pub const TEST_VIDEO_LIMIT: Duration = Duration::from_secs(15);

/// Technical failures per question that do not cost an attempt.
pub const MAX_TECHNICAL_FAILURES: u32 = 2;

/// Why an event was not accepted; the session is unchanged.
///
/// ```
/// use recorder_core::session::{Event, Session, SessionError};
/// let mut s = Session::new(recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample()));
/// assert!(matches!(s.handle_event(Default::default(), Event::Stop), Err(SessionError::NotNow { .. })));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    /// The event makes no sense on the current screen.
    #[error("{event} is not possible on the {stage} screen")]
    NotNow {
        /// The event's name.
        event: &'static str,
        /// The screen's name.
        stage: &'static str,
    },
    /// The microphone has not heard sound yet.
    #[error("say something first: recording starts once your microphone has been heard")]
    MicrophoneNotHeard,
    /// No such question in this interview.
    #[error("this interview has no question \"{0}\"")]
    UnknownQuestion(String),
    /// The question was already answered.
    #[error("question \"{0}\" was already submitted")]
    AlreadySubmitted(String),
    /// Every attempt at the question is used.
    #[error("no attempts are left for question \"{0}\"")]
    NoAttemptsLeft(String),
}

/// One candidate's way through an interview. See the [module documentation](self).
///
/// ```
/// let s = recorder_core::session::Session::new(recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample()));
/// assert_eq!(s.poll_timeout(), None);
/// ```
#[derive(Clone, Debug)]
pub struct Session {
    view: SessionView,
    stage: Stage,
    heard_for: Duration,
    last_level_at: Option<Duration>,
    warmed_up: bool,
    pending_take: Option<String>,
}

impl Session {
    /// A session on the overview screen. If the server's view shows progress
    /// (a reload), the device check leads straight to the question list.
    ///
    /// ```
    /// let s = recorder_core::session::Session::new(recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample()));
    /// assert_eq!(s.stage(), &recorder_core::session::Stage::Overview);
    /// ```
    pub fn new(view: SessionView) -> Session {
        let warmed_up = view
            .questions
            .iter()
            .any(|q| q.attempts_used > 0 || q.revealed || q.submitted);
        let stage = if !view.questions.is_empty() && view.questions.iter().all(|q| q.submitted) {
            Stage::Done
        } else {
            Stage::Overview
        };
        Session {
            view,
            stage,
            heard_for: Duration::ZERO,
            last_level_at: None,
            warmed_up,
            pending_take: None,
        }
    }

    /// The current screen.
    ///
    /// ```
    /// let s = recorder_core::session::Session::new(recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample()));
    /// assert!(matches!(s.stage(), recorder_core::session::Stage::Overview));
    /// ```
    pub fn stage(&self) -> &Stage {
        &self.stage
    }

    /// The questions with their rules and the candidate's progress.
    ///
    /// ```
    /// let s = recorder_core::session::Session::new(recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample()));
    /// assert_eq!(s.view().questions.len(), 3);
    /// ```
    pub fn view(&self) -> &SessionView {
        &self.view
    }

    /// Takes left for a question (practice: its own attempts; unknown: 0).
    ///
    /// ```
    /// let s = recorder_core::session::Session::new(recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample()));
    /// assert_eq!(s.attempts_left("q1"), 3);
    /// ```
    pub fn attempts_left(&self, question: &str) -> u32 {
        self.view
            .questions
            .iter()
            .find(|q| q.id == question)
            .map(|q| q.attempts.saturating_sub(q.attempts_used))
            .or_else(|| {
                self.view
                    .practice
                    .as_ref()
                    .filter(|p| p.id == question)
                    .map(|p| p.attempts)
            })
            .unwrap_or(0)
    }

    /// When [`Session::handle_timeout`] must run next (think time or the answer limit ends).
    ///
    /// ```
    /// let s = recorder_core::session::Session::new(recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample()));
    /// assert_eq!(s.poll_timeout(), None);
    /// ```
    pub fn poll_timeout(&self) -> Option<Duration> {
        match self.flow()?.phase {
            Phase::Thinking { until } | Phase::Recording { until, .. } => Some(until),
            _ => None,
        }
    }

    /// Lets time pass: think time ending starts the recording, the answer
    /// limit stops it.
    ///
    /// ```
    /// let mut s = recorder_core::session::Session::new(recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample()));
    /// assert!(s.handle_timeout(std::time::Duration::from_secs(60)).is_empty());
    /// ```
    pub fn handle_timeout(&mut self, now: Duration) -> Vec<Action> {
        let Some(flow) = self.flow() else {
            return Vec::new();
        };
        match flow.phase {
            Phase::Thinking { until } if now >= until => vec![self.start_recording()],
            Phase::Recording { until, .. } if now >= until => {
                self.set_phase(Phase::Stopping);
                vec![Action::StopRecording]
            }
            _ => Vec::new(),
        }
    }

    /// Takes an event at time `now`; returns what the edges must do.
    ///
    /// ```
    /// use recorder_core::session::{Action, Event, Session};
    /// let mut s = Session::new(recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample()));
    /// assert_eq!(s.handle_event(Default::default(), Event::Start), Ok(vec![Action::OpenDevices]));
    /// ```
    pub fn handle_event(
        &mut self,
        now: Duration,
        event: Event,
    ) -> Result<Vec<Action>, SessionError> {
        let mut actions = self.transition(now, event)?;
        actions.extend(self.handle_timeout(now));
        Ok(actions)
    }

    fn transition(&mut self, now: Duration, event: Event) -> Result<Vec<Action>, SessionError> {
        let phase = self.flow().map(|f| f.phase.clone());
        let purpose = self.flow().map(|f| f.purpose.clone());
        match (&self.stage, phase, event) {
            (_, _, Event::Level { rms }) => {
                self.hear(now, rms);
                Ok(Vec::new())
            }
            (_, _, Event::LevelUnavailable) => {
                self.heard_for = self.heard_for.max(MIC_CONFIRM);
                self.hear(now, 0.0);
                Ok(Vec::new())
            }
            (Stage::Overview | Stage::DeviceCheck { .. }, _, Event::TakeKept(question)) => {
                self.warmed_up = true;
                self.pending_take = Some(question);
                Ok(Vec::new())
            }
            (Stage::Overview, _, Event::Start) => {
                self.stage = Stage::DeviceCheck {
                    devices: Devices::Opening,
                    heard: false,
                };
                Ok(vec![Action::OpenDevices])
            }
            (Stage::DeviceCheck { heard, .. }, _, Event::DevicesOpened) => {
                self.stage = Stage::DeviceCheck {
                    devices: Devices::Open,
                    heard: *heard,
                };
                Ok(Vec::new())
            }
            (Stage::DeviceCheck { heard, .. }, _, Event::DevicesFailed(problem)) => {
                self.stage = Stage::DeviceCheck {
                    devices: Devices::Failed(problem),
                    heard: *heard,
                };
                Ok(Vec::new())
            }
            (
                Stage::DeviceCheck {
                    devices: Devices::Failed(_),
                    heard,
                },
                _,
                Event::RetryDevices,
            ) => {
                self.stage = Stage::DeviceCheck {
                    devices: Devices::Opening,
                    heard: *heard,
                };
                Ok(vec![Action::OpenDevices])
            }
            (Stage::DeviceCheck { devices, heard }, _, Event::ContinueFromDeviceCheck) => {
                if *devices != Devices::Open {
                    return Err(not_now("Continue", &self.stage));
                }
                if !heard {
                    return Err(SessionError::MicrophoneNotHeard);
                }
                if let Some(question) = self.pending_take.clone() {
                    self.stage = Stage::Questions;
                    return self.reveal(&question);
                }
                self.stage = if self.warmed_up {
                    Stage::Questions
                } else {
                    Stage::TestVideo(Flow {
                        purpose: Purpose::Test,
                        phase: Phase::Ready,
                        prompt: None,
                        limit: TEST_VIDEO_LIMIT,
                    })
                };
                Ok(Vec::new())
            }
            (Stage::TestVideo(_), Some(Phase::Review), Event::TestLooksGood) => {
                self.warmed_up = true;
                match self.view.practice.clone() {
                    Some(practice) => self.open_question(now, &practice.id).map(|mut a| {
                        a.insert(0, Action::DiscardTake);
                        a
                    }),
                    None => {
                        self.stage = Stage::Questions;
                        Ok(vec![Action::DiscardTake])
                    }
                }
            }
            (
                Stage::TestVideo(_) | Stage::Question(_),
                Some(Phase::Ready | Phase::Thinking { .. } | Phase::Failed { .. }),
                Event::Record,
            ) => {
                self.ensure_attempt_left()?;
                Ok(vec![self.start_recording()])
            }
            (
                Stage::TestVideo(_) | Stage::Question(_),
                Some(Phase::Review),
                Event::Record | Event::Retake,
            ) => {
                self.ensure_attempt_left()?;
                Ok(vec![Action::DiscardTake, self.start_recording()])
            }
            (_, Some(Phase::Starting), Event::RecordingStarted) => {
                let limit = self.flow().map(|f| f.limit).unwrap_or_default();
                self.set_phase(Phase::Recording {
                    since: now,
                    until: now + limit,
                });
                Ok(Vec::new())
            }
            (_, Some(Phase::Recording { .. }), Event::Stop) => {
                self.set_phase(Phase::Stopping);
                Ok(vec![Action::StopRecording])
            }
            (_, Some(Phase::Recording { .. } | Phase::Stopping), Event::RecordingStopped) => {
                self.set_phase(Phase::Review);
                Ok(Vec::new())
            }
            (
                _,
                Some(Phase::Starting | Phase::Recording { .. } | Phase::Stopping),
                Event::TechnicalFailure(reason),
            ) => {
                if let Some(Purpose::Answer(id)) = &purpose {
                    self.refund_attempt(id);
                }
                self.set_phase(Phase::Failed { reason });
                Ok(vec![Action::DiscardTake])
            }
            (Stage::Questions, _, Event::ViewQuestion(id)) => self.open_question(now, &id),
            (
                Stage::Question(_),
                Some(Phase::Revealing),
                Event::Revealed {
                    question,
                    prompt,
                    think_left,
                },
            ) => {
                if Some(&Purpose::Answer(question.clone())) != purpose.as_ref() {
                    return Err(SessionError::UnknownQuestion(question));
                }
                if let Some(q) = self.view.questions.iter_mut().find(|q| q.id == question) {
                    q.revealed = true;
                }
                let pending = self.pending_take.take_if(|p| *p == question).is_some();
                if let Stage::Question(flow) = &mut self.stage {
                    flow.prompt = Some(prompt);
                    flow.phase = if pending {
                        Phase::Review
                    } else {
                        Phase::Thinking {
                            until: now + think_left,
                        }
                    };
                }
                Ok(Vec::new())
            }
            (Stage::Question(_), Some(Phase::Review), Event::Submit) => match purpose {
                Some(Purpose::Answer(id)) => {
                    self.set_phase(Phase::Submitting);
                    Ok(vec![Action::SubmitTake(id)])
                }
                _ => {
                    self.stage = Stage::Questions;
                    Ok(vec![Action::DiscardTake])
                }
            },
            (Stage::Question(_), Some(Phase::Submitting), Event::Submitted) => {
                if let Some(Purpose::Answer(id)) = &purpose {
                    if let Some(q) = self.view.questions.iter_mut().find(|q| &q.id == id) {
                        q.submitted = true;
                    }
                }
                if self.view.questions.iter().all(|q| q.submitted) {
                    self.stage = Stage::Done;
                    Ok(vec![Action::Complete])
                } else {
                    self.stage = Stage::Questions;
                    Ok(Vec::new())
                }
            }
            (Stage::Question(_), Some(Phase::Submitting), Event::ServerRefused(_)) => {
                self.set_phase(Phase::Review);
                Ok(Vec::new())
            }
            (Stage::Question(_), Some(Phase::Revealing), Event::ServerRefused(_)) => {
                self.stage = Stage::Questions;
                Ok(Vec::new())
            }
            (stage, _, event) => Err(not_now(event_name(&event), stage)),
        }
    }

    fn flow(&self) -> Option<&Flow> {
        match &self.stage {
            Stage::TestVideo(flow) | Stage::Question(flow) => Some(flow),
            _ => None,
        }
    }

    fn set_phase(&mut self, phase: Phase) {
        if let Stage::TestVideo(flow) | Stage::Question(flow) = &mut self.stage {
            flow.phase = phase;
        }
    }

    fn hear(&mut self, now: Duration, rms: f32) {
        // Each sound reading counts for the time since the previous reading
        // (a long gap counts as at most MAX_LEVEL_GAP): sound adds up.
        if let Some(last) = self.last_level_at.filter(|_| rms >= SOUND_THRESHOLD) {
            self.heard_for += now.saturating_sub(last).min(MAX_LEVEL_GAP);
        }
        self.last_level_at = Some(now);
        if let Stage::DeviceCheck { heard, .. } = &mut self.stage {
            *heard |= self.heard_for >= MIC_CONFIRM;
        }
    }

    fn open_question(&mut self, now: Duration, id: &str) -> Result<Vec<Action>, SessionError> {
        if let Some(practice) = self.view.practice.as_ref().filter(|p| p.id == id) {
            self.stage = Stage::Question(Flow {
                purpose: Purpose::Practice(practice.id.clone()),
                phase: Phase::Thinking {
                    until: now + Duration::from_secs(practice.think_seconds.into()),
                },
                prompt: Some(practice.prompt.clone()),
                limit: Duration::from_secs(practice.answer_seconds.into()),
            });
            return Ok(Vec::new());
        }
        if self.attempts_left(id) == 0
            && self
                .view
                .questions
                .iter()
                .any(|q| q.id == id && !q.submitted)
        {
            return Err(SessionError::NoAttemptsLeft(id.to_string()));
        }
        self.reveal(id)
    }

    /// Opens an answer flow for question `id`, waiting for the server to
    /// reveal it (first time, or again after a reload: the server never
    /// restarts think time).
    fn reveal(&mut self, id: &str) -> Result<Vec<Action>, SessionError> {
        let question = self
            .view
            .questions
            .iter()
            .find(|q| q.id == id)
            .ok_or_else(|| SessionError::UnknownQuestion(id.to_string()))?;
        if question.submitted {
            return Err(SessionError::AlreadySubmitted(id.to_string()));
        }
        self.stage = Stage::Question(Flow {
            purpose: Purpose::Answer(id.to_string()),
            phase: Phase::Revealing,
            prompt: None,
            limit: Duration::from_secs(question.answer_seconds.into()),
        });
        Ok(vec![Action::Reveal(id.to_string())])
    }

    fn ensure_attempt_left(&self) -> Result<(), SessionError> {
        match self.flow().map(|f| &f.purpose) {
            Some(Purpose::Answer(id)) if self.attempts_left(id) == 0 => {
                Err(SessionError::NoAttemptsLeft(id.clone()))
            }
            _ => Ok(()),
        }
    }

    fn start_recording(&mut self) -> Action {
        let purpose = self
            .flow()
            .map(|f| f.purpose.clone())
            .unwrap_or(Purpose::Test);
        if let Purpose::Answer(id) = &purpose {
            if let Some(q) = self.view.questions.iter_mut().find(|q| &q.id == id) {
                q.attempts_used += 1;
            }
        }
        self.set_phase(Phase::Starting);
        Action::StartRecording(purpose)
    }

    fn refund_attempt(&mut self, id: &str) {
        if let Some(q) = self.view.questions.iter_mut().find(|q| q.id == id) {
            if q.technical_failures < MAX_TECHNICAL_FAILURES {
                q.technical_failures += 1;
                q.attempts_used = q.attempts_used.saturating_sub(1);
            }
        }
    }
}

fn not_now(event: &'static str, stage: &Stage) -> SessionError {
    SessionError::NotNow {
        event,
        stage: match stage {
            Stage::Overview => "overview",
            Stage::DeviceCheck { .. } => "device check",
            Stage::TestVideo(_) => "test video",
            Stage::Questions => "question list",
            Stage::Question(_) => "question",
            Stage::Done => "done",
        },
    }
}

fn event_name(event: &Event) -> &'static str {
    match event {
        Event::Start => "Start",
        Event::TakeKept(_) => "Take kept on the device",
        Event::DevicesOpened => "Devices opened",
        Event::DevicesFailed(_) => "Devices failed",
        Event::RetryDevices => "Try again",
        Event::Level { .. } => "Level",
        Event::LevelUnavailable => "Level unavailable",
        Event::ContinueFromDeviceCheck => "Continue",
        Event::Record => "Record",
        Event::Stop => "Stop",
        Event::RecordingStarted => "Recording started",
        Event::RecordingStopped => "Recording stopped",
        Event::TestLooksGood => "Looks good",
        Event::ViewQuestion(_) => "View question",
        Event::Revealed { .. } => "Revealed",
        Event::Submit => "Submit answer",
        Event::Retake => "Retake",
        Event::Submitted => "Submitted",
        Event::TechnicalFailure(_) => "Technical failure",
        Event::ServerRefused(_) => "Server refusal",
    }
}

#[cfg(test)]
mod tests;
