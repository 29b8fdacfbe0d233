//! Asking the hiring team for more time: a short note, sent from the
//! overview near or past the deadline.

use super::{act, ScreenContext, BUTTON};
use leptos::html::Textarea;
use leptos::prelude::*;
use recorder_core::model::MAX_EXTENSION_NOTE_CHARS;
use recorder_core::session::Event;

/// The note and "Send request" / "Back"; while `sending`, the request is
/// on its way and the buttons wait.
#[component]
pub fn ExtensionRequest(screen: ScreenContext, sending: bool) -> impl IntoView {
    let t = screen.t.clone();
    let note = NodeRef::<Textarea>::new();
    let status = sending
        .then(|| view! { <p class="ir-note" role="status">{t.get("extension-sending")}</p> });
    let back = act(
        &screen,
        t.get("extension-back"),
        "back",
        "ir-button ir-secondary",
        Event::CloseExtension,
    );
    let send = move |_| {
        let text = note.get_untracked().map(|n| n.value()).unwrap_or_default();
        screen.act(Event::SendExtension(text));
    };
    view! {
        <section class="ir-screen" part="extension" aria-labelledby="ir-title">
            <h2 id="ir-title" part="title" tabindex="-1">{t.get("extension-title")}</h2>
            <p>{t.get("extension-intro")}</p>
            <label class="ir-label" for="ir-extension-note">{t.get("extension-note")}</label>
            <textarea id="ir-extension-note" class="ir-textarea" part="extension-note" node_ref=note
                rows="4" maxlength=MAX_EXTENSION_NOTE_CHARS.to_string() dir="auto" disabled=sending></textarea>
            {status}
            <div class="ir-actions" aria-busy=sending.to_string()>
                {back}
                <button part="button send-extension" class=BUTTON on:click=send>{t.get("extension-send")}</button>
            </div>
        </section>
    }
}
