//! Browser events heard for as long as the component that listens lives.

use gloo::events::EventListener;
use leptos::prelude::*;
use std::borrow::Cow;
use web_sys::{Event, EventTarget};

/// Calls `on_event` for each `name` event on `target` until the current
/// component leaves the page (its owner is cleaned up).
///
/// ```ignore
/// let online = RwSignal::new(true);
/// listen(&window, "offline", move |_| online.set(false));
/// ```
pub fn listen(
    target: &EventTarget,
    name: impl Into<Cow<'static, str>>,
    on_event: impl FnMut(&Event) + 'static,
) {
    StoredValue::new_local(EventListener::new(target, name, on_event));
}
