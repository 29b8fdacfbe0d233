//! The candidate API, authorized by the invite token.

use crate::app::AppState;
use crate::error::ApiError;
use crate::invite::Candidate;
use axum::extract::State;
use axum::Json;
use recorder_core::model::SessionView;

/// `GET /api/session`: the interview's overview and the candidate's progress.
/// Never the text of a question.
pub async fn session(
    State(state): State<AppState>,
    candidate: Candidate,
) -> Result<Json<SessionView>, ApiError> {
    let mut view = SessionView::overview(&candidate.interview);
    let used = state.db.attempts_used(candidate.invite_id).await?;
    for question in &mut view.questions {
        question.attempts_used = used
            .iter()
            .find(|(id, _)| *id == question.id)
            .map_or(0, |(_, n)| *n);
    }
    Ok(Json(view))
}
