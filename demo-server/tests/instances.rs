//! Several demo-server instances on one PostgreSQL database and one media
//! folder: one writer per upload across them (PostgreSQL's advisory locks,
//! `tus::shared_lock`). These need a PostgreSQL server: they run under
//! `cargo xtask test --scale` (`DEMO_TEST_DATABASE_URL`); without one they
//! say so and pass.

mod support;

use demo_server::db::Db;
use demo_server::serve::Timeouts;
use demo_server::tus::lock::{Locker, UploadLease};
use demo_server::tus::shared_lock::SharedLocker;
use recorder_core::model::Interview;
use reqwest::StatusCode;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A fresh PostgreSQL database (created), or `None` with a note.
async fn database() -> Option<Db> {
    let Some(url) = support::test_database().await else {
        eprintln!("skipped: needs PostgreSQL (DEMO_TEST_DATABASE_URL; cargo xtask test --scale)");
        return None;
    };
    Some(Db::connect(&url).await.unwrap())
}

/// Two instances' lockers on a fresh database, and the database.
async fn two_lockers() -> Option<(SharedLocker, SharedLocker, Db)> {
    let db = database().await?;
    let locker = || SharedLocker::new(db.postgres_url());
    Some((locker(), locker(), db))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_instance_asked_by_another_lets_go_of_an_upload() {
    let Some((first, second, _)) = two_lockers().await else {
        return;
    };
    let held = first.acquire("u1", Duration::ZERO).await.unwrap();
    let other_upload = second.acquire("u2", Duration::ZERO).await;
    assert!(other_upload.is_some(), "other uploads are not held up");
    let asked_at = Instant::now();
    let taking = tokio::spawn(async move {
        let lease = second.acquire("u1", Duration::from_secs(5)).await;
        (lease.is_some(), second)
    });
    held.release_requested().await;
    assert!(asked_at.elapsed() < Duration::from_secs(2));
    drop(held);
    let (taken, second) = taking.await.unwrap();
    assert!(
        taken,
        "the second instance has the upload once the first let go"
    );
    // Freed again when the second's lease was dropped: the first takes it back.
    let back = first.acquire("u1", Duration::from_secs(2)).await;
    assert!(back.is_some());
    drop(second);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_instance_that_does_not_let_go_keeps_the_upload() {
    let Some((first, second, _)) = two_lockers().await else {
        return;
    };
    let _stubborn = first.acquire("u1", Duration::ZERO).await.unwrap();
    let began = Instant::now();
    assert!(second
        .acquire("u1", Duration::from_millis(300))
        .await
        .is_none());
    assert!(began.elapsed() >= Duration::from_millis(250));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_lock_connection_ends_its_leases_and_frees_the_upload() {
    let Some((first, second, db)) = two_lockers().await else {
        return;
    };
    let held = first.acquire("u1", Duration::ZERO).await.unwrap();
    // PostgreSQL ends the first instance's lock connection (as a network cut would).
    let url = db.postgres_url().unwrap().to_string();
    let mut admin = <sqlx::PgConnection as sqlx::Connection>::connect(&url)
        .await
        .unwrap();
    let ended: Vec<bool> = sqlx::query_scalar(
        "SELECT pg_terminate_backend(pid) FROM pg_locks \
         WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid() \
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
    )
    .fetch_all(&mut admin)
    .await
    .unwrap();
    assert_eq!(ended, [true]);
    tokio::time::timeout(Duration::from_secs(5), held.release_requested())
        .await
        .expect("the holder learns that its lock is gone");
    assert!(second.acquire("u1", Duration::from_secs(2)).await.is_some());
}

/// Two instances on one database and one store (a media folder, or the
/// test's S3 store).
async fn two_instances(db: &Db) -> (support::TestServer, String) {
    let dir = tempfile::tempdir().unwrap();
    let storage = support::test_storage();
    let local = || demo_server::Local {
        timeouts: Timeouts {
            header: Duration::from_secs(1),
            body_idle: Duration::from_secs(60),
        },
        database_url: db.postgres_url().map(str::to_string),
        storage: storage.clone(),
        ..Default::default()
    };
    let (second, _) = demo_server::spawn_local_with(dir.path(), &[Interview::sample()], local())
        .await
        .unwrap();
    let first = support::start_in(dir, Interview::sample(), local()).await;
    (first, second)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patch_on_another_instance_takes_over_from_a_stalled_one() {
    let Some(db) = database().await else { return };
    let (first, second_origin) = two_instances(&db).await;
    let token = first.candidate(&["q1"]).await;
    let url = first.new_upload(&token, "q1").await;
    // On the first instance: 10 of the 100 bytes announced, then silence.
    let path = url.trim_start_matches(&first.origin);
    let mut stalled = TcpStream::connect(first.origin.trim_start_matches("http://"))
        .await
        .unwrap();
    let request = format!(
        "PATCH {path} HTTP/1.1\r\nHost: test\r\nTus-Resumable: 1.0.0\r\n\
         Authorization: Bearer {token}\r\nUpload-Offset: 0\r\n\
         Content-Type: application/offset+octet-stream\r\nContent-Length: 100\r\n\r\n"
    );
    stalled.write_all(request.as_bytes()).await.unwrap();
    stalled.write_all(&[1u8; 10]).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    // The client resumes on the second instance (a load balancer's choice).
    let elsewhere = format!("{second_origin}{path}");
    let took = first
        .resume(&elsewhere, &token, &[2u8; 5], Duration::from_secs(3))
        .await;
    assert!(
        took < Duration::from_secs(3),
        "the stalled PATCH on the other instance let go"
    );
    let mut answer = [0u8; 12];
    stalled.read_exact(&mut answer).await.unwrap();
    assert_eq!(&answer, b"HTTP/1.1 423");
    // Finished (so that an object store has made it whole): 15 bytes.
    let finished = first.patch(&elsewhere, &token, 15, b"", Some(15)).await;
    assert_eq!(finished.status(), StatusCode::NO_CONTENT);
    let upload = first.db.all_uploads().await.unwrap().remove(0);
    let mut expected = vec![1u8; 10];
    expected.extend([2u8; 5]);
    assert_eq!(
        first.stored(&upload.id).await,
        expected,
        "both instances wrote one take, in order"
    );
}
