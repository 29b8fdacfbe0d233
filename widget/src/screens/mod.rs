//! One function per screen of the candidate's flow.

mod device_check;
mod done;
mod flow;
mod overview;
mod preview;
mod questions;

pub use device_check::device_check;
pub use done::done;
pub use flow::flow;
pub use overview::overview;
pub use questions::questions;

/// `m:ss`
pub fn clock_text(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}
