//! The store a server keeps uploads in, chosen at start (`--storage`):
//! files in the data dir by default, or an S3-compatible object store.

use super::file_store::FileStore;
use super::s3_store::S3Store;
use super::store::{AppendStop, DataStore, Expected, Stored};
use crate::db::UploadRow;
use crate::seekable;
use axum::body::Body;
use axum::extract::Request;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use recorder_core::recording_format;
use sha2::Sha256;
use std::ffi::OsString;
use std::future::Future;
use std::io;
use std::path::PathBuf;
use std::time::SystemTime;
use tower::ServiceExt;
use tower_http::services::ServeFile;

/// Files or objects; cheap to clone.
///
/// ```
/// use demo_server::tus::media_store::MediaStore;
/// let store = MediaStore::open(None, "data/media".into()).unwrap();
/// assert!(matches!(store, MediaStore::Files(_)));
/// assert!(MediaStore::open(Some("ftp://x"), "data/media".into()).is_err());
/// ```
#[derive(Clone, Debug)]
pub enum MediaStore {
    /// One file per upload in a folder.
    Files(FileStore),
    /// Objects in a bucket.
    Objects(S3Store),
}

/// `$call` on whichever store `$self` is, named `$store`.
macro_rules! each {
    ($self:ident, $store:ident => $call:expr) => {
        match $self {
            MediaStore::Files($store) => $call,
            MediaStore::Objects($store) => $call,
        }
    };
}

impl MediaStore {
    /// The store `storage` names (`s3://BUCKET[/PREFIX]?endpoint=...`, see
    /// [`S3Store::from_url`]), else files in `media_dir`.
    pub fn open(storage: Option<&str>, media_dir: PathBuf) -> Result<MediaStore, String> {
        match storage {
            None | Some("files") => Ok(MediaStore::Files(FileStore::new(media_dir))),
            Some(url) => S3Store::from_url(url).map(MediaStore::Objects),
        }
    }

    /// The file that holds `upload`, for a store of files.
    pub fn file(&self, upload: &UploadRow) -> Option<PathBuf> {
        match self {
            MediaStore::Files(files) => Some(files.path(&upload.id, &upload.filetype)),
            MediaStore::Objects(_) => None,
        }
    }

    /// Makes the seekable copy of the finished `upload` (see
    /// [`crate::seekable`]); its duration in milliseconds.
    pub async fn make_seekable(&self, upload: &UploadRow) -> Result<u64, String> {
        match self {
            MediaStore::Files(files) => {
                seekable::make_seekable(&files.path(&upload.id, &upload.filetype)).await
            }
            MediaStore::Objects(objects) => objects.make_seekable(upload).await,
        }
    }

    /// The duration of the finished `upload` in milliseconds, as its
    /// container says, or, where it says none (Chrome's WebM), as its
    /// seekable copy (made now) says.
    pub async fn read_duration(&self, upload: &UploadRow) -> Result<u64, String> {
        let original = match self {
            MediaStore::Files(files) => files.path(&upload.id, &upload.filetype).into(),
            MediaStore::Objects(objects) => OsString::from(
                objects
                    .signed_url(upload)
                    .await
                    .map_err(|e| e.to_string())?,
            ),
        };
        match seekable::duration_ms(&original).await {
            Ok(ms) => Ok(ms),
            Err(_) => self.make_seekable(upload).await,
        }
    }

    /// Writes the whole of `upload` (its original bytes) to `out`.
    pub async fn copy_to(
        &self,
        upload: &UploadRow,
        out: &mut (impl tokio::io::AsyncWrite + Unpin),
    ) -> io::Result<u64> {
        match self {
            MediaStore::Files(files) => {
                let path = files.path(&upload.id, &upload.filetype);
                let mut file = tokio::fs::File::open(path).await?;
                tokio::io::copy(&mut file, out).await
            }
            MediaStore::Objects(objects) => objects.copy_to(upload, out).await,
        }
    }

    /// Removes the seekable copy of `upload`, if made.
    pub async fn remove_copy(&self, upload: &UploadRow) -> io::Result<()> {
        match self {
            MediaStore::Files(files) => {
                let copy = seekable::copy_path(&files.path(&upload.id, &upload.filetype));
                match tokio::fs::remove_file(&copy).await {
                    Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
                    _ => Ok(()),
                }
            }
            MediaStore::Objects(objects) => objects.remove_copy(upload).await,
        }
    }

    /// The finished `upload` for `request` (its `Range`), seekable copy first.
    pub async fn respond(&self, upload: &UploadRow, request: Request) -> io::Result<Response> {
        match self {
            MediaStore::Files(files) => {
                let original = files.path(&upload.id, &upload.filetype);
                let copy = seekable::copy_path(&original);
                let file = if copy.is_file() { copy } else { original };
                let Ok(response) = ServeFile::new(file).oneshot(request).await;
                Ok(response.into_response())
            }
            MediaStore::Objects(objects) => {
                let range = request.headers().get(header::RANGE);
                let range = range.and_then(|value| value.to_str().ok());
                let content_type = recording_format::container(&upload.filetype);
                objects.respond(upload, range, content_type).await
            }
        }
    }
}

impl DataStore for MediaStore {
    // Each store supports both.
    const EXTENSIONS: &'static [&'static str] = &["termination", "checksum"];

    fn free_bytes(&self) -> io::Result<u64> {
        each!(self, store => store.free_bytes())
    }

    async fn create(&self, upload: &UploadRow) -> io::Result<()> {
        each!(self, store => store.create(upload).await)
    }

    async fn append(
        &self,
        upload: &UploadRow,
        offset: u64,
        body: Body,
        expected: Expected,
        released: impl Future<Output = ()> + Send,
        digest: &mut Option<Sha256>,
    ) -> (u64, Result<(), AppendStop>) {
        each!(self, store => store.append(upload, offset, body, expected, released, digest).await)
    }

    async fn finish(&self, upload: &UploadRow, length: u64) -> io::Result<()> {
        each!(self, store => store.finish(upload, length).await)
    }

    fn settles(&self) -> bool {
        each!(self, store => store.settles())
    }

    fn has_to_settle(&self, upload: &UploadRow, offset: u64) -> bool {
        each!(self, store => store.has_to_settle(upload, offset))
    }

    async fn settle(&self, upload: &UploadRow, offset: u64) -> io::Result<()> {
        each!(self, store => store.settle(upload, offset).await)
    }

    async fn sha256(&self, upload: &UploadRow) -> io::Result<String> {
        each!(self, store => store.sha256(upload).await)
    }

    async fn terminate(&self, upload: &UploadRow) -> io::Result<()> {
        each!(self, store => store.terminate(upload).await)
    }

    async fn list(&self, settled_before: SystemTime) -> io::Result<Vec<Stored>> {
        each!(self, store => store.list(settled_before).await)
    }

    async fn remove(&self, stored: &Stored) -> io::Result<()> {
        each!(self, store => store.remove(stored).await)
    }
}
