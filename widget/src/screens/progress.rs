//! A calm line over the screens that says where the candidate is: setting
//! up, practising, or which question of how many.

use super::ScreenContext;
use leptos::prelude::*;
use recorder_core::session::Step;

/// The steps of the interview (practice only when it has `practice`), with
/// `step` marked as the current one and named in full ("Question 2 of
/// `count`").
#[component]
pub fn Progress(screen: ScreenContext, step: Step, count: usize, practice: bool) -> impl IntoView {
    let t = screen.t.clone();
    let questions = match step {
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
        practice.then(|| (1, t.get("progress-practice"))),
        Some((2, questions)),
    ];
    let items = steps
        .into_iter()
        .flatten()
        .map(|(place, label)| {
            let state = match place.cmp(&step.place()) {
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
}
