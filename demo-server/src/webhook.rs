//! Telling the hiring team's system that an interview was completed: a JSON
//! POST signed with HMAC-SHA256 over a timestamp and the body (a receiver
//! refuses old signatures, so a captured delivery cannot be replayed),
//! retried with the recorder's own backoff in the background so the
//! candidate never waits for it.

use hmac::{Hmac, Mac};
use recorder_core::upload::Backoff;
use sha2::Sha256;
use std::time::Duration;

/// The header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
pub const SIGNATURE_HEADER: &str = "X-Recorder-Signature";

/// Deliveries tried before giving up (a few minutes in all).
const ATTEMPTS: u32 = 8;

/// Where completions are reported, and the shared secret that signs them.
#[derive(Clone, Debug)]
pub struct Webhook {
    /// The receiver's URL (http or https).
    pub url: String,
    /// The HMAC key.
    pub secret: String,
}

/// The signature header's value for `body` sent at `timestamp` (Unix seconds).
///
/// ```
/// let signature = demo_server::webhook::sign("secret", 1_700_000_000, b"{}");
/// assert!(signature.starts_with("t=1700000000,v1="));
/// assert_eq!(signature.len(), "t=1700000000,v1=".len() + 64);
/// ```
pub fn sign(secret: &str, timestamp: u64, body: &[u8]) -> String {
    format!("t={timestamp},v1={}", mac(secret, timestamp, body))
}

/// What a receiver checks: `header` signs `body` with `secret`, at most
/// `tolerance` before `now` (Unix seconds).
///
/// ```
/// use demo_server::webhook::{sign, verify};
/// let header = sign("secret", 1_700_000_000, b"{}");
/// assert!(verify("secret", &header, b"{}", 1_700_000_060, 300));
/// assert!(!verify("secret", &header, b"{}", 1_700_001_000, 300), "too old: a replay");
/// assert!(!verify("other", &header, b"{}", 1_700_000_060, 300));
/// ```
pub fn verify(secret: &str, header: &str, body: &[u8], now: u64, tolerance: u64) -> bool {
    let field = |name: &str| {
        header
            .split(',')
            .find_map(|part| part.trim().strip_prefix(name))
            .map(str::to_string)
    };
    let (Some(timestamp), Some(signature)) = (field("t="), field("v1=")) else {
        return false;
    };
    let Ok(timestamp) = timestamp.parse::<u64>() else {
        return false;
    };
    // Same length, compared in full: no early exit to time.
    let expected = mac(secret, timestamp, body);
    let same = expected.len() == signature.len()
        && expected
            .bytes()
            .zip(signature.bytes())
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0;
    same && timestamp <= now + tolerance && now <= timestamp + tolerance
}

fn mac(secret: &str, timestamp: u64, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    crate::invite::hex(&mac.finalize().into_bytes())
}

impl Webhook {
    /// Delivers `payload` in the background, signed afresh on each try:
    /// retried on failure or a non-2xx answer with the recorder's backoff
    /// (1 s doubling to 60 s, with jitter), up to 8 tries.
    pub fn deliver(&self, payload: serde_json::Value) {
        let webhook = self.clone();
        tokio::spawn(async move {
            let body = payload.to_string();
            let mut backoff = Backoff::new(
                Duration::from_secs(1),
                Duration::from_secs(60),
                rand::random(),
            );
            let client = reqwest::Client::builder()
                .timeout(Duration::from_secs(15))
                .build()
                .unwrap_or_default();
            for attempt in 0..ATTEMPTS {
                let now = crate::db::unix_millis().max(0) as u64 / 1000;
                let signature = sign(&webhook.secret, now, body.as_bytes());
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
                        tracing::warn!(url = %webhook.url, status = %response.status(), "webhook refused")
                    }
                    Err(error) => tracing::warn!(url = %webhook.url, %error, "webhook failed"),
                }
                tokio::time::sleep(backoff.delay(attempt)).await;
            }
            tracing::error!(url = %webhook.url, tries = ATTEMPTS, "webhook given up");
        });
    }
}
