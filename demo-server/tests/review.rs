//! The review page: only for review links, every take listed with its facts,
//! media served with HTTP Range so videos seek.

use recorder_core::model::{Interview, Prompt};
use reqwest::{Client, Method, StatusCode};

#[tokio::test]
async fn the_review_page_lists_takes_and_serves_them_with_ranges() {
    let dir = tempfile::tempdir().unwrap();
    let mut interview = Interview::sample();
    interview.questions[0].prompt = Prompt::Text {
        text: "<script>alert(1)</script> Tell us".into(),
    };
    let (origin, db) = demo_server::spawn_local(dir.path(), &[interview])
        .await
        .unwrap();
    let client = Client::new();
    let candidate = db.create_invite("demo").await.unwrap().unwrap();
    let review = db.create_review_token().await.unwrap();

    client
        .post(format!("{origin}/api/questions/q1/reveal"))
        .bearer_auth(&candidate)
        .send()
        .await
        .unwrap();
    let created = client
        .post(format!("{origin}/api/uploads"))
        .bearer_auth(&candidate)
        .header("Tus-Resumable", "1.0.0")
        .header("Upload-Length", "1000")
        .header("Upload-Metadata", "question cTE=,filetype dmlkZW8vd2VibQ==")
        .header("Content-Type", "application/offset+octet-stream")
        .body(vec![9u8; 1000])
        .send()
        .await
        .unwrap();
    let id = created.headers()["Location"]
        .to_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();

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

    let page = client
        .get(format!("{origin}/review/{review}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
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
