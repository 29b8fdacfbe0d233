use super::*;
use crate::http::{HttpResponse, Method};
use crate::model::Quality;
use crate::upload::UploadConfig;

const SECOND: Duration = Duration::from_secs(1);

#[test]
fn the_estimate_follows_the_latest_requests() {
    let mut uplink = Uplink::default();
    uplink.record(250_000, SECOND); // 2 Mbit/s
    for _ in 0..SAMPLES {
        uplink.record(50_000, SECOND); // 400 kbit/s
    }
    assert_eq!(uplink.bits_per_second(), Some(400_000));
}

#[test]
fn a_take_whose_backlog_grew_lowers_the_next_takes_bitrate() {
    let quality = Quality::default();
    let mut uplink = Uplink::default();
    // The probe saw a fast link: the first take is recorded at 1.27 Mbit/s.
    uplink.record(PROBE_BYTES as u64, Duration::from_millis(1000));
    let first = RecordingPlan::choose(uplink.bits_per_second(), quality, false);
    assert!(first.total_bits_per_second() > 1_200_000, "{first:?}");
    // Then the link slowed: each second's chunk (160 KB) took 3 s to send,
    // so the take's backlog grew all along.
    for _ in 0..10 {
        uplink.record(160_000, 3 * SECOND);
    }
    let next = RecordingPlan::choose(uplink.bits_per_second(), quality, false);
    let link = 160_000 * 8 / 3;
    assert!(next.total_bits_per_second() <= link * 2 / 3, "{next:?}");
    assert!(next.fits);
}

#[test]
fn a_500_kbit_link_records_below_two_thirds_of_it_and_finishes_within_a_second() {
    let plan = RecordingPlan::choose(Some(500_000), Quality::default(), false);
    let video = plan.video.unwrap();
    assert!(plan.total_bits_per_second() <= 333_333, "{plan:?}");
    assert_eq!((video.height, plan.audio_bits_per_second), (360, 32_000));
    assert!(plan.fits && !plan.audio_only_offered);
    assert!(plan.wait_after_stop(500_000, 60 * SECOND) < SECOND);
}

#[test]
fn below_the_floor_the_wait_grows_with_the_answer_and_sound_only_is_offered_if_allowed() {
    let strict = Quality {
        floor_kbps: 600,
        ..Quality::default()
    };
    let plan = RecordingPlan::choose(Some(500_000), strict, false);
    assert_eq!(plan.video.unwrap().bits_per_second, 600_000);
    assert!(!plan.fits && !plan.audio_only_offered);
    // 632 kbit/s on a 500 kbit/s link: 60 s leave about 16 s of backlog,
    // and the last chunk.
    let wait = plan.wait_after_stop(500_000, 60 * SECOND);
    assert!(wait > 16 * SECOND && wait < 18 * SECOND, "{wait:?}");
    // Chosen without the interview's leave, sound only is not taken.
    assert!(RecordingPlan::choose(Some(500_000), strict, true)
        .video
        .is_some());

    let lenient = Quality {
        audio_only: true,
        ..strict
    };
    assert!(RecordingPlan::choose(Some(500_000), lenient, false).audio_only_offered);
    let sound = RecordingPlan::choose(Some(500_000), lenient, true);
    assert_eq!((sound.video, sound.audio_bits_per_second), (None, 32_000));
    assert!(sound.fits && sound.audio_only_offered);
}

#[test]
fn the_picture_is_smaller_at_lower_bitrates_and_the_ceiling_holds() {
    let height = |uplink| {
        RecordingPlan::choose(Some(uplink), Quality::default(), false)
            .video
            .unwrap()
            .height
    };
    assert_eq!(
        (height(600_000), height(1_200_000), height(3_000_000)),
        (360, 480, 720)
    );
    let capped = Quality {
        ceiling_kbps: 800,
        ..Quality::default()
    };
    let plan = RecordingPlan::choose(Some(100_000_000), capped, false);
    assert_eq!(plan.video.unwrap().bits_per_second, 800_000);
}

fn probe_config() -> UploadConfig {
    UploadConfig::new("https://e.com/uploads").with_header("Authorization", "Bearer t")
}

#[test]
fn a_probe_sends_its_bytes_with_the_creation_when_the_server_allows_and_deletes_them() {
    let mut probe = Probe::new(probe_config()).unwrap();
    let options = probe.poll_request(Duration::ZERO).unwrap();
    assert_eq!(options.method, Method::Options);
    probe.handle_response(
        Duration::ZERO,
        HttpResponse::new(204)
            .with_header("Tus-Version", "1.0.0")
            .with_header("Tus-Extension", "creation,creation-with-upload,termination"),
    );
    let post = probe.poll_request(SECOND).unwrap();
    assert_eq!((post.method, post.body.len()), (Method::Post, PROBE_BYTES));
    assert!(post.headers.iter().any(|(n, v)| n == "Upload-Metadata"
        && v.contains(&crate::upload::encode_metadata(&[(
            "purpose".into(),
            PROBE_PURPOSE.into()
        )]))));
    assert!(post
        .headers
        .contains(&("Upload-Length".into(), PROBE_BYTES.to_string())));
    assert_eq!(probe.poll_request(SECOND), None, "one request at a time");
    probe.handle_response(
        5 * SECOND,
        HttpResponse::new(201)
            .with_header("Location", "https://e.com/uploads/p1")
            .with_header("Upload-Offset", PROBE_BYTES.to_string()),
    );
    let bits = probe.outcome().unwrap().unwrap();
    assert_eq!(bits, PROBE_BYTES as u64 * 8 / 4);
    let delete = probe.poll_request(5 * SECOND).unwrap();
    assert_eq!(
        (delete.method, delete.url.as_str()),
        (Method::Delete, "https://e.com/uploads/p1")
    );
    assert!(delete
        .headers
        .contains(&("Authorization".into(), "Bearer t".into())));
    probe.handle_failure(6 * SECOND);
    assert_eq!(
        probe.poll_request(60 * SECOND),
        None,
        "a stray probe is left to expire"
    );
}

#[test]
fn a_probe_without_an_answer_measures_nothing_and_stops() {
    let mut probe = Probe::new(probe_config()).unwrap();
    probe.poll_request(Duration::ZERO).unwrap();
    probe.handle_failure(Duration::ZERO); // no OPTIONS: plain tus
    let post = probe.poll_request(Duration::ZERO).unwrap();
    assert!(post.body.is_empty(), "plain tus creates first");
    probe.handle_failure(SECOND);
    assert_eq!(probe.outcome(), Some(Err(ProbeError::NoAnswer)));
    assert_eq!(probe.poll_request(60 * SECOND), None);
}

/// A probe (plain tus, no discovery) whose scratch upload the server made at `location`.
fn created(location: &str) -> Probe {
    let mut config = probe_config();
    config.discover = false;
    let mut probe = Probe::new(config).unwrap();
    probe.poll_request(Duration::ZERO).unwrap();
    probe.handle_response(
        SECOND,
        HttpResponse::new(201).with_header("Location", location),
    );
    probe
}

#[test]
fn a_probe_abandoned_while_it_sends_its_bytes_gives_the_delete_of_its_upload() {
    let mut probe = created("https://e.com/uploads/p2");
    let patch = probe.poll_request(SECOND).unwrap();
    assert_eq!(patch.method, Method::Patch);
    let delete = probe.abandon(2 * SECOND).unwrap();
    assert_eq!(
        (delete.method, delete.url.as_str()),
        (Method::Delete, "https://e.com/uploads/p2")
    );
    assert!(delete
        .headers
        .contains(&("Authorization".into(), "Bearer t".into())));
    assert_eq!(probe.poll_request(60 * SECOND), None, "nothing after");
    assert_eq!(probe.abandon(60 * SECOND), None, "abandoned once");
}

#[test]
fn a_probe_abandoned_while_its_delete_is_in_flight_sends_the_delete_again() {
    let mut probe = created("https://e.com/uploads/p3");
    let patch = probe.poll_request(SECOND).unwrap();
    probe.handle_response(
        2 * SECOND,
        HttpResponse::new(204).with_header("Upload-Offset", patch.body.len().to_string()),
    );
    let in_flight = probe.poll_request(2 * SECOND).unwrap();
    assert_eq!(in_flight.method, Method::Delete);
    let again = probe
        .abandon(2 * SECOND)
        .expect("the aborted DELETE is sent again");
    assert_eq!(
        (again.method, again.url.as_str()),
        (Method::Delete, "https://e.com/uploads/p3")
    );
    assert_eq!(probe.poll_request(60 * SECOND), None, "nothing after");
}
