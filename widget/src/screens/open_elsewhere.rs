//! Where this browser cannot record (an app's webview, a browser without a
//! camera API): the link to open elsewhere, to copy or to scan with another
//! device's camera.

use super::ScreenContext;
use crate::qr;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// "Copy link", the link itself (selectable where copying is not allowed)
/// and its QR code.
#[component]
pub fn OpenElsewhere(screen: ScreenContext) -> impl IntoView {
    let t = screen.t.clone();
    let window = web_sys::window();
    let link = window
        .as_ref()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let copied = RwSignal::new(false);
    let to_copy = link.clone();
    let copy = move |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let promise = window.navigator().clipboard().write_text(&to_copy);
        wasm_bindgen_futures::spawn_local(async move {
            // Refused (no permission in a webview): the link stays there to select.
            if JsFuture::from(promise).await.is_ok() {
                copied.try_set(true);
            }
        });
    };
    let code = qr::svg_path(&link).map(|qr| {
        // Four modules of quiet zone around it.
        let side = qr.size + 8;
        view! {
            <svg class="ir-qr" part="qr" role="img" aria-label=t.get("qr-label")
                viewBox=format!("-4 -4 {side} {side}") width="192" height="192">
                <rect x="-4" y="-4" width=side height=side fill="#fff"/>
                <path d=qr.d fill="#000"/>
            </svg>
        }
    });
    let t2 = t.clone();
    view! {
        <div class="ir-elsewhere" part="open-elsewhere">
            <label class="ir-label" for="ir-invite-link">{t.get("invite-link-label")}</label>
            <input class="ir-link" id="ir-invite-link" part="invite-link" readonly value=link dir="ltr"/>
            <button part="button copy-link" class="ir-button ir-secondary" on:click=copy>{t.get("copy-link")}</button>
            <p class="ir-note" part="copy-status" role="status">
                {move || copied.get().then(|| t2.get("link-copied"))}
            </p>
            <p class="ir-note">{t.get("elsewhere-scan")}</p>
            {code}
        </div>
    }
}
