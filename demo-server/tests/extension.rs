//! A candidate near or past the deadline asks for more time with a note;
//! the hiring team grants a new deadline (or declines) in the review page;
//! the candidate then answers. Both steps reach the webhook.

mod support;

use recorder_core::model::{Extension, ExtensionStatus, Interview, SessionView};
use reqwest::StatusCode;
use serde_json::json;
use support::{message, received, start_configured, start_with, webhook_receiver};

/// The sample interview, its deadline `seconds` from now (negative: past).
fn due_in(seconds: i64) -> Interview {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let mut interview = Interview::sample();
    interview.presentation.deadline = Some((now + seconds) as u64);
    interview
}

#[tokio::test]
async fn after_the_deadline_a_granted_request_lets_the_candidate_answer() {
    let (url, bodies) = webhook_receiver().await;
    let local = demo_server::Local {
        webhook: Some(demo_server::webhook::Webhook {
            url,
            secret: "s3cret".into(),
        }),
        ..Default::default()
    };
    let server = start_configured(due_in(-60), local).await;
    let token = server.invite().await;
    let (status, text) = message(server.reveal(&token, "q1").await).await;
    assert_eq!(status, StatusCode::GONE, "{text}");

    let ask = |note: &str| server.post("/api/extension", &token, Some(json!({ "note": note })));
    let (status, text) = message(ask(" \n ").await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "an empty note: {text}");
    let (status, _) = message(ask(&"x".repeat(1001)).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "a note too long");
    let asked = ask("  My flight was cancelled.  ").await;
    assert_eq!(asked.status(), StatusCode::CREATED);
    let asked: Extension = asked.json().await.unwrap();
    assert_eq!(asked.note, "My flight was cancelled.");
    assert_eq!(asked.status, ExtensionStatus::Pending);
    let (status, text) = message(ask("Again, please").await).await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "one request waits at a time: {text}"
    );
    let session: SessionView = server.session(&token).await;
    assert_eq!(session.extension, Some(asked.clone()));

    // The review page lists it with Grant and Decline.
    let review = server.db.create_review_token().await.unwrap();
    let page = server.page(&format!("/review/{review}")).await;
    assert!(
        page.contains(r#"data-extension="1" data-status="pending""#),
        "{page}"
    );
    assert!(page.contains("My flight was cancelled."));
    assert!(page.contains(&format!(r#"action="/review/{review}/extensions/1""#)));

    let decide = |form: &[(&str, &str)], site: &str| {
        server
            .client
            .post(format!("{}/review/{review}/extensions/1", server.origin))
            .header("Sec-Fetch-Site", site)
            .form(form)
            .send()
    };
    let grant = [("decision", "grant"), ("until", "2099-12-31")];
    let (status, _) = message(decide(&grant, "cross-site").await.unwrap()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "a form from another site");
    let (status, _) = message(
        decide(
            &[("decision", "grant"), ("until", "2001-01-01")],
            "same-origin",
        )
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "a deadline already past");
    let granted = decide(&grant, "same-origin").await.unwrap();
    assert_eq!(granted.status(), StatusCode::OK, "back to the review page");
    assert!(granted
        .text()
        .await
        .unwrap()
        .contains(r#"data-status="granted""#));
    let (status, _) = message(
        decide(&[("decision", "decline")], "same-origin")
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "already decided");

    let session: SessionView = server.session(&token).await;
    assert_eq!(session.presentation.deadline, Some(4_102_444_799));
    let extension = session.extension.unwrap();
    assert_eq!(extension.status, ExtensionStatus::Granted);
    assert!(extension.decided_at.is_some());
    assert_eq!(
        server.reveal(&token, "q1").await.status(),
        StatusCode::OK,
        "answering again"
    );
    let other = server.invite().await;
    let (status, _) = message(server.reveal(&other, "q1").await).await;
    assert_eq!(
        status,
        StatusCode::GONE,
        "only this candidate was given more time"
    );

    let bodies = received(&bodies, 2).await;
    let events: Vec<_> = bodies
        .iter()
        .map(|b| b["event"].as_str().unwrap())
        .collect();
    assert_eq!(
        events,
        [
            "interview.extension-requested",
            "interview.extension-decided"
        ]
    );
    assert_eq!(bodies[0]["extension"]["note"], "My flight was cancelled.");
    assert_eq!(bodies[1]["extension"]["status"], "granted");
    assert_eq!(bodies[1]["deadline"], 4_102_444_799u64);
    assert!(bodies
        .iter()
        .all(|b| b["candidate"] == 1 && b["interview"] == "demo"));
}

#[tokio::test]
async fn more_time_is_asked_for_near_a_deadline_only_and_may_be_declined() {
    let server = start_with(Interview::sample()).await;
    let token = server.invite().await;
    let ask = json!({ "note": "Please" });
    let (status, text) = message(
        server
            .post("/api/extension", &token, Some(ask.clone()))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "no deadline: {text}");
    assert!(text.contains("extension-not-now"), "{text}");

    let server = start_with(due_in(30 * 24 * 3600)).await;
    let token = server.invite().await;
    let (status, _) = message(
        server
            .post("/api/extension", &token, Some(ask.clone()))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "a month away");

    let soon = due_in(3600);
    let deadline = soon.presentation.deadline;
    let server = start_with(soon).await;
    let token = server.invite().await;
    let asked = server
        .post("/api/extension", &token, Some(ask.clone()))
        .await;
    assert_eq!(asked.status(), StatusCode::CREATED, "an hour away");
    let review = server.db.create_review_token().await.unwrap();
    let declined = server
        .client
        .post(format!("{}/review/{review}/extensions/1", server.origin))
        .form(&[("decision", "decline")])
        .send()
        .await
        .unwrap();
    assert_eq!(declined.status(), StatusCode::OK);
    let session: SessionView = server.session(&token).await;
    assert_eq!(session.extension.unwrap().status, ExtensionStatus::Declined);
    assert_eq!(session.presentation.deadline, deadline);
    assert_eq!(
        server.reveal(&token, "q1").await.status(),
        StatusCode::OK,
        "the deadline still stands"
    );
    let again = server.post("/api/extension", &token, Some(ask)).await;
    assert_eq!(
        again.status(),
        StatusCode::CREATED,
        "after an answer, the candidate may ask again"
    );
}
