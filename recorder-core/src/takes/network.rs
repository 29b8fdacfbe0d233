//! What comes back from the network for the coordinator's requests: each
//! take's answer (or its absence) handed to its upload, the uplink measured
//! by the answers, and the network coming back.

use super::{TakeId, Takes};
use crate::http::HttpResponse;
use std::time::Duration;

impl Takes {
    /// The response to `take`'s request in flight.
    ///
    /// ```
    /// use recorder_core::http::HttpResponse;
    /// use recorder_core::takes::{NewTake, Takes};
    /// use recorder_core::upload::UploadConfig;
    /// let mut takes = Takes::new(UploadConfig::new("https://e.com/uploads")).unwrap();
    /// let take = takes.start(NewTake::new("q1", "video/webm", "k1"));
    /// let now = std::time::Duration::ZERO;
    /// takes.poll_request(now).unwrap(); // OPTIONS
    /// takes.handle_response(take, now, HttpResponse::new(204).with_header("Tus-Version", "1.0.0"));
    /// assert_eq!(takes.poll_request(now).unwrap().request.method, recorder_core::http::Method::Post);
    /// ```
    pub fn handle_response(&mut self, take: TakeId, now: Duration, response: HttpResponse) {
        if let Some(entry) = self.entries.get_mut(&take).filter(|e| e.sending) {
            entry.sending = false;
            if (200..=299).contains(&response.status) {
                let (at, bytes) = entry.sent;
                self.uplink.record(bytes, now.saturating_sub(at));
            }
            entry.upload.handle_response(now, response);
            self.update(take);
        }
    }

    /// `take`'s request in flight got no response (network error, timeout).
    ///
    /// ```
    /// use recorder_core::takes::{NewTake, Takes};
    /// use recorder_core::upload::UploadConfig;
    /// let mut takes = Takes::new(UploadConfig::new("https://e.com/uploads")).unwrap();
    /// let take = takes.start(NewTake::new("q1", "video/webm", "k1"));
    /// let now = std::time::Duration::ZERO;
    /// takes.poll_request(now).unwrap();
    /// takes.handle_failure(take, now); // OPTIONS failed: plain tus, at once
    /// takes.poll_request(now).unwrap(); // POST
    /// takes.handle_failure(take, now);
    /// assert!(takes.poll_request(now).is_none() && takes.poll_timeout() > Some(now));
    /// ```
    pub fn handle_failure(&mut self, take: TakeId, now: Duration) {
        if let Some(entry) = self.entries.get_mut(&take).filter(|e| e.sending) {
            entry.sending = false;
            entry.upload.handle_failure(now);
            self.update(take);
        }
    }

    /// The network is back: retries waiting out their backoff go now.
    ///
    /// ```
    /// let mut takes = recorder_core::takes::Takes::new(recorder_core::upload::UploadConfig::new("https://e.com/u")).unwrap();
    /// takes.handle_online();
    /// ```
    pub fn handle_online(&mut self) {
        for entry in self.entries.values_mut() {
            entry.upload.handle_online();
        }
    }
}
