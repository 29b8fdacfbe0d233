//! Monotonic time and sleeping, for the sans-IO engines' `now` inputs.

use std::time::Duration;

/// Time since the page loaded (`performance.now()`), monotonic.
///
/// ```no_run
/// let before = recorder_core::web::clock::now();
/// assert!(recorder_core::web::clock::now() >= before);
/// ```
pub fn now() -> Duration {
    let millis = web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now);
    Duration::from_secs_f64(millis.max(0.0) / 1000.0)
}

/// Waits for `duration` without blocking the page.
///
/// ```no_run
/// # async fn f() {
/// recorder_core::web::clock::sleep(std::time::Duration::from_millis(100)).await;
/// # }
/// ```
pub async fn sleep(duration: Duration) {
    gloo::timers::future::sleep(duration).await
}
