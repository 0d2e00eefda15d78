//! The JSON importer on any bytes: an error or a document, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = wasim_engine::export::json::from_str(s, None);
        let _ = wasim_engine::export::json::from_str(s, Some("نص"));
    }
});
