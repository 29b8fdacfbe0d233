//! The microphone's live level, read from an AnalyserNode.

use crate::level::Level;
use web_sys::{AnalyserNode, AudioContext, MediaStream, MediaStreamAudioSourceNode};

/// Listens to a stream's audio; call [`LevelMeter::read`] as often as the
/// meter is redrawn. Dropping it closes its audio context.
///
/// ```no_run
/// # fn f(stream: &web_sys::MediaStream) -> Result<(), wasm_bindgen::JsValue> {
/// let mut meter = recorder_core::web::level_meter::LevelMeter::new(stream)?;
/// let heard = meter.read().is_sound();
/// # Ok(()) }
/// ```
pub struct LevelMeter {
    context: AudioContext,
    analyser: AnalyserNode,
    _source: MediaStreamAudioSourceNode,
    samples: Vec<f32>,
}

impl LevelMeter {
    /// Starts listening. Create it from a click handler: browsers keep an
    /// audio context created without a user gesture suspended.
    ///
    /// ```no_run
    /// # fn f(stream: &web_sys::MediaStream) -> Result<(), wasm_bindgen::JsValue> {
    /// let mut meter = recorder_core::web::level_meter::LevelMeter::new(stream)?;
    /// let level = meter.read();
    /// # Ok(()) }
    /// ```
    pub fn new(stream: &MediaStream) -> Result<LevelMeter, wasm_bindgen::JsValue> {
        let context = AudioContext::new()?;
        let analyser = context.create_analyser()?;
        analyser.set_fft_size(2048);
        let source = context.create_media_stream_source(stream)?;
        source.connect_with_audio_node(&analyser)?;
        // Resuming is best effort: it fails only without a user gesture.
        let _ = context.resume();
        Ok(LevelMeter {
            samples: vec![0.0; analyser.fft_size() as usize],
            context,
            analyser,
            _source: source,
        })
    }

    /// The level of the most recent audio.
    ///
    /// ```no_run
    /// # fn f(meter: &mut recorder_core::web::level_meter::LevelMeter) {
    /// println!("{}%", meter.read().percent());
    /// # }
    /// ```
    pub fn read(&mut self) -> Level {
        self.analyser.get_float_time_domain_data(&mut self.samples);
        Level::from_samples(&self.samples)
    }

    /// Whether the browser's audio engine is running, so that readings mean
    /// something; it may stay suspended (no audio output, no user gesture).
    ///
    /// ```no_run
    /// # fn f(meter: &recorder_core::web::level_meter::LevelMeter) {
    /// if !meter.is_running() {
    ///     println!("the level cannot be measured here");
    /// }
    /// # }
    /// ```
    pub fn is_running(&self) -> bool {
        self.context.state() == web_sys::AudioContextState::Running
    }
}

impl Drop for LevelMeter {
    fn drop(&mut self) {
        let _ = self.context.close();
    }
}
