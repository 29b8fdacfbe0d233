//! Reads the model's wire types out of JavaScript objects (the server's JSON
//! after `JSON.parse`, options, stored take descriptions), field by field.
//!
//! The wire format itself is defined once, by the serde derives in
//! [`crate::model`]; the browser tests check that everything serde writes is
//! read back equal here. Reading by hand instead of through serde keeps the
//! widget small: serde's deserializers (and the float formatting their error
//! messages link in) cost about a sixth of the widget's download.
//!
//! ```no_run
//! use recorder_core::model::SessionView;
//! use recorder_core::web::from_js::from_js;
//! let json = js_sys::JSON::parse(r#"{"title": "T", "questions": []}"#).unwrap();
//! let view: SessionView = from_js(&json).unwrap();
//! assert_eq!(view.title, "T");
//! ```

use crate::model::{
    Accommodations, Branding, Consent, ConsentAnswer, Extension, ExtensionStatus, Help,
    Presentation, Prompt, Quality, Question, QuestionSummary, Receipt, RevealedQuestion,
    SessionView, SubmittedAnswer,
};
use crate::take_store::TakeInfo;
use wasm_bindgen::JsValue;

/// A value that is not shaped the way the recorder expects.
///
/// ```
/// let e = recorder_core::web::from_js::ShapeError { field: "title", expected: "a string" };
/// assert_eq!(e.to_string(), "`title` is missing or is not a string");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{field}` is missing or is not {expected}")]
pub struct ShapeError {
    /// The field (or `value` for the whole value).
    pub field: &'static str,
    /// What it should have been.
    pub expected: &'static str,
}

/// A type read from a JavaScript object.
pub trait FromJs: Sized {
    /// Reads the value from the object's fields.
    fn from_fields(fields: &Fields) -> Result<Self, ShapeError>;
}

/// Reads a `T` from a JavaScript object.
///
/// ```no_run
/// use recorder_core::web::from_js::{from_js, ShapeError};
/// let not_an_object = wasm_bindgen::JsValue::from_str("hello");
/// let read: Result<recorder_core::model::Receipt, ShapeError> = from_js(&not_an_object);
/// assert_eq!(read.unwrap_err().field, "value");
/// ```
pub fn from_js<T: FromJs>(value: &JsValue) -> Result<T, ShapeError> {
    T::from_fields(&Fields::of(value, "value")?)
}

/// The fields of one JavaScript object. Absent and `null` fields read as
/// `None` (or the type's default where the model says `#[serde(default)]`).
pub struct Fields<'a>(&'a JsValue);

impl<'a> Fields<'a> {
    /// The fields of `value`, which must be an object (`field` names it in the error).
    pub fn of(value: &'a JsValue, field: &'static str) -> Result<Fields<'a>, ShapeError> {
        if value.is_object() {
            Ok(Fields(value))
        } else {
            Err(ShapeError {
                field,
                expected: "an object",
            })
        }
    }

    /// The field's value; `None` when absent or `null`.
    pub fn get(&self, key: &str) -> Option<JsValue> {
        js_sys::Reflect::get(self.0, &JsValue::from_str(key))
            .ok()
            .filter(|value| !value.is_undefined() && !value.is_null())
    }

    /// A string field that may be absent.
    pub fn opt_string(&self, key: &'static str) -> Result<Option<String>, ShapeError> {
        self.get(key)
            .map(|value| value.as_string().ok_or(expected(key, "a string")))
            .transpose()
    }

    /// A string field that must be there.
    pub fn string(&self, key: &'static str) -> Result<String, ShapeError> {
        self.opt_string(key)?.ok_or(expected(key, "a string"))
    }

    /// A whole number field between `0` and `2^53` that may be absent.
    pub fn opt_u64(&self, key: &'static str) -> Result<Option<u64>, ShapeError> {
        self.get(key)
            .map(|value| {
                value
                    .as_f64()
                    .filter(|n| n.fract() == 0.0 && (0.0..=MAX_SAFE).contains(n))
                    .map(|n| n as u64)
                    .ok_or(expected(key, "a whole number"))
            })
            .transpose()
    }

    /// A whole number field between `0` and `2^53` that must be there.
    pub fn u64(&self, key: &'static str) -> Result<u64, ShapeError> {
        self.opt_u64(key)?.ok_or(expected(key, "a whole number"))
    }

    /// A whole number field that fits a `u32` and may be absent.
    pub fn opt_u32(&self, key: &'static str) -> Result<Option<u32>, ShapeError> {
        self.opt_u64(key)?
            .map(|n| u32::try_from(n).map_err(|_| expected(key, "a whole number below 2^32")))
            .transpose()
    }

    /// A whole number field that fits a `u32` and must be there.
    pub fn u32(&self, key: &'static str) -> Result<u32, ShapeError> {
        self.opt_u32(key)?.ok_or(expected(key, "a whole number"))
    }

    /// A signed whole number field (Unix milliseconds, say) that must be there.
    pub fn i64(&self, key: &'static str) -> Result<i64, ShapeError> {
        self.get(key)
            .and_then(|value| value.as_f64())
            .filter(|n| n.fract() == 0.0 && (-MAX_SAFE..=MAX_SAFE).contains(n))
            .map(|n| n as i64)
            .ok_or(expected(key, "a whole number"))
    }

    /// A boolean field; absent reads as `false`.
    pub fn flag(&self, key: &'static str) -> Result<bool, ShapeError> {
        self.get(key)
            .map(|value| value.as_bool().ok_or(expected(key, "true or false")))
            .unwrap_or(Ok(false))
    }

    /// An object field that may be absent.
    pub fn opt_object<T: FromJs>(&self, key: &'static str) -> Result<Option<T>, ShapeError> {
        self.get(key)
            .map(|value| T::from_fields(&Fields::of(&value, key)?))
            .transpose()
    }

    /// An object field that must be there.
    pub fn object<T: FromJs>(&self, key: &'static str) -> Result<T, ShapeError> {
        self.opt_object(key)?.ok_or(expected(key, "an object"))
    }

    /// An array-of-objects field that must be there.
    pub fn list<T: FromJs>(&self, key: &'static str) -> Result<Vec<T>, ShapeError> {
        let array = self
            .get(key)
            .filter(js_sys::Array::is_array)
            .ok_or(expected(key, "a list"))?;
        js_sys::Array::from(&array)
            .iter()
            .map(|item| T::from_fields(&Fields::of(&item, key)?))
            .collect()
    }
}

/// The largest whole number a JavaScript number holds exactly.
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

fn expected(field: &'static str, expected: &'static str) -> ShapeError {
    ShapeError { field, expected }
}

impl FromJs for SessionView {
    fn from_fields(f: &Fields) -> Result<Self, ShapeError> {
        Ok(SessionView {
            title: f.string("title")?,
            // Flattened into the view on the wire.
            presentation: Presentation::from_fields(f)?,
            practice: f.opt_object("practice")?,
            questions: f.list("questions")?,
            consent_answer: f.opt_object("consent_answer")?,
            accommodations: f.opt_object("accommodations")?,
            extension: f.opt_object("extension")?,
        })
    }
}

impl FromJs for Presentation {
    fn from_fields(f: &Fields) -> Result<Self, ShapeError> {
        Ok(Presentation {
            intro_video: f.opt_string("intro_video")?,
            deadline: f.opt_u64("deadline")?,
            locale: f.opt_string("locale")?,
            branding: f.opt_object("branding")?.unwrap_or_default(),
            consent: f.opt_object("consent")?,
            help: f.opt_object("help")?,
            review_by: f.opt_u64("review_by")?,
            quality: f.opt_object("quality")?,
        })
    }
}

impl FromJs for Extension {
    fn from_fields(f: &Fields) -> Result<Self, ShapeError> {
        Ok(Extension {
            note: f.string("note")?,
            requested_at: f.i64("requested_at")?,
            status: ExtensionStatus::parse(&f.string("status")?)
                .ok_or(expected("status", "pending, granted or declined"))?,
            decided_at: f.opt_u64("decided_at")?.map(|ms| ms as i64),
        })
    }
}

impl FromJs for Quality {
    fn from_fields(f: &Fields) -> Result<Self, ShapeError> {
        let default = Quality::default();
        Ok(Quality {
            floor_kbps: f.opt_u32("floor_kbps")?.unwrap_or(default.floor_kbps),
            ceiling_kbps: f.opt_u32("ceiling_kbps")?.unwrap_or(default.ceiling_kbps),
            audio_only: f.flag("audio_only")?,
        })
    }
}

impl FromJs for Help {
    fn from_fields(f: &Fields) -> Result<Self, ShapeError> {
        Ok(Help {
            email: f.opt_string("email")?,
            url: f.opt_string("url")?,
        })
    }
}

impl FromJs for Accommodations {
    fn from_fields(f: &Fields) -> Result<Self, ShapeError> {
        Ok(Accommodations {
            time_percent: f.opt_u32("time_percent")?.unwrap_or(100),
            extra_attempts: f.opt_u32("extra_attempts")?.unwrap_or_default(),
            manual_start: f.flag("manual_start")?,
        })
    }
}

impl FromJs for Consent {
    fn from_fields(f: &Fields) -> Result<Self, ShapeError> {
        Ok(Consent {
            text: f.string("text")?,
            privacy_url: f.opt_string("privacy_url")?,
        })
    }
}

impl FromJs for ConsentAnswer {
    fn from_fields(f: &Fields) -> Result<Self, ShapeError> {
        Ok(ConsentAnswer {
            agreed: f.flag("agreed")?,
            at: f.i64("at")?,
            text_sha256: f.string("text_sha256")?,
        })
    }
}

impl FromJs for Branding {
    fn from_fields(f: &Fields) -> Result<Self, ShapeError> {
        Ok(Branding {
            company: f.opt_string("company")?.unwrap_or_default(),
            logo_url: f.opt_string("logo_url")?,
            accent: f.opt_string("accent")?,
        })
    }
}

impl FromJs for Question {
    fn from_fields(f: &Fields) -> Result<Self, ShapeError> {
        Ok(Question {
            id: f.string("id")?,
            prompt: f.object("prompt")?,
            think_seconds: f.u32("think_seconds")?,
            answer_seconds: f.u32("answer_seconds")?,
            attempts: f.u32("attempts")?,
        })
    }
}

impl FromJs for Prompt {
    fn from_fields(f: &Fields) -> Result<Self, ShapeError> {
        let text = f.string("text")?;
        Ok(match f.opt_string("video_url")? {
            Some(video_url) => Prompt::Video { video_url, text },
            None => Prompt::Text { text },
        })
    }
}

impl FromJs for QuestionSummary {
    fn from_fields(f: &Fields) -> Result<Self, ShapeError> {
        Ok(QuestionSummary {
            id: f.string("id")?,
            think_seconds: f.u32("think_seconds")?,
            answer_seconds: f.u32("answer_seconds")?,
            attempts: f.u32("attempts")?,
            attempts_used: f.u32("attempts_used")?,
            technical_failures: f.opt_u32("technical_failures")?.unwrap_or_default(),
            revealed: f.flag("revealed")?,
            submitted: f.flag("submitted")?,
        })
    }
}

impl FromJs for RevealedQuestion {
    fn from_fields(f: &Fields) -> Result<Self, ShapeError> {
        Ok(RevealedQuestion {
            id: f.string("id")?,
            prompt: f.object("prompt")?,
            think_seconds: f.u32("think_seconds")?,
            answer_seconds: f.u32("answer_seconds")?,
            attempts_left: f.u32("attempts_left")?,
            think_left_ms: f.u64("think_left_ms")?,
        })
    }
}

impl FromJs for SubmittedAnswer {
    fn from_fields(f: &Fields) -> Result<Self, ShapeError> {
        Ok(SubmittedAnswer {
            question: f.string("question")?,
            bytes: f.u64("bytes")?,
            sha256: f.string("sha256")?,
            duration_ms: f.opt_u64("duration_ms")?,
            submitted_at: f.i64("submitted_at")?,
        })
    }
}

impl FromJs for Receipt {
    fn from_fields(f: &Fields) -> Result<Self, ShapeError> {
        Ok(Receipt {
            title: f.string("title")?,
            completed_at: f.i64("completed_at")?,
            answers: f.list("answers")?,
            review_by: f.opt_u64("review_by")?,
        })
    }
}

impl FromJs for TakeInfo {
    fn from_fields(f: &Fields) -> Result<Self, ShapeError> {
        Ok(TakeInfo {
            question: f.string("question")?,
            mime_type: f.string("mime_type")?,
            upload_url: f.opt_string("upload_url")?,
            finished: f.flag("finished")?,
            given_up: f.flag("given_up")?,
            camera_app: f.flag("camera_app")?,
        })
    }
}
