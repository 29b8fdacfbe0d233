//! The database (SQLite or PostgreSQL: `connect.rs`): interviews, invites,
//! reveals, submissions, and the uploads' rows (`uploads.rs`). Times are
//! Unix milliseconds.

mod advisory_locks;
mod connect;
mod consent;
mod extension;
mod progress;
mod standing;
#[cfg(test)]
mod test_uploads;
mod upload_reads;
mod uploads;
mod write_batches;

pub use advisory_locks::{AdvisoryLocks, HeldKey};
pub use connect::sqlite_url;
pub use extension::{Decision, ExtensionRow};
pub use progress::{Progress, SaveError};
pub use standing::QuestionProgress;
pub use uploads::{Replacing, TakeRefused, UploadMark, UploadRow};

use crate::invite::{self, Candidate};
use recorder_core::model::{Accommodations, ConsentAnswer, Interview};
use sqlx::AnyPool;
use sqlx::Row;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// The database file's name inside the data directory.
pub const FILE_NAME: &str = "demo.sqlite3";

/// A handle to the database; cheap to clone.
#[derive(Clone)]
pub struct Db {
    /// Reads.
    pool: AnyPool,
    /// Writes: on SQLite one connection, so writers queue here rather than
    /// in SQLite's busy handler; on PostgreSQL the same pool.
    writer: AnyPool,
    /// The writes every candidate makes as they start a question, batched.
    writes: write_batches::WriteBatches,
    progress: progress::ProgressWriter,
    /// Uploads read by id (each PATCH reads its own), batched on PostgreSQL.
    reads: upload_reads::UploadReads,
    backend: connect::Backend,
    /// PostgreSQL's URL (other instances may share the database), or `None` for SQLite.
    postgres_url: Option<std::sync::Arc<str>>,
}

/// An invite as the review page lists it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct InviteRow {
    /// Its id.
    pub id: i64,
    /// The interview.
    pub interview_id: String,
    /// When it was created (Unix seconds for invites made before times were milliseconds).
    pub created_at: i64,
    /// When the candidate completed the interview.
    pub completed_at: Option<i64>,
    /// Who it is for, as the hiring team named them.
    pub candidate_name: Option<String>,
    /// Their email address.
    pub candidate_email: Option<String>,
    /// 1 agreed, 0 declined (integers: SQLite and PostgreSQL alike).
    consent_agreed: Option<i64>,
    consent_at: Option<i64>,
    consent_sha256: Option<String>,
    #[sqlx(try_from = "i64")]
    time_percent: u32,
    #[sqlx(try_from = "i64")]
    extra_attempts: u32,
    manual_start: i64,
    /// The deadline granted to this candidate (Unix seconds), instead of the interview's.
    pub deadline: Option<i64>,
}

/// An invite to create: to which interview, for whom, with what accommodations.
///
/// ```
/// let invite = demo_server::db::NewInvite::to("demo");
/// assert!(invite.accommodations.is_none() && invite.name.is_none());
/// ```
#[derive(Clone, Debug, Default)]
pub struct NewInvite {
    /// The interview's id.
    pub interview: String,
    /// The candidate's name, for the hiring team.
    pub name: Option<String>,
    /// The candidate's email address, for the hiring team.
    pub email: Option<String>,
    /// What the candidate is given beyond the interview's rules.
    pub accommodations: Accommodations,
}

/// The longest name the hiring team may give a candidate, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// Why an invite cannot be made as asked.
///
/// ```
/// let mut invite = demo_server::db::NewInvite::to("demo");
/// invite.email = Some("ada at example".into());
/// assert!(invite.check().unwrap_err().to_string().contains("ada at example"));
/// ```
#[derive(Debug, thiserror::Error)]
pub enum InviteError {
    /// The name is too long to list.
    #[error("the name has {0} characters; at most {MAX_NAME_CHARS}")]
    NameTooLong(usize),
    /// The email is not one address.
    #[error("{0:?} is not an email address like ada@example.com")]
    BadEmail(String),
    /// The accommodations cannot be given.
    #[error(transparent)]
    Accommodations(#[from] recorder_core::model::AccommodationError),
}

impl NewInvite {
    /// An invite to `interview` with nothing more.
    pub fn to(interview: &str) -> NewInvite {
        NewInvite {
            interview: interview.to_string(),
            ..Default::default()
        }
    }

    /// Checks what the hiring team wrote (the command line and the review
    /// page alike): a name to list, one email address, accommodations that
    /// may be given.
    ///
    /// ```
    /// let mut invite = demo_server::db::NewInvite::to("demo");
    /// invite.name = Some("Ada Lovelace".into());
    /// assert!(invite.check().is_ok());
    /// ```
    pub fn check(&self) -> Result<(), InviteError> {
        let chars = self.name.as_ref().map_or(0, |n| n.chars().count());
        if chars > MAX_NAME_CHARS {
            return Err(InviteError::NameTooLong(chars));
        }
        if let Some(email) = self
            .email
            .as_ref()
            .filter(|e| !recorder_core::model::is_email(e))
        {
            return Err(InviteError::BadEmail(email.clone()));
        }
        Ok(self.accommodations.check()?)
    }
}

impl InviteRow {
    /// What the candidate is given beyond the interview's rules.
    pub fn accommodations(&self) -> Accommodations {
        Accommodations {
            time_percent: self.time_percent,
            extra_attempts: self.extra_attempts,
            manual_start: self.manual_start != 0,
        }
    }

    /// The candidate's answer to the consent text, once given.
    pub fn consent(&self) -> Option<ConsentAnswer> {
        consent::answer_of(
            self.consent_agreed,
            self.consent_at,
            self.consent_sha256.clone(),
        )
    }
}

/// Column `name` of `row`, a count or a percentage (an integer column in
/// either database).
fn column_u32(row: &sqlx::any::AnyRow, name: &str) -> Result<u32, sqlx::Error> {
    let value: i64 = row.try_get(name)?;
    u32::try_from(value).map_err(|e| sqlx::Error::ColumnDecode {
        index: name.to_string(),
        source: Box::new(e),
    })
}

/// Milliseconds since the Unix epoch.
pub fn unix_millis() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}

/// The moment `unix_millis` (as stored) names; the epoch for one before it.
///
/// ```
/// use demo_server::db::system_time;
/// use std::time::{Duration, UNIX_EPOCH};
/// assert_eq!(system_time(1_500), UNIX_EPOCH + Duration::from_millis(1_500));
/// assert_eq!(system_time(-1), UNIX_EPOCH);
/// ```
pub fn system_time(unix_millis: i64) -> SystemTime {
    UNIX_EPOCH + std::time::Duration::from_millis(unix_millis.max(0) as u64)
}

impl Db {
    /// Stores (or replaces) interview definitions.
    pub async fn save_interviews(&self, interviews: &[Interview]) -> Result<(), sqlx::Error> {
        for interview in interviews {
            let definition = serde_json::to_string(interview).expect("interviews serialize");
            sqlx::query(
                "INSERT INTO interviews (id, definition) VALUES ($1, $2)
                 ON CONFLICT(id) DO UPDATE SET definition = excluded.definition",
            )
            .bind(&interview.id)
            .bind(definition)
            .execute(&self.writer)
            .await?;
        }
        Ok(())
    }

    /// Every interview.
    pub async fn interviews(&self) -> Result<Vec<Interview>, sqlx::Error> {
        let rows = sqlx::query("SELECT definition FROM interviews ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                serde_json::from_str(row.get::<&str, _>(0))
                    .map_err(|e| sqlx::Error::Decode(Box::new(e)))
            })
            .collect()
    }

    /// Creates `invite`; returns its token, or `None` if there is no such interview.
    pub async fn create_invite(&self, invite: &NewInvite) -> Result<Option<String>, sqlx::Error> {
        let exists = sqlx::query("SELECT 1 FROM interviews WHERE id = $1")
            .bind(&invite.interview)
            .fetch_optional(&self.pool)
            .await?
            .is_some();
        if !exists {
            return Ok(None);
        }
        let token = invite::new_token();
        let given = &invite.accommodations;
        sqlx::query(
            "INSERT INTO invites (token_sha256, interview_id, created_at, candidate_name,
                 candidate_email, time_percent, extra_attempts, manual_start)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(invite::token_hash(&token))
        .bind(&invite.interview)
        .bind(unix_millis())
        .bind(&invite.name)
        .bind(&invite.email)
        .bind(i64::from(given.time_percent))
        .bind(i64::from(given.extra_attempts))
        .bind(i64::from(given.manual_start))
        .execute(&self.writer)
        .await?;
        Ok(Some(token))
    }

    /// The candidate holding the token with this hash.
    pub async fn find_invite(&self, token_sha256: &str) -> Result<Option<Candidate>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT invites.id, interviews.definition,
                    invites.consent_agreed, invites.consent_at, invites.consent_sha256,
                    invites.time_percent, invites.extra_attempts, invites.manual_start,
                    invites.deadline
             FROM invites
             JOIN interviews ON interviews.id = invites.interview_id
             WHERE invites.token_sha256 = $1",
        )
        .bind(token_sha256)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            let definition: String = row.get("definition");
            let mut interview: Interview =
                serde_json::from_str(&definition).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
            // A deadline granted to this candidate stands instead of the interview's.
            if let Some(deadline) = row.get::<Option<i64>, _>("deadline") {
                interview.presentation.deadline = Some(deadline as u64);
            }
            let accommodations = Accommodations {
                time_percent: column_u32(&row, "time_percent")?,
                extra_attempts: column_u32(&row, "extra_attempts")?,
                manual_start: row.get::<i64, _>("manual_start") != 0,
            };
            Ok(Candidate {
                invite_id: row.get("id"),
                interview: Arc::new(interview.for_candidate(&accommodations)),
                accommodations,
                consent: consent::answer_in(&row),
            })
        })
        .transpose()
    }

    /// Every invite, newest first.
    pub async fn invites(&self) -> Result<Vec<InviteRow>, sqlx::Error> {
        sqlx::query_as(
            "SELECT id, interview_id, created_at, completed_at, candidate_name, candidate_email,
                    consent_agreed, consent_at, consent_sha256,
                    time_percent, extra_attempts, manual_start, deadline
             FROM invites ORDER BY id DESC",
        )
        .fetch_all(&self.pool)
        .await
    }

    /// Creates a review token for the hiring team; returns it.
    pub async fn create_review_token(&self) -> Result<String, sqlx::Error> {
        let token = invite::new_token();
        sqlx::query("INSERT INTO review_tokens (token_sha256, created_at) VALUES ($1, $2)")
            .bind(invite::token_hash(&token))
            .bind(unix_millis())
            .execute(&self.writer)
            .await?;
        Ok(token)
    }

    /// Whether `token` is a review token.
    pub async fn is_review_token(&self, token: &str) -> Result<bool, sqlx::Error> {
        Ok(
            sqlx::query("SELECT 1 FROM review_tokens WHERE token_sha256 = $1")
                .bind(invite::token_hash(token))
                .fetch_optional(&self.pool)
                .await?
                .is_some(),
        )
    }

    /// Marks the invite complete (once); returns when it was completed and
    /// whether it was this call that completed it.
    pub async fn complete(&self, invite_id: i64) -> Result<(i64, bool), sqlx::Error> {
        let first = sqlx::query(
            "UPDATE invites SET completed_at = $1 WHERE id = $2 AND completed_at IS NULL",
        )
        .bind(unix_millis())
        .bind(invite_id)
        .execute(&self.writer)
        .await?
        .rows_affected()
            == 1;
        sqlx::query("SELECT completed_at FROM invites WHERE id = $1")
            .bind(invite_id)
            .fetch_one(&self.pool)
            .await
            .map(|row| (row.get(0), first))
    }
}
