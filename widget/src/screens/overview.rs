//! What the interview asks for, and "Start interview".

use super::{act, ScreenContext, BUTTON};
use crate::i18n::Arg;
use leptos::prelude::*;
use recorder_core::model::{ExtensionStatus, SessionView};
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
    let extension = view.extension.as_ref();
    let extended = extension.is_some_and(|e| e.status == ExtensionStatus::Granted);
    let deadline = view.presentation.deadline.map(|d| {
        let key = match extended {
            true => "overview-deadline-extended",
            false => "overview-deadline",
        };
        t.format(key, &[("date", Arg::Date(d as f64 * 1000.0))])
    });
    let now = (js_sys::Date::now() / 1000.0) as u64;
    let passed = view.deadline_passed(now);
    let asked = extension.and_then(|e| match e.status {
        ExtensionStatus::Pending => Some(t.format(
            "overview-extension-pending",
            &[("date", Arg::Date(e.requested_at as f64))],
        )),
        ExtensionStatus::Declined => Some(t.get("overview-extension-declined")),
        ExtensionStatus::Granted => None,
    });
    let more_time = (passed || asked.is_some()).then(|| {
        view! {
            <div class="ir-help" part="deadline" role="status">
                {passed.then(|| view! { <p>{t.get("overview-deadline-passed")}</p> })}
                {asked.map(|text| view! { <p part="extension-status">{text}</p> })}
            </div>
        }
    });
    let ask = view.may_ask_for_time(now).then(|| {
        act(
            &screen,
            t.get("ask-extension"),
            "ask-extension",
            "ir-button ir-secondary",
            Event::AskForTime,
        )
    });
    // Past the deadline there is nothing to start: the server would refuse every answer.
    let start = (!passed).then(|| {
        act(
            &screen,
            t.get("start-interview"),
            "start",
            BUTTON,
            Event::Start,
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
            {more_time}
            {start}
            {ask.map(|button| view! { <div>{button}</div> })}
        </section>
    }
}
