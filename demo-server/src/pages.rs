//! The candidate's page: the widget embedded the way a hiring site would.

use crate::api::session_view;
use crate::app::AppState;
use crate::invite::{is_token_shaped, token_hash};
use crate::security_headers;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use recorder_core::model::SessionView;

const CANDIDATE: &str = include_str!("../../www/candidate.html");
const THEMES: &str = include_str!("../../www/themes.html");

/// `?lang=xx` picks the recorder's language; otherwise the interview's
/// `locale`, otherwise the browser's.
#[derive(serde::Deserialize)]
pub struct PageQuery {
    lang: Option<String>,
}

/// `GET /i/{token}[?lang=xx]`: the page a candidate's invite link opens, in
/// the interview's language unless `lang` says otherwise, with the
/// candidate's session in the element (the recorder then need not ask for it:
/// one round trip less on a phone).
pub async fn candidate(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(query): Query<PageQuery>,
    headers: HeaderMap,
) -> Response {
    let candidate = match is_token_shaped(&token) {
        true => (state.db.find_invite(&token_hash(&token)).await)
            .ok()
            .flatten(),
        false => None,
    };
    let session = match &candidate {
        Some(candidate) => session_view(&state, candidate).await.ok(),
        None => None,
    };
    let lang = query
        .lang
        .filter(|l| recorder_core::model::is_language_tag(l))
        .or(candidate
            .and_then(|candidate| candidate.interview.presentation.locale.clone())
            .filter(|l| recorder_core::model::is_language_tag(l)));
    let browser = accepted_languages(&headers);
    let page = Page {
        token: &token,
        lang: lang.as_deref(),
        browser: &browser,
        session: session.as_ref(),
    };
    render(CANDIDATE, &state, &page)
}

/// `GET /demo/{token}`: the same recorder on a page that switches between two themes.
pub async fn themes(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    let page = Page {
        token: &token,
        lang: None,
        browser: &[],
        session: None,
    };
    render(THEMES, &state, &page)
}

/// What a host page is filled in with.
struct Page<'a> {
    /// The invite token.
    token: &'a str,
    /// The recorder's language (a checked language tag).
    lang: Option<&'a str>,
    /// The browser's languages, best first (checked tags), for when `lang` is `None`.
    browser: &'a [String],
    /// The candidate's session, embedded for the recorder.
    session: Option<&'a SessionView>,
}

/// A host page with the invite token, the server's origin, the recorder's
/// language and the embedded session filled in. The token is `[A-Za-z0-9_-]`
/// and the origin is the operator's (checked at startup): nothing to escape;
/// the session's JSON has its `<` escaped, so it cannot end its script element.
/// The page's Content-Security-Policy is built from the template (its inline scripts).
fn render(template: &str, state: &AppState, page: &Page) -> Response {
    let Page {
        token,
        lang,
        browser,
        session,
    } = *page;
    if !is_token_shaped(token) {
        return (StatusCode::NOT_FOUND, "This invite link is not valid.\n").into_response();
    }
    let policy =
        security_headers::recorder_page(template, &state.public_url, &state.frame_ancestors);
    let page = template
        .replace(
            "{{preload}}",
            &state.widget.preload_hints(
                &state.public_url,
                &lang
                    .into_iter()
                    .chain(browser.iter().map(String::as_str))
                    .collect::<Vec<_>>(),
            ),
        )
        .replace("{{origin}}", &state.public_url)
        .replace("{{invite}}", token)
        .replace(
            "{{lang}}",
            &lang.map(|l| format!(" lang=\"{l}\"")).unwrap_or_default(),
        )
        .replace("{{session}}", &embedded(session));
    let mut response = Html(page).into_response();
    if let Ok(policy) = HeaderValue::from_str(&policy) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    response
}

/// The language tags of `Accept-Language`, best first (`es-MX,es;q=0.8` is
/// `es-MX`, `es`; quality values are taken to be in order, as browsers send them).
fn accepted_languages(headers: &HeaderMap) -> Vec<String> {
    let value = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    value
        .split(',')
        .filter_map(|item| item.split(';').next())
        .map(str::trim)
        .filter(|tag| recorder_core::model::is_language_tag(tag))
        .map(str::to_string)
        .collect()
}

/// `session` as the recorder's loader reads it from its element.
fn embedded(session: Option<&SessionView>) -> String {
    let json = session.and_then(|session| serde_json::to_string(session).ok());
    json.map(|json| {
        format!(
            "<script type=\"application/json\" data-session>{}</script>",
            json.replace('<', "\\u003c")
        )
    })
    .unwrap_or_default()
}

/// The candidate URL for an invite token.
pub fn candidate_url(public_url: &str, token: &str) -> String {
    format!("{}/i/{token}", public_url.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_languages_are_the_tags_in_order() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("es-MX, es;q=0.9, *;q=0.5, not a tag"),
        );
        assert_eq!(accepted_languages(&headers), ["es-MX", "es"]);
        assert!(accepted_languages(&HeaderMap::new()).is_empty());
    }
}
