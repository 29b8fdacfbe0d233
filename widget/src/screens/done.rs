//! The acknowledgement: what the server received, per answer.

use crate::controller::Ctx;
use crate::i18n::Arg;
use leptos::prelude::*;

/// The done screen.
pub fn done(ctx: Ctx) -> impl IntoView {
    let t = ctx.t.clone();
    let receipt = ctx.receipt;
    let order: Vec<String> = ctx
        .view
        .get_untracked()
        .map(|view| view.questions.iter().map(|q| q.id.clone()).collect())
        .unwrap_or_default();
    let lines = move || {
        receipt.get().map(|receipt| {
            receipt
                .answers
                .iter()
                .map(|answer| {
                    let duration = answer
                        .duration_ms
                        .map_or(Arg::from("–"), |ms| Arg::Seconds(ms as f64 / 1000.0));
                    view! {
                        <li part="receipt-item" data-question=answer.question.clone() data-bytes=answer.bytes.to_string()
                            data-sha256=answer.sha256.clone()>
                            {t.format("done-answer", &[
                                ("question", order
                                    .iter()
                                    .position(|id| *id == answer.question)
                                    .map_or(answer.question.clone(), |i| {
                                        t.format("question-number", &[("number", (i + 1).into())])
                                    }).into()),
                                ("duration", duration),
                                ("size", Arg::Bytes(answer.bytes)),
                                ("sha256", answer.sha256.clone().into()),
                            ])}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="ir-screen" part="done" aria-labelledby="ir-title" data-status="done">
            <h2 id="ir-title" part="title" tabindex="-1">{ctx.t.get("done-title")}</h2>
            <p>{ctx.t.get("done-review")}</p>
            <ul class="ir-receipt" part="receipt">{lines}</ul>
        </section>
    }
}
