//! The SQLite database: interviews, invites and uploads.

use crate::invite::{self, Candidate};
use recorder_core::model::Interview;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqliteSynchronous};
use sqlx::Row;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The database file's name inside the data directory.
pub const FILE_NAME: &str = "demo.sqlite3";

/// A handle to the database; cheap to clone.
#[derive(Clone)]
pub struct Db {
    pool: SqlitePool,
}

/// One take's upload as stored.
#[derive(Clone, Debug, serde::Serialize)]
pub struct UploadRow {
    /// The tus upload id.
    pub id: String,
    /// The invite it belongs to.
    pub invite_id: i64,
    /// The question it answers.
    pub question_id: String,
    /// The container type the client declared.
    pub filetype: String,
    /// The raw `Upload-Metadata` header.
    pub metadata: String,
    /// Bytes durable on disk.
    pub offset: u64,
    /// The declared length, once known.
    pub length: Option<u64>,
    /// Unix seconds when every byte arrived.
    pub completed_at: Option<i64>,
}

/// Seconds since the Unix epoch.
pub fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

impl Db {
    /// Opens (creating if needed) the database in `data_dir` and migrates it.
    pub async fn open(data_dir: &Path) -> Result<Db, sqlx::Error> {
        std::fs::create_dir_all(data_dir)?;
        let options = SqliteConnectOptions::new()
            .filename(data_dir.join(FILE_NAME))
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePool::connect_with(options).await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Db { pool })
    }

    /// Stores (or replaces) interview definitions.
    pub async fn save_interviews(&self, interviews: &[Interview]) -> Result<(), sqlx::Error> {
        for interview in interviews {
            let definition = serde_json::to_string(interview).expect("interviews serialize");
            sqlx::query(
                "INSERT INTO interviews (id, definition) VALUES (?, ?)
                 ON CONFLICT(id) DO UPDATE SET definition = excluded.definition",
            )
            .bind(&interview.id)
            .bind(definition)
            .execute(&self.pool)
            .await?;
        }
        Ok(())
    }

    /// Creates an invite to `interview_id`; returns its token, or `None` if
    /// there is no such interview.
    pub async fn create_invite(&self, interview_id: &str) -> Result<Option<String>, sqlx::Error> {
        let exists = sqlx::query("SELECT 1 FROM interviews WHERE id = ?")
            .bind(interview_id)
            .fetch_optional(&self.pool)
            .await?
            .is_some();
        if !exists {
            return Ok(None);
        }
        let token = invite::new_token();
        sqlx::query(
            "INSERT INTO invites (token_sha256, interview_id, created_at) VALUES (?, ?, ?)",
        )
        .bind(invite::token_hash(&token))
        .bind(interview_id)
        .bind(unix_now())
        .execute(&self.pool)
        .await?;
        Ok(Some(token))
    }

    /// The candidate holding the token with this hash.
    pub async fn find_invite(&self, token_sha256: &str) -> Result<Option<Candidate>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT invites.id, interviews.definition FROM invites
             JOIN interviews ON interviews.id = invites.interview_id
             WHERE invites.token_sha256 = ?",
        )
        .bind(token_sha256)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            let definition: String = row.get(1);
            let interview =
                serde_json::from_str(&definition).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
            Ok(Candidate {
                invite_id: row.get(0),
                interview,
            })
        })
        .transpose()
    }

    /// Records a new, empty upload.
    pub async fn insert_upload(&self, upload: &UploadRow) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO uploads (id, invite_id, question_id, filetype, metadata, upload_offset,
                                  upload_length, created_at)
             VALUES (?, ?, ?, ?, ?, 0, ?, ?)",
        )
        .bind(&upload.id)
        .bind(upload.invite_id)
        .bind(&upload.question_id)
        .bind(&upload.filetype)
        .bind(&upload.metadata)
        .bind(upload.length.map(|l| l as i64))
        .bind(unix_now())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The upload `id` if it belongs to `invite_id`.
    pub async fn find_upload(
        &self,
        id: &str,
        invite_id: i64,
    ) -> Result<Option<UploadRow>, sqlx::Error> {
        let row = sqlx::query(&format!("{SELECT_UPLOAD} WHERE id = ? AND invite_id = ?"))
            .bind(id)
            .bind(invite_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(upload_row))
    }

    /// Every upload, oldest first.
    pub async fn all_uploads(&self) -> Result<Vec<UploadRow>, sqlx::Error> {
        let rows = sqlx::query(&format!("{SELECT_UPLOAD} ORDER BY created_at, id"))
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.iter().map(upload_row).collect())
    }

    /// How many takes the invite has started for each question.
    pub async fn attempts_used(&self, invite_id: i64) -> Result<Vec<(String, u32)>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT question_id, COUNT(*) FROM uploads WHERE invite_id = ? GROUP BY question_id",
        )
        .bind(invite_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get::<String, _>(0), r.get::<i64, _>(1) as u32))
            .collect())
    }

    /// Records that the upload's bytes up to `offset` are durable, its
    /// length if now known, and completion when they meet.
    pub async fn save_progress(
        &self,
        id: &str,
        offset: u64,
        length: Option<u64>,
    ) -> Result<(), sqlx::Error> {
        let completed = length.filter(|l| *l == offset).map(|_| unix_now());
        sqlx::query(
            "UPDATE uploads SET upload_offset = ?, upload_length = ?, completed_at = ? WHERE id = ?",
        )
        .bind(offset as i64)
        .bind(length.map(|l| l as i64))
        .bind(completed)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

const SELECT_UPLOAD: &str = "SELECT id, invite_id, question_id, filetype, metadata, upload_offset,
                                    upload_length, completed_at FROM uploads";

fn upload_row(row: &sqlx::sqlite::SqliteRow) -> UploadRow {
    UploadRow {
        id: row.get(0),
        invite_id: row.get(1),
        question_id: row.get(2),
        filetype: row.get(3),
        metadata: row.get(4),
        offset: row.get::<i64, _>(5) as u64,
        length: row.get::<Option<i64>, _>(6).map(|l| l as u64),
        completed_at: row.get(7),
    }
}
