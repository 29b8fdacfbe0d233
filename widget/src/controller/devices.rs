//! The camera and microphone: opened, watched, measured and let go.

use super::Ctx;
use crate::host_events::ErrorDetail;
use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use leptos::prelude::*;
use recorder_core::session::{DeviceProblem, Event};
use recorder_core::web::level_meter::LevelMeter;
use recorder_core::web::media::{self, MediaError, MediaRequest};
use wasm_bindgen::JsCast;
use web_sys::MediaStream;

/// How often the microphone level is read.
const METER_INTERVAL_MS: u32 = 100;

/// Reads (2 s) the audio engine gets to start before the level counts as unavailable.
const METER_START_READS: u32 = 20;

impl Ctx {
    /// Turns the camera and microphone off (the interview is done, or the
    /// recorder leaves the page). Safe to call when parts are already gone.
    pub fn release_devices(&self) {
        let _ = self.media.try_update_value(|m| {
            m.meter = None;
            if let Some(recording) = m.recording.take() {
                recording.stop();
            }
        });
        if let Some(Some(stream)) = self.stream.try_update_untracked(Option::take) {
            media::stop(&stream);
        }
    }

    /// No level can be read here: say so, and let the candidate go on.
    fn meter_unavailable(&self) {
        self.level_unavailable.set(true);
        self.dispatch(Event::LevelUnavailable);
    }

    pub(super) async fn open_devices(&self) {
        match media::open(&MediaRequest::default()).await {
            Ok(stream) => {
                let ctx = self.clone();
                match LevelMeter::new(&stream) {
                    Ok(mut meter) => {
                        let mut suspended_reads = 0u32;
                        let interval = Interval::new(METER_INTERVAL_MS, move || {
                            if !meter.is_running() {
                                suspended_reads += 1;
                                if suspended_reads == METER_START_READS {
                                    ctx.meter_unavailable();
                                }
                                return;
                            }
                            let level = meter.read();
                            ctx.level.set(level.percent());
                            ctx.dispatch(Event::Level(level));
                        });
                        self.media.update_value(|m| m.meter = Some(interval));
                    }
                    Err(_) => self.meter_unavailable(),
                }
                self.watch_tracks(&stream);
                self.stream.set(Some(stream));
                self.dispatch(Event::DevicesOpened);
                self.check_link();
            }
            Err(error) => {
                let problem = problem(&error);
                if problem == DeviceProblem::NotAllowed {
                    self.emit(
                        "permission-denied",
                        &ErrorDetail {
                            code: "media",
                            message: error.to_string(),
                            reason: None,
                        },
                    );
                }
                self.dispatch(Event::DevicesFailed(problem));
            }
        }
    }

    /// A camera or microphone that goes away ends the take as a technical
    /// failure; one the device pauses (a phone's lock) stops the recording.
    pub(super) fn watch_tracks(&self, stream: &MediaStream) {
        let listeners = stream
            .get_tracks()
            .iter()
            .flat_map(|track| {
                let (ended, muted) = (self.clone(), self.clone());
                [
                    // A recording stops first, so that its last chunk is kept.
                    EventListener::new(track.unchecked_ref(), "ended", move |_| {
                        if !ended.interrupt("device-lost") {
                            ended.dispatch(Event::TechnicalFailure(ended.t.get("device-lost")));
                        }
                    }),
                    EventListener::new(track.unchecked_ref(), "mute", move |_| {
                        muted.interrupt("camera-paused");
                    }),
                ]
            })
            .collect();
        self.media.update_value(|m| m.tracks = listeners);
    }

    /// Whether the camera or microphone went away (a track ended).
    pub(super) fn devices_lost(&self) -> bool {
        self.stream.with_untracked(|stream| {
            stream.as_ref().is_none_or(|stream| {
                stream.get_tracks().iter().any(|track| {
                    track
                        .unchecked_into::<web_sys::MediaStreamTrack>()
                        .ready_state()
                        == web_sys::MediaStreamTrackState::Ended
                })
            })
        })
    }
}

fn problem(error: &MediaError) -> DeviceProblem {
    match error {
        MediaError::NotAllowed => DeviceProblem::NotAllowed,
        MediaError::NotFound => DeviceProblem::NotFound,
        MediaError::NotReadable => DeviceProblem::Busy,
        MediaError::Overconstrained(_) => DeviceProblem::Overconstrained,
        MediaError::InsecureContext => DeviceProblem::InsecureContext,
        MediaError::InAppBrowser(_) => DeviceProblem::InAppBrowser,
        MediaError::Unsupported => DeviceProblem::Unsupported,
        MediaError::Other(_) => DeviceProblem::Other,
    }
}
