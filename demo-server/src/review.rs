//! The hiring team's review page: every interview, candidate and take, each
//! take playable with seeking (HTTP Range), with its facts.

use crate::app::AppState;
use crate::db::{Db, InviteRow, UploadRow};
use crate::error::ApiError;
use crate::invite::is_token_shaped;
use crate::security_headers;
use axum::extract::{Path, Request, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use recorder_core::model::Interview;
use std::fmt::Write;
use std::time::{Duration, UNIX_EPOCH};
use tower::ServiceExt;
use tower_http::services::ServeFile;

const TEMPLATE: &str = include_str!("../../www/review.html");

/// `GET /review/{token}`: the page.
pub async fn page(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, ApiError> {
    authorize(&state.db, &token).await?;
    let invites = state.db.invites().await?;
    let mut body = String::new();
    for interview in state.db.interviews().await? {
        let _ = write!(body, "<h2>{}</h2>", escape(&interview.title));
        let invited: Vec<_> = invites
            .iter()
            .filter(|i| i.interview_id == interview.id)
            .collect();
        if invited.is_empty() {
            body.push_str("<p class=\"meta\">No candidates invited yet.</p>");
        }
        for invite in invited {
            candidate(&state.db, &token, &interview, invite, &mut body).await?;
        }
    }
    let policy = [(
        header::CONTENT_SECURITY_POLICY,
        security_headers::REVIEW_PAGE,
    )];
    Ok((policy, Html(TEMPLATE.replace("{{body}}", &body))).into_response())
}

/// `GET /review/{token}/media/{id}`: a take, seekable copy first, with Range support.
pub async fn media(
    State(state): State<AppState>,
    Path((token, id)): Path<(String, String)>,
    request: Request,
) -> Result<Response, ApiError> {
    authorize(&state.db, &token).await?;
    if !crate::tus::is_upload_id(&id) {
        return Err(ApiError::UploadNotFound);
    }
    let upload = state
        .db
        .upload(&id)
        .await?
        .filter(|u| u.deleted_at.is_none())
        .ok_or(ApiError::UploadNotFound)?;
    let original = state.store.path(&upload.id, &upload.filetype);
    let seekable = crate::seekable::copy_path(&original);
    let file = if seekable.is_file() {
        seekable
    } else {
        original
    };
    let Ok(response) = ServeFile::new(file).oneshot(request).await;
    let policy = [(header::CONTENT_SECURITY_POLICY, security_headers::MEDIA)];
    Ok((policy, response).into_response())
}

async fn authorize(db: &Db, token: &str) -> Result<(), ApiError> {
    if is_token_shaped(token) && db.is_review_token(token).await? {
        Ok(())
    } else {
        Err(ApiError::ReviewLinkInvalid)
    }
}

async fn candidate(
    db: &Db,
    token: &str,
    interview: &Interview,
    invite: &InviteRow,
    body: &mut String,
) -> Result<(), ApiError> {
    let status = match invite.completed_at {
        Some(at) => format!("completed {}", time(at)),
        None => "in progress".to_string(),
    };
    let _ = write!(
        body,
        "<article><h3>Candidate #{}</h3><p class=\"meta\">Invited {} · {status}</p>",
        invite.id,
        time(invite.created_at)
    );
    let uploads = db.uploads_of(invite.id).await?;
    let mut standing = db.progress_by_question(invite.id).await?;
    for question in &interview.questions {
        let progress = standing.remove(&question.id).unwrap_or_default();
        let _ = write!(
            body,
            "<h4>{}</h4><p class=\"meta\">Attempts used {} of {} · technical failures {} · revealed {} · submitted {}</p><div class=\"takes\">",
            escape(question.prompt.text()),
            progress.attempts_used,
            question.attempts,
            progress.technical_failures,
            progress.revealed_at.map_or("never".into(), time),
            progress.submitted.as_ref().map_or("not yet".into(), |(_, at)| time(*at)),
        );
        let takes = uploads.iter().filter(|u| u.question_id == question.id);
        for (number, upload) in takes.enumerate() {
            let submitted = progress
                .submitted
                .as_ref()
                .is_some_and(|(id, _)| *id == upload.id);
            take(token, number + 1, upload, submitted, body);
        }
        body.push_str("</div>");
    }
    body.push_str("</article>");
    Ok(())
}

fn take(token: &str, number: usize, upload: &UploadRow, submitted: bool, body: &mut String) {
    let state = if upload.deleted_at.is_some() {
        "deleted"
    } else if upload.technical_failure {
        "technical failure"
    } else if upload.completed_at.is_none() {
        "incomplete"
    } else if submitted {
        "<span class=\"submitted\">submitted</span>"
    } else {
        "not submitted"
    };
    let playable = upload.completed_at.is_some() && upload.deleted_at.is_none();
    let _ = write!(body, "<figure data-take=\"{}\">", upload.id);
    if playable {
        let _ = write!(
            body,
            "<video controls preload=\"metadata\" src=\"/review/{token}/media/{}\"></video>",
            upload.id
        );
    }
    let duration = upload.duration_ms.map_or("duration unknown".into(), |ms| {
        format!("{:.1} s", ms as f64 / 1000.0)
    });
    let _ = write!(
        body,
        "<figcaption>Take {number} · {state} · {duration} · {} bytes · sha256 <code>{}</code></figcaption></figure>",
        upload.offset,
        upload.sha256.as_deref().unwrap_or("-")
    );
}

fn time(unix_millis: i64) -> String {
    httpdate::fmt_http_date(UNIX_EPOCH + Duration::from_millis(unix_millis.max(0) as u64))
}

/// Escapes text for HTML element content and attribute values.
///
/// ```
/// assert_eq!(demo_server::review::escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
/// ```
pub fn escape(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '&' => "&amp;".to_string(),
            '"' => "&quot;".to_string(),
            '\'' => "&#39;".to_string(),
            c => c.to_string(),
        })
        .collect()
}
