//! Camera and microphone access, with errors a candidate can act on.

use super::js_string_field;
use crate::in_app_browser::{self, InAppBrowser};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MediaStream, MediaStreamConstraints};

/// Why the camera or microphone could not be opened.
///
/// ```no_run
/// use recorder_core::web::media::MediaError;
/// assert!(MediaError::NotAllowed.to_string().contains("permission"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MediaError {
    /// The candidate or the browser refused permission (`NotAllowedError`).
    #[error("camera or microphone permission was refused")]
    NotAllowed,
    /// No camera or microphone is connected (`NotFoundError`).
    #[error("no camera or microphone was found")]
    NotFound,
    /// The device exists but another application holds it (`NotReadableError`).
    #[error("the camera or microphone is in use by another application")]
    NotReadable,
    /// No device satisfies the requested constraints (`OverconstrainedError`).
    #[error("no camera or microphone supports the requested setting \"{0}\"")]
    Overconstrained(String),
    /// The page is not served over HTTPS (or localhost), so browsers hide devices.
    #[error("this page is not secure (HTTPS), so the browser does not offer camera access")]
    InsecureContext,
    /// The link was opened inside an app (Instagram, LinkedIn...) whose
    /// built-in browser cannot use the camera.
    #[error("{} opened this link in its own browser, which cannot use the camera; open the link in Safari or Chrome instead", .0.name())]
    InAppBrowser(InAppBrowser),
    /// The browser has no `getUserMedia` (old browser or in-app webview).
    #[error("this browser cannot record video; open the link in Chrome, Firefox, Edge or Safari")]
    Unsupported,
    /// Anything else the browser reported.
    #[error("the camera could not be started: {0}")]
    Other(String),
}

/// What to ask the devices for.
///
/// ```no_run
/// let request = recorder_core::web::media::MediaRequest::default();
/// assert!(request.audio_processing);
/// ```
#[derive(Clone, Debug)]
pub struct MediaRequest {
    /// Echo cancellation, noise suppression and automatic gain: on for
    /// people, off to measure a known signal.
    pub audio_processing: bool,
    /// Ideal video width and height.
    pub ideal_size: (u32, u32),
}

impl Default for MediaRequest {
    fn default() -> Self {
        MediaRequest {
            audio_processing: true,
            ideal_size: (1280, 720),
        }
    }
}

/// Opens the front camera and the microphone together.
///
/// ```no_run
/// # async fn f() -> Result<(), recorder_core::web::media::MediaError> {
/// let stream = recorder_core::web::media::open(&Default::default()).await?;
/// # Ok(()) }
/// ```
pub async fn open(request: &MediaRequest) -> Result<MediaStream, MediaError> {
    let window = web_sys::window().ok_or(MediaError::Unsupported)?;
    let in_app = window
        .navigator()
        .user_agent()
        .ok()
        .and_then(|ua| in_app_browser::detect(&ua));
    // In an app's webview, whatever fails is best explained as "open it in a browser".
    let explain = |error: MediaError| match (in_app, &error) {
        (Some(app), MediaError::NotAllowed | MediaError::Unsupported | MediaError::Other(_)) => {
            MediaError::InAppBrowser(app)
        }
        _ => error,
    };
    if !window.is_secure_context() {
        return Err(MediaError::InsecureContext);
    }
    let devices = window
        .navigator()
        .media_devices()
        .map_err(|_| explain(MediaError::Unsupported))?;
    let constraints = MediaStreamConstraints::new();
    constraints.set_video(&object(&[
        ("width", object(&[("ideal", request.ideal_size.0.into())])),
        ("height", object(&[("ideal", request.ideal_size.1.into())])),
        ("facingMode", "user".into()),
    ]));
    let processing = JsValue::from_bool(request.audio_processing);
    constraints.set_audio(&object(&[
        ("echoCancellation", processing.clone()),
        ("noiseSuppression", processing.clone()),
        ("autoGainControl", processing),
    ]));
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|e| explain(classify(&e)))?;
    let stream = JsFuture::from(promise)
        .await
        .map_err(|e| explain(classify(&e)))?;
    Ok(stream.unchecked_into())
}

/// Stops every track of a stream: the camera light goes off.
///
/// ```no_run
/// # fn f(stream: web_sys::MediaStream) {
/// recorder_core::web::media::stop(&stream);
/// # }
/// ```
pub fn stop(stream: &MediaStream) {
    for track in stream.get_tracks().iter() {
        track.unchecked_into::<web_sys::MediaStreamTrack>().stop();
    }
}

/// Asks the camera for pictures `height` pixels high on their short side
/// (16:9; a phone held upright stays upright), so that a low bitrate spends
/// its bits on a smaller, sharper picture. A camera that cannot is left as
/// it is.
///
/// ```no_run
/// # async fn f(stream: web_sys::MediaStream) {
/// recorder_core::web::media::fit_height(&stream, 360).await;
/// # }
/// ```
pub async fn fit_height(stream: &MediaStream, height: u32) {
    let long_side = height * 16 / 9;
    for track in stream.get_video_tracks().iter() {
        let track: web_sys::MediaStreamTrack = track.unchecked_into();
        let settings: JsValue = track.get_settings().into();
        let side = |name: &str| {
            js_sys::Reflect::get(&settings, &name.into())
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or_default()
        };
        let (width, height) = match side("height") > side("width") {
            true => (height, long_side),
            false => (long_side, height),
        };
        let constraints = object(&[
            ("width", object(&[("ideal", width.into())])),
            ("height", object(&[("ideal", height.into())])),
            ("facingMode", "user".into()),
        ]);
        if let Ok(promise) = track.apply_constraints_with_constraints(constraints.unchecked_ref()) {
            // Refused: the camera keeps its size, which records all the same.
            let _ = JsFuture::from(promise).await;
        }
    }
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&object, &(*key).into(), value);
    }
    object.into()
}

fn classify(error: &JsValue) -> MediaError {
    let field = |name: &str| js_string_field(error, name).unwrap_or_default();
    match field("name").as_str() {
        "NotAllowedError" | "PermissionDeniedError" | "SecurityError" => MediaError::NotAllowed,
        "NotFoundError" | "DevicesNotFoundError" => MediaError::NotFound,
        "NotReadableError" | "TrackStartError" | "AbortError" => MediaError::NotReadable,
        "OverconstrainedError" | "ConstraintNotSatisfiedError" => {
            MediaError::Overconstrained(field("constraint"))
        }
        "TypeError" => MediaError::Unsupported,
        name => MediaError::Other(format!("{name}: {}", field("message"))),
    }
}
