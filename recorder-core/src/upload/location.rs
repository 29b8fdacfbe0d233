//! Resolving a `Location` header against the endpoint that returned it.

/// Resolves `reference` (absolute, scheme-relative, absolute-path or
/// relative) against the absolute URL `base`, as a browser would.
///
/// ```
/// use recorder_core::upload::resolve_url;
/// assert_eq!(resolve_url("http://h:8080/api/uploads", "/api/uploads/7"), "http://h:8080/api/uploads/7");
/// assert_eq!(resolve_url("http://h/api/uploads/", "7"), "http://h/api/uploads/7");
/// assert_eq!(resolve_url("https://h/a", "https://o/u/7"), "https://o/u/7");
/// ```
pub fn resolve_url(base: &str, reference: &str) -> String {
    let reference = reference.trim();
    if reference.contains("://") {
        return reference.to_string();
    }
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    if let Some(rest) = reference.strip_prefix("//") {
        return format!("{}{rest}", &base[..scheme_end]);
    }
    let path_start = base[scheme_end..]
        .find('/')
        .map(|i| scheme_end + i)
        .unwrap_or(base.len());
    if reference.starts_with('/') {
        return format!("{}{reference}", &base[..path_start]);
    }
    let base_path = base[path_start..]
        .split(['?', '#'])
        .next()
        .unwrap_or_default();
    let directory = base_path
        .rfind('/')
        .map(|i| &base_path[..=i])
        .unwrap_or("/");
    format!("{}{directory}{reference}", &base[..path_start])
}

/// Whether `url` is an absolute http or https URL with a host.
///
/// ```
/// assert!(recorder_core::upload::is_http_url("http://127.0.0.1:8080/api"));
/// assert!(!recorder_core::upload::is_http_url("/api/uploads"));
/// ```
pub fn is_http_url(url: &str) -> bool {
    ["http://", "https://"].iter().any(|scheme| {
        url.strip_prefix(scheme)
            .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'))
    })
}
