//! The bitrate and picture size of the next take, from the uplink and the
//! interview's quality range.

use crate::model::Quality;
use std::time::Duration;

/// The part of the measured uplink a recording may use, in percent: the
/// rest absorbs the encoder's peaks and the connection's dips.
pub const UPLINK_SHARE_PERCENT: u64 = 66;

/// The video bitrate when the uplink is not known (yet), within the range.
const UNMEASURED_VIDEO_BPS: u64 = 1_000_000;
/// Sound beside video on a link that carries it easily.
const AUDIO_BPS: u32 = 64_000;
/// Sound on a slow link, and sound alone (Opus speech stays clear).
const LOW_AUDIO_BPS: u32 = 32_000;
/// Below this budget, sound gets [`LOW_AUDIO_BPS`].
const LOW_AUDIO_BELOW_BPS: u64 = 500_000;
/// How often the recorder hands over a chunk: after Stop, the last one is
/// still to send.
const CHUNK: Duration = Duration::from_secs(1);

/// The picture of a take: its bitrate and the height it is captured at.
///
/// ```
/// let plan = recorder_core::uplink::RecordingPlan::choose(Some(600_000), Default::default(), false);
/// assert_eq!(plan.video.unwrap().height, 360);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VideoPlan {
    /// The video encoder's target, in bits per second.
    pub bits_per_second: u32,
    /// The camera's height in pixels (360, 480 or 720), so that the picture
    /// is sharp at that bitrate rather than large and blurred.
    pub height: u32,
}

/// How the next take is recorded, and what the candidate is told about it.
///
/// ```
/// use recorder_core::model::Quality;
/// use recorder_core::uplink::RecordingPlan;
/// let allows = Quality { floor_kbps: 600, audio_only: true, ..Default::default() };
/// let slow = RecordingPlan::choose(Some(500_000), allows, false);
/// assert!(!slow.fits && slow.audio_only_offered);
/// let chosen = RecordingPlan::choose(Some(500_000), allows, true);
/// assert_eq!((chosen.video, chosen.fits), (None, true));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordingPlan {
    /// The picture, or `None` for an answer in sound only.
    pub video: Option<VideoPlan>,
    /// The sound's target, in bits per second.
    pub audio_bits_per_second: u32,
    /// The link carries the recording as it is made (also when it is not
    /// measured yet): answers finish moments after Stop.
    pub fits: bool,
    /// Even the floor's video does not fit and the interview allows sound only.
    pub audio_only_offered: bool,
}

impl RecordingPlan {
    /// The plan for an `uplink` in bits per second (`None`: not measured),
    /// within `quality`; `audio_only` is the candidate's choice, kept only
    /// when the interview allows it.
    ///
    /// ```
    /// use recorder_core::uplink::RecordingPlan;
    /// let fast = RecordingPlan::choose(Some(50_000_000), Default::default(), false);
    /// assert_eq!(fast.video.unwrap().bits_per_second, 2_500_000); // the ceiling
    /// let unknown = RecordingPlan::choose(None, Default::default(), false);
    /// assert_eq!(unknown.video.unwrap().bits_per_second, 1_000_000);
    /// ```
    pub fn choose(uplink: Option<u64>, quality: Quality, audio_only: bool) -> RecordingPlan {
        let budget = uplink.map(|u| u * UPLINK_SHARE_PERCENT / 100);
        let floor = u64::from(quality.floor_kbps) * 1000;
        let ceiling = u64::from(quality.ceiling_kbps) * 1000;
        let audio = match budget {
            Some(b) if b < LOW_AUDIO_BELOW_BPS => LOW_AUDIO_BPS,
            _ => AUDIO_BPS,
        };
        let video = budget
            .map_or(UNMEASURED_VIDEO_BPS, |b| b.saturating_sub(audio.into()))
            .clamp(floor, ceiling);
        let fits_within = |bits: u64| budget.is_none_or(|b| bits <= b);
        let audio_only_offered = quality.audio_only && !fits_within(video + u64::from(audio));
        if audio_only && quality.audio_only {
            return RecordingPlan {
                video: None,
                audio_bits_per_second: LOW_AUDIO_BPS,
                fits: fits_within(LOW_AUDIO_BPS.into()),
                audio_only_offered,
            };
        }
        RecordingPlan {
            video: Some(VideoPlan {
                bits_per_second: video as u32,
                height: match video {
                    1_500_000.. => 720,
                    500_000.. => 480,
                    _ => 360,
                },
            }),
            audio_bits_per_second: audio,
            fits: fits_within(video + u64::from(audio)),
            audio_only_offered,
        }
    }

    /// Video and sound together, in bits per second.
    ///
    /// ```
    /// let plan = recorder_core::uplink::RecordingPlan::choose(None, Default::default(), false);
    /// assert_eq!(plan.total_bits_per_second(), 1_064_000);
    /// ```
    pub fn total_bits_per_second(&self) -> u64 {
        self.video.map_or(0, |v| u64::from(v.bits_per_second))
            + u64::from(self.audio_bits_per_second)
    }

    /// Roughly how long an answer of `answer` takes to finish uploading
    /// after Stop on an `uplink` of so many bits per second: the last chunk
    /// when the link keeps up, plus the backlog the answer built when it
    /// does not.
    ///
    /// ```
    /// use recorder_core::uplink::RecordingPlan;
    /// use std::time::Duration;
    /// let plan = RecordingPlan::choose(Some(500_000), Default::default(), false);
    /// assert!(plan.wait_after_stop(500_000, Duration::from_secs(60)) < Duration::from_secs(1));
    /// ```
    pub fn wait_after_stop(&self, uplink: u64, answer: Duration) -> Duration {
        let rate = self.total_bits_per_second() as f64;
        let uplink = uplink.max(1) as f64;
        let backlog = answer.as_secs_f64() * (rate - uplink).max(0.0) / uplink;
        Duration::from_secs_f64(backlog + CHUNK.as_secs_f64() * rate / uplink)
    }
}
