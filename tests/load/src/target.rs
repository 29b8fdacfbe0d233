//! What the candidates upload to: a demo-server the load starts itself
//! (invites, revealed questions), or a tus server already running, spoken
//! to in plain tus (`@tus/server` with its file store, say); and what each
//! one stored.

use crate::candidate::Endpoint;
use crate::plain_tus::PlainTus;
use crate::server::Server;
use std::net::SocketAddr;
use std::path::PathBuf;

/// The server under load.
pub enum Target {
    /// A demo-server started for this load.
    DemoServer(Server),
    /// A tus server someone else started.
    PlainTus(PlainTus),
}

/// One upload as the server stored it.
///
/// ```
/// let upload = load::target::StoredUpload { id: "a".into(), path: Some("/tmp/a".into()), length: Some(3), completed: true };
/// assert!(upload.completed);
/// ```
#[derive(Debug)]
pub struct StoredUpload {
    /// The tus upload id.
    pub id: String,
    /// The file on disk, if the server keeps files.
    pub path: Option<PathBuf>,
    /// The declared length.
    pub length: Option<u64>,
    /// Whether every byte arrived.
    pub completed: bool,
}

impl Target {
    /// Where it listens.
    ///
    /// ```no_run
    /// # let target = load::target::Target::DemoServer(load::server::Server::start("demo-server".as_ref(), Default::default()).unwrap());
    /// println!("{}", target.addr());
    /// ```
    pub fn addr(&self) -> SocketAddr {
        match self {
            Target::DemoServer(server) => server.addr,
            Target::PlainTus(tus) => tus.addr,
        }
    }

    /// Where each of `count` candidates uploads (on demo-server, each with
    /// an invite of its own).
    ///
    /// ```no_run
    /// # let target = load::target::Target::DemoServer(load::server::Server::start("demo-server".as_ref(), Default::default()).unwrap());
    /// assert_eq!(target.endpoints(3).unwrap().len(), 3);
    /// ```
    pub fn endpoints(&self, count: u32) -> Result<Vec<Endpoint>, String> {
        match self {
            Target::DemoServer(server) => Ok(server
                .invites(count)?
                .into_iter()
                .map(|token| Endpoint::DemoServer { token })
                .collect()),
            Target::PlainTus(tus) => Ok((0..count)
                .map(|_| Endpoint::PlainTus {
                    creation_path: tus.creation_path.clone(),
                })
                .collect()),
        }
    }

    /// Every upload it stored.
    ///
    /// ```no_run
    /// # let target = load::target::Target::DemoServer(load::server::Server::start("demo-server".as_ref(), Default::default()).unwrap());
    /// assert!(target.uploads().unwrap().is_empty());
    /// ```
    pub fn uploads(&self) -> Result<Vec<StoredUpload>, String> {
        match self {
            Target::DemoServer(server) => server.uploads(),
            Target::PlainTus(tus) => tus.uploads(),
        }
    }

    /// The bytes the server keeps for `upload` (its file, or as the
    /// server reads them from its store).
    ///
    /// ```no_run
    /// # let target = load::target::Target::DemoServer(load::server::Server::start("demo-server".as_ref(), Default::default()).unwrap());
    /// for upload in target.uploads().unwrap() {
    ///     let _bytes = target.bytes(&upload).unwrap();
    /// }
    /// ```
    pub fn bytes(&self, upload: &StoredUpload) -> Result<Box<dyn std::io::Read>, String> {
        match (&upload.path, self) {
            (Some(path), _) => std::fs::File::open(path)
                .map(|file| Box::new(file) as Box<dyn std::io::Read>)
                .map_err(|e| format!("{}: {e}", path.display())),
            (None, Target::DemoServer(server)) => {
                Ok(Box::new(std::io::Cursor::new(server.take(&upload.id)?)))
            }
            (None, Target::PlainTus(_)) => Err(format!("upload {} has no file", upload.id)),
        }
    }

    /// The server's peak resident memory so far, in bytes (the sum over
    /// its instances still running), if its processes are known.
    ///
    /// ```no_run
    /// # let mut target = load::target::Target::DemoServer(load::server::Server::start("demo-server".as_ref(), Default::default()).unwrap());
    /// assert!(target.peak_rss().unwrap().is_some());
    /// ```
    pub fn peak_rss(&mut self) -> Result<Option<u64>, String> {
        let pids = match self {
            Target::DemoServer(server) => server.pids(),
            Target::PlainTus(tus) => tus.pid.into_iter().collect(),
        };
        if pids.is_empty() {
            return Ok(None);
        }
        let peaks = pids
            .into_iter()
            .map(peak_rss)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Some(peaks.into_iter().sum()))
    }
}

/// Process `pid`'s peak resident memory, in bytes (Linux `VmHWM`).
fn peak_rss(pid: u32) -> Result<u64, String> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .map_err(|e| format!("cannot read the server's memory: {e}"))?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map(|kb| kb * 1024)
        .ok_or_else(|| "no VmHWM".into())
}
