//! Answers made by the device's camera app, where the browser has no camera
//! API ([`recorder_core::camera_app`]): the video the candidate hands over is
//! checked first (its length, where the browser can read it, and its size),
//! so that one too long costs no attempt; then it goes to the take
//! coordinator in pieces, as a recording's chunks would, and plays back from
//! the file itself.

use super::Ctx;
use crate::explain::Explain;
use crate::playback;
use leptos::prelude::*;
use recorder_core::session::{Event, Purpose, Session, Stage};
use recorder_core::takes::TakeId;
use recorder_core::web::camera_app;
use recorder_core::web::recorder::blob_bytes;
use web_sys::File;

/// The video goes to the coordinator this many bytes at a time.
const PIECE_BYTES: u64 = 1 << 20;

impl Ctx {
    /// Whether the camera app records this session's takes.
    pub fn camera_app(&self) -> bool {
        self.session
            .try_with_value(|s| s.as_ref().is_some_and(Session::camera_app))
            .unwrap_or(false)
    }

    /// Whether recording waits for the candidate when think time ends
    /// ([`Session::starts_by_hand`]: their accommodations, or the camera app).
    pub fn starts_by_hand(&self) -> bool {
        self.session
            .try_with_value(|s| s.as_ref().is_some_and(Session::starts_by_hand))
            .unwrap_or(false)
    }

    /// The candidate handed over `file`, made by the camera app, to `event`
    /// (record, record again, retake): told why not if it cannot be the
    /// answer, else recorded from.
    pub fn hand_over(&self, file: File, event: Event) {
        let limit = self.stage.with_untracked(|stage| match stage {
            Stage::Question(flow) | Stage::TestVideo(flow) => Some(flow.limit.as_secs() as u32),
            _ => None,
        });
        let Some(limit) = limit else {
            return;
        };
        let ctx = self.clone();
        self.spawn(async move {
            let length = camera_app::length(&file).await;
            let size = file.size() as u64;
            if let Err(problem) = recorder_core::camera_app::check(length, size, limit) {
                ctx.notice.set(Some(problem.explain(&ctx.t)));
                return;
            }
            ctx.media.update_value(|m| m.file = Some(file));
            ctx.dispatch(event);
            // Refused (no attempts left): not kept for a later take.
            ctx.media.update_value(|m| m.file = None);
        });
    }

    /// The video handed over for this take, if the camera app records.
    pub(super) fn video_handed_over(&self) -> Option<File> {
        self.media.try_update_value(|m| m.file.take()).flatten()
    }

    /// Starts a take of `purpose` from the camera app's `file`.
    pub(super) fn record_from_file(&self, purpose: Purpose, file: File) {
        playback::forget(self.playback);
        self.media.update_value(|m| m.chunks.clear());
        let mime_type = camera_app::mime_type(&file);
        let take = match &purpose {
            Purpose::Answer(question) => {
                let take = self.new_take(question, &mime_type).by_camera_app();
                self.update_takes(|takes| takes.start(take))
            }
            Purpose::Test | Purpose::Practice(_) => None,
        };
        self.dispatch(Event::RecordingStarted);
        let ctx = self.clone();
        self.spawn(async move { ctx.read_in(file, take, &mime_type).await });
    }

    /// Hands `file` to the coordinator piece by piece (an answer's), then
    /// ends the take as a stopped recording would.
    async fn read_in(&self, file: File, take: Option<TakeId>, mime_type: &str) {
        if let Some(take) = take {
            let size = file.size() as u64;
            let mut start = 0;
            while start < size {
                let end = (start + PIECE_BYTES).min(size);
                let bytes = match camera_app::piece(&file, start, end) {
                    Ok(piece) => blob_bytes(&piece).await,
                    Err(error) => Err(error),
                };
                let Ok(bytes) = bytes else {
                    self.dispatch(Event::TechnicalFailure(self.t.get("camera-app-unreadable")));
                    return;
                };
                self.update_takes(|takes| takes.handle_chunk(take, bytes));
                start = end;
            }
            self.update_takes(|takes| takes.handle_stopped(take));
        }
        self.playback
            .set(playback::object_url(&[file.into()], mime_type));
        self.dispatch(Event::RecordingStopped);
    }
}
