//! A short panel of advice for a good recording, folded until asked for.

use super::ScreenContext;
use leptos::prelude::*;

/// The tips' keys, in the order shown.
const TIPS: [&str; 4] = ["tip-quiet", "tip-light", "tip-framing", "tip-connection"];

/// "Tips for a good recording": a quiet place, light, framing, connection.
#[component]
pub fn Tips(screen: ScreenContext) -> impl IntoView {
    let t = screen.t.clone();
    let tips = TIPS
        .iter()
        .map(|key| view! { <li>{t.get(key)}</li> })
        .collect_view();
    view! {
        <details class="ir-tips" part="tips">
            <summary>{t.get("tips-title")}</summary>
            <ul>{tips}</ul>
        </details>
    }
}
