//! Telling the hiring team's system that an interview was completed: a JSON
//! POST signed with HMAC-SHA256, retried with backoff in the background so
//! the candidate never waits for it.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::time::Duration;

/// The header carrying `sha256=<hex HMAC-SHA256 of the body>`.
pub const SIGNATURE_HEADER: &str = "X-Recorder-Signature";

/// Deliveries tried before giving up (about 4 minutes in all).
const ATTEMPTS: u32 = 8;

/// Where completions are reported, and the shared secret that signs them.
#[derive(Clone, Debug)]
pub struct Webhook {
    /// The receiver's URL (http or https).
    pub url: String,
    /// The HMAC key.
    pub secret: String,
}

/// The signature header's value for `body`.
///
/// ```
/// let signature = demo_server::webhook::sign("secret", b"{}");
/// assert_eq!(signature.len(), "sha256=".len() + 64);
/// ```
pub fn sign(secret: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key");
    mac.update(body);
    format!(
        "sha256={}",
        crate::invite::hex(&mac.finalize().into_bytes())
    )
}

impl Webhook {
    /// Delivers `payload` in the background: retried on failure or a non-2xx
    /// answer after 1, 2, 4... seconds (at most 60), up to 8 tries.
    pub fn deliver(&self, payload: serde_json::Value) {
        let webhook = self.clone();
        tokio::spawn(async move {
            let body = payload.to_string();
            let signature = sign(&webhook.secret, body.as_bytes());
            let client = reqwest::Client::builder()
                .timeout(Duration::from_secs(15))
                .build()
                .unwrap_or_default();
            for attempt in 0..ATTEMPTS {
                let sent = client
                    .post(&webhook.url)
                    .header("Content-Type", "application/json")
                    .header(SIGNATURE_HEADER, &signature)
                    .body(body.clone())
                    .send()
                    .await;
                match sent {
                    Ok(response) if response.status().is_success() => return,
                    Ok(response) => {
                        eprintln!("webhook: {} answered {}", webhook.url, response.status())
                    }
                    Err(error) => eprintln!("webhook: {} failed: {error}", webhook.url),
                }
                tokio::time::sleep(Duration::from_secs((1u64 << attempt).min(60))).await;
            }
            eprintln!("webhook: gave up on {} after {ATTEMPTS} tries", webhook.url);
        });
    }
}
