//! One writer per upload, as a lease: a request that wants an upload its
//! previous request still holds (a phone whose connection died silently
//! keeps its PATCH open) asks that request to let go, and gets the upload as
//! soon as it has (it stops reading its body and keeps what it had made
//! durable). tusd's lockers work the same way (`requestRelease`).
//!
//! [`Locker`] is what the handler needs; [`MemoryLocker`] serves one server
//! process, and [`super::shared_lock::SharedLocker`] puts PostgreSQL's
//! advisory locks behind it for several instances on one database.

use std::collections::HashMap;
use std::future::Future;
use std::pin::pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Notify;

/// Who may write an upload, as leases.
pub trait Locker: Send + Sync + 'static {
    /// The right to write one upload, until dropped.
    type Lease: UploadLease;

    /// The lease of upload `id`. If a request holds it, that request is asked
    /// to let go and has `wait` to do so; `None` if it has not by then.
    fn acquire(&self, id: &str, wait: Duration)
        -> impl Future<Output = Option<Self::Lease>> + Send;
}

/// A held lease.
pub trait UploadLease: Send + Sync {
    /// Completes when another request wants the upload: the holder should
    /// stop, keep what it made durable, and drop the lease.
    fn release_requested(&self) -> impl Future<Output = ()> + Send;
}

/// The leases of every upload being written in this process; cheap to clone.
///
/// ```
/// # async fn f() {
/// use demo_server::tus::lock::{Locker, MemoryLocker, UploadLease};
/// use std::time::Duration;
/// let locks = MemoryLocker::default();
/// let first = locks.acquire("u1", Duration::from_secs(1)).await.unwrap();
/// let holder = tokio::spawn(async move {
///     first.release_requested().await; // the first request is asked to let go...
///     drop(first); // ...and does
/// });
/// let second = locks.acquire("u1", Duration::from_secs(1)).await;
/// assert!(second.is_some());
/// # holder.await.unwrap();
/// # }
/// ```
#[derive(Clone, Default)]
pub struct MemoryLocker(Arc<Mutex<HashMap<String, Held>>>);

/// What the map knows of a lease.
struct Held {
    /// Notified when another request wants the upload.
    release: Arc<Notify>,
    /// Notified when the lease is dropped.
    gone: Arc<Notify>,
}

impl Locker for MemoryLocker {
    type Lease = Lease;

    async fn acquire(&self, id: &str, wait: Duration) -> Option<Lease> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let gone = {
                let mut held = self.0.lock().unwrap_or_else(|e| e.into_inner());
                let Some(holder) = held.get(id) else {
                    let lease = Lease {
                        locks: self.clone(),
                        id: id.to_string(),
                        release: Arc::new(Notify::new()),
                        gone: Arc::new(Notify::new()),
                    };
                    let entry = Held {
                        release: lease.release.clone(),
                        gone: lease.gone.clone(),
                    };
                    held.insert(id.to_string(), entry);
                    return Some(lease);
                };
                // A permit is kept if the holder is not listening yet.
                holder.release.notify_one();
                holder.gone.clone()
            };
            let mut dropped = pin!(gone.notified());
            // Listening before looking again: a drop in between is not missed.
            dropped.as_mut().enable();
            if self.holds(id, &gone) {
                tokio::time::timeout_at(deadline, dropped).await.ok()?;
            }
        }
    }
}

impl MemoryLocker {
    /// Asks the request holding the lease of `id`, if any, to let go (as
    /// [`Locker::acquire`] does, for a request of another instance).
    ///
    /// ```
    /// # async fn f() {
    /// use demo_server::tus::lock::{Locker, MemoryLocker, UploadLease};
    /// let locks = MemoryLocker::default();
    /// let lease = locks.acquire("u1", std::time::Duration::ZERO).await.unwrap();
    /// locks.ask_to_release("u1");
    /// lease.release_requested().await;
    /// # }
    /// ```
    pub fn ask_to_release(&self, id: &str) {
        let held = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(holder) = held.get(id) {
            holder.release.notify_one();
        }
    }

    /// Whether the lease of `id` is still the one whose drop notifies `gone`.
    fn holds(&self, id: &str, gone: &Arc<Notify>) -> bool {
        let held = self.0.lock().unwrap_or_else(|e| e.into_inner());
        held.get(id).is_some_and(|h| Arc::ptr_eq(&h.gone, gone))
    }
}

/// A [`MemoryLocker`]'s lease.
pub struct Lease {
    locks: MemoryLocker,
    id: String,
    release: Arc<Notify>,
    gone: Arc<Notify>,
}

impl UploadLease for Lease {
    async fn release_requested(&self) {
        self.release.notified().await;
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        let mut held = self.locks.0.lock().unwrap_or_else(|e| e.into_inner());
        if held
            .get(&self.id)
            .is_some_and(|h| Arc::ptr_eq(&h.gone, &self.gone))
        {
            held.remove(&self.id);
        }
        self.gone.notify_waiters();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_holder_that_does_not_let_go_keeps_the_upload() {
        let locks = MemoryLocker::default();
        let _stubborn = locks.acquire("u", Duration::from_secs(1)).await.unwrap();
        assert!(locks
            .acquire("u", Duration::from_millis(50))
            .await
            .is_none());
        assert!(locks.acquire("other", Duration::ZERO).await.is_some());
    }

    #[tokio::test]
    async fn a_released_upload_is_taken_at_once_and_the_map_forgets_it() {
        let locks = MemoryLocker::default();
        drop(locks.acquire("u", Duration::ZERO).await.unwrap());
        let again = locks.acquire("u", Duration::ZERO).await.unwrap();
        drop(again);
        assert!(locks.0.lock().unwrap().is_empty());
    }

    #[tokio::test]
    async fn a_release_asked_before_the_holder_listens_is_not_lost() {
        let locks = MemoryLocker::default();
        let first = locks.acquire("u", Duration::ZERO).await.unwrap();
        let waiting = {
            let locks = locks.clone();
            tokio::spawn(async move { locks.acquire("u", Duration::from_secs(5)).await.is_some() })
        };
        tokio::time::sleep(Duration::from_millis(50)).await;
        first.release_requested().await;
        drop(first);
        assert!(waiting.await.unwrap());
    }
}
