//! Requests for more time: the candidate asks near or past the deadline
//! (`POST /api/extension`), the hiring team grants a new deadline or
//! declines in the review page, and the webhook hears both.

use crate::api::session_view;
use crate::app::AppState;
use crate::db::{unix_millis, Decision, ExtensionRow};
use crate::error::ApiError;
use crate::invite::Candidate;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Redirect;
use axum::{Form, Json};
use maud::{html, Markup};
use recorder_core::model::{Extension, ExtensionAsk, ExtensionStatus};
use serde::Deserialize;

/// `POST /api/extension` `{ note }`: keeps the candidate's request for more
/// time when [`SessionView::may_ask_for_time`](recorder_core::model::SessionView::may_ask_for_time)
/// says they may; 201 with the request.
pub async fn request(
    State(state): State<AppState>,
    candidate: Candidate,
    Json(ask): Json<ExtensionAsk>,
) -> Result<(StatusCode, Json<Extension>), ApiError> {
    let ask = ExtensionAsk::new(&ask.note).map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let view = session_view(&state, &candidate).await?;
    if !view.may_ask_for_time(unix_seconds()) {
        return Err(ApiError::ExtensionNotNow);
    }
    let extension = state
        .db
        .request_extension(candidate.invite_id, &ask.note)
        .await?
        .ok_or(ApiError::ExtensionNotNow)?;
    state.report(
        "interview.extension-requested",
        &candidate.interview.id,
        candidate.invite_id,
        serde_json::json!({ "extension": extension }),
    );
    Ok((StatusCode::CREATED, Json(extension)))
}

/// The review page's answer to a request: `decision=grant` with `until`
/// (a date, `YYYY-MM-DD`: the new deadline is the end of that day, UTC),
/// or `decision=decline`.
#[derive(Debug, Deserialize)]
pub struct DecisionForm {
    decision: String,
    #[serde(default)]
    until: String,
}

/// `POST /review/{token}/extensions/{id}`: the hiring team's answer, then
/// back to the candidate in the review page.
pub async fn decide(
    State(state): State<AppState>,
    Path((token, id)): Path<(String, i64)>,
    headers: HeaderMap,
    Form(form): Form<DecisionForm>,
) -> Result<Redirect, ApiError> {
    crate::review::authorize(&state.db, &token).await?;
    crate::review::ensure_from_the_page(&headers)?;
    let decision = match form.decision.as_str() {
        "grant" => Decision::Grant(new_deadline(&form.until)?),
        "decline" => Decision::Decline,
        other => {
            return Err(ApiError::BadRequest(format!(
                "decision {other:?} must be \"grant\" or \"decline\""
            )))
        }
    };
    let (decided, interview) = state
        .db
        .decide_extension(id, decision)
        .await?
        .ok_or(ApiError::ExtensionUnknown(id))?;
    state.report(
        "interview.extension-decided",
        &interview,
        decided.invite_id,
        serde_json::json!({ "extension": decided.extension, "deadline": decided.deadline }),
    );
    Ok(Redirect::to(&format!(
        "/review/{token}#invite-{}",
        decided.invite_id
    )))
}

/// An invite's requests for more time in the review page: each with its
/// note and answer, the waiting one with Grant (until a date) and Decline.
pub fn review_markup(token: &str, requests: &[&ExtensionRow]) -> Markup {
    html! {
        @for request in requests {
            @let extension = &request.extension;
            div.extension data-extension=(request.id) data-status=(extension.status.as_str()) {
                p.meta {
                    "Asked for more time " (crate::review::time(extension.requested_at)) ": "
                    q { (extension.note) }
                }
                @match extension.status {
                    ExtensionStatus::Pending => form method="post" action={ "/review/" (token) "/extensions/" (request.id) } {
                        label { "New deadline (end of day, UTC) " input type="date" name="until" required; }
                        " "
                        button name="decision" value="grant" { "Grant" }
                        " "
                        button name="decision" value="decline" formnovalidate { "Decline" }
                    },
                    ExtensionStatus::Granted => p.meta {
                        "Granted " (extension.decided_at.map_or("-".into(), crate::review::time))
                        ": until " (request.deadline.map_or("-".into(), |d| crate::review::time(d as i64 * 1000)))
                    },
                    ExtensionStatus::Declined => p.meta {
                        "Declined " (extension.decided_at.map_or("-".into(), crate::review::time))
                    },
                }
            }
        }
    }
}

/// The end of `date` (`YYYY-MM-DD`) in UTC, in Unix seconds, if it is a
/// real date still to come.
fn new_deadline(date: &str) -> Result<u64, ApiError> {
    let bad = || ApiError::BadRequest(format!("until {date:?} must be a date like 2027-01-31"));
    let mut parts = date.splitn(3, '-').map(|p| p.parse::<i64>());
    let (Some(Ok(year)), Some(Ok(month)), Some(Ok(day))) =
        (parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    let days = days_from_civil(year, month, day).ok_or_else(bad)?;
    let end = days * 86_400 + 86_399;
    if end <= unix_seconds() as i64 {
        return Err(ApiError::BadRequest(format!(
            "until {date} has passed: a new deadline must be still to come"
        )));
    }
    Ok(end as u64)
}

/// Days since 1970-01-01 of a Gregorian date, if it exists (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> Option<i64> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let last = *month_days.get(usize::try_from(month - 1).ok()?)?;
    if !(1..=last).contains(&day) || !(1970..=9999).contains(&year) {
        return None;
    }
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

fn unix_seconds() -> u64 {
    (unix_millis() / 1000) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_from_1970() {
        assert_eq!(days_from_civil(1970, 1, 1), Some(0));
        assert_eq!(days_from_civil(2000, 3, 1), Some(11_017));
        assert_eq!(days_from_civil(2030, 1, 1), Some(21_915));
        assert_eq!(days_from_civil(2028, 2, 29), Some(21_243));
        assert_eq!(days_from_civil(2027, 2, 29), None);
        assert_eq!(days_from_civil(2027, 13, 1), None);
        assert_eq!(days_from_civil(2027, 0, 1), None);
    }

    #[test]
    fn a_new_deadline_is_a_real_date_to_come() {
        assert_eq!(new_deadline("2099-12-31").unwrap(), 4_102_444_799);
        for bad in ["", "tomorrow", "2099-02-30", "2020-01-01", "2099-1"] {
            assert!(new_deadline(bad).is_err(), "{bad}");
        }
    }
}
