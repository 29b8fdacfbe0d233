//! The recorder's screens, from loading the interview to the uploaded take.

use crate::api;
use crate::device_check::DeviceCheck;
use crate::host_events::{emit, ErrorDetail};
use crate::options::{MountOptions, OptionsError};
use crate::take::Take;
use leptos::prelude::*;
use leptos::task::spawn_local;
use recorder_core::model::SessionView;
use web_sys::MediaStream;

#[derive(Clone)]
enum Screen {
    Loading,
    Overview(SessionView),
    Failed(String),
}

/// The whole recorder for one candidate.
#[component]
pub fn App(options: Result<MountOptions, OptionsError>, host: web_sys::Element) -> impl IntoView {
    let host = StoredValue::new_local(host);
    let screen = RwSignal::new(Screen::Loading);
    let fail = move |code: &'static str, message: String| {
        host.with_value(|h| {
            emit(
                h,
                "error",
                &ErrorDetail {
                    code,
                    message: message.clone(),
                },
            )
        });
        screen.set(Screen::Failed(message));
    };
    let options = match options {
        Ok(options) => Some(options),
        Err(error) => {
            fail("options", error.to_string());
            None
        }
    };
    if let Some(options) = options.clone() {
        spawn_local(async move {
            match api::session(&options).await {
                Ok(session) => {
                    host.with_value(|h| emit(h, "ready", &session));
                    screen.set(Screen::Overview(session));
                }
                Err(error) => fail("session", error.to_string()),
            }
        });
    }
    let stream = RwSignal::new_local(None::<MediaStream>);
    let heard = RwSignal::new(false);
    move || match screen.get() {
        Screen::Loading => {
            view! { <p class="ir-note" role="status">"Loading your interview…"</p> }.into_any()
        }
        Screen::Failed(message) => {
            view! { <p class="ir-error" part="error" role="alert">{message}</p> }.into_any()
        }
        Screen::Overview(session) => {
            let question = session.questions.first().cloned();
            let options = options.clone();
            view! {
                <h2 part="title">{session.title.clone()}</h2>
                <p class="ir-note">
                    {format!("{} questions", session.questions.len())}
                </p>
                <DeviceCheck stream=stream heard=heard host=host/>
                {question.zip(options).map(|(question, options)| view! {
                    <Take question=question options=options stream=stream heard=heard host=host/>
                })}
            }
            .into_any()
        }
    }
}
