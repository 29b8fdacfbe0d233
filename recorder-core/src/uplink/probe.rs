//! The scratch upload that measures the uplink during the device check:
//! [`PROBE_BYTES`] of noise sent to the upload server as a tus upload
//! (marked `purpose: uplink-probe` in its metadata, so that a server with
//! rules of its own can tell it from an answer), timed, then deleted.

use crate::http::{HttpRequest, HttpResponse, Method};
use crate::upload::{ConfigError, Upload, UploadConfig, UploadStatus};
use std::time::Duration;

/// How many bytes the probe sends: about four seconds on a 500 kbit/s uplink.
pub const PROBE_BYTES: usize = 256 * 1024;

/// The probe's `purpose` metadata.
pub const PROBE_PURPOSE: &str = "uplink-probe";

/// Why the probe measured nothing; the recorder then starts at a middle
/// bitrate and learns the link from the answers' own requests.
///
/// ```
/// use recorder_core::uplink::ProbeError;
/// assert!(ProbeError::Refused { status: 403 }.to_string().contains("403"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProbeError {
    /// The upload server refused the scratch upload.
    #[error("the upload server refused the connection check (HTTP {status}); answers are recorded at a middle quality and adapt as they upload")]
    Refused {
        /// The status it answered.
        status: u16,
    },
    /// No answer came (offline, or too slow to answer in time).
    #[error("the connection check got no answer; answers are recorded at a middle quality and adapt as they upload")]
    NoAnswer,
}

/// The probe, sans IO: send what [`Probe::poll_request`] gives and hand
/// back each answer, until it gives nothing more.
///
/// ```
/// use recorder_core::http::{HttpResponse, Method};
/// use recorder_core::uplink::Probe;
/// use recorder_core::upload::UploadConfig;
/// use std::time::Duration;
/// let mut config = UploadConfig::new("https://e.com/uploads");
/// config.discover = false;
/// let mut probe = Probe::new(config).unwrap();
/// let post = probe.poll_request(Duration::ZERO).unwrap();
/// assert_eq!(post.method, Method::Post);
/// probe.handle_response(Duration::from_secs(1), HttpResponse::new(201).with_header("Location", "https://e.com/uploads/1"));
/// let patch = probe.poll_request(Duration::from_secs(1)).unwrap();
/// probe.handle_response(Duration::from_secs(5), HttpResponse::new(204).with_header("Upload-Offset", patch.body.len().to_string()));
/// assert!(probe.outcome().unwrap().unwrap() < 600_000);
/// assert_eq!(probe.poll_request(Duration::from_secs(5)).unwrap().method, Method::Delete);
/// ```
#[derive(Debug)]
pub struct Probe {
    upload: Upload,
    /// The request in flight: its method, when it left, and its body's size.
    sent: Option<(Method, Duration, usize)>,
    outcome: Option<Result<u64, ProbeError>>,
    done: bool,
}

impl Probe {
    /// A probe of the tus server `config` names (its headers are sent too).
    ///
    /// ```
    /// let probe = recorder_core::uplink::Probe::new(recorder_core::upload::UploadConfig::new("https://e.com/u")).unwrap();
    /// assert_eq!(probe.outcome(), None);
    /// ```
    pub fn new(config: UploadConfig) -> Result<Probe, ConfigError> {
        let mut upload = Upload::new(config.with_metadata("purpose", PROBE_PURPOSE))?;
        // Noise, so that nothing on the way can compress it.
        let mut state: u32 = 0x9e37_79b9;
        let noise: Vec<u8> = (0..PROBE_BYTES)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                state as u8
            })
            .collect();
        // A fresh upload takes any bytes.
        let _ = upload.handle_chunk(&noise);
        upload.handle_end();
        Ok(Probe {
            upload,
            sent: None,
            outcome: None,
            done: false,
        })
    }

    /// The next request to send at `now`, if any; none once the probe is
    /// over (measured or not, and its upload deleted or given up).
    ///
    /// ```
    /// let mut probe = recorder_core::uplink::Probe::new(recorder_core::upload::UploadConfig::new("https://e.com/u")).unwrap();
    /// assert_eq!(probe.poll_request(std::time::Duration::ZERO).unwrap().method, recorder_core::http::Method::Options);
    /// ```
    pub fn poll_request(&mut self, now: Duration) -> Option<HttpRequest> {
        if self.done || self.sent.is_some() {
            return None;
        }
        let request = self.upload.poll_request(now)?;
        self.sent = Some((request.method, now, request.body.len()));
        Some(request)
    }

    /// How long to wait for the answer to `request` before giving up.
    ///
    /// ```
    /// let mut probe = recorder_core::uplink::Probe::new(recorder_core::upload::UploadConfig::new("https://e.com/u")).unwrap();
    /// let request = probe.poll_request(std::time::Duration::ZERO).unwrap();
    /// assert!(probe.timeout_for(&request) > std::time::Duration::ZERO);
    /// ```
    pub fn timeout_for(&self, request: &HttpRequest) -> Duration {
        self.upload.timeout_for(request)
    }

    /// The answer to the request in flight, arrived at `now`.
    ///
    /// ```
    /// use recorder_core::http::HttpResponse;
    /// use recorder_core::uplink::{Probe, ProbeError};
    /// let mut config = recorder_core::upload::UploadConfig::new("https://e.com/u");
    /// config.discover = false;
    /// let mut probe = Probe::new(config).unwrap();
    /// probe.poll_request(std::time::Duration::ZERO);
    /// probe.handle_response(std::time::Duration::ZERO, HttpResponse::new(400));
    /// assert_eq!(probe.outcome(), Some(Err(ProbeError::Refused { status: 400 })));
    /// assert_eq!(probe.poll_request(std::time::Duration::ZERO), None);
    /// ```
    pub fn handle_response(&mut self, now: Duration, response: HttpResponse) {
        let Some((method, sent_at, bytes)) = self.sent.take() else {
            return;
        };
        let status = response.status;
        self.upload.handle_response(now, response);
        match method {
            Method::Delete => self.done = true,
            Method::Post | Method::Patch if self.outcome.is_none() => {
                if !(200..=299).contains(&status) {
                    self.finish(Err(ProbeError::Refused { status }));
                } else if bytes > 0 {
                    let elapsed = now.saturating_sub(sent_at).max(Duration::from_millis(1));
                    let bits = bytes as f64 * 8.0 / elapsed.as_secs_f64();
                    self.finish(Ok(bits as u64));
                }
            }
            _ => {}
        }
        self.done |= self.upload.status() == UploadStatus::Discarded;
    }

    /// The request in flight got no answer.
    ///
    /// ```
    /// use recorder_core::uplink::{Probe, ProbeError};
    /// let mut config = recorder_core::upload::UploadConfig::new("https://e.com/u");
    /// config.discover = false;
    /// let mut probe = Probe::new(config).unwrap();
    /// probe.poll_request(std::time::Duration::ZERO);
    /// probe.handle_failure(std::time::Duration::ZERO);
    /// assert_eq!(probe.outcome(), Some(Err(ProbeError::NoAnswer)));
    /// ```
    pub fn handle_failure(&mut self, now: Duration) {
        let Some((method, ..)) = self.sent.take() else {
            return;
        };
        self.upload.handle_failure(now);
        match method {
            // A server without OPTIONS still takes plain tus.
            Method::Options => {}
            // A stray probe expires on the server; it is not worth retrying.
            Method::Delete => self.done = true,
            _ => self.finish(Err(ProbeError::NoAnswer)),
        }
        self.done |= self.upload.status() == UploadStatus::Discarded;
    }

    /// The recorder is going away before the probe is over: the request in
    /// flight (if any) is of no use, and what the server has of the scratch
    /// upload should go. The DELETE to send without waiting for its answer,
    /// if the server has an upload this probe knows the address of (a
    /// creation cut short leaves one it cannot name: the server forgets it).
    /// After this the probe sends nothing more.
    ///
    /// ```
    /// use recorder_core::http::{HttpResponse, Method};
    /// use recorder_core::uplink::Probe;
    /// use std::time::Duration;
    /// let mut config = recorder_core::upload::UploadConfig::new("https://e.com/u");
    /// config.discover = false;
    /// let mut probe = Probe::new(config).unwrap();
    /// probe.poll_request(Duration::ZERO);
    /// assert_eq!(probe.abandon(Duration::ZERO), None, "nothing known to delete");
    /// assert_eq!(probe.poll_request(Duration::ZERO), None);
    /// ```
    pub fn abandon(&mut self, now: Duration) -> Option<HttpRequest> {
        if self.done {
            return None;
        }
        self.done = true;
        self.upload.discard();
        if self.sent.take().is_some() {
            // What was in flight goes with the recorder (its fetch is
            // aborted): a DELETE among it is sent again at once, not after
            // a retry's pause (deleting twice is harmless).
            self.upload.handle_failure(now);
            self.upload.handle_online();
        }
        self.upload
            .poll_request(now)
            .filter(|request| request.method == Method::Delete)
    }

    /// The uplink in bits per second once measured, or why it was not.
    ///
    /// ```
    /// let probe = recorder_core::uplink::Probe::new(recorder_core::upload::UploadConfig::new("https://e.com/u")).unwrap();
    /// assert_eq!(probe.outcome(), None);
    /// ```
    pub fn outcome(&self) -> Option<Result<u64, ProbeError>> {
        self.outcome.clone()
    }

    /// The measurement is over: what was created is deleted next.
    fn finish(&mut self, outcome: Result<u64, ProbeError>) {
        self.outcome = Some(outcome);
        self.upload.discard();
    }
}
