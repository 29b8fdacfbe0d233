//! A completed interview is reported once to the webhook, signed, and
//! retried when the receiver fails; the candidate does not wait for it.

mod support;

use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use demo_server::webhook::{verify, Webhook, SIGNATURE_HEADER};
use recorder_core::model::{Interview, Question};
use reqwest::Client;
use std::sync::{Arc, Mutex};

#[tokio::test]
async fn completion_is_delivered_signed_and_retried() {
    // A receiver that fails the first delivery.
    let received: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
    let log = received.clone();
    let receiver = axum::Router::new().route(
        "/hook",
        post(move |headers: HeaderMap, body: String| {
            let log = log.clone();
            async move {
                let mut log = log.lock().unwrap();
                let signature = headers[SIGNATURE_HEADER].to_str().unwrap().to_string();
                log.push((signature, body));
                if log.len() == 1 {
                    StatusCode::INTERNAL_SERVER_ERROR
                } else {
                    StatusCode::NO_CONTENT
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hook = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, receiver).await });

    let mut interview = Interview::sample();
    let question: Question = interview.questions[0].clone();
    interview.questions = vec![question];
    let dir = tempfile::tempdir().unwrap();
    let webhook = Webhook {
        url: hook,
        secret: "s3cret".into(),
    };
    let (origin, db) = demo_server::spawn_local_with(
        dir.path(),
        &[interview],
        demo_server::Local {
            webhook: Some(webhook),
            database_url: support::test_database().await,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let token = db
        .create_invite(&demo_server::db::NewInvite::to("demo"))
        .await
        .unwrap()
        .unwrap();
    let client = Client::new();
    let post = |path: &str| client.post(format!("{origin}{path}")).bearer_auth(&token);
    post("/api/questions/q1/reveal").send().await.unwrap();
    let created = post("/api/uploads")
        .header("Tus-Resumable", "1.0.0")
        .header("Upload-Length", "5")
        .header("Upload-Metadata", "question cTE=,filetype dmlkZW8vd2VibQ==")
        .header("Content-Type", "application/offset+octet-stream")
        .body("hello")
        .send()
        .await
        .unwrap();
    let url = created.headers()["Location"].to_str().unwrap().to_string();
    let sha = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
    let submit = post("/api/questions/q1/submit")
        .json(&serde_json::json!({ "upload": url, "bytes": 5, "sha256": sha }))
        .send()
        .await
        .unwrap();
    assert_eq!(submit.status(), StatusCode::OK);
    for _ in 0..2 {
        assert_eq!(
            post("/api/complete").send().await.unwrap().status(),
            StatusCode::OK
        );
    }

    for _ in 0..50 {
        if received.lock().unwrap().len() >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let received = received.lock().unwrap();
    assert_eq!(
        received.len(),
        2,
        "one failure, one retry, and completing twice reports once"
    );
    let (signature, body) = &received[1];
    let now = demo_server::db::unix_millis() as u64 / 1000;
    assert!(
        verify("s3cret", signature, body.as_bytes(), now, 60),
        "{signature}"
    );
    assert!(
        !verify("s3cret", signature, body.as_bytes(), now + 3600, 60),
        "an hour later it is a replay"
    );
    let payload: serde_json::Value = serde_json::from_str(body).unwrap();
    assert_eq!(payload["event"], "interview.completed");
    assert_eq!(payload["receipt"]["answers"][0]["sha256"], sha);
    assert_eq!(
        payload["accommodations"],
        serde_json::json!({ "time_percent": 100, "extra_attempts": 0, "manual_start": false }),
        "what the candidate was given, for the hiring team's records"
    );
}
