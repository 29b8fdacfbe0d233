//! One take as the coordinator keeps it: its upload, what the candidate
//! made of it, and its chunks on their way to the device.

use super::output::{NewTake, TakeId, TakeReceipt};
use crate::take_store::TakeInfo;
use crate::upload::{Upload, UploadStatus};
use std::collections::VecDeque;
use std::time::Duration;

/// What a take is to the candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// The one the candidate sees: its progress, its result, its submission.
    Shown,
    /// Failed for a technical reason: it still uploads, and the next take of
    /// its question names it as the one it replaces.
    SetAside,
    /// No longer the candidate's concern (submitted, replaced, or another
    /// take is shown): it uploads to the end, then is let go.
    Kept,
    /// Given up for a retake: deleted on the server, then forgotten.
    GivenUp,
}

/// A recorded chunk the device has not confirmed yet.
#[derive(Debug)]
pub(super) struct Unstored {
    pub index: u32,
    pub bytes: Vec<u8>,
    pub stored: bool,
}

/// One take.
#[derive(Debug)]
pub(super) struct Entry {
    pub question: String,
    pub mime_type: String,
    pub key: String,
    pub camera_app: bool,
    pub upload: Upload,
    pub role: Role,
    /// A request of this take is in flight.
    pub sending: bool,
    /// When the request in flight left, and its body's size.
    pub sent: (Duration, u64),
    /// The number the next recorded chunk gets.
    pub next_index: u32,
    /// Recorded, not yet stored: they reach the upload in order once stored.
    pub unstored: VecDeque<Unstored>,
    /// Recording ended; no more chunks.
    pub stopped: bool,
    /// The sha256 of the whole take, once it ended and every chunk was stored.
    pub sha256: Option<String>,
    /// The URL last saved with the stored take.
    pub described: Option<String>,
    /// The failed take this one names as replaced, while its URL is not
    /// known yet: until then, none of this take's requests go out.
    pub waits_for: Option<TakeId>,
    /// The candidate asked to submit it.
    pub submit: bool,
    /// Its completion (or failure) was told to the candidate.
    pub settled: bool,
    /// The device was told to forget it.
    pub forgotten: bool,
}

impl Entry {
    /// A take whose upload starts now.
    pub fn new(take: NewTake, upload: Upload) -> Entry {
        Entry {
            question: take.question,
            mime_type: take.mime_type,
            key: take.key,
            camera_app: take.camera_app,
            upload,
            role: Role::Shown,
            sending: false,
            sent: (Duration::ZERO, 0),
            next_index: 0,
            unstored: VecDeque::new(),
            stopped: false,
            sha256: None,
            described: None,
            waits_for: None,
            submit: false,
            settled: false,
            forgotten: false,
        }
    }

    /// What the device keeps about it.
    pub fn info(&self) -> TakeInfo {
        TakeInfo {
            question: self.question.clone(),
            mime_type: self.mime_type.clone(),
            upload_url: self.upload.url().map(str::to_string),
            finished: self.stopped,
            given_up: self.role == Role::GivenUp,
            camera_app: self.camera_app,
        }
    }

    /// Hands the stored chunks, in order, to the upload; ends the upload
    /// once recording stopped and every chunk is stored.
    pub fn feed(&mut self) {
        while self.unstored.front().is_some_and(|chunk| chunk.stored) {
            if let Some(chunk) = self.unstored.pop_front() {
                // Refused only once the take ended or was given up: then the bytes are of no use.
                let _ = self.upload.handle_chunk(&chunk.bytes);
            }
        }
        if self.stopped && self.unstored.is_empty() && self.sha256.is_none() {
            self.sha256 = Some(self.upload.handle_end());
        }
    }

    /// What the server confirmed, once every byte is there.
    pub fn receipt(&self) -> Option<TakeReceipt> {
        match (self.upload.status(), self.upload.url(), &self.sha256) {
            (UploadStatus::Complete, Some(url), Some(sha256)) => Some(TakeReceipt {
                url: url.to_string(),
                bytes: self.upload.progress().recorded,
                sha256: sha256.clone(),
            }),
            _ => None,
        }
    }

    /// Whether it still has bytes the server does not (counting those the
    /// device has not stored yet); a given-up take has none that matter.
    pub fn has_unsent(&self) -> bool {
        self.role != Role::GivenUp
            && (self.upload.status() == UploadStatus::Active || !self.unstored.is_empty())
    }

    /// Whether nothing more happens for it and nobody needs it: it can go.
    pub fn is_done(&self) -> bool {
        matches!(self.role, Role::Kept | Role::GivenUp)
            && self.upload.status() != UploadStatus::Active
            && !self.sending
    }
}

/// The takes by handle, in the order they started: a handful per session,
/// so a list (smaller in the wasm than a map).
#[derive(Debug, Default)]
pub(super) struct Entries(Vec<(TakeId, Entry)>);

impl Entries {
    pub fn get(&self, take: &TakeId) -> Option<&Entry> {
        self.0.iter().find(|(id, _)| id == take).map(|(_, e)| e)
    }

    pub fn get_mut(&mut self, take: &TakeId) -> Option<&mut Entry> {
        self.0.iter_mut().find(|(id, _)| id == take).map(|(_, e)| e)
    }

    /// Adds a take; its handle is newer than every one before.
    pub fn insert(&mut self, take: TakeId, entry: Entry) {
        self.0.push((take, entry));
    }

    pub fn remove(&mut self, take: &TakeId) {
        self.0.retain(|(id, _)| id != take);
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &(TakeId, Entry)> {
        self.0.iter()
    }

    pub fn keys(&self) -> impl Iterator<Item = TakeId> + '_ {
        self.0.iter().map(|(id, _)| *id)
    }

    pub fn values(&self) -> impl Iterator<Item = &Entry> {
        self.0.iter().map(|(_, e)| e)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut Entry> {
        self.0.iter_mut().map(|(_, e)| e)
    }
}
