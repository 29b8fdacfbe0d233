//! A take whose seekable copy was never made (its server stopped while it
//! waited in the conversion queue) is found and converted by the next
//! catch-up. Real WebM made by ffmpeg, a real database and store.

mod support;

use axum::body::Body;
use demo_server::db::{unix_millis, Progress, UploadRow};
use demo_server::seekable::Conversions;
use demo_server::tus::store::{DataStore, Expected};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_take_left_unconverted_is_converted_at_the_next_catch_up() {
    let server = support::start().await;
    let token = server.candidate(&["q1"]).await;
    let invite = server
        .db
        .find_invite(&demo_server::invite::token_hash(&token))
        .await
        .unwrap()
        .unwrap();
    let take = support::webm(server.dir.path());
    let length = take.len() as u64;
    // Stored and recorded complete as its last PATCH does, never queued:
    // the server stopped first.
    let upload = UploadRow {
        id: format!("{:032x}", rand::random::<u128>()),
        invite_id: invite.invite_id,
        question_id: "q1".into(),
        filetype: "video/webm".into(),
        metadata: support::Q1_WEBM.into(),
        ..Default::default()
    };
    server.store.create(&upload).await.unwrap();
    let expected = Expected {
        limit: length,
        idle: Duration::from_secs(5),
        checksum: None,
    };
    let (written, outcome) = (server.store)
        .append(
            &upload,
            0,
            Body::from(take),
            expected,
            std::future::pending(),
            &mut None,
        )
        .await;
    outcome.unwrap();
    assert_eq!(written, length);
    server.store.finish(&upload, length).await.unwrap();
    let recorded = server.db.insert_take(&upload, Some("t1"), 3, None).await;
    recorded.unwrap().unwrap();
    let complete = Progress {
        id: upload.id.clone(),
        from: 0,
        offset: length,
        length: Some(length),
        sha256: None,
    };
    server.db.save_progress(complete).await.unwrap();

    let conversions = Conversions::new(1);
    let now = unix_millis();
    let queued = conversions.catch_up(&server.db, &server.store, now).await;
    assert_eq!(
        queued.unwrap(),
        0,
        "just complete: its own conversion may be under way"
    );
    let later = now + 11 * 60 * 1000;
    let queued = conversions.catch_up(&server.db, &server.store, later).await;
    assert_eq!(queued.unwrap(), 1);
    let ms = server
        .until_seekable(&upload.id, Duration::from_secs(60))
        .await;
    assert!((900..=1100).contains(&ms), "{ms} ms");
    let queued = conversions.catch_up(&server.db, &server.store, later).await;
    assert_eq!(queued.unwrap(), 0, "converted: nothing left to do");
}
