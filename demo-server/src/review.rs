//! The hiring team's review page: every interview, candidate and take, each
//! take playable with seeking (HTTP Range), with its facts.

use crate::app::AppState;
use crate::db::{system_time, Db, InviteRow, UploadRow};
use crate::error::ApiError;
use crate::invite::is_token_shaped;
use crate::security_headers;
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderMap};
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup};
use recorder_core::model::Interview;

const TEMPLATE: &str = include_str!("../../www/review.html");

/// `GET /review/{token}`: the page. Every text in it is escaped (maud).
pub async fn page(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, ApiError> {
    authorize(&state.db, &token).await?;
    let invites = state.db.invites().await?;
    let extensions = state.db.extensions().await?;
    let mut sections = Vec::new();
    for interview in state.db.interviews().await? {
        let mut candidates = Vec::new();
        for invite in invites.iter().filter(|i| i.interview_id == interview.id) {
            let asked: Vec<_> = extensions
                .iter()
                .filter(|e| e.invite_id == invite.id)
                .collect();
            let requests = crate::extension::review_markup(&token, &asked);
            candidates.push(candidate(&state.db, &token, &interview, invite, requests).await?);
        }
        sections.push(html! {
            h2 { (interview.title) }
            (crate::review_invite::form(&token, &interview.id))
            @if candidates.is_empty() {
                p.meta { "No candidates invited yet." }
            }
            @for candidate in candidates { (candidate) }
        });
    }
    let body = html! { @for section in sections { (section) } };
    Ok(page_response(body))
}

/// `body` in the review page's frame, under its security policy.
pub fn page_response(body: Markup) -> Response {
    let policy = [(
        header::CONTENT_SECURITY_POLICY,
        security_headers::REVIEW_PAGE,
    )];
    let page = TEMPLATE.replace("{{body}}", &body.into_string());
    (policy, Html(page)).into_response()
}

/// Refuses a form the browser says came from another site. (The review
/// token in the path is the secret; this is a second lock.)
pub fn ensure_from_the_page(headers: &HeaderMap) -> Result<(), ApiError> {
    let site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    match site {
        Some(site) if !matches!(site, "same-origin" | "none") => Err(ApiError::BadRequest(
            "the review page's forms are sent from the review page itself".into(),
        )),
        _ => Ok(()),
    }
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
    let response = state.store.respond(&upload, request).await?;
    let policy = [(header::CONTENT_SECURITY_POLICY, security_headers::MEDIA)];
    Ok((policy, response).into_response())
}

/// Refuses a review link that is not the hiring team's.
pub async fn authorize(db: &Db, token: &str) -> Result<(), ApiError> {
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
    requests: Markup,
) -> Result<Markup, ApiError> {
    let consent = invite.consent();
    let status = match (invite.completed_at, &consent) {
        (Some(at), _) => format!("completed {}", time(at)),
        (None, Some(answer)) if !answer.agreed => format!("declined {}", time(answer.at)),
        (None, _) => "in progress".to_string(),
    };
    let asked = interview.presentation.consent.is_some();
    let consent_state = match &consent {
        Some(answer) if answer.agreed => "agreed",
        Some(_) => "declined",
        None if asked => "not answered",
        None => "not asked",
    };
    // The rules this candidate had: the interview with their accommodations.
    let given = invite.accommodations();
    let interview = &interview.for_candidate(&given);
    let who = match (&invite.candidate_name, &invite.candidate_email) {
        (Some(name), Some(email)) => format!("{name} <{email}>"),
        (Some(name), None) => name.clone(),
        (None, Some(email)) => email.clone(),
        (None, None) => format!("Candidate #{}", invite.id),
    };
    let uploads = db.uploads_of(invite.id).await?;
    let mut standing = db.progress_by_question(invite.id).await?;
    let questions = interview.questions.iter().map(|question| {
        let progress = standing.remove(&question.id).unwrap_or_default();
        let submitted = progress.submitted.as_ref();
        let takes = uploads.iter().filter(|u| u.question_id == question.id);
        html! {
            h4 { (question.prompt.text()) }
            p.meta {
                "Attempts used " (progress.attempts_used) " of " (question.attempts)
                " · technical failures " (progress.technical_failures)
                " · revealed " (progress.revealed_at.map_or("never".into(), time))
                " · submitted " (submitted.map_or("not yet".into(), |(_, at)| time(*at)))
            }
            div.takes {
                @for (number, upload) in takes.enumerate() {
                    (take(token, number + 1, upload, submitted.is_some_and(|(id, _)| *id == upload.id)))
                }
            }
        }
    });
    let questions: Vec<Markup> = questions.collect();
    Ok(html! {
        article id={ "invite-" (invite.id) } data-invite=(invite.id) data-consent=(consent_state) {
            h3 { (who) }
            @if !given.is_none() {
                p.meta.accommodations {
                    "Accommodations: " (given.time_percent) "% time · "
                    (given.extra_attempts) " extra attempts"
                    @if given.manual_start { " · recording starts only on their press" }
                }
            }
            p.meta {
                "Invited " (time(invite.created_at)) " · " (status)
                @if let Some(deadline) = invite.deadline.or(interview.presentation.deadline.map(|d| d as i64)) {
                    " · deadline " (time(deadline * 1000))
                    @if invite.deadline.is_some() { " (extended)" }
                }
            }
            (requests)
            @if asked || consent.is_some() {
                p.meta.consent {
                    "Consent: " (consent_state)
                    @if let Some(answer) = &consent {
                        " " (time(answer.at)) " · text sha256 " code { (answer.text_sha256) }
                    }
                }
            }
            @for question in questions { (question) }
        }
    })
}

fn take(token: &str, number: usize, upload: &UploadRow, submitted: bool) -> Markup {
    let state = if upload.deleted_at.is_some() {
        html! { "deleted" }
    } else if upload.technical_failure {
        html! { "technical failure" }
    } else if upload.completed_at.is_none() {
        html! { "incomplete" }
    } else if submitted {
        html! { span.submitted { "submitted" } }
    } else {
        html! { "not submitted" }
    };
    let playable = upload.completed_at.is_some() && upload.deleted_at.is_none();
    let duration = upload.duration_ms.map_or("duration unknown".into(), |ms| {
        format!("{:.1} s", ms as f64 / 1000.0)
    });
    html! {
        figure data-take=(upload.id) {
            @if playable && upload.filetype.starts_with("audio/") {
                audio controls preload="metadata" src={ "/review/" (token) "/media/" (upload.id) } {}
            } @else if playable {
                video controls preload="metadata" src={ "/review/" (token) "/media/" (upload.id) } {}
            }
            figcaption {
                "Take " (number) " · " (state) " · " (duration) " · " (upload.offset) " bytes · sha256 "
                code { (upload.sha256.as_deref().unwrap_or("-")) }
            }
        }
    }
}

/// A moment (Unix milliseconds) as the review page writes it.
pub fn time(unix_millis: i64) -> String {
    httpdate::fmt_http_date(system_time(unix_millis))
}
