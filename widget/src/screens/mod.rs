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

/// `1.2 MB`
pub fn size_text(bytes: u64) -> String {
    format!("{} MB", one_decimal(bytes, 1_000_000))
}

/// `numerator / denominator` rounded to one decimal place, such as `4.2`
/// (integer arithmetic: float formatting would add kilobytes to the wasm).
pub fn one_decimal(numerator: u64, denominator: u64) -> String {
    let tenths = (numerator.saturating_mul(10) + denominator / 2) / denominator.max(1);
    format!("{}.{}", tenths / 10, tenths % 10)
}
