//! The list of questions, each with its status, attempts and limits.

use crate::controller::Ctx;
use crate::i18n::Arg;
use leptos::prelude::*;
use recorder_core::session::Event;

/// The question list screen.
pub fn questions(ctx: Ctx) -> impl IntoView {
    let t = ctx.t.clone();
    let view = ctx
        .view
        .get_untracked()
        .unwrap_or_else(|| unreachable!("loaded"));
    let items = view
        .questions
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
            let (ctx, id) = (ctx.clone(), q.id.clone());
            let open = !q.submitted && q.attempts_used < q.attempts;
            view! {
                <li class="ir-question" part="question-item" data-question=q.id.clone() data-submitted=q.submitted.to_string()>
                    <div>
                        <strong>{t.format("question-number", &[("number", (index + 1).into())])}</strong>
                        <span class="ir-note">{format!(" · {status} · ")}{t.format("question-length", &[("seconds", Arg::Seconds(q.answer_seconds as f64))])}</span>
                    </div>
                    {open.then(|| view! {
                        <button part="button view-question" class="ir-button"
                            on:click=move |_| ctx.dispatch(Event::ViewQuestion(id.clone()))>
                            {t.get("view-question")}
                        </button>
                    })}
                </li>
            }
        })
        .collect_view();
    let practice = view.practice.as_ref().map(|p| {
        let (ctx, id, label) = (ctx.clone(), p.id.clone(), t.get("practice-again"));
        view! {
            <button part="button practice" class="ir-button ir-secondary"
                on:click=move |_| ctx.dispatch(Event::ViewQuestion(id.clone()))>{label}</button>
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
