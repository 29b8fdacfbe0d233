//! The candidate API, authorized by the invite token: the session, the
//! answer to the consent text, revealing a question, submitting a take,
//! completing the interview.

use crate::app::AppState;
use crate::db::{unix_millis, QuestionProgress};
use crate::error::ApiError;
use crate::invite::Candidate;
use axum::extract::{Path, State};
use axum::Json;
use recorder_core::model::{
    ConsentAnswer, ConsentDecision, Question, Receipt, RevealedQuestion, SessionView, SubmitTake,
    SubmittedAnswer,
};

/// `GET /api/session`: the interview's overview and the candidate's progress.
/// Never the text of a question.
pub async fn session(
    State(state): State<AppState>,
    candidate: Candidate,
) -> Result<Json<SessionView>, ApiError> {
    session_view(&state, &candidate).await.map(Json)
}

/// What `GET /api/session` answers for `candidate` (the candidate's page embeds it too).
pub async fn session_view(
    state: &AppState,
    candidate: &Candidate,
) -> Result<SessionView, ApiError> {
    let mut view = SessionView::overview(&candidate.interview);
    view.consent_answer = candidate.consent.clone();
    view.accommodations = Some(candidate.accommodations.clone()).filter(|given| !given.is_none());
    view.extension = state.db.latest_extension(candidate.invite_id).await?;
    let mut standing = state.db.progress_by_question(candidate.invite_id).await?;
    for question in &mut view.questions {
        let progress = standing.remove(&question.id).unwrap_or_default();
        question.attempts_used = progress.attempts_used;
        question.technical_failures = progress.technical_failures;
        question.revealed = progress.revealed_at.is_some();
        question.submitted = progress.submitted.is_some();
    }
    Ok(view)
}

/// `POST /api/consent`: the candidate's answer to the interview's consent
/// text, naming the text's sha256 (an answer to another text is refused). The
/// first answer stands, with its time; the hiring team's webhook hears it.
pub async fn consent(
    State(state): State<AppState>,
    candidate: Candidate,
    Json(decision): Json<ConsentDecision>,
) -> Result<Json<ConsentAnswer>, ApiError> {
    let Some(consent) = &candidate.interview.presentation.consent else {
        return Err(ApiError::BadRequest(
            "this interview asks for no consent".into(),
        ));
    };
    let current = consent.text_sha256();
    if !decision.text_sha256.eq_ignore_ascii_case(&current) {
        return Err(ApiError::ConsentChanged { current });
    }
    let (answer, first) = state
        .db
        .record_consent(candidate.invite_id, decision.agree, &current)
        .await?;
    if answer.agreed != decision.agree {
        return Err(ApiError::ConsentAnswered {
            agreed: answer.agreed,
        });
    }
    if first {
        state.report(
            "interview.consent",
            &candidate.interview.id,
            candidate.invite_id,
            serde_json::json!({ "consent": answer }),
        );
    }
    Ok(Json(answer))
}

/// `POST /api/questions/{id}/reveal`: the question's prompt; think time starts
/// at the first reveal and never restarts.
pub async fn reveal(
    State(state): State<AppState>,
    candidate: Candidate,
    Path(id): Path<String>,
) -> Result<Json<RevealedQuestion>, ApiError> {
    let question = question(&candidate, &id)?;
    ensure_consented(&candidate)?;
    let progress = state.db.progress(candidate.invite_id, &id).await?;
    if progress.revealed_at.is_none() {
        ensure_before_deadline(&candidate)?;
    }
    let revealed_at = state.db.reveal(candidate.invite_id, &id).await?;
    let thought_ms = unix_millis().saturating_sub(revealed_at).max(0) as u64;
    Ok(Json(RevealedQuestion {
        id: question.id.clone(),
        prompt: question.prompt.clone(),
        think_seconds: question.think_seconds,
        answer_seconds: question.answer_seconds,
        attempts_left: question.attempts.saturating_sub(progress.attempts_used),
        think_left_ms: (u64::from(question.think_seconds) * 1000).saturating_sub(thought_ms),
    }))
}

/// `POST /api/questions/{id}/submit`: names the take that answers the
/// question, once; it must be complete and match the client's size and sha256.
pub async fn submit(
    State(state): State<AppState>,
    candidate: Candidate,
    Path(id): Path<String>,
    Json(take): Json<SubmitTake>,
) -> Result<Json<SubmittedAnswer>, ApiError> {
    let question = question(&candidate, &id)?;
    let upload_id = crate::tus::upload_id_in(&take.upload).unwrap_or_default();
    let upload = crate::tus::find(&state, candidate.invite_id, upload_id)
        .await?
        .filter(|u| u.question_id == id)
        .ok_or(ApiError::UploadNotFound)?;
    if upload.deleted_at.is_some() || upload.technical_failure {
        return Err(ApiError::UploadGone);
    }
    if upload.completed_at.is_none() {
        return Err(ApiError::TakeIncomplete {
            received: upload.offset,
        });
    }
    let sha256 = upload.sha256.clone().unwrap_or_default();
    if upload.offset != take.bytes || !sha256.eq_ignore_ascii_case(&take.sha256) {
        return Err(ApiError::TakeMismatch {
            bytes: upload.offset,
            sha256,
            claimed_bytes: take.bytes,
            claimed_sha256: take.sha256,
        });
    }
    let upload = match crate::camera_app::is_camera_app(&upload) {
        true => {
            let ms = crate::camera_app::check_length(&state, question, &upload).await?;
            crate::db::UploadRow {
                duration_ms: Some(ms as i64),
                ..upload
            }
        }
        false => upload,
    };
    if !state
        .db
        .submit(candidate.invite_id, &id, &upload.id)
        .await?
    {
        return Err(ApiError::AlreadySubmitted(id));
    }
    // Its duration is known once its conversion ran (queued at its last byte):
    // the candidate does not wait for it.
    let progress = state.db.progress(candidate.invite_id, &id).await?;
    Ok(Json(answer(&id, &upload, &progress)))
}

/// `POST /api/complete`: completes the interview once every question is
/// submitted, and returns the receipt.
pub async fn complete(
    State(state): State<AppState>,
    candidate: Candidate,
) -> Result<Json<Receipt>, ApiError> {
    let mut answers = Vec::new();
    let mut missing = Vec::new();
    let mut standing = state.db.progress_by_question(candidate.invite_id).await?;
    for question in &candidate.interview.questions {
        let progress = standing.remove(&question.id).unwrap_or_default();
        let submitted = match &progress.submitted {
            Some((upload_id, _)) => state.db.upload(upload_id).await?,
            None => None,
        };
        match submitted {
            Some(upload) => answers.push(answer(&question.id, &upload, &progress)),
            None => missing.push(question.id.as_str()),
        }
    }
    if !missing.is_empty() {
        return Err(ApiError::AnswersMissing(
            missing.into_iter().map(str::to_string).collect(),
        ));
    }
    let (completed_at, first_time) = state.db.complete(candidate.invite_id).await?;
    let receipt = Receipt {
        title: candidate.interview.title.clone(),
        completed_at,
        answers,
        review_by: candidate.interview.presentation.review_by,
    };
    if first_time {
        state.report(
            "interview.completed",
            &candidate.interview.id,
            candidate.invite_id,
            serde_json::json!({
                "receipt": receipt,
                "consent": candidate.consent,
                "accommodations": candidate.accommodations,
            }),
        );
    }
    Ok(Json(receipt))
}

/// The question `id` of the candidate's interview (not the practice one: it needs no server).
pub fn question<'a>(candidate: &'a Candidate, id: &str) -> Result<&'a Question, ApiError> {
    candidate
        .interview
        .questions
        .iter()
        .find(|q| q.id == id)
        .ok_or_else(|| ApiError::UnknownQuestion(id.to_string()))
}

/// Refuses with 410 once the interview's deadline has passed.
pub fn ensure_before_deadline(candidate: &Candidate) -> Result<(), ApiError> {
    match candidate.interview.presentation.deadline {
        Some(deadline) if unix_millis() / 1000 >= deadline as i64 => Err(ApiError::DeadlinePassed),
        _ => Ok(()),
    }
}

/// Nothing is recorded for an interview that asks for consent until the
/// candidate agrees.
pub fn ensure_consented(candidate: &Candidate) -> Result<(), ApiError> {
    let asked = candidate.interview.presentation.consent.is_some();
    let agreed = candidate.consent.as_ref().is_some_and(|a| a.agreed);
    match asked && !agreed {
        true => Err(ApiError::ConsentRequired),
        false => Ok(()),
    }
}

fn answer(id: &str, upload: &crate::db::UploadRow, progress: &QuestionProgress) -> SubmittedAnswer {
    SubmittedAnswer {
        question: id.to_string(),
        bytes: upload.offset,
        sha256: upload.sha256.clone().unwrap_or_default(),
        duration_ms: upload.duration_ms.map(|ms| ms as u64),
        submitted_at: progress.submitted.as_ref().map_or(0, |(_, at)| *at),
    }
}
