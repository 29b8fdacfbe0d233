//! The futures a recorder runs (loading, uploads, reveals, submits), ended
//! with it: when the recorder leaves the page, every one still pending is
//! cancelled before it can touch what the recorder has let go of.

use futures::future::{AbortHandle, Abortable};
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// The pending futures of one recorder. Dropping the set cancels them all;
/// kept in the recorder's reactive arena, it drops when the recorder unmounts.
///
/// ```ignore
/// let tasks = TaskSet::default();
/// tasks.spawn(async { /* fetch, then update signals */ });
/// drop(tasks); // the fetch is abandoned; its continuation never runs
/// ```
#[derive(Default)]
pub struct TaskSet {
    pending: Rc<RefCell<Pending>>,
}

/// A handful at a time: a list is smaller in the wasm than a map.
#[derive(Default)]
struct Pending {
    next: u64,
    handles: Vec<(u64, AbortHandle)>,
}

impl TaskSet {
    /// Runs `task` on the browser's event loop until it ends or the set is dropped.
    pub fn spawn(&self, task: impl Future<Output = ()> + 'static) {
        self.run(Box::pin(task));
    }

    /// [`TaskSet::spawn`] for any task, compiled once (not once per kind of task).
    fn run(&self, task: Pin<Box<dyn Future<Output = ()>>>) {
        let (handle, registration) = AbortHandle::new_pair();
        let id = {
            let mut pending = self.pending.borrow_mut();
            pending.next += 1;
            let id = pending.next;
            pending.handles.push((id, handle));
            id
        };
        let pending = Rc::downgrade(&self.pending);
        wasm_bindgen_futures::spawn_local(async move {
            let _ = Abortable::new(task, registration).await;
            if let Some(pending) = pending.upgrade() {
                pending
                    .borrow_mut()
                    .handles
                    .retain(|(other, _)| *other != id);
            }
        });
    }
}

impl Drop for TaskSet {
    fn drop(&mut self) {
        for (_, handle) in self.pending.borrow_mut().handles.drain(..) {
            handle.abort();
        }
    }
}
