//! The interview's rules, enforced by the server: each answers with its own
//! status and a message. Real HTTP on 127.0.0.1, a real SQLite file.

mod support;

use base64::Engine;
use recorder_core::model::{Interview, Receipt, RevealedQuestion, SubmittedAnswer};
use reqwest::{Method, StatusCode};
use serde_json::json;
use sha2::{Digest, Sha256};
use support::{message, metadata, start, start_with};

#[tokio::test]
async fn an_answer_cannot_be_uploaded_before_its_question_is_revealed() {
    let server = start().await;
    let token = server.invite().await;
    let (status, text) = message(server.create(&token, &metadata("q2", "")).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(text.contains("\"q2\" has not been revealed"), "{text}");
}

#[tokio::test]
async fn revealing_twice_never_restarts_think_time() {
    let server = start().await;
    let token = server.invite().await;
    let first: RevealedQuestion = server.reveal(&token, "q1").await.json().await.unwrap();
    assert_eq!(first.prompt.text(), "Tell us about yourself.");
    assert_eq!(first.attempts_left, 3);
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let again: RevealedQuestion = server.reveal(&token, "q1").await.json().await.unwrap();
    assert!(
        again.think_left_ms <= first.think_left_ms - 1000,
        "{} then {}",
        first.think_left_ms,
        again.think_left_ms
    );
    let (status, _) = message(server.reveal(&token, "nope").await).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn attempts_run_out_and_technical_failures_are_given_back_twice() {
    let server = start().await;
    let token = server.invite().await;
    server.reveal(&token, "q3").await; // two attempts
    let mut takes = Vec::new();
    for _ in 0..2 {
        let created = server.create(&token, &metadata("q3", "")).await;
        assert_eq!(created.status(), StatusCode::CREATED);
        takes.push(created.headers()["Location"].to_str().unwrap().to_string());
    }
    let (status, text) = message(server.create(&token, &metadata("q3", "")).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(text.trim(), "all 2 attempts at question \"q3\" are used");

    // A take that failed for a technical reason is replaced without costing an attempt, twice.
    let encode = |v: &str| base64::engine::general_purpose::STANDARD.encode(v);
    let mut failed = takes[1].clone();
    for _ in 0..2 {
        let retry = server
            .create(
                &token,
                &metadata("q3", &format!(",replaces {}", encode(&failed))),
            )
            .await;
        assert_eq!(retry.status(), StatusCode::CREATED);
        failed = retry.headers()["Location"].to_str().unwrap().to_string();
    }
    let third = server
        .create(
            &token,
            &metadata("q3", &format!(",replaces {}", encode(&failed))),
        )
        .await;
    let (status, text) = message(third).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(text.contains("2 takes given back"), "{text}");
    let progress = server.db.progress(1, "q3").await.unwrap();
    assert_eq!(
        (progress.attempts_used, progress.technical_failures),
        (2, 2)
    );
}

#[tokio::test]
async fn a_creation_sent_again_for_the_same_take_is_one_attempt() {
    let server = start().await;
    let token = server.invite().await;
    server.reveal(&token, "q3").await; // two attempts
    let encode = |v: &str| base64::engine::general_purpose::STANDARD.encode(v);
    let take = |name: &str| metadata("q3", &format!(",take {}", encode(name)));
    // The first creation's answer was lost twice: the client created again, same take.
    let mut first = Vec::new();
    for _ in 0..3 {
        let created = server.create(&token, &take("take-a")).await;
        assert_eq!(created.status(), StatusCode::CREATED);
        first.push(created.headers()["Location"].to_str().unwrap().to_string());
    }
    assert_eq!(server.db.progress(1, "q3").await.unwrap().attempts_used, 1);
    let second = server.create(&token, &take("take-b")).await;
    assert_eq!(second.status(), StatusCode::CREATED);
    let (status, text) = message(server.create(&token, &take("take-c")).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(text.trim(), "all 2 attempts at question \"q3\" are used");
    let again = server.create(&token, &take("take-a")).await;
    assert_eq!(again.status(), StatusCode::CREATED, "still the same take");

    // Replacing one upload of a take that failed gives the whole take back.
    let replacing = format!(",take {},replaces {}", encode("take-d"), encode(&first[0]));
    let retry = server.create(&token, &metadata("q3", &replacing)).await;
    assert_eq!(retry.status(), StatusCode::CREATED);
    let progress = server.db.progress(1, "q3").await.unwrap();
    assert_eq!(
        (progress.attempts_used, progress.technical_failures),
        (2, 1),
        "take-b and take-d count; take-a, in four uploads, was given back once"
    );

    let (status, text) = message(server.create(&token, &take(&"x".repeat(129))).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(text.contains("`take` must be 1 to 128 bytes"), "{text}");
}

/// The statuses of `count` creations sent at once, sorted.
async fn at_once(
    server: &support::TestServer,
    token: &str,
    metadata: &str,
    count: usize,
) -> Vec<u16> {
    let creations = (0..count).map(|_| server.create(token, metadata));
    let mut statuses: Vec<u16> = futures::future::join_all(creations)
        .await
        .iter()
        .map(|response| response.status().as_u16())
        .collect();
    statuses.sort();
    statuses
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_creations_never_exceed_the_attempts() {
    let server = start().await;
    let token = server.invite().await;
    server.reveal(&token, "q3").await; // two attempts
    let statuses = at_once(&server, &token, &metadata("q3", ""), 16).await;
    assert_eq!(statuses, [[201; 2].as_slice(), &[403; 14]].concat());
    let progress = server.db.progress(1, "q3").await.unwrap();
    assert_eq!(progress.attempts_used, 2);
    // (An object store makes nothing at creation.)
    if let demo_server::tus::media_store::MediaStore::Files(files) = &server.store {
        let files = std::fs::read_dir(files.dir()).unwrap().count();
        assert_eq!(files, 2, "a refused creation leaves no file");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_failed_take_is_replaced_once_however_many_ask_at_once() {
    let server = start().await;
    let token = server.invite().await;
    server.reveal(&token, "q3").await;
    let failed = server.new_upload(&token, "q3").await;
    let encode = |v: &str| base64::engine::general_purpose::STANDARD.encode(v);
    let replacing = metadata("q3", &format!(",replaces {}", encode(&failed)));
    let statuses = at_once(&server, &token, &replacing, 6).await;
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{statuses:?}"
    );
    let progress = server.db.progress(1, "q3").await.unwrap();
    assert_eq!(
        (progress.attempts_used, progress.technical_failures),
        (1, 1)
    );
}

#[tokio::test]
async fn nothing_is_accepted_after_the_deadline() {
    let mut interview = Interview::sample();
    interview.presentation.deadline = Some(1_000_000_000); // 2001
    let server = start_with(interview).await;
    let token = server.invite().await;
    let (status, text) = message(server.reveal(&token, "q1").await).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(text.contains("deadline"), "{text}");
    server.db.reveal(1, "q1").await.unwrap();
    let (status, _) = message(server.create(&token, &metadata("q1", "")).await).await;
    assert_eq!(status, StatusCode::GONE);
}

#[tokio::test]
async fn submit_checks_the_take_then_complete_returns_the_receipt() {
    let server = start().await;
    let token = server.invite().await;
    for q in ["q1", "q2", "q3"] {
        server.reveal(&token, q).await;
    }
    // Not yet complete.
    let created = server.create(&token, &metadata("q1", "")).await;
    let partial = created.headers()["Location"].to_str().unwrap().to_string();
    let body = json!({ "upload": partial, "bytes": 0, "sha256": "" });
    let (status, text) = message(
        server
            .post("/api/questions/q1/submit", &token, Some(body))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(text.contains("not fully uploaded"), "{text}");

    let (url, sha) = server.take(&token, "q1", b"answer one").await;
    let wrong = json!({ "upload": url, "bytes": 10, "sha256": "00".repeat(32) });
    let (status, text) = message(
        server
            .post("/api/questions/q1/submit", &token, Some(wrong))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(text.contains(&sha), "{text}");
    let right = json!({ "upload": url, "bytes": 10, "sha256": sha });
    let answer: SubmittedAnswer = server
        .post("/api/questions/q1/submit", &token, Some(right.clone()))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((answer.bytes, answer.sha256.as_str()), (10, sha.as_str()));
    let (status, text) = message(
        server
            .post("/api/questions/q1/submit", &token, Some(right))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(text.contains("already submitted"), "{text}");
    let (status, _) = message(server.create(&token, &metadata("q1", "")).await).await;
    assert_eq!(status, StatusCode::CONFLICT, "no takes after submitting");

    let (status, text) = message(server.post("/api/complete", &token, None).await).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(text.contains("q2, q3"), "{text}");
    for (q, bytes) in [("q2", &b"answer two"[..]), ("q3", &b"answer three"[..])] {
        let (url, sha) = server.take(&token, q, bytes).await;
        let body = json!({ "upload": url, "bytes": bytes.len(), "sha256": sha });
        let response = server
            .post(&format!("/api/questions/{q}/submit"), &token, Some(body))
            .await;
        assert_eq!(response.status(), StatusCode::OK);
    }
    let receipt: Receipt = server
        .post("/api/complete", &token, None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(receipt.answers.len(), 3);
    assert_eq!(receipt.answers[2].bytes, 12);
}

#[tokio::test]
async fn checksums_are_verified_before_anything_is_kept() {
    let server = start().await;
    let token = server.invite().await;
    server.reveal(&token, "q1").await;
    let url = server.new_upload(&token, "q1").await;
    let patch = |checksum: String, body: &'static [u8]| {
        server
            .tus(Method::PATCH, &url, &token)
            .header("Upload-Offset", "0")
            .header("Content-Type", "application/offset+octet-stream")
            .header("Upload-Checksum", checksum)
            .body(body)
            .send()
    };
    let sha256 = |b: &[u8]| {
        format!(
            "sha256 {}",
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b))
        )
    };
    let bad = patch(sha256(b"something else"), b"payload").await.unwrap();
    assert_eq!(bad.status().as_u16(), 460);
    let head = server.tus(Method::HEAD, &url, &token).send().await.unwrap();
    assert_eq!(
        head.headers()["Upload-Offset"],
        "0",
        "nothing of a mismatching body is kept"
    );
    let unknown = patch("md5 AAAA".into(), b"payload").await.unwrap();
    assert_eq!(unknown.status(), StatusCode::BAD_REQUEST);
    let good = patch(sha256(b"payload"), b"payload").await.unwrap();
    assert_eq!(good.status(), StatusCode::NO_CONTENT);
    assert_eq!(good.headers()["Upload-Offset"], "7");
}

#[tokio::test]
async fn creation_with_upload_keeps_the_first_bytes() {
    let server = start().await;
    let token = server.invite().await;
    server.reveal(&token, "q1").await;
    let created = server
        .tus(
            Method::POST,
            &format!("{}/api/uploads", server.origin),
            &token,
        )
        .header("Upload-Defer-Length", "1")
        .header("Upload-Metadata", metadata("q1", ""))
        .header("Content-Type", "application/offset+octet-stream")
        .body("first bytes")
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    assert_eq!(created.headers()["Upload-Offset"], "11");
}

#[tokio::test]
async fn terminated_uploads_are_gone_but_submitted_ones_cannot_be_deleted() {
    let server = start().await;
    let token = server.invite().await;
    server.reveal(&token, "q1").await;
    let (discarded, _) = server.take(&token, "q1", b"not this one").await;
    let deleted = server
        .tus(Method::DELETE, &discarded, &token)
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    let head = server
        .tus(Method::HEAD, &discarded, &token)
        .send()
        .await
        .unwrap();
    assert_eq!(head.status(), StatusCode::GONE);
    let (kept, sha) = server.take(&token, "q1", b"this one").await;
    let body = json!({ "upload": kept, "bytes": 8, "sha256": sha });
    assert_eq!(
        server
            .post("/api/questions/q1/submit", &token, Some(body))
            .await
            .status(),
        StatusCode::OK
    );
    let refused = server
        .tus(Method::DELETE, &kept, &token)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert_eq!(
        server.db.progress(1, "q1").await.unwrap().attempts_used,
        2,
        "a deleted take still counts"
    );
}

#[tokio::test]
async fn a_wrong_offset_is_answered_after_the_body_is_read() {
    let server = start().await;
    let token = server.invite().await;
    server.reveal(&token, "q1").await;
    let url = server.new_upload(&token, "q1").await;
    let response = server
        .tus(Method::PATCH, &url, &token)
        .header("Upload-Offset", "42")
        .header("Content-Type", "application/offset+octet-stream")
        .body(vec![7u8; 4 << 20])
        .send()
        .await
        .expect("a 409, not a reset connection");
    assert_eq!(response.status(), StatusCode::CONFLICT);
}
