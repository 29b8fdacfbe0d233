//! The live camera picture.

use crate::controller::Ctx;
use leptos::prelude::*;

/// The camera preview, mirrored like a mirror; muted.
pub fn preview(ctx: &Ctx) -> impl IntoView {
    let video = NodeRef::<leptos::html::Video>::new();
    let stream = ctx.stream;
    Effect::new(move |_| {
        if let (Some(video), Some(stream)) = (video.get(), stream.get()) {
            video.set_src_object(Some(&stream));
        }
    });
    view! {
        <video
            node_ref=video
            part="preview"
            class="ir-preview"
            autoplay=true
            playsinline=true
            prop:muted=true
            aria-hidden="true"
        ></video>
    }
}
