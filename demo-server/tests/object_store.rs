//! Takes kept in an S3-compatible store (`tus::s3_store`): pieces become
//! multipart parts, bytes never acknowledged are passed over, a complete
//! take is put together by the first reader if nothing did it before, finished
//! takes are made seekable and served with Range from the store. These
//! need a store: they run under `cargo xtask test --scale` (Garage, named by
//! `DEMO_TEST_STORAGE_URL`); without one they say so and pass.

mod support;

use demo_server::db::UploadRow;
use demo_server::tus::media_store::MediaStore;
use demo_server::tus::s3_store::S3Store;
use demo_server::tus::store::DataStore;
use reqwest::{Method, StatusCode};
use sha2::{Digest, Sha256};
use std::time::{Duration, SystemTime};
use support::{append, created, header, start};

/// A store under a fresh prefix, or `None` with a note.
fn store() -> Option<S3Store> {
    let Some(url) = support::test_storage() else {
        eprintln!("skipped: needs an S3 store (DEMO_TEST_STORAGE_URL; cargo xtask test --scale)");
        return None;
    };
    Some(S3Store::from_url(&url).unwrap())
}

/// What the store keeps of `upload`, whole.
async fn stored(store: &S3Store, upload: &UploadRow) -> Vec<u8> {
    let mut bytes = Vec::new();
    store.copy_to(upload, &mut bytes).await.unwrap();
    bytes
}

/// A mebibyte.
const MIB: usize = 1 << 20;

/// Waits (at most 10 s) until the store records parts of upload `id`.
async fn parts_recorded(store: &MediaStore, id: &str) {
    let record = format!("{id}/parts.json");
    for _ in 0..100 {
        let listed = store.list(SystemTime::now() + Duration::from_secs(60));
        if listed
            .await
            .unwrap()
            .iter()
            .any(|s| s.key.ends_with(&record))
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no parts recorded for {id} after its first 5 MiB were acknowledged");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bytes_put_but_never_acknowledged_are_passed_over() {
    let Some(store) = store() else { return };
    let upload = created(&store).await;
    // Put, then lost before the offset was recorded (a crash): 9 MiB, as two pieces.
    assert_eq!(append(&store, &upload, 0, vec![1; 9 * MIB]).await, 9 << 20);
    // The client resumes from 0: what is recorded goes on from there.
    assert_eq!(append(&store, &upload, 0, vec![2; 6 * MIB]).await, 6 << 20);
    // After its answer, the first 6 MiB become a part (past S3's 5 MiB).
    store.settle(&upload, 6 << 20).await.unwrap();
    assert_eq!(
        append(&store, &upload, 6 << 20, vec![3; MIB]).await,
        1 << 20
    );
    assert_eq!(
        append(&store, &upload, 7 << 20, vec![4; 2 * MIB]).await,
        2 << 20
    );
    let working = store.list(SystemTime::now() + Duration::from_secs(60));
    assert!(working.await.unwrap().iter().all(|s| s.working));
    store.finish(&upload, 9 << 20).await.unwrap();

    let mut expected = vec![2u8; 6 * MIB];
    expected.extend(vec![3u8; MIB]);
    expected.extend(vec![4u8; 2 * MIB]);
    let whole = stored(&store, &upload).await;
    assert!(
        whole == expected,
        "the take is what was acknowledged, in order"
    );
    let hex = demo_server::invite::hex(&Sha256::digest(&expected));
    assert_eq!(store.sha256(&upload).await.unwrap(), hex);
    // Finishing again (its answer lost) changes nothing.
    store.finish(&upload, 9 << 20).await.unwrap();
    assert!(stored(&store, &upload).await == expected);
    // What served while it was written stays for the sweep, which removes
    // it once the upload is complete; the take stays.
    let listed = store.list(SystemTime::now() + Duration::from_secs(60));
    let (working, kept): (Vec<_>, Vec<_>) =
        listed.await.unwrap().into_iter().partition(|s| s.working);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(!working.is_empty());
    store.terminate(&upload).await.unwrap();
    let left = store.list(SystemTime::now() + Duration::from_secs(60));
    assert!(left.await.unwrap().is_empty(), "termination leaves nothing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_complete_take_never_put_together_is_when_first_read() {
    let Some(store) = store() else { return };
    let mut upload = created(&store).await;
    assert_eq!(append(&store, &upload, 0, vec![5; 6 * MIB]).await, 6 << 20);
    store.settle(&upload, 6 << 20).await.unwrap();
    assert_eq!(
        append(&store, &upload, 6 << 20, vec![6; MIB]).await,
        1 << 20
    );
    // Recorded complete; its instance stopped before the finish that
    // follows the last answer: a part and a piece, no take.
    (upload.offset, upload.length, upload.completed_at) = (7 << 20, Some(7 << 20), Some(1));
    let listed = store.list(SystemTime::now() + Duration::from_secs(60));
    assert!(listed.await.unwrap().iter().all(|s| s.working));

    // Two readers at once (say, two instances' review pages) put it together.
    let (first, second) = tokio::join!(stored(&store, &upload), stored(&store, &upload));
    let mut expected = vec![5u8; 6 * MIB];
    expected.extend(vec![6u8; MIB]);
    assert!(first == expected, "the first reader reads the whole take");
    assert!(second == expected, "so does the second");
    let listed = store.list(SystemTime::now() + Duration::from_secs(60));
    assert_eq!(
        listed.await.unwrap().iter().filter(|s| !s.working).count(),
        1
    );
    store.terminate(&upload).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_take_recorded_second_by_second_is_kept_and_served_seekable() {
    if support::test_storage().is_none() {
        eprintln!("skipped: needs an S3 store (DEMO_TEST_STORAGE_URL; cargo xtask test --scale)");
        return;
    }
    let server = start().await;
    assert!(matches!(server.store, MediaStore::Objects(_)));
    let token = server.candidate(&["q1"]).await;
    let url = server.new_upload(&token, "q1").await;
    // A real video, then padding: about 6 MiB in 256 KiB PATCHes, past one part.
    let mut take = support::webm(server.dir.path());
    let video = take.len();
    take.resize(video + (6 << 20), 0);
    let id = demo_server::tus::upload_id_in(&url).unwrap().to_string();
    let mut offset = 0;
    for chunk in take.chunks(256 << 10) {
        let last = offset + chunk.len() == take.len();
        let length = last.then_some(take.len() as u64);
        let patched = server
            .patch(&url, &token, offset as u64, chunk, length)
            .await;
        assert_eq!(patched.status(), StatusCode::NO_CONTENT);
        let before = offset;
        offset += chunk.len();
        if before < 5 << 20 && offset >= 5 << 20 {
            // A part's worth acknowledged: it becomes a part after the
            // answer, not while the next PATCH waits.
            parts_recorded(&server.store, &id).await;
        }
    }
    assert!(server.stored(&id).await == take, "byte for byte");
    let upload = server.db.upload(&id).await.unwrap().unwrap();
    let hex = demo_server::invite::hex(&Sha256::digest(&take));
    assert_eq!(upload.sha256.as_deref(), Some(hex.as_str()));

    // ffmpeg read it from a signed URL and put its seekable copy in the store.
    server.until_seekable(&id, Duration::from_secs(60)).await;
    let review = server.db.create_review_token().await.unwrap();
    let media = format!("{}/review/{review}/media/{id}", server.origin);
    let whole = server.client.get(&media).send().await.unwrap();
    assert_eq!(whole.status(), StatusCode::OK);
    assert_eq!(header(&whole, "Content-Type"), "video/webm");
    let copy = whole.bytes().await.unwrap();
    assert!(copy.len() < take.len(), "the copy, not the padded original");
    let part = server
        .client
        .request(Method::GET, &media)
        .header("Range", "bytes=10-29")
        .send()
        .await
        .unwrap();
    assert_eq!(part.status(), StatusCode::PARTIAL_CONTENT);
    let range = format!("bytes 10-29/{}", copy.len());
    assert_eq!(header(&part, "Content-Range"), range);
    assert_eq!(part.bytes().await.unwrap(), copy[10..30]);
    let past = server
        .client
        .request(Method::GET, &media)
        .header("Range", format!("bytes={}-", copy.len()))
        .send()
        .await
        .unwrap();
    assert_eq!(past.status(), StatusCode::RANGE_NOT_SATISFIABLE);
}
