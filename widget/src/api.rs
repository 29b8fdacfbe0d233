//! The candidate API of the interview server.

use crate::options::MountOptions;
use futures::future::{select, Either};
use recorder_core::error_code::ErrorCode;
use recorder_core::http::{HttpRequest, HttpResponse, Method};
use recorder_core::model::{
    ConsentAnswer, ConsentDecision, Extension, ExtensionAsk, Receipt, RevealedQuestion,
    SessionView, SubmitTake, SubmittedAnswer,
};
use recorder_core::takes::TakeReceipt;
use recorder_core::web::clock;
use recorder_core::web::from_js::{from_js, FromJs};
use recorder_core::web::transport::{self, TransportError};
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const TIMEOUT: Duration = Duration::from_secs(30);

/// Why the interview could not be loaded.
#[derive(Clone, Debug, thiserror::Error)]
pub enum ApiError {
    /// No answer from the server.
    #[error("the interview server cannot be reached ({0}); check your connection and reload")]
    Unreachable(#[from] TransportError),
    /// The server refused, with its reason's code when it gave a known one.
    #[error("{message} (HTTP {status})")]
    Refused {
        /// The status code.
        status: u16,
        /// The server's reason (`code` in the JSON body, or the `Error-Code`
        /// header); a 401 without one means the invite is not accepted.
        code: Option<ErrorCode>,
        /// What the server said, for integrators.
        message: String,
    },
    /// The answer was not what this recorder understands.
    #[error("the interview server sent an answer this recorder does not understand: {0}")]
    Format(String),
}

/// `GET {api}/session`: the overview of the candidate's interview.
/// `prefetched` is the same request started by the loader while the wasm
/// was still on its way (a round trip saved on a slow link); if it failed,
/// or takes too long, the request is made again here.
pub async fn session(
    options: &MountOptions,
    prefetched: Option<js_sys::Promise>,
) -> Result<SessionView, ApiError> {
    if let Some(promise) = prefetched {
        let response = async {
            let response = JsFuture::from(promise).await.ok()?;
            let response: web_sys::Response = response.dyn_into().ok()?;
            transport::read(&response).await.ok()
        };
        let deadline = clock::sleep(TIMEOUT);
        if let Either::Left((Some(response), _)) =
            select(Box::pin(response), Box::pin(deadline)).await
        {
            return answer(response);
        }
    }
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
    call(options, Method::Post, &path, Some(encode(&body)?)).await
}

/// `POST {api}/consent`: the candidate's answer to the consent text, as the server recorded it.
pub async fn consent(
    options: &MountOptions,
    decision: &ConsentDecision,
) -> Result<ConsentAnswer, ApiError> {
    // By hand (the sha256 is hex): serde for one more type costs the download more.
    let json = format!(
        r#"{{"agree":{},"text_sha256":"{}"}}"#,
        decision.agree, decision.text_sha256
    );
    call(options, Method::Post, "consent", Some(json)).await
}

/// `POST {api}/extension`: the candidate's request for more time, as the server keeps it.
pub async fn extension(options: &MountOptions, ask: &ExtensionAsk) -> Result<Extension, ApiError> {
    // By hand, the note escaped by the browser's JSON: serde for one more type costs the download more.
    let note = js_sys::JSON::stringify(&ask.note.as_str().into())
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| ApiError::Format("cannot encode the note".into()))?;
    call(
        options,
        Method::Post,
        "extension",
        Some(format!(r#"{{"note":{note}}}"#)),
    )
    .await
}

/// `POST {api}/complete`: completes the interview; returns the receipt.
pub async fn complete(options: &MountOptions) -> Result<Receipt, ApiError> {
    call(options, Method::Post, "complete", None).await
}

/// `body` as the JSON text of a request.
fn encode(body: &impl serde::Serialize) -> Result<String, ApiError> {
    serde_wasm_bindgen::to_value(body)
        .ok()
        .and_then(|value| js_sys::JSON::stringify(&value).ok())
        .and_then(|text| text.as_string())
        .ok_or_else(|| ApiError::Format("cannot encode the request".into()))
}

async fn call<T: FromJs>(
    options: &MountOptions,
    method: Method,
    path: &str,
    json: Option<String>,
) -> Result<T, ApiError> {
    let mut request = HttpRequest::new(method, format!("{}/{path}", options.api))
        .with_header("Authorization", format!("Bearer {}", options.invite));
    if let Some(json) = json {
        request = request.with_header("Content-Type", "application/json");
        request.body = json.into_bytes();
    }
    answer(transport::send(&request, TIMEOUT).await?)
}

/// What the server answered: `T` from a 200's (or 201's) JSON, else why it refused.
fn answer<T: FromJs>(response: HttpResponse) -> Result<T, ApiError> {
    match response.status {
        200 | 201 => {
            let json = js_sys::JSON::parse(&response.body)
                .map_err(|_| ApiError::Format("not JSON".into()))?;
            from_js(&json).map_err(|e| ApiError::Format(e.to_string()))
        }
        status => {
            let body = js_sys::JSON::parse(&response.body).ok();
            let field = |name: &str| {
                body.as_ref()
                    .and_then(|body| js_sys::Reflect::get(body, &name.into()).ok())
                    .and_then(|value| value.as_string())
            };
            let code = field("code")
                .or_else(|| response.header("Error-Code").map(str::to_string))
                .and_then(|code| ErrorCode::parse(&code))
                .or((status == 401).then_some(ErrorCode::InviteInvalid));
            let message = field("message").unwrap_or_else(|| response.body.trim().to_string());
            Err(ApiError::Refused {
                status,
                code,
                message,
            })
        }
    }
}
