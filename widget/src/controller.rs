//! Runs the candidate's session: events in, the session decides, the
//! actions it returns are carried out here (camera, recorder, uploads, API).

use crate::explain::Explain;
use crate::host_events::{emit, ErrorDetail, QuestionStarted};
use crate::i18n::Translations;
use crate::kept_takes::KeptTakes;
use crate::options::MountOptions;
use crate::screens::Saving;
use crate::tasks::TaskSet;
use crate::{api, playback};
use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use leptos::prelude::*;
use recorder_core::error_code::ErrorCode;
use recorder_core::model::{Receipt, SessionView};
use recorder_core::session::{Action, Event, Session, Stage};
use recorder_core::web::clock;
use recorder_core::web::recorder::Recording;
use recorder_core::web::takes_driver::TakesHandle;
use std::sync::Arc;
use std::time::Duration;
use web_sys::{Blob, MediaStream};

mod camera_app;
mod devices;
mod interruptions;
mod link;
mod takes;

pub use link::{Link, LinkCheck};

/// Everything the screens read and the controller writes; cheap to copy around.
#[derive(Clone)]
pub struct Ctx {
    /// The host page's options.
    pub options: MountOptions,
    /// The candidate's language.
    pub t: Arc<Translations>,
    /// The `<interview-recorder>` element, for events.
    pub host: StoredValue<web_sys::Element, LocalStorage>,
    session: StoredValue<Option<Session>>,
    /// The current screen.
    pub stage: RwSignal<Stage>,
    /// The questions and progress.
    pub view: RwSignal<Option<SessionView>>,
    /// The time, refreshed for countdowns.
    pub now: RwSignal<Duration>,
    /// Microphone level, 0-100.
    pub level: RwSignal<u8>,
    /// The browser cannot measure the microphone level here.
    pub level_unavailable: RwSignal<bool>,
    /// A message for the candidate about the last thing that went wrong.
    pub notice: RwSignal<Option<String>>,
    /// The connection check, and how the next take is recorded.
    pub link: RwSignal<Link>,
    /// Recorded vs acknowledged bytes of the take being uploaded, and
    /// whether the device keeps a copy.
    pub saving: RwSignal<Saving>,
    /// The current take, playable (an object URL).
    pub playback: RwSignal<Option<String>>,
    /// What the server confirmed at the end.
    pub receipt: RwSignal<Option<Receipt>>,
    /// Camera and microphone.
    pub stream: RwSignal<Option<MediaStream>, LocalStorage>,
    /// Takes kept on this device until uploaded.
    kept: StoredValue<Option<KeptTakes>, LocalStorage>,
    /// Every answer take, driven against the network and the device.
    takes: StoredValue<Option<TakesHandle>, LocalStorage>,
    /// Whether some take still has bytes the server does not.
    unsent: StoredValue<bool>,
    media: StoredValue<Media, LocalStorage>,
    /// What this recorder is waiting for; cancelled when it leaves the page.
    tasks: StoredValue<TaskSet, LocalStorage>,
}

#[derive(Default)]
struct Media {
    meter: Option<Interval>,
    ticker: Option<Interval>,
    recording: Option<Recording>,
    chunks: Vec<Blob>,
    /// The camera's and microphone's `ended` and `mute` listeners.
    tracks: Vec<EventListener>,
    /// The page's `visibilitychange` and `freeze` listeners.
    page: Vec<EventListener>,
    /// Why the running recording was stopped short, once it was.
    interrupted: Option<String>,
    /// The camera app's video for the take about to start.
    file: Option<web_sys::File>,
}

impl Ctx {
    /// A controller with nothing loaded yet.
    pub fn new(options: MountOptions, t: Translations, host: web_sys::Element) -> Ctx {
        Ctx {
            options,
            t: Arc::new(t),
            host: StoredValue::new_local(host),
            session: StoredValue::new(None),
            stage: RwSignal::new(Stage::Overview),
            view: RwSignal::new(None),
            now: RwSignal::new(clock::now()),
            level: RwSignal::new(0),
            level_unavailable: RwSignal::new(false),
            notice: RwSignal::new(None),
            link: RwSignal::new(Link::default()),
            saving: RwSignal::new(Saving::default()),
            playback: RwSignal::new(None),
            receipt: RwSignal::new(None),
            stream: RwSignal::new_local(None),
            kept: StoredValue::new_local(None),
            takes: StoredValue::new_local(None),
            unsent: StoredValue::new(false),
            media: StoredValue::new_local(Media::default()),
            tasks: StoredValue::new_local(TaskSet::default()),
        }
    }

    /// Starts the session from the server's view and the clock that drives it.
    /// The overview shows at once; then a take kept on this device from an
    /// earlier visit (a reload, a closed tab) resumes uploading, and after
    /// the device check the candidate lands in its review.
    pub async fn start(&self, view: SessionView) {
        self.emit("ready", &view);
        self.session.set_value(Some(Session::new(view.clone())));
        self.sync();
        let ctx = self.clone();
        let ticker = Interval::new(200, move || {
            let now = clock::now();
            ctx.now.set(now);
            let actions = ctx
                .session
                .try_update_value(|s| s.as_mut().map(|s| s.handle_timeout(now)))
                .flatten()
                .unwrap_or_default();
            ctx.run(actions);
        });
        self.media.update_value(|m| m.ticker = Some(ticker));
        self.watch_page();
        let kept = KeptTakes::open(&self.options.invite).await;
        self.kept.set_value(Some(kept.clone()));
        self.drive_takes(kept.clone());
        self.resume(&kept, kept.of_invite().await, &view);
    }

    /// Tells the session something the candidate did not do; whether it took it.
    fn accept(&self, event: Event) -> bool {
        let accepted = self
            .session
            .try_update_value(|s| {
                s.as_mut()
                    .map(|s| s.handle_event(clock::now(), event).is_ok())
            })
            .flatten()
            .unwrap_or(false);
        self.sync();
        accepted
    }

    /// Tells the session what happened and carries out what it decides.
    pub fn dispatch(&self, event: Event) {
        let now = clock::now();
        let quiet = matches!(event, Event::Level(_) | Event::Uplink(_));
        let outcome = self
            .session
            .try_update_value(|s| s.as_mut().map(|s| s.handle_event(now, event)))
            .flatten();
        match outcome {
            Some(Ok(actions)) => {
                if !quiet {
                    self.notice.set(None);
                }
                self.run(actions);
            }
            Some(Err(error)) => self.notice.set(Some(error.explain(&self.t))),
            None => {}
        }
    }

    /// Sends a DOM event to the host page.
    /// The host page's listeners run before this returns; the element is
    /// taken out of the reactive arena first, so they may unmount the recorder.
    pub fn emit(&self, name: &str, detail: &impl serde::Serialize) {
        if let Some(host) = self.host.try_get_value() {
            emit(&host, name, detail);
        }
    }

    /// Runs `task` until it ends or this recorder leaves the page.
    pub fn spawn(&self, task: impl std::future::Future<Output = ()> + 'static) {
        let _ = self.tasks.try_with_value(|tasks| tasks.spawn(task));
    }

    /// Whether recorded bytes are still waiting for the server (or for the device).
    pub fn has_unsaved_bytes(&self) -> bool {
        self.unsent.try_get_value().unwrap_or(false)
    }

    fn run(&self, actions: Vec<Action>) {
        self.sync();
        for action in actions {
            self.perform(action);
        }
    }

    fn sync(&self) {
        self.session.with_value(|session| {
            if let Some(session) = session {
                if self.stage.get_untracked() != *session.stage() {
                    self.stage.set(session.stage().clone());
                }
                if self
                    .view
                    .with_untracked(|v| v.as_ref() != Some(session.view()))
                {
                    self.view.set(Some(session.view().clone()));
                }
            }
        });
    }

    fn perform(&self, action: Action) {
        let ctx = self.clone();
        match action {
            Action::AnswerConsent(decision) => self.spawn(async move {
                match api::consent(&ctx.options, &decision).await {
                    Ok(answer) => {
                        ctx.emit("consent", &answer);
                        ctx.dispatch(Event::ConsentRecorded(answer));
                    }
                    Err(error) => ctx.refused(error.explain(&ctx.t)),
                }
            }),
            Action::RequestExtension(ask) => self.spawn(async move {
                match api::extension(&ctx.options, &ask).await {
                    Ok(extension) => {
                        ctx.emit("extension-requested", &extension);
                        ctx.dispatch(Event::ExtensionRecorded(extension));
                    }
                    Err(error) => ctx.refused(error.explain(&ctx.t)),
                }
            }),
            Action::OpenDevices => self.spawn(async move { ctx.open_devices().await }),
            Action::StartRecording(purpose) => self.start_recording(purpose),
            Action::StopRecording => self.media.with_value(|m| {
                if let Some(recording) = &m.recording {
                    recording.stop();
                }
            }),
            Action::Reveal(question) => self.spawn(async move {
                match api::reveal(&ctx.options, &question).await {
                    Ok(revealed) => {
                        ctx.emit(
                            "question-started",
                            &QuestionStarted {
                                question: &question,
                            },
                        );
                        ctx.dispatch(Event::Revealed {
                            question,
                            prompt: revealed.prompt,
                            think_left: Duration::from_millis(revealed.think_left_ms),
                        });
                    }
                    Err(error) => ctx.refused(error.explain(&ctx.t)),
                }
            }),
            Action::DiscardTake => {
                self.media.update_value(|m| m.chunks.clear());
                playback::forget(self.playback);
                self.let_go_of_take();
            }
            Action::SubmitTake(question) => self.submit(&question),
            Action::PlanRecording => self.plan_recording(),
            Action::Complete => self.spawn(async move {
                match api::complete(&ctx.options).await {
                    Ok(receipt) => {
                        ctx.release_devices();
                        ctx.emit("completed", &receipt);
                        ctx.receipt.set(Some(receipt));
                    }
                    Err(error) => ctx.fail("complete", &error),
                }
            }),
        }
    }

    fn refused(&self, message: String) {
        self.dispatch(Event::ServerRefused(message.clone()));
        self.notice.set(Some(message));
    }

    /// Tells the host page (in English, for integrators) and the candidate
    /// (in their language) that `error` happened.
    fn fail(&self, code: &'static str, error: &(impl Explain + std::fmt::Display)) {
        self.emit(
            "error",
            &ErrorDetail {
                code,
                message: error.to_string(),
                reason: error.reason().map(ErrorCode::as_str),
            },
        );
        self.notice.set(Some(error.explain(&self.t)));
    }
}
