//! An interview that asks for consent records nothing until the candidate
//! agrees; the answer (agreed or declined, when, the text's sha256) is kept
//! once, shown in the review page and sent to the webhook.

mod support;

use recorder_core::model::{Consent, ConsentAnswer, Interview, SessionView};
use reqwest::StatusCode;
use serde_json::json;
use support::{message, metadata, received, start_configured, start_with, webhook_receiver};

fn asking() -> (Interview, String) {
    let mut interview = Interview::sample();
    let consent = Consent {
        text: "We record your answers for the hiring team.\n\nThey are deleted after 90 days."
            .into(),
        privacy_url: Some("https://example.com/privacy".into()),
    };
    let sha256 = consent.text_sha256();
    interview.presentation.consent = Some(consent);
    (interview, sha256)
}

#[tokio::test]
async fn nothing_is_recorded_before_the_candidate_agrees() {
    let (interview, sha256) = asking();
    let server = start_with(interview).await;
    let token = server.invite().await;
    let (status, text) = message(server.reveal(&token, "q1").await).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{text}");
    assert!(text.contains("consent"), "{text}");
    let (status, _) = message(server.create(&token, &metadata("q1", "")).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let answer = |agree: bool, sha256: &str| {
        server.post(
            "/api/consent",
            &token,
            Some(json!({ "agree": agree, "text_sha256": sha256 })),
        )
    };
    let (status, text) = message(answer(true, &"0".repeat(64)).await).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        text.contains(&sha256) && text.contains("reload"),
        "names the current text: {text}"
    );

    let agreed: ConsentAnswer = answer(true, &sha256).await.json().await.unwrap();
    assert!(agreed.agreed && agreed.text_sha256 == sha256 && agreed.at > 0);
    let again: ConsentAnswer = answer(true, &sha256).await.json().await.unwrap();
    assert_eq!(again, agreed, "the first answer stands");
    let (status, text) = message(answer(false, &sha256).await).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(text.contains("already agreed"), "{text}");

    let session: SessionView = server.session(&token).await;
    assert_eq!(session.consent_answer, Some(agreed));
    assert_eq!(server.reveal(&token, "q1").await.status(), StatusCode::OK);
    let created = server.create(&token, &metadata("q1", "")).await;
    assert_eq!(created.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn an_interview_without_consent_asks_for_none() {
    let server = start_with(Interview::sample()).await;
    let token = server.invite().await;
    assert_eq!(server.reveal(&token, "q1").await.status(), StatusCode::OK);
    let refused = server
        .post(
            "/api/consent",
            &token,
            Some(json!({ "agree": true, "text_sha256": "ab" })),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn both_answers_reach_the_review_page_and_the_webhook() {
    let (url, bodies) = webhook_receiver().await;

    let (interview, sha256) = asking();
    let local = demo_server::Local {
        webhook: Some(demo_server::webhook::Webhook {
            url,
            secret: "s3cret".into(),
        }),
        ..Default::default()
    };
    let server = start_configured(interview, local).await;
    let agrees = server.invite().await;
    let declines = server.invite().await;
    server.invite().await; // a third, who has not answered yet
    for (token, agree) in [(&agrees, true), (&declines, false)] {
        let body = json!({ "agree": agree, "text_sha256": sha256 });
        let response = server.post("/api/consent", token, Some(body)).await;
        assert_eq!(response.status(), StatusCode::OK);
    }
    let (status, _) = message(server.reveal(&declines, "q1").await).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "declined: nothing is recorded"
    );

    let review = server.db.create_review_token().await.unwrap();
    let page = server.page(&format!("/review/{review}")).await;
    for (invite, state) in [(1, "agreed"), (2, "declined"), (3, "not answered")] {
        assert!(
            page.contains(&format!(r#"data-invite="{invite}" data-consent="{state}""#)),
            "candidate {invite} {state}: {page}"
        );
    }
    assert!(page.contains(&sha256), "the text's sha256 is shown");

    let mut bodies = received(&bodies, 2).await;
    bodies.sort_by_key(|b| b["candidate"].as_i64());
    assert_eq!(bodies.len(), 2, "{bodies:?}");
    for (body, (candidate, agreed)) in bodies.iter().zip([(1, true), (2, false)]) {
        assert_eq!(body["event"], "interview.consent");
        assert_eq!(body["candidate"], candidate);
        assert_eq!(body["consent"]["agreed"], agreed);
        assert_eq!(body["consent"]["text_sha256"], sha256.as_str());
    }
}
