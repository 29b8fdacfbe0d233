//! `GET /recorder/*`: the built widget, read into memory at startup. Each
//! request gets the Brotli or gzip copy the build wrote if the browser accepts
//! it; content-named files (`widget_bg.3f2a9c1e.wasm`) are cached forever,
//! the loader and other fixed names are revalidated with their ETag.

use crate::app::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::Path as FsPath;
use std::sync::Arc;

/// Content-named files: a new build gives them new names.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Fixed names (the loader a host page names): kept, but asked about again on
/// each use, so a new build reaches pages at once and old names are never wanted.
const REVALIDATE: &str = "public, no-cache";

/// The widget's files, by path under `/recorder/`.
#[derive(Clone, Default)]
pub struct WidgetFiles(Arc<HashMap<String, WidgetFile>>);

struct WidgetFile {
    content_type: &'static str,
    etag: String,
    immutable: bool,
    plain: Bytes,
    brotli: Option<Bytes>,
    gzip: Option<Bytes>,
}

/// A compressed copy a browser may be sent.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Encoding {
    /// `br`
    Brotli,
    /// `gzip`
    Gzip,
}

impl WidgetFiles {
    /// Reads the widget's files under `dir` (scripts, wasm, JSON,
    /// translations, types, styles, pages; with the `.br` and `.gz` copies beside
    /// them) and nothing else; an empty set if `dir` does not exist (the
    /// widget is not built).
    ///
    /// ```no_run
    /// let files = demo_server::widget_files::WidgetFiles::load("target/www/recorder".as_ref())?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn load(dir: &FsPath) -> std::io::Result<WidgetFiles> {
        let mut files = HashMap::new();
        if dir.is_dir() {
            read_into(dir, dir, &mut files)?;
        }
        Ok(WidgetFiles(Arc::new(files)))
    }

    /// Whether a file is served at `path` (relative to `/recorder/`).
    ///
    /// ```
    /// let files = demo_server::widget_files::WidgetFiles::default();
    /// assert!(!files.has("interview-recorder.js"));
    /// ```
    pub fn has(&self, path: &str) -> bool {
        self.0.contains_key(path)
    }

    /// `<link>` elements that start fetching the glue, the first screen and
    /// the wasm named in the build's `manifest.json`, and the
    /// translations the recorder will most likely speak (the first of
    /// `preferred`, language tags best first, that the build has, else
    /// English), while the page's loader script still loads; empty without a
    /// manifest.
    ///
    /// ```
    /// let files = demo_server::widget_files::WidgetFiles::default();
    /// assert_eq!(files.preload_hints("https://host", &["es"]), "");
    /// ```
    pub fn preload_hints(&self, origin: &str, preferred: &[&str]) -> String {
        let Some(manifest) = self.0.get("manifest.json") else {
            return String::new();
        };
        let Ok(manifest) = serde_json::from_slice::<Manifest>(&manifest.plain) else {
            return String::new();
        };
        let language = |tag: &str| {
            tag.split('-')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase()
        };
        let locale = preferred
            .iter()
            .chain(std::iter::once(&"en"))
            .find_map(|lang| {
                let exact = manifest
                    .locales
                    .iter()
                    .find(|(code, _)| code.eq_ignore_ascii_case(lang));
                exact.or_else(|| {
                    manifest
                        .locales
                        .iter()
                        .find(|(code, _)| language(code) == language(lang))
                })
            })
            .map(|(_, path)| path.trim_start_matches("./").to_string());
        let safe = |name: &str| {
            name.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._-/".contains(&b))
                && !name.contains("..")
        };
        let mut hints = Vec::new();
        for script in [Some(manifest.glue), manifest.first]
            .into_iter()
            .flatten()
            .filter(|f| safe(f))
        {
            hints.push(format!(
                "<link rel=\"modulepreload\" href=\"{origin}/recorder/{script}\">"
            ));
        }
        for file in [Some(manifest.wasm), locale]
            .into_iter()
            .flatten()
            .filter(|f| safe(f))
        {
            let kind = if file.ends_with(".wasm") {
                " type=\"application/wasm\""
            } else {
                ""
            };
            hints.push(format!(
                "<link rel=\"preload\" as=\"fetch\"{kind} crossorigin href=\"{origin}/recorder/{file}\">"
            ));
        }
        hints.join("\n  ")
    }
}

/// What the widget build writes to `manifest.json`.
#[derive(serde::Deserialize)]
struct Manifest {
    glue: String,
    wasm: String,
    /// The loader's first screen.
    #[serde(default)]
    first: Option<String>,
    /// Language code -> `./locales/{code}.{hash}.ftl`.
    #[serde(default)]
    locales: HashMap<String, String>,
}

fn read_into(
    root: &FsPath,
    dir: &FsPath,
    files: &mut HashMap<String, WidgetFile>,
) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            read_into(root, &path, files)?;
            continue;
        }
        let name = path.to_string_lossy();
        // Only the widget's kinds of file: never open a database that may sit
        // in the same folder (closing any descriptor of an SQLite file drops
        // the locks SQLite holds on it: the database gets corrupted).
        let Some(content_type) = content_type(&name) else {
            continue;
        };
        let plain = std::fs::read(&path)?;
        let copy = |extension: &str| {
            std::fs::read(format!("{name}.{extension}"))
                .ok()
                .map(Bytes::from)
        };
        let relative = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        let hash = Sha256::digest(&plain);
        let etag = hash[..12].iter().map(|b| format!("{b:02x}")).collect();
        files.insert(
            relative.clone(),
            WidgetFile {
                content_type,
                etag,
                immutable: is_content_named(&relative),
                brotli: copy("br"),
                gzip: copy("gz"),
                plain: Bytes::from(plain),
            },
        );
    }
    Ok(())
}

/// `name.<16 hex digits>.ext`: named by its content at build time.
fn is_content_named(path: &str) -> bool {
    let mut parts = path.rsplit('.');
    let (_extension, hash) = (parts.next(), parts.next());
    hash.is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
        && parts.next().is_some()
}

/// The type of a file the widget is made of; `None` for anything else
/// (compressed copies included: they are read with their file).
fn content_type(path: &str) -> Option<&'static str> {
    Some(match path.rsplit('.').next() {
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("ftl" | "ts") => "text/plain; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("html") => "text/html; charset=utf-8",
        _ => return None,
    })
}

/// The best encoding `accept` (an `Accept-Encoding` value) allows among the
/// copies there are: Brotli, then gzip; `None` for the file as built.
///
/// ```
/// use demo_server::widget_files::{negotiate, Encoding};
/// assert_eq!(negotiate("gzip, deflate, br", true, true), Some(Encoding::Brotli));
/// assert_eq!(negotiate("gzip, br;q=0", true, true), Some(Encoding::Gzip));
/// assert_eq!(negotiate("identity", true, true), None);
/// assert_eq!(negotiate("br;q=0, *", true, true), Some(Encoding::Gzip));
/// ```
pub fn negotiate(accept: &str, brotli: bool, gzip: bool) -> Option<Encoding> {
    // Each coding's weight: named explicitly, else as `*`, else refused.
    let weight = |coding: &str| {
        let mut wildcard = None;
        for item in accept.split(',') {
            let mut parts = item.split(';').map(str::trim);
            let name = parts.next().unwrap_or_default();
            let q = parts
                .find_map(|p| p.strip_prefix("q="))
                .map_or(1.0, |q| q.trim().parse::<f32>().unwrap_or(0.0));
            if name.eq_ignore_ascii_case(coding) {
                return q;
            }
            if name == "*" {
                wildcard = Some(q);
            }
        }
        wildcard.unwrap_or(0.0)
    };
    if brotli && weight("br") > 0.0 {
        Some(Encoding::Brotli)
    } else if gzip && weight("gzip") > 0.0 {
        Some(Encoding::Gzip)
    } else {
        None
    }
}

/// `GET` and `HEAD /recorder/{*path}`.
pub async fn serve(
    State(state): State<AppState>,
    Path(path): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Some(file) = state.widget.0.get(&path) else {
        return (
            StatusCode::NOT_FOUND,
            "no such file of the recorder; is the widget built (cargo xtask build-widget)?\n",
        )
            .into_response();
    };
    let accept = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let encoding = negotiate(accept, file.brotli.is_some(), file.gzip.is_some());
    let (body, coding, tag) = match encoding {
        Some(Encoding::Brotli) => (file.brotli.as_ref(), Some("br"), "-br"),
        Some(Encoding::Gzip) => (file.gzip.as_ref(), Some("gzip"), "-gz"),
        None => (Some(&file.plain), None, ""),
    };
    let etag = format!("\"{}{tag}\"", file.etag);
    let mut response = match headers.get(header::IF_NONE_MATCH) {
        Some(wanted)
            if wanted
                .to_str()
                .is_ok_and(|w| w.trim() == "*" || w.contains(&etag)) =>
        {
            StatusCode::NOT_MODIFIED.into_response()
        }
        _ => Body::from(body.cloned().unwrap_or_default()).into_response(),
    };
    let out = response.headers_mut();
    out.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(file.content_type),
    );
    out.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if file.immutable {
            IMMUTABLE
        } else {
            REVALIDATE
        }),
    );
    out.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if let Ok(etag) = HeaderValue::from_str(&etag) {
        out.insert(header::ETAG, etag);
    }
    if let Some(coding) = coding {
        out.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_widgets_kinds_of_file_are_read() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "interview-recorder.js",
            "interview-recorder.js.br",
            "demo.db",
            "demo.db-wal",
        ] {
            std::fs::write(dir.path().join(name), name).unwrap();
        }
        let files = WidgetFiles::load(dir.path()).unwrap();
        assert!(files.has("interview-recorder.js"));
        assert!(files.0["interview-recorder.js"].brotli.is_some());
        for other in ["interview-recorder.js.br", "demo.db", "demo.db-wal"] {
            assert!(!files.has(other), "{other} must not be read");
        }
    }

    #[test]
    fn preload_hints_name_the_first_screen_and_the_likeliest_translations() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = r#"{ "glue": "widget.1.js", "wasm": "widget_bg.2.wasm",
            "first": "first-screen.4.js", "locales": { "en": "./locales/en.5.ftl", "es": "./locales/es.6.ftl" } }"#;
        std::fs::write(dir.path().join("manifest.json"), manifest).unwrap();
        let files = WidgetFiles::load(dir.path()).unwrap();
        let hints = files.preload_hints("https://host", &["fr-CA", "es-MX"]);
        for file in ["widget.1.js", "first-screen.4.js"] {
            let hint =
                format!("<link rel=\"modulepreload\" href=\"https://host/recorder/{file}\">");
            assert!(hints.contains(&hint), "{file} in {hints}");
        }
        assert!(hints.contains("recorder/widget_bg.2.wasm"));
        assert!(hints.contains("recorder/locales/es.6.ftl") && !hints.contains("en.5"));
        let hints = files.preload_hints("https://host", &["fr"]);
        assert!(
            hints.contains("recorder/locales/en.5.ftl"),
            "English when none is built: {hints}"
        );
    }

    #[test]
    fn content_names_are_recognised() {
        assert!(is_content_named("widget_bg.0123456789abcdef.wasm"));
        assert!(is_content_named("locales/pt-BR.0123456789abcdef.ftl"));
        assert!(!is_content_named("interview-recorder.js"));
        assert!(!is_content_named("locales/en.ftl"));
    }
}
