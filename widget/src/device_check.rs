//! Camera preview and live microphone level.

use crate::host_events::{emit, ErrorDetail};
use gloo::timers::callback::Interval;
use leptos::prelude::*;
use leptos::task::spawn_local;
use recorder_core::web::level_meter::LevelMeter;
use recorder_core::web::media::{self, MediaError, MediaRequest};
use web_sys::MediaStream;

/// How often the level meter is read.
const METER_INTERVAL_MS: u32 = 100;

#[derive(Clone, PartialEq)]
enum Camera {
    Off,
    Starting,
    On,
    Failed(String),
}

/// Turns the camera and microphone on, shows the preview and the level,
/// sets `stream` once both work and `heard` once the microphone heard sound.
#[component]
pub fn DeviceCheck(
    stream: RwSignal<Option<MediaStream>, LocalStorage>,
    heard: RwSignal<bool>,
    host: StoredValue<web_sys::Element, LocalStorage>,
) -> impl IntoView {
    let camera = RwSignal::new(Camera::Off);
    let level = RwSignal::new(0u8);
    let meter = StoredValue::new_local(None::<Interval>);
    let video = NodeRef::<leptos::html::Video>::new();
    let turn_on = move |_| {
        camera.set(Camera::Starting);
        spawn_local(async move {
            match media::open(&MediaRequest::default()).await {
                Ok(opened) => {
                    if let Some(video) = video.get_untracked() {
                        video.set_src_object(Some(&opened));
                    }
                    if let Ok(mut listener) = LevelMeter::new(&opened) {
                        let interval = Interval::new(METER_INTERVAL_MS, move || {
                            let reading = listener.read();
                            level.set(reading.percent());
                            if reading.is_sound() && !heard.get_untracked() {
                                heard.set(true);
                            }
                        });
                        meter.set_value(Some(interval));
                    }
                    stream.set(Some(opened));
                    camera.set(Camera::On);
                }
                Err(error) => {
                    let code = match error {
                        MediaError::NotAllowed => "permission-denied",
                        _ => "error",
                    };
                    host.with_value(|h| {
                        emit(
                            h,
                            code,
                            &ErrorDetail {
                                code: "media",
                                message: error.to_string(),
                            },
                        )
                    });
                    camera.set(Camera::Failed(error.to_string()));
                }
            }
        });
    };
    on_cleanup(move || {
        meter.set_value(None);
        if let Some(opened) = stream.get_untracked() {
            media::stop(&opened);
        }
    });
    view! {
        <section class="ir-device" part="device-check">
            <video
                node_ref=video
                part="preview"
                class="ir-preview"
                autoplay=true
                playsinline=true
                prop:muted=true
                hidden=move || camera.get() != Camera::On
            ></video>
            <div
                class="ir-meter"
                part="level"
                role="meter"
                aria-label="Microphone level"
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=move || level.get().to_string()
                hidden=move || camera.get() != Camera::On
            >
                <div class="ir-meter-fill" style:width=move || format!("{}%", level.get())></div>
            </div>
            {move || match camera.get() {
                Camera::Off | Camera::Failed(_) => view! {
                    <button part="button" class="ir-button" on:click=turn_on>
                        "Turn on camera and microphone"
                    </button>
                }.into_any(),
                Camera::Starting => view! { <p class="ir-note" role="status">"Waiting for your camera…"</p> }.into_any(),
                Camera::On => view! {
                    <p class="ir-note" role="status">
                        {move || if heard.get() { "Your microphone works." } else { "Say something to test your microphone." }}
                    </p>
                }.into_any(),
            }}
            {move || match camera.get() {
                Camera::Failed(message) => Some(view! { <p class="ir-error" role="alert">{message}</p> }),
                _ => None,
            }}
        </section>
    }
}
