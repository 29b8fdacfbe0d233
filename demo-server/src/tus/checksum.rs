//! The tus checksum extension: `Upload-Checksum: <algorithm> <base64 digest>`.

use base64::Engine;
use sha1::Sha1;
use sha2::{Digest, Sha256};

/// The algorithms accepted, for `Tus-Checksum-Algorithm`.
pub const ALGORITHMS: &str = "sha1,sha256";

/// A body's expected checksum, checked as the body streams in.
pub struct ExpectedChecksum {
    hasher: Hasher,
    expected: Vec<u8>,
}

enum Hasher {
    Sha1(Sha1),
    Sha256(Sha256),
}

impl ExpectedChecksum {
    /// Reads an `Upload-Checksum` header.
    ///
    /// ```
    /// use demo_server::tus::checksum::ExpectedChecksum;
    /// let mut check = ExpectedChecksum::parse("sha1 qZk+NkcGgWq6PiVxeFDCbJzQ2J0=").unwrap();
    /// check.update(b"abc");
    /// assert!(check.matches());
    /// assert!(ExpectedChecksum::parse("md5 xxx").err().unwrap().contains("md5"));
    /// ```
    pub fn parse(header: &str) -> Result<ExpectedChecksum, String> {
        let (algorithm, digest) = header
            .trim()
            .split_once(' ')
            .ok_or("Upload-Checksum must be `<algorithm> <base64 digest>`")?;
        let hasher = match algorithm {
            "sha1" => Hasher::Sha1(Sha1::new()),
            "sha256" => Hasher::Sha256(Sha256::new()),
            other => {
                return Err(format!(
                    "Upload-Checksum algorithm {other:?} is not supported; use one of {ALGORITHMS}"
                ))
            }
        };
        let expected = base64::engine::general_purpose::STANDARD
            .decode(digest.trim())
            .map_err(|_| "the Upload-Checksum digest is not base64".to_string())?;
        Ok(ExpectedChecksum { hasher, expected })
    }

    /// Feeds body bytes.
    pub fn update(&mut self, bytes: &[u8]) {
        match &mut self.hasher {
            Hasher::Sha1(h) => h.update(bytes),
            Hasher::Sha256(h) => h.update(bytes),
        }
    }

    /// Whether everything fed matches the expected digest.
    pub fn matches(self) -> bool {
        let actual = match self.hasher {
            Hasher::Sha1(h) => h.finalize().to_vec(),
            Hasher::Sha256(h) => h.finalize().to_vec(),
        };
        actual == self.expected
    }
}
