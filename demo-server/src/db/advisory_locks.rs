//! PostgreSQL advisory locks shared by every demo-server instance on one
//! database, for one writer per upload across instances. One connection of
//! this instance holds them all (session locks): if the instance dies, its
//! connection closes and PostgreSQL frees its locks at once, so another
//! instance takes over without waiting out a lease. Requests are batched (a
//! round trip per batch, not per PATCH). An instance that wants a lock
//! another holds asks it to let go with `NOTIFY upload_release`. If this
//! connection is lost, every lock it held is lost with it: each
//! [`HeldKey::lost`] completes, so writers stop before another instance
//! writes.

use sqlx::postgres::{PgConnection, PgListener, Postgres};
use sqlx::Connection as _;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot, watch};

/// The channel on which instances ask each other to let go of an upload
/// (named in the `pg_notify` query too).
const RELEASE_CHANNEL: &str = "upload_release";

/// Most requests sent in one round trip.
const MAX_BATCH: usize = 1024;

/// How often an idle connection that holds locks is checked, so that its
/// loss stops the writers that relied on it.
const CHECK_EVERY: Duration = Duration::from_secs(1);

/// Wait before connecting again after a failure.
const RECONNECT_AFTER: Duration = Duration::from_millis(500);

/// This instance's handle on its advisory locks; cheap to clone. The
/// connection (and the listener for release requests) end when the last
/// clone is dropped.
///
/// ```no_run
/// # async fn f() -> Result<(), sqlx::Error> {
/// use demo_server::db::AdvisoryLocks;
/// let locks = AdvisoryLocks::start("postgres://postgres@127.0.0.1/demo", |id| println!("asked to let go of {id}"));
/// if let Some(held) = locks.try_lock(42).await? {
///     // ... write; stop if held.lost() completes ...
///     drop(held);
/// } else {
///     locks.ask_release("the upload's id");
/// }
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct AdvisoryLocks {
    queue: mpsc::UnboundedSender<Request>,
    /// The number of connections lost so far.
    losses: watch::Receiver<u64>,
}

/// Where a take's answer goes: the loss count it was taken at, or `None`
/// if another instance holds the key.
type Answer = oneshot::Sender<Result<Option<u64>, sqlx::Error>>;

enum Request {
    Lock(i64, Answer),
    /// A key to free, held on the connection of the given loss count.
    Unlock(i64, u64),
    AskRelease(String),
}

/// A lock held by this instance, freed when dropped.
pub struct HeldKey {
    key: i64,
    /// The loss count when it was taken: it is lost when that changes.
    taken_at: u64,
    locks: AdvisoryLocks,
}

impl HeldKey {
    /// Completes if the connection holding the lock is lost (another
    /// instance may take the lock from then on).
    pub async fn lost(&self) {
        let mut losses = self.locks.losses.clone();
        let taken_at = self.taken_at;
        // An error means the connection's task ended: nothing is held any more.
        let _ = losses.wait_for(|count| *count != taken_at).await;
    }
}

impl Drop for HeldKey {
    fn drop(&mut self) {
        let _ = self
            .locks
            .queue
            .send(Request::Unlock(self.key, self.taken_at));
    }
}

impl AdvisoryLocks {
    /// Locks on the PostgreSQL database at `url` (connected when first
    /// needed), listening from now on: `on_release(upload_id)` is called when another instance asks
    /// this one to let go of an upload.
    pub fn start(url: &str, on_release: impl Fn(&str) + Send + Sync + 'static) -> AdvisoryLocks {
        let (queue, requests) = mpsc::unbounded_channel();
        let (losses_sender, losses) = watch::channel(0);
        tokio::spawn(listen(url.to_string(), losses.clone(), on_release));
        let connection = LockConnection {
            url: url.to_string(),
            open: None,
            held: 0,
            losses: losses_sender,
        };
        tokio::spawn(connection.serve(requests));
        AdvisoryLocks { queue, losses }
    }

    /// Takes lock `key` unless another instance holds it (`None`). This
    /// instance may take a key it holds again; each take is freed on its own.
    pub async fn try_lock(&self, key: i64) -> Result<Option<HeldKey>, sqlx::Error> {
        let (answer, answered) = oneshot::channel();
        self.queue
            .send(Request::Lock(key, answer))
            .map_err(|_| sqlx::Error::PoolClosed)?;
        let mut waiting = Waiting {
            key,
            answered,
            queue: self.queue.clone(),
        };
        let taken = (&mut waiting.answered)
            .await
            .map_err(|_| sqlx::Error::PoolClosed)??;
        Ok(taken.map(|taken_at| HeldKey {
            key,
            taken_at,
            locks: self.clone(),
        }))
    }

    /// Asks whichever instance holds the lock of `upload_id` to let go.
    pub fn ask_release(&self, upload_id: &str) {
        let _ = self.queue.send(Request::AskRelease(upload_id.to_string()));
    }
}

/// A take asked for and not yet answered: if its request goes away (the
/// client hung up) after the answer was sent, the lock it got is freed.
struct Waiting {
    key: i64,
    answered: oneshot::Receiver<Result<Option<u64>, sqlx::Error>>,
    queue: mpsc::UnboundedSender<Request>,
}

impl Drop for Waiting {
    fn drop(&mut self) {
        self.answered.close();
        if let Ok(Ok(Some(taken_at))) = self.answered.try_recv() {
            let _ = self.queue.send(Request::Unlock(self.key, taken_at));
        }
    }
}

/// The task's side: the connection that holds the locks.
struct LockConnection {
    url: String,
    open: Option<PgConnection>,
    /// Locks taken on `open` and not freed yet.
    held: usize,
    losses: watch::Sender<u64>,
}

impl LockConnection {
    async fn serve(mut self, mut requests: mpsc::UnboundedReceiver<Request>) {
        let mut batch = Vec::with_capacity(MAX_BATCH);
        loop {
            let received = match self.held {
                0 => requests.recv_many(&mut batch, MAX_BATCH).await,
                _ => tokio::time::timeout(CHECK_EVERY, requests.recv_many(&mut batch, MAX_BATCH))
                    .await
                    .unwrap_or(usize::MAX),
            };
            match received {
                0 => return,
                usize::MAX => self.check().await,
                _ => self.answer(&mut batch).await,
            }
        }
    }

    /// Answers a batch: frees, then takes, then asks, one round trip each.
    async fn answer(&mut self, batch: &mut Vec<Request>) {
        let mut frees = Vec::new();
        let mut takes = Vec::new();
        let mut asks = Vec::new();
        let current = *self.losses.borrow();
        for request in batch.drain(..) {
            match request {
                // A lock of a lost connection is gone already.
                Request::Unlock(key, taken_at) if taken_at == current => frees.push(key),
                Request::Unlock(..) => {}
                Request::Lock(key, answer) => takes.push((key, answer)),
                Request::AskRelease(id) => asks.push(id),
            }
        }
        if !frees.is_empty() {
            let query = "SELECT pg_advisory_unlock(k) FROM unnest($1::bigint[]) AS t(k)";
            if self.run(query, &frees).await.is_ok() {
                self.held = self.held.saturating_sub(frees.len());
            }
        }
        if !takes.is_empty() {
            self.take(takes).await;
        }
        if !asks.is_empty() {
            let query = "SELECT pg_notify('upload_release', id) FROM unnest($1::text[]) AS t(id)";
            let _ = self.run(query, &asks).await;
        }
    }

    async fn take(&mut self, takes: Vec<(i64, Answer)>) {
        let keys: Vec<i64> = takes.iter().map(|(key, _)| *key).collect();
        let query = "SELECT pg_try_advisory_lock(k) FROM unnest($1::bigint[]) \
                     WITH ORDINALITY AS t(k, i) ORDER BY i";
        let taken: Result<Vec<bool>, sqlx::Error> = match self.connection().await {
            Ok(connection) => {
                sqlx::query_scalar(query)
                    .bind(&keys)
                    .fetch_all(connection)
                    .await
            }
            Err(error) => Err(error),
        };
        let taken = match taken {
            Ok(taken) => taken,
            Err(error) => {
                self.lose();
                let message = error.to_string();
                for (_, answer) in takes {
                    let _ = answer.send(Err(sqlx::Error::Protocol(message.clone())));
                }
                return;
            }
        };
        let current = *self.losses.borrow();
        let mut abandoned = Vec::new();
        for ((key, answer), taken) in takes.into_iter().zip(taken) {
            if !taken {
                let _ = answer.send(Ok(None));
                continue;
            }
            self.held += 1;
            // Whoever asked has gone: free it, or it stays held for good.
            if answer.send(Ok(Some(current))).is_err() {
                abandoned.push(key);
            }
        }
        if !abandoned.is_empty() {
            let query = "SELECT pg_advisory_unlock(k) FROM unnest($1::bigint[]) AS t(k)";
            if self.run(query, &abandoned).await.is_ok() {
                self.held = self.held.saturating_sub(abandoned.len());
            }
        }
    }

    /// Runs `query` with `values` as `$1`; a failure loses the connection.
    async fn run<V>(&mut self, query: &str, values: V) -> Result<(), sqlx::Error>
    where
        V: for<'q> sqlx::Encode<'q, Postgres> + sqlx::Type<Postgres> + Send,
    {
        let result = match self.connection().await {
            Ok(connection) => sqlx::query(query)
                .bind(values)
                .execute(connection)
                .await
                .map(drop),
            Err(error) => Err(error),
        };
        if result.is_err() {
            self.lose();
        }
        result
    }

    /// Whether the idle connection still works.
    async fn check(&mut self) {
        let alive = match &mut self.open {
            Some(connection) => connection.ping().await.is_ok(),
            None => true,
        };
        if !alive {
            self.lose();
        }
    }

    /// The open connection, or a new one.
    async fn connection(&mut self) -> Result<&mut PgConnection, sqlx::Error> {
        if self.open.is_none() {
            match PgConnection::connect(&self.url).await {
                Ok(connection) => self.open = Some(connection),
                Err(error) => {
                    tokio::time::sleep(RECONNECT_AFTER).await;
                    return Err(error);
                }
            }
        }
        self.open.as_mut().ok_or(sqlx::Error::PoolClosed)
    }

    /// The connection is gone, and every lock it held with it.
    fn lose(&mut self) {
        self.open = None;
        if self.held > 0 {
            tracing::warn!(
                locks = self.held,
                "lost the connection holding upload locks"
            );
        }
        self.held = 0;
        self.losses.send_modify(|count| *count += 1);
    }
}

/// Calls `on_release` for each release request other instances send, until
/// the locks' task ends (`losses` closes).
async fn listen(
    url: String,
    mut losses: watch::Receiver<u64>,
    on_release: impl Fn(&str) + Send + Sync + 'static,
) {
    let ended = async { while losses.changed().await.is_ok() {} };
    let mut ended = std::pin::pin!(ended);
    loop {
        tokio::select! {
            error = relay(&url, &on_release) => {
                tracing::warn!(%error, "not listening for upload release requests; again shortly");
                tokio::time::sleep(RECONNECT_AFTER).await;
            }
            () = &mut ended => return,
        }
    }
}

/// Listens on [`RELEASE_CHANNEL`] until the connection fails.
async fn relay(url: &str, on_release: &(impl Fn(&str) + Sync)) -> sqlx::Error {
    let mut listener = match PgListener::connect(url).await {
        Ok(listener) => listener,
        Err(error) => return error,
    };
    if let Err(error) = listener.listen(RELEASE_CHANNEL).await {
        return error;
    }
    loop {
        match listener.recv().await {
            Ok(notification) => on_release(notification.payload()),
            Err(error) => return error,
        }
    }
}
