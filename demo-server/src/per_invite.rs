//! What one invite may have in flight at once: a recorder needs a few
//! requests (a PATCH, a HEAD, a reveal); a runaway or hostile client with a
//! valid link must not take the server's connections and threads from
//! every other candidate. Beyond the bound: 429 with `Retry-After`.

use crate::app::AppState;
use crate::error::ApiError;
use crate::invite::token_hash;
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::Mutex;

/// Requests in flight by invite (by its token's hash: no token is kept).
///
/// ```
/// let in_flight = demo_server::per_invite::InFlight::new(1);
/// let first = in_flight.enter("invite");
/// assert!(first.is_some());
/// assert!(in_flight.enter("invite").is_none());
/// drop(first);
/// assert!(in_flight.enter("invite").is_some());
/// ```
pub struct InFlight {
    counts: Mutex<HashMap<String, usize>>,
    max: usize,
}

/// One request's place; given back on drop.
pub struct Slot<'a> {
    in_flight: &'a InFlight,
    key: String,
}

/// Requests of one invite at once by default.
pub const MAX_PER_INVITE: usize = 16;

impl InFlight {
    /// At most `max` requests per invite at once.
    pub fn new(max: usize) -> InFlight {
        InFlight {
            counts: Mutex::new(HashMap::new()),
            max: max.max(1),
        }
    }

    /// A place for a request of `key`, or `None` if it has `max` already.
    pub fn enter(&self, key: &str) -> Option<Slot<'_>> {
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        let count = counts.entry(key.to_string()).or_default();
        if *count >= self.max {
            return None;
        }
        *count += 1;
        Some(Slot {
            in_flight: self,
            key: key.to_string(),
        })
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        let mut counts = self
            .in_flight
            .counts
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(count) = counts.get_mut(&self.key) {
            *count -= 1;
            if *count == 0 {
                counts.remove(&self.key);
            }
        }
    }
}

/// Middleware: a request with a bearer token waits in no queue; it runs if
/// its invite has room, else gets 429 at once.
pub async fn limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let token = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|token| token_hash(token.trim()));
    let Some(key) = token else {
        return next.run(request).await;
    };
    let Some(_slot) = state.in_flight.enter(&key) else {
        return ApiError::TooManyRequests.into_response();
    };
    next.run(request).await
}
