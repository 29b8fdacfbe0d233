//! A full disk: a PATCH that cannot be written keeps nothing of its body (the
//! file is cut back to what was acknowledged) and answers 507; no new take
//! begins below the free-space reserve; once there is room the take resumes
//! and nothing acknowledged was lost. The media folder is a 4 MiB tmpfs
//! (mounting one needs root: elsewhere the test says so and does nothing).

mod support;

use recorder_core::model::Interview;
use reqwest::{Method, StatusCode};
use std::path::{Path, PathBuf};
use support::{header, metadata, start_in};

const MIB: usize = 1 << 20;

/// A tmpfs of `size` mounted on `dir` until dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Option<Tmpfs> {
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        mounted.then(|| Tmpfs(dir.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

#[tokio::test]
async fn a_full_disk_keeps_nothing_unacknowledged_and_refuses_new_takes() {
    let dir = tempfile::tempdir().unwrap();
    let media = dir.path().join("media");
    std::fs::create_dir_all(&media).unwrap();
    let Some(tmpfs) = Tmpfs::mount(&media, "4m") else {
        eprintln!("not run: cannot mount a tmpfs here (it needs root)");
        return;
    };
    let local = demo_server::Local {
        min_free_bytes: MIB as u64,
        // A disk's behaviour, whatever store the other tests use.
        storage: Some("files".into()),
        ..Default::default()
    };
    let server = start_in(dir, Interview::sample(), local).await;
    let token = server.candidate(&["q1"]).await;
    let url = server.new_upload(&token, "q1").await;
    let take: Vec<u8> = (0..5 * MIB).map(|i| (i % 251) as u8).collect();
    let sent = server.patch(&url, &token, 0, &take[..2 * MIB], None).await;
    assert_eq!(sent.status(), StatusCode::NO_CONTENT);

    // 3 MiB more do not fit in the 2 MiB left.
    let full = server
        .patch(&url, &token, 2 * MIB as u64, &take[2 * MIB..], None)
        .await;
    assert_eq!(full.status(), StatusCode::INSUFFICIENT_STORAGE);
    assert_eq!(header(&full, "Error-Code"), "storage-full");
    let file = std::fs::read_dir(&media)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert_eq!(
        std::fs::metadata(&file).unwrap().len(),
        2 * MIB as u64,
        "cut back to what was acknowledged"
    );
    let head = server.tus(Method::HEAD, &url, &token).send().await.unwrap();
    assert_eq!(header(&head, "Upload-Offset"), (2 * MIB).to_string());

    // Below the reserve, no new take begins.
    let filler = media.join("filler");
    std::fs::write(&filler, vec![0u8; MIB + MIB / 2]).unwrap();
    let refused = server.create(&token, &metadata("q1", "")).await;
    assert_eq!(refused.status(), StatusCode::INSUFFICIENT_STORAGE);
    assert!(refused.text().await.unwrap().contains("disk is full"));

    // Room again: the take resumes from the acknowledged offset and is whole.
    std::fs::remove_file(&filler).unwrap();
    let rest = &take[2 * MIB..3 * MIB];
    let resumed = server
        .patch(&url, &token, 2 * MIB as u64, rest, Some(3 * MIB as u64))
        .await;
    assert_eq!(resumed.status(), StatusCode::NO_CONTENT);
    assert_eq!(std::fs::read(&file).unwrap(), &take[..3 * MIB]);
    drop(tmpfs); // before the server's folder is removed
}
