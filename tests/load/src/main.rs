//! `load`: runs N concurrent candidates against a fresh demo-server (or a
//! running tus server with a file store) and reports throughput, PATCH
//! latency (p50, p99), the server's peak memory, and bytes lost (which must
//! be 0), also as one JSON line (`load result: {...}`). `load ingest` times
//! one big upload to any tus server.

use load::candidate::{self, Outcome, Plan};
use load::plain_tus::PlainTus;
use load::server::{Instances, Kept, Server};
use load::target::Target;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

const USAGE: &str = "usage: load [--server PATH [--storage s3://...] [--database-url postgres://... [--instances N [--link-kbps KBPS] [--kill-after S]]] | --tus-url http://IP:PORT/files --tus-dir DIR [--tus-pid PID]] [--candidates N] [--questions q1,q2,q3] \
[--take-mb MB] [--patch-kb KB] [--cut-percent P] [--seed N] [--record-kbps KBPS [--record-seconds S]]
       (--tus-url: a running tus server, spoken to in plain tus, whose file store keeps uploads in DIR)
       (--instances: N demo-servers on one database and data dir behind a round-robin proxy, each connection's uplink
        held to --link-kbps; --kill-after: SIGKILL the first instance S seconds in, while a request to it is unanswered)
       (--record-kbps paces each take as the recorder sends it: a chunk of KBPS kbit every second, for S seconds, 60 by default)
       load ingest --url http://127.0.0.1:PORT/files [--mb 200] [--patch-mb 5] [--header 'Name: value']...";

struct Args {
    server: PathBuf,
    /// demo-server's database, if not SQLite in its data dir.
    database_url: Option<String>,
    /// Where demo-server keeps takes, if not files in its data dir.
    storage: Option<String>,
    /// A running tus server's creation URL, its store's folder, its process.
    plain_tus: Option<(String, Option<PathBuf>, Option<u32>)>,
    /// How many demo-server instances, and their proxy's uplink.
    instances: Instances,
    /// When to kill the first instance.
    kill_after: Option<Duration>,
    candidates: u32,
    plan: Plan,
    seed: u64,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args {
        server: PathBuf::from("target/release/demo-server"),
        database_url: None,
        storage: None,
        plain_tus: None,
        instances: Instances::default(),
        kill_after: None,
        candidates: 200,
        plan: Plan {
            questions: vec!["q1".into(), "q2".into(), "q3".into()],
            take_bytes: 5_000_000,
            patch_bytes: 256 << 10,
            cut_percent: 5,
            pace: None,
        },
        seed: 0x5EED,
    };
    let mut recording: Option<(f64, f64)> = None;
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let number = |what: &str| -> Result<f64, String> {
            value
                .parse::<f64>()
                .ok()
                .filter(|n| *n >= 0.0)
                .ok_or_else(|| format!("{what} must be a number, not {value:?}"))
        };
        match flag.as_str() {
            "--server" => parsed.server = PathBuf::from(&value),
            "--database-url" => parsed.database_url = Some(value),
            "--storage" => parsed.storage = Some(value),
            "--tus-url" => parsed.plain_tus.get_or_insert_default().0 = value,
            "--tus-dir" => parsed.plain_tus.get_or_insert_default().1 = Some(value.into()),
            "--tus-pid" => {
                parsed.plain_tus.get_or_insert_default().2 = Some(number("--tus-pid")? as u32)
            }
            "--instances" => parsed.instances.count = (number("--instances")? as usize).max(1),
            "--link-kbps" => {
                parsed.instances.uplink = Some((number("--link-kbps")? * 1000.0 / 8.0) as u64)
            }
            "--kill-after" => {
                parsed.kill_after = Some(Duration::from_secs_f64(number("--kill-after")?))
            }
            "--candidates" => parsed.candidates = number("--candidates")? as u32,
            "--questions" => parsed.plan.questions = value.split(',').map(str::to_string).collect(),
            "--take-mb" => parsed.plan.take_bytes = (number("--take-mb")? * 1e6) as u64,
            "--patch-kb" => parsed.plan.patch_bytes = (number("--patch-kb")? as usize).max(1) << 10,
            "--cut-percent" => parsed.plan.cut_percent = number("--cut-percent")?.min(100.0) as u32,
            "--seed" => parsed.seed = number("--seed")? as u64,
            "--record-kbps" => {
                recording = Some((number("--record-kbps")?, recording.map_or(60.0, |r| r.1)))
            }
            "--record-seconds" => {
                recording = Some((
                    recording.map_or(2000.0, |r| r.0),
                    number("--record-seconds")?,
                ))
            }
            _ => return Err(format!("unknown option {flag}\n{USAGE}")),
        }
    }
    if let Some((url, dir, _)) = &parsed.plain_tus {
        if url.is_empty() || dir.is_none() {
            return Err(format!("--tus-url and --tus-dir go together\n{USAGE}"));
        }
    }
    if parsed.kill_after.is_some() && parsed.instances.count < 2 {
        return Err(format!("--kill-after needs --instances 2 or more\n{USAGE}"));
    }
    if let Some((kbps, seconds)) = recording {
        // One chunk a second, as the recorder's MediaRecorder hands them over.
        let chunk = ((kbps * 1000.0 / 8.0) as usize).max(1);
        parsed.plan.patch_bytes = chunk;
        parsed.plan.take_bytes = chunk as u64 * (seconds.max(1.0) as u64);
        parsed.plan.pace = Some(Duration::from_secs(1));
    }
    Ok(parsed)
}

/// `load ingest`: prints `{"bytes":N,"seconds":S}` for one upload.
fn ingest(mut args: impl Iterator<Item = String>) -> Result<(), String> {
    let (mut url, mut megabytes, mut patch_megabytes, mut headers) =
        (None, 200u64, 5usize, Vec::new());
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let bad = |_| format!("{flag} must be a whole number, not {value:?}");
        match flag.as_str() {
            "--url" => url = Some(value),
            "--mb" => megabytes = value.parse().map_err(bad)?,
            "--patch-mb" => patch_megabytes = value.parse().map_err(bad)?,
            "--header" => {
                let (name, header_value) = value
                    .split_once(':')
                    .ok_or_else(|| format!("--header must be 'Name: value', not {value:?}"))?;
                headers.push((name.trim().to_string(), header_value.trim().to_string()));
            }
            _ => return Err(format!("unknown option {flag}\n{USAGE}")),
        }
    }
    let url = url.ok_or_else(|| format!("--url is required\n{USAGE}"))?;
    let (addr, path) = load::http1::split_url(&url).map_err(|e| format!("--url: {e}"))?;
    let target = load::ingest::Target {
        addr,
        path,
        headers,
    };
    let total = megabytes << 20;
    let took = load::ingest::upload(&target, total, patch_megabytes.max(1) << 20)?;
    println!("{{\"bytes\":{total},\"seconds\":{}}}", took.as_secs_f64());
    Ok(())
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1).peekable();
    if args.peek().map(String::as_str) == Some("ingest") {
        args.next();
        return match ingest(args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("load ingest: {message}");
                ExitCode::FAILURE
            }
        };
    }
    let args = match parse(args) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("load: {message}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("load: {message}");
            println!("soak summary: load runs=1 failures=1 bytes_lost=unknown");
            ExitCode::FAILURE
        }
    }
}

/// Runs the load; says whether nothing failed and nothing was lost.
fn run(args: &Args) -> Result<bool, String> {
    let mut target = match &args.plain_tus {
        Some((url, Some(dir), pid)) => Target::PlainTus(PlainTus::new(url, dir.clone(), *pid)?),
        _ => Target::DemoServer(Server::start_instances(
            &args.server,
            Kept {
                database_url: args.database_url.clone(),
                storage: args.storage.clone(),
            },
            args.instances,
        )?),
    };
    let endpoints = target.endpoints(args.candidates)?;
    let start = Arc::new(Barrier::new(endpoints.len() + 1));
    let workers: Vec<_> = endpoints
        .into_iter()
        .enumerate()
        .map(|(index, endpoint)| {
            let (start, plan, addr, seed) =
                (start.clone(), args.plan.clone(), target.addr(), args.seed);
            std::thread::Builder::new()
                // The body buffer is on the heap; thousands of candidates need little stack.
                .stack_size(256 << 10)
                .spawn(move || {
                    candidate::run(addr, &endpoint, index as u32, &plan, seed, || {
                        start.wait();
                    })
                })
                .map_err(|e| format!("cannot start candidate {index}: {e}"))
        })
        .collect::<Result<_, _>>()?;
    start.wait();
    let began = Instant::now();
    let killed = match (args.kill_after, &mut target) {
        (Some(after), Target::DemoServer(server)) => Some(kill_mid_request(server, began, after)?),
        _ => None,
    };
    let outcomes: Vec<Outcome> = workers
        .into_iter()
        .map(|worker| worker.join().unwrap_or_default())
        .collect();
    let elapsed = began.elapsed();
    let peak_rss = target.peak_rss()?;

    let stored: std::collections::HashMap<String, _> = target
        .uploads()?
        .into_iter()
        .map(|upload| (upload.id.clone(), upload))
        .collect();
    let mut errors: Vec<String> = outcomes.iter().flat_map(|o| o.errors.clone()).collect();
    if killed.as_ref().is_some_and(|k| k["unanswered"] == 0) {
        errors.push("no request to the killed instance was unanswered: it died idle".into());
    }
    let expected_takes = args.candidates as usize * args.plan.questions.len();
    let mut lost = (expected_takes - outcomes.iter().map(|o| o.takes.len()).sum::<usize>()) as u64
        * args.plan.take_bytes;
    for (id, take) in outcomes.iter().flat_map(|o| o.takes.iter()) {
        let Some(upload) = stored.get(id) else {
            errors.push(format!("upload {id} is not in the server's store"));
            lost += take.len();
            continue;
        };
        if !upload.completed || upload.length != Some(take.len()) {
            errors.push(format!("upload {id} is not complete: {upload:?}"));
        }
        let stored = target.bytes(upload)?;
        let missing = take
            .bytes_lost(std::io::BufReader::new(stored))
            .map_err(|e| format!("upload {id}: {e}"))?;
        if missing > 0 {
            errors.push(format!("upload {id}: {missing} bytes missing or wrong"));
        }
        lost += missing;
    }

    let mut latencies: Vec<Duration> = outcomes
        .iter()
        .flat_map(|o| o.patch_latencies.iter().copied())
        .collect();
    latencies.sort();
    let percentile = |p: f64| {
        latencies
            .get(((latencies.len() as f64 - 1.0) * p).round() as usize)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    let megabytes = expected_takes as f64 * args.plan.take_bytes as f64 / 1e6;
    let cuts: u32 = outcomes.iter().map(|o| o.cuts).sum();
    let paced = match args.plan.pace {
        Some(pace) => format!(
            ", paced: one PATCH per {:.1} s ({:.0} kbit/s)",
            pace.as_secs_f64(),
            args.plan.patch_bytes as f64 * 8.0 / 1000.0 / pace.as_secs_f64()
        ),
        None => String::new(),
    };
    println!(
        "load: {} candidates x {} takes x {:.1} MB in {} KB PATCHes{paced}, {}% cut: {:.0} MB in {:.1} s ({:.0} MB/s), {} connections cut",
        args.candidates,
        args.plan.questions.len(),
        args.plan.take_bytes as f64 / 1e6,
        args.plan.patch_bytes >> 10,
        args.plan.cut_percent,
        megabytes,
        elapsed.as_secs_f64(),
        megabytes / elapsed.as_secs_f64(),
        cuts,
    );
    let peak_rss_mb = peak_rss.map(|bytes| bytes as f64 / 1e6);
    println!(
        "load: PATCH latency p50 {:.1} ms, p99 {:.1} ms over {} PATCHes; server peak RSS {}",
        percentile(0.5),
        percentile(0.99),
        latencies.len(),
        peak_rss_mb.map_or("unknown".into(), |mb| format!("{mb:.1} MB")),
    );
    for error in errors.iter().take(10) {
        eprintln!("load: {error}");
    }
    let result = serde_json::json!({
        "candidates": args.candidates,
        "takes": expected_takes,
        "patches": latencies.len(),
        "p50_ms": percentile(0.5),
        "p99_ms": percentile(0.99),
        "seconds": elapsed.as_secs_f64(),
        "peak_rss_mb": peak_rss_mb,
        "errors": errors.len(),
        "bytes_lost": lost,
        "killed": killed,
    });
    if let Some(killed) = &killed {
        println!(
            "load: instance 0 killed {:.1} s in, {} of its requests unanswered",
            killed["seconds"].as_f64().unwrap_or_default(),
            killed["unanswered"]
        );
    }
    println!("load result: {result}");
    println!(
        "soak summary: load runs=1 failures={} bytes_lost={lost}",
        errors.len()
    );
    Ok(errors.is_empty() && lost == 0)
}

/// Kills the first instance `after` the load `began`, or as soon after as
/// a request to it is unanswered (a PATCH arriving, say); when, and how
/// many were, as JSON.
fn kill_mid_request(
    server: &mut Server,
    began: Instant,
    after: Duration,
) -> Result<serde_json::Value, String> {
    std::thread::sleep((began + after).saturating_duration_since(Instant::now()));
    let give_up = Instant::now() + Duration::from_secs(30);
    let unanswered = loop {
        let unanswered = server.awaiting_answers(0);
        if unanswered > 0 || Instant::now() > give_up {
            break unanswered;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let seconds = began.elapsed().as_secs_f64();
    server.kill(0)?;
    Ok(serde_json::json!({ "instance": 0, "seconds": seconds, "unanswered": unanswered }))
}
