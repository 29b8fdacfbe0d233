//! The candidate API of the interview server.

use crate::options::MountOptions;
use recorder_core::http::{HttpRequest, Method};
use recorder_core::model::{RevealedQuestion, SessionView};
use recorder_core::web::transport::{self, TransportError};
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
    call(options, Method::Get, "session").await
}

/// `POST {api}/questions/{id}/reveal`: the question's prompt; starts its think time.
pub async fn reveal(options: &MountOptions, question: &str) -> Result<RevealedQuestion, ApiError> {
    call(
        options,
        Method::Post,
        &format!("questions/{question}/reveal"),
    )
    .await
}

async fn call<T: serde::de::DeserializeOwned>(
    options: &MountOptions,
    method: Method,
    path: &str,
) -> Result<T, ApiError> {
    let request = HttpRequest::new(method, format!("{}/{path}", options.api))
        .with_header("Authorization", format!("Bearer {}", options.invite));
    let response = transport::send(&request, TIMEOUT).await?;
    match response.status {
        200 => {
            let json = js_sys::JSON::parse(&response.body)
                .map_err(|_| ApiError::Format("not JSON".into()))?;
            serde_wasm_bindgen::from_value(json).map_err(|e| ApiError::Format(e.to_string()))
        }
        401 => Err(ApiError::InvalidInvite),
        status => Err(ApiError::Status {
            status,
            message: response.body.trim().to_string(),
        }),
    }
}
