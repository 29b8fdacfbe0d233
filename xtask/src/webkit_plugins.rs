//! The GStreamer pieces WebKitGTK's MediaRecorder needs on Debian bookworm,
//! built once into `target/gst-plugins` for `cargo xtask test --engines all`
//! (every node test gets that folder as `GST_PLUGIN_PATH`):
//!
//! - `isofmp4mux`, the MP4 muxer it records with, from gst-plugins-rs, which
//!   bookworm does not package: the crate `gst-plugin-fmp4` at the version that
//!   matches bookworm's GStreamer 1.22, its sources (and lockfile) by `cargo vendor`;
//! - `autovideoflip`, which WebKitGTK 2.50 puts before its video encoder and
//!   GStreamer 1.22 lacks: `tests/gst-autovideoflip`.

use crate::cmd::{cargo, run, workspace_root, Fail};
use crate::install::debian_packages;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where the built plugins are kept, under the workspace root.
pub const DIR: &str = "target/gst-plugins";

/// The gst-plugins-rs crate with `isofmp4mux`, at bookworm's GStreamer's line.
const FMP4: (&str, &str) = ("gst-plugin-fmp4", "0.10.11");

/// Builds the plugins that are missing, then has GStreamer load both (which
/// also brings its registry up to date, so that the first browser does not
/// wait for that); returns [`DIR`].
pub fn build() -> Result<PathBuf, Fail> {
    let dir = workspace_root().join(DIR);
    let fmp4 = dir.join("libgstfmp4.so");
    let flip = dir.join("libgstautovideoflip.so");
    if !(fmp4.exists() && flip.exists()) {
        build_missing(&dir, &fmp4, &flip)?;
    }
    for element in ["isofmp4mux", "autovideoflip"] {
        run(Command::new("gst-inspect-1.0")
            .arg(element)
            .env("GST_PLUGIN_PATH", &dir)
            .stdout(std::process::Stdio::null()))
        .map_err(|Fail(e)| Fail(format!("GStreamer cannot load {element}: {e}")))?;
    }
    Ok(dir)
}

/// Installs GStreamer's headers, then builds the plugins missing in `dir`.
fn build_missing(dir: &Path, fmp4: &Path, flip: &Path) -> Result<(), Fail> {
    let headers = ["libgstreamer1.0-dev", "libgstreamer-plugins-base1.0-dev"]
        .map(|package| (("dpkg", ["-s", package]), package));
    let mut wanted: Vec<(&str, &[&str], &str)> = vec![("pkg-config", &["--version"], "pkg-config")];
    wanted.extend(
        headers
            .iter()
            .map(|((program, args), package)| (*program, &args[..], *package)),
    );
    debian_packages(&wanted)?;
    let work = workspace_root().join("target/gst-plugins-build");
    std::fs::create_dir_all(dir).map_err(io)?;
    if !fmp4.exists() {
        let (name, version) = FMP4;
        println!("== building {name} {version} for WebKitGTK's MediaRecorder (once)");
        let source = vendored(&work, name, version)?;
        keep(&build_in(&source, &work, "libgstfmp4.so")?, fmp4)?;
    }
    if !flip.exists() {
        println!("== building tests/gst-autovideoflip for WebKitGTK's MediaRecorder (once)");
        let source = workspace_root().join("tests/gst-autovideoflip");
        keep(&build_in(&source, &work, "libgstautovideoflip.so")?, flip)?;
    }
    Ok(())
}

/// The sources of crate `name` at `version`, fetched by `cargo vendor`, as a
/// package of their own.
fn vendored(work: &Path, name: &str, version: &str) -> Result<PathBuf, Fail> {
    let fetch = work.join("fetch");
    std::fs::create_dir_all(fetch.join("src")).map_err(io)?;
    let manifest = format!(
        "[package]\nname = \"fetch\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n\
         [dependencies]\n{name} = \"={version}\"\n\n[workspace]\n"
    );
    std::fs::write(fetch.join("Cargo.toml"), manifest).map_err(io)?;
    std::fs::write(fetch.join("src/lib.rs"), "").map_err(io)?;
    run(Command::new(cargo())
        .args(["vendor", "--versioned-dirs", "--manifest-path"])
        .arg(fetch.join("Cargo.toml"))
        .arg(work.join("vendor")))?;
    let source = work.join("vendor").join(format!("{name}-{version}"));
    let manifest_path = source.join("Cargo.toml");
    let mut manifest = std::fs::read_to_string(&manifest_path).map_err(io)?;
    if !manifest.contains("\n[workspace]") {
        manifest.push_str("\n[workspace]\n");
        std::fs::write(manifest_path, manifest).map_err(io)?;
    }
    Ok(source)
}

/// `cargo build --release` of the package in `source`; the path of `library`.
fn build_in(source: &Path, work: &Path, library: &str) -> Result<PathBuf, Fail> {
    let target = work.join("target");
    run(Command::new(cargo())
        .args(["build", "--release", "--target-dir"])
        .arg(&target)
        .current_dir(source))?;
    Ok(target.join("release").join(library))
}

fn keep(built: &Path, kept: &Path) -> Result<(), Fail> {
    std::fs::copy(built, kept)
        .map(|_| ())
        .map_err(|e| Fail(format!("cannot keep {}: {e}", built.display())))
}

fn io(error: std::io::Error) -> Fail {
    Fail(error.to_string())
}
