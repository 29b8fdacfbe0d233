//! A throwaway PostgreSQL cluster for `cargo xtask test --scale`: made with
//! `initdb` in a folder of its own, listening on 127.0.0.1 at a free port,
//! stopped and removed when dropped. As root, its programs run as the
//! `postgres` user (the server refuses root).

use crate::cmd::{is_root, output, run, Fail};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A running cluster.
pub struct Cluster {
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
}

impl Cluster {
    /// Makes and starts a cluster in `dir` (emptied first) with the programs in `bin`.
    pub fn start(bin: &Path, dir: &Path) -> Result<Cluster, Fail> {
        let _ = std::fs::remove_dir_all(dir);
        std::fs::create_dir_all(dir)
            .map_err(|e| Fail(format!("cannot make {}: {e}", dir.display())))?;
        if is_root() {
            run(Command::new("chown").arg("postgres").arg(dir))?;
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| Fail(format!("no free port: {e}")))?
            .port();
        let cluster = Cluster {
            bin: bin.to_path_buf(),
            dir: dir.to_path_buf(),
            port,
        };
        let data = dir.join("data");
        output(
            cluster
                .program("initdb")
                .args(["-U", "postgres", "--auth=trust", "-E", "UTF8", "-D"])
                .arg(&data),
        )?;
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=500",
            dir.display()
        );
        run(cluster
            .program("pg_ctl")
            .arg("-D")
            .arg(&data)
            .args(["-o", &options, "-w", "-l"])
            .arg(dir.join("log"))
            .arg("start"))?;
        Ok(cluster)
    }

    /// The URL of database `name` (demo-server creates it if missing).
    pub fn url(&self, name: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{name}", self.port)
    }

    /// `bin/name`, as the `postgres` user when we are root.
    fn program(&self, name: &str) -> Command {
        let path = self.bin.join(name);
        if is_root() {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(path);
            command
        } else {
            Command::new(path)
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self
            .program("pg_ctl")
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(["-m", "immediate", "stop"])
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
