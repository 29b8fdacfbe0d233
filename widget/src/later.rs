//! What the candidate needs only after pressing Start (the recording, review
//! and done screens, the recorder and the upload) lives in a second wasm
//! module. The first screen does not wait for it: it is fetched while the
//! candidate reads the overview, and fetched again if that failed.
//!
//! Each function here is a door into that module: the build's splitter
//! (`xtask/src/wasm_split.rs`) moves whatever only these doors reach out of
//! the main module. Calling one waits for the module (at once once it is here).
//!
//! ```ignore
//! later::fetch(&ctx); // when the overview shows
//! ctx.spawn(async move { later::start_recording(ctx, purpose).await });
//! ```

use crate::controller::Ctx;
use crate::explain::Explain;
use crate::i18n::{Arg, Translations};
use crate::screens;
use futures::FutureExt;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use recorder_core::session::{Flow, Purpose};
use recorder_core::take_store::StoredTake;
use std::future::Future;

/// Where the second module is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Part {
    /// Being downloaded.
    Fetching,
    /// Here: its doors open at once.
    Ready,
    /// The download failed (the connection dropped); trying again may work.
    Unavailable,
}

/// The second module could not be downloaded.
#[derive(Debug, thiserror::Error)]
#[error("a part of the recorder could not be downloaded (the connection may have dropped)")]
pub struct Unavailable;

impl From<SplitLoaderError> for Unavailable {
    fn from(_: SplitLoaderError) -> Self {
        Unavailable
    }
}

impl Explain for Unavailable {
    fn key(&self) -> (String, Vec<(&'static str, Arg)>) {
        ("error-part-unavailable".into(), Vec::new())
    }
}

/// Downloads the second module unless it is here (a download already on its
/// way is joined, not repeated); `ctx.part` says how it went.
pub fn fetch(ctx: &Ctx) {
    if ctx.part.get_untracked() == Part::Ready {
        return;
    }
    ctx.part.set(Part::Fetching);
    let part = ctx.part;
    ctx.spawn(async move {
        // Each door has its own latch: open them all (one download).
        let opened = futures::try_join!(
            open_start_recording(),
            open_resume(),
            open_submit(),
            open_flow_screen(),
            open_questions_screen(),
            open_done_screen(),
        );
        part.set(match opened {
            Ok(_) => Part::Ready,
            Err(_) => Part::Unavailable,
        });
    });
}

/// A screen from the second module: while it downloads, a loading bar; if
/// that failed, why and a button that tries again.
pub fn screen<F>(ctx: &Ctx, door: impl FnOnce() -> F) -> AnyView
where
    F: Future<Output = Result<AnyView, Unavailable>>,
{
    let here = ctx.part.get() == Part::Ready;
    match here.then(|| door().now_or_never()).flatten() {
        Some(Ok(view)) => view,
        Some(Err(error)) => unavailable(ctx, &error, &ctx.t),
        None if ctx.part.get() == Part::Unavailable => unavailable(ctx, &Unavailable, &ctx.t),
        None => view! { <div class="ir-loading" aria-hidden="true"></div> }.into_any(),
    }
}

fn unavailable(ctx: &Ctx, error: &Unavailable, t: &Translations) -> AnyView {
    let ctx = ctx.clone();
    view! {
        <p class="ir-error" part="failed" role="alert">{error.explain(t)}</p>
        <button part="button retry" class="ir-button" on:click=move |_| fetch(&ctx)>
            {t.get("try-again")}
        </button>
    }
    .into_any()
}

/// Starts recording a take.
#[wasm_split(after_start, wasm_split_path = ::leptos::wasm_split, fallible, preload(open_start_recording))]
pub fn start_recording(ctx: Ctx, purpose: Purpose) -> Result<(), Unavailable> {
    ctx.start_recording(purpose);
    Ok(())
}

/// Resumes uploading a take kept on this device from an earlier visit.
#[wasm_split(after_start, wasm_split_path = ::leptos::wasm_split, fallible, preload(open_resume))]
pub fn resume(ctx: Ctx, take: StoredTake) -> Result<(), Unavailable> {
    ctx.resume(take);
    Ok(())
}

/// Submits the current take of `question` once its upload has settled.
#[wasm_split(after_start, wasm_split_path = ::leptos::wasm_split, fallible, preload(open_submit))]
pub fn submit(ctx: Ctx, question: String) -> Result<(), Unavailable> {
    let submitting = ctx.clone();
    ctx.spawn(async move { submitting.submit(question).await });
    Ok(())
}

/// The screen of a recording flow (test video, practice or question).
#[wasm_split(after_start, wasm_split_path = ::leptos::wasm_split, fallible, preload(open_flow_screen))]
pub fn flow_screen(ctx: Ctx, flow: Flow) -> Result<AnyView, Unavailable> {
    Ok(screens::flow(ctx, flow).into_any())
}

/// The list of questions.
#[wasm_split(after_start, wasm_split_path = ::leptos::wasm_split, fallible, preload(open_questions_screen))]
pub fn questions_screen(ctx: Ctx) -> Result<AnyView, Unavailable> {
    Ok(screens::questions(ctx).into_any())
}

/// The acknowledgement.
#[wasm_split(after_start, wasm_split_path = ::leptos::wasm_split, fallible, preload(open_done_screen))]
pub fn done_screen(ctx: Ctx) -> Result<AnyView, Unavailable> {
    Ok(screens::done(ctx).into_any())
}
