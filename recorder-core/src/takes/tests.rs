//! The coordinator against the fake tus server and a device in memory: each
//! take rule, then random interleavings of what a candidate, a device and a
//! network do.

use super::bookkeeping::take_tag;
use super::*;
use crate::fake_tus::{fault, path, Exchange, FakeServer, Fault};
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::take_store::TakeInfo;
use crate::upload::encode_metadata;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// A device's take store: each take's description and chunks by index.
type Device = BTreeMap<String, (TakeInfo, BTreeMap<u32, Vec<u8>>)>;

/// The coordinator, a tus server, a device and the network between them.
struct World {
    takes: Takes,
    server: FakeServer,
    device: Device,
    now: Duration,
    /// Whether the device stores a chunk as soon as it is asked to.
    stores_at_once: bool,
    /// Chunks the device was asked to store and has not yet.
    storing: VecDeque<(TakeId, String, u32, Vec<u8>)>,
    in_flight: Vec<Outgoing>,
    events: Vec<TakeEvent>,
    /// Each take's key, by handle (handles start over after a restart).
    keys: BTreeMap<TakeId, String>,
    /// Keys the device was told to forget.
    forgotten: BTreeSet<String>,
    /// Every request sent, with its take's key.
    sent: Vec<(String, HttpRequest)>,
    /// Uploads whose creation answer reached the coordinator.
    told: BTreeSet<String>,
}

fn config() -> UploadConfig {
    let mut config = UploadConfig::new("http://127.0.0.1:1080/files");
    config.max_patch_bytes = 3000;
    config
}

impl World {
    fn new(server: FakeServer) -> World {
        World {
            takes: Takes::new(config()).unwrap(),
            server,
            device: Device::new(),
            now: Duration::ZERO,
            stores_at_once: true,
            storing: VecDeque::new(),
            in_flight: Vec::new(),
            events: Vec::new(),
            keys: BTreeMap::new(),
            forgotten: BTreeSet::new(),
            sent: Vec::new(),
            told: BTreeSet::new(),
        }
    }

    fn start(&mut self, question: &str, key: &str) -> TakeId {
        let take = self.takes.start(NewTake::new(question, "video/webm", key));
        self.keys.insert(take, key.to_string());
        self.step();
        take
    }

    fn chunk(&mut self, take: TakeId, bytes: &[u8]) {
        self.takes.handle_chunk(take, bytes.to_vec());
        self.step();
    }

    /// A take recorded from start to stop.
    fn record(&mut self, question: &str, key: &str, chunks: &[&[u8]]) -> TakeId {
        let take = self.start(question, key);
        for chunk in chunks {
            self.chunk(take, chunk);
        }
        self.takes.handle_stopped(take);
        self.step();
        take
    }

    /// Does what the coordinator asks of the device, collects its news, and
    /// puts every due request on the wire.
    fn step(&mut self) {
        loop {
            let mut busy = false;
            while let Some(action) = self.takes.poll_action() {
                busy = true;
                match action {
                    TakeAction::Store {
                        take,
                        key,
                        index,
                        bytes,
                    } => self.storing.push_back((take, key, index, bytes)),
                    TakeAction::Describe { key, info } => {
                        // Known again (a take given up after it was complete).
                        self.forgotten.remove(&key);
                        self.device.entry(key).or_default().0 = info;
                    }
                    TakeAction::Forget { key } => {
                        self.device.remove(&key);
                        self.forgotten.insert(key);
                    }
                    TakeAction::Abort(take) => self.in_flight.retain(|out| out.take != take),
                }
            }
            if self.stores_at_once && !self.storing.is_empty() {
                busy = true;
                self.store_all();
            }
            self.events
                .extend(std::iter::from_fn(|| self.takes.poll_event()));
            while let Some(out) = self.takes.poll_request(self.now) {
                busy = true;
                let key = self.keys[&out.take].clone();
                assert!(
                    !self.forgotten.contains(&key),
                    "{:?} sent for take {key} after it was forgotten",
                    out.request.method
                );
                self.sent.push((key, out.request.clone()));
                self.in_flight.push(out);
            }
            if !busy {
                return;
            }
        }
    }

    fn store_all(&mut self) {
        while let Some((take, key, index, bytes)) = self.storing.pop_front() {
            if let Some((_, chunks)) = self.device.get_mut(&key) {
                chunks.insert(index, bytes);
            }
            self.takes.handle_stored(take, index);
        }
    }

    /// Delivers request `index` (modulo those in flight) through `fault`.
    fn deliver(&mut self, index: usize, fault: Fault) {
        if self.in_flight.is_empty() {
            return;
        }
        let out = self.in_flight.remove(index % self.in_flight.len());
        // A 409 to a DELETE is the server's refusal (the take was submitted),
        // not a network fault: a proxy's failure there is a 5xx.
        let fault = match (out.request.method, fault) {
            (Method::Delete, Fault::Conflict) => Fault::ServerError,
            (_, fault) => fault,
        };
        match self.server.exchange(&out.request, fault) {
            Exchange::Answered(response) => {
                if let (Method::Post, Some(location)) =
                    (out.request.method, response.header("Location"))
                {
                    self.told.insert(location.to_string());
                }
                self.takes.handle_response(out.take, self.now, response);
            }
            Exchange::NoAnswer => self.takes.handle_failure(out.take, self.now),
        }
        self.step();
    }

    /// Delivers every request (the network is fine, the device stores) until
    /// nothing is left to do.
    fn settle(&mut self) {
        self.takes.handle_online();
        for _ in 0..10_000 {
            self.store_all();
            self.step();
            if !self.in_flight.is_empty() {
                self.deliver(0, Fault::None);
            } else if let Some(at) = self.takes.poll_timeout() {
                self.now = self.now.max(at);
                self.step();
            } else if self.storing.is_empty() {
                return;
            }
        }
        panic!("never settled");
    }

    /// The page closes and opens again: what was in flight or not yet
    /// stored is gone; the takes on the device are found again.
    fn restart(&mut self, submitted: &BTreeSet<String>) -> Vec<TakeId> {
        self.in_flight.clear();
        self.storing.clear();
        self.takes = Takes::new(config()).unwrap();
        self.keys.clear();
        let stored: Vec<StoredTake> = self
            .device
            .iter()
            .map(|(key, (info, chunks))| StoredTake {
                key: key.clone(),
                info: info.clone(),
                chunks: chunks.values().cloned().collect(),
            })
            .collect();
        let mut shown = Vec::new();
        for take in stored {
            let key = take.key.clone();
            let done = submitted.contains(&take.info.question);
            let id = TakeId(self.takes.next_id);
            self.keys.insert(id, key);
            shown.extend(self.takes.handle_found(take, done));
        }
        self.step();
        shown
    }

    fn submit(&mut self, question: &str) -> Result<(), TakeError> {
        let result = self.takes.submit(question);
        self.step();
        result
    }

    /// The receipts of the takes the coordinator said to submit.
    fn submissions(&self) -> Vec<TakeReceipt> {
        self.events
            .iter()
            .filter_map(|event| match event {
                TakeEvent::Submit { receipt, .. } => Some(receipt.clone()),
                _ => None,
            })
            .collect()
    }

    /// The bytes on the server at `url`.
    fn stored_at(&self, url: &str) -> Option<&Vec<u8>> {
        self.server.uploads.get(path(url)).map(|(data, _)| data)
    }

    /// The uploads the server created for the take stored as `key`.
    fn uploads_of(&self, key: &str) -> Vec<String> {
        let tag = encode_metadata(&[("take".to_string(), take_tag(key))]);
        let mut ids: Vec<String> = self
            .server
            .metadata
            .iter()
            .filter(|(_, metadata)| metadata.split(',').any(|pair| pair == tag))
            .map(|(id, _)| id.clone())
            .collect();
        ids.sort();
        ids
    }
}

fn metadata_pair(key: &str, value: &str) -> String {
    encode_metadata(&[(key.to_string(), value.to_string())])
}

#[test]
fn a_take_is_submitted_with_every_recorded_byte() {
    let mut world = World::new(FakeServer::with("creation-with-upload,checksum", "sha256"));
    world.record("q1", "k1", &[b"first ", &[7; 5000], b" last"]);
    world.submit("q1").unwrap();
    world.settle();
    let receipts = world.submissions();
    assert_eq!(receipts.len(), 1);
    let expected: Vec<u8> = [&b"first "[..], &[7; 5000], b" last"].concat();
    assert_eq!(world.stored_at(&receipts[0].url), Some(&expected));
    assert_eq!(receipts[0].bytes, expected.len() as u64);
    assert!(
        world.forgotten.contains("k1"),
        "the device lets go once the server has it"
    );
}

#[test]
fn a_chunk_goes_up_only_once_the_device_has_it() {
    let mut world = World::new(FakeServer::default());
    world.stores_at_once = false;
    let take = world.start("q1", "k1");
    world.chunk(take, b"not stored yet");
    world.settle_network_only();
    assert!(
        world.sent.iter().all(|(_, r)| r.body.is_empty()),
        "no bytes before the device stored them"
    );
    world.store_all();
    world.step();
    world.settle_network_only();
    assert_eq!(world.server.only().0, b"not stored yet");
}

impl World {
    /// Delivers what is in flight without letting the device store anything.
    fn settle_network_only(&mut self) {
        while !self.in_flight.is_empty() {
            self.deliver(0, Fault::None);
        }
    }
}

#[test]
fn submit_waits_for_the_last_byte_then_is_told_once() {
    let mut world = World::new(FakeServer::default());
    world.record("q1", "k1", &[b"answer"]);
    world.submit("q1").unwrap();
    assert!(world.submissions().is_empty(), "nothing acknowledged yet");
    world.settle();
    assert_eq!(world.submissions().len(), 1);
    world.submit("q1").unwrap();
    assert_eq!(
        world.submissions().len(),
        2,
        "asked again (the API call failed): told again"
    );
}

#[test]
fn retake_after_upload_deletes_the_first_take() {
    let mut world = World::new(FakeServer::default());
    let first = world.record("q1", "k1", &[b"first"]);
    world.settle();
    let first_url = world.told.iter().next().unwrap().clone();
    world.takes.give_up(world.now, first);
    world.record("q1", "k2", &[b"second"]);
    world.submit("q1").unwrap();
    world.settle();
    assert_eq!(world.server.deleted, vec![first_url]);
    let receipts = world.submissions();
    assert_eq!(receipts.len(), 1);
    assert_eq!(world.stored_at(&receipts[0].url).unwrap(), b"second");
    assert!(!world.device.contains_key("k1"));
}

#[test]
fn retake_while_uploading_aborts_the_body_and_deletes() {
    let mut world = World::new(FakeServer::default());
    let first = world.start("q1", "k1");
    world.deliver(0, Fault::None); // OPTIONS
    world.deliver(0, Fault::None); // POST
    world.chunk(first, &[1; 2000]);
    assert_eq!(world.in_flight[0].request.method, Method::Patch);
    world.takes.give_up(world.now, first);
    world.step();
    assert!(
        world
            .in_flight
            .iter()
            .all(|out| out.request.method != Method::Patch),
        "the PATCH in flight is aborted"
    );
    world.record("q1", "k2", &[b"second"]);
    world.submit("q1").unwrap();
    world.settle();
    assert_eq!(world.server.deleted, world.uploads_of("k1"));
    assert_eq!(world.submissions().len(), 1);
}

#[test]
fn retake_offline_deletes_once_the_network_is_back() {
    let mut world = World::new(FakeServer::default());
    let first = world.start("q1", "k1");
    world.deliver(0, Fault::None); // OPTIONS
    world.deliver(0, Fault::None); // POST
    world.chunk(first, b"first");
    world.takes.handle_stopped(first);
    for _ in 0..3 {
        world.deliver(0, Fault::RequestLost);
        world.now = world.takes.poll_timeout().unwrap();
        world.step();
    }
    world.takes.give_up(world.now, first);
    world.step();
    world.record("q1", "k2", &[b"second"]);
    world.submit("q1").unwrap();
    world.settle();
    assert_eq!(world.uploads_of("k1").len(), 1);
    assert_eq!(world.server.deleted, world.uploads_of("k1"));
    let receipts = world.submissions();
    assert_eq!(world.stored_at(&receipts[0].url).unwrap(), b"second");
}

#[test]
fn a_failed_take_keeps_uploading_and_the_next_one_replaces_it() {
    let mut world = World::new(FakeServer::default());
    let failed = world.start("q1", "k1");
    world.settle();
    world.chunk(failed, b"half an answer");
    world.takes.set_aside(failed);
    world.step();
    world.record("q1", "k2", &[b"whole answer"]);
    world.settle();
    let failed_url = world.uploads_of("k1").pop().unwrap();
    assert_eq!(world.stored_at(&failed_url).unwrap(), b"half an answer");
    let second = world.uploads_of("k2").pop().unwrap();
    let replaces = metadata_pair("replaces", &format!("http://127.0.0.1:1080{failed_url}"));
    assert!(world.server.metadata[&second].contains(&replaces));
}

#[test]
fn the_replacement_waits_for_the_failed_takes_url() {
    let mut world = World::new(FakeServer::default());
    let failed = world.start("q1", "k1");
    world.deliver(0, Fault::None); // OPTIONS
    world.chunk(failed, b"half");
    world.takes.set_aside(failed);
    world.deliver(0, Fault::RequestLost); // its creation: the network is down
    world.record("q1", "k2", &[b"whole"]);
    assert!(
        world.sent.iter().all(|(key, _)| key == "k1"),
        "the replacement is not created before it knows what it replaces"
    );
    world.settle();
    let failed_url = world.uploads_of("k1").pop().unwrap();
    let second = world.uploads_of("k2").pop().unwrap();
    let replaces = metadata_pair("replaces", &format!("http://127.0.0.1:1080{failed_url}"));
    assert!(world.server.metadata[&second].contains(&replaces));
}

#[test]
fn a_stored_take_is_resumed_once_and_sends_only_what_the_server_lacks() {
    let mut world = World::new(FakeServer::default());
    let take = world.start("q1", "k1");
    world.settle();
    world.chunk(take, &[3; 4000]);
    world.deliver(0, Fault::CutMidBody(500));
    let shown = world.restart(&BTreeSet::new());
    assert_eq!(shown.len(), 1);
    let again = StoredTake {
        key: "k1".into(),
        info: world.device["k1"].0.clone(),
        chunks: world.device["k1"].1.values().cloned().collect(),
    };
    assert_eq!(world.takes.handle_found(again, false), None, "met before");
    world.submit("q1").unwrap();
    world.settle();
    assert_eq!(world.uploads_of("k1").len(), 1, "the same upload, resumed");
    let receipts = world.submissions();
    assert_eq!(world.stored_at(&receipts[0].url).unwrap(), &vec![3; 4000]);
    let patched: usize = world
        .sent
        .iter()
        .filter(|(_, r)| r.method == Method::Patch)
        .map(|(_, r)| r.body.len())
        .sum();
    assert_eq!(
        patched,
        3000 + 2500,
        "a cut PATCH, then from the server's offset on"
    );
}

#[test]
fn a_take_of_a_submitted_question_is_forgotten_not_resumed() {
    let mut world = World::new(FakeServer::default());
    world.record("q1", "k1", &[b"kept"]);
    let shown = world.restart(&BTreeSet::from(["q1".to_string()]));
    assert!(shown.is_empty());
    assert!(world.device.is_empty());
    assert!(world.sent.iter().all(|(_, r)| r.method != Method::Post));
}

#[test]
fn a_take_given_up_before_its_deletion_finished_is_deleted_on_the_next_visit() {
    let mut world = World::new(FakeServer::default());
    let take = world.record("q1", "k1", &[b"unwanted"]);
    world.settle();
    world.takes.give_up(world.now, take);
    world.step(); // the DELETE is in flight when the page closes
    assert!(world.device["k1"].0.given_up);
    let shown = world.restart(&BTreeSet::new());
    assert!(shown.is_empty(), "never shown again");
    world.settle();
    assert_eq!(world.server.deleted, world.uploads_of("k1"));
    assert!(world.device.is_empty());
}

#[test]
fn a_creation_sent_twice_names_the_same_take_even_after_a_reload() {
    let mut world = World::new(FakeServer::default());
    let take = world.start("q1", "k1");
    world.deliver(0, Fault::None); // OPTIONS
    world.deliver(0, Fault::ResponseLost); // created, but the answer is lost
    world.chunk(take, b"answer");
    world.restart(&BTreeSet::new());
    world.submit("q1").unwrap();
    world.settle();
    assert_eq!(world.server.created, 2);
    assert_eq!(
        world.uploads_of("k1").len(),
        2,
        "both name the take: one attempt"
    );
    assert_eq!(world.submissions().len(), 1);
}

/// What the candidate, the device or the network does next.
#[derive(Clone, Debug)]
enum Op {
    /// Record a take of question 0 or 1 (giving the shown one up first).
    Record(u8),
    Chunk(u16, u8),
    Stop,
    Retake,
    Fail,
    Submit,
    Store,
    Deliver(u8, Fault),
    Online,
    Wait(u16),
    Restart,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        2 => (0..2u8).prop_map(Op::Record),
        4 => (0..4000u16, any::<u8>()).prop_map(|(len, seed)| Op::Chunk(len, seed)),
        2 => Just(Op::Stop),
        1 => Just(Op::Retake),
        1 => Just(Op::Fail),
        2 => Just(Op::Submit),
        3 => Just(Op::Store),
        8 => (any::<u8>(), fault()).prop_map(|(i, f)| Op::Deliver(i, f)),
        1 => Just(Op::Online),
        1 => (0..5000u16).prop_map(Op::Wait),
        1 => Just(Op::Restart),
    ]
}

/// What the candidate did, to check the outcome against.
#[derive(Default)]
struct Candidate {
    next_key: u32,
    recording: Option<TakeId>,
    /// What each take was given, by key.
    recorded: BTreeMap<String, Vec<u8>>,
    given_up: BTreeSet<String>,
    /// Forgotten when found after a reload because its question was done.
    dropped: BTreeSet<String>,
    submitted: BTreeSet<String>,
    handled_events: usize,
}

impl Candidate {
    fn play(&mut self, world: &mut World, op: Op) {
        let now = world.now;
        match op {
            Op::Record(question) => {
                let question = format!("q{question}");
                if self.recording.is_some() || self.submitted.contains(&question) {
                    return;
                }
                if let Some(shown) = world.takes.shown() {
                    world.takes.give_up(now, shown);
                    self.given_up.insert(world.keys[&shown].clone());
                }
                self.next_key += 1;
                let key = format!("k{}", self.next_key);
                self.recorded.insert(key.clone(), Vec::new());
                self.recording = Some(world.start(&question, &key));
            }
            Op::Chunk(len, seed) => {
                if let Some(take) = self.recording {
                    let chunk: Vec<u8> = (0..len).map(|i| (i as u8) ^ seed).collect();
                    self.recorded
                        .get_mut(&world.keys[&take])
                        .unwrap()
                        .extend(&chunk);
                    world.chunk(take, &chunk);
                }
            }
            Op::Stop => {
                if let Some(take) = self.recording.take() {
                    world.takes.handle_stopped(take);
                }
            }
            Op::Retake => {
                if let Some(shown) = world.takes.shown().filter(|s| Some(*s) != self.recording) {
                    world.takes.give_up(now, shown);
                    self.given_up.insert(world.keys[&shown].clone());
                }
            }
            Op::Fail => {
                if let Some(take) = self.recording.take() {
                    world.takes.set_aside(take);
                }
            }
            Op::Submit => {
                if let Some(shown) = world.takes.shown().filter(|s| Some(*s) != self.recording) {
                    let question = world.takes.entries.get(&shown).unwrap().question.clone();
                    let _ = world.takes.submit(&question);
                }
            }
            Op::Store => {
                if let Some((take, key, index, bytes)) = world.storing.pop_front() {
                    if let Some((_, chunks)) = world.device.get_mut(&key) {
                        chunks.insert(index, bytes);
                    }
                    world.takes.handle_stored(take, index);
                }
            }
            Op::Deliver(index, fault) => world.deliver(usize::from(index), fault),
            Op::Online => world.takes.handle_online(),
            Op::Wait(ms) => world.now += Duration::from_millis(u64::from(ms)),
            Op::Restart => self.restart(world),
        }
        world.step();
        self.answer_events(world);
    }

    /// Submits what the coordinator says to, as the widget does: the take
    /// named must be whole on the server and never one given up.
    fn answer_events(&mut self, world: &mut World) {
        while self.handled_events < world.events.len() {
            let event = world.events[self.handled_events].clone();
            self.handled_events += 1;
            if let TakeEvent::Submit {
                take,
                question,
                receipt,
            } = event
            {
                let key = world.keys[&take].clone();
                assert!(!self.given_up.contains(&key), "{key} was given up");
                assert!(self.submitted.insert(question), "one answer per question");
                let recorded = &self.recorded[&key];
                assert_eq!(world.stored_at(&receipt.url), Some(recorded));
                assert_eq!(receipt.bytes, recorded.len() as u64);
                world.takes.handle_submitted(take);
                world.step();
            }
        }
    }

    fn restart(&mut self, world: &mut World) {
        self.recording = None;
        // What the device had not stored yet is gone with the page.
        for (key, recorded) in &mut self.recorded {
            if let Some((_, chunks)) = world.device.get(key) {
                *recorded = chunks.values().flatten().copied().collect();
            }
        }
        let on_device: Vec<(String, String)> = world
            .device
            .iter()
            .map(|(key, (info, _))| (key.clone(), info.question.clone()))
            .collect();
        world.restart(&self.submitted);
        for (key, question) in on_device {
            if self.submitted.contains(&question) && !self.given_up.contains(&key) {
                self.dropped.insert(key);
            }
        }
        world.events.clear();
        self.handled_events = 0;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Random interleavings of takes, chunks, stops, retakes, failures,
    /// submits, storage, faults, offline periods and reloads.
    #[test]
    fn takes_keep_their_rules_whatever_happens(
        variant in 0..2usize,
        ops in prop::collection::vec(op(), 0..120),
    ) {
        let extensions = ["", "creation-with-upload,checksum"][variant];
        let mut world = World::new(FakeServer::with(extensions, "sha1"));
        world.stores_at_once = false;
        let mut candidate = Candidate::default();
        for op in ops {
            candidate.play(&mut world, op);
        }
        candidate.play(&mut world, Op::Stop);
        world.settle();
        candidate.answer_events(&mut world);
        // Nothing lost: every take not given up is whole on the server.
        for (key, recorded) in &candidate.recorded {
            if candidate.given_up.contains(key) || candidate.dropped.contains(key) {
                continue;
            }
            let whole = world
                .uploads_of(key)
                .iter()
                .any(|id| world.server.uploads.get(id) == Some(&(recorded.clone(), Some(recorded.len() as u64))));
            prop_assert!(whole, "take {} is not whole on the server", key);
        }
        // Given up: every upload the coordinator learnt of is deleted.
        for key in &candidate.given_up {
            for id in world.uploads_of(key) {
                let known = world.told.iter().any(|url| path(url) == id);
                prop_assert!(!known || !world.server.uploads.contains_key(&id), "{} kept {}", key, id);
            }
        }
        // Every creation names its take: a server charges each take once.
        let named: usize = candidate.recorded.keys().map(|key| world.uploads_of(key).len()).sum();
        prop_assert_eq!(named, world.server.created);
    }
}

#[test]
fn the_takes_requests_measure_the_uplink() {
    let mut config = UploadConfig::new("https://e.com/uploads");
    config.discover = false;
    let mut takes = Takes::new(config).unwrap();
    let take = takes.start(NewTake::new("q1", "video/webm", "k1"));
    takes.handle_chunk(take, vec![5; 50_000]);
    takes.handle_stored(take, 0);
    let post = takes.poll_request(Duration::ZERO).unwrap();
    assert!(post.request.body.is_empty(), "plain tus creates first");
    let created = HttpResponse::new(201).with_header("Location", "https://e.com/uploads/1");
    takes.handle_response(take, Duration::from_millis(100), created);
    assert_eq!(
        takes.uplink().bits_per_second(),
        None,
        "no body, no measure"
    );
    let patch = takes.poll_request(Duration::from_secs(1)).unwrap();
    assert_eq!(patch.request.body.len(), 50_000);
    let answered = HttpResponse::new(204).with_header("Upload-Offset", "50000");
    takes.handle_response(take, Duration::from_secs(2), answered);
    assert_eq!(takes.uplink().bits_per_second(), Some(400_000));
}

#[test]
fn a_camera_app_take_says_so_to_the_server_also_when_created_after_a_reload() {
    let mut world = World::new(FakeServer::default());
    let take = world
        .takes
        .start(NewTake::new("q1", "video/mp4", "k1").by_camera_app());
    world.keys.insert(take, "k1".into());
    world.takes.handle_chunk(take, vec![5; 4000]);
    world.takes.handle_stopped(take);
    world.step();
    assert!(world.device["k1"].0.camera_app, "kept with the take");
    // The page closes before the server answered the creation.
    world.restart(&BTreeSet::new());
    world.submit("q1").unwrap();
    world.settle();
    let source = metadata_pair("source", crate::camera_app::SOURCE);
    let uploads = world.uploads_of("k1");
    assert!(!uploads.is_empty());
    assert!(uploads.iter().all(|id| world.server.metadata[id]
        .split(',')
        .any(|pair| pair == source)));
    let receipts = world.submissions();
    assert_eq!(world.stored_at(&receipts[0].url).unwrap(), &vec![5; 4000]);
}
