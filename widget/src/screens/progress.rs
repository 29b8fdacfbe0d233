//! A calm line over the screens that says where the candidate is: setting
//! up, practising, or which question of how many.

use super::ScreenContext;
use leptos::prelude::*;
use recorder_core::model::SessionView;
use recorder_core::session::{Stage, Step};

/// The steps of the interview (practice only when it has one), the one of
/// `stage` marked as the current step and named in full ("Question 2 of 3").
#[component]
pub fn Progress(screen: ScreenContext, stage: Stage, view: SessionView) -> impl IntoView {
    let t = screen.t.clone();
    Step::of(&stage, &view).map(|current| {
        let count = view.questions.len();
        let questions = match current {
            Step::Questions { answered } => t.format(
                "progress-answered",
                &[("answered", answered.into()), ("count", count.into())],
            ),
            Step::Question { number } => t.format(
                "progress-question",
                &[("number", number.into()), ("count", count.into())],
            ),
            Step::Setup | Step::Practice => t.get("progress-questions"),
        };
        let steps = [
            Some((0, t.get("progress-setup"))),
            view.practice
                .is_some()
                .then(|| (1, t.get("progress-practice"))),
            Some((2, questions)),
        ];
        let items = steps
            .into_iter()
            .flatten()
            .map(|(place, label)| {
                let state = match place.cmp(&current.place()) {
                    std::cmp::Ordering::Less => "done",
                    std::cmp::Ordering::Equal => "current",
                    std::cmp::Ordering::Greater => "next",
                };
                let here = (state == "current").then_some("step");
                view! { <li data-state=state aria-current=here>{label}</li> }
            })
            .collect_view();
        view! {
            <nav class="ir-progress" part="progress" aria-label=t.get("progress-label")>
                <ol>{items}</ol>
            </nav>
        }
    })
}
