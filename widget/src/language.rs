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

/// The translations for the first of `preferred` (the page's choice, then
/// the interview's) that is bundled, else for the browser's languages.
pub fn choose<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Translations {
    let mut tags: Vec<String> = preferred.into_iter().map(str::to_string).collect();
    tags.extend(browser_languages());
    Translations::choose(tags.iter().map(String::as_str))
}

/// Marks `root` with the language and its direction, for screen readers,
/// fonts and layout.
pub fn apply(root: &web_sys::Element, t: &Translations) {
    let _ = root.set_attribute("lang", t.lang());
    let _ = root.set_attribute("dir", if t.is_rtl() { "rtl" } else { "ltr" });
}
