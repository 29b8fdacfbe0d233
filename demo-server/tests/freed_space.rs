//! What frees the space of takes nobody needs: the hourly sweep (expired
//! uploads, files no upload owns) and a candidate's DELETE (the take and its
//! seekable copy). Real HTTP on 127.0.0.1, a real SQLite file and media in a
//! temporary directory (PostgreSQL and an S3 store under `cargo xtask test
//! --scale`).

mod support;

use demo_server::app::AppState;
use demo_server::rules::InterviewRules;
use demo_server::tus::media_store::MediaStore;
use demo_server::tus::store::DataStore;
use reqwest::{Method, StatusCode};
use std::collections::BTreeSet;
use std::time::{Duration, SystemTime};
use support::{append, created, start, start_on_files};

/// What `store` holds, whatever its age: each upload's id, and whether the
/// thing held only served while it was written (an object store's pieces).
async fn held(store: &MediaStore) -> BTreeSet<(String, bool)> {
    let listed = store.list(SystemTime::now() + Duration::from_secs(3600));
    let listed = listed.await.unwrap().into_iter();
    listed.map(|s| (s.upload_id, s.working)).collect()
}

/// The id of the upload at `url`.
fn id(url: &str) -> String {
    demo_server::tus::upload_id_in(url).unwrap().to_string()
}

// On files, or on an S3 store under `cargo xtask test --scale`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sweep_frees_expired_uploads_and_what_no_upload_owns() {
    let server = start().await;
    let token = server.candidate(&["q1", "q2"]).await;
    let abandoned = server.new_upload(&token, "q1").await;
    let patched = server
        .patch(&abandoned, &token, 0, b"half a take", None)
        .await;
    assert_eq!(patched.status(), StatusCode::NO_CONTENT);
    let (whole, _) = server.take(&token, "q2", b"a whole take").await;
    // Bytes of an upload the database never recorded (its creation failed).
    let orphan = created(&server.store).await;
    assert_eq!(append(&server.store, &orphan, 0, vec![7; 1000]).await, 1000);
    let objects = matches!(server.store, MediaStore::Objects(_));
    let (abandoned_id, whole) = (id(&abandoned), id(&whole));
    let state = AppState::new(
        server.db.clone(),
        server.dir.path().join("media"),
        &server.origin,
        Vec::new(),
        None,
    )
    .with_store(server.store.clone());
    let sweep = |at| demo_server::tus::sweep::sweep::<InterviewRules>(&state, at);
    let now = demo_server::db::unix_millis();
    let hour = 3600 * 1000;

    // Everything is younger than an hour: it may be an upload being
    // created, or a take being put together; nothing goes.
    let swept = sweep(now).await.unwrap();
    assert_eq!((swept.expired, swept.orphans), (0, 0));
    assert!(held(&server.store)
        .await
        .contains(&(orphan.id.clone(), objects)));

    // Two hours later: the orphan goes, and so do the pieces the whole
    // take was written in; the unfinished upload stays.
    let swept = sweep(now + 2 * hour).await.unwrap();
    assert_eq!(swept.expired, 0);
    assert!(swept.orphans >= 1);
    let expected = BTreeSet::from([(abandoned_id, objects), (whole.clone(), false)]);
    assert_eq!(held(&server.store).await, expected);

    // A day later the unfinished upload has expired: its bytes go with it.
    let tomorrow = now + demo_server::tus::EXPIRES_AFTER.as_millis() as i64 + hour;
    let swept = sweep(tomorrow).await.unwrap();
    assert_eq!((swept.expired, swept.orphans), (1, 0));
    assert_eq!(held(&server.store).await, BTreeSet::from([(whole, false)]));
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
