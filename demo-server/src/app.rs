//! Shared state and the one router that shows every route.

use crate::db::Db;
use crate::patch_callers::PatchCallers;
use crate::per_invite::{InFlight, MAX_PER_INVITE};
use crate::rules::InterviewRules;
use crate::seekable::Conversions;
use crate::serve::Timeouts;
use crate::webhook::Webhook;
use crate::widget_files::WidgetFiles;
use crate::{
    api, error, extension, pages, per_invite, request_log, review, review_invite, security_headers,
    tus, widget_files,
};
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::routing::{get, head, post};
use axum::Router;
use std::ops::Deref;
use std::path::PathBuf;
use std::sync::Arc;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// Free disk space kept in reserve by default: takes in progress can finish.
pub const MIN_FREE_BYTES: u64 = 256 << 20;

/// What every handler can reach; cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

/// The contents of [`AppState`].
pub struct Shared {
    /// The database.
    pub db: Db,
    /// Where uploads' bytes are.
    pub store: tus::media_store::MediaStore,
    /// The server's public origin, such as `http://127.0.0.1:8080`, for links.
    pub public_url: String,
    /// Where completed interviews are reported.
    pub webhook: Option<Webhook>,
    /// Origins whose pages may call the API.
    pub allowed_origins: Vec<HeaderValue>,
    /// The lease of each upload being written (across instances on PostgreSQL).
    pub locks: tus::shared_lock::SharedLocker,
    /// The sha256 of each upload so far.
    pub running_hashes: tus::running_hash::RunningHashes,
    /// The built widget, served at `/recorder/`.
    pub widget: WidgetFiles,
    /// Who may show the candidate pages in a frame (CSP `frame-ancestors`).
    pub frame_ancestors: String,
    /// How long a silent client may hold a connection or an upload.
    pub timeouts: Timeouts,
    /// Finished takes waiting to be made seekable.
    pub conversions: Conversions,
    /// Below this much free disk space no new take begins (507).
    pub min_free_bytes: u64,
    /// Requests in flight by invite (429 beyond its bound).
    pub in_flight: InFlight,
    /// The invites PATCHes speak for, kept between them.
    pub patch_callers: PatchCallers,
}

impl Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl AppState {
    /// State for a server whose public origin is `public_url`, reporting
    /// completed interviews to `webhook` if given.
    pub fn new(
        db: Db,
        media_dir: PathBuf,
        public_url: &str,
        allowed_origins: Vec<HeaderValue>,
        webhook: Option<Webhook>,
    ) -> AppState {
        let locks = tus::shared_lock::SharedLocker::new(db.postgres_url());
        AppState(Arc::new(Shared {
            db,
            store: tus::media_store::MediaStore::Files(tus::file_store::FileStore::new(media_dir)),
            public_url: public_url.trim_end_matches('/').to_string(),
            webhook,
            allowed_origins,
            locks,
            running_hashes: Default::default(),
            widget: WidgetFiles::default(),
            frame_ancestors: "'self'".to_string(),
            timeouts: Timeouts::default(),
            conversions: Conversions::default(),
            min_free_bytes: MIN_FREE_BYTES,
            in_flight: InFlight::new(MAX_PER_INVITE),
            patch_callers: PatchCallers::default(),
        }))
    }

    /// Tells the webhook, if one is set, that `event` happened to the
    /// invite `candidate` of `interview`; the fields of `more` (an object)
    /// go with it. Signed and retried by [`Webhook::deliver`].
    ///
    /// ```no_run
    /// # fn f(state: demo_server::app::AppState) {
    /// state.report("interview.consent", "demo", 7, serde_json::json!({ "consent": { "agreed": true } }));
    /// # }
    /// ```
    pub fn report(&self, event: &str, interview: &str, candidate: i64, more: serde_json::Value) {
        let Some(webhook) = &self.webhook else {
            return;
        };
        let mut body =
            serde_json::json!({ "event": event, "interview": interview, "candidate": candidate });
        if let (Some(body), serde_json::Value::Object(more)) = (body.as_object_mut(), more) {
            body.extend(more);
        }
        webhook.deliver(body);
    }

    /// This state serving `widget`, its candidate pages framable only by
    /// `frame_ancestors` (origins; none means only this server's own pages).
    /// Call it before the state is shared.
    ///
    /// ```no_run
    /// # fn f(state: demo_server::app::AppState) -> std::io::Result<()> {
    /// let widget = demo_server::widget_files::WidgetFiles::load("target/www/recorder".as_ref())?;
    /// let state = state.serving(widget, &["https://careers.example.com".to_string()]);
    /// # Ok(()) }
    /// ```
    pub fn serving(mut self, widget: WidgetFiles, frame_ancestors: &[String]) -> AppState {
        if let Some(shared) = Arc::get_mut(&mut self.0) {
            shared.widget = widget;
            if !frame_ancestors.is_empty() {
                shared.frame_ancestors = frame_ancestors.join(" ");
            }
        }
        self
    }

    /// This state refusing new takes below `min_free_bytes` of free disk
    /// (instead of [`MIN_FREE_BYTES`]). Call it before the state is shared.
    pub fn with_min_free_bytes(mut self, min_free_bytes: u64) -> AppState {
        if let Some(shared) = Arc::get_mut(&mut self.0) {
            shared.min_free_bytes = min_free_bytes;
        }
        self
    }

    /// This state allowing `max` requests of one invite at once (instead of
    /// [`MAX_PER_INVITE`]). Call it before the state is shared.
    pub fn with_max_per_invite(mut self, max: usize) -> AppState {
        if let Some(shared) = Arc::get_mut(&mut self.0) {
            shared.in_flight = InFlight::new(max);
        }
        self
    }

    /// This state keeping uploads in `store` (instead of files in the media
    /// dir). Call it before the state is shared.
    pub fn with_store(mut self, store: tus::media_store::MediaStore) -> AppState {
        if let Some(shared) = Arc::get_mut(&mut self.0) {
            shared.store = store;
        }
        self
    }

    /// This state with `timeouts` instead of the defaults. Call it before the state is shared.
    ///
    /// ```no_run
    /// # fn f(state: demo_server::app::AppState) {
    /// let quick = demo_server::serve::Timeouts { header: std::time::Duration::from_secs(1), ..Default::default() };
    /// let state = state.with_timeouts(quick);
    /// # }
    /// ```
    pub fn with_timeouts(mut self, timeouts: Timeouts) -> AppState {
        if let Some(shared) = Arc::get_mut(&mut self.0) {
            shared.timeouts = timeouts;
        }
        self
    }
}

/// Every route of the server: the tus handler with the interview's rules as
/// its hooks. `OPTIONS /api/uploads` (tus discovery) is answered by
/// [`tus::discovery`] before CORS sees it.
pub fn router(state: AppState) -> Router {
    let allowed_origins = state.allowed_origins.clone();
    let tus_routes = Router::new()
        .route("/api/uploads", post(tus::create::<InterviewRules>))
        .route(
            "/api/uploads/{id}",
            head(tus::head::<InterviewRules>)
                .patch(tus::patch::<InterviewRules>)
                .delete(tus::delete::<InterviewRules>),
        )
        .route_layer(axum::middleware::from_fn(tus::require_version));
    let api_routes = Router::new()
        .route("/api/session", get(api::session))
        .route("/api/consent", post(api::consent))
        .route("/api/extension", post(extension::request))
        .route("/api/questions/{id}/reveal", post(api::reveal))
        .route("/api/questions/{id}/submit", post(api::submit))
        .route("/api/complete", post(api::complete))
        .route_layer(axum::middleware::from_fn(error::as_json));
    Router::new()
        .merge(api_routes)
        .merge(tus_routes)
        .route("/i/{token}", get(pages::candidate))
        .route("/demo/{token}", get(pages::themes))
        .route("/review/{token}", get(review::page))
        .route("/review/{token}/media/{id}", get(review::media))
        .route("/review/{token}/extensions/{id}", post(extension::decide))
        .route("/review/{token}/invites", post(review_invite::create))
        .route("/recorder/{*path}", get(widget_files::serve))
        .layer(request_log::layer())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            per_invite::limit,
        ))
        .layer(cors(allowed_origins))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            tus::discovery::<InterviewRules>,
        ))
        .layer(axum::middleware::from_fn(security_headers::every_response))
        .with_state(state)
}

/// Response headers a cross-origin page may read.
pub const EXPOSED_HEADERS: [&str; 12] = [
    crate::error::CODE_HEADER,
    "retry-after",
    "location",
    "upload-offset",
    "upload-length",
    "upload-defer-length",
    "upload-metadata",
    "upload-expires",
    "tus-resumable",
    "tus-version",
    "tus-extension",
    "tus-max-size",
];

fn cors(allowed_origins: Vec<HeaderValue>) -> CorsLayer {
    let tus_header = |name: &'static str| HeaderName::from_static(name);
    let allowed = [
        "tus-resumable",
        "upload-offset",
        "upload-length",
        "upload-defer-length",
        "upload-metadata",
        "upload-checksum",
    ];
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(allowed_origins))
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::HEAD,
            Method::PATCH,
            Method::DELETE,
            Method::OPTIONS,
        ])
        .allow_headers(
            allowed
                .into_iter()
                .map(tus_header)
                .chain([header::AUTHORIZATION, header::CONTENT_TYPE])
                .collect::<Vec<_>>(),
        )
        .expose_headers(
            EXPOSED_HEADERS
                .into_iter()
                .map(tus_header)
                .collect::<Vec<_>>(),
        )
        .max_age(std::time::Duration::from_secs(3600))
}
