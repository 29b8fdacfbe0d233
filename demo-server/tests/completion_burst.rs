//! Many takes finishing in the same second: each last PATCH is acknowledged
//! at once (the conversions to seekable copies wait in a queue, a few at a
//! time, off the acknowledgement's path), and every take still becomes
//! seekable. Real WebM made by ffmpeg, real HTTP on 127.0.0.1. On files: an
//! object store's own capacity is what bounds a burst there (measured by
//! `cargo xtask bench --scale`, not timed here).

mod support;

use reqwest::StatusCode;
use std::time::{Duration, Instant};
use support::{header, start_on_files, webm};

const TAKES: usize = 200;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_finishing_takes_is_acknowledged_at_once_and_all_become_seekable() {
    let server = start_on_files().await;
    let bytes = webm(server.dir.path());
    let (head, last) = bytes.split_at(bytes.len() - 100);
    // Each candidate has sent all but the last 100 bytes of a take.
    let mut takes = Vec::new();
    for _ in 0..TAKES {
        let token = server.candidate(&["q1"]).await;
        let url = server.new_upload(&token, "q1").await;
        let sent = server.patch(&url, &token, 0, head, None).await;
        assert_eq!(sent.status(), StatusCode::NO_CONTENT);
        takes.push((token, url));
    }
    // Then they all press Stop in the same second.
    let started = Instant::now();
    let finals = takes.iter().map(|(token, url)| async {
        let response = server
            .patch(
                url,
                token,
                head.len() as u64,
                last,
                Some(bytes.len() as u64),
            )
            .await;
        (
            response.status(),
            header(&response, "Upload-Offset").to_string(),
            started.elapsed(),
        )
    });
    let answers = futures::future::join_all(finals).await;
    let slowest = answers.iter().map(|(_, _, took)| *took).max().unwrap();
    for (status, offset, _) in &answers {
        assert_eq!(*status, StatusCode::NO_CONTENT);
        assert_eq!(*offset, bytes.len().to_string());
    }
    assert!(
        slowest < Duration::from_secs(1),
        "the slowest last PATCH took {slowest:?}"
    );
    // Every take becomes seekable (a duration is measured on its copy).
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let uploads = server.db.all_uploads().await.unwrap();
        let measured = uploads.iter().filter(|u| u.duration_ms.is_some()).count();
        if measured == TAKES {
            assert!(uploads
                .iter()
                .all(|u| (900..=1100).contains(&u.duration_ms.unwrap())));
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{measured} of {TAKES} takes became seekable"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}
