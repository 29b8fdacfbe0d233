//! The candidate's page: the widget embedded the way a hiring site would.

use crate::app::AppState;
use crate::invite::is_token_shaped;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

const TEMPLATE: &str = include_str!("../../www/candidate.html");

/// `GET /i/{token}`: the page a candidate's invite link opens.
pub async fn candidate(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    if !is_token_shaped(&token) {
        return (StatusCode::NOT_FOUND, "This invite link is not valid.\n").into_response();
    }
    // The token is [A-Za-z0-9_-] and the URL comes from the operator: nothing to escape.
    let page = TEMPLATE
        .replace("{{origin}}", &state.public_url)
        .replace("{{invite}}", &token);
    Html(page).into_response()
}

/// The candidate URL for an invite token.
pub fn candidate_url(public_url: &str, token: &str) -> String {
    format!("{}/i/{token}", public_url.trim_end_matches('/'))
}
