//! The demo backend: invites, the interview rules, a tus 1.0 endpoint,
//! SQLite and media on disk. See `app::router` for every route.

pub mod api;
pub mod app;
pub mod db;
pub mod error;
pub mod invite;
pub mod pages;
pub mod tus;

use std::path::Path;

/// Opens the database in `data_dir` and stores `interviews` in it (after validating them).
pub async fn open(
    data_dir: &Path,
    interviews: &[recorder_core::model::Interview],
) -> Result<db::Db, Box<dyn std::error::Error>> {
    for interview in interviews {
        interview
            .validate()
            .map_err(|e| format!("interview {:?}: {e}", interview.id))?;
    }
    let db = db::Db::open(data_dir).await?;
    db.save_interviews(interviews).await?;
    Ok(db)
}
