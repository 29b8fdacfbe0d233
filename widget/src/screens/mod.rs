//! The screens of the candidate's flow, one component each. A screen gets
//! what it shows as props, and [`ScreenContext`]: the candidate's language,
//! where their actions go, and the camera picture; nothing else of the
//! controller. (Handed down as a prop, not through Leptos's context: its
//! type map cost 2 KB of the wasm.)

mod connection;
mod consent;
mod contact;
mod device_check;
mod done;
mod extension;
mod flow;
mod open_elsewhere;
mod overview;
mod preview;
mod progress;
mod questions;
mod tips;
mod upload_status;

pub use consent::{Consent, Declined};
pub use contact::Contact;
pub use device_check::DeviceCheck;
pub use done::Done;
pub use extension::ExtensionRequest;
pub use flow::Flow;
pub use overview::Overview;
pub use progress::Progress;
pub use questions::Questions;
pub use upload_status::Saving;

use crate::i18n::Translations;
use leptos::prelude::*;
use recorder_core::session::Event;
use std::sync::Arc;
use web_sys::{File, HtmlInputElement, MediaStream};

/// What every screen may use, whatever it shows.
///
/// ```ignore
/// let screen = ScreenContext::new(t, move |event| ctx.dispatch(event), move |file, event| ctx.hand_over(file, event), stream.read_only());
/// view! { <Overview screen view/> }
/// // in a screen:
/// view! { <button on:click=move |_| screen.act(Event::Start)>{screen.t.get("start-interview")}</button> }
/// ```
#[derive(Clone)]
pub struct ScreenContext {
    /// The candidate's language.
    pub t: Arc<Translations>,
    act: Arc<dyn Fn(Event) + Send + Sync>,
    hand_over: Arc<dyn Fn(File, Event) + Send + Sync>,
    camera: Live<Option<MediaStream>, LocalStorage>,
}

impl ScreenContext {
    /// The screens' context: `act` hears what the candidate does,
    /// `hand_over` gets the video the camera app made (with what it is
    /// for: record, retake), `camera` is the live stream.
    pub fn new(
        t: Arc<Translations>,
        act: impl Fn(Event) + Send + Sync + 'static,
        hand_over: impl Fn(File, Event) + Send + Sync + 'static,
        camera: Live<Option<MediaStream>, LocalStorage>,
    ) -> ScreenContext {
        ScreenContext {
            t,
            act: Arc::new(act),
            hand_over: Arc::new(hand_over),
            camera,
        }
    }

    /// Tells the session what the candidate did.
    fn act(&self, event: Event) {
        (self.act)(event);
    }
}

/// A value the controller keeps up to date and a screen only reads.
/// (A [`RwSignal`] seen through a narrower door: a `ReadSignal` of its own
/// would compile every read again, 4 KB of the wasm.)
///
/// ```ignore
/// let level = RwSignal::new(0u8);
/// view! { <DeviceCheck screen devices heard level=level level_unavailable=unavailable/> }
/// // in the screen: move || level.get()
/// ```
pub struct Live<T: 'static, S = SyncStorage>(RwSignal<T, S>);

impl<T, S> Live<T, S>
where
    RwSignal<T, S>: Get<Value = T>,
{
    /// The value now; read inside a reactive closure, the closure runs again when it changes.
    pub fn get(&self) -> T {
        self.0.get()
    }
}

impl<T, S> From<RwSignal<T, S>> for Live<T, S> {
    fn from(signal: RwSignal<T, S>) -> Self {
        Live(signal)
    }
}

impl<T, S> Clone for Live<T, S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T, S> Copy for Live<T, S> {}

/// The look of most buttons.
pub(super) const BUTTON: &str = "ir-button";

/// A button that tells the session `event`; `part` names it for host
/// styles and tests, `class` sets its look.
pub(super) fn act(
    screen: &ScreenContext,
    label: String,
    part: &'static str,
    class: &'static str,
    event: Event,
) -> impl IntoView {
    let screen = screen.clone();
    view! {
        <button part=format!("button {part}") class=class on:click=move |_| screen.act(event.clone())>{label}</button>
    }
}

/// Where the camera app records ([`recorder_core::camera_app`]): a
/// button that opens it (a file input asking for a video from the front
/// camera); the video it hands over goes to the controller with `event`.
pub(super) fn pick_video(
    screen: &ScreenContext,
    label: String,
    part: &'static str,
    class: &'static str,
    event: Event,
) -> impl IntoView {
    let screen = screen.clone();
    let chosen = move |e: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&e);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            (screen.hand_over)(file, event.clone());
        }
        // The same video may be chosen again after a refusal.
        input.set_value("");
    };
    view! {
        <label part=format!("button {part}") class=format!("{class} ir-pick")>
            <input type="file" accept="video/*" capture="user" class="ir-visually-hidden" on:change=chosen/>
            {label}
        </label>
    }
}

/// A button for `event`: the camera app's where it records, else the session's.
pub(super) fn record(
    screen: &ScreenContext,
    camera_app: bool,
    label: String,
    part: &'static str,
    class: &'static str,
    event: Event,
) -> AnyView {
    match camera_app {
        true => pick_video(screen, label, part, class, event).into_any(),
        false => act(screen, label, part, class, event).into_any(),
    }
}

/// `m:ss`
fn clock_text(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}
