//! The recording quality an interview allows: the video bitrate's floor and
//! ceiling, and whether a candidate whose connection cannot carry even the
//! floor may answer with audio only.

use serde::{Deserialize, Serialize};

/// The lowest video bitrate an interview may set as its floor, in kbit/s.
pub const MIN_VIDEO_KBPS: u32 = 100;
/// The highest video bitrate an interview may set as its ceiling, in kbit/s
/// (the server accepts up to 8 Mbit/s for video and sound together).
pub const MAX_VIDEO_KBPS: u32 = 6000;

/// How good answers' video may be, and what happens on a connection too slow
/// for the worst of it.
///
/// ```
/// let q: recorder_core::model::Quality = serde_json::from_str(r#"{"floor_kbps": 300, "audio_only": true}"#).unwrap();
/// assert_eq!((q.floor_kbps, q.ceiling_kbps, q.audio_only), (300, 2500, true));
/// assert!(q.validate().is_ok());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quality {
    /// No answer's video is recorded below this bitrate, in kbit/s.
    #[serde(default = "default_floor")]
    pub floor_kbps: u32,
    /// Nor above this one, however fast the connection, in kbit/s.
    #[serde(default = "default_ceiling")]
    pub ceiling_kbps: u32,
    /// A candidate whose connection cannot carry the floor is offered to
    /// answer with sound only.
    #[serde(default)]
    pub audio_only: bool,
}

fn default_floor() -> u32 {
    150
}

fn default_ceiling() -> u32 {
    2500
}

impl Default for Quality {
    fn default() -> Self {
        Quality {
            floor_kbps: default_floor(),
            ceiling_kbps: default_ceiling(),
            audio_only: false,
        }
    }
}

/// Why a quality range cannot be used.
///
/// ```
/// use recorder_core::model::{Quality, QualityError};
/// let q = Quality { floor_kbps: 900, ceiling_kbps: 600, audio_only: false };
/// assert_eq!(q.validate(), Err(QualityError::Range { floor: 900, ceiling: 600 }));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QualityError {
    /// The floor is above the ceiling, or either is out of bounds.
    #[error("quality: floor_kbps {floor} and ceiling_kbps {ceiling} must satisfy {MIN_VIDEO_KBPS} <= floor <= ceiling <= {MAX_VIDEO_KBPS}")]
    Range {
        /// The floor asked for.
        floor: u32,
        /// The ceiling asked for.
        ceiling: u32,
    },
}

impl Quality {
    /// Checks the floor and ceiling are in order and in bounds.
    ///
    /// ```
    /// let q = recorder_core::model::Quality { floor_kbps: 50, ..Default::default() };
    /// assert!(q.validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<(), QualityError> {
        let (floor, ceiling) = (self.floor_kbps, self.ceiling_kbps);
        if floor < MIN_VIDEO_KBPS || floor > ceiling || ceiling > MAX_VIDEO_KBPS {
            return Err(QualityError::Range { floor, ceiling });
        }
        Ok(())
    }
}
