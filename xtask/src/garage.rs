//! A throwaway Garage (an S3-compatible distributed object store) for
//! `cargo xtask test --scale`: one node in a folder of its own, listening on
//! 127.0.0.1 at free ports, with one bucket and one key made for it;
//! stopped and removed when dropped.

use crate::cmd::{output, Fail};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The bucket the harness makes.
const BUCKET: &str = "media";

/// A running single-node Garage with a bucket and a key.
pub struct Garage {
    binary: PathBuf,
    dir: PathBuf,
    s3_port: u16,
    server: Child,
    key_id: String,
    secret: String,
}

impl Garage {
    /// Starts `binary server` in `dir` (emptied first), lays out its one
    /// node, and makes the bucket and a key that may use it.
    pub fn start(binary: &Path, dir: &Path) -> Result<Garage, Fail> {
        let _ = std::fs::remove_dir_all(dir);
        std::fs::create_dir_all(dir)
            .map_err(|e| Fail(format!("cannot make {}: {e}", dir.display())))?;
        let [rpc, s3_port, admin] = free_ports()?;
        let secret: String = (0..4).map(|_| format!("{:016x}", random())).collect();
        let config = format!(
            "metadata_dir = \"{dir}/meta\"\ndata_dir = \"{dir}/data\"\ndb_engine = \"sqlite\"\n\
             compression_level = \"none\"\n\
             replication_factor = 1\nrpc_bind_addr = \"127.0.0.1:{rpc}\"\n\
             rpc_public_addr = \"127.0.0.1:{rpc}\"\nrpc_secret = \"{secret}\"\n\
             [s3_api]\ns3_region = \"garage\"\napi_bind_addr = \"127.0.0.1:{s3_port}\"\n\
             [admin]\napi_bind_addr = \"127.0.0.1:{admin}\"\n",
            dir = dir.display()
        );
        let config_path = dir.join("garage.toml");
        std::fs::write(&config_path, config).map_err(|e| Fail(format!("garage.toml: {e}")))?;
        let log = std::fs::File::create(dir.join("log")).map_err(|e| Fail(e.to_string()))?;
        // Video does not compress; a log line per request costs the shared cores.
        let server = Command::new(binary)
            .env("RUST_LOG", "garage=warn")
            .arg("-c")
            .arg(&config_path)
            .arg("server")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .map_err(|e| Fail(format!("cannot start {}: {e}", binary.display())))?;
        let mut garage = Garage {
            binary: binary.to_path_buf(),
            dir: dir.to_path_buf(),
            s3_port,
            server,
            key_id: String::new(),
            secret: String::new(),
        };
        let node = garage.node_id()?;
        garage.cli(&["layout", "assign", "-z", "dc1", "-c", "1G", &node])?;
        garage.cli(&["layout", "apply", "--version", "1"])?;
        garage.cli(&["bucket", "create", BUCKET])?;
        let key = garage.cli(&["key", "create", "harness-key"])?;
        let field = |name: &str| {
            key.lines()
                .find_map(|line| line.strip_prefix(name))
                .map(|value| value.trim().to_string())
                .ok_or_else(|| Fail(format!("`garage key create` printed no {name}\n{key}")))
        };
        garage.key_id = field("Key ID:")?;
        garage.secret = field("Secret key:")?;
        let allow = ["bucket", "allow", "--read", "--write", "--owner", BUCKET];
        garage.cli(&[&allow[..], &["--key", "harness-key"]].concat())?;
        Ok(garage)
    }

    /// demo-server's `--storage` for the bucket.
    pub fn storage_url(&self) -> String {
        format!(
            "s3://{BUCKET}?endpoint=http://127.0.0.1:{}&region=garage",
            self.s3_port
        )
    }

    /// The key, as the variables S3 clients read.
    pub fn credentials(&self) -> [(&str, &str); 2] {
        [
            ("AWS_ACCESS_KEY_ID", &self.key_id),
            ("AWS_SECRET_ACCESS_KEY", &self.secret),
        ]
    }

    /// The node's id, once the server answers (it takes a moment to start).
    fn node_id(&self) -> Result<String, Fail> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            match self.cli(&["node", "id", "-q"]) {
                Ok(id) => {
                    let id = id.trim().split('@').next().unwrap_or_default();
                    return Ok(id.to_string());
                }
                Err(error) if Instant::now() > deadline => return Err(error),
                Err(_) => std::thread::sleep(Duration::from_millis(200)),
            }
        }
    }

    fn cli(&self, args: &[&str]) -> Result<String, Fail> {
        output(
            Command::new(&self.binary)
                .arg("-c")
                .arg(self.dir.join("garage.toml"))
                .args(args),
        )
    }
}

impl Drop for Garage {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Three different free ports (held together while they are picked).
fn free_ports() -> Result<[u16; 3], Fail> {
    let bind = || TcpListener::bind("127.0.0.1:0").map_err(|e| Fail(format!("no free port: {e}")));
    let held = [bind()?, bind()?, bind()?];
    let port = |l: &TcpListener| l.local_addr().map(|a| a.port()).unwrap_or_default();
    Ok(held.each_ref().map(port))
}

/// 64 bits from the kernel (for the cluster's RPC secret).
fn random() -> u64 {
    let mut bytes = [0u8; 8];
    if let Ok(mut urandom) = std::fs::File::open("/dev/urandom") {
        let _ = std::io::Read::read_exact(&mut urandom, &mut bytes);
    }
    u64::from_le_bytes(bytes)
}
