//! The live camera picture.

use super::ScreenContext;
use leptos::prelude::*;

/// The camera preview, mirrored like a mirror; muted.
#[component]
pub fn Preview(screen: ScreenContext) -> impl IntoView {
    let video = NodeRef::<leptos::html::Video>::new();
    let camera = screen.camera;
    Effect::new(move |_| {
        if let (Some(video), Some(stream)) = (video.get(), camera.get()) {
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
