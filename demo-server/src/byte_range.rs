//! The one `Range: bytes=...` a media player asks for (a start and an end,
//! an open end, or the last N bytes), for responses that are not files
//! (files are served by `tower_http`'s `ServeFile`).

use std::ops::Range;

/// What a `Range` header asks of `size` bytes: `Ok(None)` for the whole
/// (no header, or one this does not serve, such as several ranges, answered
/// whole as RFC 9110 allows), `Ok(Some(range))` for part of it, `Err(())`
/// if it asks only for bytes past the end (416).
///
/// ```
/// use demo_server::byte_range::requested;
/// assert_eq!(requested(Some("bytes=0-99"), 1000), Ok(Some(0..100)));
/// assert_eq!(requested(Some("bytes=900-"), 1000), Ok(Some(900..1000)));
/// assert_eq!(requested(Some("bytes=-10"), 1000), Ok(Some(990..1000)));
/// assert_eq!(requested(Some("bytes=2000-"), 1000), Err(()));
/// assert_eq!(requested(None, 1000), Ok(None));
/// ```
#[allow(clippy::result_unit_err)]
pub fn requested(header: Option<&str>, size: u64) -> Result<Option<Range<u64>>, ()> {
    let Some(spec) = header.and_then(|h| h.trim().strip_prefix("bytes=")) else {
        return Ok(None);
    };
    if spec.contains(',') {
        return Ok(None);
    }
    let Some((first, last)) = spec.split_once('-') else {
        return Ok(None);
    };
    let number = |text: &str| text.trim().parse::<u64>().ok();
    let range = match (first.trim(), last.trim()) {
        ("", suffix) => match number(suffix) {
            Some(0) => return Err(()),
            Some(n) => size.saturating_sub(n)..size,
            None => return Ok(None),
        },
        (start, "") => match number(start) {
            Some(start) => start..size,
            None => return Ok(None),
        },
        (start, end) => match (number(start), number(end)) {
            (Some(start), Some(end)) if start <= end => start..end.saturating_add(1).min(size),
            _ => return Ok(None),
        },
    };
    if range.start >= size {
        return Err(());
    }
    Ok(Some(range))
}

#[cfg(test)]
mod tests {
    use super::requested;

    #[test]
    fn odd_or_several_ranges_get_the_whole() {
        assert_eq!(requested(Some("bytes=0-1,5-6"), 10), Ok(None));
        assert_eq!(requested(Some("items=0-1"), 10), Ok(None));
        assert_eq!(requested(Some("bytes=5-2"), 10), Ok(None));
        assert_eq!(requested(Some("bytes=a-"), 10), Ok(None));
    }

    #[test]
    fn an_end_past_the_size_is_cut_to_it_and_an_empty_body_has_no_range() {
        assert_eq!(requested(Some("bytes=5-100"), 10), Ok(Some(5..10)));
        assert_eq!(requested(Some("bytes=0-"), 0), Err(()));
        assert_eq!(requested(Some("bytes=-0"), 10), Err(()));
        let huge = format!("bytes=5-{}", u64::MAX);
        assert_eq!(requested(Some(&huge), 10), Ok(Some(5..10)));
    }
}
