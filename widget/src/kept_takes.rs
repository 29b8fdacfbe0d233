//! Answer takes kept on the candidate's device (IndexedDB) until the server
//! has every byte: a reload, a crash or a closed tab loses nothing, and the
//! take resumes when the invite link is opened again.

use recorder_core::take_store::{StoredTake, TakeInfo, TakeStore};
use recorder_core::web::indexed_db_store::IndexedDbTakeStore;
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

    /// This invite's newest kept take, if any (keys from before start times
    /// were in them count as oldest).
    pub async fn unfinished(&self) -> Option<StoredTake> {
        let store = self.store.as_ref()?;
        let prefix = format!("{}:", self.invite);
        let takes = store.takes().await.ok()?;
        takes
            .into_iter()
            .filter_map(|take| {
                let rest = take.key.strip_prefix(&prefix)?;
                let started = rest.split(':').next()?.parse::<u64>().unwrap_or(0);
                Some((started, take))
            })
            .max_by_key(|(started, _)| *started)
            .map(|(_, take)| take)
    }

    /// Saves what is known of a take.
    pub async fn describe(&self, key: &str, info: &TakeInfo) {
        if let Some(store) = &self.store {
            // Losing the description loses only the resume after a reload, not the upload.
            let _ = store.describe(key, info).await;
        }
    }

    /// Keeps chunk `index` of a take; returns once it is durable.
    pub async fn append(&self, key: &str, index: u32, bytes: &[u8]) {
        if let Some(store) = &self.store {
            let _ = store.append(key, index, bytes).await;
        }
    }

    /// Forgets a take the server has whole.
    pub async fn forget(&self, key: &str) {
        if let Some(store) = &self.store {
            let _ = store.remove(key).await;
        }
    }
}
