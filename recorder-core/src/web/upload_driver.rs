//! Runs an [`Upload`] against the network while a take is being recorded.

use super::recorder::{blob_bytes, RecorderEvent};
use super::{clock, js_error_message, transport};
use crate::http::HttpResponse;
use crate::upload::{Upload, UploadError, UploadStatus};
use futures::channel::mpsc::UnboundedReceiver;
use futures::channel::oneshot;
use futures::future::FusedFuture;
use futures::future::{self, Either, LocalBoxFuture};
use futures::{FutureExt, StreamExt};

/// What the server confirmed for a finished take.
///
/// ```no_run
/// # fn f(receipt: recorder_core::web::upload_driver::TakeReceipt) {
/// println!("{} bytes at {}, sha256 {}", receipt.bytes, receipt.url, receipt.sha256);
/// # }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TakeReceipt {
    /// The upload's URL on the server.
    pub url: String,
    /// The take's length, every byte acknowledged.
    pub bytes: u64,
    /// sha256 of the whole take, lowercase hex.
    pub sha256: String,
}

/// Why a take did not reach the server.
///
/// ```no_run
/// use recorder_core::web::upload_driver::TakeError;
/// assert!(TakeError::Discarded.to_string().contains("discarded"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TakeError {
    /// The upload stopped for good.
    #[error(transparent)]
    Upload(#[from] UploadError),
    /// The browser's recorder failed.
    #[error("the recording failed: {0}")]
    Recorder(String),
    /// The take was discarded.
    #[error("the take was discarded")]
    Discarded,
}

enum Wake {
    Response(Result<HttpResponse, transport::TransportError>),
    Recorder(Option<RecorderEvent>),
    /// `true`: give the take up; `false`: nobody can ask any more.
    Discard(bool),
    Timer,
    Online,
}

/// Feeds the recorder's chunks into `upload` as they arrive and sends its
/// requests, until every byte of the finished take is acknowledged or the
/// upload fails for good. `on_progress` sees the upload after every change
/// (its progress, and its URL once created). When the browser comes back
/// online, a retry waiting out its backoff goes at once. A message on
/// `discard` gives the take up: nothing more is sent, the server's copy is
/// deleted, and the result is [`TakeError::Discarded`].
///
/// ```no_run
/// # async fn f(stream: web_sys::MediaStream) {
/// use recorder_core::upload::{Upload, UploadConfig};
/// use recorder_core::web::{recorder::Recording, upload_driver};
/// let (recording, events) = Recording::start(&stream, 1000).unwrap();
/// let upload = Upload::new(UploadConfig::new("https://example.com/api/uploads")).unwrap();
/// let (give_up, mut discard) = futures::channel::oneshot::channel();
/// # drop(give_up);
/// let receipt = upload_driver::run(upload, events, &mut discard, |u| println!("{:?}", u.progress())).await;
/// # }
/// ```
pub async fn run(
    mut upload: Upload,
    mut events: UnboundedReceiver<RecorderEvent>,
    discard: &mut oneshot::Receiver<()>,
    mut on_progress: impl FnMut(&Upload),
) -> Result<TakeReceipt, TakeError> {
    let mut in_flight: Option<LocalBoxFuture<'static, _>> = None;
    let mut recording = true;
    let mut sha256 = None;
    let mut recorder_error = None;
    // The sender lives as long as the loop, so `online` never ends.
    let (online_sender, mut online) = futures::channel::mpsc::unbounded();
    let _online_listener = web_sys::window().map(|window| {
        let sender = online_sender.clone();
        gloo::events::EventListener::new(&window, "online", move |_| {
            let _ = sender.unbounded_send(());
        })
    });
    loop {
        let now = clock::now();
        if in_flight.is_none() {
            if let Some(request) = upload.poll_request(now) {
                let timeout = upload.timeout_for(&request);
                in_flight =
                    Some(async move { transport::send(&request, timeout).await }.boxed_local());
            }
        }
        on_progress(&upload);
        match upload.status() {
            UploadStatus::Complete => {
                if let Some(message) = recorder_error {
                    return Err(TakeError::Recorder(message));
                }
                return Ok(TakeReceipt {
                    url: upload.url().unwrap_or_default().to_string(),
                    bytes: upload.progress().recorded,
                    sha256: sha256.unwrap_or_default(),
                });
            }
            UploadStatus::Failed(error) => return Err(error.into()),
            UploadStatus::Discarded => return Err(TakeError::Discarded),
            UploadStatus::Active => {}
        }
        let response = match in_flight.as_mut() {
            Some(request) => Either::Left(request.map(Wake::Response)),
            None => Either::Right(future::pending()),
        };
        let recorder = if recording {
            Either::Left(events.next().map(Wake::Recorder))
        } else {
            Either::Right(future::pending())
        };
        let timer = match upload.poll_timeout() {
            Some(at) => Either::Left(clock::sleep(at.saturating_sub(now)).map(|()| Wake::Timer)),
            None => Either::Right(future::pending()),
        };
        let response_or_recorder = future::select(response, recorder).map(|e| e.factor_first().0);
        let timer_or_online = future::select(Box::pin(timer), online.next().map(|_| Wake::Online))
            .map(|e| e.factor_first().0);
        let asked_to_discard = if discard.is_terminated() {
            Either::Right(future::pending())
        } else {
            Either::Left((&mut *discard).map(|asked| Wake::Discard(asked.is_ok())))
        };
        let elsewhere =
            future::select(timer_or_online, asked_to_discard).map(|e| e.factor_first().0);
        let wake = future::select(response_or_recorder, elsewhere)
            .await
            .factor_first()
            .0;
        match wake {
            Wake::Response(result) => {
                in_flight = None;
                match result {
                    Ok(response) => upload.handle_response(clock::now(), response),
                    Err(_) => upload.handle_failure(clock::now()),
                }
            }
            Wake::Recorder(Some(RecorderEvent::Data(blob))) => {
                let bytes = blob_bytes(&blob)
                    .await
                    .map_err(|e| TakeError::Recorder(js_error_message(&e)))?;
                upload.handle_chunk(&bytes)?;
            }
            Wake::Recorder(Some(RecorderEvent::Error(message))) => recorder_error = Some(message),
            Wake::Recorder(Some(RecorderEvent::Stopped) | None) => {
                recording = false;
                sha256 = Some(upload.handle_end());
            }
            Wake::Discard(true) => {
                // What the recorder still hands over belongs to nobody now.
                recording = false;
                // A body still going up is of no use either: abort it (dropping
                // it aborts the fetch) and leave the uplink to the next take.
                // A creation in flight is awaited, to learn what to delete.
                if upload.url().is_some() && in_flight.take().is_some() {
                    upload.handle_failure(clock::now());
                }
                upload.discard();
            }
            Wake::Discard(false) => {}
            Wake::Online => upload.handle_online(),
            Wake::Timer => {}
        }
    }
}
