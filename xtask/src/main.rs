//! `cargo xtask demo [--addr ADDR]`, `cargo xtask test`, `cargo xtask soak` and `cargo xtask bench`:
//! each installs what is missing on a fresh machine, builds what it needs and runs it.

mod cmd;
mod fingerprint;
mod garage;
mod install;
mod package;
mod postgres;
mod precompress;
mod webkit_plugins;
mod widget_build;

use cmd::{run, workspace_root, Fail};
use std::process::{Command, ExitCode};

const USAGE: &str = "usage:
  cargo xtask demo [--addr 127.0.0.1:8080]   build the widget, start demo-server, print an invite link
  cargo xtask test [--engines all]           every test: native, browser (wasm), end to end in headless Chromium,
                                             and in Firefox ESR and WebKitGTK where installed (--engines all
                                             installs them and builds WebKitGTK's MP4 muxer); each engine's time
  cargo xtask test --scale                   the scale suite: installs PostgreSQL 15 and builds Garage (S3), starts
                                             throwaway ones, runs every demo-server test on them, paced candidates,
                                             and two instances behind a proxy with one SIGKILLed mid-PATCH
  cargo xtask soak                           the offline scenario 20 times and 200 candidates of load
  cargo xtask bench                          benchmarks P1-P7 (and P1-weak) against peers: target/bench/report.{md,json}
  cargo xtask bench --scale                  P7 again, with demo-server on a throwaway PostgreSQL 15 as well (P7-postgres),
                                             and on PostgreSQL + Garage with one and two instances (P7-s3, P7-s3-two)
  cargo xtask build-widget                   build the widget into target/www/recorder
  cargo xtask package                        build the widget as an npm package: target/package and its .tgz";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("demo") => demo(&args[1..]),
        Some("test") => test(&args[1..]),
        Some("soak") => soak(),
        Some("bench") => bench(&args[1..]),
        Some("build-widget") => build_widget(),
        Some("package") => build_widget().and_then(|()| package::package().map(drop)),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Fail(message)) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn build_widget() -> Result<(), Fail> {
    install::wasm_toolchain()?;
    widget_build::build()
}

fn demo(args: &[String]) -> Result<(), Fail> {
    let addr = match args {
        [] => "127.0.0.1:8080".to_string(),
        [flag, addr] if flag == "--addr" => addr.clone(),
        _ => return Err(Fail(format!("unexpected arguments {args:?}\n{USAGE}"))),
    };
    build_widget()?;
    let server = build_server()?;
    let root = workspace_root();
    let invite = cmd::output(
        Command::new(&server)
            .args(["invite", "--data-dir", "data", "--addr", &addr])
            .current_dir(&root),
    )?;
    println!(
        "\n  Candidate link: {}\n  (Ctrl-C stops the server; data is kept in ./data)\n",
        invite.trim()
    );
    run(Command::new(&server)
        .args(["serve", "--data-dir", "data", "--addr", &addr])
        .args(["--widget-dir", widget_build::OUT_DIR])
        .current_dir(&root))
}

fn test(args: &[String]) -> Result<(), Fail> {
    match args {
        [] => {}
        [flag] if flag == "--scale" => return scale(),
        [flag, engines] if flag == "--engines" && engines == "all" => {
            install::other_engines()?;
            webkit_plugins::build()?;
        }
        _ => return Err(Fail(format!("unexpected arguments {args:?}\n{USAGE}"))),
    }
    let root = workspace_root();
    install_for_end_to_end()?;
    println!("== native tests (cargo test --workspace)");
    run(Command::new(cmd::cargo())
        .args(["test", "--workspace"])
        .current_dir(&root))?;
    println!(
        "== browser tests of recorder-core's web module (wasm-bindgen-test, headless Chromium)"
    );
    run(Command::new(cmd::cargo())
        .args([
            "test",
            "-p",
            "recorder-core",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .args(["--test", "browser", "--test", "from_js"])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
        // webdriver.json (the browser's flags: headless, fake camera and microphone) lives here.
        .current_dir(root.join("recorder-core")))?;
    widget_build::build()?;
    package::package()?;
    let server = build_server()?;
    let python = install::python_packages()?;
    println!("== end-to-end (headless Chromium) and interoperability tests (tus-js-client, tuspy, crash)");
    let started = std::time::Instant::now();
    run(node_tests(&server, &["e2e/", "interop/"]).env("TUS_PYTHON", python))?;
    let chromium = started.elapsed();
    println!("== the other engines (Firefox ESR, WebKitGTK), each where installed");
    run(&mut node_tests(&server, &["engines/"]))?;
    println!(
        "== engine time: Chromium {:.1} s (end to end and interoperability)",
        chromium.as_secs_f64()
    );
    println!("== load: 20 candidates x 3 takes x 1 MB, 5% of PATCHes cut half-way");
    run(&mut load(
        &server,
        &["--candidates", "20", "--take-mb", "1"],
    )?)
}

/// `cargo xtask test --scale`: demo-server beyond one machine. A throwaway
/// PostgreSQL 15 cluster and a throwaway Garage (S3-compatible) node; every
/// demo-server test on both (a fresh database and bucket prefix each); then
/// paced candidates recording against demo-server on PostgreSQL, every
/// stored byte checked; then two instances on PostgreSQL and Garage behind
/// a proxy, one killed mid-request, every take finished through the other.
fn scale() -> Result<(), Fail> {
    let root = workspace_root();
    install::browser_and_media_tools()?;
    let bin = install::postgres()?;
    let garage_program = install::garage()?;
    let scratch =
        |what: &str| std::env::temp_dir().join(format!("ir-scale-{what}-{}", std::process::id()));
    let cluster = postgres::Cluster::start(&bin, &scratch("pg"))?;
    let garage = garage::Garage::start(&garage_program, &scratch("garage"))?;
    println!(
        "== demo-server's tests on PostgreSQL ({}) and Garage ({})",
        cluster.url(""),
        garage.storage_url()
    );
    run(Command::new(cmd::cargo())
        .args(["test", "-p", "demo-server"])
        .env("DEMO_TEST_DATABASE_URL", cluster.url("postgres"))
        .env("DEMO_TEST_STORAGE_URL", garage.storage_url())
        .envs(garage.credentials())
        .current_dir(&root))?;
    let server = build_server()?;
    // One question recorded at 2 Mbit/s for 20 s, paced, 5% of PATCHes cut half-way.
    let paced = |database: &str, candidates: &str, more: &[&str]| {
        let mut args = vec!["--database-url", database, "--candidates", candidates];
        args.extend(["--questions", "q1", "--record-kbps", "2000"]);
        args.extend(["--record-seconds", "20", "--cut-percent", "5"]);
        args.extend(more);
        load(&server, &args)
    };
    println!("== load on PostgreSQL: 200 candidates recording at 2 Mbit/s for 20 s, paced");
    run(&mut paced(&cluster.url("load"), "200", &[])?)?;
    println!(
        "== failover: 2 instances on PostgreSQL and Garage behind a round-robin proxy, 50 candidates \
         at 2 Mbit/s (8 Mbit/s uplinks), the first instance SIGKILLed 8 s in while requests to it \
         are unanswered"
    );
    let storage = garage.storage_url();
    let failover = [
        "--instances",
        "2",
        "--link-kbps",
        "8000",
        "--kill-after",
        "8",
    ];
    let failover = [&failover[..], &["--storage", &storage]].concat();
    let mut failover = paced(&cluster.url("failover"), "50", &failover)?;
    run(failover.envs(garage.credentials()))
}

/// The long runs: the offline scenario 20 times, then 200 candidates x 3
/// takes x 5 MB; a summary line per scenario (runs, failures, bytes lost).
fn soak() -> Result<(), Fail> {
    install_for_end_to_end()?;
    widget_build::build()?;
    let server = build_server()?;
    let mut load = load(&server, &[])?;
    println!("== soak: 30 s offline during an answer, 20 times");
    let (offline, mut summary) = cmd::run_collecting(
        node_tests(&server, &["e2e/offline.test.mjs"]).env("SOAK_RUNS", "20"),
        "soak summary:",
    );
    println!("== soak: 200 candidates x 3 takes x 5 MB in 256 KB PATCHes, 5% cut half-way");
    let (loaded, lines) = cmd::run_collecting(&mut load, "soak summary:");
    summary.extend(lines);
    println!("\n== soak summary");
    for line in &summary {
        println!("{line}");
    }
    offline.and(loaded)
}

/// Each benchmark (a script in tests/bench/) writes target/bench/raw/<id>.json;
/// then tests/bench/report.mjs writes target/bench/report.md and report.json.
fn bench(args: &[String]) -> Result<(), Fail> {
    let root = workspace_root();
    install_for_end_to_end()?;
    install::npm_packages(&root.join("tests/bench"))?;
    widget_build::build()?;
    let server = build_server()?;
    build_release("load")?; // ingest.mjs runs `load ingest`, capacity.mjs `load`
    match args {
        [] => {}
        [flag] if flag == "--scale" => {
            let bin = install::postgres()?;
            let garage_program = install::garage()?;
            let scratch = |what: &str| {
                std::env::temp_dir().join(format!("ir-bench-{what}-{}", std::process::id()))
            };
            let cluster = postgres::Cluster::start(&bin, &scratch("pg"))?;
            let garage = garage::Garage::start(&garage_program, &scratch("garage"))?;
            println!("== bench: P7 capacity, also on PostgreSQL, and on PostgreSQL + Garage with one and two instances");
            run(node_script(&server, "capacity.mjs")
                .env("BENCH_POSTGRES_URL", cluster.url("postgres"))
                .env("BENCH_STORAGE_URL", garage.storage_url())
                .envs(garage.credentials()))?;
            return run(&mut node_script(&server, "report.mjs"));
        }
        _ => return Err(Fail(format!("unexpected arguments {args:?}\n{USAGE}"))),
    }
    let raw = root.join("target/bench/raw");
    let _ = std::fs::remove_dir_all(&raw);
    for (script, what) in [
        ("payload.mjs", "P4 widget payload vs peer bundles"),
        ("memory.mjs", "P3 server memory with uploads in flight"),
        ("ingest.mjs", "P2 server ingest vs @tus/server"),
        (
            "page.mjs",
            "P5 time to interactive, P6 main thread while recording",
        ),
        (
            "wait-after-stop.mjs",
            "P1 wait after Stop vs uploading after Stop",
        ),
        (
            "wait-after-stop-weak.mjs",
            "P1-weak wait after Stop of a 2-minute answer at 500 kbit/s",
        ),
        (
            "phone.mjs",
            "P5-phone first usable button and P4-first bytes, phone profile",
        ),
        (
            "capacity.mjs",
            "P7 capacity: paced candidates within a 500 ms p99 vs @tus/server",
        ),
    ] {
        println!("== bench: {what}");
        run(&mut node_script(&server, script))?;
    }
    run(&mut node_script(&server, "report.mjs"))
}

/// `node tests/bench/<script>` against `server` and the built widget.
fn node_script(server: &std::path::Path, script: &str) -> Command {
    let mut command = node(server, "tests/bench");
    command
        .arg(script)
        .env("BENCH_DIR", workspace_root().join("target/bench"));
    command
}

fn install_for_end_to_end() -> Result<(), Fail> {
    install::wasm_toolchain()?;
    install::browser_and_media_tools()?;
    install::npm_packages(&workspace_root().join("tests"))
}

/// `node --test` on `paths` under tests/, against `server` and the built widget.
fn node_tests(server: &std::path::Path, paths: &[&str]) -> Command {
    let mut command = node(server, "tests");
    command
        .args(["--test", "--test-concurrency=1", "--test-reporter=spec"])
        .args(paths);
    command
}

/// `node` in `dir` (under the workspace root), told where `server` and the built widget are.
fn node(server: &std::path::Path, dir: &str) -> Command {
    let root = workspace_root();
    let mut command = Command::new("node");
    command
        .env("DEMO_SERVER", server)
        .env("WIDGET_DIR", root.join(widget_build::OUT_DIR))
        .env("PACKAGE_TARBALL", package::tarball())
        // WebKitGTK's MP4 muxer and video flip, where `--engines all` built them.
        .env("GST_PLUGIN_PATH", root.join(webkit_plugins::DIR))
        .current_dir(root.join(dir));
    command
}

/// The load generator (built here), aimed at `server`, with `args`.
fn load(server: &std::path::Path, args: &[&str]) -> Result<Command, Fail> {
    let mut command = Command::new(build_release("load")?);
    command.arg("--server").arg(server).args(args);
    Ok(command)
}

fn build_server() -> Result<std::path::PathBuf, Fail> {
    build_release("demo-server")
}

/// `cargo build --release -p <package>`; the path of its binary.
fn build_release(package: &str) -> Result<std::path::PathBuf, Fail> {
    let root = workspace_root();
    run(Command::new(cmd::cargo())
        .args(["build", "--release", "-p", package])
        .current_dir(&root))?;
    Ok(root.join("target/release").join(package))
}
