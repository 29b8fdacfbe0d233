//! The browser's `Intl` for the locale rules: CLDR plural categories, and
//! numbers, units and dates written the candidate's way (in their time zone).

use crate::i18n::{Arg, LocaleRules};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

/// [`LocaleRules`] through `Intl.PluralRules`, `Intl.NumberFormat` and
/// `Date.prototype.toLocaleString`.
///
/// ```ignore
/// let t = Translations::from_source("ar", source, IntlRules)?;
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct IntlRules;

fn locales(lang: &str) -> Array {
    Array::of1(&JsValue::from_str(lang))
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (name, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object
}

/// `n` written by `Intl.NumberFormat(lang, options)`.
fn number(lang: &str, n: f64, pairs: &[(&str, JsValue)]) -> String {
    let format = js_sys::Intl::NumberFormat::new(&locales(lang), &options(pairs)).format();
    format
        .call1(&JsValue::NULL, &JsValue::from_f64(n))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// `n` in `unit` (a unit `Intl` knows: `second`, `megabyte`...), short form.
fn unit(lang: &str, n: f64, unit: &str, fraction_digits: u32) -> String {
    number(
        lang,
        n,
        &[
            ("style", "unit".into()),
            ("unit", unit.into()),
            ("unitDisplay", "short".into()),
            ("maximumFractionDigits", fraction_digits.into()),
        ],
    )
}

impl LocaleRules for IntlRules {
    fn plural(&self, lang: &str, n: f64) -> String {
        js_sys::Intl::PluralRules::new(&locales(lang), &Object::new())
            .select(n)
            .into()
    }

    fn write(&self, lang: &str, arg: &Arg) -> String {
        match arg {
            Arg::Text(text) => text.clone(),
            Arg::Number(n) => number(lang, *n, &[]),
            Arg::Seconds(s) => unit(lang, *s, "second", 1),
            Arg::Minutes(m) => unit(lang, *m, "minute", 0),
            Arg::Bytes(b) if *b < 1_000_000 => unit(lang, *b as f64 / 1000.0, "kilobyte", 0),
            Arg::Bytes(b) => unit(lang, *b as f64 / 1_000_000.0, "megabyte", 1),
            Arg::Date(ms) => js_sys::Date::new(&JsValue::from_f64(*ms))
                .to_locale_string(
                    lang,
                    &options(&[("dateStyle", "long".into()), ("timeStyle", "short".into())]),
                )
                .into(),
        }
    }
}
