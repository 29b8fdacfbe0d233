//! The recorder: loads the interview, then shows the screen the session is on,
//! in the interview's language unless the page asked for another.

use crate::api;
use crate::controller::Ctx;
use crate::explain::Explain;
use crate::host_events::ErrorDetail;
use crate::i18n::Translations;
use crate::language::{self, Locales};
use crate::listen::listen;
use crate::options::{MountOptions, OptionsError};
use crate::screens::{
    Consent, Contact, Declined, DeviceCheck, Done, ExtensionRequest, Flow, Overview, Progress,
    Questions, ScreenContext,
};
use futures::future::join;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;
use recorder_core::error_code::ErrorCode;
use recorder_core::session::{Phase, Purpose, Stage, Step};
use wasm_bindgen::JsCast;

/// The whole recorder for one candidate: fetches the interview and the
/// candidate's translations side by side (a second fetch only when the
/// interview's locale changes the choice), marks `root` with the language,
/// then shows the interview or what went wrong.
#[component]
pub fn App(
    options: Result<MountOptions, OptionsError>,
    /// The loader's early `GET {api}/session` (a `fetch` promise), if it made one.
    prefetched: Option<js_sys::Promise>,
    locales: Locales,
    host: web_sys::Element,
    root: web_sys::Element,
) -> impl IntoView {
    let owner = Owner::current().unwrap_or_default();
    let loaded = RwSignal::new_local(None::<Ctx>);
    let failure = RwSignal::new(None::<String>);
    // Cancelled if the recorder leaves the page before the interview loads.
    spawn_local_scoped_with_cancellation(async move {
        let guess = locales.choose(None);
        let (options, t) = match options {
            Ok(options) => {
                let (session, t) = join(
                    api::session(&options, prefetched),
                    locales.load(guess.as_deref()),
                )
                .await;
                (Ok((options, session)), t)
            }
            Err(error) => (Err(error), locales.load(guess.as_deref()).await),
        };
        let (options, view) = match options {
            Ok((options, Ok(view))) => (options, view),
            Ok((_, Err(error))) => return fail(&host, &root, failure, "session", &error, &t),
            Err(error) => return fail(&host, &root, failure, "options", &error, &t),
        };
        let wanted = locales.choose(view.presentation.locale.as_deref());
        let t = match wanted == guess {
            true => t,
            false => locales.load(wanted.as_deref()).await,
        };
        language::apply(&root, &t);
        // Owned by this component: unmounting disposes the session (its
        // clock, recorder and listeners) even though it is made here.
        let ctx = owner.with(|| Ctx::new(options, t, host));
        loaded.set(Some(ctx.clone()));
        ctx.start(view).await;
    });
    (move || match (loaded.get(), failure.get()) {
        (Some(ctx), _) => view! { <Interview ctx=ctx/> }.into_any(),
        (None, Some(message)) => {
            view! { <p class="ir-error" part="error" role="alert">{message}</p> }.into_any()
        }
        (None, None) => view! { <div class="ir-loading" aria-hidden="true"></div> }.into_any(),
    })
    .into_any()
}

/// The recorder cannot go on: the host page hears `error` (in English, with
/// `code`), the candidate reads why in their language.
fn fail(
    host: &web_sys::Element,
    root: &web_sys::Element,
    failure: RwSignal<Option<String>>,
    code: &'static str,
    error: &(impl Explain + std::fmt::Display),
    t: &Translations,
) {
    crate::host_events::emit(
        host,
        "error",
        &ErrorDetail {
            code,
            message: error.to_string(),
            reason: error.reason().map(ErrorCode::as_str),
        },
    );
    language::apply(root, t);
    failure.set(Some(error.explain(t)));
}

/// The candidate's session, once the interview is loaded: the screen of its
/// stage, drawn from what the controller holds.
#[component]
fn Interview(ctx: Ctx) -> impl IntoView {
    warn_before_leaving_with_unsaved_bytes(&ctx);
    on_cleanup({
        let ctx = ctx.clone();
        move || ctx.release_devices()
    });
    let screen = ScreenContext::new(
        ctx.t.clone(),
        {
            let ctx = ctx.clone();
            move |event| ctx.dispatch(event)
        },
        {
            let ctx = ctx.clone();
            move |file, event| ctx.hand_over(file, event)
        },
        ctx.stream.into(),
    );
    let screen = {
        let ctx = ctx.clone();
        move || {
            let screen = screen.clone();
            let Some(view) = ctx.view.get() else {
                return ().into_any();
            };
            let stage = ctx.stage.get();
            let progress = Step::of(&stage, &view).map(|step| {
                let (count, practice) = (view.questions.len(), view.practice.is_some());
                view! { <Progress screen=screen.clone() step count practice/> }
            });
            let contact = view
                .presentation
                .help
                .clone()
                .map(|help| view! { <Contact screen=screen.clone() help/> });
            let page = match stage {
                Stage::Overview => view! { <Overview screen view/> }.into_any(),
                Stage::Consent { sending } => match view.presentation.consent {
                    Some(consent) => view! { <Consent screen consent sending/> }.into_any(),
                    None => ().into_any(),
                },
                Stage::Declined => view! { <Declined screen/> }.into_any(),
                Stage::Extension { sending } => {
                    view! { <ExtensionRequest screen sending/> }.into_any()
                }
                Stage::DeviceCheck {
                    devices,
                    heard,
                    sound,
                } => {
                    let longest_answer = view
                        .questions
                        .iter()
                        .map(|q| q.answer_seconds)
                        .max()
                        .unwrap_or_default();
                    view! {
                        <DeviceCheck screen devices heard sound level=ctx.level level_unavailable=ctx.level_unavailable
                            link=ctx.link longest_answer/>
                    }
                    .into_any()
                }
                Stage::TestVideo(flow) | Stage::Question(flow) => {
                    let (number, attempts_left) = match &flow.purpose {
                        Purpose::Answer(id) => {
                            (view.number_of(id).unwrap_or(1), view.attempts_left(id))
                        }
                        Purpose::Test | Purpose::Practice(_) => (1, 0),
                    };
                    view! {
                        <Flow screen flow number attempts_left
                            hide_self_view=ctx.options.hide_self_view
                            manual_start=ctx.starts_by_hand() camera_app=ctx.camera_app()
                            now=ctx.now saving=ctx.saving playback=ctx.playback/>
                    }
                    .into_any()
                }
                Stage::Questions => {
                    let manual_start = ctx.starts_by_hand();
                    view! { <Questions screen questions=view.questions practice=view.practice manual_start/> }.into_any()
                }
                Stage::Done => {
                    let order = view.questions.into_iter().map(|q| q.id).collect();
                    view! { <Done screen order receipt=ctx.receipt/> }.into_any()
                }
            };
            view! { {progress}{page}{contact} }.into_any()
        }
    };
    let notice = ctx.notice;
    let root = NodeRef::<leptos::html::Div>::new();
    move_focus_to_each_new_screen(&ctx, root);
    let announcement = announcements(&ctx);
    view! {
        <div node_ref=root>{screen}</div>
        <p class="ir-error" part="error" role="alert">{move || notice.get()}</p>
        <p class="ir-visually-hidden" part="announcer" aria-live="polite">
            {move || announcement.with(|(_, text)| text.clone())}
        </p>
    }
}

/// What a screen reader hears of the countdowns: the time when a countdown
/// starts, then only at 60, 30, 10 and 5 seconds left (not every second).
fn announcements(ctx: &Ctx) -> Memo<(String, String)> {
    const MILESTONES: [u64; 4] = [60, 30, 10, 5];
    let (stage, now, t) = (ctx.stage, ctx.now, ctx.t.clone());
    let ctx = ctx.clone();
    Memo::new(move |previous: Option<&(String, String)>| {
        // When the candidate starts recording, think time has no countdown to announce.
        let manual_start = ctx.starts_by_hand();
        let countdown = stage.with(|stage| match stage {
            Stage::TestVideo(flow) | Stage::Question(flow) => match flow.phase {
                Phase::Thinking { until } if !manual_start => Some((until, "announce-think")),
                Phase::Recording { until, .. } => Some((until, "announce-left")),
                _ => None,
            },
            _ => None,
        });
        let Some((until, key)) = countdown else {
            return (String::new(), String::new());
        };
        let left = until.saturating_sub(now.get()).as_secs_f64().ceil() as u64;
        let id = format!("{key}{}", until.as_millis() as u64);
        let say = |seconds: u64| (id.clone(), t.format(key, &[("seconds", seconds.into())]));
        match previous {
            Some((previous_id, text)) if *previous_id == id => {
                match MILESTONES.into_iter().find(|m| *m == left) {
                    Some(milestone) => say(milestone),
                    None => (id.clone(), text.clone()),
                }
            }
            _ => say(left),
        }
    })
}

/// When the candidate arrives on a new screen (not a new phase of the same
/// one), focus moves to its title, so keyboard and screen reader users start there.
fn move_focus_to_each_new_screen(ctx: &Ctx, root: NodeRef<leptos::html::Div>) {
    let stage = ctx.stage;
    Effect::new(move |previous: Option<String>| {
        let key = stage.with(|stage| match stage {
            Stage::Overview => "overview".to_string(),
            Stage::Consent { .. } => "consent".to_string(),
            Stage::Declined => "declined".to_string(),
            Stage::Extension { .. } => "extension".to_string(),
            Stage::DeviceCheck { .. } => "device-check".to_string(),
            Stage::TestVideo(_) => "test-video".to_string(),
            Stage::Questions => "questions".to_string(),
            Stage::Question(flow) => match &flow.purpose {
                Purpose::Test => "test".to_string(),
                Purpose::Practice(id) | Purpose::Answer(id) => format!("question:{id}"),
            },
            Stage::Done => "done".to_string(),
        });
        if previous.as_ref().is_some_and(|p| *p != key) {
            request_animation_frame(move || {
                let title = root
                    .try_get_untracked()
                    .flatten()
                    .and_then(|root| root.query_selector("[part~=title]").ok().flatten());
                if let Some(title) = title.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = title.focus();
                }
            });
        }
        key
    });
}

/// The browser asks before leaving while recorded bytes are not yet on the
/// server. The listener belongs to the screen: it goes when the recorder does.
fn warn_before_leaving_with_unsaved_bytes(ctx: &Ctx) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let ctx = ctx.clone();
    listen(&window, "beforeunload", move |event| {
        if ctx.has_unsaved_bytes() {
            let event: &web_sys::BeforeUnloadEvent = event.unchecked_ref();
            event.prevent_default();
            event.set_return_value(&ctx.t.get("unsaved-warning"));
        }
    });
}
