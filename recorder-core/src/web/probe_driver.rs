//! Runs the connection check ([`crate::uplink::Probe`]) with `fetch`.

use super::{clock, transport};
use crate::uplink::{Probe, ProbeError};
use crate::upload::{ConfigError, UploadConfig};

/// Measures the uplink to the tus server `config` names: the scratch
/// upload is sent, timed and deleted before this returns. Bits per second,
/// or why there is no measure.
///
/// ```no_run
/// # async fn f() {
/// use recorder_core::upload::UploadConfig;
/// let config = UploadConfig::new("https://example.com/uploads").with_header("Authorization", "Bearer t");
/// if let Ok(Ok(bits_per_second)) = recorder_core::web::probe_driver::measure(config).await {
///     assert!(bits_per_second > 0);
/// }
/// # }
/// ```
pub async fn measure(config: UploadConfig) -> Result<Result<u64, ProbeError>, ConfigError> {
    let mut measuring = Measuring(Probe::new(config)?);
    let probe = &mut measuring.0;
    while let Some(request) = probe.poll_request(clock::now()) {
        match transport::send(&request, probe.timeout_for(&request)).await {
            Ok(response) => probe.handle_response(clock::now(), response),
            Err(_) => probe.handle_failure(clock::now()),
        }
    }
    Ok(probe.outcome().unwrap_or(Err(ProbeError::NoAnswer)))
}

/// A probe being run: dropped before it is over (the recorder was taken off
/// the page), it asks the server to delete its scratch upload, which would
/// otherwise count against the candidate's checks until it expires.
struct Measuring(Probe);

impl Drop for Measuring {
    fn drop(&mut self) {
        if let Some(delete) = self.0.abandon(clock::now()) {
            transport::send_detached(&delete);
        }
    }
}
