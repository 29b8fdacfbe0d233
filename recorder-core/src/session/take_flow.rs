//! One recording from prompt to review (the test video, the practice
//! question or an answer): record, stop, review, retake or submit; and the
//! attempts each take costs.

use super::{
    Action, Event, Flow, Phase, Purpose, Session, SessionError, Stage, MAX_TECHNICAL_FAILURES,
};
use crate::sound_check::TakeSound;
use std::time::Duration;

impl Session {
    /// What `event` does during the test video or a question.
    pub(super) fn handle_flow(
        &mut self,
        now: Duration,
        event: Event,
    ) -> Result<Vec<Action>, SessionError> {
        let phase = self.flow().map(|f| f.phase.clone());
        let purpose = self.flow().map(|f| f.purpose.clone());
        match (&self.stage, phase, event) {
            (Stage::TestVideo(_), Some(Phase::Review { .. }), Event::TestLooksGood) => {
                self.warmed_up = true;
                match self.view.practice.clone() {
                    Some(practice) => self.open_question(now, &practice.id).map(|mut a| {
                        a.insert(0, Action::DiscardTake);
                        a
                    }),
                    None => {
                        self.stage = Stage::Questions;
                        Ok(vec![Action::DiscardTake])
                    }
                }
            }
            (
                Stage::TestVideo(_) | Stage::Question(_),
                Some(Phase::Ready | Phase::Thinking { .. } | Phase::Failed { .. }),
                Event::Record,
            ) => {
                self.ensure_attempt_left()?;
                Ok(vec![self.start_recording()])
            }
            (
                Stage::TestVideo(_) | Stage::Question(_),
                Some(Phase::Review { .. }),
                Event::Record | Event::Retake,
            ) => {
                self.ensure_attempt_left()?;
                Ok(vec![Action::DiscardTake, self.start_recording()])
            }
            (_, Some(Phase::Starting), Event::RecordingStarted) => {
                self.take_sound = TakeSound::default();
                let limit = self.flow().map(|f| f.limit).unwrap_or_default();
                self.set_phase(Phase::Recording {
                    since: now,
                    until: now + limit,
                });
                Ok(Vec::new())
            }
            (_, Some(Phase::Recording { .. }), Event::Stop) => {
                self.set_phase(Phase::Stopping);
                Ok(vec![Action::StopRecording])
            }
            (_, Some(Phase::Recording { .. } | Phase::Stopping), Event::RecordingStopped) => {
                self.review();
                Ok(Vec::new())
            }
            (
                _,
                Some(Phase::Starting | Phase::Recording { .. } | Phase::Stopping),
                Event::TechnicalFailure(reason),
            ) => {
                if let Some(Purpose::Answer(id)) = &purpose {
                    self.refund_attempt(id);
                }
                self.set_phase(Phase::Failed { reason });
                Ok(vec![Action::DiscardTake])
            }
            (
                Stage::Question(_),
                Some(Phase::Revealing),
                Event::Revealed {
                    question,
                    prompt,
                    think_left,
                },
            ) => {
                if Some(&Purpose::Answer(question.clone())) != purpose.as_ref() {
                    return Err(SessionError::UnknownQuestion(question));
                }
                if let Some(q) = self.view.questions.iter_mut().find(|q| q.id == question) {
                    q.revealed = true;
                }
                let pending = self.pending_take.take_if(|p| *p == question).is_some();
                if let Stage::Question(flow) = &mut self.stage {
                    flow.prompt = Some(prompt);
                    // A take kept from an earlier visit: its sound was not heard here.
                    flow.phase = if pending {
                        Phase::Review {
                            mostly_silent: false,
                        }
                    } else {
                        Phase::Thinking {
                            until: now + think_left,
                        }
                    };
                }
                Ok(Vec::new())
            }
            (Stage::Question(_), Some(Phase::Review { .. }), Event::Submit) => match purpose {
                Some(Purpose::Answer(id)) => {
                    self.set_phase(Phase::Submitting);
                    Ok(vec![Action::SubmitTake(id)])
                }
                _ => {
                    self.stage = Stage::Questions;
                    Ok(vec![Action::DiscardTake])
                }
            },
            (Stage::Question(_), Some(Phase::Submitting), Event::Submitted) => {
                if let Some(Purpose::Answer(id)) = &purpose {
                    if let Some(q) = self.view.questions.iter_mut().find(|q| &q.id == id) {
                        q.submitted = true;
                    }
                }
                if self.view.questions.iter().all(|q| q.submitted) {
                    self.stage = Stage::Done;
                    Ok(vec![Action::Complete])
                } else {
                    self.stage = Stage::Questions;
                    Ok(Vec::new())
                }
            }
            (Stage::Question(_), Some(Phase::Submitting), Event::ServerRefused(_)) => {
                self.review();
                Ok(Vec::new())
            }
            (Stage::Question(_), Some(Phase::Revealing), Event::ServerRefused(_)) => {
                self.stage = Stage::Questions;
                Ok(Vec::new())
            }
            (stage, _, event) => Err(SessionError::not_now(&event, stage)),
        }
    }

    /// The flow on screen, if any.
    pub(super) fn flow(&self) -> Option<&Flow> {
        match &self.stage {
            Stage::TestVideo(flow) | Stage::Question(flow) => Some(flow),
            _ => None,
        }
    }

    /// Moves the flow on screen to `phase`.
    pub(super) fn set_phase(&mut self, phase: Phase) {
        if let Stage::TestVideo(flow) | Stage::Question(flow) = &mut self.stage {
            flow.phase = phase;
        }
    }

    /// Opens the practice question or question `id` from the list.
    pub(super) fn open_question(
        &mut self,
        now: Duration,
        id: &str,
    ) -> Result<Vec<Action>, SessionError> {
        if let Some(practice) = self.view.practice.as_ref().filter(|p| p.id == id) {
            self.stage = Stage::Question(Flow {
                purpose: Purpose::Practice(practice.id.clone()),
                phase: Phase::Thinking {
                    until: now + Duration::from_secs(practice.think_seconds.into()),
                },
                prompt: Some(practice.prompt.clone()),
                limit: Duration::from_secs(practice.answer_seconds.into()),
            });
            return Ok(Vec::new());
        }
        if self.attempts_left(id) == 0
            && self
                .view
                .questions
                .iter()
                .any(|q| q.id == id && !q.submitted)
        {
            return Err(SessionError::NoAttemptsLeft(id.to_string()));
        }
        self.reveal(id)
    }

    /// Opens an answer flow for question `id`, waiting for the server to
    /// reveal it (first time, or again after a reload: the server never
    /// restarts think time).
    pub(super) fn reveal(&mut self, id: &str) -> Result<Vec<Action>, SessionError> {
        let question = self
            .view
            .questions
            .iter()
            .find(|q| q.id == id)
            .ok_or_else(|| SessionError::UnknownQuestion(id.to_string()))?;
        if question.submitted {
            return Err(SessionError::AlreadySubmitted(id.to_string()));
        }
        self.stage = Stage::Question(Flow {
            purpose: Purpose::Answer(id.to_string()),
            phase: Phase::Revealing,
            prompt: None,
            limit: Duration::from_secs(question.answer_seconds.into()),
        });
        Ok(vec![Action::Reveal(id.to_string())])
    }

    /// An answer may be recorded only while attempts are left.
    fn ensure_attempt_left(&self) -> Result<(), SessionError> {
        match self.flow().map(|f| &f.purpose) {
            Some(Purpose::Answer(id)) if self.attempts_left(id) == 0 => {
                Err(SessionError::NoAttemptsLeft(id.clone()))
            }
            _ => Ok(()),
        }
    }

    /// The take just recorded, to review; whether it was mostly silent.
    fn review(&mut self) {
        self.set_phase(Phase::Review {
            mostly_silent: self.take_sound.mostly_silent(),
        });
    }

    /// Starts a take, charging an answer one attempt.
    pub(super) fn start_recording(&mut self) -> Action {
        let purpose = self
            .flow()
            .map(|f| f.purpose.clone())
            .unwrap_or(Purpose::Test);
        if let Purpose::Answer(id) = &purpose {
            if let Some(q) = self.view.questions.iter_mut().find(|q| &q.id == id) {
                q.attempts_used += 1;
            }
        }
        self.set_phase(Phase::Starting);
        Action::StartRecording(purpose)
    }

    /// A technical failure gives the attempt back, at most
    /// [`MAX_TECHNICAL_FAILURES`] times per question.
    fn refund_attempt(&mut self, id: &str) {
        if let Some(q) = self.view.questions.iter_mut().find(|q| q.id == id) {
            if q.technical_failures < MAX_TECHNICAL_FAILURES {
                q.technical_failures += 1;
                q.attempts_used = q.attempts_used.saturating_sub(1);
            }
        }
    }
}
