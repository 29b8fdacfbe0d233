//! The HTTP vocabulary between a sans-IO engine and whatever sends its requests.
//!
//! An engine returns [`HttpRequest`]s; the edge (fetch in a browser, a test
//! harness natively) sends them and hands back an [`HttpResponse`].
//!
//! ```
//! use recorder_core::http::HttpResponse;
//! let response = HttpResponse::new(204).with_header("Upload-Offset", "42");
//! assert_eq!(response.header("upload-offset"), Some("42"));
//! ```

/// An HTTP method an engine may ask for.
///
/// ```
/// assert_eq!(recorder_core::http::Method::Patch.as_str(), "PATCH");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PATCH`
    Patch,
    /// `HEAD`
    Head,
    /// `DELETE`
    Delete,
    /// `OPTIONS`
    Options,
}

impl Method {
    /// The method's name on the wire.
    ///
    /// ```
    /// assert_eq!(recorder_core::http::Method::Head.as_str(), "HEAD");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Head => "HEAD",
            Method::Delete => "DELETE",
            Method::Options => "OPTIONS",
        }
    }
}

/// A request an engine wants sent.
///
/// ```
/// use recorder_core::http::{HttpRequest, Method};
/// let request = HttpRequest::new(Method::Head, "https://example.com/u/1").with_header("Tus-Resumable", "1.0.0");
/// assert_eq!(request.header("tus-resumable"), Some("1.0.0"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpRequest {
    /// What to do.
    pub method: Method,
    /// The absolute URL.
    pub url: String,
    /// Header names and values, in the order they were added.
    pub headers: Vec<(String, String)>,
    /// The body; empty for none.
    pub body: Vec<u8>,
}

impl HttpRequest {
    /// A request with no headers and an empty body.
    ///
    /// ```
    /// use recorder_core::http::{HttpRequest, Method};
    /// assert!(HttpRequest::new(Method::Get, "https://example.com/").body.is_empty());
    /// ```
    pub fn new(method: Method, url: impl Into<String>) -> Self {
        HttpRequest {
            method,
            url: url.into(),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// Adds a header.
    ///
    /// ```
    /// use recorder_core::http::{HttpRequest, Method};
    /// let r = HttpRequest::new(Method::Get, "https://example.com/").with_header("A", "b");
    /// assert_eq!(r.headers, vec![("A".to_string(), "b".to_string())]);
    /// ```
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// The first value of a header, by case-insensitive name.
    ///
    /// ```
    /// use recorder_core::http::{HttpRequest, Method};
    /// let r = HttpRequest::new(Method::Get, "https://example.com/").with_header("Upload-Length", "3");
    /// assert_eq!(r.header("upload-length"), Some("3"));
    /// ```
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

/// What came back for a request.
///
/// ```
/// use recorder_core::http::HttpResponse;
/// let r = HttpResponse::new(201).with_header("Location", "/api/uploads/1");
/// assert_eq!(r.header("location"), Some("/api/uploads/1"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// Header names and values.
    pub headers: Vec<(String, String)>,
    /// The body as text, for error messages; may be truncated by the transport.
    pub body: String,
}

impl HttpResponse {
    /// A response with a status and nothing else.
    ///
    /// ```
    /// assert_eq!(recorder_core::http::HttpResponse::new(204).status, 204);
    /// ```
    pub fn new(status: u16) -> Self {
        HttpResponse {
            status,
            ..Default::default()
        }
    }

    /// Adds a header.
    ///
    /// ```
    /// let r = recorder_core::http::HttpResponse::new(204).with_header("Upload-Offset", "0");
    /// assert_eq!(r.header("Upload-Offset"), Some("0"));
    /// ```
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Sets the body text.
    ///
    /// ```
    /// let r = recorder_core::http::HttpResponse::new(403).with_body("no attempts left");
    /// assert_eq!(r.body, "no attempts left");
    /// ```
    pub fn with_body(mut self, body: impl Into<String>) -> Self {
        self.body = body.into();
        self
    }

    /// The first value of a header, by case-insensitive name.
    ///
    /// ```
    /// let r = recorder_core::http::HttpResponse::new(200).with_header("Tus-Version", "1.0.0");
    /// assert_eq!(r.header("tus-version"), Some("1.0.0"));
    /// ```
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}
