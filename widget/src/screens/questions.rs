//! The list of questions: each with its status on one side, its think
//! time, answer length and takes left on the other (below it on a phone).

use super::ScreenContext;
use crate::i18n::Arg;
use leptos::prelude::*;
use recorder_core::model::{Question, QuestionSummary};
use recorder_core::session::Event;

/// The question list screen: `questions` in order, then `practice` to try
/// again. With `manual_start`, think time is as long as the candidate needs.
#[component]
pub fn Questions(
    screen: ScreenContext,
    questions: Vec<QuestionSummary>,
    practice: Option<Question>,
    manual_start: bool,
) -> impl IntoView {
    let t = screen.t.clone();
    let items = questions
        .iter()
        .enumerate()
        .map(|(index, q)| {
            let status = if q.submitted {
                t.get("question-status-submitted")
            } else if q.attempts_used == 0 {
                t.get("question-status-new")
            } else {
                t.format("question-status-used", &[("used", q.attempts_used.into()), ("attempts", q.attempts.into())])
            };
            let think = match manual_start {
                true => t.get("question-think-manual"),
                false => t.format("question-think", &[("seconds", Arg::Seconds(q.think_seconds as f64))]),
            };
            let left = q.attempts.saturating_sub(q.attempts_used);
            let rules = [
                think,
                t.format("question-length", &[("seconds", Arg::Seconds(q.answer_seconds as f64))]),
                t.format("question-takes-left", &[("left", left.into()), ("attempts", q.attempts.into())]),
            ];
            let (screen, id) = (screen.clone(), q.id.clone());
            let open = !q.submitted && left > 0;
            view! {
                <li class="ir-question" part="question-item" data-question=q.id.clone() data-submitted=q.submitted.to_string()>
                    <div class="ir-question-head">
                        <strong>{t.format("question-number", &[("number", (index + 1).into())])}</strong>
                        <span class="ir-note" part="question-status">{status}</span>
                    </div>
                    <ul class="ir-question-rules" part="question-rules">
                        {rules.into_iter().map(|rule| view! { <li>{rule}</li> }).collect_view()}
                    </ul>
                    {open.then(|| view! {
                        <button part="button view-question" class="ir-button"
                            on:click=move |_| screen.act(Event::ViewQuestion(id.clone()))>
                            {t.get("view-question")}
                        </button>
                    })}
                </li>
            }
        })
        .collect_view();
    let practice = practice.map(|p| {
        let (screen, id, label) = (screen.clone(), p.id, t.get("practice-again"));
        view! {
            <button part="button practice" class="ir-button ir-secondary"
                on:click=move |_| screen.act(Event::ViewQuestion(id.clone()))>{label}</button>
        }
    });
    view! {
        <section class="ir-screen" part="questions" aria-labelledby="ir-title">
            <h2 id="ir-title" part="title" tabindex="-1">{t.get("questions-title")}</h2>
            <ol class="ir-list">{items}</ol>
            {practice}
        </section>
    }
}
