//! The acknowledgement: what the server received, per answer.

use super::{Live, ScreenContext};
use crate::i18n::Arg;
use leptos::prelude::*;
use recorder_core::model::Receipt;

/// The done screen: each answer of `receipt` named by its place in `order`
/// (the questions' ids, in the interview's order).
#[component]
pub fn Done(
    screen: ScreenContext,
    order: Vec<String>,
    #[prop(into)] receipt: Live<Option<Receipt>>,
) -> impl IntoView {
    let t = screen.t.clone();
    let title = t.get("done-title");
    let t2 = t.clone();
    // The date the interview gives, once the receipt has come; "soon" without one.
    let review = move || match receipt.get().and_then(|r| r.review_by) {
        Some(by) => t2.format("done-review-by", &[("date", Arg::Date(by as f64 * 1000.0))]),
        None => t2.get("done-review"),
    };
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
            <h2 id="ir-title" part="title" tabindex="-1">{title}</h2>
            <p part="review-by">{review}</p>
            <ul class="ir-receipt" part="receipt">{lines}</ul>
        </section>
    }
}
