//! Where a take's bytes are kept durably on the candidate's device until the
//! server has all of them: a reload, a crash or a closed tab loses nothing.
//!
//! The widget writes each recorded chunk here before handing it to the
//! uploader; after a reload, [`TakeStore::takes`] returns what is unfinished,
//! to be resumed with [`crate::upload::Upload::resume`].
//!
//! ```
//! use recorder_core::take_store::{MemoryTakeStore, TakeInfo, TakeStore};
//! # futures_executor::block_on(async {
//! let store = MemoryTakeStore::default();
//! let info = TakeInfo { question: "q1".into(), mime_type: "video/webm".into(), ..Default::default() };
//! store.describe("take-1", &info).await.unwrap();
//! store.append("take-1", 0, b"webm").await.unwrap();
//! let takes = store.takes().await.unwrap();
//! assert_eq!(takes[0].bytes(), b"webm");
//! # });
//! ```

use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// What is known about a stored take besides its bytes.
///
/// ```
/// let info = recorder_core::take_store::TakeInfo::default();
/// assert!(info.upload_url.is_none() && !info.finished && !info.given_up);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TakeInfo {
    /// The question it answers.
    pub question: String,
    /// The recording type.
    pub mime_type: String,
    /// The tus upload URL, once the server created it.
    pub upload_url: Option<String>,
    /// Whether recording ended (the length is known).
    pub finished: bool,
    /// Given up for a retake: its server copy is still to be deleted, and
    /// it is never shown or submitted again.
    #[serde(default)]
    pub given_up: bool,
    /// Recorded by the device's camera app ([`crate::camera_app`]).
    #[serde(default)]
    pub camera_app: bool,
}

/// A take as stored: its description and its chunks in order.
///
/// ```
/// use recorder_core::take_store::{StoredTake, TakeInfo};
/// let take = StoredTake { key: "k".into(), info: TakeInfo::default(), chunks: vec![b"ab".to_vec(), b"c".to_vec()] };
/// assert_eq!(take.bytes(), b"abc");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoredTake {
    /// The take's key.
    pub key: String,
    /// Its description.
    pub info: TakeInfo,
    /// Its chunks, in recording order.
    pub chunks: Vec<Vec<u8>>,
}

impl StoredTake {
    /// The whole take so far.
    ///
    /// ```
    /// assert!(recorder_core::take_store::StoredTake::default().bytes().is_empty());
    /// ```
    pub fn bytes(&self) -> Vec<u8> {
        self.chunks.concat()
    }
}

/// Durable storage of takes. Implementations: [`MemoryTakeStore`] (tests,
/// and where nothing better exists) and an IndexedDB store in `web`.
///
/// ```
/// use recorder_core::take_store::{MemoryTakeStore, TakeStore};
/// async fn keep(store: &impl TakeStore, chunk: &[u8]) -> bool {
///     store.append("take", 0, chunk).await.is_ok()
/// }
/// assert!(futures_executor::block_on(keep(&MemoryTakeStore::default(), b"x")));
/// ```
// Futures here run on one thread (the page's), so no Send bounds are promised.
#[allow(async_fn_in_trait)]
pub trait TakeStore {
    /// Why the storage failed.
    type Error: std::fmt::Display;

    /// Saves (or replaces) a take's description.
    async fn describe(&self, key: &str, info: &TakeInfo) -> Result<(), Self::Error>;

    /// Stores chunk number `index` (from 0, in recording order) of a take.
    /// Returns only once the chunk is durable.
    async fn append(&self, key: &str, index: u32, bytes: &[u8]) -> Result<(), Self::Error>;

    /// Every stored take, with its chunks in order.
    async fn takes(&self) -> Result<Vec<StoredTake>, Self::Error>;

    /// Forgets a take and its bytes (the server has them all, or it was discarded).
    async fn remove(&self, key: &str) -> Result<(), Self::Error>;
}

/// A [`TakeStore`] in memory: it lives as long as the page.
///
/// ```
/// use recorder_core::take_store::{MemoryTakeStore, TakeStore};
/// # futures_executor::block_on(async {
/// let store = MemoryTakeStore::default();
/// store.append("k", 0, b"x").await.unwrap();
/// store.remove("k").await.unwrap();
/// assert!(store.takes().await.unwrap().is_empty());
/// # });
/// ```
#[derive(Debug, Default)]
pub struct MemoryTakeStore {
    takes: RefCell<BTreeMap<String, MemoryTake>>,
}

/// A take's description and its chunks by index.
type MemoryTake = (TakeInfo, BTreeMap<u32, Vec<u8>>);

impl TakeStore for MemoryTakeStore {
    type Error = std::convert::Infallible;

    async fn describe(&self, key: &str, info: &TakeInfo) -> Result<(), Self::Error> {
        self.takes
            .borrow_mut()
            .entry(key.to_string())
            .or_default()
            .0 = info.clone();
        Ok(())
    }

    async fn append(&self, key: &str, index: u32, bytes: &[u8]) -> Result<(), Self::Error> {
        let mut takes = self.takes.borrow_mut();
        let chunks = &mut takes.entry(key.to_string()).or_default().1;
        chunks.insert(index, bytes.to_vec());
        Ok(())
    }

    async fn takes(&self) -> Result<Vec<StoredTake>, Self::Error> {
        Ok(self
            .takes
            .borrow()
            .iter()
            .map(|(key, (info, chunks))| StoredTake {
                key: key.clone(),
                info: info.clone(),
                chunks: chunks.values().cloned().collect(),
            })
            .collect())
    }

    async fn remove(&self, key: &str) -> Result<(), Self::Error> {
        self.takes.borrow_mut().remove(key);
        Ok(())
    }
}
