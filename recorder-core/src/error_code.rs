//! The stable codes an interview server gives its refusals (the `Error-Code`
//! header, and `code` in the candidate API's JSON error body). The server
//! decides with them; the recorder shows its own translated text for each.

macro_rules! codes {
    ($($variant:ident = $code:literal: $doc:literal,)*) => {
        /// Why the server refused a request.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum ErrorCode {
            $(#[doc = $doc] $variant,)*
        }

        impl ErrorCode {
            /// Every code, in the README's order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The code as sent (kebab-case).
            ///
            /// ```
            /// use recorder_core::error_code::ErrorCode;
            /// assert_eq!(ErrorCode::InviteInvalid.as_str(), "invite-invalid");
            /// ```
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)*
                }
            }

            /// The code `text` names, if it is one of these.
            ///
            /// ```
            /// use recorder_core::error_code::ErrorCode;
            /// assert_eq!(ErrorCode::parse("deadline-passed"), Some(ErrorCode::DeadlinePassed));
            /// assert_eq!(ErrorCode::parse("something-new"), None);
            /// ```
            pub fn parse(text: &str) -> Option<ErrorCode> {
                Self::ALL.iter().copied().find(|code| code.as_str() == text)
            }
        }
    };
}

codes! {
    TokenMissing = "token-missing": "No `Authorization: Bearer <invite token>` header.",
    InviteInvalid = "invite-invalid": "The invite is unknown, or no longer valid.",
    QuestionUnknown = "question-unknown": "The question is not part of this interview.",
    QuestionNotRevealed = "question-not-revealed": "An answer upload for a question not yet revealed.",
    NoAttemptsLeft = "no-attempts-left": "Every attempt at the question is used.",
    TechnicalRetriesUsed = "technical-retries-used": "The question's takes given back after technical failures are used up.",
    DeadlinePassed = "deadline-passed": "The interview's deadline has passed.",
    ConsentRequired = "consent-required": "The interview asks for consent, and the candidate has not agreed (or declined).",
    ConsentChanged = "consent-changed": "An answer to a consent text other than the interview's current one.",
    ConsentAnswered = "consent-answered": "The candidate already answered the consent text otherwise.",
    AlreadySubmitted = "already-submitted": "The question already has a submitted answer.",
    AnswersMissing = "answers-missing": "Completing before every question has an answer.",
    TakeIncomplete = "take-incomplete": "Submitting a take the server does not have whole yet.",
    TakeMismatch = "take-mismatch": "Submitting a take other than the one the server has.",
    AnswerTooLong = "answer-too-long": "Submitting a camera app's video longer than the answer may be (the attempt is used).",
    VideoUnreadable = "video-unreadable": "Submitting a camera app's file in which the server finds no video or audio it can read.",
    UploadNotFound = "upload-not-found": "No such upload for this invite.",
    UploadGone = "upload-gone": "The upload was deleted or has expired.",
    SubmittedCannotBeDeleted = "submitted-cannot-be-deleted": "Deleting the take that is an answer.",
    TooLarge = "too-large": "The upload is larger than the question allows.",
    OffsetMismatch = "offset-mismatch": "A PATCH at an offset other than the server's.",
    ChecksumMismatch = "checksum-mismatch": "A body that does not match its Upload-Checksum.",
    Locked = "locked": "Another request is writing to the upload.",
    TusVersion = "tus-version": "A request without `Tus-Resumable: 1.0.0`.",
    ContentType = "content-type": "A PATCH without `Content-Type: application/offset+octet-stream`.",
    BadRequest = "bad-request": "A malformed header or body.",
    ExtensionNotNow = "extension-not-now": "Asking for more time while the deadline is not near (or there is none), every question is answered, or a request waits for the team.",
    ExtensionUnknown = "extension-unknown": "Deciding a request for more time that does not exist or was already decided.",
    ReviewLinkInvalid = "review-link-invalid": "The hiring team's review link is not valid.",
    TooManyRequests = "too-many-requests": "The invite has too many requests in flight at once; retry shortly.",
    StorageFull = "storage-full": "The server's disk is (nearly) full; the request can be retried later.",
    ServerError = "server-error": "The server failed (its database or disk); the request can be retried.",
}
