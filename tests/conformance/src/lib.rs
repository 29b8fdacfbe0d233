//! A small native transport for recorder-core's sans-IO tus engine, and a
//! loop that drives a take through it: what the browser's `web` module does
//! with fetch, done with blocking HTTP so real tus servers can be tested.
//!
//! ```no_run
//! use recorder_core::upload::{Upload, UploadConfig};
//! let upload = Upload::new(UploadConfig::new("http://127.0.0.1:1080/files")).unwrap();
//! let done = conformance::upload_take(upload, &[b"first".to_vec(), b"second".to_vec()]).unwrap();
//! assert_eq!(done.progress().acknowledged, 11);
//! ```

use recorder_core::http::{HttpRequest, HttpResponse};
use recorder_core::upload::{Upload, UploadError, UploadStatus};
use std::io::Read;
use std::time::{Duration, Instant};

/// Why a take did not complete.
#[derive(Debug)]
pub enum TakeFailure {
    /// The engine gave up.
    Upload(UploadError),
    /// The engine stopped asking for anything before completing (a bug).
    Stuck(String),
}

/// Sends one request with blocking HTTP/1.1; `Err` means no HTTP response.
///
/// ```no_run
/// use recorder_core::http::{HttpRequest, Method};
/// let response = conformance::send(&HttpRequest::new(Method::Options, "http://127.0.0.1:1080/files"), std::time::Duration::from_secs(5));
/// ```
pub fn send(request: &HttpRequest, timeout: Duration) -> Result<HttpResponse, String> {
    let agent = ureq::AgentBuilder::new().timeout(timeout).build();
    let mut call = agent.request(request.method.as_str(), &request.url);
    for (name, value) in &request.headers {
        call = call.set(name, value);
    }
    let result = if request.body.is_empty() {
        call.call()
    } else {
        call.send_bytes(&request.body)
    };
    let response = match result {
        Ok(response) | Err(ureq::Error::Status(_, response)) => response,
        Err(error) => return Err(error.to_string()),
    };
    let mut converted = HttpResponse::new(response.status());
    for name in response.headers_names() {
        if let Some(value) = response.header(&name) {
            converted.headers.push((name.clone(), value.to_string()));
        }
    }
    let mut body = String::new();
    // A body that is not text is not needed: only error messages are read.
    let _ = response
        .into_reader()
        .take(64 * 1024)
        .read_to_string(&mut body);
    converted.body = body;
    Ok(converted)
}

/// Feeds `chunks` into `upload` one by one, as a recorder would while the
/// requests go out, finishes the take and drives it to completion.
pub fn upload_take(mut upload: Upload, chunks: &[Vec<u8>]) -> Result<Upload, TakeFailure> {
    let started = Instant::now();
    let mut chunks = chunks.iter();
    let mut recording = true;
    while started.elapsed() < Duration::from_secs(120) {
        if recording {
            match chunks.next() {
                Some(chunk) => upload.handle_chunk(chunk).map_err(TakeFailure::Upload)?,
                None => {
                    upload.handle_end();
                    recording = false;
                }
            }
        }
        let now = started.elapsed();
        if let Some(request) = upload.poll_request(now) {
            match send(&request, upload.timeout_for(&request)) {
                Ok(response) => upload.handle_response(started.elapsed(), response),
                Err(_) => upload.handle_failure(started.elapsed()),
            }
        } else if let Some(at) = upload.poll_timeout() {
            std::thread::sleep(at.saturating_sub(now));
        } else if !recording && upload.status() == UploadStatus::Active {
            return Err(TakeFailure::Stuck(format!("{:?}", upload.progress())));
        }
        match upload.status() {
            UploadStatus::Complete => return Ok(upload),
            UploadStatus::Failed(error) => return Err(TakeFailure::Upload(error)),
            UploadStatus::Discarded => return Err(TakeFailure::Stuck("discarded".into())),
            UploadStatus::Active => {}
        }
    }
    Err(TakeFailure::Stuck("no completion within 120 s".into()))
}
