//! The engine against a simulated tus server, with and without injected faults.

use super::*;
use crate::fake_tus::{fault, path, Exchange, FakeServer, Fault};
use crate::http::HttpResponse;
use proptest::prelude::*;

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
    upload.handle_chunk(b"chunk-1").unwrap();
    assert_eq!(
        drain(&mut upload, &mut server, now),
        2,
        "create, then patch"
    );
    upload.handle_chunk(b"chunk-2").unwrap();
    drain(&mut upload, &mut server, now);
    assert_eq!(
        server.only().1,
        None,
        "length still deferred while recording"
    );
    upload.handle_chunk(b"last").unwrap();
    upload.handle_end();
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
    upload.handle_chunk(b"abcdefgh").unwrap();
    drain(&mut upload, &mut server, now);
    upload.handle_end();
    let last = upload.poll_request(now).unwrap();
    assert!(last.body.is_empty());
    assert_eq!(last.header("Upload-Length"), Some("8"));
    upload.handle_response(now, server.handle(&last, None));
    assert_eq!(upload.status(), UploadStatus::Complete);
}

#[test]
fn finished_before_creation_declares_length_on_post() {
    let (mut server, mut upload, now) = (FakeServer::default(), upload(4), Duration::ZERO);
    upload.handle_chunk(b"abc").unwrap();
    upload.handle_end();
    let create = upload.poll_request(now).unwrap();
    assert_eq!(create.header("Upload-Length"), Some("3"));
    assert_eq!(create.header("Upload-Defer-Length"), None);
    upload.handle_response(now, server.handle(&create, None));
    assert_eq!(
        drain(&mut upload, &mut server, now),
        1,
        "one PATCH: the length was declared on creation, not again"
    );
    assert_eq!(upload.status(), UploadStatus::Complete);
    assert_eq!(server.only(), &(b"abc".to_vec(), Some(3)));
}

#[test]
fn resumes_from_an_offset_inside_a_chunk_after_a_cut_connection() {
    let (mut server, mut upload, now) = (FakeServer::default(), upload(1 << 20), Duration::ZERO);
    upload.handle_chunk(b"0123456789").unwrap();
    let create = upload.poll_request(now).unwrap();
    upload.handle_response(now, server.handle(&create, None));
    let patch = upload.poll_request(now).unwrap();
    server.handle(&patch, Some(3));
    upload.handle_failure(now);
    let later = upload.poll_timeout().unwrap();
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
    upload.handle_chunk(b"abc").unwrap();
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
    upload.handle_chunk(b"ab").unwrap();
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

/// A take recorded in chunks while the network fails: the chunks, each
/// `(size, seed)`, are in whole PATCH sizes when `exact_multiple`.
#[derive(Clone, Debug)]
struct Case {
    variant: usize,
    patch_size: usize,
    exact_multiple: bool,
    chunks: Vec<Option<(usize, u8)>>,
    faults: Vec<Fault>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        0..3usize,
        1..6000usize,
        any::<bool>(),
        prop::collection::vec(prop::option::of((0..5000usize, any::<u8>())), 0..30),
        prop::collection::vec(fault(), 0..200),
    )
        .prop_map(
            |(variant, patch_size, exact_multiple, chunks, faults)| Case {
                variant,
                patch_size,
                exact_multiple,
                chunks,
                faults,
            },
        )
}

/// Bytes that differ from chunk to chunk, from a seed.
fn bytes(size: usize, seed: u8) -> Vec<u8> {
    (0..size)
        .map(|i| (i as u8).wrapping_mul(31) ^ seed)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Records a take in random chunks while the network fails in every way
    /// it can, and checks that the server ends up with exactly the recorded bytes.
    #[test]
    fn never_loses_a_byte_whatever_the_network_does(case in case()) {
        let (extensions, algorithms) = [
            ("", ""),
            ("creation-with-upload,termination,checksum", "md5,sha1,sha256"),
            ("checksum", "sha1"),
        ][case.variant];
        let mut server = FakeServer::with(extensions, algorithms);
        let mut upload = discovering(case.patch_size);
        let mut recorded = Vec::new();
        let mut now = Duration::ZERO;
        for step in 0..100_000 {
            if let Some(Some((size, seed))) = case.chunks.get(step) {
                let size = if case.exact_multiple { case.patch_size * (size % 3) } else { *size };
                let chunk = bytes(size, *seed);
                upload.handle_chunk(&chunk).unwrap();
                recorded.extend(chunk);
            }
            if step == case.chunks.len() {
                upload.handle_end();
            }
            if let Some(request) = upload.poll_request(now) {
                let fault = case.faults.get(step).copied().unwrap_or(Fault::None);
                match server.exchange(&request, fault) {
                    Exchange::Answered(response) => upload.handle_response(now, response),
                    Exchange::NoAnswer => upload.handle_failure(now),
                }
            }
            now = upload
                .poll_timeout()
                .filter(|at| *at > now)
                .unwrap_or(now + Duration::from_millis(100));
            if upload.status() != UploadStatus::Active {
                break;
            }
        }
        prop_assert_eq!(upload.status(), UploadStatus::Complete);
        // A lost creation response leaves an orphan; the live upload is the one the engine uses.
        let (data, length) = &server.uploads[path(upload.url().unwrap())];
        prop_assert_eq!(data, &recorded);
        prop_assert_eq!(*length, Some(recorded.len() as u64));
        prop_assert_eq!(upload.progress().acknowledged, recorded.len() as u64);
    }
}

#[test]
fn discovery_turns_on_checksums_and_creation_with_upload() {
    let mut server = FakeServer::with("creation-with-upload,checksum", "sha1,sha256");
    let (mut upload, now) = (discovering(1 << 20), Duration::ZERO);
    upload.handle_chunk(b"first").unwrap();
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
    upload.handle_chunk(b" second").unwrap();
    upload.handle_end();
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
    upload.handle_chunk(b"abc").unwrap();
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
    upload.handle_chunk(b"payload").unwrap();
    let options = upload.poll_request(now).unwrap();
    upload.handle_response(now, server.handle(&options, None));
    let create = upload.poll_request(now).unwrap();
    upload.handle_response(now, server.handle(&create, None));
    let mut patch = upload.poll_request(now).unwrap();
    patch.body[0] ^= 0xff; // damaged on the way
    upload.handle_response(now, server.handle(&patch, None));
    let later = upload.poll_timeout().expect("a retry is scheduled");
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
    upload.handle_chunk(b"a take to throw away").unwrap();
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
        .handle_chunk(b"submitted by a request whose answer was lost")
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
    first.handle_chunk(b"recorded before the reload").unwrap();
    drain(&mut first, &mut server, now);
    let url = first.url().unwrap().to_string();
    // The page reloads: the journal still has the whole take.
    let mut resumed = Upload::resume(config(1 << 20), &url).unwrap();
    resumed.handle_chunk(b"recorded before the reload").unwrap();
    resumed.handle_chunk(b", and after").unwrap();
    let sha = resumed.handle_end();
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
    first
        .handle_chunk(b"every byte reached the server")
        .unwrap();
    drain(&mut first, &mut server, now);
    let url = first.url().unwrap().to_string();
    // The tab was closed: the server has all the kept bytes, the length is not declared.
    let mut resumed = Upload::resume(config(1 << 20), &url).unwrap();
    assert_eq!(resumed.poll_request(now), None, "nothing is known yet");
    resumed.handle_chunk(b"every byte ").unwrap();
    assert_eq!(
        resumed.poll_request(now),
        None,
        "part of the take is not pushed yet"
    );
    resumed.handle_chunk(b"reached the server").unwrap();
    resumed.handle_end();
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
        upload.handle_chunk(b"abc").unwrap();
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
