//! Accepting connections, each served with timeouts, so that a client that
//! stops in the middle of a request (a phone that lost its network, a
//! hostile client) holds nothing for long: neither a connection nor an
//! upload's write lock.

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::time::Duration;
use tokio::net::TcpListener;

/// How long a silent client may keep what it holds.
///
/// ```
/// let timeouts = demo_server::serve::Timeouts::default();
/// assert!(timeouts.header < timeouts.body_idle);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeouts {
    /// For a request's headers to arrive whole; then the connection is closed.
    pub header: Duration,
    /// Between two pieces of a request body. A PATCH whose body stops
    /// arriving ends after it: what arrived is kept, and its connection and
    /// its share of the invite's requests go. (The client's next PATCH need
    /// not wait for it: it takes the upload over, see `tus::lock`.)
    pub body_idle: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            header: Duration::from_secs(10),
            body_idle: Duration::from_secs(20),
        }
    }
}

/// Serves `router` on `listener` until `shutdown` resolves, then lets the
/// requests in progress finish (for at most `GRACE`).
///
/// ```no_run
/// # async fn f(router: axum::Router) -> std::io::Result<()> {
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
/// let timeouts = demo_server::serve::Timeouts::default();
/// demo_server::serve::serve(listener, router, timeouts, std::future::pending()).await
/// # }
/// ```
pub async fn serve(
    listener: TcpListener,
    router: Router,
    timeouts: Timeouts,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    const GRACE: Duration = Duration::from_secs(10);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of descriptors, or a connection reset before it was
                // accepted: the listener itself is fine, try again shortly.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = TowerToHyperService::new(router.clone());
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(timeouts.header)
            .serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that went away is not the server's error.
            let _ = connection.await;
        });
    }
    let _ = tokio::time::timeout(GRACE, graceful.shutdown()).await;
    Ok(())
}
