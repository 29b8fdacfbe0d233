//! Sends the engines' requests with `fetch`, each with a deadline.

use super::{clock, js_error_message};
use crate::http::{HttpRequest, HttpResponse};
use futures::future::{select, Either};
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, Request, RequestInit, Response};

/// Response headers the tus engine reads; a cross-origin server must expose them.
const READ_HEADERS: &[&str] = &[
    "Location",
    "Upload-Offset",
    "Upload-Length",
    "Upload-Defer-Length",
    "Upload-Expires",
    "Tus-Resumable",
    "Tus-Version",
    "Tus-Extension",
    "Tus-Max-Size",
    "Error-Code",
];

/// Why a request got no HTTP response.
///
/// ```no_run
/// use recorder_core::web::transport::TransportError;
/// assert!(TransportError::Timeout.to_string().contains("too long"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TransportError {
    /// The network failed (offline, connection reset, CORS refusal).
    #[error("network error: {0}")]
    Network(String),
    /// No response within the deadline; the request was aborted.
    #[error("the server took too long to answer")]
    Timeout,
    /// The request could not even be built (a bad URL or header).
    #[error("invalid request: {0}")]
    Invalid(String),
}

/// Sends `request` and waits at most `timeout` for the whole response. The
/// request is aborted when it times out, and when the returned future is
/// dropped before it is done (nobody waits for it any more).
///
/// ```no_run
/// # async fn f() {
/// use recorder_core::http::{HttpRequest, Method};
/// let request = HttpRequest::new(Method::Get, "https://example.com/api/session");
/// let response = recorder_core::web::transport::send(&request, std::time::Duration::from_secs(30)).await;
/// # }
/// ```
pub async fn send(
    request: &HttpRequest,
    timeout: Duration,
) -> Result<HttpResponse, TransportError> {
    let controller = AbortOnDrop(
        AbortController::new().map_err(|e| TransportError::Invalid(js_error_message(&e)))?,
    );
    let exchange = Box::pin(exchange(request, &controller.0));
    let deadline = Box::pin(clock::sleep(timeout));
    let result = match select(exchange, deadline).await {
        Either::Left((result, _)) => result,
        Either::Right(((), _)) => Err(TransportError::Timeout),
    };
    result
}

/// Aborts its fetch when dropped; a no-op once the response is complete.
struct AbortOnDrop(AbortController);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Sends `request` and lets it go: nobody waits for its answer, and it
/// outlives the recorder that sent it, also a page being left (fetch's
/// `keepalive`). For what should reach the server as the recorder goes away,
/// such as the deletion of a connection check cut short.
///
/// ```no_run
/// use recorder_core::http::{HttpRequest, Method};
/// recorder_core::web::transport::send_detached(&HttpRequest::new(Method::Delete, "https://example.com/uploads/1"));
/// ```
pub fn send_detached(request: &HttpRequest) {
    let Ok(fetch_request) = fetch_request(request, None) else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    // Read to its end (a failure included), so that nothing is left unhandled.
    let sent = JsFuture::from(window.fetch_with_request(&fetch_request));
    wasm_bindgen_futures::spawn_local(async move {
        let _ = sent.await;
    });
}

async fn exchange(
    request: &HttpRequest,
    controller: &AbortController,
) -> Result<HttpResponse, TransportError> {
    let network = |e: wasm_bindgen::JsValue| TransportError::Network(js_error_message(&e));
    let fetch_request = fetch_request(request, Some(controller))?;
    let window = web_sys::window().ok_or_else(|| TransportError::Invalid("no window".into()))?;
    let response: Response = JsFuture::from(window.fetch_with_request(&fetch_request))
        .await
        .map_err(network)?
        .unchecked_into();
    read(&response).await
}

/// `request` as fetch takes it: abortable by `controller`, or, without one,
/// kept alive past the page.
fn fetch_request(
    request: &HttpRequest,
    controller: Option<&AbortController>,
) -> Result<Request, TransportError> {
    let invalid = |e: wasm_bindgen::JsValue| TransportError::Invalid(js_error_message(&e));
    let headers = Headers::new().map_err(invalid)?;
    for (name, value) in &request.headers {
        headers.append(name, value).map_err(invalid)?;
    }
    let init = RequestInit::new();
    init.set_method(request.method.as_str());
    init.set_headers(&headers);
    match controller {
        Some(controller) => init.set_signal(Some(&controller.signal())),
        // web-sys has no setter for it.
        None => {
            js_sys::Reflect::set(&init, &"keepalive".into(), &true.into()).map_err(invalid)?;
        }
    }
    if !request.body.is_empty() {
        init.set_body(&js_sys::Uint8Array::from(request.body.as_slice()));
    }
    Request::new_with_str_and_init(&request.url, &init).map_err(invalid)
}

/// The status, the headers this crate reads and the text of a fetch
/// `response`, such as one a page started before the wasm arrived.
///
/// ```no_run
/// # async fn f(response: web_sys::Response) {
/// let response = recorder_core::web::transport::read(&response).await;
/// # }
/// ```
pub async fn read(response: &Response) -> Result<HttpResponse, TransportError> {
    let network = |e: wasm_bindgen::JsValue| TransportError::Network(js_error_message(&e));
    let mut result = HttpResponse::new(response.status());
    for name in READ_HEADERS {
        if let Ok(Some(value)) = response.headers().get(name) {
            result.headers.push((name.to_string(), value));
        }
    }
    let text = response.text().map_err(network)?;
    result.body = JsFuture::from(text)
        .await
        .map_err(network)?
        .as_string()
        .unwrap_or_default();
    Ok(result)
}
