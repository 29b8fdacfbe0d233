//! Inviting a candidate from the review page: their name and email (for
//! the hiring team) and their accommodations, as `demo-server invite` takes
//! them; the page that answers shows the link to send them.

use crate::app::AppState;
use crate::db::{NewInvite, MAX_NAME_CHARS};
use crate::error::ApiError;
use crate::pages::candidate_url;
use crate::review::{authorize, ensure_from_the_page, page_response};
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Form;
use maud::{html, Markup};
use recorder_core::model::{Accommodations, MAX_ATTEMPTS};
use serde::Deserialize;

/// The extra time the form offers, in percent of the interview's.
const TIME_CHOICES: [u32; 5] = [100, 125, 150, 200, 300];

/// What the review page's "Invite a candidate" form sends.
#[derive(Debug, Deserialize)]
pub struct InviteForm {
    interview: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default = "usual_time")]
    time_percent: u32,
    #[serde(default)]
    extra_attempts: u32,
    /// An HTML checkbox: present ("on") when ticked.
    #[serde(default)]
    manual_start: Option<String>,
}

fn usual_time() -> u32 {
    100
}

/// `POST /review/{token}/invites`: creates the invite; answers with its link.
pub async fn create(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    Form(form): Form<InviteForm>,
) -> Result<Response, ApiError> {
    authorize(&state.db, &token).await?;
    ensure_from_the_page(&headers)?;
    let invite = new_invite(form)?;
    let who = invite.name.clone().or(invite.email.clone());
    let created = state.db.create_invite(&invite).await?.ok_or_else(|| {
        ApiError::BadRequest(format!("there is no interview {:?}", invite.interview))
    })?;
    let link = candidate_url(&state.public_url, &created);
    let body = html! {
        article.invited {
            h2 { "Invite created" @if let Some(who) = &who { " for " (who) } }
            p { "Send this link to the candidate; it is shown only now." }
            p { input #invite-link readonly value=(link) size="80" aria-label="Candidate link"; }
            p { a href={ "/review/" (token) } { "Back to the review page" } }
        }
    };
    Ok(page_response(body))
}

/// The invite `form` asks for, checked.
fn new_invite(form: InviteForm) -> Result<NewInvite, ApiError> {
    let optional = |text: &str| Some(text.trim().to_string()).filter(|t| !t.is_empty());
    let invite = NewInvite {
        interview: form.interview,
        name: optional(&form.name),
        email: optional(&form.email),
        accommodations: Accommodations {
            time_percent: form.time_percent,
            extra_attempts: form.extra_attempts,
            manual_start: form.manual_start.is_some(),
        },
    };
    invite
        .check()
        .map_err(|e| ApiError::BadRequest(e.to_string()))?;
    Ok(invite)
}

/// The "Invite a candidate" form for `interview`, posted under the review `token`.
pub fn form(token: &str, interview: &str) -> Markup {
    html! {
        details.invite {
            summary { "Invite a candidate" }
            form method="post" action={ "/review/" (token) "/invites" } {
                input type="hidden" name="interview" value=(interview);
                label { "Name " input name="name" maxlength=(MAX_NAME_CHARS) autocomplete="off"; }
                " "
                label { "Email " input type="email" name="email" autocomplete="off"; }
                " "
                label {
                    "Time "
                    select name="time_percent" {
                        @for percent in TIME_CHOICES {
                            option value=(percent) { (percent) "%" }
                        }
                    }
                }
                " "
                label { "Extra takes " input type="number" name="extra_attempts" min="0" max=(MAX_ATTEMPTS) value="0"; }
                " "
                label { input type="checkbox" name="manual_start"; " Recording starts only on their press" }
                " "
                button { "Create invite" }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(name: &str, email: &str, time_percent: u32) -> InviteForm {
        InviteForm {
            interview: "demo".into(),
            name: name.into(),
            email: email.into(),
            time_percent,
            extra_attempts: 1,
            manual_start: Some("on".into()),
        }
    }

    #[test]
    fn a_form_becomes_an_invite_once_checked() {
        let invite = new_invite(form(" Ada Lovelace ", "", 150)).unwrap();
        assert_eq!(invite.name.as_deref(), Some("Ada Lovelace"));
        assert_eq!(invite.email, None);
        assert_eq!(invite.accommodations.time_percent, 150);
        assert!(invite.accommodations.manual_start);
        assert!(new_invite(form("Ada", "ada at example", 100)).is_err());
        assert!(new_invite(form("Ada", "", 50)).is_err());
        assert!(new_invite(form(&"a".repeat(201), "", 100)).is_err());
    }
}
