//! The requests an [`Upload`] sends: each with the tus headers and the
//! configured ones, and the state it leads to while its answer is awaited.

use super::state::{Creation, Patch, State, Wait};
use super::{encode_metadata, ServerFeatures, Upload, PATCH_CONTENT_TYPE, TUS_VERSION};
use crate::http::{HttpRequest, Method};

impl Upload {
    pub(super) fn request(&self, method: Method, url: String) -> HttpRequest {
        let mut request = HttpRequest::new(method, url).with_header("Tus-Resumable", TUS_VERSION);
        request.headers.extend(self.config.headers.iter().cloned());
        request
    }

    pub(super) fn create_request(&self, features: ServerFeatures) -> (State, HttpRequest) {
        let mut request = self.request(Method::Post, self.config.endpoint.clone());
        let declares_length = self.has_ended();
        request = if declares_length {
            request.with_header("Upload-Length", self.journal.end().to_string())
        } else {
            request.with_header("Upload-Defer-Length", "1")
        };
        if !self.config.metadata.is_empty() {
            request =
                request.with_header("Upload-Metadata", encode_metadata(&self.config.metadata));
        }
        if features.creation_with_upload {
            request = self.with_body(request, features, 0);
        }
        let state = State::New(Wait::Answer(Creation::Create { declares_length }));
        (state, request)
    }

    /// Adds the journal's bytes from `offset` as the body, with its checksum.
    fn with_body(
        &self,
        mut request: HttpRequest,
        features: ServerFeatures,
        offset: u64,
    ) -> HttpRequest {
        request.body = self.journal.read(offset, self.config.max_patch_bytes);
        if !request.body.is_empty() || request.method == Method::Patch {
            request = request.with_header("Content-Type", PATCH_CONTENT_TYPE);
        }
        if let Some(algorithm) = features.checksum.filter(|_| !request.body.is_empty()) {
            let checksum = algorithm.header_value(&request.body);
            request = request.with_header("Upload-Checksum", checksum);
        }
        request
    }

    pub(super) fn patch_request(
        &self,
        url: &str,
        length_declared: bool,
    ) -> Option<(State, HttpRequest)> {
        let offset = self.journal.start();
        let request = self
            .request(Method::Patch, url.to_string())
            .with_header("Upload-Offset", offset.to_string());
        let mut request = self.with_body(request, self.features.unwrap_or_default(), offset);
        let end = offset + request.body.len() as u64;
        let declares_length = self.has_ended() && !length_declared && end == self.journal.end();
        if request.body.is_empty() && !declares_length {
            return None;
        }
        if declares_length {
            request = request.with_header("Upload-Length", end.to_string());
        }
        let state = State::Sending {
            url: url.to_string(),
            length_declared,
            wait: Wait::Answer(Patch {
                end,
                declares_length,
            }),
        };
        Some((state, request))
    }
}
