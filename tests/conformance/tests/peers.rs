//! recorder-core's engine completes deferred-length uploads byte for byte
//! against real tus servers on 127.0.0.1: the project's demo-server and the
//! reference @tus/server with @tus/file-store (npm, installed by `cargo xtask test`).

use conformance::upload_take;
use recorder_core::model::Interview;
use recorder_core::upload::{Upload, UploadConfig};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// Chunks of pseudo-random sizes (some empty), like MediaRecorder's.
fn recording(seed: u64, total: usize) -> Vec<Vec<u8>> {
    let mut state = seed | 1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut chunks = Vec::new();
    let mut left = total;
    while left > 0 {
        let size = (next() as usize % 300_000).min(left);
        chunks.push((0..size).map(|_| next() as u8).collect::<Vec<u8>>());
        left -= size;
    }
    chunks
}

/// A recording whose length is an exact multiple of the PATCH size.
fn exact_multiple(patch: usize, patches: usize) -> Vec<Vec<u8>> {
    (0..patches).map(|i| vec![i as u8; patch]).collect()
}

struct NodeTusServer {
    child: Child,
    endpoint: String,
    dir: tempfile::TempDir,
}

impl Drop for NodeTusServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn start_node_tus_server() -> NodeTusServer {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    assert!(
        tests.join("node_modules/@tus/server").is_dir(),
        "@tus/server is not installed in tests/node_modules: run `cargo xtask test` (it runs npm ci)"
    );
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new("node")
        .arg(tests.join("peers/tus-node-server.mjs"))
        .arg(dir.path())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let endpoint = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected output from @tus/server: {line:?}"))
        .to_string();
    NodeTusServer {
        child,
        endpoint,
        dir,
    }
}

fn config(endpoint: &str, patch: usize) -> UploadConfig {
    let mut config = UploadConfig::new(endpoint)
        .with_metadata("question", "q1")
        .with_metadata("filetype", "video/webm");
    config.max_patch_bytes = patch;
    config
}

fn uploaded_file(dir: &Path, url: &str) -> PathBuf {
    dir.join(url.rsplit('/').next().unwrap())
}

#[test]
fn node_tus_server_gets_every_byte_of_a_deferred_length_take() {
    let server = start_node_tus_server();
    for (chunks, patch) in [
        (recording(7, 3_000_000), 1 << 20),
        (exact_multiple(65_536, 8), 65_536),
    ] {
        let upload = Upload::new(config(&server.endpoint, patch)).unwrap();
        let done = upload_take(upload, &chunks).unwrap_or_else(|e| panic!("{e:?}"));
        let features = done.features().unwrap();
        assert!(
            features.creation_with_upload,
            "@tus/server advertises creation-with-upload"
        );
        let stored = std::fs::read(uploaded_file(server.dir.path(), done.url().unwrap())).unwrap();
        assert_eq!(stored, chunks.concat(), "stored bytes equal recorded bytes");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn demo_server_gets_every_byte_of_a_deferred_length_take() {
    let dir = tempfile::tempdir().unwrap();
    let (origin, db) = demo_server::spawn_local(dir.path(), &[Interview::sample()])
        .await
        .unwrap();
    let media = dir.path().join("media");
    let token = db
        .create_invite(&demo_server::db::NewInvite::to("demo"))
        .await
        .unwrap()
        .unwrap();
    let invite = db
        .find_invite(&demo_server::invite::token_hash(&token))
        .await
        .unwrap()
        .unwrap();
    db.reveal(invite.invite_id, "q1").await.unwrap();

    for (chunks, patch) in [
        (recording(11, 3_000_000), 1 << 20),
        (exact_multiple(65_536, 8), 65_536),
    ] {
        let config = config(&format!("{origin}/api/uploads"), patch)
            .with_header("Authorization", format!("Bearer {token}"));
        let done = tokio::task::spawn_blocking(move || {
            let upload = Upload::new(config).unwrap();
            upload_take(upload, &chunks).map(|done| (done, chunks))
        })
        .await
        .unwrap();
        let (done, chunks) = done.unwrap_or_else(|e| panic!("{e:?}"));
        let id = done.url().unwrap().rsplit('/').next().unwrap().to_string();
        let stored = std::fs::read(media.join(format!("{id}.webm"))).unwrap();
        assert_eq!(stored, chunks.concat(), "stored bytes equal recorded bytes");
    }
}
