//! The device's camera app from the browser's side ([`crate::camera_app`]):
//! whether a file input here opens it, the video it handed over read in
//! pieces, and that video's length where the browser can tell it.

use super::clock;
use futures::channel::oneshot;
use futures::future::{select, Either};
use gloo::events::EventListener;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, File, HtmlVideoElement, Url};

/// The longest the browser is given to read a video's length.
const READ_LENGTH_FOR: Duration = Duration::from_secs(5);

/// Whether file inputs here know `capture` (phones' browsers and app
/// webviews, which then open the camera app; desktop browsers do not).
///
/// ```no_run
/// if recorder_core::web::camera_app::available() {
///     // offer "Record with your camera app"
/// }
/// ```
pub fn available() -> bool {
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &key.into());
    get(&js_sys::global(), "HTMLInputElement")
        .and_then(|class| get(&class, "prototype"))
        .and_then(|prototype| js_sys::Reflect::has(&prototype, &"capture".into()))
        .unwrap_or(false)
}

/// The type a take of `file` is stored as: its own where it says one (a
/// video or sound type), else the one its name's ending stands for, else MP4.
///
/// ```no_run
/// # fn f(file: web_sys::File) {
/// let mime_type = recorder_core::web::camera_app::mime_type(&file);
/// # }
/// ```
pub fn mime_type(file: &File) -> String {
    let own = file.type_();
    if own.starts_with("video/") || own.starts_with("audio/") {
        return own;
    }
    let name = file.name().to_ascii_lowercase();
    let by_ending = [
        (".mov", "video/quicktime"),
        (".webm", "video/webm"),
        (".3gp", "video/3gpp"),
    ];
    by_ending
        .iter()
        .find(|(ending, _)| name.ends_with(ending))
        .map_or("video/mp4", |(_, mime_type)| mime_type)
        .to_string()
}

/// The part of `file` from byte `start` to `end`.
///
/// ```no_run
/// # fn f(file: web_sys::File) {
/// let first_megabyte = recorder_core::web::camera_app::piece(&file, 0, 1 << 20);
/// # }
/// ```
pub fn piece(file: &File, start: u64, end: u64) -> Result<Blob, JsValue> {
    file.slice_with_f64_and_f64(start as f64, end as f64)
}

/// How long the video in `file` is, if the browser can tell within a few
/// seconds (it cannot for some containers, or for a file that is no video).
///
/// ```no_run
/// # async fn f(file: web_sys::File) {
/// if let Some(length) = recorder_core::web::camera_app::length(&file).await {
///     assert!(length.as_secs_f64() > 0.0);
/// }
/// # }
/// ```
pub async fn length(file: &File) -> Option<Duration> {
    let document = web_sys::window()?.document()?;
    let video: HtmlVideoElement = document.create_element("video").ok()?.dyn_into().ok()?;
    let url = Url::create_object_url_with_blob(file).ok()?;
    let (sender, receiver) = oneshot::channel::<()>();
    let sender = std::rc::Rc::new(std::cell::Cell::new(Some(sender)));
    let settle = |name: &'static str| {
        let sender = sender.clone();
        EventListener::once(&video, name, move |_| {
            if let Some(sender) = sender.take() {
                let _ = sender.send(());
            }
        })
    };
    let listeners = [settle("loadedmetadata"), settle("error")];
    video.set_muted(true);
    video.set_preload("metadata");
    video.set_src(&url);
    let read = select(receiver, Box::pin(clock::sleep(READ_LENGTH_FOR))).await;
    drop(listeners);
    let seconds = video.duration();
    // The element lets go of the file, and the file's URL goes.
    let _ = video.remove_attribute("src");
    let _ = Url::revoke_object_url(&url);
    match read {
        Either::Left((Ok(()), _)) if seconds.is_finite() && seconds > 0.0 => {
            Some(Duration::from_secs_f64(seconds))
        }
        _ => None,
    }
}
