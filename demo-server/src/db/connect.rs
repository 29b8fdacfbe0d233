//! How a [`Db`] reaches its database: SQLite in the data dir by default, or
//! PostgreSQL at a URL; created if missing, migrated, and the one statement
//! whose form differs between the two (locking an invite's creations).

use super::upload_reads::UploadReads;
use super::write_batches::WriteBatches;
use super::{progress, Db, FILE_NAME};
use sqlx::any::AnyPoolOptions;
use sqlx::migrate::MigrateDatabase;
use sqlx::{Connection as _, Executor};
use std::path::Path;
use std::time::Duration;

/// How long a PostgreSQL connection may sit in the pool before it is
/// checked before use.
const PING_IF_IDLE_FOR: Duration = Duration::from_secs(1);

/// Which database a [`Db`] talks to, for the few statements that differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The backend a database URL names.
    fn of(url: &str) -> Result<Backend, sqlx::Error> {
        match url.split_once(':').map(|(scheme, _)| scheme) {
            Some("sqlite") => Ok(Backend::Sqlite),
            Some("postgres" | "postgresql") => Ok(Backend::Postgres),
            _ => Err(sqlx::Error::Configuration(
                format!("the database URL must start with sqlite: or postgres:, not {url:?}")
                    .into(),
            )),
        }
    }
}

/// The URL of the SQLite file at `path`, made absolute (a relative first
/// folder would read as a host name) with the characters a URL gives a
/// meaning of its own escaped (`%`, `?`, `#`), so that any folder works.
///
/// ```
/// # fn main() -> std::io::Result<()> {
/// let url = demo_server::db::sqlite_url(std::path::Path::new("/srv/a?b#c%d/demo.sqlite3"))?;
/// assert_eq!(url, "sqlite:///srv/a%3Fb%23c%25d/demo.sqlite3?mode=rwc");
/// let relative = demo_server::db::sqlite_url(std::path::Path::new("my data/demo.sqlite3"))?;
/// assert!(relative.starts_with("sqlite:///"));
/// # Ok(()) }
/// ```
pub fn sqlite_url(path: &Path) -> std::io::Result<String> {
    let path = std::path::absolute(path)?;
    let escaped = path
        .to_str()
        .ok_or_else(|| std::io::Error::other(format!("{path:?} is not UTF-8")))?
        .replace('%', "%25")
        .replace('?', "%3F")
        .replace('#', "%23");
    Ok(format!("sqlite://{escaped}?mode=rwc"))
}

impl Db {
    /// Opens the database at `url` if given, else (creating it if needed)
    /// SQLite's in `data_dir`, and migrates it.
    pub async fn open(data_dir: &Path, url: Option<&str>) -> Result<Db, sqlx::Error> {
        if let Some(url) = url {
            return Db::connect(url).await;
        }
        std::fs::create_dir_all(data_dir)?;
        Db::connect(&sqlite_url(&data_dir.join(FILE_NAME))?).await
    }

    /// Connects to the database at `url` (`sqlite://PATH?mode=rwc` or
    /// `postgres://USER@HOST/NAME`), creating it if it does not exist yet,
    /// and migrates it.
    pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of(url)?;
        if backend == Backend::Postgres && !sqlx::Any::database_exists(url).await? {
            sqlx::Any::create_database(url).await?;
        }
        // sqlx pings a connection as it returns to the pool; pinging it again
        // before each query only delays every PATCH's read by a round trip
        // (a round trip to its thread on SQLite, whose file cannot go stale
        // while the process lives). A PostgreSQL connection idle a while may
        // have been dropped meanwhile (a restart, a proxy's timeout): that
        // one is asked first.
        let options = || {
            AnyPoolOptions::new()
                .after_connect(move |connection, _| {
                    Box::pin(async move {
                        if backend == Backend::Sqlite {
                            // Every acknowledged offset durable; writers wait for each other.
                            connection
                                .execute(
                                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
                                     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
                                )
                                .await?;
                        }
                        Ok(())
                    })
                })
                .test_before_acquire(false)
                .before_acquire(move |connection, meta| {
                    Box::pin(async move {
                        if backend == Backend::Postgres && meta.idle_for >= PING_IF_IDLE_FOR {
                            connection.ping().await?;
                        }
                        Ok(true)
                    })
                })
        };
        let pool = options().connect(url).await?;
        // SQLite has one writer at a time. Writers on several connections
        // wait in its busy handler, which sleeps in steps of up to 100 ms:
        // 1000 candidates starting in one second waited 80 ms for a read
        // and 150 ms for a write (2 cores). On one connection of their own
        // they queue in order, and readers (WAL) never wait for them.
        let writer = match backend {
            Backend::Sqlite => options().max_connections(1).connect(url).await?,
            Backend::Postgres => pool.clone(),
        };
        match backend {
            Backend::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&writer).await?,
            Backend::Postgres => sqlx::migrate!("./migrations/postgres").run(&writer).await?,
        }
        // Every PATCH's save goes in a batch, and on PostgreSQL its read too,
        // one batch at a time each. There they have two connections of their
        // own: 1500 candidates starting in one second held the pool with
        // their creations, and the first reads waited 150-380 ms for one.
        let batches = match backend {
            Backend::Sqlite => writer.clone(),
            Backend::Postgres => options().max_connections(2).connect(url).await?,
        };
        let progress = progress::ProgressWriter::start(batches.clone());
        let writes = WriteBatches::start(writer.clone(), backend == Backend::Sqlite);
        let reads = match backend {
            Backend::Sqlite => UploadReads::start(pool.clone(), false),
            Backend::Postgres => UploadReads::start(batches, true),
        };
        Ok(Db {
            reads,
            pool,
            writer,
            writes,
            progress,
            backend,
            postgres_url: (backend == Backend::Postgres).then(|| url.into()),
        })
    }

    /// The PostgreSQL database's URL, which several instances may share
    /// (`None` on SQLite, which one process serves).
    ///
    /// ```no_run
    /// # async fn f() -> Result<(), sqlx::Error> {
    /// let db = demo_server::db::Db::connect("postgres://postgres@127.0.0.1/demo").await?;
    /// assert!(db.postgres_url().is_some());
    /// # Ok(()) }
    /// ```
    pub fn postgres_url(&self) -> Option<&str> {
        self.postgres_url.as_deref()
    }
}

impl Backend {
    /// The statement that, first in a write transaction, keeps other
    /// writers of an invite (its `$1`) waiting until that transaction ends:
    /// what it counts stays counted. PostgreSQL locks the invite's row, so
    /// other candidates are not held up; none on SQLite, which writes one
    /// transaction at a time.
    pub(super) fn invite_lock(self) -> Option<&'static str> {
        match self {
            Backend::Sqlite => None,
            Backend::Postgres => Some("SELECT id FROM invites WHERE id = $1 FOR UPDATE"),
        }
    }
}

#[cfg(test)]
mod tests {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_data_dir_named_with_url_characters_holds_the_database() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("Interviews #3 ?50% off");
        let db = super::Db::open(&data, None).await.unwrap();
        drop(db);
        assert!(data.join(super::FILE_NAME).is_file());
    }
}
