//! What comes out of the coordinator: the next request, device action and
//! event, when to call again, and what the candidate sees of the takes.

use super::entry::{Entry, Role};
use super::{Outgoing, TakeAction, TakeEvent, TakeId, Takes};
use crate::uplink::Uplink;
use crate::upload::Progress;
use std::time::Duration;

impl Takes {
    /// The next request due at `now`, for whichever take: the shown take's
    /// first. Each take has at most one request in flight.
    ///
    /// ```
    /// use recorder_core::takes::{NewTake, Takes};
    /// use recorder_core::upload::UploadConfig;
    /// let mut takes = Takes::new(UploadConfig::new("https://e.com/uploads")).unwrap();
    /// assert!(takes.poll_request(std::time::Duration::ZERO).is_none());
    /// takes.start(NewTake::new("q1", "video/webm", "k1"));
    /// assert!(takes.poll_request(std::time::Duration::ZERO).is_some());
    /// ```
    pub fn poll_request(&mut self, now: Duration) -> Option<Outgoing> {
        let shown = self.shown();
        let order: Vec<TakeId> = shown
            .into_iter()
            .chain(self.entries.keys().filter(|id| Some(*id) != shown))
            .collect();
        for id in order {
            let Some(entry) = self.entries.get_mut(&id) else {
                continue;
            };
            if entry.sending || entry.waits_for.is_some() {
                continue;
            }
            let request = entry.upload.poll_request(now);
            if let Some(request) = request {
                entry.sending = true;
                entry.sent = (now, request.body.len() as u64);
                let timeout = entry.upload.timeout_for(&request);
                return Some(Outgoing {
                    take: id,
                    request,
                    timeout,
                });
            }
            // Polling may end it (a deletion with nothing to delete).
            self.update(id);
        }
        None
    }

    /// The next thing to do on the device, or to a request in flight.
    ///
    /// ```
    /// let mut takes = recorder_core::takes::Takes::new(recorder_core::upload::UploadConfig::new("https://e.com/u")).unwrap();
    /// assert_eq!(takes.poll_action(), None);
    /// ```
    pub fn poll_action(&mut self) -> Option<TakeAction> {
        self.actions.pop_front()
    }

    /// The next news for the candidate or the host page.
    ///
    /// ```
    /// let mut takes = recorder_core::takes::Takes::new(recorder_core::upload::UploadConfig::new("https://e.com/u")).unwrap();
    /// assert_eq!(takes.poll_event(), None);
    /// ```
    pub fn poll_event(&mut self) -> Option<TakeEvent> {
        self.events.pop_front()
    }

    /// When to poll for requests again if nothing else happens (a retry is due).
    ///
    /// ```
    /// let takes = recorder_core::takes::Takes::new(recorder_core::upload::UploadConfig::new("https://e.com/u")).unwrap();
    /// assert_eq!(takes.poll_timeout(), None);
    /// ```
    pub fn poll_timeout(&self) -> Option<Duration> {
        self.entries
            .values()
            .filter(|e| !e.sending && e.waits_for.is_none())
            .filter_map(|e| e.upload.poll_timeout())
            .min()
    }

    /// The take the candidate sees, if any.
    ///
    /// ```
    /// let takes = recorder_core::takes::Takes::new(recorder_core::upload::UploadConfig::new("https://e.com/u")).unwrap();
    /// assert_eq!(takes.shown(), None);
    /// ```
    pub fn shown(&self) -> Option<TakeId> {
        self.entries
            .iter()
            .find(|(_, e)| e.role == Role::Shown)
            .map(|(id, _)| *id)
    }

    /// How far along `take` is (bytes stored and handed to its upload, and
    /// acknowledged), while it is known.
    ///
    /// ```
    /// use recorder_core::takes::{NewTake, Takes};
    /// use recorder_core::upload::UploadConfig;
    /// let mut takes = Takes::new(UploadConfig::new("https://e.com/uploads")).unwrap();
    /// let take = takes.start(NewTake::new("q1", "video/webm", "k1"));
    /// assert_eq!(takes.progress(take).unwrap().acknowledged, 0);
    /// ```
    pub fn progress(&self, take: TakeId) -> Option<Progress> {
        self.entries.get(&take).map(|e| e.upload.progress())
    }

    /// The uplink as the takes' requests with a body measured it: a take
    /// whose backlog grew lowers it.
    ///
    /// ```
    /// let takes = recorder_core::takes::Takes::new(recorder_core::upload::UploadConfig::new("https://e.com/u")).unwrap();
    /// assert_eq!(takes.uplink().bits_per_second(), None);
    /// ```
    pub fn uplink(&self) -> &Uplink {
        &self.uplink
    }

    /// Whether some take still has bytes the server does not (leaving the
    /// page now would leave them to the next visit).
    ///
    /// ```
    /// use recorder_core::takes::{NewTake, Takes};
    /// use recorder_core::upload::UploadConfig;
    /// let mut takes = Takes::new(UploadConfig::new("https://e.com/uploads")).unwrap();
    /// assert!(!takes.has_unsent());
    /// takes.start(NewTake::new("q1", "video/webm", "k1"));
    /// assert!(takes.has_unsent());
    /// ```
    pub fn has_unsent(&self) -> bool {
        self.entries.values().any(Entry::has_unsent)
    }
}
