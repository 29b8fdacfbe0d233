//! A candidate's standing on each question: when it was first revealed,
//! the takes that count, the one submitted.

use super::uploads::TAKES;
use super::{unix_millis, Db};
use sqlx::Row;
use std::collections::HashMap;

/// A candidate's standing on one question.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuestionProgress {
    /// When it was first revealed.
    pub revealed_at: Option<i64>,
    /// Takes that count as attempts.
    pub attempts_used: u32,
    /// Takes given back after a technical failure.
    pub technical_failures: u32,
    /// The submitted take and when.
    pub submitted: Option<(String, i64)>,
}

/// One question's standing as [`Db::progress_by_question`] reads it.
#[derive(sqlx::FromRow)]
struct StandingRow {
    question_id: String,
    revealed_at: Option<i64>,
    #[sqlx(try_from = "i64")]
    attempts_used: u32,
    #[sqlx(try_from = "i64")]
    technical_failures: u32,
    upload_id: Option<String>,
    submitted_at: Option<i64>,
}

impl Db {
    /// Records the first reveal of a question (later reveals change nothing);
    /// returns when it was first revealed.
    pub async fn reveal(&self, invite_id: i64, question_id: &str) -> Result<i64, sqlx::Error> {
        let (question_id, now) = (question_id.to_string(), unix_millis());
        self.writes
            .run(move |connection| {
                Box::pin(async move {
                    sqlx::query(
                        "INSERT INTO reveals (invite_id, question_id, revealed_at)
                         VALUES ($1, $2, $3) ON CONFLICT(invite_id, question_id) DO NOTHING",
                    )
                    .bind(invite_id)
                    .bind(&question_id)
                    .bind(now)
                    .execute(&mut *connection)
                    .await?;
                    sqlx::query(
                        "SELECT revealed_at FROM reveals WHERE invite_id = $1 AND question_id = $2",
                    )
                    .bind(invite_id)
                    .bind(&question_id)
                    .fetch_one(&mut *connection)
                    .await
                    .map(|row| row.get(0))
                })
            })
            .await
    }

    /// The candidate's standing on `question_id` (one query).
    pub async fn progress(
        &self,
        invite_id: i64,
        question_id: &str,
    ) -> Result<QuestionProgress, sqlx::Error> {
        let mut all = self.standing(invite_id, Some(question_id)).await?;
        Ok(all.remove(question_id).unwrap_or_default())
    }

    /// The candidate's standing on every question they revealed or
    /// uploaded to (one query; others have none yet).
    pub async fn progress_by_question(
        &self,
        invite_id: i64,
    ) -> Result<HashMap<String, QuestionProgress>, sqlx::Error> {
        self.standing(invite_id, None).await
    }

    async fn standing(
        &self,
        invite_id: i64,
        only: Option<&str>,
    ) -> Result<HashMap<String, QuestionProgress>, sqlx::Error> {
        let rows: Vec<StandingRow> = sqlx::query_as(&format!(
            "SELECT q.question_id,
                    (SELECT revealed_at FROM reveals r
                      WHERE r.invite_id = $1 AND r.question_id = q.question_id) AS revealed_at,
                    (SELECT {TAKES} FROM uploads u WHERE u.invite_id = $1
                        AND u.question_id = q.question_id AND u.technical_failure = 0)
                      AS attempts_used,
                    (SELECT {TAKES} FROM uploads u WHERE u.invite_id = $1
                        AND u.question_id = q.question_id AND u.technical_failure = 1)
                      AS technical_failures,
                    s.upload_id, s.submitted_at
             FROM (SELECT question_id FROM reveals WHERE invite_id = $1
                   UNION SELECT question_id FROM uploads WHERE invite_id = $1) q
             LEFT JOIN submissions s ON s.invite_id = $1 AND s.question_id = q.question_id
             WHERE $2 IS NULL OR q.question_id = $2"
        ))
        .bind(invite_id)
        .bind(only)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|row| {
                let progress = QuestionProgress {
                    revealed_at: row.revealed_at,
                    attempts_used: row.attempts_used,
                    technical_failures: row.technical_failures,
                    submitted: row.upload_id.zip(row.submitted_at),
                };
                (row.question_id, progress)
            })
            .collect())
    }

    /// Records the submitted take for a question; `false` if one already was.
    pub async fn submit(
        &self,
        invite_id: i64,
        question_id: &str,
        upload_id: &str,
    ) -> Result<bool, sqlx::Error> {
        let result = sqlx::query(
            "INSERT INTO submissions (invite_id, question_id, upload_id, submitted_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT(invite_id, question_id) DO NOTHING",
        )
        .bind(invite_id)
        .bind(question_id)
        .bind(upload_id)
        .bind(unix_millis())
        .execute(&self.writer)
        .await?;
        Ok(result.rows_affected() == 1)
    }
}
