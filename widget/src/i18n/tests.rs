use super::*;
use recorder_core::error_code::ErrorCode;

/// Every locale file shipped in `locales/`: (code, source).
fn locales() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");
    let mut locales: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "ftl"))
        .map(|path| {
            let code = path.file_stem().unwrap().to_string_lossy().into_owned();
            (code, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    locales.sort();
    locales
}

fn placeholders(text: &str) -> Vec<&str> {
    text.split("{ $")
        .skip(1)
        .map(|rest| rest.split(' ').next().unwrap())
        .collect()
}

#[test]
fn six_locales_ship_and_each_has_every_english_key_and_no_others() {
    let english = Catalog::parse(ENGLISH).unwrap();
    let codes: Vec<String> = locales().into_iter().map(|(code, _)| code).collect();
    assert_eq!(codes, ["ar", "de", "en", "es", "fr", "pt-BR"]);
    for (code, source) in locales() {
        let catalog = Catalog::parse(&source).unwrap_or_else(|e| panic!("{code}.ftl: {e}"));
        for key in english.keys() {
            assert!(catalog.has(key), "{code} lacks {key}");
        }
        for key in catalog.keys() {
            let times = catalog.keys().filter(|k| *k == key).count();
            assert_eq!(times, 1, "{code} has {key} {times} times");
            assert!(english.has(key), "{code} has unknown key {key}");
            let texts = catalog.texts(key).join(" ");
            for text in english.texts(key) {
                for name in placeholders(text) {
                    assert!(
                        texts.contains(&format!("{{ ${name} }}")),
                        "{code}/{key} lacks ${name}"
                    );
                }
            }
        }
    }
}

#[test]
fn every_server_error_code_has_its_text() {
    let english = Catalog::parse(ENGLISH).unwrap();
    for code in ErrorCode::ALL {
        let key = format!("error-{}", code.as_str());
        assert!(english.has(&key), "no text for the server's code {key}");
    }
}

#[test]
fn plural_forms_follow_the_rules_and_exact_numbers_win() {
    let t = Translations::english(PlainRules);
    let questions = |n: u64| t.format("overview-questions", &[("count", n.into())]);
    assert_eq!(questions(1), "1 question");
    assert_eq!(questions(3), "3 questions");
    let source = "n = { $n ->\n  [0] none\n  [one] one\n *[other] { $n } more\n}\n";
    let t = Translations::from_source("xx", source, PlainRules).unwrap();
    let n = |n: u64| t.format("n", &[("n", n.into())]);
    assert_eq!([n(0), n(1), n(5)], ["none", "one", "5 more"]);
}

#[test]
fn values_are_isolated_in_right_to_left_text() {
    let t = Translations::from_source(
        "ar",
        "direction = rtl\ndone-size = { $size } الحجم\n",
        PlainRules,
    )
    .unwrap();
    assert!(t.is_rtl());
    assert_eq!(
        t.format("done-size", &[("size", "0.4 MB".into())]),
        "\u{2068}0.4 MB\u{2069} الحجم"
    );
}

#[test]
fn a_broken_file_names_its_line() {
    let error = Catalog::parse("a = b\nno equals sign\n").unwrap_err();
    assert_eq!(error.line, 2);
    let error = Catalog::parse("n = { $n ->\n  [one] x\n").unwrap_err();
    assert_eq!(error.problem, "a selector without its closing `}`");
}

#[test]
fn picks_the_exact_tag_then_the_language() {
    let available = ["en", "es", "ar", "fr", "de", "pt-BR"];
    assert_eq!(pick(["es-MX", "en"], &available), Some("es"));
    assert_eq!(pick(["pt-PT"], &available), Some("pt-BR"));
    assert_eq!(pick(["it", "de-AT"], &available), Some("de"));
    assert_eq!(pick(["it"], &available), None);
}

#[test]
fn a_value_is_never_read_for_placeholders() {
    let t = Translations::english(PlainRules);
    let text = t.format(
        "done-answer",
        &[
            ("question", "{ $size }".into()),
            ("duration", "1 s".into()),
            ("size", "2 MB".into()),
            ("sha256", "ab".into()),
        ],
    );
    assert_eq!(text, "{ $size }: 1 s · 2 MB · sha256 ab");
}
