//! Camera preview, live microphone level, and help when the devices fail.

use super::connection::Connection;
use super::open_elsewhere::OpenElsewhere;
use super::preview::Preview;
use super::tips::Tips;
use super::{act, Live, ScreenContext, BUTTON};
use crate::controller::Link;
use leptos::prelude::*;
use recorder_core::browser::{self, Browser};
use recorder_core::session::{DeviceProblem, Devices, Event};
use recorder_core::sound_check::SoundAdvice;
use recorder_core::web::camera_app;

/// The device check screen: `level` is the microphone's, 0-100;
/// `level_unavailable` says the browser cannot measure it here; `sound`
/// is what the last seconds of it say (too quiet, clipping, no speech);
/// `link` what the connection check found and how answers will be recorded, `longest_answer` the longest answer limit in seconds.
#[component]
pub fn DeviceCheck(
    screen: ScreenContext,
    devices: Devices,
    heard: bool,
    sound: SoundAdvice,
    #[prop(into)] level: Live<u8>,
    #[prop(into)] level_unavailable: Live<bool>,
    #[prop(into)] link: Live<Link>,
    longest_answer: u32,
) -> impl IntoView {
    let t = screen.t.clone();
    let tips = view! { <Tips screen=screen.clone()/> };
    let body = match devices {
        Devices::Opening => {
            view! { <p class="ir-note" role="status">{t.get("device-opening")}</p> }.into_any()
        }
        Devices::Failed(problem) => {
            let screen = screen.clone();
            // Here the browser cannot record: where it can hand over a video
            // from the camera app, that first; then how to take the link to
            // another browser.
            let cannot_record = matches!(
                problem,
                DeviceProblem::InAppBrowser | DeviceProblem::Unsupported
            );
            let camera_app = (cannot_record && camera_app::available()).then(|| view! {
                <div class="ir-camera-app" part="camera-app">
                    <p class="ir-note">{t.get("camera-app-offer")}</p>
                    {act(&screen, t.get("use-camera-app"), "use-camera-app", BUTTON, Event::UseCameraApp)}
                </div>
            });
            let elsewhere = cannot_record.then(|| view! { <OpenElsewhere screen=screen.clone()/> });
            view! {
                <div class="ir-help" part="help" role="alert">
                    <p>{t.get(&help_key(problem))}</p>
                    <button part="button" class="ir-button" on:click=move |_| screen.act(Event::RetryDevices)>
                        {t.get("try-again")}
                    </button>
                </div>
                {camera_app}
                {elsewhere}
            }
            .into_any()
        }
        Devices::Open => {
            let t2 = t.clone();
            let hint = move || {
                if level_unavailable.get() {
                    return t2.get("device-level-unavailable");
                }
                match sound {
                    SoundAdvice::TooQuiet => t2.get("sound-too-quiet"),
                    SoundAdvice::Clipping => t2.get("sound-clipping"),
                    SoundAdvice::NoSpeech => t2.get("sound-no-speech"),
                    SoundAdvice::Good | SoundAdvice::Listening if heard => t2.get("device-heard"),
                    SoundAdvice::Good | SoundAdvice::Listening => t2.get("device-say-something"),
                }
            };
            view! {
                <Preview screen=screen.clone()/>
                <div class="ir-meter" part="level" role="meter" aria-label=t.get("device-level")
                    aria-valuemin="0" aria-valuemax="100" aria-valuenow=move || level.get().to_string()>
                    <div class="ir-meter-fill" style:width=move || format!("{}%", level.get())></div>
                </div>
                <p class="ir-note" part="mic-hint" id="ir-mic-hint" role="status" data-advice=sound.name()>{hint}</p>
                <Connection screen=screen.clone() link longest_answer/>
                <button part="button continue" class="ir-button" disabled=!heard aria-describedby="ir-mic-hint"
                    on:click=move |_| screen.act(Event::ContinueFromDeviceCheck)>
                    {t.get("continue")}
                </button>
            }
            .into_any()
        }
    };
    view! {
        <section class="ir-screen" part="device-check" aria-labelledby="ir-title">
            <h2 id="ir-title" part="title" tabindex="-1">{t.get("device-title")}</h2>
            {body}
            {tips}
        </section>
    }
}

/// The help text's key; refused permission gets steps for the candidate's browser.
fn help_key(problem: DeviceProblem) -> String {
    let key = match problem {
        DeviceProblem::NotAllowed => {
            let user_agent = web_sys::window()
                .and_then(|w| w.navigator().user_agent().ok())
                .unwrap_or_default();
            return match browser::detect(&user_agent) {
                Browser::Other => "help-not-allowed".to_string(),
                known => format!("help-not-allowed-{}", known.name()),
            };
        }
        DeviceProblem::NotFound => "help-not-found",
        DeviceProblem::Busy => "help-busy",
        DeviceProblem::Overconstrained => "help-overconstrained",
        DeviceProblem::InsecureContext => "help-insecure",
        DeviceProblem::Unsupported => "help-unsupported",
        DeviceProblem::InAppBrowser => "help-in-app",
        DeviceProblem::Other => "help-other",
    };
    key.to_string()
}
