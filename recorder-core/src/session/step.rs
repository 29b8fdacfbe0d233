//! Where the candidate is in the interview, as a progress line names it:
//! setting up, practising, or which question of how many.

use super::{Purpose, Stage};
use crate::model::SessionView;

/// A step of the interview as the candidate sees it.
///
/// ```
/// use recorder_core::model::{Interview, SessionView};
/// use recorder_core::session::{Stage, Step};
/// let view = SessionView::overview(&Interview::sample());
/// assert_eq!(Step::of(&Stage::Questions, &view), Some(Step::Questions { answered: 0 }));
/// assert_eq!(Step::of(&Stage::Overview, &view), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Consent, the device check and the test video.
    Setup,
    /// The practice question.
    Practice,
    /// The question list, with this many answers submitted.
    Questions {
        /// Answers submitted so far.
        answered: usize,
    },
    /// Answering the question at this place (from 1).
    Question {
        /// Its place in the interview.
        number: usize,
    },
}

impl Step {
    /// The step of `stage`, or none before and after the interview proper
    /// (overview, a request for more time, declined, done).
    ///
    /// ```
    /// use recorder_core::model::{Interview, SessionView};
    /// use recorder_core::session::{Stage, Step};
    /// let view = SessionView::overview(&Interview::sample());
    /// assert_eq!(Step::of(&Stage::Consent { sending: false }, &view), Some(Step::Setup));
    /// ```
    pub fn of(stage: &Stage, view: &SessionView) -> Option<Step> {
        match stage {
            Stage::Overview | Stage::Extension { .. } | Stage::Declined | Stage::Done => None,
            Stage::Consent { .. } | Stage::DeviceCheck { .. } | Stage::TestVideo(_) => {
                Some(Step::Setup)
            }
            Stage::Questions => Some(Step::Questions {
                answered: view.questions.iter().filter(|q| q.submitted).count(),
            }),
            Stage::Question(flow) => Some(match &flow.purpose {
                Purpose::Test => Step::Setup,
                Purpose::Practice(_) => Step::Practice,
                Purpose::Answer(id) => Step::Question {
                    number: view.number_of(id).unwrap_or(1),
                },
            }),
        }
    }

    /// Its place among the steps shown: 0 setup, 1 practice, 2 questions
    /// (the list and each question alike).
    ///
    /// ```
    /// use recorder_core::session::Step;
    /// assert!(Step::Setup.place() < Step::Question { number: 3 }.place());
    /// assert_eq!(Step::Questions { answered: 1 }.place(), Step::Question { number: 2 }.place());
    /// ```
    pub fn place(self) -> u8 {
        match self {
            Step::Setup => 0,
            Step::Practice => 1,
            Step::Questions { .. } | Step::Question { .. } => 2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Interview, Prompt};
    use crate::session::{Flow, Phase};
    use std::time::Duration;

    fn flow(purpose: Purpose) -> Flow {
        Flow {
            purpose,
            phase: Phase::Ready,
            prompt: Some(Prompt::Text { text: "?".into() }),
            limit: Duration::from_secs(5),
        }
    }

    #[test]
    fn each_screen_has_its_step() {
        let mut view = SessionView::overview(&Interview::sample());
        view.questions[0].submitted = true;
        let step = |stage: Stage| Step::of(&stage, &view);
        assert_eq!(step(Stage::Declined), None);
        assert_eq!(step(Stage::Done), None);
        assert_eq!(
            step(Stage::TestVideo(flow(Purpose::Test))),
            Some(Step::Setup)
        );
        assert_eq!(
            step(Stage::Question(flow(Purpose::Test))),
            Some(Step::Setup)
        );
        assert_eq!(
            step(Stage::Question(flow(Purpose::Practice("practice".into())))),
            Some(Step::Practice)
        );
        assert_eq!(
            step(Stage::Questions),
            Some(Step::Questions { answered: 1 })
        );
        assert_eq!(
            step(Stage::Question(flow(Purpose::Answer("q3".into())))),
            Some(Step::Question { number: 3 })
        );
    }
}
