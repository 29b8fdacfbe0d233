//! What the interview asks for, and "Start interview".

use super::ScreenContext;
use crate::i18n::Arg;
use leptos::prelude::*;
use recorder_core::model::SessionView;
use recorder_core::session::Event;

/// The overview screen of `view`, the interview as the server shows it.
#[component]
pub fn Overview(screen: ScreenContext, view: SessionView) -> impl IntoView {
    let t = screen.t.clone();
    let attempts = view.questions.iter().map(|q| q.attempts).max().unwrap_or(1);
    let longest = view
        .questions
        .iter()
        .map(|q| q.answer_seconds)
        .max()
        .unwrap_or(0);
    let deadline = view.presentation.deadline.map(|d| {
        t.format(
            "overview-deadline",
            &[("date", Arg::Date(d as f64 * 1000.0))],
        )
    });
    let intro = view.presentation.intro_video.clone().map(|src| {
        view! { <video class="ir-intro" part="intro-video" src=src controls=true playsinline=true preload="metadata"></video> }
    });
    let adjusted = view.accommodations.as_ref().map(|given| {
        let mut text = t.get("overview-adjusted");
        if given.manual_start {
            text = format!("{text} {}", t.get("overview-manual-start"));
        }
        view! { <p class="ir-note" part="accommodations">{text}</p> }
    });
    let company = (!view.presentation.branding.company.is_empty())
        .then(|| view.presentation.branding.company.clone());
    view! {
        <section class="ir-screen" part="overview" aria-labelledby="ir-title">
            <p class="ir-company">{company}</p>
            <h2 id="ir-title" part="title" tabindex="-1">{view.title.clone()}</h2>
            {intro}
            <ul class="ir-facts">
                <li>{t.format("overview-questions", &[("count", view.questions.len().into())])}</li>
                <li>{t.format("overview-attempts", &[("attempts", attempts.into())])}</li>
                <li>{t.format("overview-length", &[("minutes", Arg::Minutes(longest.div_ceil(60) as f64))])}</li>
                {deadline.map(|d| view! { <li>{d}</li> })}
            </ul>
            {adjusted}
            <p class="ir-note">{t.get("overview-how")}</p>
            <button part="button start" class="ir-button" on:click=move |_| screen.act(Event::Start)>
                {t.get("start-interview")}
            </button>
        </section>
    }
}
