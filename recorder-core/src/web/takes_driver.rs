//! Runs a [`Takes`] in the browser: its requests with `fetch` (several takes
//! at once, one request each), its chunks and descriptions into a
//! [`TakeStore`] one after another, its retries when due or when the
//! browser is back online. No decisions here: the coordinator makes them.

use super::{clock, transport};
use crate::http::HttpResponse;
use crate::take_store::TakeStore;
use crate::takes::{TakeAction, TakeEvent, TakeId, Takes};
use crate::upload::Progress;
use futures::channel::mpsc::{self, UnboundedReceiver, UnboundedSender};
use futures::future::{self, LocalBoxFuture};
use futures::{FutureExt, StreamExt};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::rc::Rc;
use std::task::Poll;
use wasm_bindgen::JsCast;

/// The widget's hold on the running coordinator: every change goes through
/// [`TakesHandle::update`], which wakes the driver to act on it.
///
/// ```no_run
/// # fn f(handle: recorder_core::web::takes_driver::TakesHandle, take: recorder_core::takes::TakeId) {
/// handle.update(|takes| takes.handle_stopped(take));
/// # }
/// ```
#[derive(Clone)]
pub struct TakesHandle {
    takes: Rc<RefCell<Takes>>,
    wake: UnboundedSender<()>,
}

impl TakesHandle {
    /// Changes the coordinator (an event in) and lets the driver carry out
    /// what follows. The driver's callbacks may call it: they run with the
    /// coordinator released.
    ///
    /// ```no_run
    /// # fn f(handle: recorder_core::web::takes_driver::TakesHandle) {
    /// let shown = handle.update(|takes| takes.shown());
    /// # }
    /// ```
    pub fn update<R>(&self, change: impl FnOnce(&mut Takes) -> R) -> R {
        let result = change(&mut self.takes.borrow_mut());
        let _ = self.wake.unbounded_send(());
        result
    }
}

/// What the candidate sees of the takes, after every change.
///
/// ```
/// let view = recorder_core::web::takes_driver::TakesView::default();
/// assert!(view.shown.is_none() && !view.unsent);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TakesView {
    /// The take the candidate sees.
    pub shown: Option<TakeId>,
    /// Its progress.
    pub progress: Option<Progress>,
    /// Whether some take still has bytes the server does not.
    pub unsent: bool,
    /// The device refused to keep the last chunk (its storage is full, or
    /// there is none): until the server has them, the bytes live only in
    /// this page.
    pub unkept: bool,
}

/// What woke the driver.
enum Wake {
    Answer(TakeId, Result<HttpResponse, transport::TransportError>),
    Stored(Option<(TakeId, u32, bool)>),
    Timer,
    Online,
    Changed,
    HandleDropped,
    Leaving,
}

/// Starts driving `takes`: returns the handle to change it and the future
/// that does the work (run it as long as the recorder is on the page;
/// dropping it aborts every request in flight). `on_event` hears each
/// [`TakeEvent`], `on_change` what the candidate sees, both with the
/// coordinator released (they may call [`TakesHandle::update`]).
///
/// ```no_run
/// use recorder_core::take_store::MemoryTakeStore;
/// use recorder_core::takes::Takes;
/// use recorder_core::upload::UploadConfig;
/// use recorder_core::web::takes_driver;
/// let takes = Takes::new(UploadConfig::new("https://example.com/uploads")).unwrap();
/// let (handle, work) = takes_driver::drive(takes, MemoryTakeStore::default(), |event| println!("{event:?}"), |_| {});
/// wasm_bindgen_futures::spawn_local(work);
/// # drop(handle);
/// ```
pub fn drive<S: TakeStore + 'static>(
    takes: Takes,
    store: S,
    on_event: impl FnMut(TakeEvent) + 'static,
    on_change: impl FnMut(TakesView) + 'static,
) -> (TakesHandle, impl Future<Output = ()>) {
    let (wake, woken) = mpsc::unbounded();
    let takes = Rc::new(RefCell::new(takes));
    let handle = TakesHandle {
        takes: takes.clone(),
        wake,
    };
    (handle, run(takes, woken, store, on_event, on_change))
}

async fn run<S: TakeStore>(
    shared: Rc<RefCell<Takes>>,
    mut woken: UnboundedReceiver<()>,
    store: S,
    mut on_event: impl FnMut(TakeEvent),
    mut on_change: impl FnMut(TakesView),
) {
    // Each take's request in flight; dropping one aborts its fetch.
    let mut in_flight: Vec<(TakeId, Exchange)> = Vec::new();
    let mut device: VecDeque<TakeAction> = VecDeque::new();
    let mut storing: Option<LocalBoxFuture<'_, Option<(TakeId, u32, bool)>>> = None;
    // Whether the device refused the last chunk.
    let mut unkept = false;
    // The sender lives as long as the loop, so `online` never ends.
    let (online_sender, mut online) = mpsc::unbounded();
    let _online_listener = web_sys::window().map(|window| {
        let sender = online_sender.clone();
        gloo::events::EventListener::new(&window, "online", move |_| {
            let _ = sender.unbounded_send(());
        })
    });
    // A page going away for good (not into the back-forward cache) sends
    // nothing more: a request begun while it closes (say, as the connection
    // comes back) would be cut off, leaving a stray upload on the server.
    // What the device keeps goes on at the next visit.
    let (leaving_sender, mut leaving) = mpsc::unbounded();
    let _leaving_listener = web_sys::window().map(|window| {
        let sender = leaving_sender.clone();
        gloo::events::EventListener::new(&window, "pagehide", move |event| {
            let persisted = event
                .dyn_ref::<web_sys::PageTransitionEvent>()
                .is_some_and(web_sys::PageTransitionEvent::persisted);
            if !persisted {
                let _ = sender.unbounded_send(());
            }
        })
    });
    loop {
        let (events, view, timeout) = {
            let mut takes = shared.borrow_mut();
            let now = clock::now();
            // Aborts first: they are about requests already in flight, not the ones polled next.
            drain_actions(&mut takes, &mut in_flight, &mut device);
            while let Some(out) = takes.poll_request(now) {
                let exchange = async move { transport::send(&out.request, out.timeout).await };
                in_flight.push((out.take, exchange.boxed_local()));
            }
            // Polling may end a take (Forget).
            drain_actions(&mut takes, &mut in_flight, &mut device);
            let events: Vec<TakeEvent> = std::iter::from_fn(|| takes.poll_event()).collect();
            let shown = takes.shown();
            let view = TakesView {
                shown,
                progress: shown.and_then(|take| takes.progress(take)),
                unsent: takes.has_unsent(),
                unkept,
            };
            (events, view, takes.poll_timeout())
        };
        on_change(view);
        for event in events {
            on_event(event);
        }
        if storing.is_none() {
            storing = device
                .pop_front()
                .map(|action| perform(&store, action).boxed_local());
        }
        let mut timer =
            timeout.map(|at| clock::sleep(at.saturating_sub(clock::now())).boxed_local());
        let wake = future::poll_fn(|cx| {
            for index in 0..in_flight.len() {
                if let Poll::Ready(answer) = in_flight[index].1.poll_unpin(cx) {
                    let (take, _) = in_flight.swap_remove(index);
                    return Poll::Ready(Wake::Answer(take, answer));
                }
            }
            if let Some(Poll::Ready(done)) = storing.as_mut().map(|work| work.poll_unpin(cx)) {
                return Poll::Ready(Wake::Stored(done));
            }
            if let Some(Poll::Ready(())) = timer.as_mut().map(|timer| timer.poll_unpin(cx)) {
                return Poll::Ready(Wake::Timer);
            }
            if online.poll_next_unpin(cx).is_ready() {
                return Poll::Ready(Wake::Online);
            }
            if leaving.poll_next_unpin(cx).is_ready() {
                return Poll::Ready(Wake::Leaving);
            }
            woken.poll_next_unpin(cx).map(|changed| match changed {
                Some(()) => Wake::Changed,
                None => Wake::HandleDropped,
            })
        })
        .await;
        let mut takes = shared.borrow_mut();
        let now = clock::now();
        match wake {
            Wake::Answer(take, Ok(response)) => takes.handle_response(take, now, response),
            Wake::Answer(take, Err(_)) => takes.handle_failure(take, now),
            Wake::Stored(done) => {
                storing = None;
                if let Some((take, index, kept)) = done {
                    unkept = !kept;
                    takes.handle_stored(take, index);
                }
            }
            Wake::Online => takes.handle_online(),
            Wake::HandleDropped | Wake::Leaving => return,
            Wake::Timer | Wake::Changed => {}
        }
    }
}

/// A request on its way, with its answer or why there was none.
type Exchange = LocalBoxFuture<'static, Result<HttpResponse, transport::TransportError>>;

/// Takes the coordinator's actions: an abort drops the take's request (which
/// aborts its fetch) at once, the device's go in order.
fn drain_actions(
    takes: &mut Takes,
    in_flight: &mut Vec<(TakeId, Exchange)>,
    device: &mut VecDeque<TakeAction>,
) {
    while let Some(action) = takes.poll_action() {
        match action {
            TakeAction::Abort(take) => in_flight.retain(|(id, _)| *id != take),
            other => device.push_back(other),
        }
    }
}

/// Carries out one thing on the device. A failure to store loses only the
/// resume after a reload, not the upload: the chunk is handed on all the
/// same, in memory until the server has it. A chunk handed on is told as
/// (take, index, whether the device kept it).
async fn perform<S: TakeStore>(store: &S, action: TakeAction) -> Option<(TakeId, u32, bool)> {
    match action {
        TakeAction::Store {
            take,
            key,
            index,
            bytes,
        } => {
            let kept = store.append(&key, index, &bytes).await.is_ok();
            Some((take, index, kept))
        }
        TakeAction::Describe { key, info } => {
            let _ = store.describe(&key, &info).await;
            None
        }
        TakeAction::Forget { key } => {
            let _ = store.remove(&key).await;
            None
        }
        TakeAction::Abort(_) => None,
    }
}
