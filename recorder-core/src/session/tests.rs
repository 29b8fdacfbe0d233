//! The session's rules, screen by screen.

use super::*;
use crate::model::{Interview, Prompt, SessionView};

const MS: Duration = Duration::from_millis(1);

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

/// A reading of a steady tone at `rms`.
fn level(rms: f32) -> Event {
    Event::Level(crate::level::Level::from_samples(&[rms, -rms]))
}

fn session() -> Session {
    Session::new(SessionView::overview(&Interview::sample()))
}

/// Overview → device check with the microphone heard, at time 0..1 s.
fn checked() -> Session {
    checked_from(SessionView::overview(&Interview::sample()))
}

/// [`checked`] for a session starting from `view`.
fn checked_from(view: SessionView) -> Session {
    let mut s = Session::new(view);
    s.handle_event(secs(0), Event::Start).unwrap();
    s.handle_event(secs(0), Event::DevicesOpened).unwrap();
    for t in 0..5 {
        s.handle_event(100 * MS * t, level(0.1)).unwrap();
    }
    s.handle_event(secs(1), Event::ContinueFromDeviceCheck)
        .unwrap();
    s
}

fn phase(s: &Session) -> Phase {
    match s.stage() {
        Stage::TestVideo(flow) | Stage::Question(flow) => flow.phase.clone(),
        other => panic!("no flow on {other:?}"),
    }
}

/// Reveals `id` at `t` with its whole think time, then records and stops.
fn answer(s: &mut Session, id: &str, t: Duration) -> Duration {
    assert_eq!(
        s.handle_event(t, Event::ViewQuestion(id.into())).unwrap(),
        vec![Action::Reveal(id.into())]
    );
    s.handle_event(
        t,
        Event::Revealed {
            question: id.into(),
            prompt: Prompt::Text { text: "?".into() },
            think_left: secs(30),
        },
    )
    .unwrap();
    assert_eq!(
        s.handle_event(t, Event::Record).unwrap(),
        vec![Action::StartRecording(Purpose::Answer(id.into()))]
    );
    s.handle_event(t, Event::RecordingStarted).unwrap();
    s.handle_event(t + secs(5), Event::Stop).unwrap();
    s.handle_event(t + secs(5), Event::RecordingStopped)
        .unwrap();
    assert_eq!(
        phase(s),
        Phase::Review {
            mostly_silent: false
        }
    );
    t + secs(5)
}

#[test]
fn the_whole_interview_from_overview_to_done() {
    let mut s = checked();
    // Test video: record, review, "looks good" (discarded), then practice.
    assert_eq!(
        s.handle_event(secs(1), Event::Record).unwrap(),
        vec![Action::StartRecording(Purpose::Test)]
    );
    s.handle_event(secs(1), Event::RecordingStarted).unwrap();
    s.handle_event(secs(3), Event::Stop).unwrap();
    s.handle_event(secs(3), Event::RecordingStopped).unwrap();
    assert_eq!(
        s.handle_event(secs(4), Event::TestLooksGood).unwrap(),
        vec![Action::DiscardTake]
    );
    let Stage::Question(practice) = s.stage().clone() else {
        panic!("practice expected")
    };
    assert_eq!(practice.purpose, Purpose::Practice("practice".into()));
    assert_eq!(
        practice.prompt.unwrap().text(),
        "What did you have for breakfast?"
    );
    // Practice: think time runs out, recording starts by itself; submit keeps nothing.
    assert_eq!(
        s.handle_timeout(secs(14)),
        vec![Action::StartRecording(Purpose::Practice("practice".into()))]
    );
    s.handle_event(secs(14), Event::RecordingStarted).unwrap();
    s.handle_event(secs(20), Event::Stop).unwrap();
    s.handle_event(secs(20), Event::RecordingStopped).unwrap();
    assert_eq!(
        s.handle_event(secs(21), Event::Submit).unwrap(),
        vec![Action::DiscardTake]
    );
    assert_eq!(s.stage(), &Stage::Questions);
    // Three questions, each submitted.
    let mut t = secs(30);
    for id in ["q1", "q2", "q3"] {
        t = answer(&mut s, id, t);
        assert_eq!(
            s.handle_event(t, Event::Submit).unwrap(),
            vec![Action::SubmitTake(id.into())]
        );
        let done = s.handle_event(t, Event::Submitted).unwrap();
        assert_eq!(done.is_empty(), id != "q3");
    }
    assert_eq!(s.stage(), &Stage::Done);
    assert!(s
        .view()
        .questions
        .iter()
        .all(|q| q.submitted && q.attempts_used == 1));
}

#[test]
fn a_browser_that_cannot_measure_the_level_does_not_hold_the_candidate_back() {
    let mut s = session();
    s.handle_event(secs(0), Event::Start).unwrap();
    s.handle_event(secs(0), Event::DevicesOpened).unwrap();
    s.handle_event(secs(1), level(0.0)).unwrap();
    assert_eq!(
        s.handle_event(secs(1), Event::ContinueFromDeviceCheck),
        Err(SessionError::MicrophoneNotHeard)
    );
    s.handle_event(secs(2), Event::LevelUnavailable).unwrap();
    assert!(matches!(s.stage(), Stage::DeviceCheck { heard: true, .. }));
    s.handle_event(secs(2), Event::ContinueFromDeviceCheck)
        .unwrap();
    assert!(matches!(s.stage(), Stage::TestVideo(_)));
}

#[test]
fn recording_is_locked_until_the_microphone_hears_sound_for_a_moment() {
    let mut s = session();
    s.handle_event(secs(0), Event::Start).unwrap();
    s.handle_event(secs(0), Event::DevicesOpened).unwrap();
    for t in 0..20 {
        s.handle_event(100 * MS * t, level(0.001)).unwrap();
    }
    assert_eq!(
        s.handle_event(secs(2), Event::ContinueFromDeviceCheck),
        Err(SessionError::MicrophoneNotHeard)
    );
    // A single blip is not enough.
    s.handle_event(secs(3), level(0.5)).unwrap();
    s.handle_event(secs(3) + 100 * MS, level(0.0)).unwrap();
    assert_eq!(
        s.handle_event(secs(4), Event::ContinueFromDeviceCheck),
        Err(SessionError::MicrophoneNotHeard)
    );
    for t in 0..4 {
        s.handle_event(secs(5) + 100 * MS * t, level(0.05)).unwrap();
    }
    assert!(matches!(s.stage(), Stage::DeviceCheck { heard: true, .. }));
    s.handle_event(secs(6), Event::ContinueFromDeviceCheck)
        .unwrap();
    assert!(matches!(s.stage(), Stage::TestVideo(_)));
}

#[test]
fn device_problems_can_be_retried_without_reloading() {
    let mut s = session();
    s.handle_event(secs(0), Event::Start).unwrap();
    s.handle_event(secs(0), Event::DevicesFailed(DeviceProblem::NotAllowed))
        .unwrap();
    assert!(matches!(
        s.stage(),
        Stage::DeviceCheck {
            devices: Devices::Failed(DeviceProblem::NotAllowed),
            ..
        }
    ));
    assert!(s
        .handle_event(secs(1), Event::ContinueFromDeviceCheck)
        .is_err());
    assert_eq!(
        s.handle_event(secs(1), Event::RetryDevices).unwrap(),
        vec![Action::OpenDevices]
    );
    s.handle_event(secs(2), Event::DevicesOpened).unwrap();
    assert!(matches!(
        s.stage(),
        Stage::DeviceCheck {
            devices: Devices::Open,
            ..
        }
    ));
}

#[test]
fn the_device_check_gives_sound_advice_and_a_silent_take_is_flagged_in_review() {
    let mut s = session();
    s.handle_event(secs(0), Event::Start).unwrap();
    s.handle_event(secs(0), Event::DevicesOpened).unwrap();
    for t in 0..30 {
        s.handle_event(100 * MS * t, level(if t % 2 == 0 { 0.005 } else { 0.0005 }))
            .unwrap();
    }
    let advice = |s: &Session| match s.stage() {
        Stage::DeviceCheck { sound, .. } => *sound,
        other => panic!("not the device check: {other:?}"),
    };
    assert_eq!(advice(&s), crate::sound_check::SoundAdvice::TooQuiet);
    for t in 30..60 {
        s.handle_event(100 * MS * t, level(if t % 2 == 0 { 0.2 } else { 0.01 }))
            .unwrap();
    }
    assert_eq!(advice(&s), crate::sound_check::SoundAdvice::Good);
    s.handle_event(secs(6), Event::ContinueFromDeviceCheck)
        .unwrap();

    // The test video: silent while recording, flagged; then spoken, not.
    for (rms, silent) in [(0.0, true), (0.2, false)] {
        s.handle_event(secs(7), Event::Record).unwrap();
        s.handle_event(secs(7), Event::RecordingStarted).unwrap();
        for t in 0..40 {
            s.handle_event(secs(7) + 100 * MS * t, level(rms)).unwrap();
        }
        s.handle_event(secs(11), Event::Stop).unwrap();
        s.handle_event(secs(11), Event::RecordingStopped).unwrap();
        assert_eq!(
            phase(&s),
            Phase::Review {
                mostly_silent: silent
            }
        );
    }
}

fn at_question_list() -> Session {
    let mut s = checked();
    s.handle_event(secs(1), Event::Record).unwrap();
    s.handle_event(secs(1), Event::RecordingStarted).unwrap();
    s.handle_event(secs(2), Event::RecordingStopped).unwrap();
    s.handle_event(secs(2), Event::TestLooksGood).unwrap();
    s.handle_event(secs(2), Event::Record).unwrap();
    s.handle_event(secs(2), Event::RecordingStarted).unwrap();
    s.handle_event(secs(3), Event::RecordingStopped).unwrap();
    s.handle_event(secs(3), Event::Submit).unwrap();
    assert_eq!(s.stage(), &Stage::Questions);
    s
}

#[test]
fn think_time_starts_recording_at_zero_and_the_limit_stops_it() {
    let mut s = at_question_list();
    s.handle_event(secs(10), Event::ViewQuestion("q3".into()))
        .unwrap();
    s.handle_event(
        secs(11),
        Event::Revealed {
            question: "q3".into(),
            prompt: Prompt::Text {
                text: "Why us?".into(),
            },
            think_left: secs(30),
        },
    )
    .unwrap();
    assert_eq!(s.poll_timeout(), Some(secs(41)));
    assert!(s.handle_timeout(secs(40)).is_empty());
    assert_eq!(
        s.handle_timeout(secs(41)),
        vec![Action::StartRecording(Purpose::Answer("q3".into()))]
    );
    assert_eq!(
        s.view().questions[2].attempts_used,
        1,
        "starting a take uses an attempt"
    );
    s.handle_event(secs(42), Event::RecordingStarted).unwrap();
    assert_eq!(
        phase(&s),
        Phase::Recording {
            since: secs(42),
            until: secs(132)
        }
    );
    assert!(s.handle_timeout(secs(131)).is_empty());
    assert_eq!(s.handle_timeout(secs(132)), vec![Action::StopRecording]);
    s.handle_event(secs(132), Event::RecordingStopped).unwrap();
    assert_eq!(
        phase(&s),
        Phase::Review {
            mostly_silent: false
        }
    );
}

#[test]
fn a_reveal_with_no_think_time_left_starts_recording_at_once() {
    let mut s = at_question_list();
    s.handle_event(secs(10), Event::ViewQuestion("q1".into()))
        .unwrap();
    let actions = s
        .handle_event(
            secs(10),
            Event::Revealed {
                question: "q1".into(),
                prompt: Prompt::Text { text: "?".into() },
                think_left: Duration::ZERO,
            },
        )
        .unwrap();
    assert_eq!(
        actions,
        vec![Action::StartRecording(Purpose::Answer("q1".into()))]
    );
}

#[test]
fn retakes_while_attempts_remain_then_none() {
    let mut s = at_question_list();
    let t = answer(&mut s, "q2", secs(10));
    assert_eq!(s.attempts_left("q2"), 1);
    assert_eq!(
        s.handle_event(t, Event::Retake).unwrap(),
        vec![
            Action::DiscardTake,
            Action::StartRecording(Purpose::Answer("q2".into()))
        ]
    );
    s.handle_event(t, Event::RecordingStarted).unwrap();
    s.handle_event(t + secs(3), Event::Stop).unwrap();
    s.handle_event(t + secs(3), Event::RecordingStopped)
        .unwrap();
    assert_eq!(s.attempts_left("q2"), 0);
    assert_eq!(
        s.handle_event(t + secs(4), Event::Retake),
        Err(SessionError::NoAttemptsLeft("q2".into()))
    );
    assert_eq!(
        phase(&s),
        Phase::Review {
            mostly_silent: false
        },
        "a refused retake changes nothing"
    );
}

#[test]
fn technical_failures_give_the_attempt_back_twice() {
    let mut s = at_question_list();
    s.handle_event(secs(10), Event::ViewQuestion("q3".into()))
        .unwrap();
    s.handle_event(
        secs(10),
        Event::Revealed {
            question: "q3".into(),
            prompt: Prompt::Text { text: "?".into() },
            think_left: secs(1),
        },
    )
    .unwrap();
    let mut t = secs(11);
    s.handle_timeout(t);
    for round in 1..=3 {
        s.handle_event(t, Event::RecordingStarted).unwrap();
        let actions = s
            .handle_event(
                t + secs(2),
                Event::TechnicalFailure("camera unplugged".into()),
            )
            .unwrap();
        assert_eq!(actions, vec![Action::DiscardTake]);
        assert_eq!(
            phase(&s),
            Phase::Failed {
                reason: "camera unplugged".into()
            }
        );
        let q = &s.view().questions[2];
        assert_eq!(q.technical_failures, round.min(2));
        assert_eq!(
            q.attempts_used,
            if round <= 2 { 0 } else { 1 },
            "round {round}"
        );
        t += secs(5);
        s.handle_event(t, Event::Record).unwrap();
    }
}

#[test]
fn a_reload_with_progress_skips_the_warm_up_and_a_finished_one_is_done() {
    let mut view = SessionView::overview(&Interview::sample());
    view.questions[0].attempts_used = 1;
    view.questions[0].submitted = true;
    let mut s = Session::new(view.clone());
    s.handle_event(secs(0), Event::Start).unwrap();
    s.handle_event(secs(0), Event::DevicesOpened).unwrap();
    for t in 0..5 {
        s.handle_event(100 * MS * t, level(0.2)).unwrap();
    }
    s.handle_event(secs(1), Event::ContinueFromDeviceCheck)
        .unwrap();
    assert_eq!(s.stage(), &Stage::Questions);
    assert_eq!(
        s.handle_event(secs(2), Event::ViewQuestion("q1".into())),
        Err(SessionError::AlreadySubmitted("q1".into()))
    );
    for q in &mut view.questions {
        q.submitted = true;
    }
    assert_eq!(Session::new(view).stage(), &Stage::Done);
}

#[test]
fn a_take_kept_across_a_reload_lands_in_its_review_without_a_second_charge() {
    let mut view = SessionView::overview(&Interview::sample());
    view.questions[1].attempts_used = 1;
    view.questions[1].revealed = true;
    let mut s = Session::new(view);
    s.handle_event(secs(0), Event::TakeKept("q2".into()))
        .unwrap();
    assert_eq!(
        s.attempts_left("q2"),
        1,
        "the kept take's attempt is charged once"
    );
    s.handle_event(secs(0), Event::Start).unwrap();
    s.handle_event(secs(0), Event::DevicesOpened).unwrap();
    for t in 0..5 {
        s.handle_event(100 * MS * t, level(0.2)).unwrap();
    }
    let actions = s
        .handle_event(secs(1), Event::ContinueFromDeviceCheck)
        .unwrap();
    assert_eq!(actions, vec![Action::Reveal("q2".into())]);
    s.handle_event(
        secs(1),
        Event::Revealed {
            question: "q2".into(),
            prompt: Prompt::Text {
                text: "Describe...".into(),
            },
            think_left: Duration::ZERO,
        },
    )
    .unwrap();
    assert_eq!(
        phase(&s),
        Phase::Review {
            mostly_silent: false
        },
        "no new recording starts"
    );
    assert_eq!(s.view().questions[1].attempts_used, 1);
    assert_eq!(
        s.handle_event(secs(2), Event::Submit).unwrap(),
        vec![Action::SubmitTake("q2".into())]
    );
}

#[test]
fn refusals_name_the_event_and_the_screen() {
    let mut s = session();
    let error = s.handle_event(secs(0), Event::Submit).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Submit answer is not possible on the overview screen"
    );
    let mut s = at_question_list();
    assert_eq!(
        s.handle_event(secs(5), Event::ViewQuestion("q9".into())),
        Err(SessionError::UnknownQuestion("q9".into()))
    );
    s.handle_event(secs(5), Event::ViewQuestion("q1".into()))
        .unwrap();
    s.handle_event(
        secs(5),
        Event::ServerRefused("the deadline has passed".into()),
    )
    .unwrap();
    assert_eq!(
        s.stage(),
        &Stage::Questions,
        "a refused reveal returns to the list"
    );
}

/// Random events at random times: the session never panics, never lets
/// attempts exceed the limit, never records past the answer limit, and is
/// done only when everything is submitted.
#[test]
fn random_event_sequences_keep_the_invariants() {
    let events = |n: u64| match n % 18 {
        0 => Event::Start,
        1 => Event::DevicesOpened,
        2 => level(0.3),
        3 => Event::ContinueFromDeviceCheck,
        4 => Event::Record,
        5 => Event::Stop,
        6 => Event::RecordingStarted,
        7 => Event::RecordingStopped,
        8 => Event::TestLooksGood,
        9 => Event::ViewQuestion(["q1", "q2", "q3", "practice"][(n / 16 % 4) as usize].into()),
        10 => Event::Revealed {
            question: ["q1", "q2", "q3"][(n / 16 % 3) as usize].into(),
            prompt: Prompt::Text { text: "?".into() },
            think_left: secs(n / 16 % 5),
        },
        11 => Event::Submit,
        12 => Event::Retake,
        13 => Event::Submitted,
        14 => Event::TechnicalFailure("lost".into()),
        15 => Event::DevicesFailed(DeviceProblem::InAppBrowser),
        16 => Event::UseCameraApp,
        _ => Event::DevicesFailed(DeviceProblem::Busy),
    };
    for seed in 1..200u64 {
        let mut rng = seed;
        let mut s = session();
        let mut now = Duration::ZERO;
        for _ in 0..400 {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            now += MS * (rng % 3000) as u32;
            let _ = s.handle_event(now, events(rng >> 8));
            s.handle_timeout(now);
            if let Stage::Question(flow) | Stage::TestVideo(flow) = s.stage() {
                if let Phase::Recording { since, until } = flow.phase {
                    assert!(now < until, "seed {seed}: still recording past the limit");
                    assert_eq!(until - since, flow.limit, "seed {seed}");
                }
            }
            for q in &s.view().questions {
                assert!(q.attempts_used <= q.attempts, "seed {seed}: {q:?}");
            }
            if s.stage() == &Stage::Done {
                assert!(
                    s.view().questions.iter().all(|q| q.submitted),
                    "seed {seed}"
                );
            }
        }
    }
}

#[test]
fn a_kept_take_found_after_the_device_check_is_refused_and_changes_nothing() {
    let mut s = Session::new(SessionView::overview(&Interview::sample()));
    s.handle_event(secs(0), Event::Start).unwrap();
    s.handle_event(secs(0), Event::DevicesOpened).unwrap();
    for t in 0..5 {
        s.handle_event(100 * MS * t, level(0.2)).unwrap();
    }
    s.handle_event(secs(1), Event::ContinueFromDeviceCheck)
        .unwrap();
    let before = s.stage().clone();
    assert!(s
        .handle_event(secs(1), Event::TakeKept("q2".into()))
        .is_err());
    assert_eq!(s.stage(), &before);
}

fn with_consent() -> SessionView {
    let mut interview = Interview::sample();
    interview.presentation.consent = Some(crate::model::Consent {
        text: "We record your answers.".into(),
        privacy_url: None,
    });
    SessionView::overview(&interview)
}

fn recorded(agreed: bool) -> crate::model::ConsentAnswer {
    crate::model::ConsentAnswer {
        agreed,
        at: 1,
        text_sha256: "ab".into(),
    }
}

#[test]
fn consent_comes_before_the_camera_and_agreeing_opens_it() {
    let view = with_consent();
    let text_sha256 = view.presentation.consent.as_ref().unwrap().text_sha256();
    let mut s = Session::new(view);
    assert_eq!(s.handle_event(secs(0), Event::Start).unwrap(), vec![]);
    assert_eq!(s.stage(), &Stage::Consent { sending: false });
    assert!(
        s.handle_event(secs(0), Event::DevicesOpened).is_err(),
        "no camera before consent"
    );
    assert_eq!(
        s.handle_event(secs(1), Event::Agree).unwrap(),
        vec![Action::AnswerConsent(crate::model::ConsentDecision {
            agree: true,
            text_sha256
        })]
    );
    assert!(
        s.handle_event(secs(1), Event::Agree).is_err(),
        "one answer in flight at a time"
    );
    assert_eq!(
        s.handle_event(secs(1), Event::ConsentRecorded(recorded(true)))
            .unwrap(),
        vec![Action::OpenDevices]
    );
    assert_eq!(s.view().consent_answer, Some(recorded(true)));
    assert!(matches!(s.stage(), Stage::DeviceCheck { .. }));
}

#[test]
fn declining_ends_the_interview_and_a_refusal_asks_again() {
    let mut s = Session::new(with_consent());
    s.handle_event(secs(0), Event::Start).unwrap();
    s.handle_event(secs(1), Event::Decline).unwrap();
    s.handle_event(secs(1), Event::ServerRefused("offline".into()))
        .unwrap();
    assert_eq!(s.stage(), &Stage::Consent { sending: false });
    assert!(matches!(
        s.handle_event(secs(2), Event::Decline).unwrap()[..],
        [Action::AnswerConsent(crate::model::ConsentDecision {
            agree: false,
            ..
        })]
    ));
    assert_eq!(
        s.handle_event(secs(2), Event::ConsentRecorded(recorded(false)))
            .unwrap(),
        vec![]
    );
    assert_eq!(s.stage(), &Stage::Declined);
    assert!(s.handle_event(secs(3), Event::Start).is_err());
}

#[test]
fn an_answer_given_before_a_reload_is_not_asked_again() {
    let mut agreed = with_consent();
    agreed.consent_answer = Some(recorded(true));
    let mut s = Session::new(agreed);
    assert_eq!(
        s.handle_event(secs(0), Event::Start).unwrap(),
        vec![Action::OpenDevices]
    );
    let mut declined = with_consent();
    declined.consent_answer = Some(recorded(false));
    assert_eq!(Session::new(declined).stage(), &Stage::Declined);
    let mut s = session();
    assert_eq!(
        s.handle_event(secs(0), Event::Start).unwrap(),
        vec![Action::OpenDevices],
        "no consent text, no consent step"
    );
}

#[test]
fn with_manual_start_think_time_ending_waits_for_record() {
    let mut view = SessionView::overview(&Interview::sample());
    view.accommodations = Some(crate::model::Accommodations {
        manual_start: true,
        ..Default::default()
    });
    view.questions[0].revealed = true; // back from an earlier visit: no test video
    let mut s = checked_from(view);
    let practice = s.view().practice.clone().unwrap();
    assert_eq!(s.stage(), &Stage::Questions);
    s.handle_event(secs(1), Event::ViewQuestion(practice.id))
        .unwrap();
    assert_eq!(s.poll_timeout(), None, "nothing to wake up for");
    assert!(
        s.handle_timeout(secs(3600)).is_empty(),
        "no recording by itself"
    );
    assert!(matches!(phase(&s), Phase::Thinking { .. }));
    assert_eq!(
        s.handle_event(secs(3600), Event::Record).unwrap(),
        vec![Action::StartRecording(Purpose::Practice("practice".into()))]
    );
}

#[test]
fn sound_only_is_chosen_in_the_device_check_only_where_it_is_offered() {
    let mut interview = Interview::sample();
    interview.presentation.quality = Some(crate::model::Quality {
        floor_kbps: 600,
        audio_only: true,
        ..Default::default()
    });
    let mut s = Session::new(SessionView::overview(&interview));
    s.handle_event(secs(0), Event::Start).unwrap();
    // A fast link: the floor fits, sound only is not offered.
    s.handle_event(secs(0), Event::Uplink(5_000_000)).unwrap();
    assert!(s.handle_event(secs(0), Event::SoundOnly(true)).is_err());
    // A slow one: offered, chosen, and undone.
    let planned = s.handle_event(secs(1), Event::Uplink(500_000)).unwrap();
    assert_eq!(planned, vec![Action::PlanRecording]);
    assert!(s.recording_plan().audio_only_offered);
    assert_eq!(
        s.handle_event(secs(1), Event::SoundOnly(true)).unwrap(),
        vec![Action::PlanRecording]
    );
    assert_eq!(s.recording_plan().video, None);
    s.handle_event(secs(1), Event::SoundOnly(false)).unwrap();
    assert!(s.recording_plan().video.is_some());
    // Not where the interview does not allow it.
    let mut strict = session();
    strict.handle_event(secs(0), Event::Start).unwrap();
    strict
        .handle_event(secs(0), Event::Uplink(100_000))
        .unwrap();
    assert!(strict
        .handle_event(secs(0), Event::SoundOnly(true))
        .is_err());
}

#[test]
fn without_a_camera_api_the_camera_app_records_and_each_take_waits_for_the_candidate() {
    let mut s = session();
    s.handle_event(secs(0), Event::Start).unwrap();
    s.handle_event(secs(0), Event::DevicesFailed(DeviceProblem::NotAllowed))
        .unwrap();
    assert!(
        s.handle_event(secs(1), Event::UseCameraApp).is_err(),
        "a refused permission is asked again, not worked around"
    );
    s.handle_event(secs(1), Event::RetryDevices).unwrap();
    s.handle_event(secs(1), Event::DevicesFailed(DeviceProblem::InAppBrowser))
        .unwrap();
    assert!(!s.camera_app());
    assert_eq!(
        s.handle_event(secs(2), Event::UseCameraApp).unwrap(),
        vec![]
    );
    assert!(s.camera_app());
    // No test video: the practice question, then the list.
    assert!(matches!(
        s.stage(),
        Stage::Question(Flow {
            purpose: Purpose::Practice(_),
            phase: Phase::Thinking { .. },
            ..
        })
    ));
    assert_eq!(s.poll_timeout(), None, "think time ending starts nothing");
    assert!(s.handle_timeout(secs(3600)).is_empty());
    s.handle_event(secs(3600), Event::Record).unwrap();
    s.handle_event(secs(3600), Event::RecordingStarted).unwrap();
    s.handle_event(secs(3600), Event::RecordingStopped).unwrap();
    s.handle_event(secs(3601), Event::Submit).unwrap();
    assert_eq!(s.stage(), &Stage::Questions);
    // An answer: revealed, then recorded when the candidate hands the video over.
    let t = secs(3602);
    s.handle_event(t, Event::ViewQuestion("q1".into())).unwrap();
    s.handle_event(
        t,
        Event::Revealed {
            question: "q1".into(),
            prompt: Prompt::Text { text: "?".into() },
            think_left: secs(5),
        },
    )
    .unwrap();
    assert!(s.handle_timeout(t + secs(60)).is_empty());
    assert_eq!(
        s.handle_event(t + secs(60), Event::Record).unwrap(),
        vec![Action::StartRecording(Purpose::Answer("q1".into()))]
    );
    assert_eq!(s.attempts_left("q1"), 2, "it costs an attempt");
}
