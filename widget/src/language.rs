//! Which language the recorder speaks: the page's `lang` option, else the
//! interview's locale (once the interview is loaded), else the browser's,
//! among the locales it has translation files for; and fetching that one file.

use crate::i18n::{pick, Translations};
use crate::intl::IntlRules;
use js_sys::{Array, Object, Reflect};
use recorder_core::http::{HttpRequest, Method};
use recorder_core::web::transport;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};

/// How long a translation file may take before the recorder speaks English.
const TIMEOUT: Duration = Duration::from_secs(15);

/// The locales a recorder can speak and where their files are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Locales {
    /// The host page's choice (`lang`), if any.
    pub asked: Option<String>,
    /// (BCP 47 code, URL of its translation file); English needs none.
    pub files: Vec<(String, String)>,
}

impl Locales {
    /// Reads `lang` and `locales` (`{ "es": "https://host/recorder/locales/es.ftl" }`)
    /// from the mount options; whatever else they hold, and even when they
    /// are not usable, the recorder can still speak.
    pub fn from_js(options: &JsValue) -> Locales {
        let field = |name: &str| Reflect::get(options, &name.into()).ok();
        let asked = field("lang")
            .and_then(|lang| lang.as_string())
            .filter(|lang| !lang.trim().is_empty());
        let files = field("locales")
            .filter(|locales| locales.is_object())
            .map(|locales| {
                Object::entries(locales.unchecked_ref())
                    .iter()
                    .filter_map(|entry| {
                        let entry: Array = entry.unchecked_into();
                        Some((entry.get(0).as_string()?, entry.get(1).as_string()?))
                    })
                    // Intl throws on what is not a language tag.
                    .filter(|(code, _)| recorder_core::model::is_language_tag(code))
                    .collect()
            })
            .unwrap_or_default();
        Locales { asked, files }
    }

    /// The locale to speak: the page's choice, then `interview` (the
    /// interview's locale), then the browser's languages; English if none
    /// of them has a file.
    pub fn choose(&self, interview: Option<&str>) -> Option<String> {
        let available: Vec<&str> = std::iter::once("en")
            .chain(self.files.iter().map(|(code, _)| code.as_str()))
            .collect();
        let browser = browser_languages();
        let preferred = self
            .asked
            .iter()
            .map(String::as_str)
            .chain(interview)
            .chain(browser.iter().map(String::as_str));
        pick(preferred, &available).map(str::to_string)
    }

    /// The translations of `lang` (fetched), or English when `lang` is
    /// `None`, or when its file cannot be had or read (said in the console).
    pub async fn load(&self, lang: Option<&str>) -> Translations {
        let Some((code, url)) = lang.and_then(|lang| self.files.iter().find(|(c, _)| c == lang))
        else {
            return Translations::english(IntlRules);
        };
        let request = HttpRequest::new(Method::Get, url.as_str());
        let source = match transport::send(&request, TIMEOUT).await {
            Ok(response) if response.status == 200 => Ok(response.body),
            Ok(response) => Err(format!("HTTP {}", response.status)),
            Err(error) => Err(error.to_string()),
        };
        match source
            .and_then(|s| Translations::from_source(code, &s, IntlRules).map_err(|e| e.to_string()))
        {
            Ok(translations) => translations,
            Err(error) => {
                web_sys::console::warn_1(
                    &format!("interview recorder: translations {url} not used ({error}); speaking English").into(),
                );
                Translations::english(IntlRules)
            }
        }
    }
}

/// The browser's languages, best first (`navigator.languages`).
fn browser_languages() -> Vec<String> {
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

/// Marks `root` with the language and its direction, for screen readers,
/// fonts and layout.
pub fn apply(root: &web_sys::Element, t: &Translations) {
    let _ = root.set_attribute("lang", t.lang());
    let _ = root.set_attribute("dir", if t.is_rtl() { "rtl" } else { "ltr" });
}
