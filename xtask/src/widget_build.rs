//! Builds the widget: cargo (wasm32, size profile), wasm-bindgen, wasm-opt,
//! the loader and its first screen, esbuild (minifies the JS), into
//! `target/www/recorder`; names the glue, the wasm, the first screen and the
//! translations by content and writes a Brotli and a gzip copy of every file.

use crate::cmd::{cargo, run, workspace_root, Fail};
use crate::fingerprint::{fingerprint, FIRST_SCREEN};
use crate::precompress::precompress;
use std::process::Command;

/// Where the built widget goes; demo-server serves it at `/recorder/`.
pub const OUT_DIR: &str = "target/www/recorder";

/// Builds the widget in release.
pub fn build() -> Result<(), Fail> {
    let root = workspace_root();
    let out = root.join(OUT_DIR);
    println!("== building the widget (wasm32, release)");
    // Files of earlier builds (other content names) go.
    let _ = std::fs::remove_dir_all(&out);
    run(Command::new(cargo())
        .args([
            "build",
            "-p",
            "widget",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .args(["--profile", "wasm-release"])
        .current_dir(&root))?;
    let wasm = root.join("target/wasm32-unknown-unknown/wasm-release/widget.wasm");
    run(Command::new("wasm-bindgen")
        .arg(&wasm)
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            "widget",
            "--out-dir",
        ])
        .arg(&out))?;
    optimize(&root, &out.join("widget_bg.wasm"))?;
    for file in ["interview-recorder.js", "interview-recorder.d.ts"] {
        std::fs::copy(root.join("widget/js").join(file), out.join(file))
            .map_err(|e| Fail(format!("cannot copy {file}: {e}")))?;
    }
    write_first_screen(&root, &out)?;
    for script in ["widget.js", FIRST_SCREEN] {
        minify(&root, &out.join(script))?;
    }
    copy_dir(&root.join("widget/locales"), &out.join("locales"))?;
    let names = fingerprint(&out)?;
    // Once it names the content-named files.
    minify(&root, &out.join(LOADER))?;
    for path in files_under(&out)? {
        let sizes = precompress(&path)?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.ends_with(".wasm") || *name == names.glue {
            println!(
                "   {name}: {} KB, {} KB brotli, {} KB gzip",
                sizes.plain / 1024,
                sizes.brotli / 1024,
                sizes.gzip / 1024
            );
        }
    }
    println!("== widget built in {OUT_DIR}");
    Ok(())
}

/// `widget/js/first-screen.js` with the recorder's stylesheet put in
/// (`const STYLE = '';`): the loader's first screen and the wasm's screens share it.
fn write_first_screen(root: &std::path::Path, out: &std::path::Path) -> Result<(), Fail> {
    let read = |path: std::path::PathBuf| {
        std::fs::read_to_string(&path)
            .map_err(|e| Fail(format!("cannot read {}: {e}", path.display())))
    };
    let script = read(root.join("widget/js").join(FIRST_SCREEN))?;
    let style = read(root.join("widget/src/style.css"))?;
    let placeholder = "const STYLE = '';";
    if !script.contains(placeholder) {
        return Err(Fail(format!("{FIRST_SCREEN} lost its `{placeholder}`")));
    }
    let literal = style
        .replace('\\', "\\\\")
        .replace('\'', "\\'")
        .replace('\r', "")
        .replace('\n', "\\n");
    let script = script.replace(placeholder, &format!("const STYLE = '{literal}';"));
    std::fs::write(out.join(FIRST_SCREEN), script)
        .map_err(|e| Fail(format!("cannot write {FIRST_SCREEN}: {e}")))
}

/// The file a host page names.
const LOADER: &str = "interview-recorder.js";

/// Minifies one ES module in place with esbuild (`import.meta.url` and
/// exports kept).
fn minify(root: &std::path::Path, script: &std::path::Path) -> Result<(), Fail> {
    run(Command::new(root.join("widget/node_modules/.bin/esbuild"))
        .arg(script)
        .args([
            "--minify",
            "--format=esm",
            "--allow-overwrite",
            "--log-level=warning",
        ])
        .arg(format!("--outfile={}", script.display())))
}

/// Shrinks one wasm module in place.
fn optimize(root: &std::path::Path, wasm: &std::path::Path) -> Result<(), Fail> {
    run(Command::new(root.join("widget/node_modules/.bin/wasm-opt"))
        .arg(wasm)
        // Restructured control flow first, then size passes until nothing shrinks.
        .args(["--flatten", "--rereloop", "-Oz", "-Oz", "--converge"])
        .args(["--strip-producers", "--strip-target-features"])
        .args(["--enable-bulk-memory", "--enable-nontrapping-float-to-int"])
        .args([
            "--enable-sign-ext",
            "--enable-reference-types",
            "--enable-multivalue",
        ])
        .arg("-o")
        .arg(wasm))
}

/// Copies the files of `from` into `to` (created).
fn copy_dir(from: &std::path::Path, to: &std::path::Path) -> Result<(), Fail> {
    let fail = |e: std::io::Error| Fail(format!("cannot copy {}: {e}", from.display()));
    std::fs::create_dir_all(to).map_err(fail)?;
    for entry in std::fs::read_dir(from).map_err(fail)?.flatten() {
        std::fs::copy(entry.path(), to.join(entry.file_name())).map_err(fail)?;
    }
    Ok(())
}

/// Every file under `dir`, in its subfolders too.
fn files_under(dir: &std::path::Path) -> Result<Vec<std::path::PathBuf>, Fail> {
    let mut files = Vec::new();
    let entries =
        std::fs::read_dir(dir).map_err(|e| Fail(format!("cannot list {}: {e}", dir.display())))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(files_under(&path)?);
        } else {
            files.push(path);
        }
    }
    Ok(files)
}
