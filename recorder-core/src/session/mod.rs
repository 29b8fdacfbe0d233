//! The candidate's session as a state machine; time is an input.
//!
//! Overview (or, near the deadline, a request for more time) → consent
//! (when the interview asks for it; declining ends here) → device check (continue only once the microphone has heard
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
//! use recorder_core::level::Level;
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
//!     session.handle_event(t + step * Duration::from_millis(100), Event::Level(Level::from_samples(&[0.2, -0.2]))).unwrap();
//! }
//! session.handle_event(t, Event::ContinueFromDeviceCheck).unwrap();
//! assert!(matches!(session.stage(), Stage::TestVideo(_)));
//! ```

mod event;
mod extension;
mod setup;
mod stage;
mod step;
mod take_flow;

pub use event::{Action, DeviceProblem, Event};
pub use stage::{Devices, Flow, Phase, Purpose, Stage};
pub use step::Step;

use crate::level::Level;
use crate::model::{ExtensionNoteError, SessionView};
use crate::sound_check::{SoundCheck, TakeSound};
use crate::uplink::RecordingPlan;
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
    /// The note asking for more time cannot be sent as written.
    #[error(transparent)]
    ExtensionNote(#[from] ExtensionNoteError),
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
    sound: SoundCheck,
    take_sound: TakeSound,
    last_level_at: Option<Duration>,
    warmed_up: bool,
    pending_take: Option<String>,
    uplink: Option<u64>,
    sound_only: bool,
    camera_app: bool,
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
        let declined = view.consent_answer.as_ref().is_some_and(|a| !a.agreed);
        let stage = if declined {
            Stage::Declined
        } else if !view.questions.is_empty() && view.questions.iter().all(|q| q.submitted) {
            Stage::Done
        } else {
            Stage::Overview
        };
        Session {
            view,
            stage,
            heard_for: Duration::ZERO,
            sound: SoundCheck::default(),
            take_sound: TakeSound::default(),
            last_level_at: None,
            warmed_up,
            pending_take: None,
            uplink: None,
            sound_only: false,
            camera_app: false,
        }
    }

    /// How the next take is recorded: its bitrate and picture from the
    /// uplink last measured, within the interview's quality range, in sound
    /// only if the candidate chose it where it was offered.
    ///
    /// ```
    /// use recorder_core::model::{Interview, SessionView};
    /// use recorder_core::session::{Event, Session};
    /// let mut s = Session::new(SessionView::overview(&Interview::sample()));
    /// assert_eq!(s.recording_plan().video.unwrap().bits_per_second, 1_000_000); // not measured yet
    /// s.handle_event(std::time::Duration::ZERO, Event::Uplink(500_000)).unwrap();
    /// assert!(s.recording_plan().total_bits_per_second() <= 333_333);
    /// ```
    pub fn recording_plan(&self) -> RecordingPlan {
        let quality = self.view.presentation.quality.unwrap_or_default();
        RecordingPlan::choose(self.uplink, quality, self.sound_only)
    }

    /// The uplink last measured, in bits per second.
    ///
    /// ```
    /// let s = recorder_core::session::Session::new(recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample()));
    /// assert_eq!(s.uplink(), None);
    /// ```
    pub fn uplink(&self) -> Option<u64> {
        self.uplink
    }

    /// Whether answers are recorded by the device's camera app
    /// ([`Event::UseCameraApp`]): each take starts when the candidate hands
    /// over its video, never by itself.
    ///
    /// ```
    /// let s = recorder_core::session::Session::new(recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample()));
    /// assert!(!s.camera_app());
    /// ```
    pub fn camera_app(&self) -> bool {
        self.camera_app
    }

    /// Whether recording waits for the candidate when think time ends: their
    /// accommodations say so, or the camera app records.
    ///
    /// ```
    /// let s = recorder_core::session::Session::new(recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample()));
    /// assert!(!s.starts_by_hand());
    /// ```
    pub fn starts_by_hand(&self) -> bool {
        self.view.manual_start() || self.camera_app
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
        self.view.attempts_left(question)
    }

    /// When [`Session::handle_timeout`] must run next (think time or the answer limit ends).
    ///
    /// ```
    /// let s = recorder_core::session::Session::new(recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample()));
    /// assert_eq!(s.poll_timeout(), None);
    /// ```
    pub fn poll_timeout(&self) -> Option<Duration> {
        match self.flow()?.phase {
            Phase::Thinking { until } if !self.starts_by_hand() => Some(until),
            Phase::Recording { until, .. } => Some(until),
            _ => None,
        }
    }

    /// Lets time pass: think time ending starts the recording (unless the
    /// candidate starts it: their accommodations say so, or the camera app
    /// records), the answer limit stops it.
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
            Phase::Thinking { until } if now >= until && !self.starts_by_hand() => {
                vec![self.start_recording()]
            }
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

    /// Routes `event` to the part of the session it belongs to.
    fn transition(&mut self, now: Duration, event: Event) -> Result<Vec<Action>, SessionError> {
        match (&self.stage, event) {
            (_, Event::Level(level)) => {
                self.hear(now, level);
                Ok(Vec::new())
            }
            (_, Event::Uplink(bits_per_second)) => {
                self.uplink = Some(bits_per_second);
                Ok(vec![Action::PlanRecording])
            }
            (Stage::DeviceCheck { .. }, Event::SoundOnly(on))
                if self.recording_plan().audio_only_offered || self.sound_only =>
            {
                self.sound_only = on;
                Ok(vec![Action::PlanRecording])
            }
            (_, Event::LevelUnavailable) => {
                self.heard_for = self.heard_for.max(MIC_CONFIRM);
                self.hear(now, Level::default());
                Ok(Vec::new())
            }
            (
                Stage::Overview,
                event @ (Event::AskForTime | Event::SendExtension(_) | Event::CloseExtension),
            )
            | (Stage::Extension { .. }, event) => self.handle_extension(event),
            (Stage::Overview | Stage::Consent { .. } | Stage::DeviceCheck { .. }, event) => {
                self.handle_setup(now, event)
            }
            (Stage::TestVideo(_) | Stage::Question(_), event) => self.handle_flow(now, event),
            (Stage::Questions, Event::ViewQuestion(id)) => self.open_question(now, &id),
            (stage, event) => Err(SessionError::not_now(&event, stage)),
        }
    }
}

impl SessionError {
    /// `event` makes no sense on `stage`.
    fn not_now(event: &Event, stage: &Stage) -> SessionError {
        SessionError::NotNow {
            event: event.name(),
            stage: stage.name(),
        }
    }
}

#[cfg(test)]
mod tests;
