//! Uploads read by id, batched on PostgreSQL: every PATCH reads its upload,
//! and each read alone is a round trip taking a pooled connection (and sqlx
//! pings it on its return: a second round trip). Reads asked for while a
//! batch is under way go together in the next, one statement. On SQLite a
//! read is a call into the same process: each goes on its own.

use super::uploads::SELECT_UPLOAD;
use super::UploadRow;
use sqlx::any::Any;
use sqlx::AnyPool;
use std::collections::HashMap;
use tokio::sync::{mpsc, oneshot};

/// Most uploads read in one statement.
const MAX_BATCH: usize = 512;

/// An upload's id, and who waits for its row.
type Pending = (
    String,
    oneshot::Sender<Result<Option<UploadRow>, sqlx::Error>>,
);

/// Where reads go; cheap to clone. On PostgreSQL a task reads batches until
/// every clone is dropped.
#[derive(Clone)]
pub(super) struct UploadReads {
    pool: AnyPool,
    /// PostgreSQL's queue; `None` on SQLite.
    queue: Option<mpsc::UnboundedSender<Pending>>,
}

impl UploadReads {
    /// Reads on `pool`, batched if `batched` (PostgreSQL).
    pub(super) fn start(pool: AnyPool, batched: bool) -> UploadReads {
        let queue = batched.then(|| {
            let (queue, pending) = mpsc::unbounded_channel();
            tokio::spawn(read_batches(pool.clone(), pending));
            queue
        });
        UploadReads { pool, queue }
    }

    /// The upload `id`, if there is one.
    pub(super) async fn read(&self, id: &str) -> Result<Option<UploadRow>, sqlx::Error> {
        let Some(queue) = &self.queue else {
            return Ok(read_rows(&self.pool, &[id]).await?.pop());
        };
        let (answer, answered) = oneshot::channel();
        queue
            .send((id.to_string(), answer))
            .map_err(|_| sqlx::Error::PoolClosed)?;
        answered.await.map_err(|_| sqlx::Error::PoolClosed)?
    }
}

/// Reads whatever is asked for, in batches, until the queue closes. A
/// statement that fails is tried again read by read, so that each hears its
/// own error.
async fn read_batches(pool: AnyPool, mut pending: mpsc::UnboundedReceiver<Pending>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while pending.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let ids: Vec<&str> = batch.iter().map(|(id, _)| id.as_str()).collect();
        if let Ok(rows) = read_rows(&pool, &ids).await {
            let rows: HashMap<String, UploadRow> =
                rows.into_iter().map(|row| (row.id.clone(), row)).collect();
            for (id, answer) in batch.drain(..) {
                let _ = answer.send(Ok(rows.get(&id).cloned()));
            }
            continue;
        }
        for (id, answer) in batch.drain(..) {
            let _ = answer.send(read_rows(&pool, &[&id]).await.map(|mut rows| rows.pop()));
        }
    }
}

/// The rows of the uploads `ids` that exist, in one statement.
async fn read_rows(pool: &AnyPool, ids: &[&str]) -> Result<Vec<UploadRow>, sqlx::Error> {
    let places: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
    let sql = format!("{SELECT_UPLOAD} WHERE id IN ({})", places.join(", "));
    let mut query = sqlx::query_as::<Any, UploadRow>(&sql).persistent(ids.len() == 1);
    for id in ids {
        query = query.bind(*id);
    }
    query.fetch_all(pool).await
}

#[cfg(test)]
mod tests {
    use crate::db::test_uploads::uploads;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn reads_asked_for_together_each_get_their_own_row() {
        let dir = tempfile::tempdir().unwrap();
        let (db, ids) = uploads(dir.path(), 300).await;
        let invite = db.upload(&ids[0]).await.unwrap().unwrap().invite_id;
        let reads = (0..ids.len() + 2).map(|i| {
            let db = db.clone();
            let id = ids.get(i).cloned().unwrap_or_else(|| format!("missing{i}"));
            // Every third asked for as another invite's, which must not see it.
            let owner = if i % 3 == 0 { invite + 1 } else { invite };
            tokio::spawn(async move { (id.clone(), i, db.find_upload(&id, owner).await) })
        });
        for read in futures::future::join_all(reads).await {
            let (id, i, row) = read.unwrap();
            let row = row.unwrap();
            if i < ids.len() && i % 3 != 0 {
                assert_eq!(row.map(|r| r.id), Some(id));
            } else {
                assert!(row.is_none(), "{id} read as {row:?}");
            }
        }
    }
}
