//! An invite's accommodations are the rules the server enforces for that
//! candidate: think and answer time scaled (and with them the size of a take
//! it accepts), attempts raised, recording started only by the candidate.

mod support;

use demo_server::db::NewInvite;
use demo_server::rules::max_take_bytes;
use recorder_core::model::{Accommodations, Interview, RevealedQuestion, SessionView};
use reqwest::StatusCode;
use support::{metadata, start_with, TestServer};

async fn invite(server: &TestServer, accommodations: Accommodations) -> String {
    let invite = NewInvite {
        name: Some("Ada Lovelace".into()),
        email: Some("ada@example.com".into()),
        accommodations,
        ..NewInvite::to("demo")
    };
    server.db.create_invite(&invite).await.unwrap().unwrap()
}

/// A creation declaring `length` bytes for question `q1`.
async fn create(server: &TestServer, token: &str, length: u64) -> StatusCode {
    server
        .create_with_length(token, &metadata("q1", ""), length)
        .await
        .status()
}

#[tokio::test]
async fn extra_time_scales_every_limit_and_the_size_accepted() {
    let interview = Interview::sample();
    let normal = interview.questions[0].clone();
    let server = start_with(interview).await;
    let more = Accommodations {
        time_percent: 150,
        extra_attempts: 1,
        manual_start: true,
    };
    let given = invite(&server, more.clone()).await;
    let plain = server.invite().await;

    let session: SessionView = server.session(&given).await;
    assert_eq!(session.accommodations, Some(more.clone()));
    let q1 = &session.questions[0];
    assert_eq!(q1.answer_seconds, more.scaled(normal.answer_seconds));
    assert_eq!(q1.think_seconds, more.scaled(normal.think_seconds));
    assert_eq!(q1.attempts, normal.attempts + 1);

    for token in [&given, &plain] {
        let revealed: RevealedQuestion = server.reveal(token, "q1").await.json().await.unwrap();
        let expected = match token == &given {
            true => more.scaled(normal.answer_seconds),
            false => normal.answer_seconds,
        };
        assert_eq!(revealed.answer_seconds, expected);
    }
    let beyond_normal = max_take_bytes(&normal, false) + 1;
    assert_eq!(
        create(&server, &given, beyond_normal).await,
        StatusCode::CREATED
    );
    assert_eq!(
        create(&server, &plain, beyond_normal).await,
        StatusCode::PAYLOAD_TOO_LARGE,
        "without extra time the normal cap holds"
    );

    // One attempt more than the interview's.
    for _ in 1..normal.attempts + 1 {
        assert_eq!(create(&server, &given, 10).await, StatusCode::CREATED);
    }
    assert_eq!(create(&server, &given, 10).await, StatusCode::FORBIDDEN);

    let review = server.db.create_review_token().await.unwrap();
    let page = server.page(&format!("/review/{review}")).await;
    assert!(
        page.contains("Ada Lovelace &lt;ada@example.com&gt;"),
        "{page}"
    );
    assert!(
        page.contains("Accommodations: 150% time · 1 extra attempts"),
        "{page}"
    );
}

#[tokio::test]
async fn an_invite_without_accommodations_shows_none() {
    let server = start_with(Interview::sample()).await;
    let token = server.invite().await;
    let session: serde_json::Value = server.session(&token).await;
    assert!(session.get("accommodations").is_none(), "{session}");
}
