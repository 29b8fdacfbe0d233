//! The engine against a simulated tus server, with and without injected faults.

use super::*;
use std::collections::HashMap;

/// A tus 1.0 server in memory: creation, defer-length, HEAD, ordered PATCH,
/// and the extensions it is told to advertise.
#[derive(Default)]
struct FakeServer {
    uploads: HashMap<String, (Vec<u8>, Option<u64>)>,
    created: usize,
    /// `Tus-Extension` beyond creation and defer-length.
    extensions: &'static str,
    /// `Tus-Checksum-Algorithm`.
    algorithms: &'static str,
}

/// The body a server keeps: `keep` bytes of it, none if a checksum does not match.
fn kept(request: &HttpRequest, keep: Option<usize>) -> Result<&[u8], HttpResponse> {
    let body = &request.body[..keep.unwrap_or(request.body.len())];
    match request.header("Upload-Checksum") {
        Some(sent) => {
            let algorithm = if sent.starts_with("sha256 ") {
                ChecksumAlgorithm::Sha256
            } else {
                ChecksumAlgorithm::Sha1
            };
            if algorithm.header_value(body) == sent {
                Ok(body)
            } else {
                Err(HttpResponse::new(460))
            }
        }
        None => Ok(body),
    }
}

impl FakeServer {
    fn with(extensions: &'static str, algorithms: &'static str) -> FakeServer {
        FakeServer {
            extensions,
            algorithms,
            ..Default::default()
        }
    }

    /// Applies `request`, taking only `keep` bytes of a body when given.
    fn handle(&mut self, request: &HttpRequest, keep: Option<usize>) -> HttpResponse {
        assert_eq!(request.header("Tus-Resumable"), Some(TUS_VERSION));
        match request.method {
            Method::Options => HttpResponse::new(204)
                .with_header("Tus-Version", TUS_VERSION)
                .with_header(
                    "Tus-Extension",
                    format!("creation,creation-defer-length,{}", self.extensions),
                )
                .with_header("Tus-Checksum-Algorithm", self.algorithms),
            Method::Post => {
                self.created += 1;
                let id = format!("/files/{}", self.created);
                let length = request.header("Upload-Length").map(|v| v.parse().unwrap());
                assert!(length.is_some() || request.header("Upload-Defer-Length") == Some("1"));
                let data = if request.body.is_empty() {
                    Vec::new()
                } else {
                    assert!(self.extensions.contains("creation-with-upload"));
                    assert_eq!(request.header("Content-Type"), Some(PATCH_CONTENT_TYPE));
                    kept(request, keep).map(<[u8]>::to_vec).unwrap_or_default()
                };
                let offset = data.len();
                self.uploads.insert(id.clone(), (data, length));
                HttpResponse::new(201)
                    .with_header("Location", id)
                    .with_header("Upload-Offset", offset.to_string())
            }
            Method::Delete => match self.uploads.remove(path(&request.url)) {
                Some(_) => HttpResponse::new(204),
                None => HttpResponse::new(404),
            },
            Method::Head => {
                let (data, length) = &self.uploads[path(&request.url)];
                let response =
                    HttpResponse::new(200).with_header("Upload-Offset", data.len().to_string());
                match length {
                    Some(length) => response.with_header("Upload-Length", length.to_string()),
                    None => response.with_header("Upload-Defer-Length", "1"),
                }
            }
            Method::Patch => {
                assert_eq!(request.header("Content-Type"), Some(PATCH_CONTENT_TYPE));
                let Some((data, length)) = self.uploads.get_mut(path(&request.url)) else {
                    return HttpResponse::new(404);
                };
                let offset: usize = request.header("Upload-Offset").unwrap().parse().unwrap();
                if offset != data.len() {
                    return HttpResponse::new(409);
                }
                if let Some(declared) = request.header("Upload-Length") {
                    let declared: u64 = declared.parse().unwrap();
                    assert!(length.is_none_or(|l| l == declared), "length changed");
                    *length = Some(declared);
                }
                if request.header("Upload-Checksum").is_some() {
                    assert!(
                        self.extensions.contains("checksum"),
                        "checksum sent unasked"
                    );
                }
                let body = match kept(request, keep) {
                    Ok(body) => body,
                    Err(mismatch) => return mismatch,
                };
                data.extend_from_slice(body);
                assert!(
                    length.is_none_or(|l| data.len() as u64 <= l),
                    "past the length"
                );
                HttpResponse::new(204).with_header("Upload-Offset", data.len().to_string())
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    fn only(&self) -> &(Vec<u8>, Option<u64>) {
        assert_eq!(self.uploads.len(), 1, "exactly one upload");
        self.uploads.values().next().unwrap()
    }
}

fn path(url: &str) -> &str {
    &url[url.find("/files/").unwrap()..]
}

fn config(max_patch_bytes: usize) -> UploadConfig {
    let mut config = UploadConfig::new("http://127.0.0.1:1080/files")
        .with_header("Authorization", "Bearer t")
        .with_metadata("filetype", "video/webm");
    config.max_patch_bytes = max_patch_bytes;
    config.discover = false;
    config
}

/// An upload that speaks plain tus (no discovery).
fn upload(max_patch_bytes: usize) -> Upload {
    Upload::new(config(max_patch_bytes)).unwrap()
}

/// An upload that asks the server what it supports first.
fn discovering(max_patch_bytes: usize) -> Upload {
    let mut config = config(max_patch_bytes);
    config.discover = true;
    Upload::new(config).unwrap()
}

/// Sends every due request to `server` without faults until nothing is due.
fn drain(upload: &mut Upload, server: &mut FakeServer, now: Duration) -> usize {
    let mut sent = 0;
    while let Some(request) = upload.poll_request(now) {
        let response = server.handle(&request, None);
        upload.handle_response(now, response);
        sent += 1;
    }
    sent
}

#[test]
fn streams_while_recording_and_declares_length_on_the_last_patch() {
    let (mut server, mut upload, now) = (FakeServer::default(), upload(1 << 20), Duration::ZERO);
    upload.push(b"chunk-1").unwrap();
    assert_eq!(
        drain(&mut upload, &mut server, now),
        2,
        "create, then patch"
    );
    upload.push(b"chunk-2").unwrap();
    drain(&mut upload, &mut server, now);
    assert_eq!(
        server.only().1,
        None,
        "length still deferred while recording"
    );
    upload.push(b"last").unwrap();
    upload.finish();
    let last = upload.poll_request(now).unwrap();
    assert_eq!(last.header("Upload-Length"), Some("18"));
    assert_eq!(last.body, b"last");
    upload.handle_response(now, server.handle(&last, None));
    assert_eq!(upload.status(), UploadStatus::Complete);
    assert_eq!(server.only(), &(b"chunk-1chunk-2last".to_vec(), Some(18)));
}

#[test]
fn exact_multiple_of_patch_size_finishes_with_a_zero_byte_patch() {
    let (mut server, mut upload, now) = (FakeServer::default(), upload(4), Duration::ZERO);
    upload.push(b"abcdefgh").unwrap();
    drain(&mut upload, &mut server, now);
    upload.finish();
    let last = upload.poll_request(now).unwrap();
    assert!(last.body.is_empty());
    assert_eq!(last.header("Upload-Length"), Some("8"));
    upload.handle_response(now, server.handle(&last, None));
    assert_eq!(upload.status(), UploadStatus::Complete);
}

#[test]
fn finished_before_creation_declares_length_on_post() {
    let (mut server, mut upload, now) = (FakeServer::default(), upload(4), Duration::ZERO);
    upload.push(b"abc").unwrap();
    upload.finish();
    let create = upload.poll_request(now).unwrap();
    assert_eq!(create.header("Upload-Length"), Some("3"));
    assert_eq!(create.header("Upload-Defer-Length"), None);
    upload.handle_response(now, server.handle(&create, None));
    drain(&mut upload, &mut server, now);
    assert_eq!(upload.status(), UploadStatus::Complete);
    assert_eq!(server.only(), &(b"abc".to_vec(), Some(3)));
}

#[test]
fn resumes_from_an_offset_inside_a_chunk_after_a_cut_connection() {
    let (mut server, mut upload, now) = (FakeServer::default(), upload(1 << 20), Duration::ZERO);
    upload.push(b"0123456789").unwrap();
    let create = upload.poll_request(now).unwrap();
    upload.handle_response(now, server.handle(&create, None));
    let patch = upload.poll_request(now).unwrap();
    server.handle(&patch, Some(3));
    upload.handle_failure(now);
    let later = upload.next_wakeup().unwrap();
    assert!(upload.poll_request(now).is_none(), "waits for the backoff");
    let head = upload.poll_request(later).unwrap();
    assert_eq!(head.method, Method::Head);
    upload.handle_response(later, server.handle(&head, None));
    let resumed = upload.poll_request(later).unwrap();
    assert_eq!(resumed.header("Upload-Offset"), Some("3"));
    assert_eq!(resumed.body, b"3456789");
}

#[test]
fn lost_upload_is_a_typed_error_and_keeps_the_bytes() {
    let (mut server, mut upload, now) = (FakeServer::default(), upload(1 << 20), Duration::ZERO);
    upload.push(b"abc").unwrap();
    let create = upload.poll_request(now).unwrap();
    upload.handle_response(now, server.handle(&create, None));
    server.uploads.clear();
    let patch = upload.poll_request(now).unwrap();
    upload.handle_response(now, server.handle(&patch, None));
    assert_eq!(
        upload.status(),
        UploadStatus::Failed(UploadError::Lost { status: 404 })
    );
    assert_eq!(upload.progress().recorded, 3);
    assert!(upload.poll_request(now).is_none());
}

#[test]
fn refusals_carry_the_servers_message() {
    let (mut upload, now) = (upload(4), Duration::ZERO);
    upload.poll_request(now).unwrap();
    upload.handle_response(now, HttpResponse::new(403).with_body("no attempts left\n"));
    let UploadStatus::Failed(error) = upload.status() else {
        panic!("expected a failure")
    };
    assert_eq!(
        error.to_string(),
        "the server refused the upload (HTTP 403): no attempts left"
    );
}

#[test]
fn missing_headers_are_reported_by_name() {
    let (mut upload, now) = (upload(4), Duration::ZERO);
    upload.poll_request(now).unwrap();
    upload.handle_response(now, HttpResponse::new(201));
    assert_eq!(
        upload.status(),
        UploadStatus::Failed(UploadError::BadResponse { header: "Location" })
    );
}

#[test]
fn server_claiming_bytes_never_recorded_is_an_error() {
    let (mut upload, now) = (upload(4), Duration::ZERO);
    upload.push(b"ab").unwrap();
    upload.poll_request(now).unwrap();
    upload.handle_response(
        now,
        HttpResponse::new(201).with_header("Location", "/files/1"),
    );
    upload.poll_request(now).unwrap();
    upload.handle_response(
        now,
        HttpResponse::new(204).with_header("Upload-Offset", "99"),
    );
    assert!(matches!(
        upload.status(),
        UploadStatus::Failed(UploadError::OffsetOutOfRange { server: 99, .. })
    ));
}

#[test]
fn every_request_carries_the_configured_headers_and_metadata() {
    let (mut upload, now) = (upload(4), Duration::ZERO);
    let create = upload.poll_request(now).unwrap();
    assert_eq!(create.header("Authorization"), Some("Bearer t"));
    assert_eq!(
        create.header("Upload-Metadata"),
        Some("filetype dmlkZW8vd2VibQ==")
    );
    assert_eq!(create.url, "http://127.0.0.1:1080/files");
}

#[test]
fn backoff_grows_is_capped_and_jittered() {
    let mut backoff = Backoff::new(Duration::from_secs(1), Duration::from_secs(10), 42);
    let delays: Vec<_> = (0..8).map(|n| backoff.delay(n)).collect();
    for (n, delay) in delays.iter().enumerate() {
        let ceiling = Duration::from_secs(1 << n.min(4)).min(Duration::from_secs(10));
        assert!(*delay >= ceiling / 2 && *delay <= ceiling, "{n}: {delay:?}");
    }
    assert_ne!(delays[6], delays[7], "jittered");
}

#[test]
fn url_resolution_follows_browsers() {
    assert_eq!(resolve_url("https://h/a/b?x=1", "c"), "https://h/a/c");
    assert_eq!(resolve_url("https://h", "c"), "https://h/c");
    assert_eq!(resolve_url("https://h:1/a", "//o:2/u"), "https://o:2/u");
    assert_eq!(resolve_url("https://h:1/a", " /u "), "https://h:1/u");
}

/// What goes wrong with one request in the randomized run.
#[derive(Clone, Copy, Debug)]
enum Fault {
    None,
    /// The connection drops before the server accepted anything.
    RequestLost,
    /// The server accepted everything; the response never arrives (or times out).
    ResponseLost,
    /// The connection drops in the middle of the body.
    CutMidBody,
    /// The server restarts mid-body and loses what it had not flushed.
    RestartLosingUnflushed,
    /// A 5xx without touching the upload.
    ServerError,
    /// A 409 (say, a stale offset after a proxy replayed the request).
    Conflict,
}

const FAULTS: [Fault; 10] = [
    Fault::None,
    Fault::None,
    Fault::None,
    Fault::None,
    Fault::RequestLost,
    Fault::ResponseLost,
    Fault::CutMidBody,
    Fault::RestartLosingUnflushed,
    Fault::ServerError,
    Fault::Conflict,
];

struct Rng(u64);

impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

/// Records a take in random chunks while the network fails in every way it
/// can, and checks that the server ends up with exactly the recorded bytes.
#[test]
fn never_loses_a_byte_whatever_the_network_does() {
    let variants = [
        ("", ""),
        (
            "creation-with-upload,termination,checksum",
            "md5,sha1,sha256",
        ),
        ("checksum", "sha1"),
    ];
    for seed in 1..=1200u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let (extensions, algorithms) = variants[seed as usize % variants.len()];
        let mut server = FakeServer::with(extensions, algorithms);
        let patch_size = 1 + rng.next(6000);
        // Every fourth case records whole PATCH sizes: the length is an exact multiple.
        let exact_multiple = seed % 4 == 0;
        let mut upload = discovering(patch_size as usize);
        let mut recorded = Vec::new();
        let chunks = rng.next(30);
        let mut now = Duration::ZERO;
        for step in 0..100_000 {
            if step as u64 <= chunks && rng.next(2) == 0 {
                let size = if exact_multiple {
                    patch_size * rng.next(3)
                } else {
                    rng.next(5000)
                };
                let chunk: Vec<u8> = (0..size).map(|_| rng.next(256) as u8).collect();
                upload.push(&chunk).unwrap();
                recorded.extend(chunk);
            }
            if step as u64 == chunks {
                upload.finish();
            }
            if let Some(request) = upload.poll_request(now) {
                let fault = FAULTS[rng.next(FAULTS.len() as u64) as usize];
                match fault {
                    Fault::None => upload.handle_response(now, server.handle(&request, None)),
                    Fault::RequestLost => upload.handle_failure(now),
                    Fault::ResponseLost => {
                        server.handle(&request, None);
                        upload.handle_failure(now);
                    }
                    Fault::CutMidBody => {
                        let keep = rng.next(request.body.len() as u64 + 1) as usize;
                        server.handle(&request, Some(keep));
                        upload.handle_failure(now);
                    }
                    Fault::RestartLosingUnflushed => {
                        let key = request
                            .url
                            .find("/files/")
                            .map(|i| request.url[i..].to_string());
                        let before = key
                            .as_ref()
                            .and_then(|k| server.uploads.get(k))
                            .map(|u| u.0.len());
                        server.handle(&request, None);
                        if let (Some(flushed), Some(upload)) =
                            (before, key.and_then(|k| server.uploads.get_mut(&k)))
                        {
                            let survived =
                                flushed + rng.next((upload.0.len() - flushed) as u64 + 1) as usize;
                            upload.0.truncate(survived);
                        }
                        upload.handle_failure(now);
                    }
                    Fault::ServerError => upload.handle_response(now, HttpResponse::new(503)),
                    Fault::Conflict => upload.handle_response(now, HttpResponse::new(409)),
                }
            }
            now = upload
                .next_wakeup()
                .filter(|at| *at > now)
                .unwrap_or(now + Duration::from_millis(100));
            if upload.status() != UploadStatus::Active {
                break;
            }
        }
        assert_eq!(upload.status(), UploadStatus::Complete, "seed {seed}");
        // A lost creation response leaves an orphan; the live upload is the one the engine uses.
        let (data, length) = &server.uploads[path(upload.url().unwrap())];
        assert_eq!(data, &recorded, "seed {seed}");
        assert_eq!(*length, Some(recorded.len() as u64), "seed {seed}");
        assert_eq!(upload.progress().acknowledged, recorded.len() as u64);
    }
}

#[test]
fn discovery_turns_on_checksums_and_creation_with_upload() {
    let mut server = FakeServer::with("creation-with-upload,checksum", "sha1,sha256");
    let (mut upload, now) = (discovering(1 << 20), Duration::ZERO);
    upload.push(b"first").unwrap();
    let options = upload.poll_request(now).unwrap();
    assert_eq!(options.method, Method::Options);
    upload.handle_response(now, server.handle(&options, None));
    assert_eq!(
        upload.features().unwrap().checksum,
        Some(ChecksumAlgorithm::Sha256)
    );
    let create = upload.poll_request(now).unwrap();
    assert_eq!(
        create.body, b"first",
        "the first bytes travel with the creation"
    );
    assert_eq!(
        create.header("Upload-Checksum"),
        Some(ChecksumAlgorithm::Sha256.header_value(b"first").as_str())
    );
    upload.handle_response(now, server.handle(&create, None));
    assert_eq!(upload.progress().acknowledged, 5);
    upload.push(b" second").unwrap();
    upload.finish();
    let patch = upload.poll_request(now).unwrap();
    assert!(patch
        .header("Upload-Checksum")
        .unwrap()
        .starts_with("sha256 "));
    upload.handle_response(now, server.handle(&patch, None));
    assert_eq!(upload.status(), UploadStatus::Complete);
    assert_eq!(server.only(), &(b"first second".to_vec(), Some(12)));
}

#[test]
fn a_server_without_options_still_gets_plain_tus() {
    let (mut upload, now) = (discovering(1 << 20), Duration::ZERO);
    upload.push(b"abc").unwrap();
    upload.poll_request(now).unwrap();
    upload.handle_failure(now);
    let create = upload.poll_request(now).unwrap();
    assert_eq!(create.method, Method::Post);
    assert!(create.body.is_empty());
}

#[test]
fn a_checksum_mismatch_is_resent_after_asking_the_offset() {
    let (mut upload, mut server) = (discovering(1 << 20), FakeServer::with("checksum", "sha256"));
    let now = Duration::ZERO;
    upload.push(b"payload").unwrap();
    let options = upload.poll_request(now).unwrap();
    upload.handle_response(now, server.handle(&options, None));
    let create = upload.poll_request(now).unwrap();
    upload.handle_response(now, server.handle(&create, None));
    let mut patch = upload.poll_request(now).unwrap();
    patch.body[0] ^= 0xff; // damaged on the way
    upload.handle_response(now, server.handle(&patch, None));
    let later = upload.next_wakeup().expect("a retry is scheduled");
    let head = upload.poll_request(later).unwrap();
    assert_eq!(head.method, Method::Head);
    upload.handle_response(later, server.handle(&head, None));
    let resent = upload.poll_request(later).unwrap();
    assert_eq!(resent.body, b"payload");
    upload.handle_response(later, server.handle(&resent, None));
    assert_eq!(server.only().0, b"payload");
}

#[test]
fn discarding_deletes_the_servers_copy() {
    let mut server = FakeServer::with("termination", "");
    let (mut upload, now) = (discovering(1 << 20), Duration::ZERO);
    upload.push(b"a take to throw away").unwrap();
    drain(&mut upload, &mut server, now);
    assert_eq!(server.uploads.len(), 1);
    upload.discard();
    let delete = upload.poll_request(now).unwrap();
    assert_eq!(delete.method, Method::Delete);
    upload.handle_response(now, server.handle(&delete, None));
    assert_eq!(upload.status(), UploadStatus::Discarded);
    assert!(server.uploads.is_empty());
    assert_eq!(upload.poll_request(now), None);
}

#[test]
fn a_delete_refused_as_conflict_is_final_not_retried() {
    // demo-server answers 409 when the take was submitted after all.
    let mut server = FakeServer::default();
    let (mut upload, now) = (upload(1 << 20), Duration::ZERO);
    upload
        .push(b"submitted by a request whose answer was lost")
        .unwrap();
    drain(&mut upload, &mut server, now);
    upload.discard();
    let delete = upload.poll_request(now).unwrap();
    assert_eq!(delete.method, Method::Delete);
    upload.handle_response(now, HttpResponse::new(409));
    assert_eq!(upload.status(), UploadStatus::Discarded);
    assert_eq!(upload.poll_request(now + Duration::from_secs(3600)), None);
}

#[test]
fn discarding_during_creation_deletes_once_created() {
    let mut server = FakeServer::default();
    let (mut upload, now) = (upload(1 << 20), Duration::ZERO);
    let create = upload.poll_request(now).unwrap();
    upload.discard();
    upload.handle_response(now, server.handle(&create, None));
    let delete = upload.poll_request(now).unwrap();
    assert_eq!(delete.method, Method::Delete);
    upload.handle_response(now, server.handle(&delete, None));
    assert_eq!(upload.status(), UploadStatus::Discarded);
}

#[test]
fn a_resumed_upload_sends_only_what_the_server_lacks() {
    let mut server = FakeServer::default();
    let (mut first, now) = (upload(1 << 20), Duration::ZERO);
    first.push(b"recorded before the reload").unwrap();
    drain(&mut first, &mut server, now);
    let url = first.url().unwrap().to_string();
    // The page reloads: the journal still has the whole take.
    let mut resumed = Upload::resume(config(1 << 20), &url).unwrap();
    resumed.push(b"recorded before the reload").unwrap();
    resumed.push(b", and after").unwrap();
    let sha = resumed.finish();
    let head = resumed.poll_request(now).unwrap();
    assert_eq!(head.method, Method::Head);
    resumed.handle_response(now, server.handle(&head, None));
    let patch = resumed.poll_request(now).unwrap();
    assert_eq!(patch.body, b", and after");
    resumed.handle_response(now, server.handle(&patch, None));
    assert_eq!(resumed.status(), UploadStatus::Complete);
    assert_eq!(server.only().0, b"recorded before the reload, and after");
    assert_eq!(sha.len(), 64);
}

#[test]
fn a_resumed_upload_waits_for_the_whole_kept_take_before_asking_the_offset() {
    let mut server = FakeServer::default();
    let (mut first, now) = (upload(1 << 20), Duration::ZERO);
    first.push(b"every byte reached the server").unwrap();
    drain(&mut first, &mut server, now);
    let url = first.url().unwrap().to_string();
    // The tab was closed: the server has all the kept bytes, the length is not declared.
    let mut resumed = Upload::resume(config(1 << 20), &url).unwrap();
    assert_eq!(resumed.poll_request(now), None, "nothing is known yet");
    resumed.push(b"every byte ").unwrap();
    assert_eq!(
        resumed.poll_request(now),
        None,
        "part of the take is not pushed yet"
    );
    resumed.push(b"reached the server").unwrap();
    resumed.finish();
    let head = resumed.poll_request(now).unwrap();
    assert_eq!(head.method, Method::Head);
    resumed.handle_response(now, server.handle(&head, None));
    let patch = resumed.poll_request(now).unwrap();
    assert_eq!(
        (patch.body.len(), patch.header("Upload-Length")),
        (0, Some("29"))
    );
    resumed.handle_response(now, server.handle(&patch, None));
    assert_eq!(resumed.status(), UploadStatus::Complete);
    assert_eq!(
        server.only(),
        &(b"every byte reached the server".to_vec(), Some(29))
    );
}

#[test]
fn a_location_that_is_not_http_fails_the_upload_instead_of_being_followed() {
    for location in ["://;", "file:///etc/passwd", "javascript://x"] {
        let (mut upload, now) = (upload(1 << 20), Duration::ZERO);
        upload.push(b"abc").unwrap();
        let create = upload.poll_request(now).unwrap();
        assert_eq!(create.method, Method::Post);
        upload.handle_response(
            now,
            HttpResponse::new(201).with_header("Location", location),
        );
        assert_eq!(
            upload.status(),
            UploadStatus::Failed(UploadError::BadResponse { header: "Location" }),
            "{location}"
        );
        assert_eq!(upload.poll_request(now), None);
    }
}

#[test]
fn stalled_requests_time_out_by_body_size() {
    let upload = upload(1 << 20);
    let mut patch = HttpRequest::new(Method::Patch, "http://x/files/1");
    assert_eq!(upload.timeout_for(&patch), Duration::from_secs(30));
    patch.body = vec![0; 1_600_000];
    assert_eq!(upload.timeout_for(&patch), Duration::from_secs(130));
}
