//! Every importer on any bytes, under every name the import recognises (and in a zip): an error
//! or documents, never a panic; what imports exports again.
#![no_main]
use libfuzzer_sys::fuzz_target;
use wasim_engine::export::{export, import, zip};

fuzz_target!(|data: &[u8]| {
    for name in ["a.json", "a.jsonl", "a.conll", "a.txt", "a.zip", "a.ann"] {
        if let Ok(docs) = import(&[(name.to_string(), data.to_vec())]) {
            for id in ["json", "brat", "conll", "label-studio", "doccano", "w3c", "csv-claims"] {
                let _ = export(id, &docs);
            }
        }
    }
    // A brat pair, and the same pair in a zip.
    let text = String::from_utf8_lossy(data).into_owned();
    let pair = vec![("d.txt".to_string(), text.clone().into_bytes()), ("d.ann".to_string(), data.to_vec())];
    let _ = import(&pair);
    let _ = import(&[("p.zip".to_string(), zip::write(&pair))]);
});
