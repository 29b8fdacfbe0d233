//! The recorder: loads the interview, then shows the screen the session is on,
//! in the interview's language unless the page asked for another.

use crate::controller::Ctx;
use crate::host_events::ErrorDetail;
use crate::i18n::Translations;
use crate::options::{MountOptions, OptionsError};
use crate::{api, language, screens};
use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;
use recorder_core::session::{Phase, Purpose, Stage};
use wasm_bindgen::JsCast;

/// The whole recorder for one candidate. `t` speaks until the interview is
/// loaded; `root` carries the language chosen then.
#[component]
pub fn App(
    options: Result<MountOptions, OptionsError>,
    t: Translations,
    host: web_sys::Element,
    root: web_sys::Element,
) -> impl IntoView {
    let options = match options {
        Ok(options) => options,
        Err(error) => {
            crate::host_events::emit(
                &host,
                "error",
                &ErrorDetail {
                    code: "options",
                    message: error.to_string(),
                },
            );
            return view! { <p class="ir-error" part="error" role="alert">{error.to_string()}</p> }
                .into_any();
        }
    };
    let loading = t.get("loading");
    let owner = Owner::current().unwrap_or_default();
    let loaded = RwSignal::new_local(None::<Ctx>);
    let failure = RwSignal::new(None::<String>);
    // Cancelled if the recorder leaves the page before the interview loads.
    spawn_local_scoped_with_cancellation(async move {
        match api::session(&options).await {
            Ok(view) => {
                let t = match &view.presentation.locale {
                    Some(locale) => {
                        language::choose(options.lang.iter().chain([locale]).map(String::as_str))
                    }
                    None => t,
                };
                language::apply(&root, &t);
                // Owned by this component: unmounting disposes the session (its
                // clock, recorder and listeners) even though it is made here.
                let ctx = owner.with(|| Ctx::new(options, t, host));
                loaded.set(Some(ctx.clone()));
                ctx.start(view).await;
            }
            Err(error) => {
                crate::host_events::emit(
                    &host,
                    "error",
                    &ErrorDetail {
                        code: "session",
                        message: error.to_string(),
                    },
                );
                failure.set(Some(error.to_string()));
            }
        }
    });
    (move || match (loaded.get(), failure.get()) {
        (Some(ctx), _) => view! { <Interview ctx=ctx/> }.into_any(),
        (None, Some(message)) => {
            view! { <p class="ir-error" part="error" role="alert">{message}</p> }.into_any()
        }
        (None, None) => view! { <p class="ir-note" role="status">{loading.clone()}</p> }.into_any(),
    })
    .into_any()
}

/// The candidate's session, once the interview is loaded.
#[component]
fn Interview(ctx: Ctx) -> impl IntoView {
    warn_before_leaving_with_unsaved_bytes(&ctx);
    on_cleanup({
        let ctx = ctx.clone();
        move || ctx.release_devices()
    });
    let screen = {
        let ctx = ctx.clone();
        move || {
            let ctx = ctx.clone();
            if ctx.view.with(Option::is_none) {
                return ().into_any();
            }
            match ctx.stage.get() {
                Stage::Overview => screens::overview(ctx).into_any(),
                Stage::DeviceCheck { devices, heard } => {
                    screens::device_check(ctx, devices, heard).into_any()
                }
                Stage::TestVideo(flow) | Stage::Question(flow) => {
                    screens::flow(ctx, flow).into_any()
                }
                Stage::Questions => screens::questions(ctx).into_any(),
                Stage::Done => screens::done(ctx).into_any(),
            }
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
    Memo::new(move |previous: Option<&(String, String)>| {
        let countdown = stage.with(|stage| match stage {
            Stage::TestVideo(flow) | Stage::Question(flow) => match flow.phase {
                Phase::Thinking { until } => Some((until, "announce-think")),
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
        let say = |seconds: u64| {
            (
                id.clone(),
                t.format(key, &[("seconds", seconds.to_string())]),
            )
        };
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
    let listener = gloo::events::EventListener::new(&window, "beforeunload", move |event| {
        if ctx.has_unsaved_bytes() {
            let event: &web_sys::BeforeUnloadEvent = event.unchecked_ref();
            event.prevent_default();
            event.set_return_value(&ctx.t.get("unsaved-warning"));
        }
    });
    StoredValue::new_local(listener);
}
