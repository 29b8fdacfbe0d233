//! Each request is logged once, by its route's pattern: the invite and
//! review tokens in paths and headers never reach the log.

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};
use support::start;

/// A log that the test reads back.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

// One thread: the server's tasks log through this test's subscriber.
#[tokio::test(flavor = "current_thread")]
async fn each_request_is_logged_by_route_never_with_a_token() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _logging = tracing::subscriber::set_default(subscriber);
    let server = start().await;
    let token = server.candidate(&["q1"]).await;
    server.page(&format!("/i/{token}")).await;
    let url = server.new_upload(&token, "q1").await;
    server.patch(&url, &token, 0, b"abc", None).await;
    let review = server.db.create_review_token().await.unwrap();
    server.page(&format!("/review/{review}")).await;

    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let upload = url.rsplit('/').next().unwrap();
    for line in [
        "route=\"/i/{token}\"",
        "route=\"/api/questions/{id}/reveal\"",
        "route=\"/api/uploads\"",
        "route=\"/review/{token}\"",
        &format!("upload=\"{upload}\""),
        "status=204",
    ] {
        assert!(log.contains(line), "{line} is not in the log:\n{log}");
    }
    assert!(
        !log.contains(&token),
        "the invite token is in the log:\n{log}"
    );
    assert!(
        !log.contains(&review),
        "the review token is in the log:\n{log}"
    );
}
