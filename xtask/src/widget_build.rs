//! Builds the widget: cargo (wasm32, size profile), wasm-bindgen, wasm-opt,
//! esbuild (minifies the JS glue), then the loader script, into
//! `target/www/recorder`; names the glue and wasm by content and writes a
//! Brotli and a gzip copy of every file.

use crate::cmd::{cargo, run, workspace_root, Fail};
use crate::fingerprint::fingerprint;
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
    let bindgen_wasm = out.join("widget_bg.wasm");
    run(Command::new(root.join("widget/node_modules/.bin/wasm-opt"))
        .arg(&bindgen_wasm)
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
        ])
        .args([
            "--enable-sign-ext",
            "--enable-reference-types",
            "--enable-multivalue",
        ])
        .arg("-o")
        .arg(&bindgen_wasm))?;
    // wasm-bindgen's glue, minified (its `import.meta.url` and exports kept as they are).
    let glue = out.join("widget.js");
    run(Command::new(root.join("widget/node_modules/.bin/esbuild"))
        .arg(&glue)
        .args([
            "--minify",
            "--format=esm",
            "--allow-overwrite",
            "--log-level=warning",
        ])
        .arg(format!("--outfile={}", glue.display())))?;
    for file in ["interview-recorder.js", "interview-recorder.d.ts"] {
        std::fs::copy(root.join("widget/js").join(file), out.join(file))
            .map_err(|e| Fail(format!("cannot copy {file}: {e}")))?;
    }
    let names = fingerprint(&out)?;
    let entries =
        std::fs::read_dir(&out).map_err(|e| Fail(format!("cannot list {OUT_DIR}: {e}")))?;
    for entry in entries.flatten() {
        let sizes = precompress(&entry.path())?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if [&names.glue, &names.wasm].contains(&&name) {
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
