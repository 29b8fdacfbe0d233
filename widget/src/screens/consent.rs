//! What the candidate agrees to before the camera opens, and the polite end
//! when they do not.

use super::{act, ScreenContext, BUTTON};
use leptos::prelude::*;
use recorder_core::model;
use recorder_core::session::Event;

/// The consent text as the interview wrote it, its privacy policy, and
/// "I agree" / "I do not agree"; while `sending`, the answer is on its way.
#[component]
pub fn Consent(screen: ScreenContext, consent: model::Consent, sending: bool) -> impl IntoView {
    let t = screen.t.clone();
    let paragraphs = consent
        .paragraphs()
        .map(|p| view! { <p dir="auto">{p.to_string()}</p> })
        .collect_view();
    let privacy = consent.privacy_url.map(|url| {
        view! {
            <p><a part="privacy" href=url target="_blank" rel="noopener noreferrer">{t.get("consent-privacy")}</a></p>
        }
    });
    let status =
        sending.then(|| view! { <p class="ir-note" role="status">{t.get("consent-sending")}</p> });
    let (decline, agree) = match sending {
        true => None,
        false => Some((
            act(
                &screen,
                t.get("consent-decline"),
                "decline",
                "ir-button ir-secondary",
                Event::Decline,
            ),
            act(
                &screen,
                t.get("consent-agree"),
                "agree",
                BUTTON,
                Event::Agree,
            ),
        )),
    }
    .unzip();
    view! {
        <section class="ir-screen" part="consent" aria-labelledby="ir-title">
            <h2 id="ir-title" part="title" tabindex="-1">{t.get("consent-title")}</h2>
            <div class="ir-consent" part="consent-text">{paragraphs}</div>
            {privacy}
            {status}
            <div class="ir-actions">{decline}{agree}</div>
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
