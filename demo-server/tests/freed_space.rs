//! What frees the space of takes nobody needs: the hourly sweep (expired
//! uploads, files no upload owns) and a candidate's DELETE (the take and its
//! seekable copy). Real HTTP on 127.0.0.1, a real SQLite file and media in a
//! temporary directory.

mod support;

use reqwest::{Method, StatusCode};
use support::start_on_files;

#[tokio::test]
async fn a_sweep_frees_expired_uploads_and_orphan_files() {
    let server = start_on_files().await;
    let token = server.candidate(&["q1", "q2"]).await;
    let abandoned = server.new_upload(&token, "q1").await;
    let patched = server
        .patch(&abandoned, &token, 0, b"half a take", None)
        .await;
    assert_eq!(patched.status(), StatusCode::NO_CONTENT);
    server.take(&token, "q2", b"a whole take").await;
    let media = server.dir.path().join("media");
    let orphan = media.join(format!("{}.webm", "ab".repeat(16)));
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 3600);
    std::fs::File::create(&orphan)
        .unwrap()
        .set_modified(old)
        .unwrap();
    // A file just made may be an upload being created: left alone.
    let young = media.join(format!("{}.webm", "cd".repeat(16)));
    std::fs::File::create(&young).unwrap();
    let state = demo_server::app::AppState::new(
        server.db.clone(),
        media.clone(),
        &server.origin,
        Vec::new(),
        None,
    );
    // The takes' files (not a seekable copy the conversion may be writing).
    let files = || {
        std::fs::read_dir(&media)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .matches('.')
                    .count()
                    == 1
            })
            .count()
    };
    assert_eq!(files(), 4);
    let now = demo_server::db::unix_millis();
    let swept = demo_server::tus::sweep::sweep::<demo_server::rules::InterviewRules>(&state, now)
        .await
        .unwrap();
    assert_eq!((swept.expired, swept.orphans), (0, 1));
    assert!(!orphan.exists() && young.exists());
    let tomorrow = now + demo_server::tus::EXPIRES_AFTER.as_millis() as i64;
    let swept =
        demo_server::tus::sweep::sweep::<demo_server::rules::InterviewRules>(&state, tomorrow)
            .await
            .unwrap();
    assert_eq!((swept.expired, swept.orphans), (1, 0));
    assert_eq!(files(), 2, "the whole take and the young file stay");
    let head = server
        .tus(Method::HEAD, &abandoned, &token)
        .send()
        .await
        .unwrap();
    assert_eq!(head.status(), StatusCode::GONE);
}

#[tokio::test]
async fn a_deleted_take_leaves_neither_its_file_nor_its_seekable_copy() {
    let server = start_on_files().await;
    let token = server.candidate(&["q1"]).await;
    let (url, _) = server
        .take(&token, "q1", &support::webm(server.dir.path()))
        .await;
    let id = demo_server::tus::upload_id_in(&url).unwrap().to_string();
    let media = server.dir.path().join("media");
    let copy = media.join(format!("{id}.seekable.webm"));
    server
        .until_seekable(&id, std::time::Duration::from_secs(30))
        .await;
    assert!(copy.is_file() && media.join(format!("{id}.webm")).is_file());
    let deleted = server
        .tus(Method::DELETE, &url, &token)
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    let left: Vec<_> = std::fs::read_dir(&media)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}
