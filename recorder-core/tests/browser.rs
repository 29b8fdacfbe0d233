//! The browser edge in a real headless Chromium with fake camera and
//! microphone (`wasm-bindgen-test-runner`, driven by `cargo xtask test`).
#![cfg(target_arch = "wasm32")]

use futures::StreamExt;
use recorder_core::take_store::{TakeInfo, TakeStore};
use recorder_core::uplink::RecordingPlan;
use recorder_core::web::indexed_db_store::IndexedDbTakeStore;
use recorder_core::web::recorder::{blob_bytes, RecorderEvent, Recording};
use recorder_core::web::{clock, level_meter::LevelMeter, media};
use std::time::Duration;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn takes_survive_reopening_the_indexed_db_store() {
    let name = format!("test-{}", js_sys::Math::random());
    let store = IndexedDbTakeStore::open(&name).await.unwrap();
    let info = TakeInfo {
        question: "q1".into(),
        mime_type: "video/webm".into(),
        upload_url: Some("http://127.0.0.1/api/uploads/1".into()),
        finished: false,
        given_up: false,
        camera_app: true,
    };
    store.describe("take-a", &info).await.unwrap();
    store.append("take-a", 1, b" world").await.unwrap();
    store.append("take-a", 0, b"hello").await.unwrap();
    store.append("take-b", 0, b"other").await.unwrap();
    drop(store);

    let reopened = IndexedDbTakeStore::open(&name).await.unwrap();
    let takes = reopened.takes().await.unwrap();
    let a = takes
        .iter()
        .find(|t| t.key == "take-a")
        .expect("take-a kept");
    assert_eq!(a.info, info);
    assert_eq!(a.bytes(), b"hello world", "chunks come back in order");
    reopened.remove("take-a").await.unwrap();
    let left: Vec<_> = reopened
        .takes()
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.key)
        .collect();
    assert!(!left.contains(&"take-a".to_string()));
}

#[wasm_bindgen_test]
async fn the_fake_microphone_is_heard_by_the_level_meter() {
    let stream = media::open(&Default::default()).await.unwrap();
    let mut meter = LevelMeter::new(&stream).unwrap();
    let mut loudest = 0.0f32;
    for _ in 0..30 {
        clock::sleep(Duration::from_millis(100)).await;
        loudest = loudest.max(meter.read().rms);
    }
    media::stop(&stream);
    assert!(
        loudest > recorder_core::level::SOUND_THRESHOLD,
        "loudest rms {loudest}"
    );
}

/// Records `stream` as `plan` says for 1.5 s in 250 ms chunks: its type,
/// bytes and chunk count.
async fn record(stream: &web_sys::MediaStream, plan: &RecordingPlan) -> (String, Vec<u8>, usize) {
    let (recording, mut events) = Recording::start(stream, 250, plan).unwrap();
    let mime_type = recording.mime_type().to_string();
    clock::sleep(Duration::from_millis(1500)).await;
    recording.stop();
    let mut bytes = Vec::new();
    let mut chunks = 0;
    while let Some(event) = events.next().await {
        match event {
            RecorderEvent::Data(blob) => {
                bytes.extend(blob_bytes(&blob).await.unwrap());
                chunks += 1;
            }
            RecorderEvent::Error(message) => panic!("recorder error: {message}"),
            RecorderEvent::Stopped => break,
        }
    }
    (mime_type, bytes, chunks)
}

#[wasm_bindgen_test]
async fn recording_yields_webm_chunks_in_order_then_stops() {
    let stream = media::open(&Default::default()).await.unwrap();
    let plan = RecordingPlan::choose(Some(500_000), Default::default(), false);
    // The picture the plan asks for, as between takes.
    media::fit_height(&stream, plan.video.unwrap().height).await;
    let (mime_type, bytes, chunks) = record(&stream, &plan).await;
    media::stop(&stream);
    assert!(mime_type.starts_with("video/webm"), "{mime_type}");
    assert!(chunks >= 3, "{chunks} chunks");
    assert_eq!(
        &bytes[..4],
        &[0x1a, 0x45, 0xdf, 0xa3],
        "starts with the EBML magic of WebM"
    );
}

#[wasm_bindgen_test]
async fn a_sound_only_plan_records_the_microphone_alone_and_the_camera_goes_on() {
    let stream = media::open(&Default::default()).await.unwrap();
    let quality = recorder_core::model::Quality {
        audio_only: true,
        floor_kbps: 600,
        ..Default::default()
    };
    let plan = RecordingPlan::choose(Some(300_000), quality, true);
    let (mime_type, bytes, chunks) = record(&stream, &plan).await;
    assert!(mime_type.starts_with("audio/webm"), "{mime_type}");
    assert!(chunks >= 3 && bytes.starts_with(&[0x1a, 0x45, 0xdf, 0xa3]));
    let camera = stream.get_video_tracks().get(0);
    let state = js_sys::Reflect::get(&camera, &"readyState".into()).unwrap();
    assert_eq!(state.as_string().as_deref(), Some("live"));
    media::stop(&stream);
}
