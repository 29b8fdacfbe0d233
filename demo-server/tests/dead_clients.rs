//! Clients that stop in the middle of a request (a phone that lost its
//! network, a hostile client) hold neither a connection nor an upload for
//! longer than the server's timeouts, and one invite cannot take more than
//! its share of requests. Raw TCP on 127.0.0.1.

mod support;

use demo_server::serve::Timeouts;
use recorder_core::model::Interview;
use reqwest::StatusCode;
use std::time::{Duration, Instant};
use support::{header, start_configured};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const QUICK: Timeouts = Timeouts {
    header: Duration::from_secs(1),
    body_idle: Duration::from_secs(1),
};

async fn quick_server() -> support::TestServer {
    let local = demo_server::Local {
        timeouts: QUICK,
        ..Default::default()
    };
    start_configured(Interview::sample(), local).await
}

async fn connect(server: &support::TestServer) -> TcpStream {
    TcpStream::connect(server.origin.trim_start_matches("http://"))
        .await
        .unwrap()
}

/// A PATCH of `url` whose body never comes (it announces 100 bytes).
async fn stalled_patch(server: &support::TestServer, token: &str, url: &str) -> TcpStream {
    let path = url.trim_start_matches(&server.origin);
    let mut stalled = connect(server).await;
    let request = format!(
        "PATCH {path} HTTP/1.1\r\nHost: test\r\nTus-Resumable: 1.0.0\r\n\
         Authorization: Bearer {token}\r\nUpload-Offset: 0\r\n\
         Content-Type: application/offset+octet-stream\r\nContent-Length: 100\r\n\r\n"
    );
    stalled.write_all(request.as_bytes()).await.unwrap();
    stalled
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_invite_gets_its_share_of_requests_and_no_more() {
    let local = demo_server::Local {
        timeouts: QUICK,
        max_per_invite: 2,
        ..Default::default()
    };
    let server = start_configured(Interview::sample(), local).await;
    let token = server.candidate(&["q1", "q2"]).await;
    let other = server.invite().await;
    let (first, second) = (
        server.new_upload(&token, "q1").await,
        server.new_upload(&token, "q2").await,
    );
    let _held = [
        stalled_patch(&server, &token, &first).await,
        stalled_patch(&server, &token, &second).await,
    ];
    tokio::time::sleep(Duration::from_millis(200)).await;
    let session = |token: &str| {
        server
            .client
            .get(format!("{}/api/session", server.origin))
            .bearer_auth(token)
            .send()
    };
    let refused = session(&token).await.unwrap();
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(header(&refused, "Retry-After"), "1");
    assert_eq!(header(&refused, "Error-Code"), "too-many-requests");
    assert_eq!(
        session(&other).await.unwrap().status(),
        StatusCode::OK,
        "other invites are not held up"
    );
    // Once the stalled bodies time out, the invite has its share again.
    tokio::time::sleep(QUICK.body_idle + Duration::from_millis(500)).await;
    assert_eq!(session(&token).await.unwrap().status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patch_whose_body_stops_arriving_lets_the_next_one_in_at_once() {
    // A body-idle timeout far longer than the test: the next PATCH does not
    // wait for it, it takes the upload over.
    let local = demo_server::Local {
        timeouts: Timeouts {
            body_idle: Duration::from_secs(60),
            ..QUICK
        },
        ..Default::default()
    };
    let server = start_configured(Interview::sample(), local).await;
    let token = server.candidate(&["q1"]).await;
    let url = server.new_upload(&token, "q1").await;
    // 10 of the 100 bytes it announces, then silence; the socket stays open.
    let mut stalled = stalled_patch(&server, &token, &url).await;
    stalled.write_all(&[1u8; 10]).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let took = server
        .resume(&url, &token, &[2u8; 5], Duration::from_secs(2))
        .await;
    assert!(took < Duration::from_secs(2));
    // What arrived of the stalled body is kept, then the new bytes.
    let upload = server.db.all_uploads().await.unwrap().remove(0);
    assert_eq!(upload.offset, 15);
    // The stalled request was answered (its client may still be there).
    let mut answer = [0u8; 12];
    stalled.read_exact(&mut answer).await.unwrap();
    assert_eq!(&answer, b"HTTP/1.1 423");
}

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_disconnected() {
    let server = quick_server().await;
    let mut slow = connect(&server).await;
    slow.write_all(b"GET /api/session HTTP/1.1\r\nHost: test\r\n")
        .await
        .unwrap();
    let started = Instant::now();
    let mut buffer = [0u8; 512];
    // A header byte every 200 ms, never the end of the headers.
    loop {
        tokio::select! {
            read = slow.read(&mut buffer) => match read {
                Ok(0) | Err(_) => break,
                Ok(_) => continue, // an answer (408, say) before the close
            },
            () = tokio::time::sleep(Duration::from_millis(200)) => {
                if slow.write_all(b"X").await.is_err() {
                    break;
                }
            }
        }
        assert!(
            started.elapsed() < QUICK.header + Duration::from_secs(1),
            "the connection is still open"
        );
    }
    assert!(started.elapsed() < QUICK.header + Duration::from_secs(1));
}
