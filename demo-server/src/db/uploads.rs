//! The uploads' rows: a take's upload as stored, recorded under the
//! question's rules, its progress and marks.

use super::{unix_millis, Db, Progress, SaveError};
use sqlx::any::AnyRow;
use sqlx::Row;

/// One take's upload as stored (read by column name).
#[derive(Clone, Debug, Default, serde::Serialize)]
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
    /// When it was created.
    pub created_at: i64,
    /// When every byte arrived.
    pub completed_at: Option<i64>,
    /// Replaced by a retry after a technical failure (not an attempt).
    pub technical_failure: bool,
    /// When it was terminated or expired (the file is gone).
    pub deleted_at: Option<i64>,
    /// sha256 of the complete take.
    pub sha256: Option<String>,
    /// Its duration, once probed.
    pub duration_ms: Option<i64>,
}

impl sqlx::FromRow<'_, AnyRow> for UploadRow {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        let bytes = |name: &str| -> Result<Option<u64>, sqlx::Error> {
            let value: Option<i64> = row.try_get(name)?;
            Ok(value.map(|v| v.max(0) as u64))
        };
        Ok(UploadRow {
            id: row.try_get("id")?,
            invite_id: row.try_get("invite_id")?,
            question_id: row.try_get("question_id")?,
            filetype: row.try_get("filetype")?,
            metadata: row.try_get("metadata")?,
            offset: bytes("upload_offset")?.unwrap_or_default(),
            length: bytes("upload_length")?,
            created_at: row.try_get("created_at")?,
            completed_at: row.try_get("completed_at")?,
            technical_failure: row.try_get::<i64, _>("technical_failure")? != 0,
            deleted_at: row.try_get("deleted_at")?,
            sha256: row.try_get("sha256")?,
            duration_ms: row.try_get("duration_ms")?,
        })
    }
}

impl Db {
    /// Every upload of an invite, oldest first.
    pub async fn uploads_of(&self, invite_id: i64) -> Result<Vec<UploadRow>, sqlx::Error> {
        let rows = sqlx::query_as::<_, UploadRow>(&format!(
            "{SELECT_UPLOAD} WHERE invite_id = $1 ORDER BY created_at, id"
        ))
        .bind(invite_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows)
    }

    /// Records a new, empty upload for a take, if the question's rules allow
    /// it at this instant: fewer than `attempts` takes of it count (technical
    /// failures do not; the uploads of one `take`, as the client names it,
    /// count once, so a creation sent again is no new attempt), and the take
    /// it `replaces`, if any, is the candidate's own, not yet replaced, with
    /// fewer than its `max_failures` replaced before (all its uploads are).
    /// Checked and written in one write transaction, so parallel creations
    /// cannot overrun the rules.
    pub async fn insert_take(
        &self,
        upload: &UploadRow,
        take: Option<&str>,
        attempts: u32,
        replaces: Option<Replacing<'_>>,
    ) -> Result<Result<(), TakeRefused>, sqlx::Error> {
        let (upload, take, created_at) = (upload.clone(), take.map(str::to_string), unix_millis());
        let replaces = replaces.map(|r| (r.id.to_string(), r.max_failures));
        let lock = self.backend.invite_lock();
        let written = self
            .writes
            .run(move |connection| {
                Box::pin(async move {
                    if let Some(lock) = lock {
                        sqlx::query(lock)
                            .bind(upload.invite_id)
                            .execute(&mut *connection)
                            .await?;
                    }
                    if let Some((id, max_failures)) = replaces {
                        let replaced = sqlx::query(&format!(
                            "UPDATE uploads SET technical_failure = 1
                             WHERE invite_id = $1 AND question_id = $2 AND technical_failure = 0
                               AND (id = $3 OR take = (SELECT take FROM uploads WHERE id = $3))
                               AND (SELECT {TAKES} FROM uploads WHERE invite_id = $1
                                    AND question_id = $2 AND technical_failure = 1) < $4"
                        ))
                        .bind(upload.invite_id)
                        .bind(&upload.question_id)
                        .bind(&id)
                        .bind(i64::from(max_failures))
                        .execute(&mut *connection)
                        .await?;
                        if replaced.rows_affected() == 0 {
                            return Err(NotInserted::Refused(TakeRefused::NotReplaceable));
                        }
                    }
                    let inserted = bind_new(
                        sqlx::query(&format!(
                            "INSERT INTO uploads (id, invite_id, question_id, filetype, metadata,
                                              upload_offset, upload_length, created_at, take)
                         SELECT $1, $2, $3, $4, $5, 0, $6, $7, $8
                         WHERE (SELECT {TAKES} FROM uploads WHERE invite_id = $2
                                AND question_id = $3 AND technical_failure = 0) < $9
                            OR EXISTS (SELECT 1 FROM uploads WHERE invite_id = $2
                                       AND question_id = $3 AND technical_failure = 0
                                       AND take = $8)"
                        )),
                        &upload,
                    )
                    .bind(created_at)
                    .bind(take)
                    .bind(i64::from(attempts))
                    .execute(&mut *connection)
                    .await?;
                    if inserted.rows_affected() == 0 {
                        return Err(NotInserted::Refused(TakeRefused::NoAttemptsLeft));
                    }
                    Ok(())
                })
            })
            .await;
        match written {
            Ok(()) => Ok(Ok(())),
            Err(NotInserted::Refused(refused)) => Ok(Err(refused)),
            Err(NotInserted::Failed(error)) => Err(error),
        }
    }

    /// Records a connection check of `upload`'s invite, unless it already
    /// has `max_live` that are not deleted; whether it was recorded.
    pub async fn insert_probe(
        &self,
        upload: &UploadRow,
        max_live: u32,
    ) -> Result<bool, sqlx::Error> {
        let inserted = bind_new(sqlx::query(
            "INSERT INTO uploads (id, invite_id, question_id, filetype, metadata, upload_offset,
                                  upload_length, created_at)
             SELECT $1, $2, $3, $4, $5, 0, $6, $7
             WHERE (SELECT COUNT(*) FROM uploads WHERE invite_id = $2 AND question_id = $3
                    AND deleted_at IS NULL) < $8",
        ), upload)
        .bind(unix_millis())
        .bind(i64::from(max_live))
        .execute(&self.writer)
        .await?;
        Ok(inserted.rows_affected() == 1)
    }

    /// Whether `take` (the client's name for a take) already counts as an
    /// attempt at `question_id`: a creation sent again for it is no new one.
    pub async fn counts_take(
        &self,
        invite_id: i64,
        question_id: &str,
        take: &str,
    ) -> Result<bool, sqlx::Error> {
        // An integer, not EXISTS's truth value: SQLite and PostgreSQL type that differently.
        let counted: i64 = sqlx::query_scalar(
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM uploads WHERE invite_id = $1
                   AND question_id = $2 AND technical_failure = 0 AND take = $3) THEN 1 ELSE 0 END",
        )
        .bind(invite_id)
        .bind(question_id)
        .bind(take)
        .fetch_one(&self.pool)
        .await?;
        Ok(counted != 0)
    }

    /// The upload `id` if it belongs to `invite_id`.
    pub async fn find_upload(
        &self,
        id: &str,
        invite_id: i64,
    ) -> Result<Option<UploadRow>, sqlx::Error> {
        let row = self.reads.read(id).await?;
        Ok(row.filter(|upload| upload.invite_id == invite_id))
    }

    /// The upload `id`, whoever it belongs to (for the review page).
    pub async fn upload(&self, id: &str) -> Result<Option<UploadRow>, sqlx::Error> {
        self.reads.read(id).await
    }

    /// The uploads neither complete nor deleted, oldest first.
    pub async fn unfinished_uploads(&self) -> Result<Vec<UploadRow>, sqlx::Error> {
        let rows = sqlx::query_as::<_, UploadRow>(&format!(
            "{SELECT_UPLOAD} WHERE completed_at IS NULL AND deleted_at IS NULL ORDER BY created_at"
        ))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows)
    }

    /// The uploads of `question_id` created before `before` (Unix ms) and
    /// not deleted, finished or not, oldest first.
    pub async fn kept_uploads_created_before(
        &self,
        question_id: &str,
        before: i64,
    ) -> Result<Vec<UploadRow>, sqlx::Error> {
        let rows = sqlx::query_as::<_, UploadRow>(&format!(
            "{SELECT_UPLOAD} WHERE question_id = $1 AND created_at < $2
             AND deleted_at IS NULL ORDER BY created_at"
        ))
        .bind(question_id)
        .bind(before)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows)
    }

    /// The uploads completed after `after` and by `before` (Unix ms), kept,
    /// with no duration yet: their seekable copy was not made (the server
    /// stopped meanwhile) or could not be. Oldest first.
    pub async fn unconverted(
        &self,
        after: i64,
        before: i64,
    ) -> Result<Vec<UploadRow>, sqlx::Error> {
        let rows = sqlx::query_as::<_, UploadRow>(&format!(
            "{SELECT_UPLOAD} WHERE completed_at > $1 AND completed_at <= $2
             AND deleted_at IS NULL AND duration_ms IS NULL ORDER BY completed_at"
        ))
        .bind(after)
        .bind(before)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows)
    }

    /// Every upload, oldest first.
    pub async fn all_uploads(&self) -> Result<Vec<UploadRow>, sqlx::Error> {
        let rows =
            sqlx::query_as::<_, UploadRow>(&format!("{SELECT_UPLOAD} ORDER BY created_at, id"))
                .fetch_all(&self.pool)
                .await?;
        Ok(rows)
    }

    /// Records what a PATCH made durable: the upload's bytes up to its
    /// offset, its length if now known, and completion (with the whole
    /// upload's sha256) when they meet. Committed with every other PATCH's
    /// that ended meanwhile (`progress.rs`).
    pub async fn save_progress(&self, progress: Progress) -> Result<(), SaveError> {
        self.progress.save(progress).await
    }

    /// Sets one column of an upload: its duration or its deletion time.
    pub async fn mark_upload(&self, id: &str, mark: UploadMark) -> Result<(), sqlx::Error> {
        let (sql, value) = match mark {
            UploadMark::DurationMs(ms) => ("UPDATE uploads SET duration_ms = $1 WHERE id = $2", ms),
            UploadMark::Deleted => (
                "UPDATE uploads SET deleted_at = $1 WHERE id = $2",
                unix_millis(),
            ),
        };
        sqlx::query(sql)
            .bind(value)
            .bind(id)
            .execute(&self.writer)
            .await?;
        Ok(())
    }
}

/// How many takes some uploads are: those of one `take` count once, an
/// upload without one is a take of its own.
pub(super) const TAKES: &str = "COUNT(DISTINCT COALESCE(take, id))";

/// A take given back because it failed for a technical reason (see [`Db::insert_take`]).
pub struct Replacing<'a> {
    /// The failed take's upload id.
    pub id: &'a str,
    /// How many takes of the question may be given back in all.
    pub max_failures: u32,
}

/// Why [`Db::insert_take`] recorded nothing.
#[derive(Debug, PartialEq, Eq)]
pub enum TakeRefused {
    /// Every attempt of the question is used.
    NoAttemptsLeft,
    /// The take named as failed is not the candidate's, was already replaced,
    /// or the question's technical retries are used up.
    NotReplaceable,
}

/// `query` with a new upload's columns bound as `$1` to `$6`: its id, invite,
/// question, file type, metadata and length.
fn bind_new<'q>(
    query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    upload: &'q UploadRow,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    query
        .bind(&upload.id)
        .bind(upload.invite_id)
        .bind(&upload.question_id)
        .bind(&upload.filetype)
        .bind(&upload.metadata)
        .bind(upload.length.map(|l| l as i64))
}

/// A take's creation undone: refused by the rules, or failed.
enum NotInserted {
    Refused(TakeRefused),
    Failed(sqlx::Error),
}

impl From<sqlx::Error> for NotInserted {
    fn from(error: sqlx::Error) -> NotInserted {
        NotInserted::Failed(error)
    }
}

/// One column of an upload that [`Db::mark_upload`] sets.
pub enum UploadMark {
    /// Its duration.
    DurationMs(i64),
    /// Terminated or expired now.
    Deleted,
}

pub(super) const SELECT_UPLOAD: &str =
    "SELECT id, invite_id, question_id, filetype, metadata, upload_offset,
    upload_length, created_at, completed_at, technical_failure, deleted_at, sha256, duration_ms
    FROM uploads";
