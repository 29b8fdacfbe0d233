//! `load`: runs N concurrent candidates against a fresh demo-server and
//! reports throughput, PATCH latency (p50, p99), the server's peak memory,
//! and bytes lost (which must be 0). `load ingest` times one big upload to
//! any tus server.

use load::candidate::{self, Outcome, Plan};
use load::server::Server;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

const USAGE: &str = "usage: load [--server PATH] [--candidates N] [--questions q1,q2,q3] \
[--take-mb MB] [--patch-kb KB] [--cut-percent P] [--seed N] [--record-kbps KBPS [--record-seconds S]]
       (--record-kbps paces each take as the recorder sends it: a chunk of KBPS kbit every second, for S seconds, 60 by default)
       load ingest --url http://127.0.0.1:PORT/files [--mb 200] [--patch-mb 5] [--header 'Name: value']...";

struct Args {
    server: PathBuf,
    candidates: u32,
    plan: Plan,
    seed: u64,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args {
        server: PathBuf::from("target/release/demo-server"),
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
    let rest = url
        .strip_prefix("http://")
        .ok_or_else(|| format!("--url must be http://host:port/path, not {url:?}"))?;
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let addr = host
        .parse()
        .map_err(|_| format!("--url needs an IP address and port, not {host:?}"))?;
    let target = load::ingest::Target {
        addr,
        path: if path.is_empty() {
            "/".into()
        } else {
            path.into()
        },
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
    let server = Server::start(&args.server)?;
    let tokens = (0..args.candidates)
        .map(|_| server.invite())
        .collect::<Result<Vec<_>, _>>()?;
    let start = Arc::new(Barrier::new(tokens.len() + 1));
    let workers: Vec<_> = tokens
        .into_iter()
        .enumerate()
        .map(|(index, token)| {
            let (start, plan, addr, seed) =
                (start.clone(), args.plan.clone(), server.addr, args.seed);
            std::thread::spawn(move || {
                start.wait();
                candidate::run(addr, &token, index as u32, &plan, seed)
            })
        })
        .collect();
    start.wait();
    let began = Instant::now();
    let outcomes: Vec<Outcome> = workers
        .into_iter()
        .map(|worker| worker.join().unwrap_or_default())
        .collect();
    let elapsed = began.elapsed();
    let peak_rss = server.peak_rss()?;

    let stored = server.uploads()?;
    let mut errors: Vec<String> = outcomes.iter().flat_map(|o| o.errors.clone()).collect();
    let expected_takes = args.candidates as usize * args.plan.questions.len();
    let mut lost = (expected_takes - outcomes.iter().map(|o| o.takes.len()).sum::<usize>()) as u64
        * args.plan.take_bytes;
    for (id, take) in outcomes.iter().flat_map(|o| o.takes.iter()) {
        let Some(upload) = stored.iter().find(|u| &u.id == id) else {
            errors.push(format!("upload {id} is not in the server's database"));
            lost += take.len();
            continue;
        };
        if !upload.completed || upload.length != Some(take.len()) {
            errors.push(format!("upload {id} is not complete: {upload:?}"));
        }
        let file = std::fs::File::open(&upload.path)
            .map_err(|e| format!("{}: {e}", upload.path.display()))?;
        let missing = take
            .bytes_lost(std::io::BufReader::new(file))
            .map_err(|e| format!("{}: {e}", upload.path.display()))?;
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
    println!(
        "load: PATCH latency p50 {:.1} ms, p99 {:.1} ms over {} PATCHes; server peak RSS {:.1} MB",
        percentile(0.5),
        percentile(0.99),
        latencies.len(),
        peak_rss as f64 / 1e6,
    );
    for error in errors.iter().take(10) {
        eprintln!("load: {error}");
    }
    println!(
        "soak summary: load runs=1 failures={} bytes_lost={lost}",
        errors.len()
    );
    Ok(errors.is_empty() && lost == 0)
}
