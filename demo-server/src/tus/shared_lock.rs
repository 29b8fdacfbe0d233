//! One writer per upload across every instance on one PostgreSQL database:
//! this instance's [`MemoryLocker`] first (its own requests take over from
//! each other as before), then the upload's advisory lock in the database.
//! An instance that holds it is asked to let go (`NOTIFY`), as a request of
//! this instance would be; one that died holds nothing (its connection
//! closed). On SQLite, which one process serves, only the first step runs.

use super::lock::{Lease, Locker, MemoryLocker, UploadLease};
use crate::db::{AdvisoryLocks, HeldKey};
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::Instant;

/// First pause between two tries of a lock another instance holds; it
/// doubles up to [`LONGEST_PAUSE`].
const FIRST_PAUSE: Duration = Duration::from_millis(5);
const LONGEST_PAUSE: Duration = Duration::from_millis(100);

/// How often the holding instance is asked again (a request can be lost
/// while its listener reconnects).
const ASK_AGAIN_AFTER: Duration = Duration::from_secs(1);

/// The leases of this instance, and across instances when the database is
/// PostgreSQL; cheap to clone.
///
/// ```
/// # async fn f() {
/// use demo_server::tus::lock::Locker;
/// use demo_server::tus::shared_lock::SharedLocker;
/// let locks = SharedLocker::new(None); // one process: SQLite
/// let lease = locks.acquire("u1", std::time::Duration::from_secs(1)).await;
/// assert!(lease.is_some());
/// # }
/// ```
#[derive(Clone)]
pub struct SharedLocker {
    local: MemoryLocker,
    shared: Option<AdvisoryLocks>,
    /// Uploads whose requests here wait for the database's lock: they hold
    /// nothing another instance could ask for (their own asks come back to
    /// this instance too, and must not stop them).
    waiting: Arc<Mutex<HashSet<String>>>,
}

impl SharedLocker {
    /// Leases for this instance, shared through the PostgreSQL database at
    /// `postgres_url` if given. Needs a tokio runtime.
    pub fn new(postgres_url: Option<&str>) -> SharedLocker {
        let local = MemoryLocker::default();
        let waiting: Arc<Mutex<HashSet<String>>> = Arc::default();
        let shared = postgres_url.map(|url| {
            let (local, waiting) = (local.clone(), waiting.clone());
            AdvisoryLocks::start(url, move |id| {
                let waiting = waiting.lock().unwrap_or_else(|e| e.into_inner());
                if !waiting.contains(id) {
                    local.ask_to_release(id);
                }
            })
        });
        SharedLocker {
            local,
            shared,
            waiting,
        }
    }
}

impl Locker for SharedLocker {
    type Lease = SharedLease;

    async fn acquire(&self, id: &str, wait: Duration) -> Option<SharedLease> {
        let deadline = Instant::now() + wait;
        let local = self.local.acquire(id, wait).await?;
        let Some(shared) = &self.shared else {
            return Some(SharedLease { held: None, local });
        };
        let key = lock_key(id);
        let (mut pause, mut asked_at) = (FIRST_PAUSE, None::<Instant>);
        let _waiting = WaitingFor::new(&self.waiting, id);
        loop {
            match shared.try_lock(key).await {
                Ok(Some(held)) => {
                    return Some(SharedLease {
                        held: Some(held),
                        local,
                    })
                }
                Ok(None) => {}
                Err(error) => {
                    tracing::warn!(%error, upload = id, "cannot lock the upload in the database");
                    return None;
                }
            }
            if asked_at.is_none_or(|at| at.elapsed() >= ASK_AGAIN_AFTER) {
                shared.ask_release(id);
                asked_at = Some(Instant::now());
            }
            if Instant::now() + pause > deadline {
                return None;
            }
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(LONGEST_PAUSE);
        }
    }
}

/// Marks upload `id` as waited for here, until dropped.
struct WaitingFor<'a> {
    waiting: &'a Mutex<HashSet<String>>,
    id: String,
}

impl<'a> WaitingFor<'a> {
    fn new(waiting: &'a Mutex<HashSet<String>>, id: &str) -> WaitingFor<'a> {
        let mut set = waiting.lock().unwrap_or_else(|e| e.into_inner());
        set.insert(id.to_string());
        WaitingFor {
            waiting,
            id: id.to_string(),
        }
    }
}

impl Drop for WaitingFor<'_> {
    fn drop(&mut self) {
        let mut set = self.waiting.lock().unwrap_or_else(|e| e.into_inner());
        set.remove(&self.id);
    }
}

/// The advisory lock's key for upload `id`: 64 bits of its sha256 (ids are
/// random, so two uploads share a key about never; if they did, each would
/// only wait for the other).
fn lock_key(id: &str) -> i64 {
    let digest = Sha256::digest(id.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    i64::from_be_bytes(first)
}

/// A [`SharedLocker`]'s lease: the database's lock (if shared) and this
/// instance's, freed in that order when dropped.
pub struct SharedLease {
    held: Option<HeldKey>,
    local: Lease,
}

impl UploadLease for SharedLease {
    /// Another request of this instance or of another wants the upload, or
    /// the database's lock was lost with its connection.
    async fn release_requested(&self) {
        match &self.held {
            None => self.local.release_requested().await,
            Some(held) => {
                tokio::select! {
                    () = self.local.release_requested() => {}
                    () = held.lost() => {}
                }
            }
        }
    }
}
