//! Removing and listing a store's objects: one gone already is fine;
//! a folder's go together.

use super::{to_io, S3Store};
use crate::db::UploadRow;
use futures::TryStreamExt;
use object_store::path::Path;
use object_store::{ObjectMeta, ObjectStore};
use std::io;

impl S3Store {
    /// Removes `path`; one already gone is fine.
    pub(super) async fn delete(&self, path: &Path) -> io::Result<()> {
        match self.client.delete(path).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(error) => Err(to_io(error)),
        }
    }

    /// Every object under the folder `key` (all of the store's, if `None`).
    pub(super) async fn list_under(&self, key: Option<&str>) -> io::Result<Vec<ObjectMeta>> {
        let folder = match key {
            Some(key) => Some(self.path(key)),
            None => (!self.prefix.is_empty()).then(|| Path::from(self.prefix.as_str())),
        };
        let listed = self.client.list(folder.as_ref());
        listed.try_collect().await.map_err(to_io)
    }

    /// Removes every object under `{id}/` (its pieces and record).
    pub(super) async fn delete_folder(&self, upload: &UploadRow) -> io::Result<()> {
        let listed = self.list_under(Some(&upload.id)).await?;
        let deletes = listed.iter().map(|meta| self.delete(&meta.location));
        futures::future::try_join_all(deletes).await.map(drop)
    }

    /// Removes the pieces a refused body put.
    pub(super) async fn forget(&self, put: &[Path]) {
        for path in put {
            // One left behind is passed over: the next append overwrites it.
            let _ = self.delete(path).await;
        }
    }
}
