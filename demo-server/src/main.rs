//! `demo-server`: serve, create invites, list uploads.

use clap::{Parser, Subcommand};
use demo_server::app::{self, AppState};
use demo_server::db::NewInvite;
use demo_server::pages::candidate_url;
use demo_server::tus::media_store::MediaStore;
use demo_server::widget_files::WidgetFiles;
use recorder_core::model::{Accommodations, Interview};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(about = "Demo backend for the interview recorder", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(clap::Args, Clone)]
struct Common {
    /// Where the SQLite file and the media live.
    #[arg(long, default_value = "data")]
    data_dir: PathBuf,
    /// The database instead of SQLite in the data dir: postgres://USER:PASSWORD@HOST/NAME
    /// (several instances may share it).
    #[arg(long, env = "DEMO_DATABASE_URL")]
    database_url: Option<String>,
    /// A JSON file with an array of interviews (default: the bundled demo interview).
    #[arg(long)]
    interviews: Option<PathBuf>,
    /// The origin candidates reach the server at (default: http://ADDR).
    #[arg(long)]
    public_url: Option<String>,
    /// Where takes are kept instead of files in the data dir's media folder:
    /// s3://BUCKET[/PREFIX][?endpoint=http://HOST:PORT&region=NAME], with
    /// AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (any S3-compatible store).
    #[arg(long, env = "DEMO_STORAGE")]
    storage: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API, the tus endpoint, the widget and the candidate pages.
    Serve {
        #[command(flatten)]
        common: Common,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// The built widget (interview-recorder.js and its wasm).
        #[arg(long, default_value = "target/www/recorder")]
        widget_dir: PathBuf,
        /// Origins allowed to call the API from the browser (the public URL always is).
        #[arg(long)]
        allowed_origin: Vec<String>,
        /// Origins whose pages may show the candidate page in an iframe (CSP
        /// frame-ancestors; the iframe needs allow="camera; microphone").
        /// Default: only this server's own pages.
        #[arg(long)]
        frame_ancestors: Vec<String>,
        /// Report completed interviews to this URL (a signed JSON POST).
        #[arg(long, requires = "webhook_secret")]
        webhook_url: Option<String>,
        /// The HMAC-SHA256 key that signs webhook bodies.
        #[arg(long, env = "DEMO_WEBHOOK_SECRET")]
        webhook_secret: Option<String>,
        /// Free disk space (MiB) kept in reserve: below it no new take begins (507).
        #[arg(long, default_value_t = demo_server::app::MIN_FREE_BYTES >> 20)]
        min_free_mb: u64,
    },
    /// Create an invite and print the candidate's URL (one per line with --count).
    Invite {
        #[command(flatten)]
        common: Common,
        /// The interview to invite to.
        #[arg(long, default_value = "demo")]
        interview: String,
        /// The candidate's name, shown to the hiring team.
        #[arg(long)]
        name: Option<String>,
        /// The candidate's email address, shown to the hiring team.
        #[arg(long)]
        email: Option<String>,
        /// Think and answer time as a multiple of the interview's (1 to 3; 1.5 is half as
        /// much again); the server's size limits follow.
        #[arg(long, default_value_t = 1.0)]
        extra_time: f64,
        /// Attempts per question beyond the interview's.
        #[arg(long, default_value_t = 0)]
        extra_attempts: u32,
        /// Recording never starts by itself when think time ends: only when the candidate presses Record.
        #[arg(long)]
        no_auto_start: bool,
        /// The address the server listens on, for the default public URL.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// How many invites like this one to create (each its own candidate).
        #[arg(long, default_value_t = 1)]
        count: u32,
    },
    /// Create a review link for the hiring team and print it.
    ReviewToken {
        #[command(flatten)]
        common: Common,
        /// The address the server listens on, for the default public URL.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
    },
    /// Print every take's upload as JSON, one per line (with its file's
    /// path when takes are files).
    Uploads {
        #[command(flatten)]
        kept: Kept,
        /// Print the recorders' connection checks instead of the takes.
        #[arg(long)]
        probes: bool,
    },
    /// Write one finished upload's bytes, exactly as received, to stdout.
    Take {
        #[command(flatten)]
        kept: Kept,
        /// The upload's id (as `uploads` prints it).
        id: String,
    },
}

/// Where uploads are recorded and kept, for the commands that read them.
#[derive(clap::Args)]
struct Kept {
    /// Where the SQLite file and the media live.
    #[arg(long, default_value = "data")]
    data_dir: PathBuf,
    /// The database instead of SQLite in the data dir (postgres://...).
    #[arg(long, env = "DEMO_DATABASE_URL")]
    database_url: Option<String>,
    /// Where takes are kept, if not files in the data dir (s3://...).
    #[arg(long, env = "DEMO_STORAGE")]
    storage: Option<String>,
}

impl Kept {
    async fn open(&self) -> Result<(demo_server::db::Db, MediaStore), Error> {
        let db = demo_server::db::Db::open(&self.data_dir, self.database_url.as_deref()).await?;
        let store = MediaStore::open(self.storage.as_deref(), self.data_dir.join("media"))?;
        Ok((db, store))
    }
}

/// Threads for blocking file I/O. Every PATCH in flight writes through
/// them; tokio's default (512) lets hundreds of slow uploads each start a
/// thread, and memory grows with them. Waiting for one of 16 is cheap next
/// to a network read.
const FILE_IO_THREADS: usize = 16;

fn main() -> ExitCode {
    // No subcommand means `serve` with its own defaults (one place for them: clap's).
    let command = Cli::parse().command.unwrap_or_else(|| {
        Cli::parse_from(["demo-server", "serve"])
            .command
            .expect("`serve` parses with its defaults")
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(FILE_IO_THREADS)
        .build();
    let result = match runtime {
        Ok(runtime) => runtime.block_on(run(command)),
        Err(error) => Err(error.into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("demo-server: {error}");
            ExitCode::FAILURE
        }
    }
}

type Error = Box<dyn std::error::Error>;

async fn run(command: Command) -> Result<(), Error> {
    match command {
        Command::Serve {
            common,
            addr,
            widget_dir,
            allowed_origin,
            frame_ancestors,
            webhook_url,
            webhook_secret,
            min_free_mb,
        } => {
            demo_server::request_log::init();
            let listener = tokio::net::TcpListener::bind(addr)
                .await
                .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
            let addr = listener.local_addr()?;
            let public_url = public_url(&common, addr)?;
            // Read before the database opens (see WidgetFiles::load).
            let widget = WidgetFiles::load(&widget_dir)
                .map_err(|e| format!("cannot read the widget in {}: {e}", widget_dir.display()))?;
            if !widget.has("interview-recorder.js") {
                eprintln!(
                    "warning: {} has no interview-recorder.js; build it with `cargo xtask demo`",
                    widget_dir.display()
                );
            }
            // SQLite takes one server (PostgreSQL takes several).
            let _held = match &common.database_url {
                None => Some(demo_server::data_dir_lock::DataDirLock::take(
                    &common.data_dir,
                )?),
                Some(_) => None,
            };
            let db = open(&common).await?;
            let media_dir = common.data_dir.join("media");
            std::fs::create_dir_all(&media_dir)?;
            let origins = std::iter::once(public_url.clone())
                .chain(allowed_origin)
                .map(|o| o.trim_end_matches('/').parse())
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| format!("--allowed-origin: {e}"))?;
            for origin in &frame_ancestors {
                if !is_frame_source(origin) {
                    return Err(format!(
                        "--frame-ancestors {origin:?}: expected an origin such as https://careers.example.com, or 'self'"
                    )
                    .into());
                }
            }
            let webhook = webhook_url
                .zip(webhook_secret)
                .map(|(url, secret)| demo_server::webhook::Webhook { url, secret });
            let store = MediaStore::open(common.storage.as_deref(), media_dir.clone())?;
            let state = AppState::new(db, media_dir, &public_url, origins, webhook)
                .with_store(store)
                .serving(widget, &frame_ancestors)
                .with_min_free_bytes(min_free_mb << 20);
            println!("demo-server listening on {public_url}");
            let timeouts = state.timeouts;
            let minutes = |n: u64| std::time::Duration::from_secs(n * 60);
            tokio::spawn(demo_server::tus::sweep::every::<
                demo_server::rules::InterviewRules,
            >(state.clone(), minutes(60)));
            tokio::spawn(state.conversions.clone().catch_up_every(
                state.db.clone(),
                state.store.clone(),
                minutes(15),
            ));
            demo_server::serve::serve(listener, app::router(state), timeouts, async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
            Ok(())
        }
        Command::Invite {
            common,
            interview,
            name,
            email,
            extra_time,
            extra_attempts,
            no_auto_start,
            addr,
            count,
        } => {
            let accommodations = Accommodations {
                time_percent: (extra_time * 100.0).round().clamp(0.0, f64::from(u32::MAX)) as u32,
                extra_attempts,
                manual_start: no_auto_start,
            };
            let public_url = public_url(&common, addr)?;
            let db = open(&common).await?;
            let invite = NewInvite {
                interview: interview.clone(),
                name,
                email,
                accommodations,
            };
            invite.check()?;
            for _ in 0..count {
                let token = db
                    .create_invite(&invite)
                    .await?
                    .ok_or_else(|| format!("there is no interview {interview:?}"))?;
                println!("{}", candidate_url(&public_url, &token));
            }
            Ok(())
        }
        Command::ReviewToken { common, addr } => {
            let public_url = public_url(&common, addr)?;
            let token = open(&common).await?.create_review_token().await?;
            println!("{public_url}/review/{token}");
            Ok(())
        }
        Command::Uploads { kept, probes } => {
            let (db, store) = kept.open().await?;
            let uploads = db.all_uploads().await?.into_iter();
            for upload in uploads.filter(|u| demo_server::probes::is_probe(u) == probes) {
                let mut json = serde_json::to_value(&upload)?;
                if let Some(path) = store.file(&upload) {
                    json["path"] = path.display().to_string().into();
                }
                println!("{json}");
            }
            Ok(())
        }
        Command::Take { kept, id } => {
            let (db, store) = kept.open().await?;
            let upload = db
                .upload(&id)
                .await?
                .ok_or_else(|| format!("there is no upload {id:?}"))?;
            if upload.completed_at.is_none() {
                return Err(format!("upload {id} is not finished").into());
            }
            let mut stdout = tokio::io::stdout();
            store.copy_to(&upload, &mut stdout).await?;
            tokio::io::AsyncWriteExt::flush(&mut stdout).await?;
            Ok(())
        }
    }
}

async fn open(common: &Common) -> Result<demo_server::db::Db, Error> {
    let interviews = match &common.interviews {
        Some(path) => load_interviews(path)?,
        None => vec![Interview::sample()],
    };
    demo_server::open(
        &common.data_dir,
        common.database_url.as_deref(),
        &interviews,
    )
    .await
}

fn load_interviews(path: &Path) -> Result<Vec<Interview>, Error> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?)
}

fn public_url(common: &Common, addr: SocketAddr) -> Result<String, Error> {
    let url = common
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{addr}"));
    let url = url.trim_end_matches('/').to_string();
    let safe = url
        .bytes()
        .all(|b| b.is_ascii_graphic() && !b"\"'<>`".contains(&b));
    if !recorder_core::upload::is_http_url(&url) || !safe {
        return Err(format!(
            "--public-url {url:?} must be an http(s) origin such as https://interviews.example.com"
        )
        .into());
    }
    Ok(url)
}

/// A CSP source that names one origin (`https://host[:port]`, a `*.` wildcard
/// host allowed) or `'self'`: nothing that could end the directive.
fn is_frame_source(source: &str) -> bool {
    if source == "'self'" {
        return true;
    }
    let Some((scheme, host)) = source.split_once("://") else {
        return false;
    };
    matches!(scheme, "https" | "http")
        && !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-.:*".contains(&b))
}
