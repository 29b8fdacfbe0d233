//! Every answer take of a session, from its first chunk to the server's last
//! acknowledgement: the coordinator the widget drives. Sans-IO, like
//! [`Upload`], which it owns one per take, by [`TakeId`].
//!
//! Events go in: a take starts, a chunk was recorded, the device stored it,
//! recording stopped, the candidate gave the take up (a retake) or it failed
//! for a technical reason, the candidate submits, a response or a failure
//! for a take's request, a take found on the device after a reload, the
//! network is back. What to do comes out: [`Takes::poll_request`] (send
//! this for this take), [`Takes::poll_action`] (store, describe or forget a
//! take on the device; abort a request) and [`Takes::poll_event`] (what the
//! candidate and the host page hear). [`Takes::poll_timeout`] says when to
//! call again if nothing happens.
//!
//! The rules it keeps:
//! - A chunk goes to the server only once the device has it, so that a take
//!   resumed after a reload is never behind what the server holds.
//! - A take given up is deleted on the server and on the device, and never
//!   submitted; one whose deletion did not finish before the page closed is
//!   deleted on the next visit.
//! - A take that failed for a technical reason keeps uploading; the next take
//!   of its question names it (`replaces` metadata), so the server gives the
//!   attempt back. Until its URL is known the next take waits to be created.
//! - Every upload of a take names the take (`take` metadata, a hash of its
//!   storage key, the same after a reload): a creation sent again on a weak
//!   link is still one take, and a server can charge the attempt once.
//! - A stored take is resumed once.
//! - Submitting waits for the last byte's acknowledgement, told as
//!   [`TakeEvent::Submit`]: never a poll.
//!
//! ```
//! use recorder_core::http::HttpResponse;
//! use recorder_core::takes::{NewTake, TakeAction, TakeEvent, Takes};
//! use recorder_core::upload::UploadConfig;
//! use std::time::Duration;
//!
//! let mut config = UploadConfig::new("https://example.com/uploads");
//! config.discover = false;
//! let mut takes = Takes::new(config).unwrap();
//! let now = Duration::ZERO;
//! let take = takes.start(NewTake::new("q1", "video/webm", "k1"));
//! takes.handle_chunk(take, b"webm".to_vec());
//! takes.handle_stopped(take);
//! while let Some(action) = takes.poll_action() {
//!     if let TakeAction::Store { take, index, .. } = action {
//!         takes.handle_stored(take, index); // once the device has it
//!     }
//! }
//! let create = takes.poll_request(now).unwrap();
//! assert_eq!(create.request.header("Upload-Length"), Some("4"));
//! let created = HttpResponse::new(201).with_header("Location", "/uploads/1");
//! takes.handle_response(take, now, created);
//! let patch = takes.poll_request(now).unwrap();
//! assert_eq!(patch.request.body, b"webm");
//! takes.submit("q1").unwrap();
//! takes.handle_response(take, now, HttpResponse::new(204).with_header("Upload-Offset", "4"));
//! assert!(matches!(takes.poll_event(), Some(TakeEvent::Uploaded { .. })));
//! assert!(matches!(takes.poll_event(), Some(TakeEvent::Submit { .. })));
//! ```

mod bookkeeping;
mod entry;
mod network;
mod output;
mod poll;

pub use output::{NewTake, Outgoing, TakeAction, TakeError, TakeEvent, TakeId, TakeReceipt};

use crate::take_store::StoredTake;
use crate::uplink::Uplink;
use crate::upload::{ConfigError, Upload, UploadConfig, UploadStatus};
use entry::{Entries, Entry, Role, Unstored};
use std::collections::VecDeque;
use std::time::Duration;

/// Every take of a session. See the [module documentation](self).
///
/// ```
/// use recorder_core::takes::Takes;
/// use recorder_core::upload::UploadConfig;
/// let takes = Takes::new(UploadConfig::new("https://e.com/uploads")).unwrap();
/// assert_eq!(takes.shown(), None);
/// ```
#[derive(Debug)]
pub struct Takes {
    /// Each take's upload starts from this, plus the take's own metadata.
    config: UploadConfig,
    next_id: u64,
    entries: Entries,
    /// Every stored take's key met so far: each is resumed once.
    seen: Vec<String>,
    actions: VecDeque<TakeAction>,
    events: VecDeque<TakeEvent>,
    /// The uplink, as the takes' requests measure it.
    uplink: Uplink,
}

impl Takes {
    /// A coordinator whose takes upload with `config` (its endpoint,
    /// headers and metadata; each take adds `question`, `filetype` and
    /// `take`).
    ///
    /// ```
    /// use recorder_core::takes::Takes;
    /// use recorder_core::upload::{ConfigError, UploadConfig};
    /// let refused = Takes::new(UploadConfig::new("uploads")).unwrap_err();
    /// assert_eq!(refused, ConfigError::Endpoint("uploads".into()));
    /// ```
    pub fn new(config: UploadConfig) -> Result<Takes, ConfigError> {
        config.check()?;
        Ok(Takes {
            config,
            next_id: 0,
            entries: Entries::default(),
            seen: Vec::new(),
            actions: VecDeque::new(),
            events: VecDeque::new(),
            uplink: Uplink::default(),
        })
    }

    /// A new take starts recording; it becomes the one shown. If the last
    /// take of its question failed for a technical reason, this one
    /// replaces it.
    ///
    /// ```
    /// use recorder_core::takes::{NewTake, Takes};
    /// use recorder_core::upload::UploadConfig;
    /// let mut takes = Takes::new(UploadConfig::new("https://e.com/uploads")).unwrap();
    /// let take = takes.start(NewTake::new("q1", "video/webm", "k1"));
    /// assert_eq!(takes.shown(), Some(take));
    /// ```
    pub fn start(&mut self, take: NewTake) -> TakeId {
        let failed = self
            .entries
            .iter()
            .rev()
            .find(|(_, e)| e.role == Role::SetAside && e.question == take.question)
            .map(|(id, _)| *id);
        let upload = Upload::checked(self.config_for(&take));
        let id = self.insert(Entry::new(take, upload));
        if let Some(failed) = failed {
            self.set_role(failed, Role::Kept);
            if let Some(entry) = self.entries.get_mut(&id) {
                entry.waits_for = Some(failed);
            }
            self.update(failed);
        }
        self.describe(id);
        self.update(id);
        id
    }

    /// A take stored on the device from an earlier visit. Returns its handle
    /// when it is to be shown again (its upload resumes: the server says
    /// what it has, the device sends the rest); `None` when it was met
    /// before, or was given up (its server copy is deleted now), or its
    /// question is `submitted` already (it is forgotten).
    ///
    /// ```
    /// use recorder_core::take_store::StoredTake;
    /// use recorder_core::takes::Takes;
    /// use recorder_core::upload::UploadConfig;
    /// let mut takes = Takes::new(UploadConfig::new("https://e.com/uploads")).unwrap();
    /// let stored = StoredTake { key: "k1".into(), chunks: vec![b"webm".to_vec()], ..Default::default() };
    /// let take = takes.handle_found(stored.clone(), false);
    /// assert!(take.is_some() && takes.shown() == take);
    /// assert_eq!(takes.handle_found(stored, false), None);
    /// ```
    pub fn handle_found(&mut self, stored: StoredTake, submitted: bool) -> Option<TakeId> {
        if !self.meet(&stored.key) {
            return None;
        }
        let info = stored.info;
        if submitted && !info.given_up {
            self.actions
                .push_back(TakeAction::Forget { key: stored.key });
            return None;
        }
        let take = NewTake {
            question: info.question,
            mime_type: info.mime_type,
            key: stored.key,
            camera_app: info.camera_app,
        };
        let config = self.config_for(&take);
        // A URL that is not one (a damaged store) gets a new upload, not a lost take.
        let upload = info
            .upload_url
            .as_deref()
            .and_then(|url| Upload::resume(config.clone(), url).ok())
            .unwrap_or_else(|| Upload::checked(config));
        let mut entry = Entry::new(take, upload);
        entry.described = entry.upload.url().map(str::to_string);
        entry.stopped = true;
        if info.given_up {
            // Its deletion did not finish before the page closed: finish it
            // (its bytes are of no use).
            entry.role = Role::GivenUp;
            entry.upload.discard();
            let id = self.insert(entry);
            self.update(id);
            return None;
        }
        for bytes in stored.chunks {
            entry.unstored.push_back(Unstored {
                index: entry.next_index,
                bytes,
                stored: true,
            });
            entry.next_index += 1;
        }
        entry.feed();
        let id = self.insert(entry);
        self.describe(id);
        self.update(id);
        Some(id)
    }

    /// A chunk of `take` was recorded: it is stored on the device first
    /// ([`TakeAction::Store`]), then uploaded. Ignored once recording
    /// stopped or the take was given up.
    ///
    /// ```
    /// use recorder_core::takes::{NewTake, TakeAction, Takes};
    /// use recorder_core::upload::UploadConfig;
    /// let mut takes = Takes::new(UploadConfig::new("https://e.com/uploads")).unwrap();
    /// let take = takes.start(NewTake::new("q1", "video/webm", "k1"));
    /// takes.handle_chunk(take, b"webm".to_vec());
    /// let store = takes.poll_action().into_iter().chain(takes.poll_action()).last();
    /// assert!(matches!(store, Some(TakeAction::Store { index: 0, .. })));
    /// assert_eq!(takes.progress(take).unwrap().recorded, 0); // not yet stored
    /// ```
    pub fn handle_chunk(&mut self, take: TakeId, bytes: Vec<u8>) {
        let Some(entry) = self.entries.get_mut(&take) else {
            return;
        };
        if entry.stopped || entry.role == Role::GivenUp {
            return;
        }
        let index = entry.next_index;
        entry.next_index += 1;
        self.actions.push_back(TakeAction::Store {
            take,
            key: entry.key.clone(),
            index,
            bytes: bytes.clone(),
        });
        entry.unstored.push_back(Unstored {
            index,
            bytes,
            stored: false,
        });
    }

    /// The device has chunk `index` of `take` (or could not keep it: then
    /// the take survives only as long as the page). Stored chunks go to the
    /// upload in recording order.
    ///
    /// ```
    /// use recorder_core::takes::{NewTake, Takes};
    /// use recorder_core::upload::UploadConfig;
    /// let mut takes = Takes::new(UploadConfig::new("https://e.com/uploads")).unwrap();
    /// let take = takes.start(NewTake::new("q1", "video/webm", "k1"));
    /// takes.handle_chunk(take, b"ab".to_vec());
    /// takes.handle_chunk(take, b"c".to_vec());
    /// takes.handle_stored(take, 1);
    /// assert_eq!(takes.progress(take).unwrap().recorded, 0);
    /// takes.handle_stored(take, 0);
    /// assert_eq!(takes.progress(take).unwrap().recorded, 3);
    /// ```
    pub fn handle_stored(&mut self, take: TakeId, index: u32) {
        let Some(entry) = self.entries.get_mut(&take) else {
            return;
        };
        if let Some(chunk) = entry.unstored.iter_mut().find(|c| c.index == index) {
            chunk.stored = true;
        }
        entry.feed();
        self.update(take);
    }

    /// Recording of `take` ended: once every chunk is stored, its length is known.
    ///
    /// ```
    /// use recorder_core::takes::{NewTake, Takes};
    /// use recorder_core::upload::UploadConfig;
    /// let mut takes = Takes::new(UploadConfig::new("https://e.com/uploads")).unwrap();
    /// let take = takes.start(NewTake::new("q1", "video/webm", "k1"));
    /// takes.handle_stopped(take);
    /// takes.handle_chunk(take, b"late".to_vec()); // ignored
    /// assert_eq!(takes.progress(take).unwrap().recorded, 0);
    /// ```
    pub fn handle_stopped(&mut self, take: TakeId) {
        let Some(entry) = self.entries.get_mut(&take) else {
            return;
        };
        if entry.stopped {
            return;
        }
        entry.stopped = true;
        entry.feed();
        self.describe(take);
        self.update(take);
    }

    /// The candidate gives `take` up (a retake): nothing more of it is
    /// sent, a request carrying its bytes is aborted, and it is deleted on
    /// the server, then forgotten on the device.
    ///
    /// ```
    /// use recorder_core::takes::{NewTake, Takes};
    /// use recorder_core::upload::UploadConfig;
    /// let mut takes = Takes::new(UploadConfig::new("https://e.com/uploads")).unwrap();
    /// let take = takes.start(NewTake::new("q1", "video/webm", "k1"));
    /// takes.give_up(std::time::Duration::ZERO, take);
    /// assert_eq!(takes.shown(), None);
    /// assert!(takes.poll_request(std::time::Duration::ZERO).is_none());
    /// ```
    pub fn give_up(&mut self, now: Duration, take: TakeId) {
        let Some(entry) = self.entries.get_mut(&take) else {
            return;
        };
        if entry.role == Role::GivenUp {
            return;
        }
        entry.role = Role::GivenUp;
        entry.submit = false;
        entry.unstored.clear();
        entry.stopped = true;
        if entry.sending && entry.upload.url().is_some() {
            // Its bytes are of no use now: leave the uplink to the next take.
            entry.sending = false;
            entry.upload.handle_failure(now);
            self.actions.push_back(TakeAction::Abort(take));
        }
        entry.upload.discard();
        // Kept (again) as given up until the server's copy is gone: a page
        // closed before that deletes it on the next visit.
        entry.forgotten = false;
        self.describe(take);
        self.update(take);
    }

    /// `take` failed for a technical reason (a camera lost, the recorder
    /// broke): recording is over, what it holds still uploads, and the next
    /// take of its question replaces it.
    ///
    /// ```
    /// use recorder_core::takes::{NewTake, Takes};
    /// use recorder_core::upload::UploadConfig;
    /// let mut takes = Takes::new(UploadConfig::new("https://e.com/uploads")).unwrap();
    /// let take = takes.start(NewTake::new("q1", "video/webm", "k1"));
    /// takes.set_aside(take);
    /// assert_eq!(takes.shown(), None);
    /// assert!(takes.poll_request(std::time::Duration::ZERO).is_some());
    /// ```
    pub fn set_aside(&mut self, take: TakeId) {
        if self
            .entries
            .get(&take)
            .is_some_and(|e| e.role == Role::Shown)
        {
            self.set_role(take, Role::SetAside);
            self.handle_stopped(take);
            self.update(take);
        }
    }

    /// The candidate submits the shown take of `question`: told as
    /// [`TakeEvent::Submit`] once every byte is on the server (at once if it
    /// already is). An error when there is no such take or it failed.
    ///
    /// ```
    /// use recorder_core::takes::{TakeError, Takes};
    /// use recorder_core::upload::UploadConfig;
    /// let mut takes = Takes::new(UploadConfig::new("https://e.com/uploads")).unwrap();
    /// assert_eq!(takes.submit("q1"), Err(TakeError::NoTake("q1".into())));
    /// ```
    pub fn submit(&mut self, question: &str) -> Result<(), TakeError> {
        let shown = self.shown();
        let Some((id, entry)) = shown
            .and_then(|id| Some(id).zip(self.entries.get_mut(&id)))
            .filter(|(_, e)| e.question == question)
        else {
            return Err(TakeError::NoTake(question.to_string()));
        };
        if let UploadStatus::Failed(error) = entry.upload.status() {
            return Err(error.into());
        }
        entry.submit = true;
        self.update(id);
        Ok(())
    }

    /// The server took `take` as the answer: it is no longer shown.
    ///
    /// ```
    /// use recorder_core::takes::{NewTake, Takes};
    /// use recorder_core::upload::UploadConfig;
    /// let mut takes = Takes::new(UploadConfig::new("https://e.com/uploads")).unwrap();
    /// let take = takes.start(NewTake::new("q1", "video/webm", "k1"));
    /// takes.handle_submitted(take);
    /// assert_eq!(takes.shown(), None);
    /// ```
    pub fn handle_submitted(&mut self, take: TakeId) {
        self.set_role(take, Role::Kept);
        self.update(take);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
