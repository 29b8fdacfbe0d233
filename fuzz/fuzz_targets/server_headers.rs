//! demo-server's tus header parsing on any input: no panic, and what it
//! accepts means what the client meant.
#![no_main]

use demo_server::tus::checksum::ExpectedChecksum;
use demo_server::tus::{headers, metadata};
use libfuzzer_sys::fuzz_target;
use recorder_core::upload::ChecksumAlgorithm;

fuzz_target!(|input: (&str, Vec<(String, String)>)| {
    let (header, pairs) = input;

    // Upload-Metadata: anything parsed has valid keys; the client's encoding round-trips.
    if let Ok(parsed) = metadata::parse(header) {
        assert!(parsed.keys().all(|k| recorder_core::upload::is_valid_metadata_key(k)));
    }
    let mut unique = std::collections::HashSet::new();
    let valid = pairs.iter().all(|(k, _)| recorder_core::upload::is_valid_metadata_key(k) && unique.insert(k));
    let encoded = recorder_core::upload::encode_metadata(&pairs);
    if valid && encoded.len() <= metadata::MAX_LEN {
        let parsed = metadata::parse(&encoded).expect("the client's own encoding parses");
        assert_eq!(parsed.len(), pairs.len());
        for (key, value) in &pairs {
            assert_eq!(&parsed[key], value);
        }
    }

    // Offsets and lengths: digits only, and the value is the number written.
    if let Some(n) = headers::count(header) {
        assert_eq!(header.trim_start_matches('0').len().max(1), n.to_string().len().max(1));
        assert!(header.bytes().all(|b| b.is_ascii_digit()));
    }

    // Upload-Checksum: anything parses or says why; the client's header for a body matches it.
    if let Ok(mut check) = ExpectedChecksum::parse(header) {
        check.update(header.as_bytes());
        let _ = check.matches();
    }
    for algorithm in [ChecksumAlgorithm::Sha1, ChecksumAlgorithm::Sha256] {
        let sent = algorithm.header_value(header.as_bytes());
        let mut check = ExpectedChecksum::parse(&sent).expect("the client's checksum header parses");
        check.update(header.as_bytes());
        assert!(check.matches(), "{sent} matches its own body");
    }
});
