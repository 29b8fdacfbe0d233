//! The wire types read by hand in the browser (`web::from_js`) come back equal
//! to what serde wrote: as JSON from the server, and as objects from IndexedDB.
#![cfg(target_arch = "wasm32")]

use recorder_core::model::{
    Accommodations, Branding, Consent, ConsentAnswer, Extension, ExtensionStatus, Help, Interview,
    Prompt, Receipt, RevealedQuestion, SessionView, SubmittedAnswer,
};
use recorder_core::take_store::TakeInfo;
use recorder_core::web::from_js::{from_js, FromJs, ShapeError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// What the widget does with a server answer: `JSON.parse`, then read.
fn through_json<T: serde::Serialize + FromJs>(value: &T) -> Result<T, ShapeError> {
    let text = serde_json::to_string(value).unwrap();
    from_js(&js_sys::JSON::parse(&text).unwrap())
}

fn full_view() -> SessionView {
    let mut interview = Interview::sample();
    interview.presentation.intro_video = Some("https://example.com/hello.mp4".into());
    interview.presentation.deadline = Some(1_800_000_000);
    interview.presentation.locale = Some("es".into());
    interview.presentation.branding = Branding {
        company: "Acme".into(),
        logo_url: Some("https://example.com/logo.png".into()),
        accent: Some("#0a7d53".into()),
    };
    interview.questions[0].prompt = Prompt::Video {
        video_url: "https://example.com/q1.mp4".into(),
        text: "Tell us".into(),
    };
    interview.presentation.consent = Some(Consent {
        text: "We record your answers.\n\nOnly the team sees them.".into(),
        privacy_url: Some("https://example.com/privacy".into()),
    });
    interview.presentation.help = Some(Help {
        email: Some("jobs@example.com".into()),
        url: Some("https://example.com/help".into()),
    });
    interview.presentation.review_by = Some(1_800_600_000);
    let mut view = SessionView::overview(&interview);
    view.consent_answer = Some(ConsentAnswer {
        agreed: true,
        at: 1_763_000_000_002,
        text_sha256: "cd".repeat(32),
    });
    view.accommodations = Some(Accommodations {
        time_percent: 150,
        extra_attempts: 1,
        manual_start: true,
    });
    view.extension = Some(Extension {
        note: "My train was late.\nSorry!".into(),
        requested_at: 1_763_000_000_003,
        status: ExtensionStatus::Granted,
        decided_at: Some(1_763_000_000_004),
    });
    view.questions[0].attempts_used = 2;
    view.questions[0].technical_failures = 1;
    view.questions[0].revealed = true;
    view.questions[1].submitted = true;
    view
}

#[wasm_bindgen_test]
fn every_server_answer_reads_back_equal() {
    let view = full_view();
    assert!(
        view.practice.is_some(),
        "the sample has a practice question"
    );
    assert_eq!(through_json(&view), Ok(view.clone()));

    let bare = SessionView::overview(&Interview {
        practice: None,
        presentation: Default::default(),
        ..Interview::sample()
    });
    assert_eq!(through_json(&bare), Ok(bare.clone()));

    for prompt in [
        Prompt::Text {
            text: "Why us?".into(),
        },
        Prompt::Video {
            video_url: "https://example.com/q.mp4".into(),
            text: "Why us?".into(),
        },
    ] {
        let revealed = RevealedQuestion {
            id: "q1".into(),
            prompt,
            think_seconds: 30,
            answer_seconds: 90,
            attempts_left: 2,
            think_left_ms: 12_345,
        };
        assert_eq!(through_json(&revealed), Ok(revealed.clone()));
    }

    let answer = |duration_ms| SubmittedAnswer {
        question: "q1".into(),
        bytes: 5_000_000_000,
        sha256: "ab".repeat(32),
        duration_ms,
        submitted_at: 1_763_000_000_000,
    };
    let receipt = Receipt {
        title: "Support engineer".into(),
        completed_at: 1_763_000_000_001,
        answers: vec![answer(Some(61_500)), answer(None)],
        review_by: Some(1_800_600_000),
    };
    assert_eq!(through_json(&receipt), Ok(receipt.clone()));
    let without_date = Receipt {
        review_by: None,
        ..receipt
    };
    assert_eq!(through_json(&without_date), Ok(without_date.clone()));
}

#[wasm_bindgen_test]
fn stored_take_descriptions_read_back_equal() {
    for info in [
        TakeInfo::default(),
        TakeInfo {
            question: "q2".into(),
            mime_type: "video/webm;codecs=vp8,opus".into(),
            upload_url: Some("http://127.0.0.1/api/uploads/ab".into()),
            finished: true,
            given_up: true,
            camera_app: true,
        },
    ] {
        let value = serde_wasm_bindgen::to_value(&info).unwrap();
        assert_eq!(from_js::<TakeInfo>(&value), Ok(info));
    }
}

#[wasm_bindgen_test]
fn a_misshapen_answer_names_the_field() {
    let parse = |text: &str| from_js::<RevealedQuestion>(&js_sys::JSON::parse(text).unwrap());
    let fine = r#"{"id": "q1", "prompt": {"text": "Hi"}, "think_seconds": 30,
        "answer_seconds": 90, "attempts_left": 2, "think_left_ms": 100}"#;
    assert!(parse(fine).is_ok());
    let broken = [
        (
            fine.replace(r#""id": "q1""#, r#""id": 7"#),
            "id",
            "a string",
        ),
        (
            fine.replace(r#""think_seconds": 30"#, r#""think_seconds": 1.5"#),
            "think_seconds",
            "a whole number",
        ),
        (
            fine.replace(r#""attempts_left": 2"#, r#""attempts_left": -1"#),
            "attempts_left",
            "a whole number",
        ),
        (
            fine.replace(r#""answer_seconds": 90"#, r#""answer_seconds": 5000000000"#),
            "answer_seconds",
            "a whole number below 2^32",
        ),
        (
            fine.replace(r#""prompt": {"text": "Hi"}"#, r#""prompt": "Hi""#),
            "prompt",
            "an object",
        ),
        (
            fine.replace(r#""prompt": {"text": "Hi"}"#, r#""prompt": {}"#),
            "text",
            "a string",
        ),
        (
            fine.replace(r#", "think_left_ms": 100"#, ""),
            "think_left_ms",
            "a whole number",
        ),
    ];
    for (text, field, expected) in broken {
        assert_eq!(parse(&text), Err(ShapeError { field, expected }), "{text}");
    }
    assert_eq!(
        parse("[1, 2]").unwrap_err().to_string(),
        "`id` is missing or is not a string"
    );
    assert_eq!(
        from_js::<Receipt>(&"text".into()).unwrap_err().to_string(),
        "`value` is missing or is not an object"
    );
}
