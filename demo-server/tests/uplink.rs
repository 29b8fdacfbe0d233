//! The recorder's connection check and answers in sound only, as the
//! server's rules take them. Real HTTP on 127.0.0.1, a real SQLite file.

mod support;

use base64::Engine;
use recorder_core::http::{HttpResponse, Method as CoreMethod};
use recorder_core::model::{Interview, Quality};
use recorder_core::uplink::{Probe, PROBE_BYTES};
use recorder_core::upload::UploadConfig;
use reqwest::{Method, StatusCode};
use std::time::Instant;
use support::{header, message, start, start_on_files, start_with, TestServer};

/// Runs the core's probe against the server until it has nothing more to
/// send: its measurement and the requests' methods and statuses.
async fn probe(server: &TestServer, token: &str) -> (Option<u64>, Vec<(CoreMethod, u16)>) {
    let config = UploadConfig::new(format!("{}/api/uploads", server.origin))
        .with_header("Authorization", format!("Bearer {token}"));
    let mut probe = Probe::new(config).unwrap();
    let started = Instant::now();
    let mut exchanges = Vec::new();
    while let Some(request) = probe.poll_request(started.elapsed()) {
        let method = Method::from_bytes(request.method.as_str().as_bytes()).unwrap();
        let mut builder = server.client.request(method, &request.url);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        let answer = builder.body(request.body.clone()).send().await.unwrap();
        let mut response = HttpResponse::new(answer.status().as_u16());
        for name in [
            "Location",
            "Upload-Offset",
            "Tus-Version",
            "Tus-Extension",
            "Tus-Resumable",
        ] {
            if let Some(value) = answer.headers().get(name) {
                response = response.with_header(name, value.to_str().unwrap());
            }
        }
        exchanges.push((request.method, response.status));
        probe.handle_response(started.elapsed(), response);
    }
    (probe.outcome().and_then(Result::ok), exchanges)
}

/// `Upload-Metadata` of a connection check.
fn probe_metadata() -> String {
    format!(
        "purpose {}",
        base64::engine::general_purpose::STANDARD.encode("uplink-probe")
    )
}

#[tokio::test]
async fn a_connection_check_is_measured_deleted_and_costs_no_attempt() {
    let server = start().await;
    let token = server.invite().await;
    // Before any question is revealed, as during the device check.
    let (measured, exchanges) = probe(&server, &token).await;
    let methods: Vec<_> = exchanges.iter().map(|(m, s)| (*m, *s)).collect();
    assert_eq!(
        methods,
        [
            (CoreMethod::Options, 204),
            (CoreMethod::Post, 201),
            (CoreMethod::Delete, 204)
        ],
        "the bytes go with the creation, then the upload is deleted"
    );
    assert!(
        measured.is_some_and(|bits| bits > 1_000_000),
        "{measured:?}"
    );
    let progress = server.db.progress(1, "q1").await.unwrap();
    assert_eq!(progress.attempts_used, 0);
    assert!(progress.revealed_at.is_none());
    let review = server.db.create_review_token().await.unwrap();
    let page = server.page(&format!("/review/{review}")).await;
    assert!(!page.contains("data-take="), "a check is no take");
    assert!(!page.contains(&format!("{PROBE_BYTES} bytes")));
}

#[tokio::test]
async fn connection_checks_are_small_few_at_a_time_and_those_left_behind_make_room() {
    let server = start_on_files().await;
    let token = server.invite().await;
    let create = |length: usize| {
        server
            .tus(
                Method::POST,
                &format!("{}/api/uploads", server.origin),
                &token,
            )
            .header("Upload-Length", length.to_string())
            .header("Upload-Metadata", probe_metadata())
            .send()
    };
    let (status, text) = message(create(8 * PROBE_BYTES).await.unwrap()).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{text}");
    let mut live = Vec::new();
    for _ in 0..demo_server::probes::MAX_LIVE_PROBES {
        let created = create(PROBE_BYTES).await.unwrap();
        assert_eq!(created.status(), StatusCode::CREATED);
        live.push(header(&created, "Location").to_string());
    }
    let status = |url: String| {
        let request = server.tus(Method::HEAD, &url, &token);
        async move { request.send().await.unwrap().status() }
    };
    // Pages taken away mid-check left those: the next check replaces the oldest.
    let created = create(PROBE_BYTES).await.unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    assert_eq!(status(live.remove(0)).await, StatusCode::GONE);
    assert_eq!(status(live[0].clone()).await, StatusCode::OK);
    live.push(header(&created, "Location").to_string());
    let kept = |uploads: Vec<demo_server::db::UploadRow>| {
        let probes = uploads.iter().filter(|u| demo_server::probes::is_probe(u));
        probes.filter(|u| u.deleted_at.is_none()).count()
    };
    let uploads = server.db.all_uploads().await.unwrap();
    assert_eq!(kept(uploads), live.len(), "never more than the bound");
    // Pages that went away before deleting theirs: past their lifetime, the sweep takes them.
    let state = demo_server::app::AppState::new(
        server.db.clone(),
        server.dir.path().join("media"),
        &server.origin,
        Vec::new(),
        None,
    );
    let now = demo_server::db::unix_millis();
    let swept = demo_server::tus::sweep::sweep::<demo_server::rules::InterviewRules>(&state, now)
        .await
        .unwrap();
    assert_eq!(swept.by_hooks, 0, "checks under way stay");
    let later = now + demo_server::probes::PROBE_LIFETIME.as_millis() as i64 + 1;
    let swept = demo_server::tus::sweep::sweep::<demo_server::rules::InterviewRules>(&state, later)
        .await
        .unwrap();
    assert_eq!(
        swept.by_hooks,
        demo_server::probes::MAX_LIVE_PROBES as usize
    );
    assert_eq!(status(live[0].clone()).await, StatusCode::GONE);
    assert_eq!(
        create(PROBE_BYTES).await.unwrap().status(),
        StatusCode::CREATED
    );
}

/// A take of `q1` whose `filetype` is `audio/webm`.
async fn sound_only_take(server: &TestServer, token: &str) -> reqwest::Response {
    let filetype = base64::engine::general_purpose::STANDARD.encode("audio/webm");
    server
        .create(
            token,
            &support::metadata("q1", "").replace("dmlkZW8vd2VibQ==", &filetype),
        )
        .await
}

#[tokio::test]
async fn sound_only_answers_are_taken_only_where_the_interview_allows_them() {
    let server = start().await;
    let token = server.candidate(&["q1"]).await;
    let (status, text) = message(sound_only_take(&server, &token).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(text.contains("quality.audio_only"), "{text}");

    let mut interview = Interview::sample();
    interview.presentation.quality = Some(Quality {
        floor_kbps: 600,
        audio_only: true,
        ..Quality::default()
    });
    let server = start_with(interview).await;
    let token = server.candidate(&["q1"]).await;
    let created = sound_only_take(&server, &token).await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let url = header(&created, "Location").to_string();
    let patched = server.patch(&url, &token, 0, &[7u8; 500], Some(500)).await;
    assert_eq!(patched.status(), StatusCode::NO_CONTENT);
    let review = server.db.create_review_token().await.unwrap();
    let page = server.page(&format!("/review/{review}")).await;
    let id = demo_server::tus::upload_id_in(&url).unwrap();
    assert!(
        page.contains(&format!(
            "<audio controls preload=\"metadata\" src=\"/review/{review}/media/{id}\""
        )),
        "{page}"
    );
}
