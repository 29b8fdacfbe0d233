//! Uploads as objects in an S3-compatible store (AWS S3, Garage, MinIO...),
//! as tusd's s3store keeps them: each PATCH's bytes are put as a piece
//! object (`{id}/tail/{offset}`), durable before the acknowledgement; once
//! the pieces hold at least a part's worth (5 MiB, S3's smallest part but
//! the last), they are uploaded as a part of the take's multipart upload
//! after an append's answer (`settle`, while the next append may already
//! write its own piece) and removed. Pieces become parts only up to the
//! offset the handler has recorded: a piece that was put but never
//! acknowledged (a crash in between) is passed over and overwritten, never
//! made a part. The parts so far
//! (`{id}/parts.json`) are the store's own record; completion, after the
//! last PATCH's answer, uploads the rest as the last part and completes the
//! upload into `{id}.{extension}` (whatever reads the take does it first if
//! that did not happen; again, harmlessly, if it did); what served while it
//! was written goes with the sweep, once the whole is there.

mod objects;
mod promotion;
mod reading;

use super::body_batches::gather;
use super::file_store::extension;
use super::store::{AppendStop, DataStore, Expected, Stored};
use crate::db::UploadRow;
use axum::body::{Body, Bytes};
use futures::StreamExt;
use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::multipart::{MultipartStore, PartId};
use object_store::path::Path;
use object_store::{ObjectStore, PutPayload};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::future::Future;
use std::io;
use std::pin::pin;
use std::sync::Arc;
use std::time::SystemTime;

/// S3's smallest part (but the last one).
const PART_MIN: u64 = 5 << 20;

/// The first pause before a finish tries again (doubling; five tries in all).
const FINISH_RETRY: std::time::Duration = std::time::Duration::from_millis(100);

/// Most bytes of a body held in memory before they are put as a piece.
const PIECE_MAX: u64 = 8 << 20;

/// Most promotions (and finishes) an instance runs at once. Each holds a
/// part's bytes (5 MiB or a little more) in memory, and candidates who
/// started together fill their parts together: unbounded, 1000 of them
/// would hold 5 GB for a moment, and the store would serve their parts
/// before their next PATCHes. The others wait their turn after their
/// answers (their pieces stay pieces a little longer).
const PROMOTIONS_AT_ONCE: usize = 16;

/// Uploads as objects under a prefix of one bucket; cheap to clone.
///
/// ```no_run
/// # fn f() -> Result<(), String> {
/// // Credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
/// let store = demo_server::tus::s3_store::S3Store::from_url(
///     "s3://interviews/media?endpoint=http://127.0.0.1:3900&region=garage",
/// )?;
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct S3Store {
    client: Arc<AmazonS3>,
    prefix: String,
    known: Arc<promotion::KnownParts>,
    promotions: Arc<tokio::sync::Semaphore>,
}

/// The parts uploaded so far, as `{id}/parts.json` keeps them.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Parts {
    /// The multipart upload, once begun.
    multipart: Option<String>,
    /// Each part's ETag, in order.
    etags: Vec<String>,
    /// The bytes the parts hold.
    bytes: u64,
}

/// A piece: its size and its object.
struct Piece {
    size: u64,
    path: Path,
}

impl S3Store {
    /// The store a URL names: `s3://BUCKET[/PREFIX][?endpoint=URL&region=NAME]`.
    /// Credentials, and whatever the URL does not say, come from the usual
    /// `AWS_*` variables (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
    /// `AWS_ENDPOINT`, `AWS_REGION`); an `http://` endpoint is allowed.
    pub fn from_url(url: &str) -> Result<S3Store, String> {
        let bad = |why: &str| {
            format!("--storage {url:?}: {why}; expected s3://BUCKET[/PREFIX][?endpoint=http://HOST:PORT&region=NAME]")
        };
        let rest = url
            .strip_prefix("s3://")
            .ok_or_else(|| bad("not an s3:// URL"))?;
        let (location, query) = rest.split_once('?').unwrap_or((rest, ""));
        let (bucket, prefix) = location.split_once('/').unwrap_or((location, ""));
        if bucket.is_empty() {
            return Err(bad("no bucket"));
        }
        let mut builder = AmazonS3Builder::from_env().with_bucket_name(bucket);
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            match pair.split_once('=') {
                Some(("endpoint", endpoint)) => {
                    builder = builder
                        .with_endpoint(endpoint)
                        .with_allow_http(endpoint.starts_with("http://"));
                }
                Some(("region", region)) => builder = builder.with_region(region),
                _ => return Err(bad(&format!("unknown setting {pair:?}"))),
            }
        }
        let client = builder.build().map_err(|e| bad(&e.to_string()))?;
        Ok(S3Store {
            client: Arc::new(client),
            prefix: prefix.trim_matches('/').to_string(),
            known: Arc::default(),
            promotions: Arc::new(tokio::sync::Semaphore::new(PROMOTIONS_AT_ONCE)),
        })
    }

    /// The object named `key` under the prefix.
    fn path(&self, key: &str) -> Path {
        match self.prefix.as_str() {
            "" => Path::from(key),
            prefix => Path::from(format!("{prefix}/{key}")),
        }
    }

    /// The whole upload, once complete.
    fn object(&self, upload: &UploadRow) -> Path {
        self.path(&format!("{}.{}", upload.id, extension(&upload.filetype)))
    }

    fn parts_path(&self, upload: &UploadRow) -> Path {
        self.path(&format!("{}/parts.json", upload.id))
    }

    fn piece_path(&self, upload: &UploadRow, offset: u64) -> Path {
        self.path(&format!("{}/tail/{offset:020}", upload.id))
    }

    /// Puts `pieces` (all there is) as the whole object, without a multipart upload.
    /// One piece is copied in the store, without a round trip of its bytes.
    async fn put_whole(&self, upload: &UploadRow, pieces: &[Piece]) -> io::Result<()> {
        let object = self.object(upload);
        if let [piece] = pieces {
            return self.client.copy(&piece.path, &object).await.map_err(to_io);
        }
        let payload: PutPayload = self.read(pieces.iter()).await?.into_iter().collect();
        self.client.put(&object, payload).await.map_err(to_io)?;
        Ok(())
    }

    /// Whether the whole object of `upload` is there, `length` bytes.
    async fn is_whole(&self, upload: &UploadRow, length: u64) -> bool {
        let head = self.client.head(&self.object(upload)).await;
        head.is_ok_and(|meta| meta.size == length)
    }

    /// Makes the whole object of `upload`, `length` bytes, of its parts and
    /// pieces: one object put (or copied) under a part's size, else the
    /// multipart upload completed.
    async fn assemble(&self, upload: &UploadRow, length: u64) -> io::Result<()> {
        let parts = self.parts(upload, length).await?;
        if parts.multipart.is_none() && length < PART_MIN {
            let pieces = self.pieces(upload, 0, length).await?;
            return self.put_whole(upload, &pieces).await;
        }
        let parts = self.promote(upload, parts, length, true).await?;
        let multipart = parts.multipart.clone().unwrap_or_default();
        let ids = parts
            .etags
            .into_iter()
            .map(|content_id| PartId { content_id })
            .collect();
        (self.client)
            .complete_multipart(&self.object(upload), &multipart, ids)
            .await
            .map_err(to_io)?;
        Ok(())
    }

    /// Puts `upload` together first if it is recorded complete and was not
    /// yet (its instance stopped between the last answer and the finish):
    /// what reads the whole calls this.
    async fn whole_if_complete(&self, upload: &UploadRow) -> io::Result<()> {
        match upload.length {
            Some(length) if upload.completed_at.is_some() => self.finish(upload, length).await,
            _ => Ok(()),
        }
    }

    /// The bytes of `pieces`, read at once, in order.
    async fn read(&self, pieces: impl Iterator<Item = &Piece>) -> io::Result<Vec<Bytes>> {
        let reads = pieces.map(|piece| async {
            let got = self.client.get(&piece.path).await.map_err(to_io)?;
            got.bytes().await.map_err(to_io)
        });
        futures::future::try_join_all(reads).await
    }
}

impl DataStore for S3Store {
    const EXTENSIONS: &'static [&'static str] = &["termination", "checksum"];

    /// An object store does not say; its own quotas refuse what it cannot hold.
    fn free_bytes(&self) -> io::Result<u64> {
        Ok(u64::MAX)
    }

    /// Nothing to make: an upload's first piece makes its folder.
    async fn create(&self, _upload: &UploadRow) -> io::Result<()> {
        Ok(())
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
        let Expected {
            limit,
            idle,
            mut checksum,
        } = expected;
        let mut running = digest.take();
        let mut released = pin!(released);
        let mut stream = body.into_data_stream();
        let (mut held, mut held_bytes, mut written, mut queued) = (Vec::new(), 0u64, 0u64, 0u64);
        let mut put = Vec::new();
        let outcome = loop {
            let (batch, stop) = gather(&mut stream, limit - queued, idle, released.as_mut()).await;
            for piece in &batch {
                if let Some(checksum) = &mut checksum {
                    checksum.update(piece);
                }
                if let Some(digest) = &mut running {
                    digest.update(piece);
                }
                held_bytes += piece.len() as u64;
            }
            queued += batch.iter().map(|piece| piece.len() as u64).sum::<u64>();
            held.extend(batch);
            let over = matches!(stop, Some(Err(AppendStop::OverLimit)));
            if held_bytes > 0 && !over && (held_bytes >= PIECE_MAX || stop.is_some()) {
                let path = self.piece_path(upload, offset + written);
                let payload: PutPayload = std::mem::take(&mut held).into_iter().collect();
                if let Err(error) = self.client.put(&path, payload).await {
                    self.forget(&put).await;
                    return (0, Err(AppendStop::Io(to_io(error))));
                }
                put.push(path);
                written += std::mem::take(&mut held_bytes);
            }
            if let Some(outcome) = stop {
                break outcome;
            }
        };
        // A body counts only whole when it is checked, and never past the limit.
        let checked_whole = checksum.is_none_or(|checksum| outcome.is_ok() && checksum.matches());
        if !checked_whole || matches!(outcome, Err(AppendStop::OverLimit)) {
            self.forget(&put).await;
            return (
                0,
                Err(outcome.err().unwrap_or(AppendStop::ChecksumMismatch)),
            );
        }
        *digest = running;
        (written, outcome)
    }

    async fn finish(&self, upload: &UploadRow, length: u64) -> io::Result<()> {
        // Two finishes at once (a reader's and the one after the answer,
        // two instances) fail each other: a part uploaded again is not the
        // one the other names. The first to complete wins; the other then
        // finds the whole.
        let mut pause = FINISH_RETRY;
        loop {
            // Finished already (by another instance, a reader, or before its answer was lost).
            if self.is_whole(upload, length).await {
                break;
            }
            match self.assemble(upload, length).await {
                Ok(()) => break,
                Err(error) if pause > FINISH_RETRY * 8 => return Err(error),
                Err(_) => tokio::time::sleep(pause).await,
            }
            pause *= 2;
        }
        // Its pieces and record stay until the sweep (`Stored::working`):
        // they are what a retried last PATCH needs if the save fails now.
        self.known.forget(&upload.id);
        Ok(())
    }

    /// Pieces become parts after the answers.
    fn settles(&self) -> bool {
        true
    }

    /// When the pieces past the parts this instance knows of hold a part's worth.
    fn has_to_settle(&self, upload: &UploadRow, offset: u64) -> bool {
        self.promotes(upload, offset)
    }

    /// Promotes the pieces the database now records, after the append's
    /// answer: the next append writes past them meanwhile. One that failed
    /// is caught up by the next (its pieces stay where they are).
    async fn settle(&self, upload: &UploadRow, offset: u64) -> io::Result<()> {
        self.promote_recorded(upload, offset).await
    }

    async fn sha256(&self, upload: &UploadRow) -> io::Result<String> {
        let mut stream = self.bytes(upload).await?;
        let mut hasher = Sha256::new();
        while let Some(bytes) = stream.next().await {
            hasher.update(bytes.map_err(to_io)?);
        }
        Ok(crate::invite::hex(&hasher.finalize()))
    }

    async fn terminate(&self, upload: &UploadRow) -> io::Result<()> {
        let parts = self.parts(upload, u64::MAX).await?;
        if let Some(multipart) = &parts.multipart {
            let object = self.object(upload);
            match self.client.abort_multipart(&object, multipart).await {
                Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
                Err(error) => return Err(to_io(error)),
            }
        }
        self.known.forget(&upload.id);
        self.delete_folder(upload).await?;
        self.remove_copy(upload).await?;
        self.delete(&self.object(upload)).await
    }

    async fn list(&self, settled_before: SystemTime) -> io::Result<Vec<Stored>> {
        let listed = self.list_under(None).await?;
        let skip = match self.prefix.as_str() {
            "" => 0,
            prefix => prefix.len() + 1,
        };
        Ok(listed
            .into_iter()
            .filter(|meta| SystemTime::from(meta.last_modified) < settled_before)
            .filter_map(|meta| {
                let key = meta.location.as_ref().get(skip..)?.to_string();
                let upload_id = key.split(['/', '.']).next()?.to_string();
                let working = key.contains('/');
                super::is_upload_id(&upload_id).then_some(Stored {
                    upload_id,
                    key,
                    working,
                })
            })
            .collect())
    }

    async fn remove(&self, stored: &Stored) -> io::Result<()> {
        self.delete(&self.path(&stored.key)).await
    }
}

fn to_io(error: object_store::Error) -> io::Error {
    match error {
        object_store::Error::NotFound { .. } => io::Error::new(io::ErrorKind::NotFound, error),
        error => io::Error::other(error),
    }
}
