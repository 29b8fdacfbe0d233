//! One log line per request: method, route (the pattern, so an invite or
//! review token in the path is never written), status, latency, and the
//! upload id for tus requests. `RUST_LOG` picks the level (default `info`).

use axum::extract::MatchedPath;
use axum::http::Request;
use std::time::Duration;
use tower_http::classify::{ServerErrorsAsFailures, SharedClassifier};
use tower_http::trace::{MakeSpan, OnResponse, TraceLayer};
use tracing::Span;

/// The layer that logs each request; add it with `Router::layer`.
///
/// ```
/// let router: axum::Router = axum::Router::new().layer(demo_server::request_log::layer());
/// ```
pub fn layer() -> TraceLayer<Classifier, RequestSpan, (), Logged, (), (), ()> {
    TraceLayer::new_for_http()
        .make_span_with(RequestSpan)
        .on_request(())
        .on_response(Logged)
        .on_body_chunk(())
        .on_eos(())
        // Server errors are logged where they happen (`ApiError`), with their cause.
        .on_failure(())
}

/// 5xx answers count as failures.
type Classifier = SharedClassifier<ServerErrorsAsFailures>;

/// Logs to standard error, filtered by `RUST_LOG` (default `info`).
pub fn init() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

/// The span of one request.
#[derive(Clone, Copy, Debug)]
pub struct RequestSpan;

impl<B> MakeSpan<B> for RequestSpan {
    fn make_span(&mut self, request: &Request<B>) -> Span {
        let route = request
            .extensions()
            .get::<MatchedPath>()
            .map_or("(no route)", MatchedPath::as_str);
        let upload = match route {
            "/api/uploads/{id}" => request.uri().path().rsplit('/').next(),
            _ => None,
        };
        tracing::info_span!("request", method = %request.method(), route, upload)
    }
}

/// Writes the request's line once its answer is ready.
#[derive(Clone, Copy, Debug)]
pub struct Logged;

impl<B> OnResponse<B> for Logged {
    fn on_response(self, response: &axum::http::Response<B>, latency: Duration, _: &Span) {
        tracing::info!(
            status = response.status().as_u16(),
            latency_ms = latency.as_millis() as u64,
            "answered"
        );
    }
}
