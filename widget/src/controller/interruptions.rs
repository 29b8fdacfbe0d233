//! A phone's life while recording: the page hidden (another app or tab, a
//! locked screen) or frozen, the camera paused by the device. A recording
//! then stops at once; once its last bytes are handed over it ends as a
//! technical failure, which costs no attempt, and what it recorded still
//! uploads. The candidate reads why on return.

use super::Ctx;
use gloo::events::EventListener;
use leptos::prelude::*;
use recorder_core::session::{Phase, Stage};

impl Ctx {
    /// Listens, as long as the recorder is on the page, for the page going
    /// out of sight or being frozen.
    pub(super) fn watch_page(&self) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let listeners = ["visibilitychange", "freeze"].map(|name| {
            let ctx = self.clone();
            let page = document.clone();
            EventListener::new(&document, name, move |event| {
                if event.type_() == "freeze" || page.hidden() {
                    ctx.interrupt("page-hidden");
                }
            })
        });
        self.media.update_value(|m| m.page = listeners.into());
    }

    /// Stops a recording in progress for the reason `key` names (a text
    /// the candidate reads); whether one was running.
    pub(super) fn interrupt(&self, key: &str) -> bool {
        self.media
            .try_update_value(|m| match &m.recording {
                Some(recording) => {
                    m.interrupted.get_or_insert_with(|| self.t.get(key));
                    recording.stop();
                    true
                }
                None => false,
            })
            .unwrap_or(false)
    }

    /// Why the recording that just stopped was cut short, if it was: the
    /// devices went away, or [`Ctx::interrupt`] stopped it.
    pub(super) fn interruption(&self) -> Option<String> {
        let interrupted = self
            .media
            .try_update_value(|m| m.interrupted.take())
            .flatten();
        match self.devices_lost() {
            true => Some(self.t.get("device-lost")),
            false => interrupted,
        }
    }

    /// The take on screen already failed (the recorder reported an error).
    pub(super) fn take_failed(&self) -> bool {
        self.stage.with_untracked(|stage| match stage {
            Stage::Question(flow) | Stage::TestVideo(flow) => {
                matches!(flow.phase, Phase::Failed { .. })
            }
            _ => false,
        })
    }
}
