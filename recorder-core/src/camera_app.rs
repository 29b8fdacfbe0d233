//! Answers recorded with the device's own camera app, where the browser has
//! no camera API (an app's webview, an old browser) but can hand over a file
//! (`<input type="file" accept="video/*" capture="user">`).
//!
//! The camera app cannot be told the answer's limit (w3c/html-media-capture#23),
//! so its length is checked afterwards: by the recorder before it sends the
//! file (when the browser can read its duration), and by the server, which
//! decides. A camera app records at its own bitrate, well above what the
//! recorder would choose: such a take may be larger.
//!
//! ```
//! use recorder_core::camera_app::{check, FileProblem};
//! use std::time::Duration;
//! assert_eq!(check(Some(Duration::from_secs(61)), 20_000_000, 60), Ok(()));
//! assert!(matches!(check(Some(Duration::from_secs(75)), 20_000_000, 60), Err(FileProblem::TooLong { .. })));
//! ```

use std::time::Duration;

/// The `source` upload metadata of a take made with the camera app.
pub const SOURCE: &str = "camera-app";

/// How far past the answer limit a camera app's video may run: the candidate
/// starts and stops it by hand, and containers round their durations.
pub const TOLERANCE: Duration = Duration::from_secs(3);

/// The highest bitrate taken from a camera app, in bytes per second
/// (32 Mbit/s: a phone's 1080p in H.264, or 4K in HEVC).
pub const MAX_BYTES_PER_SECOND: u64 = 4_000_000;

/// Room on top of the bitrate bound, for the container.
const HEADROOM_BYTES: u64 = 16 << 20;

/// Why a camera app's video cannot be the answer.
///
/// ```
/// let problem = recorder_core::camera_app::FileProblem::Empty;
/// assert_eq!(problem.to_string(), "the video is empty");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FileProblem {
    /// Longer than the answer may be.
    #[error("the video is {seconds} s long; answers may be at most {limit_seconds} s")]
    TooLong {
        /// Its length, in whole seconds (rounded up).
        seconds: u64,
        /// The answer's limit, in seconds.
        limit_seconds: u32,
    },
    /// Larger than an answer of this length may be.
    #[error(
        "the video is {bytes} bytes; answers of {limit_seconds} s may be at most {max_bytes} bytes"
    )]
    TooLarge {
        /// Its size.
        bytes: u64,
        /// The most allowed.
        max_bytes: u64,
        /// The answer's limit, in seconds.
        limit_seconds: u32,
    },
    /// No bytes at all.
    #[error("the video is empty")]
    Empty,
}

/// The most bytes a camera app's answer of `answer_seconds` may have.
///
/// ```
/// assert_eq!(recorder_core::camera_app::max_bytes(60), 60 * 4_000_000 + (16 << 20));
/// ```
pub fn max_bytes(answer_seconds: u32) -> u64 {
    u64::from(answer_seconds) * MAX_BYTES_PER_SECOND + HEADROOM_BYTES
}

/// Whether a video of `duration` fits an answer of `answer_seconds`, with
/// [`TOLERANCE`].
///
/// ```
/// use std::time::Duration;
/// use recorder_core::camera_app::fits;
/// assert!(fits(Duration::from_millis(62_900), 60));
/// assert!(!fits(Duration::from_millis(63_100), 60));
/// ```
pub fn fits(duration: Duration, answer_seconds: u32) -> bool {
    duration <= Duration::from_secs(answer_seconds.into()) + TOLERANCE
}

/// Checks a camera app's video of `bytes` (and `duration`, when it could be
/// read) against an answer of `answer_seconds`.
///
/// ```
/// use recorder_core::camera_app::{check, FileProblem};
/// assert_eq!(check(None, 0, 60), Err(FileProblem::Empty));
/// assert!(matches!(check(None, 10_000_000_000, 60), Err(FileProblem::TooLarge { .. })));
/// assert_eq!(check(None, 1_000, 60), Ok(()), "an unknown length is the server's to judge");
/// ```
pub fn check(
    duration: Option<Duration>,
    bytes: u64,
    answer_seconds: u32,
) -> Result<(), FileProblem> {
    if bytes == 0 {
        return Err(FileProblem::Empty);
    }
    if let Some(duration) = duration.filter(|d| !fits(*d, answer_seconds)) {
        return Err(FileProblem::TooLong {
            seconds: duration.as_secs() + u64::from(duration.subsec_nanos() > 0),
            limit_seconds: answer_seconds,
        });
    }
    let max_bytes = max_bytes(answer_seconds);
    if bytes > max_bytes {
        return Err(FileProblem::TooLarge {
            bytes,
            max_bytes,
            limit_seconds: answer_seconds,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_length_just_past_the_tolerance_is_too_long_and_says_its_whole_seconds() {
        assert_eq!(
            check(Some(Duration::from_millis(33_001)), 5, 30),
            Err(FileProblem::TooLong {
                seconds: 34,
                limit_seconds: 30
            })
        );
        assert_eq!(check(Some(Duration::from_secs(33)), 5, 30), Ok(()));
    }

    #[test]
    fn the_size_bound_grows_with_the_answer() {
        let bytes = max_bytes(30) + 1;
        assert!(check(None, bytes, 30).is_err());
        assert_eq!(check(None, bytes, 31), Ok(()));
    }
}
