//! Which container and codecs to record in, by what the browser supports.

/// Recording types in order of preference: WebM (VP9, then VP8, with Opus)
/// where supported, MP4 (H.264 + AAC) on Safari and iOS, MP4 with H.264 and
/// Opus where there is no AAC encoder (Chromium builds without it; H.264 is
/// what every phone plays), then the plain containers. Never one hard-coded type.
/// H.264 is asked for at level 4.0 (`42E028`): WebKit's GStreamer encoder
/// takes the level at its word, and level 3.0 holds at most 720x576, so a
/// 720p camera recorded nothing there.
///
/// ```
/// assert!(recorder_core::recording_format::PREFERRED[0].starts_with("video/webm"));
/// ```
pub const PREFERRED: &[&str] = &[
    "video/webm;codecs=vp9,opus",
    "video/webm;codecs=vp8,opus",
    "video/webm",
    "video/mp4;codecs=avc1.42E028,mp4a.40.2",
    "video/mp4;codecs=avc1,mp4a",
    "video/mp4;codecs=avc1,opus",
    "video/mp4",
];

/// Types for an answer in sound only, in order of preference: Opus in WebM
/// where supported, AAC in MP4 on Safari and iOS, then the plain containers.
///
/// ```
/// assert_eq!(recorder_core::recording_format::PREFERRED_AUDIO[0], "audio/webm;codecs=opus");
/// ```
pub const PREFERRED_AUDIO: &[&str] = &[
    "audio/webm;codecs=opus",
    "audio/mp4;codecs=mp4a.40.2",
    "audio/mp4",
    "audio/webm",
];

/// The first of `preferred` ([`PREFERRED`] or [`PREFERRED_AUDIO`]) the
/// browser says it supports; `None` means "let the browser choose" (its
/// default type is then read back from the recorder).
///
/// ```
/// use recorder_core::recording_format::{negotiate, PREFERRED, PREFERRED_AUDIO};
/// assert_eq!(negotiate(PREFERRED, |t| t.starts_with("video/mp4")), Some("video/mp4;codecs=avc1.42E028,mp4a.40.2"));
/// assert_eq!(negotiate(PREFERRED_AUDIO, |t| t.starts_with("audio/mp4")), Some("audio/mp4;codecs=mp4a.40.2"));
/// assert_eq!(negotiate(PREFERRED, |_| false), None);
/// ```
pub fn negotiate(
    preferred: &[&'static str],
    is_supported: impl Fn(&str) -> bool,
) -> Option<&'static str> {
    preferred.iter().copied().find(|t| is_supported(t))
}

/// The container part of a recording type, for `filetype` metadata and file
/// names: `video/webm;codecs=vp9,opus` gives `video/webm`.
///
/// ```
/// assert_eq!(recorder_core::recording_format::container("video/mp4;codecs=avc1"), "video/mp4");
/// ```
pub fn container(mime_type: &str) -> &str {
    mime_type.split(';').next().unwrap_or_default().trim()
}

#[cfg(test)]
mod tests {
    use super::PREFERRED;

    #[test]
    fn every_h264_level_asked_for_holds_a_1080p_picture() {
        let levels: Vec<u8> = PREFERRED
            .iter()
            .filter_map(|t| t.split("avc1.").nth(1))
            .map(|profile| u8::from_str_radix(&profile[4..6], 16).unwrap())
            .collect();
        assert!(!levels.is_empty());
        assert!(levels.iter().all(|&level| level >= 40), "{levels:?}");
    }
}
