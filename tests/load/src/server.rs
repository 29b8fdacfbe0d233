//! The demo-server under load: started on a fresh data dir, asked for
//! invites and for what it stored.

use crate::target::StoredUpload;
use std::io::{BufRead, BufReader};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A running demo-server; killed when dropped, its data dir removed.
pub struct Server {
    binary: PathBuf,
    data_dir: PathBuf,
    /// The database, if not SQLite in the data dir.
    database_url: Option<String>,
    /// Where it listens.
    pub addr: SocketAddr,
    child: Option<Child>,
}

impl Server {
    /// Starts `binary serve` on a free port of 127.0.0.1 with a new data dir
    /// (and the database at `database_url`, if given, instead of SQLite there).
    ///
    /// ```no_run
    /// let server = load::server::Server::start("target/release/demo-server".as_ref(), None).unwrap();
    /// println!("{}", server.addr);
    /// ```
    pub fn start(binary: &Path, database_url: Option<&str>) -> Result<Server, String> {
        let addr = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| format!("no free port: {e}"))?;
        let data_dir =
            std::env::temp_dir().join(format!("ir-load-{}-{}", std::process::id(), addr.port()));
        std::fs::create_dir_all(&data_dir).map_err(|e| format!("{}: {e}", data_dir.display()))?;
        let mut server = Server {
            binary: binary.to_path_buf(),
            data_dir,
            database_url: database_url.map(str::to_string),
            addr,
            child: None,
        };
        let mut child = server
            .command(&["serve", "--addr", &addr.to_string()])
            .arg("--widget-dir")
            .arg(&server.data_dir)
            .stdout(Stdio::piped())
            // Random bytes are no video: keep its "not seekable" warnings out of the report.
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
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
        server.child = Some(child);
        Ok(server)
    }

    /// `count` new invites' tokens.
    ///
    /// ```no_run
    /// # let server = load::server::Server::start("demo-server".as_ref(), None).unwrap();
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
    /// # let server = load::server::Server::start("demo-server".as_ref(), None).unwrap();
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
                    path: PathBuf::from(row["path"].as_str().unwrap_or_default()),
                    length: row["length"].as_u64(),
                    completed: !row["completed_at"].is_null(),
                })
            })
            .collect()
    }

    /// Its process id.
    pub fn pid(&self) -> u32 {
        self.child.as_ref().map_or(0, Child::id)
    }

    /// `binary args` on its data dir and database.
    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(&self.binary);
        command.args(args).arg("--data-dir").arg(&self.data_dir);
        if let Some(url) = &self.database_url {
            command.args(["--database-url", url]);
        }
        command
    }

    fn cli(&self, args: &[&str]) -> Result<String, String> {
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
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(child) = &mut self.child {
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}
