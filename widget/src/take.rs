//! Recording one answer while it uploads, and confirming what arrived.

use crate::host_events::{emit, ErrorDetail};
use crate::options::MountOptions;
use gloo::timers::callback::Interval;
use leptos::prelude::*;
use leptos::task::spawn_local;
use recorder_core::model::QuestionSummary;
use recorder_core::upload::{Backoff, Progress, Upload, UploadConfig};
use recorder_core::web::clock;
use recorder_core::web::recorder::Recording;
use recorder_core::web::upload_driver::{self, TakeReceipt};
use std::time::Duration;
use web_sys::MediaStream;

/// MediaRecorder hands over a chunk this often, in milliseconds.
const TIMESLICE_MS: i32 = 1000;

#[derive(Clone, PartialEq)]
enum Phase {
    Idle,
    Recording,
    Uploading,
    Uploaded(TakeReceipt),
    Failed(String),
}

impl Phase {
    fn key(&self) -> &'static str {
        match self {
            Phase::Idle => "idle",
            Phase::Recording => "recording",
            Phase::Uploading => "uploading",
            Phase::Uploaded(_) => "uploaded",
            Phase::Failed(_) => "failed",
        }
    }
}

/// `detail` of the `take-uploaded` event.
#[derive(serde::Serialize)]
struct TakeUploaded<'a> {
    question: &'a str,
    url: &'a str,
    bytes: u64,
    sha256: &'a str,
    mime_type: &'a str,
}

/// Records an answer to `question`, uploading it as it is recorded.
#[component]
pub fn Take(
    question: QuestionSummary,
    options: MountOptions,
    stream: RwSignal<Option<MediaStream>, LocalStorage>,
    heard: RwSignal<bool>,
    host: StoredValue<web_sys::Element, LocalStorage>,
) -> impl IntoView {
    let phase = RwSignal::new(Phase::Idle);
    let progress = RwSignal::new(Progress {
        recorded: 0,
        acknowledged: 0,
    });
    let elapsed = RwSignal::new(0u32);
    let recording = StoredValue::new_local(None::<Recording>);
    let ticker = StoredValue::new_local(None::<Interval>);
    let limit = question.answer_seconds;
    let question_id = question.id.clone();

    let stop = move || {
        ticker.set_value(None);
        recording.with_value(|r| r.as_ref().map(Recording::stop));
        if phase.get_untracked() == Phase::Recording {
            phase.set(Phase::Uploading);
        }
    };
    let record = move |options: MountOptions, question_id: String| {
        let Some(opened) = stream.get_untracked() else {
            return;
        };
        let (started, events) = match Recording::start(&opened, TIMESLICE_MS) {
            Ok(started) => started,
            Err(error) => {
                phase.set(Phase::Failed(error.to_string()));
                return;
            }
        };
        let mime_type = started.mime_type().to_string();
        let mut config = UploadConfig::new(format!("{}/uploads", options.api))
            .with_header("Authorization", format!("Bearer {}", options.invite))
            .with_metadata("question", question_id.clone())
            .with_metadata("filetype", mime_type.clone());
        config.backoff = Backoff::new(
            Duration::from_millis(500),
            Duration::from_secs(30),
            (js_sys::Math::random() * u64::MAX as f64) as u64,
        );
        let upload = match Upload::new(config) {
            Ok(upload) => upload,
            Err(error) => {
                phase.set(Phase::Failed(error.to_string()));
                return;
            }
        };
        recording.set_value(Some(started));
        elapsed.set(0);
        phase.set(Phase::Recording);
        let began = clock::now();
        ticker.set_value(Some(Interval::new(250, move || {
            let seconds = (clock::now() - began).as_secs() as u32;
            elapsed.set(seconds.min(limit));
            if seconds >= limit {
                stop();
            }
        })));
        let question_id = question_id.clone();
        spawn_local(async move {
            let result = upload_driver::run(upload, events, move |p| progress.set(p)).await;
            recording.set_value(None);
            match result {
                Ok(receipt) => {
                    host.with_value(|h| {
                        emit(
                            h,
                            "take-uploaded",
                            &TakeUploaded {
                                question: &question_id,
                                url: &receipt.url,
                                bytes: receipt.bytes,
                                sha256: &receipt.sha256,
                                mime_type: &mime_type,
                            },
                        )
                    });
                    phase.set(Phase::Uploaded(receipt));
                }
                Err(error) => {
                    host.with_value(|h| {
                        emit(
                            h,
                            "error",
                            &ErrorDetail {
                                code: "upload",
                                message: error.to_string(),
                            },
                        )
                    });
                    phase.set(Phase::Failed(error.to_string()));
                }
            }
        });
    };

    let start = move |_| {
        let (options, question_id) = (options.clone(), question_id.clone());
        spawn_local(async move {
            // The server times think time and checks attempts from the reveal.
            match crate::api::reveal(&options, &question_id).await {
                Ok(_) => record(options, question_id),
                Err(error) => phase.set(Phase::Failed(error.to_string())),
            }
        });
    };

    let status = move || match phase.get() {
        Phase::Idle => format!("Answers can be up to {} seconds long.", limit),
        Phase::Recording => {
            let p = progress.get();
            format!(
                "Recording {} of {} · {} sent",
                clock_text(elapsed.get()),
                clock_text(limit),
                megabytes(p.acknowledged)
            )
        }
        Phase::Uploading => {
            let p = progress.get();
            format!(
                "Finishing upload… {} of {}",
                megabytes(p.acknowledged),
                megabytes(p.recorded)
            )
        }
        Phase::Uploaded(receipt) => format!(
            "Uploaded: {} received by the server (sha256 {}…)",
            megabytes(receipt.bytes),
            &receipt.sha256[..12.min(receipt.sha256.len())]
        ),
        Phase::Failed(message) => message,
    };
    view! {
        <section class="ir-take" part="take">
            <p part="status" class="ir-status" role="status" aria-live="polite" data-status=move || phase.get().key()>
                {status}
            </p>
            {move || match phase.get() {
                Phase::Idle | Phase::Failed(_) => view! {
                    <button
                        part="button record"
                        class="ir-button ir-record"
                        disabled=move || stream.get().is_none() || !heard.get()
                        on:click=start.clone()
                    >
                        "Record answer"
                    </button>
                }.into_any(),
                Phase::Recording => view! {
                    <button part="button stop" class="ir-button ir-stop" on:click=move |_| stop()>
                        "Stop"
                    </button>
                }.into_any(),
                Phase::Uploading | Phase::Uploaded(_) => ().into_any(),
            }}
        </section>
    }
}

fn clock_text(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}
