//! How much of the take the server has, a word of comfort while offline,
//! and a request to keep the page open when the device cannot keep a copy.

use super::{Live, ScreenContext};
use crate::i18n::Arg;
use crate::listen::listen;
use leptos::prelude::*;
use recorder_core::upload::Progress;

/// The take's upload as the candidate sees it.
///
/// ```ignore
/// let saving = RwSignal::new(Saving::default());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Saving {
    /// Its recorded and acknowledged bytes.
    pub progress: Progress,
    /// The device refused to keep a copy (its storage is full, or there is
    /// none): the take lives in this page until the server has it.
    pub unkept: bool,
}

/// The recorded and acknowledged bytes, also as data attributes (for host
/// pages and tests); while the browser is offline, that recording goes on;
/// while the device keeps no copy, that the page must stay open.
#[component]
pub fn UploadStatus(screen: ScreenContext, #[prop(into)] saving: Live<Saving>) -> impl IntoView {
    let t = screen.t.clone();
    let online = online();
    let (t2, t3) = (t.clone(), t.clone());
    view! {
        <p class="ir-note" part="upload-progress"
            data-recorded=move || saving.get().progress.recorded
            data-acknowledged=move || saving.get().progress.acknowledged>
            {move || {
                let p = saving.get().progress;
                t.format("uploaded-so-far", &[("sent", Arg::Bytes(p.acknowledged)), ("recorded", Arg::Bytes(p.recorded))])
            }}
        </p>
        {move || (!online.get()).then(|| view! {
            <p class="ir-note" part="offline" role="status">{t2.get("offline-keep-going")}</p>
        })}
        {move || saving.get().unkept.then(|| view! {
            <p class="ir-note" part="storage-full" role="status">{t3.get("storage-full")}</p>
        })}
    }
}

/// Whether the browser says it is online (`navigator.onLine`), followed
/// while the calling component lives.
fn online() -> Live<bool> {
    let window = web_sys::window();
    let online = RwSignal::new(window.as_ref().is_none_or(|w| w.navigator().on_line()));
    if let Some(window) = window {
        for (name, value) in [("online", true), ("offline", false)] {
            listen(&window, name, move |_| online.set(value));
        }
    }
    online.into()
}
