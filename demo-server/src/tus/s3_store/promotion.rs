//! Turning an upload's pieces into parts of its multipart upload, once
//! they hold a part's worth past the offset the database has recorded, and
//! what this instance knows of each upload's parts so that most appends ask
//! the store nothing.

use super::{to_io, Parts, Piece, S3Store, PART_MIN};
use crate::db::UploadRow;
use object_store::multipart::MultipartStore;
use object_store::path::Path;
use object_store::{ObjectStore, PutPayload};
use std::collections::HashMap;
use std::io;
use std::sync::Mutex;

/// Most uploads whose parts an instance remembers; past it, it starts over.
const MAX_KNOWN: usize = 100_000;

/// The bytes each upload's parts held when this instance last read or wrote
/// its record. Parts only grow, so this is a lower bound: pieces past it
/// that hold less than a part past it hold less than a part past the truth,
/// and there is nothing to promote.
#[derive(Debug, Default)]
pub(super) struct KnownParts(Mutex<HashMap<String, u64>>);

impl KnownParts {
    /// What is known of `id`'s parts (0: nothing).
    fn bytes(&self, id: &str) -> u64 {
        let known = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        known.get(id).copied().unwrap_or_default()
    }

    /// `id`'s parts hold `bytes`.
    fn saw(&self, id: &str, bytes: u64) {
        let mut known = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if known.len() >= MAX_KNOWN && !known.contains_key(id) {
            known.clear();
        }
        let entry = known.entry(id.to_string()).or_default();
        *entry = (*entry).max(bytes);
    }

    /// `id` is finished or gone.
    pub(super) fn forget(&self, id: &str) {
        let mut known = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        known.remove(id);
    }
}

impl S3Store {
    /// Promotes `upload`'s pieces up to `recorded` (the offset the database
    /// holds) that hold at least a part's worth, asking the store nothing
    /// when what this instance knows says there is not that much.
    pub(super) async fn promote_recorded(
        &self,
        upload: &UploadRow,
        recorded: u64,
    ) -> io::Result<()> {
        if !self.promotes(upload, recorded) {
            return Ok(());
        }
        let parts = self.parts(upload, recorded).await?;
        self.promote(upload, parts, recorded, false).await.map(drop)
    }

    /// Whether what this instance knows of `upload`'s parts leaves a part's
    /// worth of pieces up to `recorded` (it may be that another instance
    /// promoted them already).
    pub(super) fn promotes(&self, upload: &UploadRow, recorded: u64) -> bool {
        recorded.saturating_sub(self.known.bytes(&upload.id)) >= PART_MIN
    }

    /// The parts of `upload`, whose bytes up to `up_to` are recorded (below
    /// a part's size there are none: nothing is asked of the store).
    pub(super) async fn parts(&self, upload: &UploadRow, up_to: u64) -> io::Result<Parts> {
        if up_to < PART_MIN {
            return Ok(Parts::default());
        }
        match self.client.get(&self.parts_path(upload)).await {
            Ok(got) => {
                let bytes = got.bytes().await.map_err(to_io)?;
                let parts: Parts = serde_json::from_slice(&bytes).map_err(io::Error::other)?;
                self.known.saw(&upload.id, parts.bytes);
                Ok(parts)
            }
            Err(object_store::Error::NotFound { .. }) => Ok(Parts::default()),
            Err(error) => Err(to_io(error)),
        }
    }

    /// The pieces that hold bytes `from..to`, in order.
    pub(super) async fn pieces(
        &self,
        upload: &UploadRow,
        from: u64,
        to: u64,
    ) -> io::Result<Vec<Piece>> {
        let listed = self
            .list_under(Some(&format!("{}/tail", upload.id)))
            .await?;
        let by_offset: HashMap<u64, (u64, Path)> = listed
            .into_iter()
            .filter_map(|meta| {
                let offset = meta.location.filename()?.parse().ok()?;
                Some((offset, (meta.size, meta.location)))
            })
            .collect();
        let mut pieces = Vec::new();
        let mut at = from;
        while at < to {
            let (size, path) = by_offset.get(&at).cloned().ok_or_else(|| {
                io::Error::other(format!("upload {}: no piece at byte {at}", upload.id))
            })?;
            pieces.push(Piece { size, path });
            at += size.max(1);
        }
        if at != to {
            return Err(io::Error::other(format!(
                "upload {}: its pieces end at byte {at}, not {to}",
                upload.id
            )));
        }
        Ok(pieces)
    }

    /// Uploads the pieces holding bytes up to `to` after `parts` as parts,
    /// each at least [`PART_MIN`] (or all of them, the last part small, if
    /// `last`), and records them; the pieces left over stay. Returns the
    /// record. Waits its turn among [`super::PROMOTIONS_AT_ONCE`].
    pub(super) async fn promote(
        &self,
        upload: &UploadRow,
        mut parts: Parts,
        to: u64,
        last: bool,
    ) -> io::Result<Parts> {
        if parts.bytes > to {
            return Err(io::Error::other(format!(
                "upload {}: its parts hold {} bytes, past its offset {to}",
                upload.id, parts.bytes
            )));
        }
        if to - parts.bytes < PART_MIN && !last {
            return Ok(parts);
        }
        let _turn = self.promotions.acquire().await.map_err(io::Error::other)?;
        let pieces = self.pieces(upload, parts.bytes, to).await?;
        let mut group: Vec<&Piece> = Vec::new();
        let mut done = Vec::new();
        for (index, piece) in pieces.iter().enumerate() {
            group.push(piece);
            let size: u64 = group.iter().map(|p| p.size).sum();
            if size >= PART_MIN || (last && index + 1 == pieces.len()) {
                self.upload_part(upload, &mut parts, &group, size).await?;
                done.append(&mut group);
            }
        }
        // The last parts are not recorded, nor their pieces removed: if the
        // completion fails, or the database's save after it, the last PATCH
        // comes again and finds everything as it was.
        if !done.is_empty() && !last {
            let record = serde_json::to_vec(&parts).map_err(io::Error::other)?;
            (self.client)
                .put(&self.parts_path(upload), PutPayload::from(record))
                .await
                .map_err(to_io)?;
            self.known.saw(&upload.id, parts.bytes);
            let deletes = done.iter().map(|piece| self.delete(&piece.path));
            futures::future::try_join_all(deletes).await?;
        }
        Ok(parts)
    }

    /// Uploads `group`'s bytes (`size` in all) as the next part.
    async fn upload_part(
        &self,
        upload: &UploadRow,
        parts: &mut Parts,
        group: &[&Piece],
        size: u64,
    ) -> io::Result<()> {
        let object = self.object(upload);
        let multipart = match &parts.multipart {
            Some(id) => id.clone(),
            None => {
                let id = self.client.create_multipart(&object).await.map_err(to_io)?;
                parts.multipart = Some(id.clone());
                id
            }
        };
        let bytes = self.read(group.iter().copied()).await?;
        let index = parts.etags.len();
        let payload: PutPayload = bytes.into_iter().collect();
        let part = (self.client)
            .put_part(&object, &multipart, index, payload)
            .await
            .map_err(to_io)?;
        parts.etags.push(part.content_id);
        parts.bytes += size;
        Ok(())
    }
}
