//! The interview's rules on uploads, as the tus handler's hooks: a take is
//! one upload for a revealed question with attempts left, before the
//! deadline, of a video or audio type, within a size the answer's time
//! allows; a take that failed for a technical reason may be replaced without
//! costing an attempt (a few times); a submitted take is never deleted; a
//! finished take is queued to be made seekable; one made by the candidate's
//! camera app may be larger (its length is checked when it is submitted:
//! `camera_app`). An answer in sound only is
//! taken when the interview allows it. The recorder's connection check (a
//! scratch upload marked `purpose: uplink-probe`) is taken too, at no
//! attempt's cost, and never kept as an answer (`probes`).

use crate::api::{ensure_before_deadline, ensure_consented, question};
use crate::app::AppState;
use crate::camera_app::{is_camera_app, says_camera_app};
use crate::db::{Replacing, TakeRefused, UploadRow};
use crate::error::ApiError;
use crate::invite::Candidate;
use crate::probes::{self, is_probe, MAX_PROBE_BYTES};
use crate::tus::hooks::{Hooks, NewUpload};
use crate::tus::{find, upload_id_in};
use recorder_core::camera_app;
use recorder_core::model::{Question, MAX_ANSWER_SECONDS, MAX_TIME_PERCENT};
use recorder_core::uplink::PROBE_PURPOSE;

/// The highest bitrate accepted for an answer, in bytes per second (8 Mbit/s).
pub const MAX_BYTES_PER_SECOND: u64 = 1_000_000;

/// Technical failures per question whose takes are given back.
pub const MAX_TECHNICAL_RETRIES: u32 = recorder_core::session::MAX_TECHNICAL_FAILURES;

/// Headroom on top of the bitrate bound, for container overhead.
const HEADROOM_BYTES: u64 = 16 << 20;

/// The most bytes one take of `question` may have, recorded by the recorder
/// (or, `by_camera_app`, by the candidate's camera app: see
/// [`recorder_core::camera_app::max_bytes`]).
///
/// ```
/// let q = &recorder_core::model::Interview::sample().questions[0];
/// let max = demo_server::rules::max_take_bytes(q, false);
/// assert!(max > q.answer_seconds as u64 * demo_server::rules::MAX_BYTES_PER_SECOND);
/// assert!(demo_server::rules::max_take_bytes(q, true) > max);
/// ```
pub fn max_take_bytes(question: &Question, by_camera_app: bool) -> u64 {
    match by_camera_app {
        true => recorder_core::camera_app::max_bytes(question.answer_seconds),
        false => max_bytes_for(question.answer_seconds),
    }
}

/// The most bytes an answer of `seconds` may have.
fn max_bytes_for(seconds: u32) -> u64 {
    u64::from(seconds) * MAX_BYTES_PER_SECOND + HEADROOM_BYTES
}

/// The interview's rules, plugged into the tus handler
/// (`tus::create::<InterviewRules>` and so on).
pub struct InterviewRules;

/// What the rules admitted, before it is recorded.
pub enum Admitted {
    /// A take of a question.
    Take(Take),
    /// A connection check.
    Probe,
}

/// A take the rules admitted, before it is recorded.
pub struct Take {
    question: Question,
    /// The client's name for the take (`take` metadata), if it gave one.
    take: Option<String>,
    /// The failed take it replaces, if any.
    replaces: Option<String>,
    /// Made by the candidate's camera app.
    by_camera_app: bool,
}

/// The longest `take` name accepted (the recorder sends 24 hex digits).
const MAX_TAKE_NAME: usize = 128;

impl Hooks for InterviewRules {
    type Caller = Candidate;
    type Admission = Admitted;

    fn owner(candidate: &Candidate) -> i64 {
        candidate.invite_id
    }

    fn max_size_overall() -> u64 {
        camera_app::max_bytes(MAX_ANSWER_SECONDS * MAX_TIME_PERCENT / 100)
    }

    async fn before_create(
        state: &AppState,
        candidate: &Candidate,
        upload: &NewUpload<'_>,
    ) -> Result<Admitted, ApiError> {
        if upload.metadata.get("purpose").map(String::as_str) == Some(PROBE_PURPOSE) {
            ensure_consented(candidate)?;
            return Ok(Admitted::Probe);
        }
        let question_id = upload
            .metadata
            .get("question")
            .ok_or_else(|| ApiError::BadRequest("Upload-Metadata needs a `question`".into()))?;
        if !upload
            .metadata
            .get("filetype")
            .is_some_and(|t| t.starts_with("video/") || t.starts_with("audio/"))
        {
            return Err(ApiError::BadRequest(
                "Upload-Metadata needs a `filetype` of video/* or audio/*".into(),
            ));
        }
        let question = question(candidate, question_id)?;
        ensure_consented(candidate)?;
        let audio_only = upload
            .metadata
            .get("filetype")
            .is_some_and(|t| t.starts_with("audio/"));
        let quality = candidate.interview.presentation.quality.unwrap_or_default();
        if audio_only && !quality.audio_only {
            return Err(ApiError::BadRequest(
                "this interview takes answers with video; sound only is taken when its quality.audio_only is set".into(),
            ));
        }
        ensure_before_deadline(candidate)?;
        let progress = state.db.progress(candidate.invite_id, &question.id).await?;
        if progress.revealed_at.is_none() {
            return Err(ApiError::NotRevealed(question.id.clone()));
        }
        if progress.submitted.is_some() {
            return Err(ApiError::AlreadySubmitted(question.id.clone()));
        }
        let take = upload.metadata.get("take").cloned();
        if take
            .as_ref()
            .is_some_and(|t| t.is_empty() || t.len() > MAX_TAKE_NAME)
        {
            return Err(ApiError::BadRequest(format!(
                "Upload-Metadata `take` must be 1 to {MAX_TAKE_NAME} bytes"
            )));
        }
        let again = match &take {
            Some(take) => {
                state
                    .db
                    .counts_take(candidate.invite_id, &question.id, take)
                    .await?
            }
            None => false,
        };
        let replaces = match upload.metadata.get("replaces") {
            Some(failed) => Some(
                technical_retry(
                    state,
                    candidate,
                    question,
                    failed,
                    progress.technical_failures,
                )
                .await?,
            ),
            None => None,
        };
        // A creation sent again for a take that counts is the same attempt.
        if replaces.is_none() && !again && progress.attempts_used >= question.attempts {
            return Err(no_attempts_left(question));
        }
        let by_camera_app = says_camera_app(upload.metadata);
        Ok(Admitted::Take(Take {
            question: question.clone(),
            take,
            replaces,
            by_camera_app,
        }))
    }

    fn max_size(admitted: &Admitted) -> u64 {
        match admitted {
            Admitted::Take(take) => max_take_bytes(&take.question, take.by_camera_app),
            Admitted::Probe => MAX_PROBE_BYTES,
        }
    }

    async fn record(
        state: &AppState,
        mut upload: UploadRow,
        admitted: Admitted,
    ) -> Result<UploadRow, ApiError> {
        let take = match admitted {
            Admitted::Take(take) => take,
            Admitted::Probe => return probes::record(state, upload).await,
        };
        upload.question_id = take.question.id.clone();
        // The checks before answer the common case with the clearest words;
        // this one holds when creations race (a burst of retries, a hostile client).
        let replacing = take.replaces.as_deref().map(|id| Replacing {
            id,
            max_failures: MAX_TECHNICAL_RETRIES,
        });
        match state
            .db
            .insert_take(
                &upload,
                take.take.as_deref(),
                take.question.attempts,
                replacing,
            )
            .await?
        {
            Ok(()) => Ok(upload),
            Err(TakeRefused::NoAttemptsLeft) => Err(no_attempts_left(&take.question)),
            Err(TakeRefused::NotReplaceable) => Err(ApiError::BadRequest(format!(
                "`replaces` names a take of question {:?} that was already replaced",
                take.question.id
            ))),
        }
    }

    fn upload_max_size(candidate: &Candidate, upload: &UploadRow) -> Result<u64, ApiError> {
        if is_probe(upload) {
            return Ok(MAX_PROBE_BYTES);
        }
        let question = candidate
            .interview
            .question(&upload.question_id)
            .ok_or_else(|| ApiError::UnknownQuestion(upload.question_id.clone()))?;
        Ok(max_take_bytes(question, is_camera_app(upload)))
    }

    async fn before_terminate(
        state: &AppState,
        candidate: &Candidate,
        upload: &UploadRow,
    ) -> Result<(), ApiError> {
        if is_probe(upload) {
            return Ok(());
        }
        let progress = state
            .db
            .progress(candidate.invite_id, &upload.question_id)
            .await?;
        match progress.submitted {
            Some((submitted, _)) if submitted == upload.id => {
                Err(ApiError::SubmittedCannotBeDeleted)
            }
            _ => Ok(()),
        }
    }

    async fn expire(state: &AppState, now: i64) -> Result<usize, ApiError> {
        probes::sweep(state, now).await
    }

    async fn after_terminate(state: &AppState, upload: &UploadRow) {
        if let Err(error) = state.store.remove_copy(upload).await {
            // The sweep removes it later, as something no upload owns.
            tracing::warn!(%error, upload = %upload.id, "a deleted take's seekable copy stays for now");
        }
    }

    fn after_finish(state: &AppState, upload: &UploadRow) {
        if is_probe(upload) {
            return;
        }
        (state.conversions).queue(state.db.clone(), state.store.clone(), upload.clone());
    }
}

fn no_attempts_left(question: &Question) -> ApiError {
    ApiError::NoAttemptsLeft {
        question: question.id.clone(),
        attempts: question.attempts,
    }
}

/// Checks that `failed` can be given back as a technical failure: the
/// candidate's unsubmitted take of the same question, within the limit.
async fn technical_retry(
    state: &AppState,
    candidate: &Candidate,
    question: &Question,
    failed: &str,
    failures_so_far: u32,
) -> Result<String, ApiError> {
    let failed_id = upload_id_in(failed).unwrap_or_default();
    let upload = find(state, candidate.invite_id, failed_id)
        .await?
        .filter(|u| u.question_id == question.id && !u.technical_failure)
        .ok_or_else(|| {
            ApiError::BadRequest(format!(
                "`replaces` names no take of question {:?}",
                question.id
            ))
        })?;
    if failures_so_far >= MAX_TECHNICAL_RETRIES {
        return Err(ApiError::TooManyTechnicalRetries {
            question: question.id.clone(),
            max: MAX_TECHNICAL_RETRIES,
        });
    }
    Ok(upload.id)
}
