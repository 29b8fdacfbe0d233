//! The invites PATCHes speak for, kept between PATCHes. A recorder sends a
//! PATCH every second while it records, and looking its invite up each time
//! (a database read and the interview's JSON parsed) was half of a PATCH's
//! database work: at 1500 candidates starting together, each read waited
//! 100-500 ms in the first seconds. A PATCH uses only what never changes of
//! an invite (which invite it is; its interview's questions with the
//! candidate's accommodations, for the largest take), so a copy a minute old
//! answers as the database would. Consent and the deadline, which change,
//! are read afresh by every other request.

use crate::invite::Candidate;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a copy serves.
const KEEP_FOR: Duration = Duration::from_secs(60);

/// Most invites kept at once (a few kilobytes each).
const MAX_KEPT: usize = 20_000;

/// Invites as their last lookup found them, by token hash (no token is kept).
///
/// ```
/// use demo_server::invite::Candidate;
/// use demo_server::patch_callers::PatchCallers;
/// use recorder_core::model::{Accommodations, Interview};
/// let callers = PatchCallers::default();
/// assert!(callers.get("hash").is_none());
/// let candidate = Candidate {
///     invite_id: 7,
///     interview: Interview::sample().into(),
///     accommodations: Accommodations::default(),
///     consent: None,
/// };
/// callers.keep("hash", &candidate);
/// assert_eq!(callers.get("hash").map(|c| c.invite_id), Some(7));
/// ```
#[derive(Default)]
pub struct PatchCallers {
    kept: Mutex<HashMap<String, (Instant, Candidate)>>,
}

impl PatchCallers {
    /// The invite of `token_hash` if looked up within the last minute.
    pub fn get(&self, token_hash: &str) -> Option<Candidate> {
        let kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.get(token_hash)
            .filter(|(at, _)| at.elapsed() < KEEP_FOR)
            .map(|(_, candidate)| candidate.clone())
    }

    /// Keeps what a lookup of `token_hash` found. When full, copies past
    /// their minute go; if none has, all go (the next lookups fill it again).
    pub fn keep(&self, token_hash: &str, candidate: &Candidate) {
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        if kept.len() >= MAX_KEPT && !kept.contains_key(token_hash) {
            kept.retain(|_, (at, _)| at.elapsed() < KEEP_FOR);
            if kept.len() >= MAX_KEPT {
                kept.clear();
            }
        }
        kept.insert(token_hash.to_string(), (Instant::now(), candidate.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use recorder_core::model::{Accommodations, Interview};

    fn candidate(invite_id: i64) -> Candidate {
        Candidate {
            invite_id,
            interview: Interview::sample().into(),
            accommodations: Accommodations::default(),
            consent: None,
        }
    }

    #[test]
    fn a_full_cache_makes_room_and_keeps_the_newest() {
        let callers = PatchCallers::default();
        for i in 0..MAX_KEPT + 1 {
            callers.keep(&format!("h{i}"), &candidate(i as i64));
        }
        let kept = callers.kept.lock().unwrap().len();
        assert!(kept <= MAX_KEPT, "{kept}");
        assert_eq!(
            callers.get(&format!("h{MAX_KEPT}")).map(|c| c.invite_id),
            Some(MAX_KEPT as i64)
        );
    }

    #[test]
    fn a_copy_past_its_minute_is_not_served() {
        let callers = PatchCallers::default();
        callers.keep("h", &candidate(1));
        let old = Instant::now()
            .checked_sub(KEEP_FOR)
            .expect("a minute after boot");
        callers.kept.lock().unwrap().get_mut("h").unwrap().0 = old;
        assert!(callers.get("h").is_none());
    }
}
