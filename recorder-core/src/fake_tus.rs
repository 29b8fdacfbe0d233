//! A tus 1.0 server in memory, and the ways a network fails a request to
//! it: what the engines' tests upload to.

use crate::http::{HttpRequest, HttpResponse, Method};
use crate::upload::{ChecksumAlgorithm, PATCH_CONTENT_TYPE, TUS_VERSION};
use proptest::prelude::*;
use std::collections::HashMap;

/// A tus 1.0 server in memory: creation, defer-length, HEAD, ordered PATCH,
/// and the extensions it is told to advertise.
#[derive(Default)]
pub struct FakeServer {
    pub uploads: HashMap<String, (Vec<u8>, Option<u64>)>,
    /// Each upload's `Upload-Metadata`, as sent on creation; kept after a DELETE.
    pub metadata: HashMap<String, String>,
    /// Uploads deleted (`DELETE`), by id.
    pub deleted: Vec<String>,
    pub created: usize,
    /// `Tus-Extension` beyond creation and defer-length.
    pub extensions: &'static str,
    /// `Tus-Checksum-Algorithm`.
    pub algorithms: &'static str,
}

/// The body a server keeps: `keep` bytes of it, none if a checksum does not match.
fn kept(request: &HttpRequest, keep: Option<usize>) -> Result<&[u8], HttpResponse> {
    let body = &request.body[..keep.unwrap_or(request.body.len())];
    match request.header("Upload-Checksum") {
        Some(sent) => {
            let algorithm = if sent.starts_with("sha256 ") {
                ChecksumAlgorithm::Sha256
            } else {
                ChecksumAlgorithm::Sha1
            };
            if algorithm.header_value(body) == sent {
                Ok(body)
            } else {
                Err(HttpResponse::new(460))
            }
        }
        None => Ok(body),
    }
}

impl FakeServer {
    pub fn with(extensions: &'static str, algorithms: &'static str) -> FakeServer {
        FakeServer {
            extensions,
            algorithms,
            ..Default::default()
        }
    }

    /// Applies `request`, taking only `keep` bytes of a body when given.
    pub fn handle(&mut self, request: &HttpRequest, keep: Option<usize>) -> HttpResponse {
        assert_eq!(request.header("Tus-Resumable"), Some(TUS_VERSION));
        match request.method {
            Method::Options => HttpResponse::new(204)
                .with_header("Tus-Version", TUS_VERSION)
                .with_header(
                    "Tus-Extension",
                    format!("creation,creation-defer-length,{}", self.extensions),
                )
                .with_header("Tus-Checksum-Algorithm", self.algorithms),
            Method::Post => {
                self.created += 1;
                let id = format!("/files/{}", self.created);
                let length = request.header("Upload-Length").map(|v| v.parse().unwrap());
                assert!(length.is_some() || request.header("Upload-Defer-Length") == Some("1"));
                let data = if request.body.is_empty() {
                    Vec::new()
                } else {
                    assert!(self.extensions.contains("creation-with-upload"));
                    assert_eq!(request.header("Content-Type"), Some(PATCH_CONTENT_TYPE));
                    kept(request, keep).map(<[u8]>::to_vec).unwrap_or_default()
                };
                let offset = data.len();
                self.uploads.insert(id.clone(), (data, length));
                let metadata = request.header("Upload-Metadata").unwrap_or_default();
                self.metadata.insert(id.clone(), metadata.to_string());
                HttpResponse::new(201)
                    .with_header("Location", id)
                    .with_header("Upload-Offset", offset.to_string())
            }
            Method::Delete => match self.uploads.remove(path(&request.url)) {
                Some(_) => {
                    self.deleted.push(path(&request.url).to_string());
                    HttpResponse::new(204)
                }
                None => HttpResponse::new(404),
            },
            Method::Head => {
                let Some((data, length)) = self.uploads.get(path(&request.url)) else {
                    return HttpResponse::new(404);
                };
                let response =
                    HttpResponse::new(200).with_header("Upload-Offset", data.len().to_string());
                match length {
                    Some(length) => response.with_header("Upload-Length", length.to_string()),
                    None => response.with_header("Upload-Defer-Length", "1"),
                }
            }
            Method::Patch => {
                assert_eq!(request.header("Content-Type"), Some(PATCH_CONTENT_TYPE));
                let Some((data, length)) = self.uploads.get_mut(path(&request.url)) else {
                    return HttpResponse::new(404);
                };
                let offset: usize = request.header("Upload-Offset").unwrap().parse().unwrap();
                if offset != data.len() {
                    return HttpResponse::new(409);
                }
                if let Some(declared) = request.header("Upload-Length") {
                    let declared: u64 = declared.parse().unwrap();
                    assert!(length.is_none_or(|l| l == declared), "length changed");
                    *length = Some(declared);
                }
                if request.header("Upload-Checksum").is_some() {
                    assert!(
                        self.extensions.contains("checksum"),
                        "checksum sent unasked"
                    );
                }
                let body = match kept(request, keep) {
                    Ok(body) => body,
                    Err(mismatch) => return mismatch,
                };
                data.extend_from_slice(body);
                assert!(
                    length.is_none_or(|l| data.len() as u64 <= l),
                    "past the length"
                );
                HttpResponse::new(204).with_header("Upload-Offset", data.len().to_string())
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    pub fn only(&self) -> &(Vec<u8>, Option<u64>) {
        assert_eq!(self.uploads.len(), 1, "exactly one upload");
        self.uploads.values().next().unwrap()
    }
}

pub fn path(url: &str) -> &str {
    &url[url.find("/files/").unwrap()..]
}

/// What goes wrong with one request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    None,
    /// The connection drops before the server accepted anything.
    RequestLost,
    /// The server accepted everything; the response never arrives (or times out).
    ResponseLost,
    /// The connection drops in the middle of the body; the server kept this
    /// many thousandths of it.
    CutMidBody(u16),
    /// The server restarts mid-body and loses what it had not flushed: it
    /// keeps this many thousandths of the body it had taken.
    RestartLosingUnflushed(u16),
    /// A 5xx without touching the upload.
    ServerError,
    /// A 409 (say, a stale offset after a proxy replayed the request).
    Conflict,
}

/// What came back for a request: a response, or none (the client sees a
/// network error).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exchange {
    Answered(HttpResponse),
    NoAnswer,
}

/// Faults, as often as not none.
pub fn fault() -> impl Strategy<Value = Fault> {
    let share = 0..=1000u16;
    prop_oneof![
        6 => Just(Fault::None),
        1 => Just(Fault::RequestLost),
        1 => Just(Fault::ResponseLost),
        1 => share.clone().prop_map(Fault::CutMidBody),
        1 => share.prop_map(Fault::RestartLosingUnflushed),
        1 => Just(Fault::ServerError),
        1 => Just(Fault::Conflict),
    ]
}

fn share_of(len: usize, thousandths: u16) -> usize {
    len * usize::from(thousandths.min(1000)) / 1000
}

impl FakeServer {
    /// Sends `request` to the server through a network that does `fault`.
    pub fn exchange(&mut self, request: &HttpRequest, fault: Fault) -> Exchange {
        match fault {
            Fault::None => Exchange::Answered(self.handle(request, None)),
            Fault::RequestLost => Exchange::NoAnswer,
            Fault::ResponseLost => {
                self.handle(request, None);
                Exchange::NoAnswer
            }
            Fault::CutMidBody(kept) => {
                self.handle(request, Some(share_of(request.body.len(), kept)));
                Exchange::NoAnswer
            }
            Fault::RestartLosingUnflushed(kept) => {
                let key = request
                    .url
                    .find("/files/")
                    .map(|i| request.url[i..].to_string());
                let before = key
                    .as_ref()
                    .and_then(|k| self.uploads.get(k))
                    .map(|u| u.0.len());
                self.handle(request, None);
                if let (Some(flushed), Some(upload)) =
                    (before, key.and_then(|k| self.uploads.get_mut(&k)))
                {
                    let survived = flushed + share_of(upload.0.len() - flushed, kept);
                    upload.0.truncate(survived);
                }
                Exchange::NoAnswer
            }
            Fault::ServerError => Exchange::Answered(HttpResponse::new(503)),
            Fault::Conflict => Exchange::Answered(HttpResponse::new(409)),
        }
    }
}
