//! The candidate's answer to the interview's consent text, kept on the invite.

use super::{unix_millis, Db};
use recorder_core::model::ConsentAnswer;
use sqlx::Row;

/// The consent columns of an invite row as an answer, if one was given.
pub(super) fn answer_in(row: &sqlx::any::AnyRow) -> Option<ConsentAnswer> {
    answer_of(
        row.get("consent_agreed"),
        row.get("consent_at"),
        row.get("consent_sha256"),
    )
}

/// An invite's consent columns (agreed, when, the text's sha256) as an
/// answer, if one was given.
pub(super) fn answer_of(
    agreed: Option<i64>,
    at: Option<i64>,
    text_sha256: Option<String>,
) -> Option<ConsentAnswer> {
    Some(ConsentAnswer {
        agreed: agreed? != 0,
        at: at.unwrap_or_default(),
        text_sha256: text_sha256.unwrap_or_default(),
    })
}

impl Db {
    /// Records the candidate's answer to the consent text with sha256
    /// `text_sha256`, unless one was already given; returns the answer that
    /// stands (the first) and whether this call recorded it.
    pub async fn record_consent(
        &self,
        invite_id: i64,
        agreed: bool,
        text_sha256: &str,
    ) -> Result<(ConsentAnswer, bool), sqlx::Error> {
        let first = sqlx::query(
            "UPDATE invites SET consent_agreed = $1, consent_at = $2, consent_sha256 = $3
             WHERE id = $4 AND consent_agreed IS NULL",
        )
        .bind(i64::from(agreed))
        .bind(unix_millis())
        .bind(text_sha256)
        .bind(invite_id)
        .execute(&self.writer)
        .await?
        .rows_affected()
            == 1;
        let row = sqlx::query(
            "SELECT consent_agreed, consent_at, consent_sha256 FROM invites WHERE id = $1",
        )
        .bind(invite_id)
        .fetch_one(&self.pool)
        .await?;
        let answer = answer_in(&row).ok_or(sqlx::Error::RowNotFound)?;
        Ok((answer, first))
    }
}
