//! The demo-server under load: started on a fresh data dir, asked for
//! invites and for what it stored.

use crate::proxy::RoundRobin;
use crate::target::StoredUpload;
use std::io::{BufRead, BufReader};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A running demo-server, or several instances of it on one database and
/// one data dir behind a round-robin proxy; killed when dropped, the data
/// dir removed.
pub struct Server {
    binary: PathBuf,
    data_dir: PathBuf,
    kept: Kept,
    /// Where candidates connect: the one instance, or the proxy.
    pub addr: SocketAddr,
    instances: Vec<Child>,
    proxy: Option<RoundRobin>,
}

/// Where demo-server records uploads and keeps takes, if not in its data
/// dir (SQLite, files).
///
/// ```
/// let kept = load::server::Kept { database_url: Some("postgres://postgres@127.0.0.1/load".into()), storage: None };
/// assert!(kept.storage.is_none());
/// ```
#[derive(Clone, Debug, Default)]
pub struct Kept {
    /// The database (`postgres://...`).
    pub database_url: Option<String>,
    /// The store for takes (`s3://...`; credentials from `AWS_*`).
    pub storage: Option<String>,
}

/// How many instances, and what stands in front of them.
///
/// ```
/// let one = load::server::Instances::default();
/// assert_eq!(one.count, 1);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Instances {
    /// How many (more than one needs PostgreSQL).
    pub count: usize,
    /// Bytes per second each connection may send up through the proxy.
    pub uplink: Option<u64>,
}

impl Default for Instances {
    fn default() -> Self {
        Instances {
            count: 1,
            uplink: None,
        }
    }
}

impl Server {
    /// Starts `binary serve` on a free port of 127.0.0.1 with a new data dir
    /// (and the database and store `kept` names, if any, instead of SQLite
    /// and files there).
    ///
    /// ```no_run
    /// let server = load::server::Server::start("target/release/demo-server".as_ref(), Default::default()).unwrap();
    /// println!("{}", server.addr);
    /// ```
    pub fn start(binary: &Path, kept: Kept) -> Result<Server, String> {
        Server::start_instances(binary, kept, Instances::default())
    }

    /// Starts `instances.count` instances on one new data dir and what
    /// `kept` names, behind a round-robin proxy if more than one.
    ///
    /// ```no_run
    /// use load::server::{Instances, Kept, Server};
    /// let two = Instances { count: 2, uplink: Some(1_000_000) };
    /// let kept = Kept { database_url: Some("postgres://postgres@127.0.0.1/load".into()), storage: None };
    /// let server = Server::start_instances("demo-server".as_ref(), kept, two).unwrap();
    /// println!("through the proxy at {}", server.addr);
    /// ```
    pub fn start_instances(
        binary: &Path,
        kept: Kept,
        instances: Instances,
    ) -> Result<Server, String> {
        if instances.count > 1 && kept.database_url.is_none() {
            return Err(
                "several instances share a PostgreSQL database: give --database-url".into(),
            );
        }
        let free = || {
            TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .map_err(|e| format!("no free port: {e}"))
        };
        let addrs = (0..instances.count.max(1))
            .map(|_| free())
            .collect::<Result<Vec<_>, _>>()?;
        let data_dir = std::env::temp_dir().join(format!(
            "ir-load-{}-{}",
            std::process::id(),
            addrs[0].port()
        ));
        std::fs::create_dir_all(&data_dir).map_err(|e| format!("{}: {e}", data_dir.display()))?;
        let proxy = match addrs.len() {
            1 => None,
            _ => Some(
                RoundRobin::start(addrs.clone(), instances.uplink)
                    .map_err(|e| format!("cannot start the proxy: {e}"))?,
            ),
        };
        let mut server = Server {
            binary: binary.to_path_buf(),
            data_dir,
            kept,
            addr: proxy.as_ref().map_or(addrs[0], |proxy| proxy.addr),
            instances: Vec::new(),
            proxy,
        };
        for addr in addrs {
            let instance = server.spawn(addr)?;
            server.instances.push(instance);
        }
        Ok(server)
    }

    /// One instance listening on `addr`, once it says so.
    fn spawn(&self, addr: SocketAddr) -> Result<Child, String> {
        let mut child = self
            .command(&["serve", "--addr", &addr.to_string()])
            .args(["--public-url", &format!("http://{}", self.addr)])
            .arg("--widget-dir")
            .arg(&self.data_dir)
            .stdout(Stdio::piped())
            // Random bytes are no video: keep its "not seekable" warnings out of the report.
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", self.binary.display()))?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let mut lines = BufReader::new(stdout).lines();
        loop {
            match lines.next() {
                Some(Ok(line)) if line.contains("listening on") => break,
                Some(Ok(_)) => {}
                _ => return Err("demo-server exited before listening".into()),
            }
        }
        // Keep draining its output so it never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Ok(child)
    }

    /// Kills instance `index` at once (SIGKILL), as a crashed machine.
    ///
    /// ```no_run
    /// # let mut server = load::server::Server::start("demo-server".as_ref(), Default::default()).unwrap();
    /// server.kill(0).unwrap();
    /// ```
    pub fn kill(&mut self, index: usize) -> Result<(), String> {
        let instance = self
            .instances
            .get_mut(index)
            .ok_or_else(|| format!("there is no instance {index}"))?;
        instance
            .kill()
            .and_then(|()| instance.wait().map(drop))
            .map_err(|e| format!("cannot kill instance {index}: {e}"))
    }

    /// Requests sent to instance `index` through the proxy that have no
    /// answer yet (0 without a proxy).
    pub fn awaiting_answers(&self, index: usize) -> usize {
        self.proxy
            .as_ref()
            .map_or(0, |proxy| proxy.awaiting_answers(index))
    }

    /// `count` new invites' tokens.
    ///
    /// ```no_run
    /// # let server = load::server::Server::start("demo-server".as_ref(), Default::default()).unwrap();
    /// assert_eq!(server.invites(2).unwrap().len(), 2);
    /// ```
    pub fn invites(&self, count: u32) -> Result<Vec<String>, String> {
        let urls = self.cli(&[
            "invite",
            "--addr",
            &self.addr.to_string(),
            "--count",
            &count.to_string(),
        ])?;
        urls.lines()
            .map(|url| {
                url.trim()
                    .rsplit('/')
                    .next()
                    .map(str::to_string)
                    .ok_or_else(|| format!("odd invite URL {url}"))
            })
            .collect()
    }

    /// Every upload the server's database knows.
    ///
    /// ```no_run
    /// # let server = load::server::Server::start("demo-server".as_ref(), Default::default()).unwrap();
    /// assert!(server.uploads().unwrap().is_empty());
    /// ```
    pub fn uploads(&self) -> Result<Vec<StoredUpload>, String> {
        self.cli(&["uploads"])?
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| {
                let row: serde_json::Value =
                    serde_json::from_str(line).map_err(|e| format!("{e}: {line}"))?;
                Ok(StoredUpload {
                    id: row["id"].as_str().unwrap_or_default().to_string(),
                    path: row["path"].as_str().map(PathBuf::from),
                    length: row["length"].as_u64(),
                    completed: !row["completed_at"].is_null(),
                })
            })
            .collect()
    }

    /// The process ids of its instances that are still running.
    pub fn pids(&mut self) -> Vec<u32> {
        self.instances
            .iter_mut()
            .filter_map(|child| matches!(child.try_wait(), Ok(None)).then(|| child.id()))
            .collect()
    }

    /// `binary args` on its data dir and database.
    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(&self.binary);
        command.args(args).arg("--data-dir").arg(&self.data_dir);
        if let Some(url) = &self.kept.database_url {
            command.args(["--database-url", url]);
        }
        if let Some(url) = &self.kept.storage {
            command.args(["--storage", url]);
        }
        command
    }

    /// The bytes of the finished upload `id`, as the server keeps them.
    ///
    /// ```no_run
    /// # let server = load::server::Server::start("demo-server".as_ref(), Default::default()).unwrap();
    /// let bytes = server.take("0123456789abcdef0123456789abcdef").unwrap();
    /// ```
    pub fn take(&self, id: &str) -> Result<Vec<u8>, String> {
        self.cli_bytes(&["take", id])
    }

    fn cli(&self, args: &[&str]) -> Result<String, String> {
        let bytes = self.cli_bytes(args)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    fn cli_bytes(&self, args: &[&str]) -> Result<Vec<u8>, String> {
        let output = self
            .command(args)
            .output()
            .map_err(|e| format!("demo-server {}: {e}", args[0]))?;
        if !output.status.success() {
            return Err(format!(
                "demo-server {}: {}",
                args[0],
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        Ok(output.stdout)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.proxy = None;
        for child in &mut self.instances {
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}
