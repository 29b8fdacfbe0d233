//! Where uploads' bytes live, as tusd's `DataStore`: the protocol handler
//! says what to do, a store does it. Files in a folder
//! ([`super::file_store::FileStore`]), or objects in an S3-compatible store
//! ([`super::s3_store::S3Store`], appends as multipart parts, as tusd's
//! s3store does).

use super::checksum::ExpectedChecksum;
use crate::db::UploadRow;
use axum::body::Body;
use sha2::Sha256;
use std::future::Future;
use std::time::{Duration, SystemTime};

/// Why an append stopped before the body ended.
#[derive(Debug)]
pub enum AppendStop {
    /// The body went past its limit; nothing of it was kept.
    OverLimit,
    /// The client's body stream broke (disconnect, or silence).
    Body(String),
    /// Another request took the upload over (this one had gone quiet).
    TakenOver,
    /// The body did not match its checksum; nothing was kept.
    ChecksumMismatch,
    /// The store failed (a full disk, say); nothing of the body was kept.
    Io(std::io::Error),
}

/// What a body may be: at most `limit` bytes, never silent for longer than
/// `idle`, and matching `checksum` if the client sent one.
pub struct Expected {
    /// The most bytes it may have.
    pub limit: u64,
    /// The longest silence between two of its pieces.
    pub idle: Duration,
    /// What it must hash to.
    pub checksum: Option<ExpectedChecksum>,
}

/// Something in the store that belongs to an upload (its bytes, or what was
/// made from them), for the sweep of what no upload owns any more.
#[derive(Debug, PartialEq, Eq)]
pub struct Stored {
    /// The upload it belongs to.
    pub upload_id: String,
    /// Its name in the store.
    pub key: String,
    /// Whether it serves only while the upload is written (an object
    /// store's pieces and record of parts): once the upload is complete,
    /// no one owns it.
    pub working: bool,
}

/// A place for uploads' bytes. Each upload is known by its row (`id`,
/// `filetype`); offsets and lengths are the handler's to keep.
pub trait DataStore: Send + Sync + 'static {
    /// The tus extensions that depend on the store, of those it supports
    /// (the handler advertises them with its own).
    const EXTENSIONS: &'static [&'static str];

    /// Free space for new uploads, in bytes (`u64::MAX` if it cannot tell).
    fn free_bytes(&self) -> std::io::Result<u64>;

    /// Makes the empty upload, durably.
    fn create(&self, upload: &UploadRow) -> impl Future<Output = std::io::Result<()>> + Send;

    /// Appends `body` at `offset` as `expected` says, until it ends, breaks
    /// off, goes quiet, or `released` completes (another request wants the
    /// upload); makes what it keeps durable and returns how many bytes that
    /// is, and why it stopped early. A body refused (too long, a checksum
    /// that does not match, a failed write) keeps nothing, and nothing past
    /// `offset` stays in the store. `digest`, the running sha256 of the
    /// bytes before `offset`, takes in the bytes kept; `None` if it cannot
    /// be trusted.
    fn append(
        &self,
        upload: &UploadRow,
        offset: u64,
        body: Body,
        expected: Expected,
        released: impl Future<Output = ()> + Send,
        digest: &mut Option<Sha256>,
    ) -> impl Future<Output = (u64, Result<(), AppendStop>)> + Send;

    /// Its last byte is here, `length` bytes in all: whatever the store does
    /// to make a whole of the pieces (an object store completes its
    /// multipart upload). Runs after the last append's answer, the upload
    /// recorded complete; again by whoever needs the whole if that one could
    /// not (a crash, a failed request), and before the hash of an upload
    /// whose running hash was lost. So it is a no-op once done, and two at
    /// once (two instances) end in the same whole.
    fn finish(
        &self,
        upload: &UploadRow,
        length: u64,
    ) -> impl Future<Output = std::io::Result<()>> + Send;

    /// Whether [`DataStore::settle`] does anything: the handler then runs
    /// it, and waits for it, under a lock of its own (none for files).
    fn settles(&self) -> bool;

    /// Whether a settle at `offset` would do anything, asking nothing of
    /// the store (what this instance knows may say yes when another did it
    /// already; never no when there is work): the handler takes the settle's
    /// lock only then. Each PATCH ends with this question.
    ///
    /// ```
    /// use demo_server::tus::store::DataStore;
    /// let store = demo_server::tus::file_store::FileStore::new("media".into());
    /// let upload = demo_server::db::UploadRow::default();
    /// assert!(!store.has_to_settle(&upload, 1 << 30));
    /// ```
    fn has_to_settle(&self, upload: &UploadRow, offset: u64) -> bool;

    /// What may follow an append's answer: the database holds `offset`.
    /// The next append may run meanwhile (past `offset`); the handler runs
    /// one settle of an upload at a time, and its finish and termination
    /// after it. An object store turns its pieces into parts here, off the
    /// candidate's wait; files have nothing left to do.
    ///
    /// ```
    /// # async fn f() -> std::io::Result<()> {
    /// use demo_server::tus::store::DataStore;
    /// let store = demo_server::tus::file_store::FileStore::new("media".into());
    /// let upload = demo_server::db::UploadRow { id: "0123456789abcdef0123456789abcdef".into(), ..Default::default() };
    /// store.settle(&upload, 1024).await?;
    /// # Ok(()) }
    /// ```
    fn settle(
        &self,
        upload: &UploadRow,
        offset: u64,
    ) -> impl Future<Output = std::io::Result<()>> + Send;

    /// The sha256 of the whole upload, lowercase hex (for one whose running
    /// hash was lost).
    fn sha256(&self, upload: &UploadRow) -> impl Future<Output = std::io::Result<String>> + Send;

    /// Removes the upload's bytes (gone already is fine).
    fn terminate(&self, upload: &UploadRow) -> impl Future<Output = std::io::Result<()>> + Send;

    /// What the store holds that was last changed before `settled_before`.
    fn list(
        &self,
        settled_before: SystemTime,
    ) -> impl Future<Output = std::io::Result<Vec<Stored>>> + Send;

    /// Removes one thing [`DataStore::list`] gave.
    fn remove(&self, stored: &Stored) -> impl Future<Output = std::io::Result<()>> + Send;
}
