//! Installing what a fresh machine lacks: the wasm32 target, the pinned
//! wasm-bindgen-cli, Debian's Chromium and ffmpeg, npm packages, and for
//! `--engines all` Firefox ESR, WebKitGTK and the GStreamer muxer it records with.

use crate::cmd::{cargo, is_root, output, run, works, workspace_root, Fail};
use std::path::Path;
use std::process::Command;

/// The wasm32 target and a wasm-bindgen-cli of exactly the version in Cargo.lock.
pub fn wasm_toolchain() -> Result<(), Fail> {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]))?;
    if !installed
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let pinned = wasm_bindgen_version()?;
    let current = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if current.split_whitespace().nth(1) != Some(pinned.as_str()) {
        println!("== installing wasm-bindgen-cli {pinned} (takes a few minutes, once)");
        run(Command::new(cargo()).args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &format!("={pinned}"),
        ]))?;
    }
    npm_packages(&workspace_root().join("widget"))
}

/// The `wasm-bindgen` version Cargo.lock resolved (pinned with `=` in Cargo.toml).
pub fn wasm_bindgen_version() -> Result<String, Fail> {
    let lock = std::fs::read_to_string(workspace_root().join("Cargo.lock"))
        .map_err(|e| Fail(format!("cannot read Cargo.lock: {e}")))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_string());
            }
        }
    }
    Err(Fail("Cargo.lock has no wasm-bindgen package".into()))
}

/// Chromium, ChromeDriver, ffmpeg/ffprobe and Node.js, from Debian's packages.
pub fn browser_and_media_tools() -> Result<(), Fail> {
    debian_packages(&[
        ("chromium", &["--version"], "chromium"),
        ("chromedriver", &["--version"], "chromium-driver"),
        ("ffmpeg", &["-version"], "ffmpeg"),
        ("ffprobe", &["-version"], "ffmpeg"),
        ("node", &["--version"], "nodejs"),
        ("npm", &["--version"], "npm"),
    ])
}

/// The other engines, for `cargo xtask test --engines all`, from Debian's
/// packages: Firefox ESR; WebKitGTK's WebDriver, an X server for it (it has no
/// headless mode) and the GStreamer plugins its MediaRecorder records with.
pub fn other_engines() -> Result<(), Fail> {
    let installed = |package| ("dpkg", ["-s", package]);
    let plugins = [
        "gstreamer1.0-plugins-good",
        "gstreamer1.0-plugins-bad",
        "gstreamer1.0-plugins-ugly",
        "gstreamer1.0-libav",
    ]
    .map(|package| (installed(package), package));
    let mut wanted: Vec<(&str, &[&str], &str)> = vec![
        ("firefox-esr", &["--version"], "firefox-esr"),
        ("WebKitWebDriver", &["--help"], "webkit2gtk-driver"),
        ("Xvfb", &["-help"], "xvfb"),
        ("gst-inspect-1.0", &["--version"], "gstreamer1.0-tools"),
    ];
    wanted.extend(
        plugins
            .iter()
            .map(|((program, args), package)| (*program, &args[..], *package)),
    );
    debian_packages(&wanted)
}

/// PostgreSQL 15's server programs (Debian's `postgresql-15`), for
/// `cargo xtask test --scale`; returns the folder that holds them.
pub fn postgres() -> Result<std::path::PathBuf, Fail> {
    let bin = std::path::PathBuf::from("/usr/lib/postgresql/15/bin");
    let initdb = bin.join("initdb");
    let initdb = initdb.to_str().unwrap_or("initdb");
    debian_packages(&[(initdb, &["--version"], "postgresql-15")])?;
    Ok(bin)
}

/// Garage, the S3-compatible store `cargo xtask test --scale` keeps takes
/// in: built once from crates.io (its first build takes a while) into
/// `target/tools`, its build cached in `target/tools-build`; returns the program.
pub fn garage() -> Result<std::path::PathBuf, Fail> {
    const VERSION: &str = "2.5.0";
    let root = workspace_root().join("target/tools");
    let program = root.join("bin/garage");
    let built = output(Command::new(&program).arg("--version")).unwrap_or_default();
    if built.contains(VERSION) {
        return Ok(program);
    }
    println!("== building Garage {VERSION} into target/tools (a long build, once)");
    run(Command::new(cargo())
        .args(["install", "garage", "--version", &format!("={VERSION}")])
        .args(["--no-default-features", "--features", "bundled-libs,sqlite"])
        .arg("--root")
        .arg(&root)
        .env(
            "CARGO_TARGET_DIR",
            workspace_root().join("target/tools-build"),
        ))?;
    Ok(program)
}

/// Installs the package of each (program, arguments, package) whose program does not run.
pub fn debian_packages(wanted: &[(&str, &[&str], &str)]) -> Result<(), Fail> {
    let mut missing: Vec<&str> = wanted
        .iter()
        .filter(|(program, args, _)| !works(program, args))
        .map(|(_, _, package)| *package)
        .collect();
    missing.dedup();
    if missing.is_empty() {
        return Ok(());
    }
    println!("== installing {} with apt-get", missing.join(", "));
    apt(&["update"])?;
    let mut install = vec!["install", "-y", "--no-install-recommends"];
    install.extend(missing);
    apt(&install)
}

fn apt(args: &[&str]) -> Result<(), Fail> {
    let mut command = if is_root() {
        Command::new("apt-get")
    } else {
        let mut sudo = Command::new("sudo");
        sudo.args(["-n", "apt-get"]);
        sudo
    };
    command.env("DEBIAN_FRONTEND", "noninteractive");
    run(command.args(args)).map_err(|Fail(message)| {
        Fail(format!(
            "{message}\n  run it by hand as root: apt-get {}",
            args.join(" ")
        ))
    })
}

/// `npm ci` in `dir` when its node_modules is missing or older than its lockfile.
pub fn npm_packages(dir: &Path) -> Result<(), Fail> {
    let stamp = dir.join("node_modules/.package-lock.json");
    let lock = dir.join("package-lock.json");
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    if modified(&stamp).is_some() && modified(&stamp) >= modified(&lock) {
        return Ok(());
    }
    if !works("npm", &["--version"]) {
        browser_and_media_tools()?;
    }
    println!("== npm ci in {}", dir.display());
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir))
}

/// A Python virtual environment in `target/python` with `tests/requirements.txt`
/// (tuspy) installed; returns its interpreter.
pub fn python_packages() -> Result<std::path::PathBuf, Fail> {
    let root = workspace_root();
    let venv = root.join("target/python");
    let python = venv.join("bin/python");
    let python_text = python.to_string_lossy().into_owned();
    if works(&python_text, &["-c", "import tusclient"]) {
        return Ok(python);
    }
    println!("== installing Python test packages into target/python");
    let create = || run(Command::new("python3").args(["-m", "venv"]).arg(&venv));
    if create().is_err() {
        apt(&["update"])?;
        apt(&[
            "install",
            "-y",
            "--no-install-recommends",
            "python3",
            "python3-venv",
        ])?;
        create()?;
    }
    run(Command::new(&python)
        .args(["-m", "pip", "install", "--quiet", "-r"])
        .arg(root.join("tests/requirements.txt")))?;
    Ok(python)
}
