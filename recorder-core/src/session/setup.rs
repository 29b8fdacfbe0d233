//! Before the first take: the overview, the consent the interview asks for,
//! then the device check (the camera opens; continue once the microphone
//! has heard sound for a moment), or, where the browser has no camera API,
//! the device's camera app instead.

use super::{
    Action, DeviceProblem, Devices, Event, Flow, Phase, Purpose, Session, SessionError, Stage,
    MAX_LEVEL_GAP, MIC_CONFIRM, TEST_VIDEO_LIMIT,
};
use crate::level::Level;
use crate::model::{Consent, ConsentDecision};
use std::time::Duration;

impl Session {
    /// What `event` does on the overview, the consent or the device check.
    pub(super) fn handle_setup(
        &mut self,
        now: Duration,
        event: Event,
    ) -> Result<Vec<Action>, SessionError> {
        let heard = matches!(self.stage, Stage::DeviceCheck { heard: true, .. });
        match (&self.stage, event) {
            (_, Event::TakeKept(question)) => {
                self.warmed_up = true;
                self.pending_take = Some(question);
                Ok(Vec::new())
            }
            (Stage::Overview, Event::Start) => match self.consent_to_ask() {
                Some(_) => {
                    self.stage = Stage::Consent { sending: false };
                    Ok(Vec::new())
                }
                None => self.open_devices(heard),
            },
            (Stage::Consent { sending: false }, event @ (Event::Agree | Event::Decline)) => {
                let agree = event == Event::Agree;
                let Some(text_sha256) = self.consent_to_ask().map(|c| c.text_sha256()) else {
                    return Err(SessionError::not_now(&event, &self.stage));
                };
                self.stage = Stage::Consent { sending: true };
                Ok(vec![Action::AnswerConsent(ConsentDecision {
                    agree,
                    text_sha256,
                })])
            }
            (Stage::Consent { sending: true }, Event::ConsentRecorded(answer)) => {
                let agreed = answer.agreed;
                self.view.consent_answer = Some(answer);
                match agreed {
                    true => self.open_devices(false),
                    false => {
                        self.stage = Stage::Declined;
                        Ok(Vec::new())
                    }
                }
            }
            (Stage::Consent { sending: true }, Event::ServerRefused(_)) => {
                self.stage = Stage::Consent { sending: false };
                Ok(Vec::new())
            }
            (Stage::DeviceCheck { .. }, Event::DevicesOpened) => {
                self.stage = Stage::DeviceCheck {
                    devices: Devices::Open,
                    heard,
                    sound: self.sound.advice(),
                };
                Ok(Vec::new())
            }
            (Stage::DeviceCheck { .. }, Event::DevicesFailed(problem)) => {
                self.stage = Stage::DeviceCheck {
                    devices: Devices::Failed(problem),
                    heard,
                    sound: self.sound.advice(),
                };
                Ok(Vec::new())
            }
            (
                Stage::DeviceCheck {
                    devices: Devices::Failed(_),
                    ..
                },
                Event::RetryDevices,
            ) => self.open_devices(heard),
            (
                Stage::DeviceCheck {
                    devices:
                        Devices::Failed(DeviceProblem::Unsupported | DeviceProblem::InAppBrowser),
                    ..
                },
                Event::UseCameraApp,
            ) => {
                // Nothing to check, and no test video: the camera app is the
                // candidate's own. The practice question stays (its video is
                // played back here, never sent).
                self.camera_app = true;
                let practice = (self.view.practice.clone())
                    .filter(|_| !self.warmed_up && self.pending_take.is_none());
                self.warmed_up = true;
                match practice {
                    Some(practice) => self.open_question(now, &practice.id),
                    None => self.leave_device_check(),
                }
            }
            (Stage::DeviceCheck { devices, .. }, Event::ContinueFromDeviceCheck) => {
                if *devices != Devices::Open {
                    return Err(SessionError::not_now(
                        &Event::ContinueFromDeviceCheck,
                        &self.stage,
                    ));
                }
                if !heard {
                    return Err(SessionError::MicrophoneNotHeard);
                }
                self.leave_device_check()
            }
            (stage, event) => Err(SessionError::not_now(&event, stage)),
        }
    }

    /// The interview's consent text, while the candidate has not agreed to it.
    fn consent_to_ask(&self) -> Option<&Consent> {
        let agreed = self.view.consent_answer.as_ref().is_some_and(|a| a.agreed);
        self.view.presentation.consent.as_ref().filter(|_| !agreed)
    }

    /// Asks for the camera and microphone (again), keeping what was heard.
    fn open_devices(&mut self, heard: bool) -> Result<Vec<Action>, SessionError> {
        self.stage = Stage::DeviceCheck {
            devices: Devices::Opening,
            heard,
            sound: self.sound.advice(),
        };
        Ok(vec![Action::OpenDevices])
    }

    /// Back to a take kept on the device, else to the test video the first
    /// time, or to the question list.
    fn leave_device_check(&mut self) -> Result<Vec<Action>, SessionError> {
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

    /// Takes a reading of the microphone: it counts towards the sound the
    /// device check waits for, and towards its advice; while recording,
    /// towards how much of the take is silent.
    pub(super) fn hear(&mut self, now: Duration, level: Level) {
        // Each sound reading counts for the time since the previous reading
        // (a long gap counts as at most MAX_LEVEL_GAP): sound adds up.
        if let Some(last) = self.last_level_at.filter(|_| level.is_sound()) {
            self.heard_for += now.saturating_sub(last).min(MAX_LEVEL_GAP);
        }
        self.last_level_at = Some(now);
        self.sound.handle_level(level);
        match &mut self.stage {
            Stage::DeviceCheck { heard, sound, .. } => {
                *heard |= self.heard_for >= MIC_CONFIRM;
                *sound = self.sound.advice();
            }
            Stage::TestVideo(flow) | Stage::Question(flow)
                if matches!(flow.phase, Phase::Recording { .. }) =>
            {
                self.take_sound.handle_level(level);
            }
            _ => {}
        }
    }
}
