//! The microphone's level, from raw samples, and whether it has heard sound.

/// One reading of the microphone.
///
/// ```
/// let level = recorder_core::level::Level::from_samples(&[0.5, -0.5, 0.5, -0.5]);
/// assert!((level.rms - 0.5).abs() < 1e-6);
/// assert!(!level.clipping);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Level {
    /// Root mean square of the samples, 0.0 to 1.0.
    pub rms: f32,
    /// The largest absolute sample.
    pub peak: f32,
    /// Whether any sample reached full scale.
    pub clipping: bool,
}

/// The RMS above which the microphone counts as hearing sound (about -40 dBFS).
pub const SOUND_THRESHOLD: f32 = 0.01;

impl Level {
    /// Measures time-domain samples in -1.0..=1.0.
    ///
    /// ```
    /// assert_eq!(recorder_core::level::Level::from_samples(&[]).rms, 0.0);
    /// ```
    pub fn from_samples(samples: &[f32]) -> Level {
        if samples.is_empty() {
            return Level::default();
        }
        let sum: f32 = samples.iter().map(|s| s * s).sum();
        let peak = samples.iter().fold(0.0f32, |m, s| m.max(s.abs()));
        Level {
            rms: (sum / samples.len() as f32).sqrt(),
            peak,
            clipping: peak >= 0.999,
        }
    }

    /// Whether this reading is sound rather than silence.
    ///
    /// ```
    /// use recorder_core::level::Level;
    /// assert!(Level::from_samples(&[0.2, -0.2]).is_sound());
    /// assert!(!Level::from_samples(&[0.001, -0.001]).is_sound());
    /// ```
    pub fn is_sound(&self) -> bool {
        self.rms >= SOUND_THRESHOLD
    }

    /// The level on a 0-100 scale that follows loudness (log scale over 60 dB),
    /// for a meter a person reads.
    ///
    /// ```
    /// use recorder_core::level::Level;
    /// assert_eq!(Level::from_samples(&[1.0, -1.0]).percent(), 100);
    /// assert_eq!(Level::from_samples(&[0.0]).percent(), 0);
    /// ```
    pub fn percent(&self) -> u8 {
        if self.rms <= 0.0 {
            return 0;
        }
        let db = 20.0 * self.rms.log10();
        ((db + 60.0) / 60.0 * 100.0).clamp(0.0, 100.0).round() as u8
    }
}
