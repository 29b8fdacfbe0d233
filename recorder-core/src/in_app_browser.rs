//! Recognising in-app browsers (social and mail apps' webviews), which often
//! cannot use the camera: the candidate needs "open this link in your browser".

/// An app whose built-in browser opened the interview link.
///
/// ```
/// use recorder_core::in_app_browser::{detect, InAppBrowser};
/// let ua = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 300.0";
/// assert_eq!(detect(ua), Some(InAppBrowser::Instagram));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InAppBrowser {
    /// Facebook or Messenger.
    Facebook,
    /// Instagram.
    Instagram,
    /// LinkedIn.
    LinkedIn,
    /// TikTok.
    TikTok,
    /// Snapchat.
    Snapchat,
    /// WeChat.
    WeChat,
    /// LINE.
    Line,
    /// Some other Android app's WebView.
    AndroidWebView,
}

impl InAppBrowser {
    /// The app's name, for "open this link outside {name}".
    ///
    /// ```
    /// assert_eq!(recorder_core::in_app_browser::InAppBrowser::LinkedIn.name(), "LinkedIn");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            InAppBrowser::Facebook => "Facebook",
            InAppBrowser::Instagram => "Instagram",
            InAppBrowser::LinkedIn => "LinkedIn",
            InAppBrowser::TikTok => "TikTok",
            InAppBrowser::Snapchat => "Snapchat",
            InAppBrowser::WeChat => "WeChat",
            InAppBrowser::Line => "LINE",
            InAppBrowser::AndroidWebView => "this app",
        }
    }
}

/// The in-app browser a user agent string belongs to, if any.
///
/// ```
/// let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
/// assert_eq!(recorder_core::in_app_browser::detect(chrome), None);
/// ```
pub fn detect(user_agent: &str) -> Option<InAppBrowser> {
    const MARKERS: &[(&str, InAppBrowser)] = &[
        ("FBAN/", InAppBrowser::Facebook),
        ("FBAV/", InAppBrowser::Facebook),
        ("FB_IAB", InAppBrowser::Facebook),
        ("Instagram", InAppBrowser::Instagram),
        ("LinkedInApp", InAppBrowser::LinkedIn),
        ("musical_ly", InAppBrowser::TikTok),
        ("BytedanceWebview", InAppBrowser::TikTok),
        ("Snapchat", InAppBrowser::Snapchat),
        ("MicroMessenger", InAppBrowser::WeChat),
        (" Line/", InAppBrowser::Line),
    ];
    MARKERS
        .iter()
        .find(|(marker, _)| user_agent.contains(marker))
        .map(|(_, app)| *app)
        .or_else(|| {
            (user_agent.contains("Android") && user_agent.contains("; wv)"))
                .then_some(InAppBrowser::AndroidWebView)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_webviews_are_recognised_and_browsers_are_not() {
        let cases = [
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/430.0]", Some(InAppBrowser::Facebook)),
            ("Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/430.0;]", Some(InAppBrowser::Facebook)),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 LinkedInApp/9.29", Some(InAppBrowser::LinkedIn)),
            ("Mozilla/5.0 (Linux; Android 12; SM-G991B; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/118.0 Mobile Safari/537.36", Some(InAppBrowser::AndroidWebView)),
            ("Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Mobile Safari/537.36 MicroMessenger/8.0", Some(InAppBrowser::WeChat)),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1", None),
            ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36", None),
        ];
        for (ua, expected) in cases {
            assert_eq!(detect(ua), expected, "{ua}");
        }
    }
}
