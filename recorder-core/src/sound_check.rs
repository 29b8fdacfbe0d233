//! What the microphone's sound says about the recording to come: too quiet,
//! clipping, a steady noise without speech, or good; and, for a take,
//! whether most of it was silent. Fed with [`Level`] readings (about ten a
//! second); decides from the last few seconds, so the advice follows the
//! candidate as they move closer or turn a volume down.

use crate::level::{Level, SOUND_THRESHOLD};
use std::collections::VecDeque;

/// Readings the advice is decided from (about three seconds).
const WINDOW: usize = 30;

/// Readings needed before any advice (about two seconds).
const FIRST_ADVICE: usize = 20;

/// Clipped readings in the window that make it "clipping".
const CLIPPED_READINGS: usize = 2;

/// Below this RMS (about -34 dBFS) even the loud moments are too quiet to hear well.
const TOO_QUIET: f32 = 0.02;

/// Below this RMS (-60 dBFS) there is nothing to hear at all: a muted or silent microphone.
const NOTHING: f32 = 0.001;

/// Speech rises and falls between words and syllables: loud moments at
/// least this many times the quiet ones (6 dB). A fan, traffic or a hum
/// stays within it.
const SPEECH_SWING: f32 = 2.0;

/// Share of a take's readings that must be silent for it to count as mostly silent.
const MOSTLY_SILENT: f32 = 0.75;

/// Readings a take needs before it may count as mostly silent (about a second).
const TAKE_READINGS: u32 = 10;

/// What the device check tells the candidate about their sound.
///
/// ```
/// use recorder_core::sound_check::{SoundAdvice, SoundCheck};
/// assert_eq!(SoundCheck::default().advice(), SoundAdvice::Listening);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SoundAdvice {
    /// Too little heard yet to say (or nothing at all: say something).
    #[default]
    Listening,
    /// Speech at a good level.
    Good,
    /// Heard, but faintly: move closer, or turn the input volume up.
    TooQuiet,
    /// So loud it distorts: move back, or turn the input volume down.
    Clipping,
    /// A steady sound, no rise and fall of speech: a fan, traffic, music.
    NoSpeech,
}

impl SoundAdvice {
    /// Its name, for translation keys and `data-` attributes.
    ///
    /// ```
    /// assert_eq!(recorder_core::sound_check::SoundAdvice::TooQuiet.name(), "too-quiet");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            SoundAdvice::Listening => "listening",
            SoundAdvice::Good => "good",
            SoundAdvice::TooQuiet => "too-quiet",
            SoundAdvice::Clipping => "clipping",
            SoundAdvice::NoSpeech => "no-speech",
        }
    }
}

/// The last few seconds of readings and the advice they give. A pause
/// keeps the advice the candidate's voice last earned: only sound that
/// rises and falls like speech, or a loud steady noise, changes it.
///
/// ```
/// use recorder_core::level::Level;
/// use recorder_core::sound_check::{SoundAdvice, SoundCheck};
/// let mut check = SoundCheck::default();
/// for i in 0..30 {
///     // Faint syllables (-46 dBFS) and the pauses between them.
///     let sample = if i % 2 == 0 { 0.005 } else { 0.0005 };
///     check.handle_level(Level::from_samples(&[sample, -sample]));
/// }
/// assert_eq!(check.advice(), SoundAdvice::TooQuiet);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SoundCheck {
    recent: VecDeque<Level>,
    readings: usize,
    advice: SoundAdvice,
}

impl SoundCheck {
    /// Takes one reading of the microphone.
    pub fn handle_level(&mut self, level: Level) {
        if self.recent.len() == WINDOW {
            self.recent.pop_front();
        }
        self.recent.push_back(level);
        self.readings += 1;
        if self.readings >= FIRST_ADVICE {
            let verdict = self.verdict();
            if verdict != SoundAdvice::Listening {
                self.advice = verdict;
            }
        }
    }

    /// What the candidate's sound says so far.
    pub fn advice(&self) -> SoundAdvice {
        self.advice
    }

    /// What the last few seconds alone say.
    fn verdict(&self) -> SoundAdvice {
        let clipped = self.recent.iter().filter(|l| l.clipping).count();
        if clipped >= CLIPPED_READINGS {
            return SoundAdvice::Clipping;
        }
        let mut rms: Vec<f32> = self.recent.iter().map(|l| l.rms).collect();
        rms.sort_by(f32::total_cmp);
        let at = |share: f32| rms[((rms.len() - 1) as f32 * share).round() as usize];
        let (quiet, loud) = (at(0.1), at(0.9));
        let swings = loud >= quiet * SPEECH_SWING;
        match (loud, swings) {
            (loud, _) if loud < NOTHING => SoundAdvice::Listening,
            (loud, true) if loud < TOO_QUIET => SoundAdvice::TooQuiet,
            // A faint steady sound: the room, the candidate silent.
            (loud, false) if loud < TOO_QUIET => SoundAdvice::Listening,
            (_, false) => SoundAdvice::NoSpeech,
            (_, true) => SoundAdvice::Good,
        }
    }
}

/// How much of a take was silent, counted from its readings.
///
/// ```
/// use recorder_core::level::Level;
/// let mut take = recorder_core::sound_check::TakeSound::default();
/// for _ in 0..20 {
///     take.handle_level(Level::default());
/// }
/// assert!(take.mostly_silent());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TakeSound {
    readings: u32,
    silent: u32,
}

impl TakeSound {
    /// Takes one reading made while recording.
    pub fn handle_level(&mut self, level: Level) {
        self.readings += 1;
        self.silent += u32::from(level.rms < SOUND_THRESHOLD);
    }

    /// Whether most of the take (three quarters of it) was silent.
    pub fn mostly_silent(&self) -> bool {
        self.readings >= TAKE_READINGS && self.silent as f32 >= self.readings as f32 * MOSTLY_SILENT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2048 samples (a reading) of `signal` at `t` seconds, 48 kHz.
    fn reading(t: f64, signal: impl Fn(f64) -> f64) -> Level {
        let samples: Vec<f32> = (0..2048)
            .map(|i| signal(t + i as f64 / 48_000.0).clamp(-1.0, 1.0) as f32)
            .collect();
        Level::from_samples(&samples)
    }

    /// Five seconds of readings, ten a second.
    fn advice_for(signal: impl Fn(f64) -> f64) -> SoundAdvice {
        let mut check = SoundCheck::default();
        for i in 0..50 {
            check.handle_level(reading(i as f64 / 10.0, &signal));
        }
        check.advice()
    }

    /// A voice: a 140 Hz buzz with harmonics, in syllables of about 0.2 s
    /// with short gaps, at `gain`.
    fn voice(gain: f64) -> impl Fn(f64) -> f64 {
        move |t: f64| {
            let syllable = (t * 3.7).fract();
            let envelope = if syllable < 0.65 {
                (syllable / 0.65 * std::f64::consts::PI).sin()
            } else {
                0.0
            };
            let buzz: f64 = (1..8)
                .map(|h| (2.0 * std::f64::consts::PI * 140.0 * h as f64 * t).sin() / h as f64)
                .sum();
            gain * envelope * buzz
        }
    }

    /// Steady noise (a hash of the sample's time: no rise and fall).
    fn noise(gain: f64) -> impl Fn(f64) -> f64 {
        move |t: f64| {
            let n = ((t * 48_000.0).round() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            gain * ((n >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0)
        }
    }

    #[test]
    fn each_kind_of_sound_gets_its_own_advice() {
        assert_eq!(advice_for(voice(0.2)), SoundAdvice::Good);
        assert_eq!(advice_for(voice(0.004)), SoundAdvice::TooQuiet);
        assert_eq!(advice_for(voice(4.0)), SoundAdvice::Clipping);
        assert_eq!(advice_for(noise(0.3)), SoundAdvice::NoSpeech);
        assert_eq!(
            advice_for(|_| 0.0),
            SoundAdvice::Listening,
            "silence: say something"
        );
        assert_eq!(
            advice_for(noise(0.005)),
            SoundAdvice::Listening,
            "a quiet room"
        );
        let noisy_room = |t| voice(0.2)(t) + noise(0.01)(t);
        assert_eq!(
            advice_for(noisy_room),
            SoundAdvice::Good,
            "speech over a quiet noise"
        );
    }

    #[test]
    fn advice_waits_for_two_seconds_and_follows_the_last_three() {
        let mut check = SoundCheck::default();
        let loud = voice(4.0);
        for i in 0..19 {
            check.handle_level(reading(i as f64 / 10.0, &loud));
        }
        assert_eq!(check.advice(), SoundAdvice::Listening);
        check.handle_level(reading(1.9, &loud));
        assert_eq!(check.advice(), SoundAdvice::Clipping);
        let better = voice(0.2);
        for i in 20..50 {
            check.handle_level(reading(i as f64 / 10.0, &better));
        }
        assert_eq!(
            check.advice(),
            SoundAdvice::Good,
            "the candidate moved back"
        );
        for i in 50..100 {
            check.handle_level(reading(i as f64 / 10.0, noise(0.002)));
        }
        assert_eq!(check.advice(), SoundAdvice::Good, "a pause keeps it");
    }

    #[test]
    fn a_take_is_mostly_silent_when_three_quarters_of_it_are() {
        let mut take = TakeSound::default();
        for i in 0..40 {
            let t = i as f64 / 10.0;
            take.handle_level(reading(t, if i % 2 == 0 { voice(0.2) } else { voice(0.0) }));
        }
        assert!(!take.mostly_silent(), "half silent: an answer with pauses");
        for i in 40..200 {
            take.handle_level(reading(i as f64 / 10.0, voice(0.0)));
        }
        assert!(take.mostly_silent());
        let mut short = TakeSound::default();
        short.handle_level(Level::default());
        assert!(!short.mostly_silent(), "too short to tell");
    }
}
