//! What a tus server says it supports (`OPTIONS`), and checksums.

use crate::http::HttpResponse;
use base64::Engine;
use sha1::Sha1;
use sha2::{Digest, Sha256};

/// A checksum algorithm of the tus checksum extension.
///
/// ```
/// use recorder_core::upload::ChecksumAlgorithm;
/// assert_eq!(ChecksumAlgorithm::Sha1.header_value(b"abc"), "sha1 qZk+NkcGgWq6PiVxeFDCbJzQ2J0=");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChecksumAlgorithm {
    /// SHA-256, preferred.
    Sha256,
    /// SHA-1, when the server offers nothing better.
    Sha1,
}

impl ChecksumAlgorithm {
    /// The `Upload-Checksum` value for `body`: the algorithm and the base64 digest.
    ///
    /// ```
    /// use recorder_core::upload::ChecksumAlgorithm;
    /// assert!(ChecksumAlgorithm::Sha256.header_value(b"").starts_with("sha256 47DEQpj8"));
    /// ```
    pub fn header_value(self, body: &[u8]) -> String {
        let (name, digest) = match self {
            ChecksumAlgorithm::Sha256 => ("sha256", Sha256::digest(body).to_vec()),
            ChecksumAlgorithm::Sha1 => ("sha1", Sha1::digest(body).to_vec()),
        };
        format!(
            "{name} {}",
            base64::engine::general_purpose::STANDARD.encode(digest)
        )
    }
}

/// The tus extensions a server advertised that this engine uses.
///
/// ```
/// use recorder_core::http::HttpResponse;
/// use recorder_core::upload::{ChecksumAlgorithm, ServerFeatures};
/// let options = HttpResponse::new(204)
///     .with_header("Tus-Extension", "creation,creation-with-upload,checksum")
///     .with_header("Tus-Checksum-Algorithm", "md5,sha1");
/// let features = ServerFeatures::from_options(&options);
/// assert!(features.creation_with_upload);
/// assert_eq!(features.checksum, Some(ChecksumAlgorithm::Sha1));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ServerFeatures {
    /// The first bytes may travel with the creation request.
    pub creation_with_upload: bool,
    /// PATCH bodies carry `Upload-Checksum` with this algorithm.
    pub checksum: Option<ChecksumAlgorithm>,
    /// The largest upload the server takes, if it said.
    pub max_size: Option<u64>,
}

impl ServerFeatures {
    /// Reads an `OPTIONS` response; anything unreadable means "not supported".
    ///
    /// ```
    /// use recorder_core::upload::ServerFeatures;
    /// let none = ServerFeatures::from_options(&recorder_core::http::HttpResponse::new(404));
    /// assert_eq!(none, ServerFeatures::default());
    /// ```
    pub fn from_options(response: &HttpResponse) -> ServerFeatures {
        if !(200..300).contains(&response.status) {
            return ServerFeatures::default();
        }
        let list = |name: &str| -> Vec<String> {
            response
                .header(name)
                .unwrap_or_default()
                .split(',')
                .map(|item| item.trim().to_ascii_lowercase())
                .collect()
        };
        let extensions = list("Tus-Extension");
        let algorithms = list("Tus-Checksum-Algorithm");
        let has = |list: &[String], item: &str| list.iter().any(|i| i == item);
        let checksum = if !has(&extensions, "checksum") {
            None
        } else if has(&algorithms, "sha256") {
            Some(ChecksumAlgorithm::Sha256)
        } else if has(&algorithms, "sha1") {
            Some(ChecksumAlgorithm::Sha1)
        } else {
            None
        };
        ServerFeatures {
            creation_with_upload: has(&extensions, "creation-with-upload"),
            checksum,
            max_size: response
                .header("Tus-Max-Size")
                .and_then(|v| v.trim().parse().ok()),
        }
    }
}
