//! Every string the candidate reads, from translation files in `locales/`:
//! a subset of Fluent. `key = value` lines, `{ $name }` placeholders, `#`
//! comments, and plural selectors resolved by the locale's CLDR rules:
//!
//! ```text
//! overview-questions = { $count ->
//!     [one] { $count } question
//!    *[other] { $count } questions
//! }
//! ```
//!
//! English is compiled in (the fallback for a missing key or a file that
//! cannot be fetched); every other locale is fetched when chosen.

use std::fmt;
use std::sync::Arc;

/// English, always at hand.
pub const ENGLISH: &str = include_str!("../locales/en.ftl");

/// A value for a placeholder.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Text, as it is.
    Text(String),
    /// A number, written the locale's way; selects plural forms.
    Number(f64),
    /// A duration in seconds, with the locale's unit.
    Seconds(f64),
    /// A duration in minutes, with the locale's unit.
    Minutes(f64),
    /// A size in bytes, in the locale's megabytes (or kilobytes when small).
    Bytes(u64),
    /// A moment (milliseconds since 1970), as the candidate's date and time.
    Date(f64),
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Number(n as f64)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Number(f64::from(n))
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(n as f64)
    }
}

/// What differs between locales besides the words: plural categories and
/// how numbers, units and dates are written. In the browser, `Intl` does it.
pub trait LocaleRules: Send + Sync {
    /// The CLDR plural category of `n` (`zero`, `one`, `two`, `few`, `many`, `other`).
    fn plural(&self, lang: &str, n: f64) -> String;
    /// `arg` written for `lang`.
    fn write(&self, lang: &str, arg: &Arg) -> String;
}

/// English rules without `Intl`, for native tests.
#[derive(Clone, Copy, Debug, Default)]
pub struct PlainRules;

impl LocaleRules for PlainRules {
    fn plural(&self, _lang: &str, n: f64) -> String {
        if n == 1.0 { "one" } else { "other" }.to_string()
    }

    fn write(&self, _lang: &str, arg: &Arg) -> String {
        match arg {
            Arg::Text(text) => text.clone(),
            Arg::Number(n) => n.to_string(),
            Arg::Seconds(s) => format!("{s} s"),
            Arg::Minutes(m) => format!("{m} min"),
            Arg::Bytes(b) => format!("{b} B"),
            Arg::Date(ms) => ms.to_string(),
        }
    }
}

/// One message: plain text, or variants chosen by a number.
#[derive(Clone, Debug, PartialEq)]
enum Message {
    Text(String),
    Select {
        variable: String,
        /// (variant name, text); `default` indexes the `*[...]` one.
        variants: Vec<(String, String)>,
        default: usize,
    },
}

/// A translation file that cannot be read, with the line to fix.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct ParseError {
    /// 1-based.
    pub line: usize,
    /// What is wrong there.
    pub problem: &'static str,
}

/// One locale's messages, in file order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalog(Vec<(String, Message)>);

impl Catalog {
    /// Reads a translation file.
    ///
    /// ```
    /// use widget::i18n::Catalog;
    /// let catalog = Catalog::parse("hello = Hello { $name }\n# a comment\n").unwrap();
    /// assert!(catalog.has("hello"));
    /// assert!(Catalog::parse("n = { $n ->\n [one] one\n}").is_err()); // no *default
    /// ```
    pub fn parse(source: &str) -> Result<Catalog, ParseError> {
        let mut entries = Vec::new();
        let mut lines = source.lines().enumerate();
        while let Some((index, line)) = lines.next() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |problem| ParseError {
                line: index + 1,
                problem,
            };
            let (key, value) = line
                .split_once('=')
                .ok_or(error("expected `key = value`"))?;
            let (key, value) = (key.trim(), value.trim());
            let selector = value
                .strip_prefix("{ $")
                .and_then(|rest| rest.strip_suffix("->"))
                .map(str::trim);
            let Some(variable) = selector else {
                entries.push((key.to_string(), Message::Text(value.to_string())));
                continue;
            };
            let mut variants = Vec::new();
            let mut default = None;
            loop {
                let (index, line) = lines
                    .next()
                    .ok_or(error("a selector without its closing `}`"))?;
                let line = line.trim();
                if line == "}" {
                    break;
                }
                let (is_default, rest) = match line.strip_prefix('*') {
                    Some(rest) => (true, rest),
                    None => (false, line),
                };
                let (name, text) = rest
                    .strip_prefix('[')
                    .and_then(|rest| rest.split_once(']'))
                    .ok_or(ParseError {
                        line: index + 1,
                        problem: "expected a variant `[name] text` or `}`",
                    })?;
                if is_default {
                    default = Some(variants.len());
                }
                variants.push((name.trim().to_string(), text.trim().to_string()));
            }
            let default = default.ok_or(error("a selector needs a default variant `*[other]`"))?;
            entries.push((
                key.to_string(),
                Message::Select {
                    variable: variable.to_string(),
                    variants,
                    default,
                },
            ));
        }
        Ok(Catalog(entries))
    }

    /// Whether the catalog has `key`.
    pub fn has(&self, key: &str) -> bool {
        self.message(key).is_some()
    }

    fn message(&self, key: &str) -> Option<&Message> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, m)| m)
    }

    /// The keys, in file order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(key, _)| key.as_str())
    }

    /// Every text of `key` (each variant of a selector).
    pub fn texts(&self, key: &str) -> Vec<&str> {
        match self.message(key) {
            Some(Message::Text(text)) => vec![text.as_str()],
            Some(Message::Select { variants, .. }) => {
                variants.iter().map(|(_, text)| text.as_str()).collect()
            }
            None => Vec::new(),
        }
    }

    /// The variant names of `key`'s selector (empty for plain text).
    pub fn variants(&self, key: &str) -> Vec<&str> {
        match self.message(key) {
            Some(Message::Select { variants, .. }) => {
                variants.iter().map(|(name, _)| name.as_str()).collect()
            }
            _ => Vec::new(),
        }
    }
}

/// The strings of one locale, falling back to English key by key.
#[derive(Clone)]
pub struct Translations {
    lang: Arc<str>,
    entries: Arc<Catalog>,
    fallback: Arc<Catalog>,
    rules: Arc<dyn LocaleRules>,
}

impl fmt::Debug for Translations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Translations")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

/// The English catalog (it is compiled in and checked by the tests).
fn english() -> Catalog {
    Catalog::parse(ENGLISH).unwrap_or_default()
}

impl Translations {
    /// English, with `rules`.
    ///
    /// ```
    /// use widget::i18n::{PlainRules, Translations};
    /// let t = Translations::english(PlainRules);
    /// assert_eq!(t.format("overview-questions", &[("count", 1u64.into())]), "1 question");
    /// ```
    pub fn english(rules: impl LocaleRules + 'static) -> Translations {
        let english = Arc::new(english());
        Translations {
            lang: "en".into(),
            entries: english.clone(),
            fallback: english,
            rules: Arc::new(rules),
        }
    }

    /// `lang` from its translation file `source`; English fills in what it lacks.
    ///
    /// ```
    /// use widget::i18n::{PlainRules, Translations};
    /// let t = Translations::from_source("xx", "start-interview = Go!\n", PlainRules).unwrap();
    /// assert_eq!(t.get("start-interview"), "Go!");
    /// assert_eq!(t.get("continue"), "Continue"); // from English
    /// ```
    pub fn from_source(
        lang: &str,
        source: &str,
        rules: impl LocaleRules + 'static,
    ) -> Result<Translations, ParseError> {
        Ok(Translations {
            lang: lang.into(),
            entries: Arc::new(Catalog::parse(source)?),
            fallback: Arc::new(english()),
            rules: Arc::new(rules),
        })
    }

    /// The locale's code, for the `lang` attribute.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// Whether the locale is written right to left.
    pub fn is_rtl(&self) -> bool {
        self.entries.message("direction") == Some(&Message::Text("rtl".into()))
    }

    /// The string for `key` (the key itself if no locale has it).
    pub fn get(&self, key: &str) -> String {
        self.format(key, &[])
    }

    /// The string for `key` with its `{ $name }` placeholders filled in (each
    /// value isolated from the text around it in right-to-left locales), and
    /// its plural form chosen by the locale's rules.
    pub fn format(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let message = self
            .entries
            .message(key)
            .or_else(|| self.fallback.message(key));
        let template = match message {
            None => return key.to_string(),
            Some(Message::Text(text)) => text.as_str(),
            Some(Message::Select {
                variable,
                variants,
                default,
            }) => self.select(variable, variants, *default, args),
        };
        // One pass over the template: a value is never searched for placeholders.
        let isolate = self.is_rtl();
        let mut text = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(start) = rest.find("{ $") {
            let Some(end) = rest[start..].find(" }").map(|end| start + end) else {
                break;
            };
            let name = &rest[start + 3..end];
            text.push_str(&rest[..start]);
            match args.iter().find(|(n, _)| *n == name) {
                Some((_, value)) if isolate => {
                    text.push('\u{2068}');
                    text.push_str(&self.rules.write(&self.lang, value));
                    text.push('\u{2069}');
                }
                Some((_, value)) => text.push_str(&self.rules.write(&self.lang, value)),
                None => text.push_str(&rest[start..end + 2]),
            }
            rest = &rest[end + 2..];
        }
        text.push_str(rest);
        text
    }

    fn select<'a>(
        &self,
        variable: &str,
        variants: &'a [(String, String)],
        default: usize,
        args: &[(&str, Arg)],
    ) -> &'a str {
        let number = args.iter().find_map(|(name, value)| match value {
            Arg::Number(n) | Arg::Seconds(n) | Arg::Minutes(n) if *name == variable => Some(*n),
            _ => None,
        });
        let chosen = number.and_then(|n| {
            // Exact variants are whole numbers (`[0]`); parsing floats would
            // add kilobytes to the wasm.
            let exact = variants
                .iter()
                .find(|(name, _)| name.parse::<u32>().ok().map(f64::from) == Some(n));
            let category = self.rules.plural(&self.lang, n);
            exact.or_else(|| variants.iter().find(|(name, _)| *name == category))
        });
        chosen.unwrap_or(&variants[default]).1.as_str()
    }
}

/// The first of `preferred` (BCP 47 tags, best first) among `available`:
/// the exact tag (`pt-BR`), else the same language (`es-MX` picks `es`,
/// `pt` picks `pt-BR`).
///
/// ```
/// let available = ["en", "es", "pt-BR"];
/// assert_eq!(widget::i18n::pick(["es-MX", "en"], &available), Some("es"));
/// assert_eq!(widget::i18n::pick(["pt-br"], &available), Some("pt-BR"));
/// assert_eq!(widget::i18n::pick(["fr"], &available), None);
/// ```
pub fn pick<'a, 'b>(
    preferred: impl IntoIterator<Item = &'b str>,
    available: &[&'a str],
) -> Option<&'a str> {
    let language = |tag: &str| {
        tag.split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    preferred.into_iter().find_map(|tag| {
        let tag = tag.replace('_', "-");
        available
            .iter()
            .find(|code| code.eq_ignore_ascii_case(&tag))
            .or_else(|| {
                available
                    .iter()
                    .find(|code| language(code) == language(&tag))
            })
            .copied()
    })
}

#[cfg(test)]
mod tests;
