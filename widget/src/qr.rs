//! A QR code of a link, as one SVG path: drawn where the recorder cannot
//! record (an app's webview, a browser without a camera API), so that the
//! candidate can go on in another browser or on another device.

use qrcodegen::{QrCode, QrCodeEcc};

/// A QR code's dark modules as an SVG path in a `size` x `size` grid
/// (without the quiet zone around it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrPath {
    /// Modules per side.
    pub size: i32,
    /// The path: one `M x y h n v1 h-n z` rectangle per run of dark
    /// modules in a row.
    pub d: String,
}

/// The QR code of `text` (medium error correction: a phone's camera reads
/// it off another phone's screen), or `None` if it is too long for one.
///
/// ```
/// let qr = widget::qr::svg_path("https://example.com/i/abc").unwrap();
/// assert!(qr.size >= 21 && qr.d.starts_with('M'));
/// ```
pub fn svg_path(text: &str) -> Option<QrPath> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let mut d = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            let start = x;
            while x < size && code.get_module(x, y) {
                x += 1;
            }
            match x - start {
                0 => x += 1,
                run => d.push_str(&format!("M{start} {y}h{run}v1h-{run}z")),
            }
        }
    }
    Some(QrPath { size, d })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_finder_patterns_are_in_their_corners() {
        let qr =
            svg_path("https://jobs.example.com/careers/apply?invite=0123456789abcdef").unwrap();
        // A finder's top row: seven dark modules, then a light separator.
        let finder_row = |x: i32, y: i32| qr.d.contains(&format!("M{x} {y}h7v1h-7z"));
        let far = qr.size - 7;
        assert!(qr.d.starts_with("M0 0h7v1h-7z"));
        assert!(finder_row(far, 0) && finder_row(0, far), "{}", qr.d);
        assert!(!finder_row(far, far), "no finder bottom right");
        assert!(
            svg_path(&"x".repeat(5000)).is_none(),
            "too long for a QR code"
        );
    }
}
