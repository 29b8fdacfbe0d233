//! Playing a take back from its recorded chunks, before (or without) upload.

use leptos::prelude::*;
use web_sys::{Blob, BlobPropertyBag, Url};

/// An object URL for the chunks as one file of `mime_type`.
pub fn object_url(chunks: &[Blob], mime_type: &str) -> Option<String> {
    let parts = js_sys::Array::new();
    for chunk in chunks {
        parts.push(chunk);
    }
    let options = BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob = Blob::new_with_blob_sequence_and_options(&parts, &options).ok()?;
    Url::create_object_url_with_blob(&blob).ok()
}

/// A blob of bytes kept on the device.
pub fn blob(bytes: &[u8]) -> Option<Blob> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    Blob::new_with_u8_array_sequence(&parts).ok()
}

/// Releases the current playback URL, if any.
pub fn forget(playback: RwSignal<Option<String>>) {
    if let Some(url) = playback.get_untracked() {
        let _ = Url::revoke_object_url(&url);
        playback.set(None);
    }
}
