//! The screens of the candidate's flow, one component each. A screen gets
//! what it shows as props; through context it reaches only [`ScreenContext`]:
//! the candidate's language, where their actions go, and the camera picture.

mod device_check;
mod done;
mod flow;
mod overview;
mod preview;
mod questions;
mod upload_status;

pub use device_check::DeviceCheck;
pub use done::Done;
pub use flow::Flow;
pub use overview::Overview;
pub use questions::Questions;

use crate::i18n::Translations;
use leptos::prelude::*;
use recorder_core::session::Event;
use std::sync::Arc;
use web_sys::MediaStream;

/// What every screen may use without being handed it.
///
/// ```ignore
/// ScreenContext::new(t, Callback::new(move |event| ctx.dispatch(event)), stream).provide();
/// // then, in a screen:
/// let screen = ScreenContext::expect();
/// view! { <button on:click=move |_| screen.act(Event::Start)>{screen.t.get("start-interview")}</button> }
/// ```
#[derive(Clone)]
pub struct ScreenContext {
    /// The candidate's language.
    pub t: Arc<Translations>,
    act: Callback<Event>,
    camera: Signal<Option<MediaStream>, LocalStorage>,
}

impl ScreenContext {
    /// The screens' context: `act` hears what the candidate does, `camera` is the live stream.
    pub fn new(
        t: Arc<Translations>,
        act: Callback<Event>,
        camera: impl Into<Signal<Option<MediaStream>, LocalStorage>>,
    ) -> ScreenContext {
        ScreenContext {
            t,
            act,
            camera: camera.into(),
        }
    }

    /// Makes this the context of every screen below the current component.
    pub fn provide(self) {
        provide_context(self);
    }

    /// The context a screen is drawn in.
    fn expect() -> ScreenContext {
        expect_context()
    }

    /// Tells the session what the candidate did.
    fn act(&self, event: Event) {
        self.act.run(event);
    }
}

/// `m:ss`
fn clock_text(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}
