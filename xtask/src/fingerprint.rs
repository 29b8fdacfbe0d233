//! Names the widget's heavy files by their content (`widget_bg.3f2a9c1e.wasm`),
//! so any server or CDN can cache them forever: a new build is a new name.
//! The loader keeps its name and points at the new ones.

use crate::cmd::Fail;
use sha2::{Digest, Sha256};
use std::path::Path;

/// The loader's first screen (`widget/js/first-screen.js`), which it imports.
pub const FIRST_SCREEN: &str = "first-screen.js";

/// The files a build produced, by their content names.
pub struct Fingerprinted {
    /// wasm-bindgen's JS glue.
    pub glue: String,
}

/// Renames by content `dir/widget_bg.wasm`, `dir/widget.js`, the loader's
/// [`FIRST_SCREEN`] and each `dir/locales/{code}.ftl`; rewrites the
/// references to them (the glue names the wasm; the loader names the glue,
/// the wasm, the first screen and the locales), and writes `manifest.json`
/// (`{ "glue": ..., "wasm": ..., "first": ..., "locales": { code: path } }`)
/// for servers that render preload hints.
pub fn fingerprint(dir: &Path) -> Result<Fingerprinted, Fail> {
    let wasm = rename_by_content(dir, "widget_bg", "wasm", |bytes| bytes)?;
    let glue = rename_by_content(dir, "widget", "js", |bytes| {
        replace(bytes, "widget_bg.wasm", &wasm)
    })?;
    let first_stem = FIRST_SCREEN.trim_end_matches(".js");
    let first = rename_by_content(dir, first_stem, "js", |bytes| bytes)?;
    let mut locales = Vec::new();
    let locale_dir = dir.join("locales");
    for name in list(&locale_dir)? {
        if let Some(code) = name.strip_suffix(".ftl") {
            let file = rename_by_content(&locale_dir, code, "ftl", |bytes| bytes)?;
            locales.push(format!("\"{code}\": \"./locales/{file}\""));
        }
    }
    locales.sort();
    let locales = format!("{{ {} }}", locales.join(", "));
    let loader = dir.join("interview-recorder.js");
    let source = read(&loader)?;
    let rewritten = replace(source, "./widget_bg.wasm", &format!("./{wasm}"));
    let rewritten = replace(rewritten, "./widget.js", &format!("./{glue}"));
    let rewritten = replace(
        rewritten,
        &format!("./{FIRST_SCREEN}"),
        &format!("./{first}"),
    );
    let rewritten = replace(
        rewritten,
        "const LOCALES = {};",
        &format!("const LOCALES = {locales};"),
    );
    write(&loader, &rewritten)?;
    let manifest = format!(
        "{{ \"glue\": \"{glue}\", \"wasm\": \"{wasm}\", \"first\": \"{first}\", \"locales\": {locales} }}\n"
    );
    write(&dir.join("manifest.json"), manifest.as_bytes())?;
    Ok(Fingerprinted { glue })
}

/// `dir/{stem}.{extension}`, transformed by `edit`, written as
/// `dir/{stem}.{first 8 bytes of its sha256, hex}.{extension}`; returns that name.
fn rename_by_content(
    dir: &Path,
    stem: &str,
    extension: &str,
    edit: impl FnOnce(Vec<u8>) -> Vec<u8>,
) -> Result<String, Fail> {
    let plain = dir.join(format!("{stem}.{extension}"));
    let bytes = edit(read(&plain)?);
    let hash: String = Sha256::digest(&bytes)[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let name = format!("{stem}.{hash}.{extension}");
    write(&dir.join(&name), &bytes)?;
    std::fs::remove_file(&plain)
        .map_err(|e| Fail(format!("cannot remove {}: {e}", plain.display())))?;
    Ok(name)
}

/// `bytes` (UTF-8 text) with every `from` replaced by `to`.
fn replace(bytes: Vec<u8>, from: &str, to: &str) -> Vec<u8> {
    String::from_utf8_lossy(&bytes)
        .replace(from, to)
        .into_bytes()
}

/// The names of the files in `dir`.
fn list(dir: &Path) -> Result<Vec<String>, Fail> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| Fail(format!("cannot list {}: {e}", dir.display())))?;
    Ok(entries
        .flatten()
        .filter(|entry| entry.path().is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect())
}

fn read(path: &Path) -> Result<Vec<u8>, Fail> {
    std::fs::read(path).map_err(|e| Fail(format!("cannot read {}: {e}", path.display())))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Fail> {
    std::fs::write(path, bytes).map_err(|e| Fail(format!("cannot write {}: {e}", path.display())))
}
