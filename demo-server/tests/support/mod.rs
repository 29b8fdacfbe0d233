//! A demo-server on 127.0.0.1 with a real SQLite file in a temporary
//! directory (or a fresh PostgreSQL database: `test_database`), and the
//! requests the tests make of it.
// Each test binary uses a different part of this module.
#![allow(dead_code)]

use base64::Engine;
use demo_server::tus::store::DataStore;
use recorder_core::model::Interview;
use reqwest::{Client, Method, Response, StatusCode};
use sha2::{Digest, Sha256};

/// `question q1, filetype video/webm`
pub const Q1_WEBM: &str = "question cTE=,filetype dmlkZW8vd2VibQ==";

/// A running server and a client for it.
pub struct TestServer {
    pub origin: String,
    pub db: demo_server::db::Db,
    pub dir: tempfile::TempDir,
    pub client: Client,
    /// Where its takes are (files in `dir`, or objects: `test_storage`).
    pub store: demo_server::tus::media_store::MediaStore,
}

/// A one-second VP8 WebM, as ffmpeg makes it (in `dir`).
pub fn webm(dir: &std::path::Path) -> Vec<u8> {
    let path = dir.join("take.webm");
    let made = std::process::Command::new("ffmpeg")
        .args(["-v", "error", "-y", "-f", "lavfi", "-i"])
        .arg("testsrc=duration=1:size=64x48:rate=10")
        .args(["-c:v", "libvpx", "-b:v", "50k", "-f", "webm"])
        .arg(&path)
        .status()
        .expect("ffmpeg runs");
    assert!(made.success());
    std::fs::read(path).unwrap()
}

/// The demo interview, served.
pub async fn start() -> TestServer {
    start_with(Interview::sample()).await
}

/// `interview`, served.
pub async fn start_with(interview: Interview) -> TestServer {
    start_configured(interview, demo_server::Local::default()).await
}

/// The demo interview, served with its takes in files in the data dir
/// whatever `DEMO_TEST_STORAGE_URL` says (for what only a disk has: free
/// space, files left over).
pub async fn start_on_files() -> TestServer {
    let local = demo_server::Local {
        storage: Some("files".into()),
        ..Default::default()
    };
    start_configured(Interview::sample(), local).await
}

/// `interview`, served with `local`'s settings.
pub async fn start_configured(interview: Interview, local: demo_server::Local) -> TestServer {
    start_in(tempfile::tempdir().unwrap(), interview, local).await
}

/// `interview`, served from `dir` with `local`'s settings.
pub async fn start_in(
    dir: tempfile::TempDir,
    interview: Interview,
    mut local: demo_server::Local,
) -> TestServer {
    if local.database_url.is_none() {
        local.database_url = test_database().await;
    }
    if local.storage.is_none() {
        local.storage = test_storage();
    }
    let store = demo_server::tus::media_store::MediaStore::open(
        local.storage.as_deref(),
        dir.path().join("media"),
    )
    .unwrap();
    let (origin, db) = demo_server::spawn_local_with(dir.path(), &[interview], local)
        .await
        .unwrap();
    TestServer {
        origin,
        db,
        dir,
        client: Client::new(),
        store,
    }
}

/// A fresh database on the PostgreSQL server that `DEMO_TEST_DATABASE_URL`
/// names (`cargo xtask test --scale` starts one), if it is set: every test
/// then runs on PostgreSQL; else `None` (SQLite in the test's data dir).
pub async fn test_database() -> Option<String> {
    let server = std::env::var("DEMO_TEST_DATABASE_URL").ok()?;
    let (server, _) = server.rsplit_once('/').expect("a URL with a database name");
    // demo-server creates it.
    Some(format!("{server}/test_{:016x}", rand::random::<u64>()))
}

/// A fresh prefix in the S3-compatible bucket that `DEMO_TEST_STORAGE_URL`
/// names (`s3://BUCKET?endpoint=...`, credentials in `AWS_*`; `cargo xtask
/// test --scale` starts Garage), if it is set: takes are kept there; else
/// `None` (files in the test's data dir).
pub fn test_storage() -> Option<String> {
    let url = std::env::var("DEMO_TEST_STORAGE_URL").ok()?;
    let (bucket, query) = url.split_once('?').unwrap_or((&url, ""));
    let prefix = format!("test-{:016x}", rand::random::<u64>());
    Some(format!("{}/{prefix}?{query}", bucket.trim_end_matches('/')))
}

/// A new WebM upload made in `store`, one the database never recorded.
pub async fn created(store: &impl DataStore) -> demo_server::db::UploadRow {
    let upload = demo_server::db::UploadRow {
        id: format!("{:032x}", rand::random::<u128>()),
        filetype: "video/webm".into(),
        ..Default::default()
    };
    store.create(&upload).await.unwrap();
    upload
}

/// Appends `bytes` to `upload` at `offset` as a PATCH body would; how many were kept.
pub async fn append(
    store: &impl DataStore,
    upload: &demo_server::db::UploadRow,
    offset: u64,
    bytes: Vec<u8>,
) -> u64 {
    let expected = demo_server::tus::store::Expected {
        limit: u64::MAX / 2,
        idle: std::time::Duration::from_secs(5),
        checksum: None,
    };
    let body = axum::body::Body::from(bytes);
    let released = std::future::pending();
    let (written, outcome) = store
        .append(upload, offset, body, expected, released, &mut None)
        .await;
    outcome.unwrap();
    written
}

/// `Upload-Metadata` for a WebM take of `question`, with `extra` items appended.
pub fn metadata(question: &str, extra: &str) -> String {
    let encode = |v: &str| base64::engine::general_purpose::STANDARD.encode(v);
    format!(
        "question {},filetype dmlkZW8vd2VibQ=={extra}",
        encode(question)
    )
}

/// A response header's value, or "".
pub fn header<'a>(response: &'a Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().unwrap())
        .unwrap_or_default()
}

/// What a webhook receiver on 127.0.0.1 was sent, as JSON bodies.
pub type Bodies = std::sync::Arc<std::sync::Mutex<Vec<serde_json::Value>>>;

/// A webhook receiver on 127.0.0.1: its URL, and the bodies it is sent.
pub async fn webhook_receiver() -> (String, Bodies) {
    let bodies = Bodies::default();
    let log = bodies.clone();
    let receiver = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |body: String| {
            let log = log.clone();
            async move {
                log.lock()
                    .unwrap()
                    .push(serde_json::from_str(&body).unwrap());
                StatusCode::NO_CONTENT
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, receiver).await });
    (url, bodies)
}

/// The bodies received once there are `count` (or after 5 s, however many came).
pub async fn received(bodies: &Bodies, count: usize) -> Vec<serde_json::Value> {
    for _ in 0..100 {
        if bodies.lock().unwrap().len() >= count {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    bodies.lock().unwrap().clone()
}

/// The status and the text of a response.
pub async fn message(response: Response) -> (StatusCode, String) {
    (response.status(), response.text().await.unwrap())
}

impl TestServer {
    /// A new invite's token.
    pub async fn invite(&self) -> String {
        self.db
            .create_invite(&demo_server::db::NewInvite::to("demo"))
            .await
            .unwrap()
            .unwrap()
    }

    /// An invite that has revealed `questions`.
    pub async fn candidate(&self, questions: &[&str]) -> String {
        let token = self.invite().await;
        for question in questions {
            assert_eq!(self.reveal(&token, question).await.status(), StatusCode::OK);
        }
        token
    }

    /// The text of the page at `path` (`/i/...`, say).
    pub async fn page(&self, path: &str) -> String {
        let url = format!("{}{path}", self.origin);
        let response = self.client.get(url).send().await.unwrap();
        response.text().await.unwrap()
    }

    /// `GET /api/session` for `token`, as JSON (a `SessionView`, or any value).
    pub async fn session<T: serde::de::DeserializeOwned>(&self, token: &str) -> T {
        self.client
            .get(format!("{}/api/session", self.origin))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// `POST /api/questions/{question}/reveal`.
    pub async fn reveal(&self, token: &str, question: &str) -> Response {
        self.post(&format!("/api/questions/{question}/reveal"), token, None)
            .await
    }

    /// A POST to the API, with a JSON body if given.
    pub async fn post(&self, path: &str, token: &str, json: Option<serde_json::Value>) -> Response {
        let request = self
            .client
            .post(format!("{}{path}", self.origin))
            .bearer_auth(token);
        match json {
            Some(json) => request.json(&json),
            None => request,
        }
        .send()
        .await
        .unwrap()
    }

    /// A tus request (with `Tus-Resumable`).
    pub fn tus(&self, method: Method, url: &str, token: &str) -> reqwest::RequestBuilder {
        self.client
            .request(method, url)
            .header("Tus-Resumable", "1.0.0")
            .bearer_auth(token)
    }

    /// Creates a deferred-length upload.
    pub async fn create(&self, token: &str, metadata: &str) -> Response {
        self.tus(Method::POST, &format!("{}/api/uploads", self.origin), token)
            .header("Upload-Defer-Length", "1")
            .header("Upload-Metadata", metadata)
            .send()
            .await
            .unwrap()
    }

    /// Creates an upload declaring its `length` (`Upload-Length`).
    pub async fn create_with_length(&self, token: &str, metadata: &str, length: u64) -> Response {
        self.tus(Method::POST, &format!("{}/api/uploads", self.origin), token)
            .header("Upload-Length", length.to_string())
            .header("Upload-Metadata", metadata)
            .send()
            .await
            .unwrap()
    }

    /// Appends `body` at `offset`, declaring `length` if given.
    pub async fn patch(
        &self,
        url: &str,
        token: &str,
        offset: u64,
        body: &[u8],
        length: Option<u64>,
    ) -> Response {
        let mut request = self
            .tus(Method::PATCH, url, token)
            .header("Upload-Offset", offset.to_string())
            .header("Content-Type", "application/offset+octet-stream")
            .body(body.to_vec());
        if let Some(length) = length {
            request = request.header("Upload-Length", length.to_string());
        }
        request.send().await.unwrap()
    }

    /// The row of upload `id`, which exists.
    pub async fn upload(&self, id: &str) -> demo_server::db::UploadRow {
        let upload = self.db.upload(id).await.unwrap();
        upload.expect("the upload exists")
    }

    /// The bytes the store holds for upload `id`.
    pub async fn stored(&self, id: &str) -> Vec<u8> {
        let upload = self.upload(id).await;
        let mut bytes = Vec::new();
        self.store.copy_to(&upload, &mut bytes).await.unwrap();
        bytes
    }

    /// The duration of take `id` once its seekable copy is made (within
    /// `within`, or the test fails).
    pub async fn until_seekable(&self, id: &str, within: std::time::Duration) -> u64 {
        let deadline = std::time::Instant::now() + within;
        loop {
            if let Some(ms) = self.upload(id).await.duration_ms {
                return ms as u64;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "take {id} never became seekable"
            );
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
    }

    /// Resumes upload `url` as a tus client does after a PATCH broke off:
    /// HEAD, then `bytes` PATCHed from the offset it gives, again after a
    /// 409 (the broken request made more durable meanwhile), for at most
    /// `within`; how long until the PATCH was taken.
    pub async fn resume(
        &self,
        url: &str,
        token: &str,
        bytes: &[u8],
        within: std::time::Duration,
    ) -> std::time::Duration {
        let began = std::time::Instant::now();
        loop {
            let head = self.tus(Method::HEAD, url, token).send().await.unwrap();
            let offset: u64 = header(&head, "Upload-Offset").parse().unwrap();
            let patched = self.patch(url, token, offset, bytes, None).await;
            if patched.status() == StatusCode::NO_CONTENT {
                return began.elapsed();
            }
            assert_eq!(
                patched.status(),
                StatusCode::CONFLICT,
                "only an offset to learn"
            );
            assert!(
                began.elapsed() < within,
                "the broken PATCH still holds the upload"
            );
        }
    }

    /// The URL of a new, empty upload for `question`.
    pub async fn new_upload(&self, token: &str, question: &str) -> String {
        let created = self.create(token, &metadata(question, "")).await;
        assert_eq!(created.status(), StatusCode::CREATED);
        header(&created, "Location").to_string()
    }

    /// A complete take of `question`: its URL and sha256.
    pub async fn take(&self, token: &str, question: &str, bytes: &[u8]) -> (String, String) {
        let url = self.new_upload(token, question).await;
        let patched = self
            .patch(&url, token, 0, bytes, Some(bytes.len() as u64))
            .await;
        assert_eq!(patched.status(), StatusCode::NO_CONTENT);
        (url, demo_server::invite::hex(&Sha256::digest(bytes)))
    }
}
