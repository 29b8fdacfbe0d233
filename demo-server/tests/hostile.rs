//! Hostile requests: each gets its documented 4xx, the server keeps serving,
//! nothing is written outside the data directory and nothing of another
//! candidate is revealed.

mod support;

use recorder_core::model::Interview;
use reqwest::{Method, StatusCode};
use support::{metadata, start, start_with, TestServer, Q1_WEBM};

/// One hostile request: what is sent and the status it must get.
struct Case {
    name: &'static str,
    method: Method,
    path: String,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
    expect: u16,
}

fn case(name: &'static str, method: Method, path: impl Into<String>, expect: u16) -> Case {
    Case {
        name,
        method,
        path: path.into(),
        headers: Vec::new(),
        body: Vec::new(),
        expect,
    }
}

impl Case {
    fn header(mut self, name: &'static str, value: impl Into<String>) -> Case {
        self.headers.push((name, value.into()));
        self
    }

    fn body(mut self, body: impl Into<Vec<u8>>) -> Case {
        self.body = body.into();
        self
    }

    /// As the candidate `token`, speaking tus.
    fn tus(self, token: &str) -> Case {
        self.header("Authorization", format!("Bearer {token}"))
            .header("Tus-Resumable", "1.0.0")
    }
}

async fn run(server: &TestServer, cases: Vec<Case>) {
    let mut failures = Vec::new();
    for case in &cases {
        let url = format!("{}{}", server.origin, case.path);
        let mut request = server.client.request(case.method.clone(), url);
        for (name, value) in &case.headers {
            request = request.header(*name, value);
        }
        let response = request.body(case.body.clone()).send().await.unwrap();
        let status = response.status().as_u16();
        let text = response.text().await.unwrap_or_default();
        if status != case.expect {
            failures.push(format!(
                "{}: got {status}, expected {} ({})",
                case.name,
                case.expect,
                text.trim()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn forty_hostile_requests_get_their_documented_statuses() {
    let server = start().await;
    let alice = server.candidate(&["q1"]).await;
    let bob = server.candidate(&["q1"]).await;
    let alices = server.new_upload(&alice, "q1").await;
    let alices = alices.strip_prefix(&server.origin).unwrap().to_string();
    let (finished, finished_sha) = server.take(&alice, "q1", b"complete").await;
    let finished = finished.strip_prefix(&server.origin).unwrap().to_string();
    let uploads = "/api/uploads";
    let patch = |name, path: &str, token: &str, expect| {
        case(name, Method::PATCH, path, expect)
            .tus(token)
            .header("Content-Type", "application/offset+octet-stream")
    };
    let create = |name, token: &str, expect| case(name, Method::POST, uploads, expect).tus(token);
    let cases = vec![
        // Tokens.
        case("no Authorization", Method::POST, uploads, 401).header("Tus-Resumable", "1.0.0"),
        case("Basic auth", Method::POST, uploads, 401)
            .header("Tus-Resumable", "1.0.0")
            .header("Authorization", "Basic YTpi"),
        case("empty bearer", Method::GET, "/api/session", 401).header("Authorization", "Bearer "),
        case(
            "token with odd characters",
            Method::GET,
            "/api/session",
            401,
        )
        .header("Authorization", "Bearer ../../etc/passwd"),
        case("unknown token", Method::GET, "/api/session", 401)
            .header("Authorization", format!("Bearer {}", "A".repeat(43))),
        case("overlong token", Method::GET, "/api/session", 401)
            .header("Authorization", format!("Bearer {}", "A".repeat(300))),
        case("session without a token", Method::GET, "/api/session", 401),
        // Another candidate's upload, odd ids.
        case("HEAD another's upload", Method::HEAD, alices.clone(), 404).tus(&bob),
        patch("PATCH another's upload", &alices, &bob, 404)
            .header("Upload-Offset", "0")
            .body("evil"),
        case(
            "DELETE another's upload",
            Method::DELETE,
            alices.clone(),
            404,
        )
        .tus(&bob),
        case(
            "path traversal",
            Method::HEAD,
            "/api/uploads/..%2F..%2Fdemo.sqlite3",
            404,
        )
        .tus(&alice),
        case(
            "odd characters in the id",
            Method::HEAD,
            "/api/uploads/abc%24%25%00",
            404,
        )
        .tus(&alice),
        case(
            "overlong id",
            Method::HEAD,
            format!("/api/uploads/{}", "a".repeat(64)),
            404,
        )
        .tus(&alice),
        // Offsets and lengths.
        patch("negative offset", &alices, &alice, 400)
            .header("Upload-Offset", "-1")
            .body("x"),
        patch("non-numeric offset", &alices, &alice, 400)
            .header("Upload-Offset", "abc")
            .body("x"),
        patch("overflowing offset", &alices, &alice, 400)
            .header("Upload-Offset", "99999999999999999999999")
            .body("x"),
        patch("offset with a plus sign", &alices, &alice, 400)
            .header("Upload-Offset", "+0")
            .body("x"),
        patch("missing offset", &alices, &alice, 400).body("x"),
        patch("wrong offset", &alices, &alice, 409)
            .header("Upload-Offset", "7")
            .body("x"),
        create("negative length", &alice, 400)
            .header("Upload-Length", "-5")
            .header("Upload-Metadata", Q1_WEBM),
        create("non-numeric length", &alice, 400)
            .header("Upload-Length", "ten")
            .header("Upload-Metadata", Q1_WEBM),
        create("huge length", &alice, 413)
            .header("Upload-Length", "18446744073709551615")
            .header("Upload-Metadata", Q1_WEBM),
        create("both lengths", &alice, 400)
            .header("Upload-Length", "5")
            .header("Upload-Defer-Length", "1")
            .header("Upload-Metadata", Q1_WEBM),
        create("no length", &alice, 400).header("Upload-Metadata", Q1_WEBM),
        create("defer-length 2", &alice, 400)
            .header("Upload-Defer-Length", "2")
            .header("Upload-Metadata", Q1_WEBM),
        // Content types and versions.
        case("JSON body", Method::PATCH, alices.clone(), 415)
            .tus(&alice)
            .header("Upload-Offset", "0")
            .header("Content-Type", "application/json")
            .body("{}"),
        case(
            "PATCH without a content type",
            Method::PATCH,
            alices.clone(),
            415,
        )
        .tus(&alice)
        .header("Upload-Offset", "0")
        .body("x"),
        case("no Tus-Resumable", Method::POST, uploads, 412)
            .header("Authorization", format!("Bearer {alice}"))
            .header("Upload-Defer-Length", "1"),
        case("old tus version", Method::POST, uploads, 412)
            .header("Authorization", format!("Bearer {alice}"))
            .header("Tus-Resumable", "0.2.2"),
        // Metadata.
        create("oversized metadata", &alice, 400)
            .header("Upload-Defer-Length", "1")
            .header(
                "Upload-Metadata",
                format!("{Q1_WEBM},pad {}", "A".repeat(5000)),
            ),
        create("metadata not base64", &alice, 400)
            .header("Upload-Defer-Length", "1")
            .header("Upload-Metadata", "question !!!,filetype dmlkZW8vd2VibQ=="),
        create("no question", &alice, 400)
            .header("Upload-Defer-Length", "1")
            .header("Upload-Metadata", "filetype dmlkZW8vd2VibQ=="),
        create("unknown question", &alice, 404)
            .header("Upload-Defer-Length", "1")
            .header("Upload-Metadata", metadata("q9", "")),
        create("the practice question", &alice, 404)
            .header("Upload-Defer-Length", "1")
            .header("Upload-Metadata", metadata("practice", "")),
        create("an HTML file type", &alice, 400)
            .header("Upload-Defer-Length", "1")
            .header("Upload-Metadata", "question cTE=,filetype dGV4dC9odG1s"),
        create("replaces another's take", &bob, 400)
            .header("Upload-Defer-Length", "1")
            .header(
                "Upload-Metadata",
                metadata("q1", &format!(",replaces {}", base64_of(&alices))),
            ),
        // Finished uploads and rules.
        patch("PATCH past the end", &finished, &alice, 400)
            .header("Upload-Offset", "8")
            .body("more"),
        patch("changing a known length", &finished, &alice, 400)
            .header("Upload-Offset", "8")
            .header("Upload-Length", "9"),
        create("before the reveal", &alice, 403)
            .header("Upload-Defer-Length", "1")
            .header("Upload-Metadata", metadata("q2", "")),
        case(
            "submit another's take",
            Method::POST,
            "/api/questions/q1/submit",
            404,
        )
        .header("Authorization", format!("Bearer {bob}"))
        .header("Content-Type", "application/json")
        .body(format!(
            r#"{{"upload": "{finished}", "bytes": 8, "sha256": "{finished_sha}"}}"#
        )),
        case(
            "submit malformed JSON",
            Method::POST,
            "/api/questions/q1/submit",
            400,
        )
        .header("Authorization", format!("Bearer {alice}"))
        .header("Content-Type", "application/json")
        .body("{not json"),
        case(
            "reveal an unknown question",
            Method::POST,
            "/api/questions/..%2Fq1/reveal",
            404,
        )
        .header("Authorization", format!("Bearer {alice}")),
        // The review page.
        case("review without a token", Method::GET, "/review/", 404),
        case(
            "review with a candidate's token",
            Method::GET,
            format!("/review/{alice}"),
            404,
        ),
        case(
            "review media with a candidate's token",
            Method::GET,
            format!(
                "/review/{alice}/media/{}",
                alices.rsplit('/').next().unwrap()
            ),
            404,
        ),
    ];
    assert!(cases.len() >= 40);
    run(&server, cases).await;

    // Still serving, and nothing of Alice's reached Bob.
    let session = server
        .client
        .get(format!("{}/api/session", server.origin))
        .bearer_auth(&bob)
        .send()
        .await
        .unwrap();
    assert_eq!(session.status(), StatusCode::OK);
    let head = server
        .tus(Method::HEAD, &format!("{}{alices}", server.origin), &alice)
        .send()
        .await
        .unwrap();
    assert_eq!(
        head.headers()["Upload-Offset"],
        "0",
        "Bob's bytes never landed in Alice's upload"
    );
    // Only upload files in the media directory.
    for entry in std::fs::read_dir(server.dir.path().join("media")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let id = name.split('.').next().unwrap();
        assert!(
            id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()),
            "unexpected file {name}"
        );
    }
}

#[tokio::test]
async fn the_rules_hold_against_repeated_and_late_requests() {
    let server = start().await;
    let token = server.candidate(&["q3"]).await;
    for _ in 0..2 {
        server.new_upload(&token, "q3").await;
    }
    let beyond = server.create(&token, &metadata("q3", "")).await;
    assert_eq!(
        beyond.status(),
        StatusCode::FORBIDDEN,
        "beyond the attempts"
    );

    let mut late = Interview::sample();
    late.presentation.deadline = Some(1);
    let closed = start_with(late).await;
    let token = closed.invite().await;
    assert_eq!(
        closed.reveal(&token, "q1").await.status(),
        StatusCode::GONE,
        "after the deadline"
    );
}

fn base64_of(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(text)
}
