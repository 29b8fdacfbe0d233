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

    /// This invite's kept takes, oldest first (keys from before start
    /// times were in them count as oldest).
    pub async fn of_invite(&self) -> Vec<StoredTake> {
        let prefix = format!("{}:", self.invite);
        let mut takes: Vec<(u64, StoredTake)> = self
            .takes()
            .await
            .unwrap_or_default()
            .into_iter()
            .filter_map(|take| {
                let rest = take.key.strip_prefix(&prefix)?;
                let started = rest.split(':').next()?.parse::<u64>().unwrap_or(0);
                Some((started, take))
            })
            .collect();
        takes.sort_by_key(|(started, _)| *started);
        takes.into_iter().map(|(_, take)| take).collect()
    }
}

/// Without IndexedDB, nothing is kept and nothing fails: the take lives as
/// long as the page, and recording still works.
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
            None => Ok(()),
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
