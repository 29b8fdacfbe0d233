//! recorder-core's tus engine against a server answering anything: no panic,
//! never more acknowledged than recorded, and "complete" only when the server
//! confirmed every byte.
#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use recorder_core::http::HttpResponse;
use recorder_core::upload::{Upload, UploadConfig, UploadStatus};
use std::time::Duration;

#[derive(Arbitrary, Debug)]
struct Step {
    push: Vec<u8>,
    finish: bool,
    online: bool,
    wait_ms: u16,
    /// No response at all (network error) when true.
    drop: bool,
    status: u16,
    headers: Vec<(Header, String)>,
}

#[derive(Arbitrary, Debug)]
enum Header {
    UploadOffset,
    UploadLength,
    Location,
    TusExtension,
    TusChecksumAlgorithm,
    TusMaxSize,
    Other(String),
}

impl Header {
    fn name(&self) -> &str {
        match self {
            Header::UploadOffset => "Upload-Offset",
            Header::UploadLength => "Upload-Length",
            Header::Location => "Location",
            Header::TusExtension => "Tus-Extension",
            Header::TusChecksumAlgorithm => "Tus-Checksum-Algorithm",
            Header::TusMaxSize => "Tus-Max-Size",
            Header::Other(name) => name,
        }
    }
}

fuzz_target!(|steps: Vec<Step>| {
    let mut config = UploadConfig::new("https://example.com/api/uploads");
    config.max_patch_bytes = 64;
    let mut upload = Upload::new(config).expect("a valid config");
    let (mut now, mut pushed, mut finished) = (Duration::ZERO, 0u64, false);
    for step in steps.iter().take(200) {
        if !finished && upload.handle_chunk(&step.push).is_ok() {
            pushed += step.push.len() as u64;
        }
        if step.finish && !finished {
            upload.handle_end();
            finished = true;
        }
        if step.online {
            upload.handle_online();
        }
        now += Duration::from_millis(u64::from(step.wait_ms));
        if let Some(request) = upload.poll_request(now) {
            assert!(request.url.starts_with("http"), "requests go to http(s): {}", request.url);
            if step.drop {
                upload.handle_failure(now);
            } else {
                let mut response = HttpResponse::new(step.status);
                for (header, value) in &step.headers {
                    response = response.with_header(header.name(), value.as_str());
                }
                upload.handle_response(now, response);
            }
        }
        let progress = upload.progress();
        assert_eq!(progress.recorded, pushed, "every pushed byte is counted");
        assert!(progress.acknowledged <= progress.recorded, "{progress:?}");
        if upload.status() == UploadStatus::Complete {
            assert!(finished, "complete before the take was finished");
            assert_eq!(progress.acknowledged, pushed, "complete with bytes unacknowledged");
        }
    }
});
