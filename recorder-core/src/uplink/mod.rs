//! How fast the candidate's connection carries bytes to the upload server,
//! and what that allows: a scratch upload measures it during the device
//! check ([`Probe`]), every answer's requests keep measuring it
//! ([`Uplink`]), and each take is recorded at a bitrate the link carries as
//! it is recorded ([`RecordingPlan`]), so that an answer is on the server
//! moments after Stop. A take whose backlog grew lowers the estimate, and
//! with it the next take's bitrate.
//!
//! ```
//! use recorder_core::model::Quality;
//! use recorder_core::uplink::{RecordingPlan, Uplink};
//! use std::time::Duration;
//! let mut uplink = Uplink::default();
//! uplink.record(256 * 1024, Duration::from_millis(4200)); // ~500 kbit/s
//! let plan = RecordingPlan::choose(uplink.bits_per_second(), Quality::default(), false);
//! assert!(plan.total_bits_per_second() <= 500_000 * 2 / 3);
//! ```

mod plan;
mod probe;

pub use plan::{RecordingPlan, VideoPlan, UPLINK_SHARE_PERCENT};
pub use probe::{Probe, ProbeError, PROBE_BYTES, PROBE_PURPOSE};

use std::collections::VecDeque;
use std::time::Duration;

/// Requests with smaller bodies than this say more about the round trip
/// than about the link; they are not counted.
pub const MIN_SAMPLE_BYTES: u64 = 16 * 1024;

/// How many of the latest requests the estimate weighs.
const SAMPLES: usize = 6;

/// The uplink as the latest requests with a body measured it: bytes over
/// the time from sending to the answer, weighted by size, so a large probe
/// counts more than a small chunk.
///
/// ```
/// use std::time::Duration;
/// let mut uplink = recorder_core::uplink::Uplink::default();
/// assert_eq!(uplink.bits_per_second(), None);
/// uplink.record(62_500, Duration::from_secs(1));
/// assert_eq!(uplink.bits_per_second(), Some(500_000));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Uplink {
    samples: VecDeque<(u64, Duration)>,
}

impl Uplink {
    /// A request carried `bytes` and was answered `elapsed` after it was sent.
    ///
    /// ```
    /// use std::time::Duration;
    /// let mut uplink = recorder_core::uplink::Uplink::default();
    /// uplink.record(100, Duration::from_millis(1)); // too small to tell
    /// assert_eq!(uplink.bits_per_second(), None);
    /// ```
    pub fn record(&mut self, bytes: u64, elapsed: Duration) {
        if bytes < MIN_SAMPLE_BYTES || elapsed.is_zero() {
            return;
        }
        self.samples.push_back((bytes, elapsed));
        if self.samples.len() > SAMPLES {
            self.samples.pop_front();
        }
    }

    /// The estimate, in bits per second, once a request measured it.
    ///
    /// ```
    /// use std::time::Duration;
    /// let mut uplink = recorder_core::uplink::Uplink::default();
    /// uplink.record(1_000_000, Duration::from_secs(1));
    /// uplink.record(20_000, Duration::from_secs(1));
    /// assert_eq!(uplink.bits_per_second(), Some(4_080_000)); // by bytes, not by request
    /// ```
    pub fn bits_per_second(&self) -> Option<u64> {
        let bytes: u64 = self.samples.iter().map(|(b, _)| b).sum();
        let time: Duration = self.samples.iter().map(|(_, t)| *t).sum();
        (!time.is_zero()).then(|| (bytes as f64 * 8.0 / time.as_secs_f64()) as u64)
    }
}

#[cfg(test)]
mod tests;
