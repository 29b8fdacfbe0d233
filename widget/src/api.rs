//! The candidate API of the interview server.

use crate::options::MountOptions;
use recorder_core::http::{HttpRequest, Method};
use recorder_core::model::{Receipt, RevealedQuestion, SessionView, SubmitTake, SubmittedAnswer};
use recorder_core::web::from_js::{from_js, FromJs};
use recorder_core::web::transport::{self, TransportError};
use recorder_core::web::upload_driver::TakeReceipt;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(30);

/// Why the interview could not be loaded.
#[derive(Clone, Debug, thiserror::Error)]
pub enum ApiError {
    /// No answer from the server.
    #[error("the interview server cannot be reached ({0}); check your connection and reload")]
    Unreachable(#[from] TransportError),
    /// The invite is not (or no longer) valid.
    #[error("this interview link is not valid; ask the hiring team for a new one")]
    InvalidInvite,
    /// Any other refusal, with the server's explanation.
    #[error("{message} (HTTP {status})")]
    Status {
        /// The status code.
        status: u16,
        /// What the server said.
        message: String,
    },
    /// The answer was not what this recorder understands.
    #[error("the interview server sent an answer this recorder does not understand: {0}")]
    Format(String),
}

/// `GET {api}/session`: the overview of the candidate's interview.
pub async fn session(options: &MountOptions) -> Result<SessionView, ApiError> {
    call(options, Method::Get, "session", None).await
}

/// `POST {api}/questions/{id}/reveal`: the question's prompt; starts its think time.
pub async fn reveal(options: &MountOptions, question: &str) -> Result<RevealedQuestion, ApiError> {
    call(
        options,
        Method::Post,
        &format!("questions/{question}/reveal"),
        None,
    )
    .await
}

/// `POST {api}/questions/{id}/submit`: names the uploaded take as the answer.
pub async fn submit(
    options: &MountOptions,
    question: &str,
    take: &TakeReceipt,
) -> Result<SubmittedAnswer, ApiError> {
    let body = SubmitTake {
        upload: take.url.clone(),
        bytes: take.bytes,
        sha256: take.sha256.clone(),
    };
    let path = format!("questions/{question}/submit");
    call(options, Method::Post, &path, Some(&body)).await
}

/// `POST {api}/complete`: completes the interview; returns the receipt.
pub async fn complete(options: &MountOptions) -> Result<Receipt, ApiError> {
    call(options, Method::Post, "complete", None).await
}

async fn call<T: FromJs>(
    options: &MountOptions,
    method: Method,
    path: &str,
    body: Option<&SubmitTake>,
) -> Result<T, ApiError> {
    let mut request = HttpRequest::new(method, format!("{}/{path}", options.api))
        .with_header("Authorization", format!("Bearer {}", options.invite));
    if let Some(body) = body {
        let json = serde_wasm_bindgen::to_value(body)
            .ok()
            .and_then(|value| js_sys::JSON::stringify(&value).ok())
            .and_then(|text| text.as_string())
            .ok_or_else(|| ApiError::Format("cannot encode the request".into()))?;
        request = request.with_header("Content-Type", "application/json");
        request.body = json.into_bytes();
    }
    let response = transport::send(&request, TIMEOUT).await?;
    match response.status {
        200 => {
            let json = js_sys::JSON::parse(&response.body)
                .map_err(|_| ApiError::Format("not JSON".into()))?;
            from_js(&json).map_err(|e| ApiError::Format(e.to_string()))
        }
        401 => Err(ApiError::InvalidInvite),
        status => Err(ApiError::Status {
            status,
            message: response.body.trim().to_string(),
        }),
    }
}
