//! Decoding arbitrary bytes: never panics; decoded text is non-empty.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((text, _)) = rasd_ingest::decode(data) {
        assert!(!text.trim().is_empty());
    }
});
