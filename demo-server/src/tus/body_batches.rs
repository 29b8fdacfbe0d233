//! A PATCH body read in batches: what has arrived, up to about [`BATCH`]
//! bytes, handed on while the next is read; never past the upload's room,
//! never waiting longer than the body's idle time, and not once the request
//! is asked to let the upload go. Every store appends through it.

use super::store::AppendStop;
use axum::body::Bytes;
use futures::{FutureExt, StreamExt};
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

/// Most bytes handed on at once.
pub const BATCH: usize = 1 << 20;

/// The body frames that are ready (waiting for the first, at most `idle`,
/// and not once `released` completes), at most `room` bytes and about
/// [`BATCH`]; and why the body ended, if it did. A slow client's frames go
/// one by one: nothing waits in memory for the next. A body silent for
/// `idle` has broken off.
pub async fn gather(
    stream: &mut (impl futures::Stream<Item = Result<Bytes, axum::Error>> + Unpin),
    room: u64,
    idle: Duration,
    released: Pin<&mut impl Future<Output = ()>>,
) -> (Vec<Bytes>, Option<Result<(), AppendStop>>) {
    let mut batch = Vec::new();
    let mut size = 0u64;
    let first = tokio::select! {
        biased;
        next = tokio::time::timeout(idle, stream.next()) => next,
        () = released => return (batch, Some(Err(AppendStop::TakenOver))),
    };
    let Ok(mut next) = first else {
        let silent = format!("nothing arrived for {} s", idle.as_secs_f32());
        return (batch, Some(Err(AppendStop::Body(silent))));
    };
    loop {
        let chunk = match next {
            None => return (batch, Some(Ok(()))),
            Some(Err(error)) => return (batch, Some(Err(AppendStop::Body(error.to_string())))),
            Some(Ok(chunk)) => chunk,
        };
        let fits = (room - size).min(chunk.len() as u64) as usize;
        size += fits as u64;
        let over = fits < chunk.len();
        batch.push(chunk.slice(..fits));
        if over {
            return (batch, Some(Err(AppendStop::OverLimit)));
        }
        if size >= BATCH as u64 {
            return (batch, None);
        }
        next = match stream.next().now_or_never() {
            Some(ready) => ready,
            None => return (batch, None),
        };
    }
}
