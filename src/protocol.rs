//! The messages between the page and the analysis worker (`src/bin/wasim-worker.rs`), typed
//! with serde and sent as one JSON string each.
//!
//! Why JSON and not `serde-wasm-bindgen`: measured in Chromium on a 20,100-word document
//! (2,641 entities, a 555 KB answer), the page decodes the JSON answer in 4–8 ms and the
//! `serde-wasm-bindgen` object in 7–9 ms (23 ms against 36 ms the first time); the structured
//! clone of `postMessage` costs the same for both (3–4 ms), and encoding in the worker is 3 ms
//! against 7 ms. serde_json is in the bundle anyway (storage, exports), so JSON also adds no code.

use serde::{Deserialize, Serialize};
use wasim_engine::Document;

/// From the page to the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Request {
    /// Analyze `text`, the current text of document `id`.
    Analyze { id: u64, text: String },
}

/// From the worker to the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Response {
    /// The analysis of the text of document `id` took `ms` milliseconds.
    Analyzed { id: u64, doc: Document, ms: f64 },
}

/// A message as it travels: one JSON string.
pub fn encode<T: Serialize>(message: &T) -> String {
    // Plain data with string keys: serializing it cannot fail.
    serde_json::to_string(message).unwrap_or_default()
}

/// A message from its JSON string; `None` for anything else.
pub fn decode<T: for<'de> Deserialize<'de>>(json: &str) -> Option<T> {
    serde_json::from_str(json).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip() {
        let r = Request::Analyze { id: 3, text: "زار الوزير القاهرة.".into() };
        assert_eq!(decode::<Request>(&encode(&r)), Some(r));
        let doc = wasim_engine::annotate("زار الوزير القاهرة.");
        let a = Response::Analyzed { id: 3, doc, ms: 1.5 };
        assert_eq!(decode::<Response>(&encode(&a)), Some(a));
        assert_eq!(decode::<Response>("[3, \"{}\", 1]"), None, "the old array protocol is refused");
    }
}
