//! What follows each event for a take: its description saved, its end
//! told, a replacement waiting for it let go, and the take itself let go
//! once nobody needs it.

use super::entry::{Entry, Role};
use super::{NewTake, TakeAction, TakeEvent, TakeId, Takes};
use crate::hex::lower_hex;
use crate::upload::{UploadConfig, UploadStatus};
use sha2::{Digest, Sha256};

impl Takes {
    pub(super) fn insert(&mut self, entry: Entry) -> TakeId {
        let id = TakeId(self.next_id);
        self.next_id += 1;
        if entry.role == Role::Shown {
            if let Some(shown) = self.shown() {
                self.set_role(shown, Role::Kept);
                self.update(shown);
            }
        }
        self.meet(&entry.key);
        self.entries.insert(id, entry);
        id
    }

    /// Whether `key` is met for the first time (then it is remembered).
    pub(super) fn meet(&mut self, key: &str) -> bool {
        let new = !self.seen.iter().any(|seen| seen == key);
        if new {
            self.seen.push(key.to_string());
        }
        new
    }

    pub(super) fn set_role(&mut self, take: TakeId, role: Role) {
        if let Some(entry) = self.entries.get_mut(&take) {
            if entry.role != Role::GivenUp {
                entry.role = role;
            }
        }
    }

    /// The upload configuration of one take.
    pub(super) fn config_for(&self, take: &NewTake) -> UploadConfig {
        let config = self
            .config
            .clone()
            .with_metadata("question", &take.question)
            .with_metadata("filetype", &take.mime_type)
            .with_metadata("take", take_tag(&take.key));
        match take.camera_app {
            true => config.with_metadata("source", crate::camera_app::SOURCE),
            false => config,
        }
    }

    /// Saves what is known of `take` on the device.
    pub(super) fn describe(&mut self, take: TakeId) {
        if let Some(entry) = self.entries.get_mut(&take).filter(|e| !e.forgotten) {
            entry.described = entry.upload.url().map(str::to_string);
            self.actions.push_back(TakeAction::Describe {
                key: entry.key.clone(),
                info: entry.info(),
            });
        }
    }

    /// After anything happened to `take`: save a new URL, tell what ended,
    /// let a replacement waiting for it go, and let it go once nobody needs it.
    pub(super) fn update(&mut self, take: TakeId) {
        let Some(entry) = self.entries.get_mut(&take) else {
            return;
        };
        if entry.upload.url() != entry.described.as_deref() {
            self.describe(take);
        }
        let Some(entry) = self.entries.get_mut(&take) else {
            return;
        };
        let status = entry.upload.status();
        if !entry.forgotten && matches!(status, UploadStatus::Complete | UploadStatus::Discarded) {
            entry.forgotten = true;
            self.actions.push_back(TakeAction::Forget {
                key: entry.key.clone(),
            });
        }
        let shown = entry.role == Role::Shown;
        if !entry.settled && status != UploadStatus::Active && shown {
            entry.settled = true;
            match (status, entry.receipt()) {
                (UploadStatus::Complete, Some(receipt)) => {
                    self.events.push_back(TakeEvent::Uploaded {
                        take,
                        question: entry.question.clone(),
                        mime_type: entry.mime_type.clone(),
                        receipt,
                    });
                }
                (UploadStatus::Failed(error), _) => {
                    self.events.push_back(TakeEvent::Failed {
                        take,
                        error: error.into(),
                        submitting: std::mem::take(&mut entry.submit),
                    });
                }
                _ => {}
            }
        }
        if entry.submit {
            if let Some(receipt) = entry.receipt() {
                entry.submit = false;
                self.events.push_back(TakeEvent::Submit {
                    take,
                    question: entry.question.clone(),
                    receipt,
                });
            }
        }
        self.release_waiting_for(take);
        if self.entries.get(&take).is_some_and(Entry::is_done) {
            self.entries.remove(&take);
            self.release_waiting_for(take);
        }
    }

    /// A take waiting to name `failed` as replaced goes, once `failed` has a
    /// URL (named) or cannot get one any more (not named).
    fn release_waiting_for(&mut self, failed: TakeId) {
        let url = self.entries.get(&failed).map(|e| {
            let ended = e.upload.status() != UploadStatus::Active;
            (e.upload.url().map(str::to_string), ended)
        });
        let (url, ended) = match url {
            Some((Some(url), _)) => (Some(url), true),
            Some((None, ended)) => (None, ended),
            None => (None, true),
        };
        if !ended {
            return;
        }
        for entry in self.entries.values_mut() {
            if entry.waits_for == Some(failed) {
                entry.waits_for = None;
                if let Some(url) = &url {
                    entry.upload.add_metadata("replaces", url);
                }
            }
        }
    }
}

/// How a take is named to the server: a hash of its storage key (which
/// holds the invite), the same on every visit.
pub(super) fn take_tag(key: &str) -> String {
    lower_hex(&Sha256::digest(key.as_bytes())[..12])
}
