//! One candidate: uploads a take for each question with tus (on demo-server,
//! revealing the question first, with the invite's token), PATCH by PATCH, dropping some connections half-way through a body and
//! resuming from the server's offset, as a phone on a train would. Paced,
//! each PATCH leaves when its chunk would have been recorded, as the
//! recorder's do; else as fast as the server answers.

use crate::http1::{Client, Response};
use crate::take_data::TakeData;
use base64::Engine;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

/// What every candidate does.
///
/// ```
/// let plan = load::candidate::Plan { questions: vec!["q1".into()], take_bytes: 1 << 20, patch_bytes: 256 << 10, cut_percent: 5, pace: None };
/// assert_eq!(plan.questions.len(), 1);
/// ```
#[derive(Clone, Debug)]
pub struct Plan {
    /// The questions to answer, one take each.
    pub questions: Vec<String>,
    /// Bytes per take.
    pub take_bytes: u64,
    /// Bytes per PATCH.
    pub patch_bytes: usize,
    /// Percent of PATCHes whose connection is dropped half-way.
    pub cut_percent: u32,
    /// One PATCH (a chunk of `patch_bytes`) is recorded every `pace`: none
    /// leaves before its chunk exists. `None`: as fast as the server answers.
    pub pace: Option<Duration>,
}

/// When the PATCH from `offset` may leave, for a take whose recording began
/// at `began`, chunks of `chunk_bytes` coming every `pace`: once the chunk
/// holding `offset` was recorded.
///
/// ```
/// use std::time::{Duration, Instant};
/// let began = Instant::now();
/// let second = Duration::from_secs(1);
/// assert_eq!(load::candidate::due(began, second, 250_000, 0), began + second);
/// assert_eq!(load::candidate::due(began, second, 250_000, 300_000), began + 2 * second, "the second chunk, resumed mid-way");
/// ```
pub fn due(began: Instant, pace: Duration, chunk_bytes: usize, offset: u64) -> Instant {
    let chunk = offset / chunk_bytes.max(1) as u64;
    began + pace * (chunk as u32 + 1)
}

/// Where a candidate's takes go.
///
/// ```
/// let endpoint = load::candidate::Endpoint::PlainTus { creation_path: "/files".into() };
/// assert!(matches!(endpoint, load::candidate::Endpoint::PlainTus { .. }));
/// ```
#[derive(Clone, Debug)]
pub enum Endpoint {
    /// demo-server: each question revealed before its take, every request
    /// with the invite's token.
    DemoServer {
        /// The invite's token.
        token: String,
    },
    /// Any tus server: uploads created at `creation_path`, nothing else asked.
    PlainTus {
        /// The tus creation URL's path.
        creation_path: String,
    },
}

/// What happened to one candidate.
///
/// ```
/// let outcome = load::candidate::Outcome::default();
/// assert!(outcome.takes.is_empty() && outcome.errors.is_empty());
/// ```
#[derive(Debug, Default)]
pub struct Outcome {
    /// Each finished take: its upload id and its content.
    pub takes: Vec<(String, TakeData)>,
    /// How long each PATCH that was not cut took, until its response.
    pub patch_latencies: Vec<Duration>,
    /// Connections dropped on purpose.
    pub cuts: u32,
    /// Takes that could not be finished, and why.
    pub errors: Vec<String>,
}

/// Runs candidate number `index` against `endpoint` on the server at `addr`,
/// once `ready` returns (called when its memory is in place, so that
/// candidates started together are not slowed by their own setup).
///
/// ```no_run
/// use load::candidate::Endpoint;
/// let plan = load::candidate::Plan { questions: vec!["q1".into()], take_bytes: 1 << 20, patch_bytes: 256 << 10, cut_percent: 5, pace: None };
/// let endpoint = Endpoint::DemoServer { token: "token".into() };
/// let outcome = load::candidate::run("127.0.0.1:8080".parse().unwrap(), &endpoint, 0, &plan, 42, || ());
/// println!("{} takes, {} cuts", outcome.takes.len(), outcome.cuts);
/// ```
pub fn run(
    addr: SocketAddr,
    endpoint: &Endpoint,
    index: u32,
    plan: &Plan,
    seed: u64,
    ready: impl FnOnce(),
) -> Outcome {
    let authorization = match endpoint {
        Endpoint::DemoServer { token } => Some(format!("Bearer {token}")),
        Endpoint::PlainTus { .. } => None,
    };
    let mut candidate = Candidate {
        client: Client::new(addr),
        endpoint: endpoint.clone(),
        authorization,
        random: seed ^ (u64::from(index) << 32) | 1,
        // Written through once, so its pages exist before the clock starts.
        body: vec![1u8; plan.patch_bytes],
        outcome: Outcome::default(),
    };
    ready();
    if let Some(pace) = plan.pace {
        // Candidates do not all start recording on the same beat.
        let nanos = candidate.next_random() % pace.as_nanos().max(1) as u64;
        std::thread::sleep(Duration::from_nanos(nanos));
    }
    for (number, question) in plan.questions.iter().enumerate() {
        let take = TakeData::new(candidate.next_random(), plan.take_bytes);
        match candidate.answer(question, take, plan) {
            Ok(id) => candidate.outcome.takes.push((id, take)),
            Err(error) => candidate
                .outcome
                .errors
                .push(format!("candidate {index}, take {}: {error}", number + 1)),
        }
    }
    candidate.outcome
}

/// Gives up on a take after this many failed requests in a row.
const MAX_RETRIES: u32 = 50;

struct Candidate {
    client: Client,
    endpoint: Endpoint,
    authorization: Option<String>,
    random: u64,
    /// One PATCH's bytes.
    body: Vec<u8>,
    outcome: Outcome,
}

impl Candidate {
    fn answer(&mut self, question: &str, take: TakeData, plan: &Plan) -> Result<String, String> {
        let creation_path = match &self.endpoint {
            Endpoint::DemoServer { .. } => {
                let path = format!("/api/questions/{question}/reveal");
                let reveal = self.request_resent("POST", &path, &[])?;
                expect(&reveal, 200, "reveal")?;
                "/api/uploads".to_string()
            }
            Endpoint::PlainTus { creation_path } => creation_path.clone(),
        };
        // Named as the recorder names its takes: a creation sent again is the same attempt.
        let name = format!("{:016x}", self.next_random());
        let metadata = format!(
            "question {},filetype {},take {}",
            b64(question),
            b64("video/webm"),
            b64(&name)
        );
        let created = self.request_resent(
            "POST",
            &creation_path,
            &[("Upload-Defer-Length", "1"), ("Upload-Metadata", &metadata)],
        )?;
        expect(&created, 201, "create")?;
        let location = created.header("location").ok_or("no Location")?;
        let path = path_of(location).to_string();
        let id = path.rsplit('/').next().unwrap_or_default().to_string();

        let mut body = std::mem::take(&mut self.body);
        let sent = self.send_take(&path, take, plan, &mut body);
        self.body = body;
        sent.map(|()| id)
    }

    /// Sends `take` to the upload at `path`, PATCH by PATCH from `body`.
    fn send_take(
        &mut self,
        path: &str,
        take: TakeData,
        plan: &Plan,
        body: &mut [u8],
    ) -> Result<(), String> {
        let (mut offset, mut failures) = (0u64, 0u32);
        let began = Instant::now();
        loop {
            if let Some(pace) = plan.pace {
                let at = due(began, pace, plan.patch_bytes, offset);
                std::thread::sleep(at.saturating_duration_since(Instant::now()));
            }
            let len = (take.len() - offset).min(plan.patch_bytes as u64) as usize;
            let last = offset + len as u64 == take.len();
            take.fill(offset, &mut body[..len]);
            let (offset_text, length_text) = (offset.to_string(), take.len().to_string());
            let mut headers = vec![
                ("Upload-Offset", offset_text.as_str()),
                ("Content-Type", "application/offset+octet-stream"),
            ];
            if last {
                headers.push(("Upload-Length", length_text.as_str()));
            }
            if len > 1 && self.next_random() % 100 < u64::from(plan.cut_percent) {
                let headers = with_auth(self.authorization.as_deref(), &headers);
                let _ = self
                    .client
                    .cut("PATCH", path, &headers, &body[..len], len / 2);
                self.outcome.cuts += 1;
                offset = self.offset(path)?;
                continue;
            }
            let started = Instant::now();
            let response = self.request("PATCH", path, &headers, &body[..len]);
            match response {
                Ok(response) if response.status == 204 => {
                    self.outcome.patch_latencies.push(started.elapsed());
                    offset = response
                        .header("upload-offset")
                        .and_then(|v| v.parse().ok())
                        .ok_or("PATCH without Upload-Offset")?;
                    failures = 0;
                    if last && offset == take.len() {
                        return Ok(());
                    }
                }
                // Locked by the dropped request, or an offset that moved meanwhile: ask again.
                Ok(response) if matches!(response.status, 409 | 423 | 500..=599) => {
                    failures += 1;
                    if failures > MAX_RETRIES {
                        return Err(format!("PATCH kept failing with {}", response.status));
                    }
                    std::thread::sleep(Duration::from_millis(20));
                    offset = self.offset(path)?;
                }
                Ok(response) => {
                    return Err(format!(
                        "PATCH got {}: {}",
                        response.status,
                        String::from_utf8_lossy(&response.body)
                    ))
                }
                Err(error) => {
                    failures += 1;
                    if failures > MAX_RETRIES {
                        return Err(error);
                    }
                    offset = self.offset(path)?;
                }
            }
        }
    }

    /// The server's offset for the upload at `path`.
    fn offset(&mut self, path: &str) -> Result<u64, String> {
        for _ in 0..MAX_RETRIES {
            if let Ok(head) = self.request("HEAD", path, &[], b"") {
                if head.status == 200 {
                    return head
                        .header("upload-offset")
                        .and_then(|v| v.parse().ok())
                        .ok_or_else(|| "HEAD without Upload-Offset".to_string());
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Err("HEAD kept failing".into())
    }

    /// A request without a body, sent again while the connection fails
    /// (an instance that died: the next one answers).
    fn request_resent(
        &mut self,
        method: &str,
        path: &str,
        extra: &[(&str, &str)],
    ) -> Result<Response, String> {
        let mut failures = 0;
        loop {
            match self.request(method, path, extra, b"") {
                Err(_) if failures < MAX_RETRIES => {
                    failures += 1;
                    std::thread::sleep(Duration::from_millis(20));
                }
                answered => return answered,
            }
        }
    }

    fn request(
        &mut self,
        method: &str,
        path: &str,
        extra: &[(&str, &str)],
        body: &[u8],
    ) -> Result<Response, String> {
        let headers = with_auth(self.authorization.as_deref(), extra);
        self.client
            .send(method, path, &headers, body)
            .map_err(|e| format!("{method} {path}: {e}"))
    }

    fn next_random(&mut self) -> u64 {
        self.random ^= self.random >> 12;
        self.random ^= self.random << 25;
        self.random ^= self.random >> 27;
        self.random.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// `extra` after the headers every request carries.
fn with_auth<'a>(
    authorization: Option<&'a str>,
    extra: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut headers = vec![("Tus-Resumable", "1.0.0")];
    headers.extend(authorization.map(|a| ("Authorization", a)));
    headers.extend_from_slice(extra);
    headers
}

fn expect(response: &Response, status: u16, what: &str) -> Result<(), String> {
    if response.status == status {
        Ok(())
    } else {
        Err(format!(
            "{what} got {}: {}",
            response.status,
            String::from_utf8_lossy(&response.body)
        ))
    }
}

/// The path of a Location header, absolute (`http://host/files/1`) or not
/// (`/files/1`).
fn path_of(location: &str) -> &str {
    match location.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |at| &rest[at..]),
        None => location,
    }
}

fn b64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(text)
}

#[cfg(test)]
mod tests {
    use super::path_of;

    #[test]
    fn a_location_gives_its_path_with_or_without_origin() {
        assert_eq!(path_of("http://127.0.0.1:9/files/ab"), "/files/ab");
        assert_eq!(path_of("/api/uploads/cd"), "/api/uploads/cd");
        assert_eq!(path_of("http://127.0.0.1:9"), "/");
    }
}
