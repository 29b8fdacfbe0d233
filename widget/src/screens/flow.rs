//! One recording from prompt to review: the test video, the practice
//! question or a real question (think countdown, timed take, review).

use super::clock_text;
use super::preview::preview;
use crate::controller::Ctx;
use crate::i18n::Arg;
use leptos::prelude::*;
use recorder_core::session::{Event, Flow, Phase, Purpose};

/// The screen of a flow.
pub fn flow(ctx: Ctx, flow: Flow) -> impl IntoView {
    let t = ctx.t.clone();
    let (title, intro) = match &flow.purpose {
        Purpose::Test => (t.get("test-title"), Some(t.get("test-intro"))),
        Purpose::Practice(_) => (t.get("practice-title"), Some(t.get("practice-intro"))),
        Purpose::Answer(id) => {
            let number = ctx
                .view
                .get_untracked()
                .and_then(|v| v.questions.iter().position(|q| &q.id == id))
                .map_or(1, |i| i + 1);
            (
                t.format("question-number", &[("number", number.into())]),
                None,
            )
        }
    };
    let prompt = flow.prompt.as_ref().map(|p| p.text().to_string());
    let video_prompt = match &flow.prompt {
        Some(recorder_core::model::Prompt::Video { video_url, .. }) => Some(view! {
            <video class="ir-intro" part="question-video" src=video_url.clone() controls=true playsinline=true autoplay=true></video>
        }),
        _ => None,
    };
    let answering = matches!(flow.purpose, Purpose::Answer(_))
        && matches!(flow.phase, Phase::Starting | Phase::Recording { .. });
    let hide_self_view = ctx.options.hide_self_view && answering;
    let showing_camera = !hide_self_view
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
    let body = phase_view(&ctx, &flow);
    view! {
        <section class="ir-screen" part="question" aria-labelledby="ir-title">
            <h2 id="ir-title" part="title" tabindex="-1">{title}</h2>
            {intro.map(|i| view! { <p class="ir-note">{i}</p> })}
            {prompt.map(|p| view! { <p class="ir-prompt" part="prompt">{p}</p> })}
            {video_prompt}
            {showing_camera.then(|| preview(&ctx))}
            {hidden_note}
            {body}
        </section>
    }
}

fn phase_view(ctx: &Ctx, flow: &Flow) -> AnyView {
    let t = ctx.t.clone();
    let button = |label: String, part: &'static str, event: fn() -> Event, ctx: &Ctx| {
        let ctx = ctx.clone();
        let class = if part == "stop" {
            "ir-button ir-stop"
        } else {
            "ir-button"
        };
        view! { <button part=format!("button {part}") class=class on:click=move |_| ctx.dispatch(event())>{label}</button> }
    };
    match flow.phase.clone() {
        Phase::Revealing => view! { <p class="ir-note" role="status">{t.get("revealing")}</p> }.into_any(),
        Phase::Ready => button(t.get("record-test"), "record", || Event::Record, ctx).into_any(),
        Phase::Thinking { until } => {
            let now = ctx.now;
            let t2 = t.clone();
            let seconds = move || until.saturating_sub(now.get()).as_secs_f64().ceil() as u64;
            view! {
                <p class="ir-countdown" part="countdown" data-status="thinking">
                    {move || t2.format("thinking", &[("seconds", Arg::Seconds(seconds() as f64))])}
                </p>
                {button(t.get("record-now"), "record", || Event::Record, ctx)}
            }
            .into_any()
        }
        Phase::Starting => view! { <p class="ir-note" role="status">{t.get("starting")}</p> }.into_any(),
        Phase::Recording { since, until } => {
            let now = ctx.now;
            let limit = clock_text((until - since).as_secs());
            let is_answer = matches!(flow.purpose, Purpose::Answer(_));
            let t2 = t.clone();
            view! {
                <p class="ir-timer" part="timer" data-status="recording">
                    <span class="ir-dot" aria-hidden="true"></span>
                    {move || t2.format("recording", &[
                        ("elapsed", clock_text(now.get().saturating_sub(since).as_secs()).into()),
                        ("limit", limit.clone().into()),
                    ])}
                </p>
                {is_answer.then(|| upload_status(ctx))}
                {button(t.get("stop"), "stop", || Event::Stop, ctx)}
            }
            .into_any()
        }
        Phase::Stopping => view! { <p class="ir-note" role="status">{t.get("stopping")}</p> }.into_any(),
        Phase::Review => review(ctx, flow).into_any(),
        Phase::Submitting => view! {
            <p class="ir-note" role="status" data-status="submitting">{t.get("submitting")}</p>
            {upload_status(ctx)}
        }
        .into_any(),
        Phase::Failed { reason } => view! {
            <p class="ir-error" part="failed" role="alert">{t.format("failed-take", &[("reason", reason.into())])}</p>
            {button(t.get("record-again"), "record", || Event::Record, ctx)}
        }
        .into_any(),
    }
}

/// How much of the take the server has, with the bytes as data attributes
/// (for host pages and tests), and a word of comfort while offline.
fn upload_status(ctx: &Ctx) -> impl IntoView {
    let (progress, online) = (ctx.progress, ctx.online);
    let (t, t2) = (ctx.t.clone(), ctx.t.clone());
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

/// The retake label (if a retake is allowed) and event, then the accept label and event.
type ReviewButtons = (Option<String>, fn() -> Event, String, fn() -> Event);

fn review(ctx: &Ctx, flow: &Flow) -> impl IntoView {
    let t = ctx.t.clone();
    let playback = ctx.playback;
    let (retake, retake_event, accept, accept_event): ReviewButtons = match &flow.purpose {
        Purpose::Test => (
            Some(t.get("re-record")),
            || Event::Record,
            t.get("looks-good"),
            || Event::TestLooksGood,
        ),
        Purpose::Practice(_) => (
            Some(t.get("retake-practice")),
            || Event::Retake,
            t.get("continue-practice"),
            || Event::Submit,
        ),
        Purpose::Answer(id) => {
            let left = ctx
                .view
                .get_untracked()
                .and_then(|v| {
                    v.questions
                        .iter()
                        .find(|q| &q.id == id)
                        .map(|q| q.attempts.saturating_sub(q.attempts_used))
                })
                .unwrap_or(0);
            (
                (left > 0).then(|| t.format("retake", &[("left", left.into())])),
                || Event::Retake,
                t.get("submit-answer"),
                || Event::Submit,
            )
        }
    };
    let (c1, c2) = (ctx.clone(), ctx.clone());
    let is_answer = matches!(flow.purpose, Purpose::Answer(_));
    view! {
        <h3 class="ir-subtitle">{t.get("review-title")}</h3>
        <video class="ir-playback" part="playback" controls=true playsinline=true
            src=move || playback.get().unwrap_or_default()></video>
        {is_answer.then(|| upload_status(ctx))}
        <div class="ir-actions" data-status="review">
            {retake.map(|label| view! {
                <button part="button retake" class="ir-button ir-secondary" on:click=move |_| c1.dispatch(retake_event())>{label}</button>
            })}
            <button part="button submit" class="ir-button" on:click=move |_| c2.dispatch(accept_event())>{accept}</button>
        </div>
    }
}
