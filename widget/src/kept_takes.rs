//! Answer takes kept on the candidate's device (IndexedDB) until the server
//! has every byte: a reload, a crash or a closed tab loses nothing, and the
//! take resumes when the invite link is opened again.

use recorder_core::take_store::{StoredTake, TakeInfo, TakeStore};
use recorder_core::web::indexed_db_store::{IndexedDbTakeStore, StoreError};
use std::rc::Rc;

const DATABASE: &str = "interview-recorder";

/// The takes of one invite on this device.
#[derive(Clone)]
pub struct KeptTakes {
    store: Option<Rc<IndexedDbTakeStore>>,
    invite: String,
}

impl KeptTakes {
    /// Opens the device's store; without IndexedDB (some private modes) takes
    /// are only kept in memory, and recording still works.
    pub async fn open(invite: &str) -> KeptTakes {
        // Asks the browser not to clear this site's storage when space runs
        // low, so that a take survives until it is uploaded. Whatever the
        // answer, recording goes on.
        if let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) {
            let _ = storage.persist();
        }
        KeptTakes {
            store: IndexedDbTakeStore::open(DATABASE).await.ok().map(Rc::new),
            invite: invite.to_string(),
        }
    }

    /// A key for a new take of `question`; keys sort by when their take started.
    pub fn new_key(&self, question: &str) -> String {
        let started = js_sys::Date::now() as u64;
        let nonce = (js_sys::Math::random() * 1e6) as u64;
        format!("{}:{started:013}:{question}:{nonce}", self.invite)
    }

    /// This invite's kept takes.
    pub async fn of_invite(&self) -> Vec<StoredTake> {
        let prefix = format!("{}:", self.invite);
        let mut takes = self.takes().await.unwrap_or_default();
        takes.retain(|take| take.key.starts_with(&prefix));
        takes
    }

    /// When the take kept as `key` started (keys from before start times
    /// were in them count as oldest).
    pub fn started(&self, key: &str) -> u64 {
        key.strip_prefix(&self.invite)
            .and_then(|rest| rest.strip_prefix(':')?.split(':').next()?.parse().ok())
            .unwrap_or(0)
    }
}

/// Without IndexedDB, nothing is kept: a chunk is refused (so that the
/// candidate is told to keep the page open), the take lives as long as the
/// page, and recording still works.
impl TakeStore for KeptTakes {
    type Error = StoreError;

    async fn describe(&self, key: &str, info: &TakeInfo) -> Result<(), StoreError> {
        match &self.store {
            Some(store) => store.describe(key, info).await,
            None => Ok(()),
        }
    }

    async fn append(&self, key: &str, index: u32, bytes: &[u8]) -> Result<(), StoreError> {
        match &self.store {
            Some(store) => store.append(key, index, bytes).await,
            None => Err(StoreError::Unavailable),
        }
    }

    async fn takes(&self) -> Result<Vec<StoredTake>, StoreError> {
        match &self.store {
            Some(store) => store.takes().await,
            None => Ok(Vec::new()),
        }
    }

    async fn remove(&self, key: &str) -> Result<(), StoreError> {
        match &self.store {
            Some(store) => store.remove(key).await,
            None => Ok(()),
        }
    }
}
