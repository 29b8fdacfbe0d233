//! `cargo xtask package`: the built widget as an npm package a web developer
//! installs (`target/package/`) and its tarball (`target/interview-recorder-<version>.tgz`).

use crate::cmd::{run, workspace_root, Fail};
use crate::widget_build::OUT_DIR;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The package's name on npm.
const NAME: &str = "interview-recorder";

/// Writes `target/package/` from the built widget (plain files: a host's
/// own server or CDN compresses them) and packs it; returns the tarball.
pub fn package() -> Result<PathBuf, Fail> {
    let root = workspace_root();
    let built = root.join(OUT_DIR);
    let dir = root.join("target/package");
    let _ = std::fs::remove_dir_all(&dir);
    copy_plain_files(&built, &dir)?;
    let version = env!("CARGO_PKG_VERSION");
    let manifest = format!(
        r#"{{
  "name": "{NAME}",
  "version": "{version}",
  "description": "An embeddable recorder for one-way video interviews: <interview-recorder> and mount(), uploading over tus 1.0 while recording",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./interview-recorder.js",
  "types": "./interview-recorder.d.ts",
  "exports": {{
    ".": {{
      "types": "./interview-recorder.d.ts",
      "default": "./interview-recorder.js"
    }},
    "./manifest.json": "./manifest.json",
    "./locales/*": "./locales/*"
  }},
  "sideEffects": ["./interview-recorder.js"],
  "keywords": ["video", "interview", "recorder", "tus", "webassembly", "custom-element"]
}}
"#
    );
    write(&dir.join("package.json"), &manifest)?;
    write(&dir.join("README.md"), PACKAGE_README)?;
    let tarball = tarball();
    run(Command::new("npm")
        .args(["pack", "--silent", "--pack-destination"])
        .arg(tarball.parent().unwrap_or(&root))
        .current_dir(&dir))?;
    println!(
        "== package in target/package, tarball {}",
        tarball.display()
    );
    Ok(tarball)
}

/// Where [`package`] writes the tarball.
pub fn tarball() -> PathBuf {
    let version = env!("CARGO_PKG_VERSION");
    workspace_root().join(format!("target/{NAME}-{version}.tgz"))
}

const PACKAGE_README: &str = "# interview-recorder

The `<interview-recorder>` element and `mount()` for one-way video interviews.

    import { mount } from 'interview-recorder';
    const handle = await mount(document.querySelector('#interview'), { invite, api: 'https://host/api' });
    // later: handle.unmount();

Importing the package defines `<interview-recorder invite=\"...\" api=\"...\">` too.

The wasm, its glue and the translations are loaded next to the script: when a
bundler puts the script into your bundle, copy `widget_bg.*.wasm`,
`widget.*.js`, `first-screen.*.js` and `locales/` from this package next to
the bundle (they are
named by content: cache them forever). Types: `interview-recorder.d.ts`.
";

/// Copies `from` into `to` without the `.br` and `.gz` copies.
fn copy_plain_files(from: &Path, to: &Path) -> Result<(), Fail> {
    let fail = |e: std::io::Error| Fail(format!("cannot copy {}: {e}", from.display()));
    std::fs::create_dir_all(to).map_err(fail)?;
    let entries = std::fs::read_dir(from).map_err(|e| {
        Fail(format!(
            "cannot read {} ({e}); build the widget first",
            from.display()
        ))
    })?;
    for entry in entries.flatten() {
        let (path, name) = (entry.path(), entry.file_name());
        let name_text = name.to_string_lossy();
        if path.is_dir() {
            copy_plain_files(&path, &to.join(&name))?;
        } else if !name_text.ends_with(".br") && !name_text.ends_with(".gz") {
            std::fs::copy(&path, to.join(&name)).map_err(fail)?;
        }
    }
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<(), Fail> {
    std::fs::write(path, text).map_err(|e| Fail(format!("cannot write {}: {e}", path.display())))
}
