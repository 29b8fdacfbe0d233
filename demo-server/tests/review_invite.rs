//! The hiring team invites a candidate from the review page: name, email and
//! accommodations; the page answers with the candidate's link, which works,
//! and the review page then lists the candidate by name.

mod support;

use recorder_core::model::{Interview, SessionView};
use reqwest::StatusCode;
use support::{message, start_with};

#[tokio::test]
async fn an_invite_made_in_the_review_page_carries_its_accommodations() {
    let server = start_with(Interview::sample()).await;
    let review = server.db.create_review_token().await.unwrap();
    let page = server.page(&format!("/review/{review}")).await;
    assert!(
        page.contains(&format!(r#"action="/review/{review}/invites""#)),
        "{page}"
    );

    let invite = |form: &[(&str, &str)], site: &str| {
        server
            .client
            .post(format!("{}/review/{review}/invites", server.origin))
            .header("Sec-Fetch-Site", site)
            .form(form)
            .send()
    };
    let ada = [
        ("interview", "demo"),
        ("name", "Ada Lovelace"),
        ("email", "ada@example.com"),
        ("time_percent", "150"),
        ("extra_attempts", "1"),
        ("manual_start", "on"),
    ];
    let (status, _) = message(invite(&ada, "cross-site").await.unwrap()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "a form from another site");
    let mut bad = ada;
    bad[2].1 = "ada at example";
    let (status, text) = message(invite(&bad, "same-origin").await.unwrap()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(text.contains("email"), "{text}");
    bad = ada;
    bad[3].1 = "400";
    let (status, _) = message(invite(&bad, "same-origin").await.unwrap()).await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "more than three times the time"
    );

    let (status, page) = message(invite(&ada, "same-origin").await.unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    let link = page
        .split(r#"value=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the page shows the link");
    let token = link.split("/i/").nth(1).expect("a candidate link");
    let session: SessionView = server.session(token).await;
    let given = session.accommodations.expect("the accommodations");
    assert_eq!(
        (given.time_percent, given.extra_attempts, given.manual_start),
        (150, 1, true)
    );
    assert_eq!(
        session.questions[0].attempts,
        Interview::sample().questions[0].attempts + 1
    );

    let page = server.page(&format!("/review/{review}")).await;
    assert!(
        page.contains("Ada Lovelace &lt;ada@example.com&gt;"),
        "{page}"
    );
    assert!(page.contains("150% time"), "{page}");
}
