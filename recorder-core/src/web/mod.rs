//! The browser edge (wasm32 only): it turns browser APIs into the core's
//! events and carries out the core's requests. No decisions live here.
//!
//! - [`media`]: camera and microphone, with typed errors.
//! - [`recorder`]: MediaRecorder with type negotiation, chunks in order.
//! - [`level_meter`]: the microphone's live level.
//! - [`transport`]: fetch for [`crate::http::HttpRequest`]s, with timeouts.
//! - [`clock`]: monotonic time and sleeping.
//! - [`upload_driver`]: runs an [`crate::upload::Upload`] against the network.

pub mod clock;
pub mod level_meter;
pub mod media;
pub mod recorder;
pub mod transport;
pub mod upload_driver;
