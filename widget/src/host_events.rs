//! DOM CustomEvents on the `<interview-recorder>` element, for the host page.

use serde::Serialize;
use wasm_bindgen::JsValue;

/// Dispatches `name` on the host element with `detail` (bubbling, composed,
/// so listeners outside the shadow root hear it).
pub fn emit(host: &web_sys::Element, name: &str, detail: &impl Serialize) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    // Plain objects, not `Map`s, for flattened structs too, and `null` for
    // nothing, as in JSON: what a page expects.
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    init.set_detail(&detail.serialize(&serializer).unwrap_or(JsValue::NULL));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        // A throwing listener must not break the recorder.
        let _ = host.dispatch_event(&event);
    }
}

/// `detail` of the `error` event (and of `permission-denied`).
#[derive(Serialize)]
pub struct ErrorDetail<'a> {
    /// What failed: `options`, `session`, `media`, `upload`, `complete`.
    pub code: &'a str,
    /// What happened, in English, for integrators (the candidate reads
    /// their own language in the element).
    pub message: String,
    /// The server's reason, when it gave one of its stable codes
    /// (`invite-invalid`, `deadline-passed`...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
}

/// `detail` of the `question-started` event.
#[derive(Serialize)]
pub struct QuestionStarted<'a> {
    /// The question's id.
    pub question: &'a str,
}

/// `detail` of the `take-uploaded` event: sent once the server acknowledged the last byte.
#[derive(Serialize)]
pub struct TakeUploaded<'a> {
    /// The question's id.
    pub question: &'a str,
    /// The tus upload URL.
    pub url: &'a str,
    /// The take's length.
    pub bytes: u64,
    /// sha256 of the recorded bytes, lowercase hex.
    pub sha256: &'a str,
    /// The recording type.
    pub mime_type: &'a str,
}

/// `detail` of the `recording-planned` event: how the next take will be
/// recorded, after the connection check and after each take.
#[derive(Serialize)]
pub struct RecordingPlanned {
    /// The uplink measured, in bits per second (`null`: not measured).
    pub uplink_bits_per_second: Option<u64>,
    /// The video's bitrate (`null`: sound only).
    pub video_bits_per_second: Option<u32>,
    /// The picture's height in pixels (`null`: sound only).
    pub height: Option<u32>,
    /// The sound's bitrate.
    pub audio_bits_per_second: u32,
    /// Whether the connection carries the recording as it is made.
    pub fits: bool,
    /// Whether the candidate is offered to answer with sound only.
    pub sound_only_offered: bool,
}
