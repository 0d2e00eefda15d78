//! The whole analysis on any bytes taken as (lossy) UTF-8: no panic, and the export round-trips.
#![no_main]
use libfuzzer_sys::fuzz_target;
use wasim_engine::export::json;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = wasim_engine::annotate(&text);
    let back = json::from_str(&json::to_string(&doc), None).expect("an export always imports");
    assert_eq!(back.entities.len(), doc.entities.len());
    assert_eq!(back.claims.len(), doc.claims.len());
});
