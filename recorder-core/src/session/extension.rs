//! Asking for more time: from the overview, a short note to the hiring
//! team; the server keeps the request and the team answers it (the
//! candidate sees the answer when they open the link again).

use super::{Action, Event, Session, SessionError, Stage};
use crate::model::ExtensionAsk;

impl Session {
    /// What `event` does on the overview's request for more time, or on
    /// the screen where the candidate writes it.
    pub(super) fn handle_extension(&mut self, event: Event) -> Result<Vec<Action>, SessionError> {
        match (&self.stage, event) {
            // Without a clock the session cannot tell the deadline is near: the server does.
            (Stage::Overview, Event::AskForTime) if self.view.has_time_to_give() => {
                self.stage = Stage::Extension { sending: false };
                Ok(Vec::new())
            }
            (Stage::Extension { sending: false }, Event::SendExtension(note)) => {
                let ask = ExtensionAsk::new(&note)?;
                self.stage = Stage::Extension { sending: true };
                Ok(vec![Action::RequestExtension(ask)])
            }
            (Stage::Extension { sending: false }, Event::CloseExtension) => {
                self.stage = Stage::Overview;
                Ok(Vec::new())
            }
            (Stage::Extension { sending: true }, Event::ExtensionRecorded(extension)) => {
                self.view.extension = Some(extension);
                self.stage = Stage::Overview;
                Ok(Vec::new())
            }
            (Stage::Extension { sending: true }, Event::ServerRefused(_)) => {
                self.stage = Stage::Extension { sending: false };
                Ok(Vec::new())
            }
            (stage, event) => Err(SessionError::not_now(&event, stage)),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{
        Extension, ExtensionAsk, ExtensionNoteError, ExtensionStatus, Interview, SessionView,
    };
    use crate::session::{Action, Event, Session, SessionError, Stage};
    use std::time::Duration;

    fn session(deadline: Option<u64>) -> Session {
        let mut view = SessionView::overview(&Interview::sample());
        view.presentation.deadline = deadline;
        Session::new(view)
    }

    fn pending() -> Extension {
        Extension {
            note: "Ill".into(),
            requested_at: 1,
            status: ExtensionStatus::Pending,
            decided_at: None,
        }
    }

    #[test]
    fn a_note_goes_to_the_server_and_its_answer_back_to_the_overview() {
        let mut s = session(Some(1_000));
        let t = Duration::ZERO;
        s.handle_event(t, Event::AskForTime).unwrap();
        assert_eq!(s.stage(), &Stage::Extension { sending: false });
        assert_eq!(
            s.handle_event(t, Event::SendExtension("  ".into())),
            Err(SessionError::ExtensionNote(ExtensionNoteError::Empty))
        );
        assert_eq!(
            s.handle_event(t, Event::SendExtension(" I was ill. ".into())),
            Ok(vec![Action::RequestExtension(ExtensionAsk {
                note: "I was ill.".into()
            })])
        );
        assert!(
            s.handle_event(t, Event::SendExtension("again".into()))
                .is_err(),
            "one at a time"
        );
        s.handle_event(t, Event::ServerRefused("offline".into()))
            .unwrap();
        assert_eq!(
            s.stage(),
            &Stage::Extension { sending: false },
            "the note can be sent again"
        );
        s.handle_event(t, Event::SendExtension("I was ill.".into()))
            .unwrap();
        s.handle_event(t, Event::ExtensionRecorded(pending()))
            .unwrap();
        assert_eq!(s.stage(), &Stage::Overview);
        assert_eq!(s.view().extension, Some(pending()));
        assert!(
            s.handle_event(t, Event::AskForTime).is_err(),
            "a request is waiting"
        );
    }

    #[test]
    fn only_an_interview_with_a_deadline_has_time_to_give() {
        let mut s = session(None);
        assert!(s.handle_event(Duration::ZERO, Event::AskForTime).is_err());
        let mut s = session(Some(1_000));
        s.handle_event(Duration::ZERO, Event::AskForTime).unwrap();
        s.handle_event(Duration::ZERO, Event::CloseExtension)
            .unwrap();
        assert_eq!(s.stage(), &Stage::Overview);
    }
}
