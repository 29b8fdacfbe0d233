//! One big upload as fast as the client can send it: creation, then PATCH
//! after PATCH over one kept-alive connection, to measure a tus server's
//! ingest rate (the client is not the bottleneck: one buffer, sent again).

use crate::http1::Client;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

/// Where to upload and how.
///
/// ```
/// let target = load::ingest::Target { addr: "127.0.0.1:1080".parse().unwrap(), path: "/files".into(), headers: vec![] };
/// assert_eq!(target.path, "/files");
/// ```
#[derive(Clone, Debug)]
pub struct Target {
    /// The server.
    pub addr: SocketAddr,
    /// The creation endpoint's path, e.g. `/files`.
    pub path: String,
    /// Extra headers on every request (`Authorization`, `Upload-Metadata` on creation).
    pub headers: Vec<(String, String)>,
}

/// Uploads `total` bytes in PATCHes of `patch` bytes (length declared at
/// creation); returns how long it took from creation to the last response.
///
/// ```no_run
/// let target = load::ingest::Target { addr: "127.0.0.1:1080".parse().unwrap(), path: "/files".into(), headers: vec![] };
/// let took = load::ingest::upload(&target, 200 << 20, 5 << 20).unwrap();
/// println!("{:.0} MB/s", 200.0 * 1.048576 / took.as_secs_f64());
/// ```
pub fn upload(target: &Target, total: u64, patch: usize) -> Result<Duration, String> {
    let mut client = Client::new(target.addr);
    let body: Vec<u8> = (0..patch).map(|i| (i * 31 + 7) as u8).collect();
    let common: Vec<(&str, &str)> = target
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .chain([("Tus-Resumable", "1.0.0")])
        .collect();
    let started = Instant::now();
    let length = total.to_string();
    let mut headers = common.clone();
    headers.push(("Upload-Length", &length));
    let created = client
        .send("POST", &target.path, &headers, b"")
        .map_err(|e| format!("create: {e}"))?;
    if created.status != 201 {
        return Err(format!(
            "create got {}: {}",
            created.status,
            String::from_utf8_lossy(&created.body)
        ));
    }
    let location = created.header("location").ok_or("no Location")?;
    let path = match location.find("://") {
        Some(scheme) => location[scheme + 3..]
            .find('/')
            .map(|at| location[scheme + 3 + at..].to_string())
            .ok_or("odd Location")?,
        None => location.to_string(),
    };
    let mut offset = 0u64;
    while offset < total {
        let len = (total - offset).min(patch as u64) as usize;
        let offset_text = offset.to_string();
        let mut headers = common.clone();
        headers.push(("Upload-Offset", &offset_text));
        headers.push(("Content-Type", "application/offset+octet-stream"));
        let response = client
            .send("PATCH", &path, &headers, &body[..len])
            .map_err(|e| format!("PATCH at {offset}: {e}"))?;
        if response.status != 204 {
            return Err(format!(
                "PATCH at {offset} got {}: {}",
                response.status,
                String::from_utf8_lossy(&response.body)
            ));
        }
        offset = response
            .header("upload-offset")
            .and_then(|v| v.parse().ok())
            .ok_or("PATCH without Upload-Offset")?;
    }
    Ok(started.elapsed())
}
