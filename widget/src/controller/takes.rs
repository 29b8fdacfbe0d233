//! The take lifecycle: an answer is recorded, kept on the device, uploaded
//! while it records, given up for a retake, submitted, or resumed after a reload.

use super::{Ctx, TIMESLICE_MS};
use crate::api;
use crate::explain::Explain;
use crate::host_events::TakeUploaded;
use crate::kept_takes::KeptTakes;
use crate::playback;
use futures::channel::{mpsc, oneshot};
use futures::StreamExt;
use leptos::prelude::*;
use recorder_core::session::{Event, Purpose};
use recorder_core::take_store::{StoredTake, TakeInfo};
use recorder_core::upload::{Backoff, Progress, Upload, UploadConfig};
use recorder_core::web::clock;
use recorder_core::web::media::{self, MediaRequest};
use recorder_core::web::recorder::{blob_bytes, RecorderEvent, Recording};
use recorder_core::web::upload_driver::{self, TakeError};
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use web_sys::Blob;

/// An answer take's hold on what the candidate sees, and how to give it up.
pub(super) struct CurrentTake {
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

impl Ctx {
    pub(crate) fn start_recording(&self, purpose: Purpose) {
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
    pub(crate) fn resume(&self, take: StoredTake) {
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
    pub(crate) fn no_upload(&self, reason: String) {
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
    pub(crate) fn let_go_of_take(&self, delete: bool) {
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
    pub(crate) async fn submit(&self, question: String) {
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
}
