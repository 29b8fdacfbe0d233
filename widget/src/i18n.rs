//! Every string the candidate reads, from translation files in `locales/`
//! (`key = value` lines, `{ $name }` placeholders, `#` comments).

/// The bundled locales; the first is the fallback for missing keys.
const LOCALES: &[(&str, &str)] = &[
    ("en", include_str!("../locales/en.ftl")),
    ("es", include_str!("../locales/es.ftl")),
    ("ar", include_str!("../locales/ar.ftl")),
];

/// The strings of one locale, falling back to English key by key.
#[derive(Clone, Debug)]
pub struct Translations {
    lang: &'static str,
    entries: Catalog,
    fallback: Catalog,
}

/// One locale's `key = value` pairs, in file order (a few hundred at most:
/// a scan is as quick as hashing and keeps the widget smaller).
type Catalog = Vec<(&'static str, &'static str)>;

fn parse(source: &'static str) -> Catalog {
    source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once('='))
        .map(|(key, value)| (key.trim(), value.trim()))
        .collect()
}

impl Translations {
    /// The first of `preferred` (BCP 47 tags, best first) that is bundled,
    /// matched by language (`es-MX` picks `es`); English otherwise.
    pub fn choose<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Translations {
        let lang = preferred
            .into_iter()
            .filter_map(|tag| {
                let language = tag.split(['-', '_']).next()?.to_ascii_lowercase();
                LOCALES.iter().find(|(code, _)| *code == language)
            })
            .map(|(code, _)| *code)
            .next()
            .unwrap_or(LOCALES[0].0);
        let source = LOCALES
            .iter()
            .find(|(code, _)| *code == lang)
            .map_or("", |l| l.1);
        Translations {
            lang,
            entries: parse(source),
            fallback: parse(LOCALES[0].1),
        }
    }

    /// The chosen locale's code, for the `lang` attribute.
    pub fn lang(&self) -> &'static str {
        self.lang
    }

    /// Whether the locale is written right to left.
    pub fn is_rtl(&self) -> bool {
        self.get("direction") == "rtl"
    }

    /// The string for `key` (the key itself if no locale has it).
    pub fn get(&self, key: &str) -> String {
        self.format(key, &[])
    }

    /// The string for `key` with `{ $name }` placeholders filled in.
    pub fn format(&self, key: &str, args: &[(&str, String)]) -> String {
        let template = lookup(&self.entries, key)
            .or_else(|| lookup(&self.fallback, key))
            .unwrap_or(key);
        args.iter()
            .fold(template.to_string(), |text, (name, value)| {
                text.replace(&format!("{{ ${name} }}"), value)
            })
    }
}

fn lookup(catalog: &Catalog, key: &str) -> Option<&'static str> {
    catalog.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_has_every_english_key_and_no_others() {
        let english = parse(LOCALES[0].1);
        for (code, source) in LOCALES {
            let entries = parse(source);
            for (key, _) in &english {
                assert!(lookup(&entries, key).is_some(), "{code} lacks {key}");
            }
            for (key, value) in &entries {
                let times = entries.iter().filter(|(k, _)| k == key).count();
                assert_eq!(times, 1, "{code} has {key} {times} times");
                let source = lookup(&english, key);
                assert!(source.is_some(), "{code} has unknown key {key}");
                for placeholder in source.unwrap_or_default().split("{ $").skip(1) {
                    let name = placeholder.split(' ').next().unwrap();
                    assert!(
                        value.contains(&format!("{{ ${name} }}")),
                        "{code}/{key} lacks ${name}"
                    );
                }
            }
        }
    }

    #[test]
    fn chooses_by_language_and_falls_back_to_english() {
        assert_eq!(Translations::choose(["es-MX", "en"]).lang(), "es");
        assert_eq!(Translations::choose(["fr-FR"]).lang(), "en");
        assert!(Translations::choose(["ar"]).is_rtl());
        let en = Translations::choose([]);
        assert_eq!(
            en.format("overview-questions", &[("count", "3".into())]),
            "3 questions"
        );
        assert_eq!(en.get("no-such-key"), "no-such-key");
    }
}
