//! A tus server that someone else started, whose file store keeps each
//! upload as a file named by its id in one folder, beside `<id>.json`
//! with its declared `size` (`@tus/file-store`, tusd's filestore).

use crate::target::StoredUpload;
use std::net::SocketAddr;
use std::path::PathBuf;

/// A running tus server and its store's folder.
///
/// ```
/// let tus = load::plain_tus::PlainTus::new("http://127.0.0.1:1080/files", "/tmp/files".into(), None).unwrap();
/// assert_eq!(tus.creation_path, "/files");
/// ```
pub struct PlainTus {
    /// Where it listens.
    pub addr: SocketAddr,
    /// Its creation URL's path.
    pub creation_path: String,
    /// Its store's folder.
    pub dir: PathBuf,
    /// Its process, for its memory.
    pub pid: Option<u32>,
}

impl PlainTus {
    /// The server whose creation URL is `url` (`http://IP:PORT/path`),
    /// storing into `dir`.
    pub fn new(url: &str, dir: PathBuf, pid: Option<u32>) -> Result<PlainTus, String> {
        let (addr, creation_path) = crate::http1::split_url(url)?;
        Ok(PlainTus {
            addr,
            creation_path,
            dir,
            pid,
        })
    }

    /// Every upload in the folder: complete once its file holds its
    /// declared size.
    ///
    /// ```no_run
    /// # let tus = load::plain_tus::PlainTus::new("http://127.0.0.1:1080/files", "/tmp/files".into(), None).unwrap();
    /// assert!(tus.uploads().unwrap().iter().all(|u| u.completed));
    /// ```
    pub fn uploads(&self) -> Result<Vec<StoredUpload>, String> {
        let listing =
            std::fs::read_dir(&self.dir).map_err(|e| format!("{}: {e}", self.dir.display()))?;
        let mut uploads = Vec::new();
        for entry in listing {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.extension().is_some_and(|e| e == "json") {
                continue;
            }
            let Some(id) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let info = std::fs::read_to_string(path.with_extension("json"))
                .map_err(|e| format!("{id}.json: {e}"))?;
            let info: serde_json::Value =
                serde_json::from_str(&info).map_err(|e| format!("{id}.json: {e}"))?;
            let length = info["size"].as_u64();
            let on_disk = std::fs::metadata(&path)
                .map_err(|e| format!("{}: {e}", path.display()))?
                .len();
            uploads.push(StoredUpload {
                id: id.to_string(),
                completed: length == Some(on_disk),
                path: Some(path),
                length,
            });
        }
        Ok(uploads)
    }
}
