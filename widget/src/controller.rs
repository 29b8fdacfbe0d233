//! Runs the candidate's session: events in, the session decides, the
//! actions it returns are carried out here (camera, recorder, uploads, API).

use crate::explain::Explain;
use crate::host_events::{emit, ErrorDetail, QuestionStarted, TakeUploaded};
use crate::i18n::Translations;
use crate::kept_takes::KeptTakes;
use crate::options::MountOptions;
use crate::tasks::TaskSet;
use crate::{api, playback};
use futures::channel::{mpsc, oneshot};
use futures::StreamExt;
use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use leptos::prelude::*;
use recorder_core::error_code::ErrorCode;
use recorder_core::model::{Receipt, SessionView};
use recorder_core::session::{Action, DeviceProblem, Event, Phase, Purpose, Session, Stage};
use recorder_core::take_store::{StoredTake, TakeInfo};
use recorder_core::upload::{Backoff, Progress, Upload, UploadConfig};
use recorder_core::web::clock;
use recorder_core::web::level_meter::LevelMeter;
use recorder_core::web::media::{self, MediaError, MediaRequest};
use recorder_core::web::recorder::{blob_bytes, RecorderEvent, Recording};
use recorder_core::web::upload_driver::{self, TakeError, TakeReceipt};
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{Blob, MediaStream};

/// MediaRecorder hands over a chunk this often, in milliseconds.
const TIMESLICE_MS: i32 = 1000;

/// How often the microphone level is read.
const METER_INTERVAL_MS: u32 = 100;

/// Reads (2 s) the audio engine gets to start before the level counts as unavailable.
const METER_START_READS: u32 = 20;

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
    /// Recorded vs acknowledged bytes of the take being uploaded.
    pub progress: RwSignal<Progress>,
    /// Whether the browser says it is online (`navigator.onLine`).
    pub online: RwSignal<bool>,
    /// The current take, playable (an object URL).
    pub playback: RwSignal<Option<String>>,
    /// What the server confirmed at the end.
    pub receipt: RwSignal<Option<Receipt>>,
    /// Camera and microphone.
    pub stream: RwSignal<Option<MediaStream>, LocalStorage>,
    take_result: RwSignal<Option<Result<TakeReceipt, String>>>,
    /// The current answer take's upload URL, once the server created it.
    upload_url: RwSignal<Option<String>>,
    /// A take that failed for a technical reason: (question, upload URL). The
    /// next take of that question replaces it, so the server gives the attempt back.
    failed_take: StoredValue<Option<(String, String)>>,
    /// Takes kept on this device until uploaded.
    kept: StoredValue<Option<KeptTakes>, LocalStorage>,
    /// The answer take whose upload the candidate sees.
    take: StoredValue<Option<CurrentTake>, LocalStorage>,
    media: StoredValue<Media, LocalStorage>,
    /// What this recorder is waiting for; cancelled when it leaves the page.
    tasks: StoredValue<TaskSet, LocalStorage>,
}

/// An answer take's hold on what the candidate sees, and how to give it up.
struct CurrentTake {
    hold: Rc<Cell<Hold>>,
    /// Sent: the take is given up and deleted from the server.
    discard: oneshot::Sender<()>,
    /// Its key among the takes kept on this device.
    key: String,
}

/// What an answer take is to the candidate.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Hold {
    /// Its upload's progress, URL and result are the ones shown.
    Current,
    /// Another take (or none) is shown; this one still uploads (a take that
    /// failed technically, or one already submitted).
    LetGo,
    /// Given up (a retake): deleted here and on the server, never described again.
    Discarded,
}

#[derive(Default)]
struct Media {
    meter: Option<Interval>,
    ticker: Option<Interval>,
    network: Vec<EventListener>,
    recording: Option<Recording>,
    chunks: Vec<Blob>,
    /// The camera's and microphone's `ended` listeners.
    tracks: Vec<EventListener>,
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
            progress: RwSignal::new(Progress {
                recorded: 0,
                acknowledged: 0,
            }),
            online: RwSignal::new(web_sys::window().is_none_or(|w| w.navigator().on_line())),
            playback: RwSignal::new(None),
            receipt: RwSignal::new(None),
            stream: RwSignal::new_local(None),
            take_result: RwSignal::new(None),
            upload_url: RwSignal::new(None),
            failed_take: StoredValue::new(None),
            kept: StoredValue::new_local(None),
            take: StoredValue::new_local(None),
            media: StoredValue::new_local(Media::default()),
            tasks: StoredValue::new_local(TaskSet::default()),
        }
    }

    /// Starts the session from the server's view and the clock that drives it.
    /// A take kept on this device from an earlier visit (a reload, a closed
    /// tab) resumes uploading at once, and the candidate lands in its review.
    pub async fn start(&self, view: SessionView) {
        self.emit("ready", &view);
        let kept = KeptTakes::open(&self.options.invite).await;
        let unfinished = kept.unfinished().await;
        self.kept.set_value(Some(kept.clone()));
        let mut session = Session::new(view.clone());
        if let Some(take) = unfinished {
            let submitted = view
                .questions
                .iter()
                .any(|q| q.id == take.info.question && q.submitted);
            if submitted {
                kept.forget(&take.key).await;
            } else {
                session = session.with_pending_take(&take.info.question);
                self.resume(take);
            }
        }
        self.session.set_value(Some(session));
        self.sync();
        let ctx = self.clone();
        let ticker = Interval::new(200, move || {
            let now = clock::now();
            ctx.now.set(now);
            let actions = ctx
                .session
                .try_update_value(|s| s.as_mut().map(|s| s.tick(now)))
                .flatten()
                .unwrap_or_default();
            ctx.run(actions);
        });
        let network = web_sys::window()
            .map(|window| {
                [("online", true), ("offline", false)].map(|(name, online)| {
                    let signal = self.online;
                    EventListener::new(&window, name, move |_| signal.set(online))
                })
            })
            .into_iter()
            .flatten()
            .collect();
        self.media.update_value(|m| {
            m.ticker = Some(ticker);
            m.network = network;
        });
    }

    /// Tells the session what happened and carries out what it decides.
    pub fn dispatch(&self, event: Event) {
        if let (Event::TechnicalFailure(_), Stage::Question(flow)) =
            (&event, self.stage.get_untracked())
        {
            if let (Purpose::Answer(question), Some(url)) =
                (flow.purpose, self.upload_url.get_untracked())
            {
                self.failed_take.set_value(Some((question, url)));
            }
        }
        let now = clock::now();
        let quiet = matches!(event, Event::Level { .. });
        let outcome = self
            .session
            .try_update_value(|s| s.as_mut().map(|s| s.handle(now, event)))
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

    /// Whether recorded bytes are still waiting for the server
    /// (an answer take is being recorded, or uploaded and not yet complete).
    pub fn has_unsaved_bytes(&self) -> bool {
        let uploading = self.upload_url.with_untracked(Option::is_some)
            && self.take_result.with_untracked(Option::is_none);
        let progress = self.progress.get_untracked();
        uploading || progress.recorded > progress.acknowledged
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
                // A take that failed stays on the server: the next one names it
                // as the one it replaces. One given up in review is deleted.
                let failed = self.stage.with_untracked(|stage| match stage {
                    Stage::TestVideo(flow) | Stage::Question(flow) => {
                        matches!(flow.phase, Phase::Failed { .. })
                    }
                    _ => false,
                });
                self.let_go_of_take(!failed);
            }
            Action::SubmitTake(question) => self.spawn(async move { ctx.submit(question).await }),
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

    /// Turns the camera and microphone off (the interview is done, or the
    /// recorder leaves the page). Safe to call when parts are already gone.
    pub fn release_devices(&self) {
        let _ = self.media.try_update_value(|m| {
            m.meter = None;
            if let Some(recording) = m.recording.take() {
                recording.stop();
            }
        });
        if let Some(Some(stream)) = self.stream.try_update_untracked(Option::take) {
            media::stop(&stream);
        }
    }

    /// No level can be read here: say so, and let the candidate go on.
    fn meter_unavailable(&self) {
        self.level_unavailable.set(true);
        self.dispatch(Event::LevelUnavailable);
    }

    async fn open_devices(&self) {
        match media::open(&MediaRequest::default()).await {
            Ok(stream) => {
                let ctx = self.clone();
                match LevelMeter::new(&stream) {
                    Ok(mut meter) => {
                        let mut suspended_reads = 0u32;
                        let interval = Interval::new(METER_INTERVAL_MS, move || {
                            if !meter.is_running() {
                                suspended_reads += 1;
                                if suspended_reads == METER_START_READS {
                                    ctx.meter_unavailable();
                                }
                                return;
                            }
                            let level = meter.read();
                            ctx.level.set(level.percent());
                            ctx.dispatch(Event::Level { rms: level.rms });
                        });
                        self.media.update_value(|m| m.meter = Some(interval));
                    }
                    Err(_) => self.meter_unavailable(),
                }
                self.watch_tracks(&stream);
                self.stream.set(Some(stream));
                self.dispatch(Event::DevicesOpened);
            }
            Err(error) => {
                let problem = problem(&error);
                if problem == DeviceProblem::NotAllowed {
                    self.emit(
                        "permission-denied",
                        &ErrorDetail {
                            code: "media",
                            message: error.to_string(),
                            reason: None,
                        },
                    );
                }
                self.dispatch(Event::DevicesFailed(problem));
            }
        }
    }

    /// A camera or microphone that goes away ends the take as a technical failure.
    fn watch_tracks(&self, stream: &MediaStream) {
        let listeners = stream
            .get_tracks()
            .iter()
            .map(|track| {
                let ctx = self.clone();
                EventListener::new(track.unchecked_ref(), "ended", move |_| {
                    ctx.dispatch(Event::TechnicalFailure(ctx.t.get("device-lost")));
                })
            })
            .collect();
        self.media.update_value(|m| m.tracks = listeners);
    }

    /// Whether the camera or microphone went away (a track ended).
    fn devices_lost(&self) -> bool {
        self.stream.with_untracked(|stream| {
            stream.as_ref().is_none_or(|stream| {
                stream.get_tracks().iter().any(|track| {
                    track
                        .unchecked_into::<web_sys::MediaStreamTrack>()
                        .ready_state()
                        == web_sys::MediaStreamTrackState::Ended
                })
            })
        })
    }

    fn start_recording(&self, purpose: Purpose) {
        playback::forget(self.playback);
        self.media.update_value(|m| m.chunks.clear());
        if self.devices_lost() {
            // After a lost device, open the camera again first.
            let ctx = self.clone();
            self.spawn(async move {
                match media::open(&MediaRequest::default()).await {
                    Ok(stream) => {
                        ctx.watch_tracks(&stream);
                        ctx.stream.set(Some(stream));
                        ctx.start_recording(purpose);
                    }
                    Err(error) => ctx.dispatch(Event::TechnicalFailure(error.explain(&ctx.t))),
                }
            });
            return;
        }
        let Some(stream) = self.stream.get_untracked() else {
            return;
        };
        let (recording, events) = match Recording::start(&stream, TIMESLICE_MS) {
            Ok(started) => started,
            Err(error) => {
                self.dispatch(Event::TechnicalFailure(error.explain(&self.t)));
                return;
            }
        };
        let mime_type = recording.mime_type().to_string();
        self.media.update_value(|m| m.recording = Some(recording));
        let kept = match &purpose {
            Purpose::Answer(question) => self.kept.get_value().map(|kept| {
                let key = kept.new_key(question);
                let info = TakeInfo {
                    question: question.clone(),
                    mime_type: mime_type.clone(),
                    upload_url: None,
                    finished: false,
                };
                (kept, key, info)
            }),
            Purpose::Test | Purpose::Practice(_) => None,
        };
        let upload = match (&purpose, &kept) {
            (Purpose::Answer(question), Some((_, key, _))) => {
                self.upload(question, &mime_type, key)
            }
            (Purpose::Answer(question), None) => self.upload(question, &mime_type, ""),
            _ => None,
        };
        self.dispatch(Event::RecordingStarted);
        let ctx = self.clone();
        self.spawn(async move {
            if let Some((kept, key, info)) = &kept {
                kept.describe(key, info).await;
            }
            ctx.collect(
                events,
                upload,
                mime_type,
                kept.map(|(kept, key, _)| (kept, key)),
            )
            .await
        });
    }

    /// Starts uploading an answer while it is recorded; returns where to send its chunks.
    /// Starts uploading an answer while it is recorded; returns where to send its chunks.
    fn upload(
        &self,
        question: &str,
        mime_type: &str,
        key: &str,
    ) -> Option<mpsc::UnboundedSender<RecorderEvent>> {
        let mut config = self.upload_config(question, mime_type);
        let failed = self.failed_take.try_update_value(Option::take).flatten();
        if let Some((_, url)) = failed.filter(|(failed_question, _)| failed_question == question) {
            config = config.with_metadata("replaces", url);
        }
        match Upload::new(config) {
            Ok(upload) => Some(self.drive(upload, question, mime_type, key)),
            Err(error) => {
                self.fail("upload", &error);
                self.no_upload(error.explain(&self.t));
                None
            }
        }
    }

    /// Resumes a take kept from an earlier visit: the server sends its offset,
    /// the device sends the rest.
    fn resume(&self, take: StoredTake) {
        let config = self.upload_config(&take.info.question, &take.info.mime_type);
        let upload = match &take.info.upload_url {
            Some(url) => Upload::resume(config, url),
            None => Upload::new(config),
        };
        let upload = match upload {
            Ok(upload) => upload,
            Err(error) => {
                self.no_upload(error.explain(&self.t));
                return;
            }
        };
        let events = self.drive(upload, &take.info.question, &take.info.mime_type, &take.key);
        let blobs: Vec<Blob> = take
            .chunks
            .iter()
            .filter_map(|chunk| playback::blob(chunk))
            .collect();
        self.playback
            .set(playback::object_url(&blobs, &take.info.mime_type));
        for blob in blobs {
            let _ = events.unbounded_send(RecorderEvent::Data(blob));
        }
        let _ = events.unbounded_send(RecorderEvent::Stopped);
    }

    fn upload_config(&self, question: &str, mime_type: &str) -> UploadConfig {
        let mut config = UploadConfig::new(format!("{}/uploads", self.options.api))
            .with_header("Authorization", format!("Bearer {}", self.options.invite))
            .with_metadata("question", question)
            .with_metadata("filetype", mime_type);
        config.backoff = Backoff::new(
            Duration::from_millis(500),
            Duration::from_secs(30),
            (js_sys::Math::random() * u64::MAX as f64) as u64,
        );
        config
    }

    /// The take's upload could not start: Submit must not wait for it.
    fn no_upload(&self, reason: String) {
        self.take_result.set(Some(Err(reason)));
    }

    /// Runs an upload fed by the returned channel; records its URL with the
    /// kept take, forgets the kept take once the server has it all.
    fn drive(
        &self,
        upload: Upload,
        question: &str,
        mime_type: &str,
        key: &str,
    ) -> mpsc::UnboundedSender<RecorderEvent> {
        let (sender, receiver) = mpsc::unbounded();
        self.let_go_of_take(false);
        let hold = Rc::new(Cell::new(Hold::Current));
        let (give_up, mut discard) = oneshot::channel();
        self.take.set_value(Some(CurrentTake {
            hold: hold.clone(),
            discard: give_up,
            key: key.to_string(),
        }));
        self.upload_url.set(None);
        self.take_result.set(None);
        self.progress.set(Progress {
            recorded: 0,
            acknowledged: 0,
        });
        let (ctx, question, mime_type, key) = (
            self.clone(),
            question.to_string(),
            mime_type.to_string(),
            key.to_string(),
        );
        self.spawn(async move {
            let (progress, upload_url, kept) = (ctx.progress, ctx.upload_url, ctx.kept);
            let describer = ctx.clone();
            let (described_question, described_type, described_key) =
                (question.clone(), mime_type.clone(), key.clone());
            let shown = hold.clone();
            let mut described_url = None;
            let result = upload_driver::run(upload, receiver, &mut discard, move |upload| {
                if shown.get() == Hold::Current {
                    progress.set(upload.progress());
                }
                if described_url.as_deref() != upload.url() && shown.get() != Hold::Discarded {
                    described_url = upload.url().map(str::to_string);
                    if shown.get() == Hold::Current {
                        upload_url.set(described_url.clone());
                    }
                    let info = TakeInfo {
                        question: described_question.clone(),
                        mime_type: described_type.clone(),
                        upload_url: described_url.clone(),
                        finished: false,
                    };
                    let (kept, key) = (kept.get_value(), described_key.clone());
                    describer.spawn(async move {
                        if let Some(kept) = kept {
                            kept.describe(&key, &info).await;
                        }
                    });
                }
            })
            .await;
            if matches!(result, Ok(_) | Err(TakeError::Discarded)) {
                if let Some(kept) = ctx.kept.get_value() {
                    kept.forget(&key).await;
                }
            }
            let shown = hold.get() == Hold::Current;
            let receipt = match result {
                Err(TakeError::Discarded) => return,
                Ok(receipt) if !shown => Some(receipt),
                Err(_) if !shown => None,
                Ok(receipt) => {
                    ctx.emit(
                        "take-uploaded",
                        &TakeUploaded {
                            question: &question,
                            url: &receipt.url,
                            bytes: receipt.bytes,
                            sha256: &receipt.sha256,
                            mime_type: &mime_type,
                        },
                    );
                    ctx.take_result.set(Some(Ok(receipt.clone())));
                    Some(receipt)
                }
                Err(error) => {
                    ctx.fail("upload", &error);
                    ctx.take_result.set(Some(Err(error.explain(&ctx.t))));
                    None
                }
            };
            // Given up after it was all uploaded (a retake): delete it there too.
            if let (Some(receipt), Ok(())) = (receipt, discard.await) {
                let config = ctx.upload_config(&question, &mime_type);
                if let Ok(mut upload) = Upload::resume(config, &receipt.url) {
                    upload.discard();
                    let (_, no_chunks) = mpsc::unbounded();
                    let (_, mut no_discard) = oneshot::channel();
                    let _ = upload_driver::run(upload, no_chunks, &mut no_discard, |_| {}).await;
                }
            }
        });
        sender
    }

    /// The current answer take is no longer the candidate's; with `delete`,
    /// its upload stops and it is deleted from the server, and from this
    /// device at once (so opening the invite again cannot bring it back).
    fn let_go_of_take(&self, delete: bool) {
        let Some(take) = self.take.try_update_value(Option::take).flatten() else {
            return;
        };
        if !delete {
            take.hold.set(Hold::LetGo);
            return;
        }
        take.hold.set(Hold::Discarded);
        let _ = take.discard.send(());
        if let Some(kept) = self.kept.get_value() {
            self.spawn(async move { kept.forget(&take.key).await });
        }
    }

    /// Keeps the recorder's chunks for playback and hands them to the upload.
    async fn collect(
        &self,
        mut events: mpsc::UnboundedReceiver<RecorderEvent>,
        upload: Option<mpsc::UnboundedSender<RecorderEvent>>,
        mime_type: String,
        kept: Option<(KeptTakes, String)>,
    ) {
        let mut index = 0u32;
        let forward = |event: RecorderEvent| {
            if let Some(upload) = &upload {
                let _ = upload.unbounded_send(event);
            }
        };
        while let Some(event) = events.next().await {
            match event {
                RecorderEvent::Data(blob) => {
                    self.media.update_value(|m| m.chunks.push(blob.clone()));
                    if let Some((kept, key)) = &kept {
                        // On the device first, then to the server.
                        if let Ok(bytes) = blob_bytes(&blob).await {
                            kept.append(key, index, &bytes).await;
                            index += 1;
                        }
                    }
                    forward(RecorderEvent::Data(blob));
                }
                RecorderEvent::Error(message) => {
                    forward(RecorderEvent::Error(message.clone()));
                    self.dispatch(Event::TechnicalFailure(message));
                }
                RecorderEvent::Stopped => {
                    forward(RecorderEvent::Stopped);
                    self.media.update_value(|m| m.recording = None);
                    if self.devices_lost() {
                        // The recorder stopped because its tracks ended, not because of Stop.
                        self.dispatch(Event::TechnicalFailure(self.t.get("device-lost")));
                        break;
                    }
                    if self.media.with_value(|m| m.chunks.is_empty()) {
                        // Some browsers claim a type they cannot record (WebKitGTK without
                        // its MP4 muxer): an empty take must not pass for an answer.
                        self.dispatch(Event::TechnicalFailure(self.t.get("recorded-nothing")));
                        break;
                    }
                    let url = self
                        .media
                        .with_value(|m| playback::object_url(&m.chunks, &mime_type));
                    self.playback.set(url);
                    self.dispatch(Event::RecordingStopped);
                    break;
                }
            }
        }
    }

    /// Submits the current take once its upload has settled (checked every
    /// 50 ms: the candidate waits no longer than that for the last byte's answer).
    async fn submit(&self, question: String) {
        let result = loop {
            if let Some(result) = self.take_result.get_untracked() {
                break result;
            }
            clock::sleep(Duration::from_millis(50)).await;
        };
        let outcome = match result {
            Ok(take) => api::submit(&self.options, &question, &take)
                .await
                .map_err(|e| e.explain(&self.t)),
            Err(error) => Err(error),
        };
        match outcome {
            Ok(_) => {
                self.let_go_of_take(false);
                self.dispatch(Event::Submitted);
            }
            Err(error) => self.refused(error),
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

fn problem(error: &MediaError) -> DeviceProblem {
    match error {
        MediaError::NotAllowed => DeviceProblem::NotAllowed,
        MediaError::NotFound => DeviceProblem::NotFound,
        MediaError::NotReadable => DeviceProblem::Busy,
        MediaError::Overconstrained(_) => DeviceProblem::Overconstrained,
        MediaError::InsecureContext => DeviceProblem::InsecureContext,
        MediaError::InAppBrowser(_) => DeviceProblem::InAppBrowser,
        MediaError::Unsupported => DeviceProblem::Unsupported,
        MediaError::Other(_) => DeviceProblem::Other,
    }
}
