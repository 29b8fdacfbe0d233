//! The tus endpoint and the candidate API over real HTTP on 127.0.0.1, with
//! a real SQLite file and media in a temporary directory.

mod support;

use recorder_core::model::Interview;
use reqwest::{Method, StatusCode};
use support::{header, start, Q1_WEBM};

#[tokio::test]
async fn options_advertises_tus_with_creation_and_deferred_length() {
    let server = start().await;
    let response = server
        .client
        .request(Method::OPTIONS, format!("{}/api/uploads", server.origin))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(header(&response, "Tus-Version"), "1.0.0");
    let extensions: Vec<_> = header(&response, "Tus-Extension").split(',').collect();
    for extension in [
        "creation",
        "creation-defer-length",
        "creation-with-upload",
        "termination",
        "expiration",
        "checksum",
    ] {
        assert!(extensions.contains(&extension), "{extension}");
    }
    assert_eq!(header(&response, "Tus-Checksum-Algorithm"), "sha1,sha256");
}

#[tokio::test]
async fn a_deferred_length_upload_lands_on_disk_byte_for_byte() {
    let server = start().await;
    let token = server.candidate(&["q1"]).await;
    let created = server.create(&token, Q1_WEBM).await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let url = header(&created, "Location").to_string();
    assert!(url.starts_with(&server.origin), "{url}");

    let first = server.patch(&url, &token, 0, b"first chunk,", None).await;
    assert_eq!(first.status(), StatusCode::NO_CONTENT);
    assert_eq!(header(&first, "Upload-Offset"), "12");
    let head = server.tus(Method::HEAD, &url, &token).send().await.unwrap();
    assert_eq!(header(&head, "Upload-Offset"), "12");
    assert_eq!(header(&head, "Upload-Defer-Length"), "1");
    assert_eq!(header(&head, "Cache-Control"), "no-store");
    assert!(
        header(&head, "Upload-Expires").ends_with(" GMT"),
        "unfinished uploads expire"
    );

    let last = server.patch(&url, &token, 12, b" last", Some(17)).await;
    assert_eq!(last.status(), StatusCode::NO_CONTENT);
    assert_eq!(header(&last, "Upload-Offset"), "17");

    let uploads = server.db.all_uploads().await.unwrap();
    assert_eq!(uploads.len(), 1);
    assert_eq!((uploads[0].offset, uploads[0].length), (17, Some(17)));
    assert!(uploads[0].completed_at.is_some());
    let id = url.rsplit('/').next().unwrap();
    assert_eq!(server.stored(id).await, b"first chunk, last");
}

#[tokio::test]
async fn protocol_violations_get_their_status_and_a_message() {
    let server = start().await;
    let token = server.candidate(&["q1"]).await;
    let url = header(&server.create(&token, Q1_WEBM).await, "Location").to_string();

    let wrong_offset = server.patch(&url, &token, 5, b"x", None).await;
    assert_eq!(wrong_offset.status(), StatusCode::CONFLICT);
    assert!(wrong_offset
        .text()
        .await
        .unwrap()
        .contains("server has 0 bytes"));

    let no_version = server
        .client
        .patch(&url)
        .bearer_auth(&token)
        .header("Upload-Offset", "0")
        .header("Content-Type", "application/offset+octet-stream")
        .send()
        .await
        .unwrap();
    assert_eq!(no_version.status(), StatusCode::PRECONDITION_FAILED);
    assert_eq!(header(&no_version, "Tus-Version"), "1.0.0");

    let wrong_type = server
        .tus(Method::PATCH, &url, &token)
        .header("Upload-Offset", "0")
        .header("Content-Type", "text/plain")
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_type.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);

    let both_lengths = server
        .tus(
            Method::POST,
            &format!("{}/api/uploads", server.origin),
            &token,
        )
        .header("Upload-Defer-Length", "1")
        .header("Upload-Length", "10")
        .header("Upload-Metadata", Q1_WEBM)
        .send()
        .await
        .unwrap();
    assert_eq!(both_lengths.status(), StatusCode::BAD_REQUEST);

    // question "nope"
    let unknown = server
        .create(&token, "question bm9wZQ==,filetype dmlkZW8vd2VibQ==")
        .await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert!(unknown.text().await.unwrap().contains("nope"));

    let no_filetype = server.create(&token, "question cTE=").await;
    assert_eq!(no_filetype.status(), StatusCode::BAD_REQUEST);
    assert!(no_filetype.text().await.unwrap().contains("filetype"));

    let shrinking = server.patch(&url, &token, 0, b"abc", Some(3)).await;
    assert_eq!(shrinking.status(), StatusCode::NO_CONTENT);
    let changed = server.patch(&url, &token, 3, b"", Some(4)).await;
    assert_eq!(changed.status(), StatusCode::BAD_REQUEST);
    let past_end = server.patch(&url, &token, 3, b"more", None).await;
    assert_eq!(past_end.status(), StatusCode::BAD_REQUEST);
    let head = server.tus(Method::HEAD, &url, &token).send().await.unwrap();
    assert_eq!(
        header(&head, "Upload-Offset"),
        "3",
        "nothing past the length was kept"
    );
}

#[tokio::test]
async fn a_candidate_cannot_reach_another_candidates_upload() {
    let server = start().await;
    let alice = server.candidate(&["q1"]).await;
    let bob = server.candidate(&["q1"]).await;
    let url = header(&server.create(&alice, Q1_WEBM).await, "Location").to_string();
    let head = server.tus(Method::HEAD, &url, &bob).send().await.unwrap();
    assert_eq!(head.status(), StatusCode::NOT_FOUND);
    let patch = server.patch(&url, &bob, 0, b"evil", None).await;
    assert_eq!(patch.status(), StatusCode::NOT_FOUND);
    let traversal = server
        .tus(
            Method::HEAD,
            &format!("{}/api/uploads/..%2F..%2Fdemo.sqlite3", server.origin),
            &alice,
        )
        .send()
        .await
        .unwrap();
    assert_eq!(traversal.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn requests_without_a_valid_invite_are_refused() {
    let server = start().await;
    let missing = server
        .client
        .post(format!("{}/api/uploads", server.origin))
        .header("Tus-Resumable", "1.0.0")
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::UNAUTHORIZED);
    let forged = server
        .create("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", Q1_WEBM)
        .await;
    assert_eq!(forged.status(), StatusCode::UNAUTHORIZED);
    assert!(forged.text().await.unwrap().contains("invite"));
}

#[tokio::test]
async fn the_session_lists_rules_and_progress_but_no_question_text() {
    let server = start().await;
    let token = server.candidate(&["q1"]).await;
    server.create(&token, Q1_WEBM).await;
    let response = server
        .client
        .get(format!("{}/api/session", server.origin))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body = response.text().await.unwrap();
    let view: recorder_core::model::SessionView = serde_json::from_str(&body).unwrap();
    assert_eq!(view.questions.len(), 3);
    assert_eq!(view.questions[0].attempts_used, 1);
    assert!(view.questions[0].revealed && !view.questions[1].revealed);
    for question in &Interview::sample().questions {
        assert!(
            !body.contains(question.prompt.text()),
            "leaked {:?}",
            question.id
        );
    }
}

#[tokio::test]
async fn the_candidate_page_embeds_the_widget_like_a_hiring_site() {
    let server = start().await;
    let token = server.invite().await;
    let page = server.page(&format!("/i/{token}")).await;
    assert!(page.contains(&format!(
        r#"<script type="module" src="{}/recorder/interview-recorder.js"></script>"#,
        server.origin
    )));
    assert!(page.contains(&format!(
        r#"<interview-recorder invite="{token}" api="{}/api" lang="en"><script type="application/json" data-session>"#,
        server.origin
    )));
    let bad = server
        .client
        .get(format!("{}/i/%3Cscript%3E", server.origin))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn allowed_origins_get_cors_headers_on_errors_and_discovery_too() {
    let server = start().await;
    let refused = server
        .client
        .post(format!("{}/api/uploads", server.origin))
        .header("Origin", &server.origin)
        .header("Tus-Resumable", "1.0.0")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        header(&refused, "Access-Control-Allow-Origin"),
        server.origin
    );
    assert!(header(&refused, "Access-Control-Expose-Headers").contains("upload-offset"));
    let discovery = server
        .client
        .request(Method::OPTIONS, format!("{}/api/uploads", server.origin))
        .header("Origin", &server.origin)
        .send()
        .await
        .unwrap();
    assert_eq!(
        header(&discovery, "Access-Control-Allow-Origin"),
        server.origin
    );
    assert_eq!(header(&discovery, "Tus-Version"), "1.0.0");
    let stranger = server
        .client
        .request(Method::OPTIONS, format!("{}/api/uploads", server.origin))
        .header("Origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(header(&stranger, "Access-Control-Allow-Origin"), "");
}

#[tokio::test]
async fn the_stored_sha256_leaves_out_a_rejected_body() {
    use sha2::{Digest, Sha256};
    let server = start().await;
    let token = server.candidate(&["q1"]).await;
    let url = server.new_upload(&token, "q1").await;
    let patch =
        |offset, body: &'static [u8], length| server.patch(&url, &token, offset, body, length);
    assert_eq!(
        patch(0, b"one, ", None).await.status(),
        StatusCode::NO_CONTENT
    );
    // A body whose checksum does not match keeps nothing, and must not count in the hash.
    let refused = server
        .tus(Method::PATCH, &url, &token)
        .header("Upload-Offset", "5")
        .header("Content-Type", "application/offset+octet-stream")
        .header("Upload-Checksum", "sha1 qZk+NkcGgWq6PiVxeFDCbJzQ2J0=")
        .body(b"not abc".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 460);
    assert_eq!(
        patch(5, b"two, ", None).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        patch(10, b"three", Some(15)).await.status(),
        StatusCode::NO_CONTENT
    );

    let uploads = server.db.all_uploads().await.unwrap();
    let expected = demo_server::invite::hex(&Sha256::digest(b"one, two, three"));
    assert_eq!(uploads[0].sha256.as_deref(), Some(expected.as_str()));
}

#[tokio::test]
async fn a_finished_take_does_not_change_when_patched_again() {
    let server = start().await;
    let token = server.candidate(&["q1"]).await;
    let (url, _) = server.take(&token, "q1", b"a whole take").await;
    let before = server.db.all_uploads().await.unwrap().remove(0);
    let modified = |file: &std::path::Path| std::fs::metadata(file).unwrap().modified().unwrap();
    let file = server.store.file(&before);
    let modified_before = file.as_deref().map(modified);
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    for _ in 0..3 {
        let again = server.patch(&url, &token, 12, b"", None).await;
        assert_eq!(again.status(), StatusCode::NO_CONTENT);
        assert_eq!(header(&again, "Upload-Offset"), "12");
    }
    let more = server.patch(&url, &token, 12, b"more", None).await;
    assert_eq!(more.status(), StatusCode::BAD_REQUEST);
    let after = server.db.all_uploads().await.unwrap().remove(0);
    assert_eq!(
        after.completed_at, before.completed_at,
        "completion ran once"
    );
    assert_eq!((after.offset, after.sha256), (12, before.sha256));
    assert_eq!(file.as_deref().map(modified), modified_before);
    assert_eq!(server.stored(&before.id).await, b"a whole take");
}

#[tokio::test]
async fn a_creation_whose_body_overruns_its_length_keeps_nothing() {
    let server = start().await;
    let token = server.candidate(&["q1"]).await;
    let create = |body: reqwest::Body| {
        server
            .tus(
                Method::POST,
                &format!("{}/api/uploads", server.origin),
                &token,
            )
            .header("Upload-Length", "10")
            .header("Upload-Metadata", Q1_WEBM)
            .header("Content-Type", "application/offset+octet-stream")
            .body(body)
            .send()
    };
    // Its length said: refused before anything is created.
    let said = create(reqwest::Body::from(vec![7u8; 20])).await.unwrap();
    assert_eq!(said.status(), StatusCode::BAD_REQUEST);
    assert!(server.db.all_uploads().await.unwrap().is_empty());
    // Not said (chunked): created, and the answer's offset is what was kept: nothing.
    let chunks = futures::stream::iter([Ok::<_, std::io::Error>(vec![7u8; 20])]);
    let unsaid = create(reqwest::Body::wrap_stream(chunks)).await.unwrap();
    assert_eq!(unsaid.status(), StatusCode::CREATED);
    assert_eq!(header(&unsaid, "Upload-Offset"), "0");
    let upload = server.db.all_uploads().await.unwrap().remove(0);
    assert_eq!((upload.offset, upload.completed_at), (0, None));
    if let Some(file) = server.store.file(&upload) {
        assert_eq!(std::fs::metadata(file).unwrap().len(), 0);
    }
}
