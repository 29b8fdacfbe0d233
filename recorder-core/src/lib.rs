//! The recorder's library: no UI, no I/O in its decisions.
//!
//! - [`model`]: the interview as the server defines it and the candidate sees it.
//! - [`browser`]: which browser the candidate uses, for help that names the right buttons.
//! - [`camera_app`]: answers recorded by the device's camera app where the browser cannot record.
//! - [`http`]: the small request/response vocabulary the engines speak.
//! - [`in_app_browser`]: recognising app webviews that cannot use the camera.
//! - [`journal`]: the bytes of a take, kept until the server acknowledged them.
//! - [`level`]: the microphone's level from raw samples.
//! - [`recording_format`]: which recording type to ask the browser for.
//! - [`session`]: the candidate's way through the interview, as a state machine.
//! - [`take_store`]: a take's bytes kept on the device until the server has them all.
//! - [`takes`]: every take of a session, its upload, its storage and its fate, by handle.
//! - [`upload`]: a tus 1.0 client engine, sans-IO: requests out, responses in.
//! - `web` (wasm32 only): the browser edge: camera, microphone, MediaRecorder, fetch, clock.
//!
//! ```
//! use recorder_core::upload::{Upload, UploadConfig};
//! let mut upload = Upload::new(UploadConfig::new("https://example.com/api/uploads")).unwrap();
//! upload.handle_chunk(b"first chunk of a take");
//! let discover = upload.poll_request(std::time::Duration::ZERO).unwrap();
//! assert_eq!(discover.method, recorder_core::http::Method::Options);
//! ```

pub mod browser;
pub mod camera_app;
pub mod error_code;
mod hex;
// Native only, as proptest is.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod fake_tus;
pub mod http;
pub mod in_app_browser;
pub mod journal;
pub mod level;
pub mod model;
pub mod recording_format;
pub mod session;
pub mod sound_check;
pub mod take_store;
pub mod takes;
pub mod uplink;
pub mod upload;

#[cfg(target_arch = "wasm32")]
pub mod web;
