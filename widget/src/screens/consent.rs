//! What the candidate agrees to before the camera opens, and the polite end
//! when they do not.

use super::{act, ScreenContext, BUTTON};
use leptos::prelude::*;
use recorder_core::model;
use recorder_core::session::Event;

/// The consent text as the interview wrote it (its line breaks kept), its
/// privacy policy, and "I agree" / "I do not agree"; while `sending`, the
/// answer is on its way and the buttons wait.
#[component]
pub fn Consent(screen: ScreenContext, consent: model::Consent, sending: bool) -> impl IntoView {
    let t = screen.t.clone();
    let privacy = consent.privacy_url.map(|url| {
        view! {
            <p><a part="privacy" href=url target="_blank" rel="noopener noreferrer">{t.get("consent-privacy")}</a></p>
        }
    });
    let status =
        sending.then(|| view! { <p class="ir-note" role="status">{t.get("consent-sending")}</p> });
    let decline = act(
        &screen,
        t.get("consent-decline"),
        "decline",
        "ir-button ir-secondary",
        Event::Decline,
    );
    let agree = act(
        &screen,
        t.get("consent-agree"),
        "agree",
        BUTTON,
        Event::Agree,
    );
    view! {
        <section class="ir-screen" part="consent" aria-labelledby="ir-title">
            <h2 id="ir-title" part="title" tabindex="-1">{t.get("consent-title")}</h2>
            <p class="ir-consent" part="consent-text" dir="auto">{consent.text}</p>
            {privacy}
            {status}
            <div class="ir-actions" aria-busy=sending.to_string()>{decline}{agree}</div>
        </section>
    }
}

/// The candidate did not agree: nothing was recorded, and the team knows.
#[component]
pub fn Declined(screen: ScreenContext) -> impl IntoView {
    let t = screen.t.clone();
    view! {
        <section class="ir-screen" part="declined" aria-labelledby="ir-title" data-status="declined">
            <h2 id="ir-title" part="title" tabindex="-1">{t.get("declined-title")}</h2>
            <p>{t.get("declined-body")}</p>
        </section>
    }
}
