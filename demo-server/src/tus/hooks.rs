//! What the application decides around the tus protocol, as tusd's hooks
//! do (pre-create, pre-finish, post-finish, pre-terminate): the protocol
//! handler asks, the application (here the interview's rules,
//! `InterviewRules`) answers, and the handler knows nothing of what it asked.

use crate::app::AppState;
use crate::db::UploadRow;
use crate::error::ApiError;
use axum::extract::FromRequestParts;
use std::collections::HashMap;
use std::future::Future;

/// An upload about to be created, as its request describes it.
#[derive(Debug)]
pub struct NewUpload<'a> {
    /// `Upload-Metadata`, decoded.
    pub metadata: &'a HashMap<String, String>,
    /// `Upload-Length`, or `None` for a deferred length.
    pub length: Option<u64>,
}

/// The application's say over uploads. Every method gets the server's state
/// and the request's caller; an `Err` is the answer the client gets.
pub trait Hooks: Send + Sync + 'static {
    /// Who is asking, read from the request (a rejection is the answer).
    type Caller: FromRequestParts<AppState, Rejection = ApiError> + Send + Sync;
    /// What `before_create` admitted, handed back to `record`.
    type Admission: Send + Sync;

    /// The owner of the caller's uploads (no caller sees another's).
    fn owner(caller: &Self::Caller) -> i64;

    /// The largest upload any caller may create (`Tus-Max-Size`).
    fn max_size_overall() -> u64;

    /// Before a new upload: may the caller create it? On yes, what the
    /// application needs to record it.
    fn before_create(
        state: &AppState,
        caller: &Self::Caller,
        upload: &NewUpload<'_>,
    ) -> impl Future<Output = Result<Self::Admission, ApiError>> + Send;

    /// The most bytes an upload so admitted may hold.
    fn max_size(admission: &Self::Admission) -> u64;

    /// Records `upload` (its file made), with what the application keeps
    /// beside it filled in, in one step with the application's bookkeeping,
    /// so that racing creations cannot together break a rule that each alone
    /// keeps. An `Err` refuses the upload.
    fn record(
        state: &AppState,
        upload: UploadRow,
        admission: Self::Admission,
    ) -> impl Future<Output = Result<UploadRow, ApiError>> + Send;

    /// The most bytes `upload` (of this caller) may hold, for one whose
    /// length is not declared yet.
    fn upload_max_size(caller: &Self::Caller, upload: &UploadRow) -> Result<u64, ApiError>;

    /// Before an upload is terminated.
    fn before_terminate(
        state: &AppState,
        caller: &Self::Caller,
        upload: &UploadRow,
    ) -> impl Future<Output = Result<(), ApiError>> + Send;

    /// After an upload was terminated (what the application made from it
    /// is the application's to remove).
    fn after_terminate(state: &AppState, upload: &UploadRow) -> impl Future<Output = ()> + Send;

    /// After its last byte was made durable and hashed, and the store put
    /// the upload together ([`super::store::DataStore::finish`]): after the answer.
    fn after_finish(state: &AppState, upload: &UploadRow);

    /// At each sweep: terminates the uploads the application's own rules
    /// let go at `now` (Unix ms), finished or not; how many.
    fn expire(state: &AppState, now: i64) -> impl Future<Output = Result<usize, ApiError>> + Send;
}
