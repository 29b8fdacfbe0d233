//! The `<interview-recorder>` element: a Leptos (client-side rendered) UI
//! over `recorder-core`, mounted in a shadow root so host CSS cannot break
//! it and it cannot break the host.
//!
//! `js/interview-recorder.js` defines the element and calls [`mount`].
//! Natively only the translations and the QR code compile (and are tested).

pub mod i18n;
pub mod qr;

#[cfg(target_arch = "wasm32")]
mod api;
#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod controller;
#[cfg(target_arch = "wasm32")]
mod explain;
#[cfg(target_arch = "wasm32")]
mod host_events;
#[cfg(target_arch = "wasm32")]
mod intl;
#[cfg(target_arch = "wasm32")]
mod kept_takes;
#[cfg(target_arch = "wasm32")]
mod language;
#[cfg(target_arch = "wasm32")]
mod listen;
#[cfg(target_arch = "wasm32")]
mod mount;
#[cfg(target_arch = "wasm32")]
mod options;
#[cfg(target_arch = "wasm32")]
mod panic_report;
#[cfg(target_arch = "wasm32")]
mod playback;
#[cfg(target_arch = "wasm32")]
mod screens;
#[cfg(target_arch = "wasm32")]
mod tasks;

#[cfg(target_arch = "wasm32")]
pub use mount::{mount, Mounted};
#[cfg(target_arch = "wasm32")]
pub use options::{MountOptions, OptionsError};
