//! `autovideoflip` for GStreamer 1.22, for the tests only.
//!
//! WebKitGTK 2.50 puts an `autovideoflip` (new in GStreamer 1.24) in front of
//! its video encoder; on Debian bookworm's GStreamer 1.22 the element does not
//! exist, the encoder's branch is never linked, and MediaRecorder hands over
//! no bytes for video (sound alone records). This plugin registers an element
//! of that name: a bin around 1.22's `videoflip` with `video-direction=auto`
//! (it turns the picture by its orientation tags, as autovideoflip does in
//! software). `cargo xtask test --engines all` builds it next to the MP4
//! muxer (`gst-plugin-fmp4`) and puts both on `GST_PLUGIN_PATH`.

use gst::glib;
use gst::prelude::*;
use gst::subclass::prelude::*;

mod imp {
    use super::*;
    use std::sync::OnceLock;

    #[derive(Default)]
    pub struct AutoVideoFlip;

    #[glib::object_subclass]
    impl ObjectSubclass for AutoVideoFlip {
        const NAME: &'static str = "GstAutoVideoFlipFor122";
        type Type = super::AutoVideoFlip;
        type ParentType = gst::Bin;
    }

    impl ObjectImpl for AutoVideoFlip {
        fn constructed(&self) {
            self.parent_constructed();
            let flip = gst::ElementFactory::make("videoflip")
                .property_from_str("video-direction", "auto")
                .build()
                .expect("videoflip, from gstreamer1.0-plugins-good");
            let bin = self.obj();
            bin.add(&flip).expect("an empty bin takes an element");
            for name in ["sink", "src"] {
                let target = flip.static_pad(name).expect("videoflip's pads");
                let ghost = gst::GhostPad::with_target(Some(name), &target)
                    .expect("a ghost pad for videoflip's pad");
                bin.add_pad(&ghost).expect("one pad of each name");
            }
        }
    }

    impl GstObjectImpl for AutoVideoFlip {}

    impl ElementImpl for AutoVideoFlip {
        fn metadata() -> Option<&'static gst::subclass::ElementMetadata> {
            static METADATA: OnceLock<gst::subclass::ElementMetadata> = OnceLock::new();
            Some(METADATA.get_or_init(|| {
                gst::subclass::ElementMetadata::new(
                    "Automatic video flip (for GStreamer 1.22)",
                    "Filter/Effect/Video",
                    "Turns the picture by its orientation tags (videoflip video-direction=auto)",
                    "interview-recorder tests",
                )
            }))
        }

        fn pad_templates() -> &'static [gst::PadTemplate] {
            static TEMPLATES: OnceLock<Vec<gst::PadTemplate>> = OnceLock::new();
            TEMPLATES.get_or_init(|| {
                let caps = gst::Caps::new_any();
                [
                    ("sink", gst::PadDirection::Sink),
                    ("src", gst::PadDirection::Src),
                ]
                .map(|(name, direction)| {
                    gst::PadTemplate::new(name, direction, gst::PadPresence::Always, &caps)
                        .expect("a pad template")
                })
                .into()
            })
        }
    }

    impl BinImpl for AutoVideoFlip {}
}

glib::wrapper! {
    /// The element registered as `autovideoflip`.
    pub struct AutoVideoFlip(ObjectSubclass<imp::AutoVideoFlip>) @extends gst::Bin, gst::Element, gst::Object;
}

fn plugin_init(plugin: &gst::Plugin) -> Result<(), glib::BoolError> {
    gst::Element::register(
        Some(plugin),
        "autovideoflip",
        gst::Rank::None,
        AutoVideoFlip::static_type(),
    )
}

gst::plugin_define!(
    autovideoflip,
    "autovideoflip for GStreamer 1.22 (tests only)",
    plugin_init,
    "0.1.0",
    "MIT/X11",
    "gst-autovideoflip",
    "gst-autovideoflip",
    "tests/gst-autovideoflip in the interview recorder's repository",
    "2026-12-06"
);
