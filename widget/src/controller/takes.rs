//! Answer takes, carried between the browser and the core's take
//! coordinator: the recorder's chunks go in, the coordinator's news come
//! out as host events, notices and session events. The rules of a take
//! (kept on the device first, given up, replaced, resumed, submitted once
//! uploaded) live in `recorder_core::takes`.

use super::Ctx;
use crate::api;
use crate::explain::Explain;
use crate::host_events::TakeUploaded;
use crate::kept_takes::KeptTakes;
use crate::playback;
use crate::screens::Saving;
use futures::channel::mpsc;
use futures::StreamExt;
use leptos::prelude::*;
use recorder_core::model::SessionView;
use recorder_core::session::{Event, Phase, Purpose, Stage};
use recorder_core::take_store::StoredTake;
use recorder_core::takes::{NewTake, TakeEvent, TakeId, Takes};
use recorder_core::web::clock;
use recorder_core::web::media::{self, MediaRequest};
use recorder_core::web::recorder::{blob_bytes, RecorderEvent, Recording};
use recorder_core::web::takes_driver::{self, TakesView};
use web_sys::Blob;

/// MediaRecorder hands over a chunk this often, in milliseconds.
const TIMESLICE_MS: i32 = 1000;

impl Ctx {
    /// Starts the take coordinator, storing takes in `kept`; it runs until
    /// the recorder leaves the page.
    pub(super) fn drive_takes(&self, kept: KeptTakes) {
        let takes = match Takes::new(self.upload_config()) {
            Ok(takes) => takes,
            Err(error) => return self.fail("upload", &error),
        };
        let (events, changes) = (self.clone(), self.clone());
        let (handle, work) = takes_driver::drive(
            takes,
            kept,
            move |event| events.on_take_event(event),
            move |view| changes.show_takes(view),
        );
        self.takes.set_value(Some(handle));
        self.spawn(work);
    }

    /// Changes the coordinator, if it runs.
    pub(super) fn update_takes<R>(&self, change: impl FnOnce(&mut Takes) -> R) -> Option<R> {
        self.takes
            .try_with_value(|takes| takes.as_ref().map(|t| t.update(change)))
            .flatten()
    }

    fn show_takes(&self, view: TakesView) {
        let saving = Saving {
            progress: view.progress.unwrap_or_default(),
            unkept: view.unkept,
        };
        if self.saving.try_get_untracked() != Some(saving) {
            self.saving.try_set(saving);
        }
        self.unsent.try_set_value(view.unsent);
    }

    fn on_take_event(&self, event: TakeEvent) {
        match event {
            TakeEvent::Uploaded {
                question,
                mime_type,
                receipt,
                ..
            } => self.emit(
                "take-uploaded",
                &TakeUploaded {
                    question: &question,
                    url: &receipt.url,
                    bytes: receipt.bytes,
                    sha256: &receipt.sha256,
                    mime_type: &mime_type,
                },
            ),
            TakeEvent::Failed {
                error, submitting, ..
            } => {
                self.fail("upload", &error);
                if submitting {
                    self.refused(error.explain(&self.t));
                }
            }
            TakeEvent::Submit {
                take,
                question,
                receipt,
            } => {
                let ctx = self.clone();
                self.spawn(async move {
                    match api::submit(&ctx.options, &question, &receipt).await {
                        Ok(_) => {
                            ctx.update_takes(|takes| takes.handle_submitted(take));
                            ctx.dispatch(Event::Submitted);
                        }
                        Err(error) => ctx.refused(error.explain(&ctx.t)),
                    }
                });
            }
        }
    }

    /// Hands the takes kept from an earlier visit (a reload, a closed tab) to
    /// the coordinator: the newest unsubmitted one is shown again, and after
    /// the device check the candidate lands in its review; the others finish
    /// uploading (or deleting) on their own.
    pub(super) fn resume(&self, kept: &KeptTakes, mut stored: Vec<StoredTake>, view: &SessionView) {
        let submitted = |take: &StoredTake| {
            view.questions
                .iter()
                .any(|q| q.id == take.info.question && q.submitted)
        };
        let newest = stored
            .iter()
            .enumerate()
            .filter(|(_, take)| !take.info.given_up && !submitted(take))
            .max_by_key(|(_, take)| kept.started(&take.key))
            .map(|(index, _)| index)
            .map(|index| stored.swap_remove(index));
        for take in stored {
            let done = submitted(&take);
            self.update_takes(|takes| takes.handle_found(take, done));
        }
        // Handed over last, so that it is the one shown.
        let Some(take) = newest else {
            return;
        };
        if !self.accept(Event::TakeKept(take.info.question.clone())) {
            // Refused (already past the device check): kept for the next visit.
            return;
        }
        // Its playback, taken before its bytes go to the coordinator.
        let blobs: Vec<Blob> = take
            .chunks
            .iter()
            .filter_map(|c| playback::blob(c))
            .collect();
        let mime_type = take.info.mime_type.clone();
        let shown = self.update_takes(|takes| takes.handle_found(take, false));
        if shown.flatten().is_some() {
            self.playback.set(playback::object_url(&blobs, &mime_type));
        }
    }

    pub(crate) fn start_recording(&self, purpose: Purpose) {
        if let Some(file) = self.video_handed_over() {
            return self.record_from_file(purpose, file);
        }
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
        let plan = self.link.get_untracked().plan;
        let (recording, events) = match Recording::start(&stream, TIMESLICE_MS, &plan) {
            Ok(started) => started,
            Err(error) => {
                self.dispatch(Event::TechnicalFailure(error.explain(&self.t)));
                return;
            }
        };
        let mime_type = recording.mime_type().to_string();
        self.media.update_value(|m| m.recording = Some(recording));
        let take = match &purpose {
            Purpose::Answer(question) => {
                let take = self.new_take(question, &mime_type);
                self.update_takes(|takes| takes.start(take))
            }
            Purpose::Test | Purpose::Practice(_) => None,
        };
        self.dispatch(Event::RecordingStarted);
        let ctx = self.clone();
        self.spawn(async move { ctx.collect(events, take, mime_type).await });
    }

    /// A new take of `question`, recorded as `mime_type`, under a key of
    /// its own on this device.
    pub(super) fn new_take(&self, question: &str, mime_type: &str) -> NewTake {
        let key = self.kept.with_value(|kept| {
            kept.as_ref()
                .map_or_else(|| question.to_string(), |k| k.new_key(question))
        });
        NewTake::new(question, mime_type, key)
    }

    /// The shown answer take is no longer the candidate's: one that failed
    /// for a technical reason still uploads (the next take replaces it), one
    /// given up in review is deleted.
    pub(super) fn let_go_of_take(&self) {
        let (answer, failed) = self.stage.with_untracked(|stage| match stage {
            Stage::Question(flow) => (
                matches!(flow.purpose, Purpose::Answer(_)),
                matches!(flow.phase, Phase::Failed { .. }),
            ),
            _ => (false, false),
        });
        if !answer {
            return;
        }
        self.update_takes(|takes| match takes.shown() {
            Some(take) if failed => takes.set_aside(take),
            Some(take) => takes.give_up(clock::now(), take),
            None => {}
        });
    }

    /// Keeps the recorder's chunks for playback and hands an answer's to the coordinator.
    async fn collect(
        &self,
        mut events: mpsc::UnboundedReceiver<RecorderEvent>,
        take: Option<TakeId>,
        mime_type: String,
    ) {
        while let Some(event) = events.next().await {
            match event {
                RecorderEvent::Data(blob) => {
                    self.media.update_value(|m| m.chunks.push(blob.clone()));
                    if let (Some(take), Ok(bytes)) = (take, blob_bytes(&blob).await) {
                        self.update_takes(|takes| takes.handle_chunk(take, bytes));
                    }
                }
                RecorderEvent::Error(message) => self.dispatch(Event::TechnicalFailure(message)),
                RecorderEvent::Stopped => {
                    self.media.update_value(|m| m.recording = None);
                    let interruption = self.interruption();
                    if self.take_failed() {
                        // The session knows already (the recorder reported an error).
                        break;
                    }
                    if let Some(reason) = interruption {
                        // Stopped by its tracks ending or the page going away, not by
                        // Stop: every chunk is handed over; the take, set aside, uploads.
                        self.dispatch(Event::TechnicalFailure(reason));
                        break;
                    }
                    if self.media.with_value(|m| m.chunks.is_empty()) {
                        // Some browsers claim a type they cannot record (WebKitGTK without
                        // its MP4 muxer): an empty take must not pass for an answer.
                        self.dispatch(Event::TechnicalFailure(self.t.get("recorded-nothing")));
                        break;
                    }
                    if let Some(take) = take {
                        self.update_takes(|takes| takes.handle_stopped(take));
                    }
                    let url = self
                        .media
                        .with_value(|m| playback::object_url(&m.chunks, &mime_type));
                    self.playback.set(url);
                    self.dispatch(Event::RecordingStopped);
                    self.remeasure_link();
                    break;
                }
            }
        }
    }

    /// Submits the shown take of `question` once the coordinator says every
    /// byte is on the server ([`TakeEvent::Submit`]).
    pub(super) fn submit(&self, question: &str) {
        match self.update_takes(|takes| takes.submit(question)) {
            Some(Ok(())) => {}
            Some(Err(error)) => self.refused(error.explain(&self.t)),
            None => self.refused(self.t.get("error-recording")),
        }
    }
}
