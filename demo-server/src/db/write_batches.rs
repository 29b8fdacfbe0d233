//! Writes committed together on SQLite (group commit): each one runs in its
//! own savepoint of one transaction that takes every write waiting, and is
//! answered once that transaction commits. SQLite has one writer at a time
//! and a commit costs a sync of its log: 1000 candidates starting in one
//! second (a reveal and an upload created each) queued 120 ms for a write
//! with a commit each (2 cores). PostgreSQL runs writers side by side: there
//! each write is its own transaction.

use futures::future::BoxFuture;
use futures::FutureExt;
use sqlx::{AnyConnection, AnyPool, Executor};
use std::panic::AssertUnwindSafe;
use tokio::sync::{mpsc, oneshot};

/// Most writes in one transaction.
const MAX_BATCH: usize = 512;

/// How a write that ran learns whether its batch committed.
type Answer = Box<dyn FnOnce(Option<&sqlx::Error>) + Send>;

/// A write waiting for its batch: it runs on the batch's connection.
type Job = Box<dyn for<'c> FnOnce(&'c mut AnyConnection) -> BoxFuture<'c, Answer> + Send>;

/// Where writes go; cheap to clone. On SQLite a task commits batches until
/// every clone is dropped.
#[derive(Clone)]
pub(super) struct WriteBatches {
    pool: AnyPool,
    /// SQLite's queue; `None` on PostgreSQL.
    queue: Option<mpsc::UnboundedSender<Job>>,
}

impl WriteBatches {
    /// Writes on `pool`, batched if `batched` (SQLite).
    pub(super) fn start(pool: AnyPool, batched: bool) -> WriteBatches {
        let queue = batched.then(|| {
            let (queue, jobs) = mpsc::unbounded_channel();
            tokio::spawn(commit_batches(pool.clone(), jobs));
            queue
        });
        WriteBatches { pool, queue }
    }

    /// Runs `work` and commits it: all it wrote, or (if it returns an error)
    /// nothing. Its answer comes once its writes are durable.
    pub(super) async fn run<T, E, F>(&self, work: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<sqlx::Error> + Send + 'static,
        F: for<'c> FnOnce(&'c mut AnyConnection) -> BoxFuture<'c, Result<T, E>> + Send + 'static,
    {
        let Some(queue) = &self.queue else {
            let mut transaction = self.pool.begin().await?;
            let value = work(&mut transaction).await?;
            transaction.commit().await?;
            return Ok(value);
        };
        let (answer, answered) = oneshot::channel();
        let job: Job = Box::new(move |connection| {
            Box::pin(async move {
                match in_savepoint(connection, work).await {
                    Ok(value) => Box::new(move |failed: Option<&sqlx::Error>| {
                        let _ = answer.send(match failed {
                            None => Ok(value),
                            Some(error) => Err(commit_failed(error).into()),
                        });
                    }) as Answer,
                    Err(error) => {
                        let _ = answer.send(Err(error));
                        Box::new(|_: Option<&sqlx::Error>| {})
                    }
                }
            })
        });
        queue.send(job).map_err(|_| sqlx::Error::PoolClosed)?;
        answered.await.map_err(|_| sqlx::Error::PoolClosed)?
    }
}

/// `work` in a savepoint: released if it succeeds, rolled back if not.
async fn in_savepoint<'c, T, E, F>(connection: &'c mut AnyConnection, work: F) -> Result<T, E>
where
    E: From<sqlx::Error>,
    F: for<'w> FnOnce(&'w mut AnyConnection) -> BoxFuture<'w, Result<T, E>>,
{
    connection.execute("SAVEPOINT write").await?;
    let result = work(&mut *connection).await;
    let end = match result {
        Ok(_) => "RELEASE write",
        Err(_) => "ROLLBACK TO write; RELEASE write",
    };
    connection.execute(end).await?;
    result
}

/// What each write of a batch whose commit failed is told.
fn commit_failed(error: &sqlx::Error) -> sqlx::Error {
    sqlx::Error::Io(std::io::Error::other(format!(
        "the database could not commit: {error}"
    )))
}

/// Commits what is waiting, a batch at a time, until the queue closes.
async fn commit_batches(pool: AnyPool, mut jobs: mpsc::UnboundedReceiver<Job>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while jobs.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let mut transaction = match pool.begin_with("BEGIN IMMEDIATE").await {
            Ok(transaction) => transaction,
            Err(error) => {
                // Dropped unrun, each write fails with the pool's error.
                tracing::error!("cannot begin a write transaction: {error}");
                batch.clear();
                continue;
            }
        };
        let mut answers = Vec::with_capacity(batch.len());
        let mut panicked = false;
        for job in batch.drain(..) {
            // A write that panics must not end every later one's writer: its
            // batch is rolled back instead (the jobs not run fail unrun).
            match AssertUnwindSafe(job(&mut transaction)).catch_unwind().await {
                Ok(answer) => answers.push(answer),
                Err(_) => {
                    panicked = true;
                    break;
                }
            }
        }
        batch.clear();
        let committed = match panicked {
            false => transaction.commit().await,
            true => Err(sqlx::Error::WorkerCrashed),
        };
        for answer in answers {
            answer(committed.as_ref().err());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::Row;

    async fn pool(dir: &std::path::Path) -> AnyPool {
        sqlx::any::install_default_drivers();
        let url = crate::db::sqlite_url(&dir.join("t.sqlite3")).unwrap();
        let pool = sqlx::any::AnyPoolOptions::new()
            .max_connections(1)
            .connect(&url)
            .await
            .unwrap();
        pool.execute("CREATE TABLE t (n INTEGER UNIQUE)")
            .await
            .unwrap();
        pool
    }

    fn insert(
        n: i64,
    ) -> impl for<'c> FnOnce(&'c mut AnyConnection) -> BoxFuture<'c, Result<(), sqlx::Error>> {
        move |connection| {
            Box::pin(async move {
                sqlx::query("INSERT INTO t (n) VALUES ($1)")
                    .bind(n)
                    .execute(&mut *connection)
                    .await?;
                Ok(())
            })
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn writes_at_once_are_each_kept_or_undone_whole() {
        let dir = tempfile::tempdir().unwrap();
        let pool = pool(dir.path()).await;
        let writes = WriteBatches::start(pool.clone(), true);
        // 0 to 99 twice each: one of the two fails on UNIQUE and keeps nothing.
        let runs = (0..400).map(|i| {
            let writes = writes.clone();
            let n = if i < 200 { i / 2 } else { i };
            tokio::spawn(async move { writes.run(insert(n)).await })
        });
        let results = futures::future::join_all(runs).await;
        let failed = results
            .iter()
            .filter(|r| r.as_ref().unwrap().is_err())
            .count();
        assert_eq!(failed, 100, "the second insert of each of 0 to 99");
        // A write that inserts, then fails: its insert is undone, others stay.
        let undone = writes
            .run(|connection| {
                Box::pin(async move {
                    insert(1001)(&mut *connection).await?;
                    insert(0)(&mut *connection).await
                })
            })
            .await;
        assert!(undone.is_err());
        let count: i64 = sqlx::query("SELECT COUNT(*) FROM t")
            .fetch_one(&pool)
            .await
            .unwrap()
            .get(0);
        assert_eq!(count, 300);
        let kept: Option<i64> = sqlx::query("SELECT n FROM t WHERE n = 1001")
            .fetch_optional(&pool)
            .await
            .unwrap()
            .map(|row| row.get(0));
        assert_eq!(kept, None);
    }
}
