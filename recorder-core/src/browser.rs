//! Which browser the candidate uses, for help that names the right buttons.

/// A browser family whose permission settings differ.
///
/// ```
/// use recorder_core::browser::{detect, Browser};
/// let ua = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
/// assert_eq!(detect(ua), Browser::Firefox);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Browser {
    /// Chrome, Edge or another Chromium on a computer.
    Chrome,
    /// Firefox on a computer.
    Firefox,
    /// Safari on a Mac.
    Safari,
    /// Any browser on an iPhone or iPad (all use Safari's engine and settings).
    Ios,
    /// Chrome or another browser on Android.
    Android,
    /// Anything else.
    Other,
}

impl Browser {
    /// A short stable name, for picking help texts (`help-not-allowed-{name}`).
    ///
    /// ```
    /// assert_eq!(recorder_core::browser::Browser::Ios.name(), "ios");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Browser::Chrome => "chrome",
            Browser::Firefox => "firefox",
            Browser::Safari => "safari",
            Browser::Ios => "ios",
            Browser::Android => "android",
            Browser::Other => "other",
        }
    }
}

/// The browser family of a user agent string.
///
/// ```
/// use recorder_core::browser::{detect, Browser};
/// assert_eq!(detect("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0 Mobile/15E148 Safari/604.1"), Browser::Ios);
/// ```
pub fn detect(user_agent: &str) -> Browser {
    let has = |needle: &str| user_agent.contains(needle);
    if has("iPhone") || has("iPad") || has("iPod") {
        Browser::Ios
    } else if has("Android") {
        Browser::Android
    } else if has("Firefox/") {
        Browser::Firefox
    } else if has("Chrome/") || has("Chromium/") || has("Edg/") {
        Browser::Chrome
    } else if has("Safari/") && has("Macintosh") {
        Browser::Safari
    } else {
        Browser::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_browsers_are_told_apart() {
        let cases = [
            ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0", Browser::Chrome),
            ("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15", Browser::Safari),
            ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:128.0) Gecko/20100101 Firefox/128.0", Browser::Firefox),
            ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36", Browser::Android),
            ("Mozilla/5.0 (iPad; CPU OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1", Browser::Ios),
            ("curl/8.0", Browser::Other),
        ];
        for (ua, expected) in cases {
            assert_eq!(detect(ua), expected, "{ua}");
        }
    }
}
