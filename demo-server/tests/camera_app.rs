//! Answers made by the candidate's camera app (`source: camera-app`): a
//! larger take is accepted, and at submit the server reads each one's length
//! with ffprobe: one within the answer's limit (and its tolerance) is the
//! answer, one longer or unreadable is refused and its attempt stays used.

mod support;

use base64::Engine;
use demo_server::rules::max_take_bytes;
use recorder_core::model::{Interview, SessionView, SubmittedAnswer};
use reqwest::StatusCode;
use serde_json::json;
use sha2::{Digest, Sha256};
use support::{header, message, start_with, TestServer};

/// `Upload-Metadata` for an MP4 take of `question`, from the camera app or not.
fn metadata(question: &str, camera_app: bool) -> String {
    let encode = |v: &str| base64::engine::general_purpose::STANDARD.encode(v);
    let mut pairs = format!(
        "question {},filetype {}",
        encode(question),
        encode("video/mp4")
    );
    if camera_app {
        pairs += &format!(",source {}", encode(recorder_core::camera_app::SOURCE));
    }
    pairs
}

/// An MP4 of `seconds`, H.264 and AAC, as a phone's camera app would hand over.
fn mp4(dir: &std::path::Path, seconds: u32) -> Vec<u8> {
    let path = dir.join(format!("answer-{seconds}.mp4"));
    let made = std::process::Command::new("ffmpeg")
        .args(["-v", "error", "-y", "-f", "lavfi", "-i"])
        .arg(format!("testsrc=duration={seconds}:size=64x48:rate=10"))
        .args(["-f", "lavfi", "-i"])
        .arg(format!("sine=duration={seconds}"))
        .args([
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-c:a",
            "aac",
            "-shortest",
        ])
        .arg(&path)
        .status()
        .expect("ffmpeg runs");
    assert!(made.success());
    std::fs::read(path).unwrap()
}

/// Creates a take of `question` declaring `length` bytes.
async fn create(
    server: &TestServer,
    token: &str,
    question: &str,
    length: u64,
    camera_app: bool,
) -> reqwest::Response {
    server
        .create_with_length(token, &metadata(question, camera_app), length)
        .await
}

/// Uploads `bytes` as the camera app's take of `question`, then submits it.
async fn submit(
    server: &TestServer,
    token: &str,
    question: &str,
    bytes: &[u8],
) -> reqwest::Response {
    let created = create(server, token, question, bytes.len() as u64, true).await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let url = header(&created, "Location").to_string();
    let patched = server.patch(&url, token, 0, bytes, None).await;
    assert_eq!(patched.status(), StatusCode::NO_CONTENT);
    let sha256 = demo_server::invite::hex(&Sha256::digest(bytes));
    let body = json!({ "upload": url, "bytes": bytes.len(), "sha256": sha256 });
    server
        .post(
            &format!("/api/questions/{question}/submit"),
            token,
            Some(body),
        )
        .await
}

#[tokio::test]
async fn a_camera_apps_answer_is_measured_when_submitted() {
    let mut interview = Interview::sample();
    for question in &mut interview.questions {
        question.answer_seconds = 10;
    }
    let q1 = interview.questions[0].clone();
    let server = start_with(interview).await;
    let token = server.invite().await;
    for q in ["q1", "q2", "q3"] {
        server.reveal(&token, q).await;
    }

    // A camera app records well above the recorder's bitrate.
    let beyond_recorded = max_take_bytes(&q1, false) + 1;
    assert_eq!(
        create(&server, &token, "q1", beyond_recorded, false)
            .await
            .status(),
        StatusCode::PAYLOAD_TOO_LARGE
    );
    assert_eq!(
        create(&server, &token, "q1", beyond_recorded, true)
            .await
            .status(),
        StatusCode::CREATED
    );
    let beyond_camera_app = max_take_bytes(&q1, true) + 1;
    assert_eq!(
        create(&server, &token, "q1", beyond_camera_app, true)
            .await
            .status(),
        StatusCode::PAYLOAD_TOO_LARGE
    );

    // 12 s for a 10 s answer: within the tolerance.
    let fits = mp4(server.dir.path(), 12);
    let answer: SubmittedAnswer = submit(&server, &token, "q1", &fits)
        .await
        .json()
        .await
        .unwrap();
    let ms = answer.duration_ms.expect("its length, read at submit");
    assert!((11_500..12_600).contains(&ms), "{ms} ms");

    // 20 s: refused, and the attempt is used.
    let long = mp4(server.dir.path(), 20);
    let refused = submit(&server, &token, "q2", &long).await;
    assert_eq!(header(&refused, "error-code"), "answer-too-long");
    let (status, text) = message(refused).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text.contains("\"code\":\"answer-too-long\""), "{text}");
    assert!(
        text.contains("20 s long") && text.contains("at most 10 s"),
        "{text}"
    );

    // Not a video at all.
    let refused = submit(&server, &token, "q3", b"these bytes are no video").await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(header(&refused, "error-code"), "video-unreadable");

    let session: SessionView = server.session(&token).await;
    let by_id = |id: &str| {
        session
            .questions
            .iter()
            .find(|q| q.id == id)
            .unwrap()
            .clone()
    };
    assert!(by_id("q1").submitted);
    assert!(
        !by_id("q2").submitted && by_id("q2").attempts_used == 1,
        "the refused take counted"
    );
    assert!(!by_id("q3").submitted && by_id("q3").attempts_used == 1);
}
