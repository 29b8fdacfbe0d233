//! Requests for more time and the hiring team's answers; a granted one
//! moves the invite's own deadline.

use super::{unix_millis, Db};
use recorder_core::model::{Extension, ExtensionStatus};
use sqlx::Row;

/// A request for more time as the review page lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtensionRow {
    /// Its id, named by the review page's Grant and Decline.
    pub id: i64,
    /// The invite that asked.
    pub invite_id: i64,
    /// The request and its answer.
    pub extension: Extension,
    /// The deadline it granted (Unix seconds).
    pub deadline: Option<u64>,
}

/// What the hiring team answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// More time, until this moment (Unix seconds).
    Grant(u64),
    /// No more time.
    Decline,
}

const COLUMNS: &str = "id, invite_id, note, requested_at, status, deadline, decided_at";

fn row_of(row: &sqlx::any::AnyRow) -> Result<ExtensionRow, sqlx::Error> {
    let status: String = row.get("status");
    let status = ExtensionStatus::parse(&status)
        .ok_or_else(|| sqlx::Error::Decode(format!("extension status {status:?}").into()))?;
    Ok(ExtensionRow {
        id: row.get("id"),
        invite_id: row.get("invite_id"),
        extension: Extension {
            note: row.get("note"),
            requested_at: row.get("requested_at"),
            status,
            decided_at: row.get("decided_at"),
        },
        deadline: row.get::<Option<i64>, _>("deadline").map(|d| d as u64),
    })
}

impl Db {
    /// Keeps the invite's request for more time with `note`; `None` when one
    /// already waits for an answer.
    pub async fn request_extension(
        &self,
        invite_id: i64,
        note: &str,
    ) -> Result<Option<Extension>, sqlx::Error> {
        let query = format!(
            "INSERT INTO extension_requests (invite_id, note, requested_at) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING RETURNING {COLUMNS}"
        );
        let row = sqlx::query(&query)
            .bind(invite_id)
            .bind(note)
            .bind(unix_millis())
            .fetch_optional(&self.writer)
            .await?;
        Ok(row.as_ref().map(row_of).transpose()?.map(|r| r.extension))
    }

    /// The invite's latest request for more time, if it made one.
    pub async fn latest_extension(&self, invite_id: i64) -> Result<Option<Extension>, sqlx::Error> {
        let query = format!(
            "SELECT {COLUMNS} FROM extension_requests WHERE invite_id = $1 ORDER BY id DESC LIMIT 1"
        );
        let row = sqlx::query(&query)
            .bind(invite_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(row_of).transpose()?.map(|r| r.extension))
    }

    /// Every request for more time, oldest first.
    pub async fn extensions(&self) -> Result<Vec<ExtensionRow>, sqlx::Error> {
        let query = format!("SELECT {COLUMNS} FROM extension_requests ORDER BY id");
        let rows = sqlx::query(&query).fetch_all(&self.pool).await?;
        rows.iter().map(row_of).collect()
    }

    /// Answers the request `id` if it still waits (a granted one sets its
    /// invite's deadline, in the same transaction); the request as
    /// answered and the interview its invite is to, or `None` when there
    /// was none waiting.
    pub async fn decide_extension(
        &self,
        id: i64,
        decision: Decision,
    ) -> Result<Option<(ExtensionRow, String)>, sqlx::Error> {
        let (status, deadline) = match decision {
            Decision::Grant(until) => (ExtensionStatus::Granted, Some(until as i64)),
            Decision::Decline => (ExtensionStatus::Declined, None),
        };
        let mut tx = self.writer.begin().await?;
        let query = format!(
            "UPDATE extension_requests SET status = $1, deadline = $2, decided_at = $3
             WHERE id = $4 AND status = 'pending' RETURNING {COLUMNS}"
        );
        let Some(row) = sqlx::query(&query)
            .bind(status.as_str())
            .bind(deadline)
            .bind(unix_millis())
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
        else {
            return Ok(None);
        };
        let decided = row_of(&row)?;
        if let Some(deadline) = deadline {
            sqlx::query("UPDATE invites SET deadline = $1 WHERE id = $2")
                .bind(deadline)
                .bind(decided.invite_id)
                .execute(&mut *tx)
                .await?;
        }
        let interview: String =
            sqlx::query_scalar("SELECT interview_id FROM invites WHERE id = $1")
                .bind(decided.invite_id)
                .fetch_one(&mut *tx)
                .await?;
        tx.commit().await?;
        Ok(Some((decided, interview)))
    }
}
