//! Where the candidate is: one value per screen, with what it needs to render.

use crate::model::Prompt;
use crate::sound_check::SoundAdvice;
use std::time::Duration;

use super::event::DeviceProblem;

/// The screen the candidate is on.
///
/// ```
/// use recorder_core::session::{Session, Stage};
/// let session = Session::new(recorder_core::model::SessionView::overview(&recorder_core::model::Interview::sample()));
/// assert_eq!(session.stage(), &Stage::Overview);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Stage {
    /// Questions, attempts, answer length; "Start interview".
    Overview,
    /// The interview's consent text, with "I agree" and "I do not agree"
    /// (before the camera opens, when the interview has one).
    Consent {
        /// The answer is on its way to the server.
        sending: bool,
    },
    /// The candidate did not agree: nothing is recorded.
    Declined,
    /// A note to the hiring team asking for more time (from the overview).
    Extension {
        /// The request is on its way to the server.
        sending: bool,
    },
    /// Camera preview and microphone level.
    DeviceCheck {
        /// Whether the devices are open, opening, or failed.
        devices: Devices,
        /// Whether the microphone has heard sound long enough.
        heard: bool,
        /// What its sound says: too quiet, clipping, no speech, good.
        sound: SoundAdvice,
    },
    /// A short local recording, played back; never uploaded.
    TestVideo(Flow),
    /// The list of questions with their status.
    Questions,
    /// One question (the practice question included): think, record, review.
    Question(Flow),
    /// Every question was submitted.
    Done,
}

impl Stage {
    /// What the screen is called in messages.
    ///
    /// ```
    /// assert_eq!(recorder_core::session::Stage::Questions.name(), "question list");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            Stage::Overview => "overview",
            Stage::Consent { .. } => "consent",
            Stage::Declined => "declined",
            Stage::Extension { .. } => "request for more time",
            Stage::DeviceCheck { .. } => "device check",
            Stage::TestVideo(_) => "test video",
            Stage::Questions => "question list",
            Stage::Question(_) => "question",
            Stage::Done => "done",
        }
    }
}

/// The devices' state in the device check.
///
/// ```
/// use recorder_core::session::{Devices, Stage};
/// use recorder_core::sound_check::SoundAdvice;
/// let stage = Stage::DeviceCheck { devices: Devices::Opening, heard: false, sound: SoundAdvice::Listening };
/// assert!(matches!(stage, Stage::DeviceCheck { devices: Devices::Opening, .. }));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Devices {
    /// Waiting for permission.
    Opening,
    /// Camera and microphone are live.
    Open,
    /// They could not be opened.
    Failed(DeviceProblem),
}

/// What a recording is for.
///
/// ```
/// use recorder_core::session::Purpose;
/// assert_ne!(Purpose::Test, Purpose::Answer("q1".into()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// The test video: local only.
    Test,
    /// The practice question: local only.
    Practice(String),
    /// A real answer, uploaded while recorded.
    Answer(String),
}

/// Progress through one recording: the test video or a question.
///
/// ```
/// use recorder_core::session::{Flow, Phase, Purpose};
/// let flow = Flow { purpose: Purpose::Test, phase: Phase::Ready, prompt: None, limit: std::time::Duration::from_secs(15) };
/// assert_eq!(flow.phase, Phase::Ready);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    /// What the recording is for.
    pub purpose: Purpose,
    /// Where in the flow the candidate is.
    pub phase: Phase,
    /// The question's prompt once revealed (none for the test video).
    pub prompt: Option<Prompt>,
    /// The longest the recording may be.
    pub limit: Duration,
}

/// A step of a [`Flow`].
///
/// ```
/// use recorder_core::session::Phase;
/// let phase = Phase::Thinking { until: std::time::Duration::from_secs(30) };
/// assert!(matches!(phase, Phase::Thinking { .. }));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// Waiting for the server to reveal the question.
    Revealing,
    /// Think time: recording starts by itself at `until` (or on "Record").
    Thinking {
        /// When think time ends.
        until: Duration,
    },
    /// Nothing recorded yet; "Record" starts (the test video).
    Ready,
    /// The recorder was asked to start.
    Starting,
    /// Recording; it stops by itself at `until`.
    Recording {
        /// When recording began.
        since: Duration,
        /// When the answer limit is reached.
        until: Duration,
    },
    /// The recorder was asked to stop.
    Stopping,
    /// Play the take back; submit or retake.
    Review {
        /// Most of the take was silent: worth a word before it is kept.
        mostly_silent: bool,
    },
    /// Waiting for the server to accept the take.
    Submitting,
    /// The take failed for a technical reason; a new take is possible.
    Failed {
        /// What went wrong, for the candidate.
        reason: String,
    },
}
