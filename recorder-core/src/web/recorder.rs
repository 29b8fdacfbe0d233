//! MediaRecorder: the negotiated type, chunks in order, a clean stop.

use super::js_error_message;
use crate::recording_format::{self, PREFERRED, PREFERRED_AUDIO};
use crate::uplink::RecordingPlan;
use futures::channel::mpsc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobEvent, MediaRecorder, MediaRecorderOptions, MediaStream};

/// What a running recording reports, in the order the browser emitted it.
///
/// ```no_run
/// # async fn f(mut events: futures::channel::mpsc::UnboundedReceiver<recorder_core::web::recorder::RecorderEvent>) {
/// use futures::StreamExt;
/// while let Some(recorder_core::web::recorder::RecorderEvent::Data(blob)) = events.next().await {}
/// # }
/// ```
#[derive(Debug)]
pub enum RecorderEvent {
    /// The next piece of the file (never empty).
    Data(Blob),
    /// The browser reported a recording error; `Stopped` follows.
    Error(String),
    /// The recording ended; no more data follows.
    Stopped,
}

/// Why a recording could not start.
///
/// ```no_run
/// use recorder_core::web::recorder::RecorderError;
/// assert!(RecorderError::Unsupported.to_string().contains("browser"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RecorderError {
    /// No `MediaRecorder` in this browser.
    #[error("this browser cannot record video (no MediaRecorder)")]
    Unsupported,
    /// The browser refused to start recording.
    #[error("recording could not start: {0}")]
    Start(String),
}

/// A running MediaRecorder. Dropping it stops the recording.
///
/// ```no_run
/// # fn f(stream: web_sys::MediaStream) -> Result<(), recorder_core::web::recorder::RecorderError> {
/// let plan = recorder_core::uplink::RecordingPlan::choose(None, Default::default(), false);
/// let (recording, events) = recorder_core::web::recorder::Recording::start(&stream, 1000, &plan)?;
/// recording.stop();
/// # Ok(()) }
/// ```
pub struct Recording {
    recorder: MediaRecorder,
    mime_type: String,
    _on_data: Closure<dyn FnMut(BlobEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
    _on_stop: Closure<dyn FnMut(web_sys::Event)>,
}

impl Recording {
    /// Starts recording `stream` as `plan` says (its bitrates; its sound
    /// alone when it has no video), emitting a chunk every `timeslice_ms`.
    ///
    /// ```no_run
    /// # fn f(stream: web_sys::MediaStream) -> Result<(), recorder_core::web::recorder::RecorderError> {
    /// let plan = recorder_core::uplink::RecordingPlan::choose(Some(500_000), Default::default(), false);
    /// let (recording, events) = recorder_core::web::recorder::Recording::start(&stream, 1000, &plan)?;
    /// # Ok(()) }
    /// ```
    pub fn start(
        stream: &MediaStream,
        timeslice_ms: i32,
        plan: &RecordingPlan,
    ) -> Result<(Recording, mpsc::UnboundedReceiver<RecorderEvent>), RecorderError> {
        let global = js_sys::global();
        if !js_sys::Reflect::has(&global, &"MediaRecorder".into()).unwrap_or(false) {
            return Err(RecorderError::Unsupported);
        }
        let start_error = |e: JsValue| RecorderError::Start(js_error_message(&e));
        let options = MediaRecorderOptions::new();
        options.set_audio_bits_per_second(plan.audio_bits_per_second);
        let (source, preferred) = match plan.video {
            Some(video) => {
                options.set_video_bits_per_second(video.bits_per_second);
                // The same stream (`stream.clone()` would be MediaStream's
                // own clone(): new tracks, which stopping the camera's own
                // would not end).
                (Clone::clone(stream), PREFERRED)
            }
            // The same microphone track, without the camera's.
            None => (
                MediaStream::new_with_tracks(&stream.get_audio_tracks()).map_err(start_error)?,
                PREFERRED_AUDIO,
            ),
        };
        if let Some(mime_type) =
            recording_format::negotiate(preferred, MediaRecorder::is_type_supported)
        {
            options.set_mime_type(mime_type);
        }
        let recorder =
            MediaRecorder::new_with_media_stream_and_media_recorder_options(&source, &options)
                .map_err(start_error)?;

        let (sender, events) = mpsc::unbounded();
        let data_sender = sender.clone();
        let on_data = Closure::<dyn FnMut(BlobEvent)>::new(move |event: BlobEvent| {
            // Some browsers emit an empty first blob: it carries nothing.
            if let Some(blob) = event.data().filter(|b| b.size() > 0.0) {
                let _ = data_sender.unbounded_send(RecorderEvent::Data(blob));
            }
        });
        let error_sender = sender.clone();
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let _ =
                error_sender.unbounded_send(RecorderEvent::Error(js_error_message(&event.into())));
        });
        let on_stop = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            let _ = sender.unbounded_send(RecorderEvent::Stopped);
            sender.close_channel();
        });
        recorder.set_ondataavailable(Some(on_data.as_ref().unchecked_ref()));
        recorder.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        recorder.set_onstop(Some(on_stop.as_ref().unchecked_ref()));
        recorder
            .start_with_time_slice(timeslice_ms)
            .map_err(start_error)?;
        let mime_type = recorder.mime_type();
        Ok((
            Recording {
                recorder,
                mime_type,
                _on_data: on_data,
                _on_error: on_error,
                _on_stop: on_stop,
            },
            events,
        ))
    }

    /// The type the browser records in (its own default if none was negotiated).
    ///
    /// ```no_run
    /// # fn f(r: &recorder_core::web::recorder::Recording) {
    /// assert!(r.mime_type().starts_with("video/") || r.mime_type().starts_with("audio/"));
    /// # }
    /// ```
    pub fn mime_type(&self) -> &str {
        &self.mime_type
    }

    /// Stops recording; the last `Data` and then `Stopped` follow.
    ///
    /// ```no_run
    /// # fn f(r: &recorder_core::web::recorder::Recording) {
    /// r.stop();
    /// # }
    /// ```
    pub fn stop(&self) {
        if self.recorder.state() != web_sys::RecordingState::Inactive {
            // Stopping an active recorder cannot fail.
            let _ = self.recorder.stop();
        }
    }
}

impl Drop for Recording {
    fn drop(&mut self) {
        // The handlers go with their closures: the events of stopping must
        // not call into closures that no longer exist.
        self.recorder.set_ondataavailable(None);
        self.recorder.set_onerror(None);
        self.recorder.set_onstop(None);
        self.stop();
    }
}

/// The bytes of a recorded chunk.
///
/// ```no_run
/// # async fn f(blob: web_sys::Blob) -> Result<(), wasm_bindgen::JsValue> {
/// let bytes = recorder_core::web::recorder::blob_bytes(&blob).await?;
/// # Ok(()) }
/// ```
pub async fn blob_bytes(blob: &Blob) -> Result<Vec<u8>, JsValue> {
    let buffer = JsFuture::from(blob.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
