//! Which language the recorder speaks: the page's `lang` option, else the
//! interview's locale (once the interview is loaded), else the browser's.

use crate::i18n::Translations;

/// The browser's languages, best first (`navigator.languages`).
pub fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|window| {
            window
                .navigator()
                .languages()
                .iter()
                .filter_map(|l| l.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The translations for `first` (the page's or the interview's choice, if
/// any), falling back to the browser's languages.
pub fn choose(first: Option<&str>) -> Translations {
    let browser = browser_languages();
    Translations::choose(first.into_iter().chain(browser.iter().map(String::as_str)))
}

/// Marks `root` with the language and its direction, for screen readers,
/// fonts and layout.
pub fn apply(root: &web_sys::Element, t: &Translations) {
    let _ = root.set_attribute("lang", t.lang());
    let _ = root.set_attribute("dir", if t.is_rtl() { "rtl" } else { "ltr" });
}
