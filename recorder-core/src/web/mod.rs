//! The browser edge (wasm32 only): it turns browser APIs into the core's
//! events and carries out the core's requests. No decisions live here.
//!
//! - [`media`]: camera and microphone, with typed errors.
//! - [`camera_app`]: the device's camera app, where the browser cannot record.
//! - [`recorder`]: MediaRecorder with type negotiation, chunks in order.
//! - [`level_meter`]: the microphone's live level.
//! - [`transport`]: fetch for [`crate::http::HttpRequest`]s, with timeouts.
//! - [`clock`]: monotonic time and sleeping.
//! - [`from_js`]: the model's wire types read out of JavaScript objects.
//! - [`indexed_db_store`]: takes kept in IndexedDB until uploaded.
//! - [`takes_driver`]: runs the [`crate::takes::Takes`] coordinator against the network and the device.

pub mod camera_app;
pub mod clock;
pub mod from_js;
pub mod indexed_db_store;
pub mod level_meter;
pub mod media;
pub mod probe_driver;
pub mod recorder;
pub mod takes_driver;
pub mod transport;

use wasm_bindgen::JsValue;

/// A readable description of a JavaScript error or error event.
pub(crate) fn js_error_message(error: &JsValue) -> String {
    let inner = js_sys::Reflect::get(error, &"error".into()).unwrap_or(JsValue::UNDEFINED);
    let message = [&inner, error]
        .into_iter()
        .find_map(|e| {
            let name = js_string_field(e, "name")?;
            Some(format!(
                "{name}: {}",
                js_string_field(e, "message").unwrap_or_default()
            ))
        })
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_string());
    message
}

/// A string property of a JavaScript object (`error.name`, say), if it is one.
pub(crate) fn js_string_field(target: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(target, &name.into())
        .ok()
        .and_then(|v| v.as_string())
}
