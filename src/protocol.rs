//! The messages between the page and the analysis worker (`src/bin/wasim-worker.rs`, its logic
//! in `worker.rs`), typed with serde and sent as one JSON string each. The worker owns the
//! learned model and what a person taught it; the page keeps a copy of what was taught (to store
//! it, undo it, export it) and tells the worker which state to hold.
//!
//! Why JSON and not `serde-wasm-bindgen`: measured in Chromium on a 20,100-word document
//! (2,641 entities, a 555 KB answer), the page decodes the JSON answer in 4–8 ms and the
//! `serde-wasm-bindgen` object in 7–9 ms (23 ms against 36 ms the first time); the structured
//! clone of `postMessage` costs the same for both (3–4 ms), and encoding in the worker is 3 ms
//! against 7 ms. serde_json is in the bundle anyway (storage, exports), so JSON also adds no code.

use crate::delta::Delta;
use serde::{Deserialize, Serialize};
use wasim_engine::tagger::ModelError;
use wasim_engine::Document;

/// From the page to the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Request {
    /// Analyze `text`, the current text of document `id`.
    Analyze(Job),
    /// Learn from corrected sentences; what was taught becomes state `gen`. When the model
    /// changed, re-tag `retag` with it. `today` dates the first correction (`YYYY-MM-DD`).
    Learn { gen: u64, lessons: Vec<Lesson>, today: String, retag: Option<Job> },
    /// Check a `.wasim-taught` file (kind, version, damage, made on this model) and answer with
    /// what it holds (`Checked`) or why not (`Refused`); the worker's model does not change.
    Check {
        #[serde(with = "crate::bytes")]
        bytes: Vec<u8>,
    },
    /// Hold taught state `gen`: what `bytes` (a file the worker wrote) holds, or nothing (the
    /// shipped model). A file the model cannot take is answered with `Refused`, and the worker
    /// holds the shipped model.
    Load {
        gen: u64,
        #[serde(with = "crate::bytes::option")]
        bytes: Option<Vec<u8>>,
    },
}

/// A document to analyze.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Job {
    pub id: u64,
    /// The worker's analysis (its `token`) of this very text the page's document is built on:
    /// when the worker still has it, it answers with what changed (`Retagged`), not all of it.
    pub base: Option<u64>,
    /// The text; none when it is the text of analysis `base`, which the worker keeps (a
    /// 50,000-word text took the page 14 ms to put in JSON at every correction). A worker that
    /// no longer has it asks for it (`Resend`).
    pub text: Option<String>,
}

/// A corrected sentence, read in its paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lesson {
    /// The paragraph (line) holding the correction, with the entities it has after it.
    pub doc: Document,
    /// A byte of `doc.text` inside the corrected sentence.
    pub at: usize,
}

/// From the worker to the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Response {
    /// The worker listens (messages sent before are lost, so the page waits for this).
    /// `model`: whether the learned model loaded; without it the rules alone tag.
    Ready { model: bool },
    /// The analysis of the text of document `id`, named `token`, took `ms` milliseconds, made
    /// with taught state `gen` (the page drops it if that state was undone meanwhile).
    Analyzed { id: u64, doc: Document, token: u64, gen: u64, ms: f64 },
    /// The analysis of document `id` is its analysis `base` changed by `delta`; named `token`,
    /// made with taught state `gen`.
    Retagged { id: u64, base: u64, token: u64, gen: u64, delta: Delta, ms: f64 },
    /// What was taught is now state `gen`; `changed`: whether the lessons changed the model;
    /// `ms`: how long learning took.
    Taught { gen: u64, taught: TaughtFile, changed: bool, ms: f64 },
    /// What a checked file holds.
    Checked { taught: TaughtFile },
    /// A file the model cannot take (`gen`: the state it was loaded as, none for a check).
    Refused { gen: Option<u64>, reason: Refusal },
    /// The worker no longer has the text of document `id` it was asked to analyze: send it.
    Resend { id: u64 },
}

/// What a person taught the model: how many corrections, since when, and the file that holds it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TaughtFile {
    pub corrections: u32,
    pub since: Option<String>,
    #[serde(with = "crate::bytes")]
    pub bytes: Vec<u8>,
}

/// Why a taught file was refused (the engine's `ModelError`, which the interface words in the
/// person's language).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Refusal {
    NotAModel,
    Version {
        file: u32,
        features: u32,
    },
    Damaged {
        what: String,
    },
    OtherModel,
    /// The worker has no model to teach (it runs the rules alone).
    NoModel,
}

impl From<ModelError> for Refusal {
    fn from(e: ModelError) -> Refusal {
        match e {
            ModelError::NotAModel => Refusal::NotAModel,
            ModelError::Version { file, features } => Refusal::Version { file, features },
            ModelError::Damaged(what) => Refusal::Damaged { what },
            ModelError::OtherModel => Refusal::OtherModel,
        }
    }
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
        let text = "وصل الوزير إلى القاهرة.";
        let doc = wasim_engine::annotate(text);
        let requests = [
            Request::Analyze(Job { id: 3, text: Some(text.into()), base: Some(7) }),
            Request::Learn {
                gen: 2,
                lessons: vec![Lesson { doc: doc.clone(), at: 4 }],
                today: "2026-11-29".into(),
                retag: Some(Job { id: 3, text: None, base: Some(7) }),
            },
            Request::Check { bytes: b"WASIMTAU\x01\x00".to_vec() },
            Request::Load { gen: 4, bytes: None },
            Request::Load { gen: 5, bytes: Some(vec![0, 255, 7]) },
        ];
        for r in requests {
            assert_eq!(decode::<Request>(&encode(&r)), Some(r));
        }
        let taught = TaughtFile { corrections: 2, since: Some("2026-11-29".into()), bytes: vec![1, 2, 3] };
        let responses = [
            Response::Ready { model: true },
            Response::Analyzed { id: 3, doc: doc.clone(), token: 1, gen: 2, ms: 1.5 },
            Response::Retagged { id: 3, base: 1, token: 2, gen: 2, delta: Delta::between(&doc, &doc), ms: 2.0 },
            Response::Taught { gen: 2, taught: taught.clone(), changed: true, ms: 0.4 },
            Response::Checked { taught },
            Response::Refused { gen: None, reason: Refusal::Damaged { what: "cut short".into() } },
            Response::Resend { id: 3 },
        ];
        for r in responses {
            assert_eq!(decode::<Response>(&encode(&r)), Some(r));
        }
        assert_eq!(decode::<Response>("[3, \"{}\", 1]"), None, "the old array protocol is refused");
        assert!(encode(&Request::Check { bytes: vec![0; 30] }).contains("AAAA"), "bytes travel as base64");
    }
}
