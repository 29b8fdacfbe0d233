//! What the host page passes in: `{ invite, api }`.

use recorder_core::web::from_js::Fields;
use wasm_bindgen::JsValue;

/// The recorder's options, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MountOptions {
    /// The candidate's invite token.
    pub invite: String,
    /// The API base, absolute, without a trailing slash (`https://host/api`).
    pub api: String,
    /// The language asked for by the host page (`lang`), if any.
    pub lang: Option<String>,
    /// A built-in theme (`theme`): `light` or `dark`.
    pub theme: Option<String>,
    /// Hide the candidate's own picture while answering (`hide-self-view`).
    pub hide_self_view: bool,
}

/// Why the options cannot be used; shown in the element and sent as an `error` event.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OptionsError {
    /// No `invite` attribute or option.
    #[error("the interview link is incomplete (no invite); open the link from your invitation email again")]
    MissingInvite,
    /// `api` missing or not a URL.
    #[error("the page embeds the recorder without a valid `api` URL (got \"{0}\"); integrators: set api=\"https://your-host/api\"")]
    BadApi(String),
    /// `options` is not an object with string fields.
    #[error(
        "mount options must be an object like {{ invite: \"...\", api: \"https://host/api\" }}"
    )]
    NotAnObject,
}

impl MountOptions {
    /// Reads and checks options from JavaScript; a relative `api` is
    /// resolved against the page's address.
    pub fn from_js(value: JsValue) -> Result<MountOptions, OptionsError> {
        let fields = Fields::of(&value, "options").map_err(|_| OptionsError::NotAnObject)?;
        let text = |key| {
            fields
                .opt_string(key)
                .map(Option::unwrap_or_default)
                .map_err(|_| OptionsError::NotAnObject)
        };
        let raw_api = text("api")?;
        let base = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .unwrap_or_default();
        let api = web_sys::Url::new_with_base(raw_api.trim(), &base)
            .ok()
            .filter(|_| !raw_api.trim().is_empty())
            .map(|url| url.href().trim_end_matches('/').to_string())
            .filter(|url| recorder_core::upload::is_http_url(url))
            .ok_or(OptionsError::BadApi(raw_api))?;
        let invite = text("invite")?.trim().to_string();
        if invite.is_empty() {
            return Err(OptionsError::MissingInvite);
        }
        let lang = Some(text("lang")?).filter(|l| !l.trim().is_empty());
        let theme = Some(text("theme")?)
            .filter(|t| !t.is_empty())
            .filter(|t| t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
        Ok(MountOptions {
            invite,
            api,
            lang,
            theme,
            hide_self_view: fields
                .flag("hideSelfView")
                .map_err(|_| OptionsError::NotAnObject)?,
        })
    }
}
