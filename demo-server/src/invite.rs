//! Invite tokens: how they are made, stored (hashed) and checked.

use crate::app::AppState;
use crate::error::ApiError;
use axum::extract::FromRequestParts;
use axum::http::{header, request::Parts, Method};
use base64::Engine;
use rand::RngCore;
use recorder_core::model::{Accommodations, ConsentAnswer, Interview};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// A new invite token: 256 random bits, URL-safe.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What the database keeps of a token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Lowercase hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether a string can be a token at all (so it is safe to echo into a page).
pub fn is_token_shaped(token: &str) -> bool {
    (16..=128).contains(&token.len())
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The candidate a request speaks for, from `Authorization: Bearer <token>`.
#[derive(Clone)]
pub struct Candidate {
    /// The invite's row id.
    pub invite_id: i64,
    /// The interview they were invited to, as their accommodations make it
    /// (times scaled, attempts raised): the rules enforced are these.
    /// Shared: a PATCH's copy of its invite (`patch_callers.rs`) costs no
    /// copy of the interview.
    pub interview: Arc<Interview>,
    /// What they are given beyond the interview's rules.
    pub accommodations: Accommodations,
    /// Their answer to the interview's consent text, once given.
    pub consent: Option<ConsentAnswer>,
}

impl FromRequestParts<AppState> for Candidate {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or(ApiError::MissingToken)?;
        if !is_token_shaped(token) {
            return Err(ApiError::InvalidInvite);
        }
        let hash = token_hash(token);
        // A PATCH needs nothing of its invite that changes (`patch_callers.rs`).
        let patch = parts.method == Method::PATCH;
        if let Some(candidate) = patch.then(|| state.patch_callers.get(&hash)).flatten() {
            return Ok(candidate);
        }
        let candidate = state
            .db
            .find_invite(&hash)
            .await?
            .ok_or(ApiError::InvalidInvite)?;
        state.patch_callers.keep(&hash, &candidate);
        Ok(candidate)
    }
}
