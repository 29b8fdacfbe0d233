//! The review page: only for review links, every take listed with its facts,
//! media served with HTTP Range so videos seek.

mod support;

use recorder_core::model::{Interview, Prompt};
use reqwest::{Method, StatusCode};
use support::start_with;

#[tokio::test]
async fn the_review_page_lists_takes_and_serves_them_with_ranges() {
    let mut interview = Interview::sample();
    interview.questions[0].prompt = Prompt::Text {
        text: "<script>alert(1)</script> Tell us".into(),
    };
    let server = start_with(interview).await;
    let (origin, client) = (server.origin.clone(), server.client.clone());
    let candidate = server.candidate(&["q1"]).await;
    let review = server.db.create_review_token().await.unwrap();
    let (url, _) = server.take(&candidate, "q1", &[9u8; 1000]).await;
    let id = demo_server::tus::upload_id_in(&url).unwrap().to_string();

    for token in ["not-a-review-token-at-all", candidate.as_str()] {
        let refused = client
            .get(format!("{origin}/review/{token}"))
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), StatusCode::NOT_FOUND, "{token}");
        let media = client
            .get(format!("{origin}/review/{token}/media/{id}"))
            .send()
            .await
            .unwrap();
        assert_eq!(media.status(), StatusCode::NOT_FOUND);
    }

    let page = server.page(&format!("/review/{review}")).await;
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt; Tell us"),
        "prompts are escaped"
    );
    assert!(
        !page.contains("<script>alert"),
        "no markup from the interview file"
    );
    assert!(page.contains("Attempts used 1 of 3"));
    assert!(page.contains(&format!("data-take=\"{id}\"")));
    assert!(page.contains("1000 bytes"));

    let range = client
        .request(Method::GET, format!("{origin}/review/{review}/media/{id}"))
        .header("Range", "bytes=100-199")
        .send()
        .await
        .unwrap();
    assert_eq!(range.status(), StatusCode::PARTIAL_CONTENT);
    assert_eq!(range.headers()["Content-Range"], "bytes 100-199/1000");
    assert_eq!(range.bytes().await.unwrap().len(), 100);
}
