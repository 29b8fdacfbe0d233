//! The candidate's page: the widget embedded the way a hiring site would.

use crate::app::AppState;
use crate::invite::{is_token_shaped, token_hash};
use crate::security_headers;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};

const CANDIDATE: &str = include_str!("../../www/candidate.html");
const THEMES: &str = include_str!("../../www/themes.html");

/// `?lang=xx` picks the recorder's language; otherwise the interview's
/// `locale`, otherwise the browser's.
#[derive(serde::Deserialize)]
pub struct PageQuery {
    lang: Option<String>,
}

/// `GET /i/{token}[?lang=xx]`: the page a candidate's invite link opens, in
/// the interview's language unless `lang` says otherwise.
pub async fn candidate(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(query): Query<PageQuery>,
) -> Response {
    let interview_locale = match is_token_shaped(&token) {
        true => (state.db.find_invite(&token_hash(&token)).await)
            .ok()
            .flatten()
            .and_then(|candidate| candidate.interview.presentation.locale),
        false => None,
    };
    let lang = query
        .lang
        .filter(|l| recorder_core::model::is_language_tag(l))
        .or(interview_locale.filter(|l| recorder_core::model::is_language_tag(l)));
    render(CANDIDATE, &state, &token, lang.as_deref())
}

/// `GET /demo/{token}`: the same recorder on a page that switches between two themes.
pub async fn themes(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    render(THEMES, &state, &token, None)
}

/// A host page with the invite token, the server's origin and the recorder's
/// language (`lang`, a checked language tag) filled in. The token is
/// `[A-Za-z0-9_-]` and the origin is the operator's (checked at startup):
/// nothing to escape.
/// The page's Content-Security-Policy is built from the template (its inline scripts).
fn render(template: &str, state: &AppState, token: &str, lang: Option<&str>) -> Response {
    if !is_token_shaped(token) {
        return (StatusCode::NOT_FOUND, "This invite link is not valid.\n").into_response();
    }
    let policy =
        security_headers::recorder_page(template, &state.public_url, &state.frame_ancestors);
    let page = template
        .replace(
            "{{preload}}",
            &state.widget.preload_hints(&state.public_url, lang),
        )
        .replace("{{origin}}", &state.public_url)
        .replace("{{invite}}", token)
        .replace(
            "{{lang}}",
            &lang.map(|l| format!(" lang=\"{l}\"")).unwrap_or_default(),
        );
    let mut response = Html(page).into_response();
    if let Ok(policy) = HeaderValue::from_str(&policy) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    response
}

/// The candidate URL for an invite token.
pub fn candidate_url(public_url: &str, token: &str) -> String {
    format!("{}/i/{token}", public_url.trim_end_matches('/'))
}
