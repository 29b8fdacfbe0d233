//! One recording from prompt to review: the test video, the practice
//! question or a real question (think countdown, timed take, review).

use super::preview::Preview;
use super::upload_status::{Saving, UploadStatus};
use super::{act, clock_text, record, Live, ScreenContext, BUTTON};
use crate::i18n::Arg;
use leptos::prelude::*;
use recorder_core::model::Prompt;
use recorder_core::session::{self, Event, Phase, Purpose};
use std::time::Duration;

/// The screen of a flow. An answer's title is its question's `number`
/// (from 1); its review offers a retake while `attempts_left` is above 0.
/// `now` drives the countdowns, `saving` is the take's upload and
/// `playback` the take to watch in review. With `manual_start`, think time
/// has no countdown: recording starts when the candidate says. With
/// `camera_app`, the camera app records each take (its buttons open it).
#[component]
pub fn Flow(
    screen: ScreenContext,
    flow: session::Flow,
    number: usize,
    attempts_left: u32,
    hide_self_view: bool,
    manual_start: bool,
    camera_app: bool,
    #[prop(into)] now: Live<Duration>,
    #[prop(into)] saving: Live<Saving>,
    #[prop(into)] playback: Live<Option<String>>,
) -> impl IntoView {
    let t = screen.t.clone();
    let (title, intro) = match &flow.purpose {
        Purpose::Test => (t.get("test-title"), Some(t.get("test-intro"))),
        Purpose::Practice(_) => (t.get("practice-title"), Some(t.get("practice-intro"))),
        Purpose::Answer(_) => (
            t.format("question-number", &[("number", number.into())]),
            None,
        ),
    };
    let prompt = flow.prompt.as_ref().map(|p| p.text().to_string());
    let video_prompt = match &flow.prompt {
        Some(Prompt::Video { video_url, .. }) => Some(view! {
            <video class="ir-intro" part="question-video" src=video_url.clone() controls=true playsinline=true autoplay=true></video>
        }),
        _ => None,
    };
    let is_answer = matches!(flow.purpose, Purpose::Answer(_));
    let answering = is_answer && matches!(flow.phase, Phase::Starting | Phase::Recording { .. });
    let hide_self_view = hide_self_view && answering;
    let showing_camera = !hide_self_view
        && !camera_app
        && matches!(
            flow.phase,
            Phase::Thinking { .. }
                | Phase::Ready
                | Phase::Starting
                | Phase::Recording { .. }
                | Phase::Failed { .. }
        );
    let hidden_note = hide_self_view.then(
        || view! { <p class="ir-note" part="self-view-hidden">{t.get("self-view-hidden")}</p> },
    );
    let body = match flow.phase {
        Phase::Revealing => view! { <p class="ir-note" role="status">{t.get("revealing")}</p> }.into_any(),
        Phase::Ready => view! { {act(&screen, t.get("record-test"), "record", BUTTON, Event::Record)} }.into_any(),
        Phase::Thinking { until } => {
            let t2 = t.clone();
            let seconds = move || until.saturating_sub(now.get()).as_secs_f64().ceil() as u64;
            let countdown = move || match manual_start {
                true => t2.get("thinking-manual"),
                false => t2.format("thinking", &[("seconds", Arg::Seconds(seconds() as f64))]),
            };
            let hint = camera_app.then(|| {
                let limit = Arg::Seconds(flow.limit.as_secs_f64());
                view! { <p class="ir-note" part="camera-app-hint">{t.format("camera-app-hint", &[("limit", limit)])}</p> }
            });
            view! {
                <p class="ir-countdown" part="countdown" data-status="thinking">{countdown}</p>
                {hint}
                {record(&screen, camera_app, t.get("record-now"), "record", BUTTON, Event::Record)}
            }
            .into_any()
        }
        Phase::Starting => view! { <p class="ir-note" role="status">{t.get("starting")}</p> }.into_any(),
        Phase::Recording { since, until } => {
            let limit = clock_text((until - since).as_secs());
            let t2 = t.clone();
            view! {
                <p class="ir-timer" part="timer" data-status="recording">
                    <span class="ir-dot" aria-hidden="true"></span>
                    {move || t2.format("recording", &[
                        ("elapsed", clock_text(now.get().saturating_sub(since).as_secs()).into()),
                        ("limit", limit.clone().into()),
                    ])}
                </p>
                {is_answer.then(|| view! { <UploadStatus screen=screen.clone() saving/> })}
                {act(&screen, t.get("stop"), "stop", "ir-button ir-stop", Event::Stop)}
            }
            .into_any()
        }
        Phase::Stopping => view! { <p class="ir-note" role="status">{t.get("stopping")}</p> }.into_any(),
        Phase::Review { mostly_silent } => view! {
            {mostly_silent.then(|| view! {
                <p class="ir-help" part="silent-warning" role="status">{t.get("take-mostly-silent")}</p>
            })}
            {review(&screen, &flow.purpose, attempts_left, camera_app, playback, saving)}
        }
        .into_any(),
        Phase::Submitting => view! {
            <p class="ir-note" role="status" data-status="submitting">{t.get("submitting")}</p>
            <UploadStatus screen=screen.clone() saving/>
        }
        .into_any(),
        Phase::Failed { reason } => view! {
            <p class="ir-error" part="failed" role="alert">{t.format("failed-take", &[("reason", reason.into())])}</p>
            {record(&screen, camera_app, t.get("record-again"), "record", BUTTON, Event::Record)}
        }
        .into_any(),
    };
    view! {
        <section class="ir-screen" part="question" aria-labelledby="ir-title">
            <h2 id="ir-title" part="title" tabindex="-1">{title}</h2>
            {intro.map(|i| view! { <p class="ir-note">{i}</p> })}
            {prompt.map(|p| view! { <p class="ir-prompt" part="prompt" dir="auto">{p}</p> })}
            {video_prompt}
            {showing_camera.then(|| view! { <Preview screen=screen.clone()/> })}
            {hidden_note}
            {body}
        </section>
    }
}

/// The take just recorded, to watch, then keep or record again (with the
/// camera app where it records).
fn review(
    screen: &ScreenContext,
    purpose: &Purpose,
    attempts_left: u32,
    camera_app: bool,
    playback: Live<Option<String>>,
    saving: Live<Saving>,
) -> impl IntoView {
    let t = screen.t.clone();
    let (retake, accept) = match purpose {
        Purpose::Test => (
            Some((t.get("re-record"), Event::Record)),
            (t.get("looks-good"), Event::TestLooksGood),
        ),
        Purpose::Practice(_) => (
            Some((t.get("retake-practice"), Event::Retake)),
            (t.get("continue-practice"), Event::Submit),
        ),
        Purpose::Answer(_) => (
            (attempts_left > 0).then(|| {
                (
                    t.format("retake", &[("left", attempts_left.into())]),
                    Event::Retake,
                )
            }),
            (t.get("submit-answer"), Event::Submit),
        ),
    };
    let is_answer = matches!(purpose, Purpose::Answer(_));
    view! {
        <h3 class="ir-subtitle">{t.get("review-title")}</h3>
        <video class="ir-playback" part="playback" controls=true playsinline=true
            src=move || playback.get().unwrap_or_default()></video>
        {is_answer.then(|| view! { <UploadStatus screen=screen.clone() saving/> })}
        <div class="ir-actions" data-status="review">
            {retake.map(|(label, event)| record(screen, camera_app, label, "retake", "ir-button ir-secondary", event))}
            {act(screen, accept.0, "submit", BUTTON, accept.1)}
        </div>
    }
}
