//! What the connection check found, on the device check: how long answers
//! take to finish saving after Stop, and, on a link too slow for video where
//! the interview allows it, the choice to answer with sound only.

use super::{act, Live, ScreenContext};
use crate::controller::{Link, LinkCheck};
use crate::i18n::Arg;
use leptos::prelude::*;
use recorder_core::session::Event;
use std::time::Duration;

/// The connection's note: `link` is the check and how takes will be
/// recorded, `longest_answer` the longest answer limit in seconds (the
/// wait it may leave after Stop is said for it).
#[component]
pub fn Connection(
    screen: ScreenContext,
    #[prop(into)] link: Live<Link>,
    longest_answer: u32,
) -> impl IntoView {
    move || {
        let t = &screen.t;
        let Link { check, plan } = link.get();
        let uplink = match check {
            LinkCheck::NotStarted | LinkCheck::Unmeasured => return ().into_any(),
            LinkCheck::Checking => {
                return view! {
                    <p class="ir-note" part="connection" role="status" data-state="checking">
                        {t.get("connection-checking")}
                    </p>
                }
                .into_any()
            }
            LinkCheck::Measured(uplink) => uplink,
        };
        let wait = plan.wait_after_stop(uplink, Duration::from_secs(longest_answer.into()));
        let args = [
            (
                "speed",
                Arg::Number((uplink as f64 / 100_000.0).round() / 10.0),
            ),
            ("wait", Arg::Seconds(wait.as_secs_f64().ceil().max(1.0))),
        ];
        let (state, text, choice) = match plan.video {
            None => (
                "sound-only",
                t.get("connection-sound-only"),
                Some((t.get("sound-only-undo"), false)),
            ),
            Some(_) if plan.fits => ("good", t.format("connection-good", &args), None),
            Some(_) if plan.audio_only_offered => (
                "offer",
                t.format("connection-offer", &args),
                Some((t.get("sound-only-choose"), true)),
            ),
            Some(_) => ("slow", t.format("connection-slow", &args), None),
        };
        let choice = choice.map(|(label, on)| {
            act(
                &screen,
                label,
                "sound-only",
                "ir-button ir-secondary",
                Event::SoundOnly(on),
            )
        });
        view! {
            <div class="ir-connection" part="connection" role="status" data-state=state>
                <p class="ir-note">{text}</p>
                {choice}
            </div>
        }
        .into_any()
    }
}
