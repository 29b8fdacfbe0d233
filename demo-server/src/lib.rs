//! The demo backend: invites, the interview rules, a tus 1.0 endpoint,
//! SQLite (or PostgreSQL) and media on disk. See `app::router` for every route.

pub mod api;
pub mod app;
pub mod byte_range;
pub mod camera_app;
pub mod data_dir_lock;
pub mod db;
pub mod error;
pub mod extension;
pub mod invite;
pub mod pages;
pub mod patch_callers;
pub mod per_invite;
pub mod probes;
pub mod request_log;
pub mod review;
pub mod review_invite;
pub mod rules;
pub mod security_headers;
pub mod seekable;
pub mod serve;
pub mod tus;
pub mod webhook;
pub mod widget_files;

use std::path::Path;

/// Opens the database (the one at `database_url`, else SQLite in
/// `data_dir`) and stores `interviews` in it (after validating them).
pub async fn open(
    data_dir: &Path,
    database_url: Option<&str>,
    interviews: &[recorder_core::model::Interview],
) -> Result<db::Db, Box<dyn std::error::Error>> {
    for interview in interviews {
        interview
            .validate()
            .map_err(|e| format!("interview {:?}: {e}", interview.id))?;
    }
    let db = db::Db::open(data_dir, database_url).await?;
    db.save_interviews(interviews).await?;
    Ok(db)
}

/// Serves `interviews` from `data_dir` on 127.0.0.1 at a free port, in the
/// background (for tests and embedding); returns the origin and the database.
pub async fn spawn_local(
    data_dir: &Path,
    interviews: &[recorder_core::model::Interview],
) -> Result<(String, db::Db), Box<dyn std::error::Error>> {
    spawn_local_with(data_dir, interviews, Local::default()).await
}

/// What [`spawn_local_with`] sets beyond the defaults.
pub struct Local {
    /// Where completed interviews are reported.
    pub webhook: Option<webhook::Webhook>,
    /// How long a silent client may hold a connection or an upload.
    pub timeouts: serve::Timeouts,
    /// Below this much free disk space no new take begins.
    pub min_free_bytes: u64,
    /// Requests of one invite at once.
    pub max_per_invite: usize,
    /// The database, if not SQLite in the data dir (`postgres://...`).
    pub database_url: Option<String>,
    /// Where takes are kept, if not files in the data dir (`s3://...`, see
    /// [`tus::media_store::MediaStore::open`]).
    pub storage: Option<String>,
}

impl Default for Local {
    fn default() -> Self {
        Local {
            webhook: None,
            timeouts: serve::Timeouts::default(),
            min_free_bytes: app::MIN_FREE_BYTES,
            max_per_invite: per_invite::MAX_PER_INVITE,
            database_url: None,
            storage: None,
        }
    }
}

/// [`spawn_local`] with a webhook or other timeouts.
pub async fn spawn_local_with(
    data_dir: &Path,
    interviews: &[recorder_core::model::Interview],
    local: Local,
) -> Result<(String, db::Db), Box<dyn std::error::Error>> {
    let db = open(data_dir, local.database_url.as_deref(), interviews).await?;
    let media = data_dir.join("media");
    std::fs::create_dir_all(&media)?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let origin = format!("http://{}", listener.local_addr()?);
    let state = app::AppState::new(
        db.clone(),
        media.clone(),
        &origin,
        vec![origin.parse()?],
        local.webhook,
    )
    .with_store(tus::media_store::MediaStore::open(
        local.storage.as_deref(),
        media,
    )?)
    .with_timeouts(local.timeouts)
    .with_min_free_bytes(local.min_free_bytes)
    .with_max_per_invite(local.max_per_invite);
    let router = app::router(state);
    tokio::spawn(serve::serve(
        listener,
        router,
        local.timeouts,
        std::future::pending(),
    ));
    Ok((origin, db))
}
