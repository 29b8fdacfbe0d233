//! The candidate's connection: measured during the device check, then by
//! every take's requests; each take is recorded at the bitrate and picture
//! size the session plans from it ([`recorder_core::uplink`]).

use super::Ctx;
use crate::host_events::RecordingPlanned;
use leptos::prelude::*;
use recorder_core::session::Event;
use recorder_core::uplink::RecordingPlan;
use recorder_core::upload::{Backoff, UploadConfig};
use recorder_core::web::{media, probe_driver};
use std::time::Duration;

/// Where the connection check is.
///
/// ```ignore
/// let link = RwSignal::new(LinkCheck::NotStarted);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkCheck {
    /// Not begun (the device check has not opened the camera yet).
    NotStarted,
    /// The scratch upload is on its way.
    Checking,
    /// Measured, in bits per second.
    Measured(u64),
    /// No measure (the server refused the check, or did not answer): takes
    /// start at a middle quality and adapt as they upload.
    Unmeasured,
}

/// The connection check, and how the next take is recorded: one signal, as
/// the device check shows them together.
///
/// ```ignore
/// let link = RwSignal::new(Link::default());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    /// Where the check is.
    pub check: LinkCheck,
    /// The session's plan for the next take.
    pub plan: RecordingPlan,
}

impl Default for Link {
    fn default() -> Self {
        Link {
            check: LinkCheck::NotStarted,
            plan: RecordingPlan::choose(None, Default::default(), false),
        }
    }
}

impl Ctx {
    /// Where answers and the connection check go, with the invite's token.
    pub(super) fn upload_config(&self) -> UploadConfig {
        let mut config = UploadConfig::new(format!("{}/uploads", self.options.api))
            .with_header("Authorization", format!("Bearer {}", self.options.invite));
        config.backoff = Backoff::new(
            Duration::from_millis(500),
            Duration::from_secs(30),
            (js_sys::Math::random() * u64::MAX as f64) as u64,
        );
        config
    }

    /// Measures the uplink once, in the background: the candidate may go on
    /// meanwhile.
    pub(super) fn check_link(&self) {
        if self.link.get_untracked().check != LinkCheck::NotStarted {
            return;
        }
        self.link.update(|link| link.check = LinkCheck::Checking);
        let ctx = self.clone();
        self.spawn(async move {
            match probe_driver::measure(ctx.upload_config()).await {
                Ok(Ok(bits_per_second)) => {
                    ctx.link
                        .update(|link| link.check = LinkCheck::Measured(bits_per_second));
                    ctx.dispatch(Event::Uplink(bits_per_second));
                }
                Ok(Err(error)) => {
                    ctx.link.update(|link| link.check = LinkCheck::Unmeasured);
                    web_sys::console::warn_1(&error.to_string().into());
                    ctx.plan_recording();
                }
                Err(error) => ctx.fail("upload", &error),
            }
        });
    }

    /// After a take: what its requests measured moves the plan of the next.
    pub(super) fn remeasure_link(&self) {
        let measured = self
            .update_takes(|takes| takes.uplink().bits_per_second())
            .flatten();
        if let Some(bits_per_second) = measured {
            self.dispatch(Event::Uplink(bits_per_second));
        }
    }

    /// Takes the session's plan for the next take and tells the host page:
    /// the picture's size is set now, the bitrates when the take starts.
    pub(super) fn plan_recording(&self) {
        let Some((plan, uplink)) = self
            .session
            .with_value(|s| s.as_ref().map(|s| (s.recording_plan(), s.uplink())))
        else {
            return;
        };
        self.emit(
            "recording-planned",
            &RecordingPlanned {
                uplink_bits_per_second: uplink,
                video_bits_per_second: plan.video.map(|v| v.bits_per_second),
                height: plan.video.map(|v| v.height),
                audio_bits_per_second: plan.audio_bits_per_second,
                fits: plan.fits,
                sound_only_offered: plan.audio_only_offered,
            },
        );
        self.link.update(|link| link.plan = plan);
        // Not while recording: the picture changes size between takes.
        let recording = self.media.with_value(|m| m.recording.is_some());
        if let (Some(video), Some(stream), false) =
            (plan.video, self.stream.get_untracked(), recording)
        {
            self.spawn(async move { media::fit_height(&stream, video.height).await });
        }
    }
}
