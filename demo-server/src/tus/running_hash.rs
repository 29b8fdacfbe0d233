//! The sha256 of each upload so far, kept in memory between PATCHes, so that
//! completing a take does not read the whole file again. After a restart (or
//! anything unexpected) there is none, and the file is hashed from disk.

use sha2::Sha256;
use std::collections::HashMap;
use std::sync::Mutex;

/// Running hashes by upload id: (bytes hashed, hasher).
///
/// ```
/// use demo_server::tus::running_hash::RunningHashes;
/// use sha2::Digest;
/// let hashes = RunningHashes::default();
/// let mut hasher = hashes.resume("u1", 0).unwrap();
/// hasher.update(b"abc");
/// hashes.keep("u1", 3, hasher);
/// assert!(hashes.resume("u1", 2).is_none(), "another offset: unknown, and forgotten");
/// assert!(hashes.resume("u1", 3).is_none());
/// ```
#[derive(Default)]
pub struct RunningHashes(Mutex<HashMap<String, (u64, Sha256)>>);

impl RunningHashes {
    /// The hash of upload `id`'s first `offset` bytes, taken out of the map
    /// (a fresh one at offset 0); `None` if unknown.
    ///
    /// ```
    /// let hashes = demo_server::tus::running_hash::RunningHashes::default();
    /// assert!(hashes.resume("u1", 0).is_some());
    /// assert!(hashes.resume("u1", 10).is_none());
    /// ```
    pub fn resume(&self, id: &str, offset: u64) -> Option<Sha256> {
        let kept = self.map().remove(id);
        if offset == 0 {
            return Some(Sha256::default());
        }
        kept.filter(|(hashed, _)| *hashed == offset)
            .map(|(_, hasher)| hasher)
    }

    /// Keeps the hash of upload `id`'s first `offset` bytes for its next PATCH.
    ///
    /// ```
    /// let hashes = demo_server::tus::running_hash::RunningHashes::default();
    /// hashes.keep("u1", 0, Default::default());
    /// assert!(hashes.resume("u1", 0).is_some());
    /// ```
    pub fn keep(&self, id: &str, offset: u64, hasher: Sha256) {
        self.map().insert(id.to_string(), (offset, hasher));
    }

    /// Forgets upload `id` (completed or deleted).
    ///
    /// ```
    /// let hashes = demo_server::tus::running_hash::RunningHashes::default();
    /// hashes.keep("u1", 5, Default::default());
    /// hashes.forget("u1");
    /// assert!(hashes.resume("u1", 5).is_none());
    /// ```
    pub fn forget(&self, id: &str) {
        self.map().remove(id);
    }

    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<String, (u64, Sha256)>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}
