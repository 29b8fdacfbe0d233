//! How much of the take the server has, and a word of comfort while offline.

use super::{Live, ScreenContext};
use crate::i18n::Arg;
use crate::listen::listen;
use leptos::prelude::*;
use recorder_core::upload::Progress;

/// The recorded and acknowledged bytes, also as data attributes (for host
/// pages and tests); while the browser is offline, that recording goes on.
#[component]
pub fn UploadStatus(
    screen: ScreenContext,
    #[prop(into)] progress: Live<Progress>,
) -> impl IntoView {
    let t = screen.t.clone();
    let online = online();
    let t2 = t.clone();
    view! {
        <p class="ir-note" part="upload-progress"
            data-recorded=move || progress.get().recorded
            data-acknowledged=move || progress.get().acknowledged>
            {move || {
                let p = progress.get();
                t.format("uploaded-so-far", &[("sent", Arg::Bytes(p.acknowledged)), ("recorded", Arg::Bytes(p.recorded))])
            }}
        </p>
        {move || (!online.get()).then(|| view! {
            <p class="ir-note" part="offline" role="status">{t2.get("offline-keep-going")}</p>
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
