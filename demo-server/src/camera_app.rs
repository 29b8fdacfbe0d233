//! Answers made by the candidate's camera app (`source: camera-app` in the
//! take's metadata; see `recorder_core::camera_app`), where the browser has no
//! camera API. Such a take may be larger than a recorded one, and since
//! nothing stopped it at the answer's limit, its length is read (ffprobe)
//! when it is submitted: one too long is refused, and its attempt stays used.

use crate::app::AppState;
use crate::db::{UploadMark, UploadRow};
use crate::error::ApiError;
use crate::tus::metadata;
use recorder_core::camera_app::{fits, SOURCE};
use recorder_core::model::Question;
use std::collections::HashMap;
use std::time::Duration;

/// Whether `upload` says it was made by a camera app.
///
/// ```
/// let upload = demo_server::db::UploadRow { metadata: "source Y2FtZXJhLWFwcA==".into(), ..Default::default() };
/// assert!(demo_server::camera_app::is_camera_app(&upload));
/// assert!(!demo_server::camera_app::is_camera_app(&Default::default()));
/// ```
pub fn is_camera_app(upload: &UploadRow) -> bool {
    metadata::parse(&upload.metadata).is_ok_and(|pairs| says_camera_app(&pairs))
}

/// Whether decoded `Upload-Metadata` says the camera app made the upload.
///
/// ```
/// let pairs = std::collections::HashMap::from([("source".to_string(), "camera-app".to_string())]);
/// assert!(demo_server::camera_app::says_camera_app(&pairs));
/// ```
pub fn says_camera_app(metadata: &HashMap<String, String>) -> bool {
    metadata.get("source").map(String::as_str) == Some(SOURCE)
}

/// Checks that the camera app's `upload`, complete, fits an answer to
/// `question`: its length is read once (and kept), then compared with the
/// answer's limit and its tolerance. Returns the length in milliseconds.
pub async fn check_length(
    state: &AppState,
    question: &Question,
    upload: &UploadRow,
) -> Result<u64, ApiError> {
    let ms = match upload.duration_ms {
        Some(ms) => ms.max(0) as u64,
        None => {
            let ms = (state.store)
                .read_duration(upload)
                .await
                .map_err(ApiError::VideoUnreadable)?;
            state
                .db
                .mark_upload(&upload.id, UploadMark::DurationMs(ms as i64))
                .await?;
            ms
        }
    };
    let duration = Duration::from_millis(ms);
    match fits(duration, question.answer_seconds) {
        true => Ok(ms),
        false => Err(ApiError::AnswerTooLong {
            question: question.id.clone(),
            seconds: ms.div_ceil(1000),
            limit_seconds: question.answer_seconds,
        }),
    }
}
