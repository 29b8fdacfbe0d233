//! What the session hears from the candidate and the edges, and what it asks of them.

use super::stage::Purpose;
use crate::level::Level;
use crate::model::{ConsentAnswer, ConsentDecision, Extension, ExtensionAsk, Prompt};
use std::time::Duration;

/// Something that happened: a candidate's click, a device or server answer.
///
/// ```
/// use recorder_core::session::Event;
/// use recorder_core::level::Level;
/// let event = Event::Level(Level::from_samples(&[0.2, -0.2]));
/// assert!(matches!(event, Event::Level(_)));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// "Start interview" on the overview.
    Start,
    /// "I agree" to the interview's consent text.
    Agree,
    /// "I do not agree".
    Decline,
    /// The server recorded the candidate's answer to the consent text.
    ConsentRecorded(ConsentAnswer),
    /// "Ask for more time" on the overview (near or past the deadline).
    AskForTime,
    /// "Send request" with the candidate's note to the hiring team.
    SendExtension(String),
    /// "Back" from the request, unsent.
    CloseExtension,
    /// The server keeps the request (or the one it already had).
    ExtensionRecorded(Extension),
    /// A take of this question was found kept on the device from an earlier
    /// visit (a reload, a closed tab); it goes on uploading. Heard on the
    /// overview or in the device check: after the check, the candidate lands
    /// in its review instead of the test video, and it costs no attempt.
    TakeKept(String),
    /// The camera and microphone are open.
    DevicesOpened,
    /// Opening them failed.
    DevicesFailed(DeviceProblem),
    /// "Try again" after a device problem.
    RetryDevices,
    /// "Record with your camera app" where the browser has no camera API:
    /// answers are videos the device's camera app makes
    /// ([`crate::camera_app`]); each take is started by the candidate.
    UseCameraApp,
    /// A reading of the microphone (about ten a second, also while recording).
    Level(Level),
    /// The browser cannot measure the microphone's level (its audio engine
    /// never starts, e.g. on a machine without any audio output). The
    /// candidate is not held back: the test video is where they hear themselves.
    LevelUnavailable,
    /// "Continue" from the device check (only once the microphone was heard).
    ContinueFromDeviceCheck,
    /// The uplink, measured (by the connection check, then by each take's
    /// requests), in bits per second.
    Uplink(u64),
    /// The candidate chose to answer with sound only (`true`), or with video
    /// after all, where the interview allows it.
    SoundOnly(bool),
    /// "Record" (the test video, or a question before its think time ends).
    Record,
    /// "Stop" while recording.
    Stop,
    /// The recorder really started.
    RecordingStarted,
    /// The recorder stopped and handed over its last bytes.
    RecordingStopped,
    /// "Looks good" after the test video.
    TestLooksGood,
    /// "View question" for a question in the list (practice included).
    ViewQuestion(String),
    /// The server revealed a question.
    Revealed {
        /// The question.
        question: String,
        /// Its prompt.
        prompt: Prompt,
        /// Think time left, as the server counts it from the first reveal.
        think_left: Duration,
    },
    /// "Submit answer" in review.
    Submit,
    /// "Retake" in review.
    Retake,
    /// The server accepted the submitted take.
    Submitted,
    /// The take failed for a technical reason (device lost, recorder error).
    TechnicalFailure(String),
    /// A server refusal or error for the current step.
    ServerRefused(String),
}

impl Event {
    /// What the event is called in messages ("Record is not possible on the overview screen").
    ///
    /// ```
    /// assert_eq!(recorder_core::session::Event::Retake.name(), "Retake");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            Event::Start => "Start",
            Event::Agree => "I agree",
            Event::Decline => "I do not agree",
            Event::ConsentRecorded(_) => "Consent recorded",
            Event::AskForTime => "Ask for more time",
            Event::SendExtension(_) => "Send request",
            Event::CloseExtension => "Back",
            Event::ExtensionRecorded(_) => "Request recorded",
            Event::TakeKept(_) => "Take kept on the device",
            Event::DevicesOpened => "Devices opened",
            Event::DevicesFailed(_) => "Devices failed",
            Event::RetryDevices => "Try again",
            Event::UseCameraApp => "Record with your camera app",
            Event::Level(_) => "Level",
            Event::LevelUnavailable => "Level unavailable",
            Event::ContinueFromDeviceCheck => "Continue",
            Event::Uplink(_) => "Uplink measured",
            Event::SoundOnly(true) => "Answer with sound only",
            Event::SoundOnly(false) => "Answer with video",
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
}

/// Why the devices could not be opened; each gets its own help.
///
/// ```
/// use recorder_core::session::{DeviceProblem, Event};
/// let event = Event::DevicesFailed(DeviceProblem::Busy);
/// assert_ne!(event, Event::DevicesFailed(DeviceProblem::NotAllowed));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeviceProblem {
    /// Permission refused.
    NotAllowed,
    /// No camera or microphone.
    NotFound,
    /// Held by another application.
    Busy,
    /// No device satisfies the constraints.
    Overconstrained,
    /// Not HTTPS.
    InsecureContext,
    /// No getUserMedia (old browser).
    Unsupported,
    /// An app's built-in browser that cannot use the camera.
    InAppBrowser,
    /// Anything else.
    Other,
}

/// What the session asks the edges to do.
///
/// ```
/// use recorder_core::session::Action;
/// assert_ne!(Action::OpenDevices, Action::StopRecording);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Tell the server the candidate's answer to the consent text.
    AnswerConsent(ConsentDecision),
    /// Send the hiring team the candidate's request for more time.
    RequestExtension(ExtensionAsk),
    /// Ask for the camera and microphone.
    OpenDevices,
    /// Start the recorder; takes for questions are uploaded while recorded.
    StartRecording(Purpose),
    /// Stop the recorder.
    StopRecording,
    /// Ask the server to reveal a question (starts its think time there).
    Reveal(String),
    /// The current take is not kept: drop it locally (and on the server if uploaded).
    DiscardTake,
    /// Tell the server which take answers the question.
    SubmitTake(String),
    /// Tell the server the interview is complete.
    Complete,
    /// How takes are recorded changed ([`super::Session::recording_plan`]):
    /// the next one follows it.
    PlanRecording,
}
