//! What the app stores in the browser, as versioned JSON (pure, tested natively). The storage
//! itself is in `storage.rs`.
//!
//! Schema 2: `{ "schema": 2, "current": 0, "docs": [ { "id", "name", "document": Document } ],
//! "taught": { "corrections", "since", "bytes" } | null, "unusable": … | null }` where
//! `Document` is the engine's own serde form (byte offsets, statuses, rejections), `taught` is
//! what the model was taught (the `.wasim-taught` file as base64, with its counts, so the page
//! shows them without the model) and `unusable` a taught file this model could not use, kept.
//! Schema 1 (before the model learned) is schema 2 with nothing taught.

use crate::protocol::TaughtFile;
use crate::state::{Restored, State};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use wasim_engine::Document;

pub const SCHEMA: u32 = 2;

#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    schema: u32,
    current: usize,
    docs: Vec<StoredDoc<'a>>,
    #[serde(default)]
    taught: Option<TaughtFile>,
    #[serde(default)]
    unusable: Option<TaughtFile>,
}

/// A document as stored: borrowed from the state to be written (a long one is not copied on
/// every save), owned when read.
#[derive(Serialize, Deserialize)]
struct StoredDoc<'a> {
    id: u64,
    name: String,
    document: Cow<'a, Document>,
}

/// The workspace as stored. Documents whose analysis has not caught up with their text are
/// stored with their text and the annotations that still fit (none when the text changed).
pub fn to_json(s: &State) -> String {
    let docs = s
        .docs
        .iter()
        .map(|e| {
            let document = if e.is_current() {
                Cow::Borrowed(&*e.doc)
            } else {
                Cow::Owned(Document { text: e.text.to_string(), ..Document::default() })
            };
            StoredDoc { id: e.id, name: e.name.clone(), document }
        })
        .collect();
    let stored = Stored {
        schema: SCHEMA,
        current: s.current,
        docs,
        taught: s.taught.to_file(),
        unusable: s.unusable.as_deref().cloned(),
    };
    serde_json::to_string(&stored).unwrap_or_default()
}

/// Why stored data could not be read.
#[derive(Debug, PartialEq)]
pub enum ReadError {
    /// Written by a newer Wasim: keep it, do not touch it.
    Newer(u32),
    /// Not what Wasim writes: set it aside.
    Corrupt(String),
}

/// Reads stored JSON, migrating older schemas.
pub fn from_json(json: &str) -> Result<Restored, ReadError> {
    // The schema first (a newer one may not read as this one), then the whole, both straight
    // from the text: going through `serde_json::Value` put a second copy of every document
    // reader into the page's wasm.
    #[derive(Deserialize)]
    struct Schema {
        schema: Option<u32>,
    }
    let corrupt = |e: serde_json::Error| ReadError::Corrupt(e.to_string());
    let schema = serde_json::from_str::<Schema>(json)
        .map_err(corrupt)?
        .schema
        .ok_or_else(|| ReadError::Corrupt("no schema number".into()))?;
    if schema > SCHEMA {
        return Err(ReadError::Newer(schema));
    }
    let stored: Stored = match schema {
        // Schema 1 has no taught model: read as schema 2 with none.
        1 | 2 => serde_json::from_str(json).map_err(corrupt)?,
        n => return Err(ReadError::Corrupt(format!("unknown schema {n}"))),
    };
    // Stored annotations must fit their text; anything else is damage.
    for d in &stored.docs {
        let t = &d.document.text;
        let fits = |s: wasim_engine::Span| {
            s.start <= s.end && s.end <= t.len() && t.is_char_boundary(s.start) && t.is_char_boundary(s.end)
        };
        let ok = d.document.entities.iter().all(|e| fits(e.span))
            && d.document
                .claims
                .iter()
                .all(|c| fits(c.content) && c.speaker.is_none_or(fits) && c.cue.is_none_or(fits));
        if !ok {
            return Err(ReadError::Corrupt(format!("document {} has annotations outside its text", d.id)));
        }
    }
    Ok(Restored {
        docs: stored.docs.into_iter().map(|d| (d.id, d.name, d.document.into_owned())).collect(),
        current: stored.current,
        taught: stored.taught,
        unusable: stored.unusable,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;
    use std::rc::Rc;
    use yew::Reducible;

    #[test]
    fn round_trip() {
        let s = Rc::new(State::default()).reduce(Action::AddDocs(vec![(
            "خبر.txt".into(),
            Document { text: "وصل الوزير إلى القاهرة.".into(), ..Document::default() },
        )]));
        let id = s.entry().id;
        let s = s.reduce(Action::Analyzed {
            id,
            doc: wasim_engine::annotate("وصل الوزير إلى القاهرة."),
            ms: 1.0,
            token: None,
            gen: 0,
        });
        let back = from_json(&to_json(&s)).unwrap();
        assert_eq!(back.docs.len(), 1);
        assert_eq!(back.docs[0].1, "خبر.txt");
        assert_eq!(back.docs[0].2, *s.entry().doc);
        assert_eq!(back.taught, None, "nothing taught yet");
        // What the model was taught is stored with the documents.
        let file = TaughtFile { corrections: 3, since: Some("2026-11-29".into()), bytes: vec![7, 0, 255] };
        let s = s.reduce(Action::Import(file.clone()));
        let json = to_json(&s);
        assert!(json.contains(r#""bytes":"BwD/""#), "as base64: {json}");
        assert_eq!(from_json(&json).unwrap().taught, Some(file));
    }

    #[test]
    fn schema_1_reads_as_nothing_taught() {
        let v1 = r#"{"schema":1,"current":0,"docs":[{"id":4,"name":"","document":{"text":"مصر","entities":[],"claims":[]}}]}"#;
        let r = from_json(v1).unwrap();
        assert_eq!((r.docs[0].0, r.taught, r.unusable), (4, None, None));
        let bad = r#"{"schema":2,"current":0,"docs":[],"taught":{"corrections":1,"since":null,"bytes":"%%"}}"#;
        assert!(matches!(from_json(bad), Err(ReadError::Corrupt(_))), "a damaged taught file is damage");
    }

    #[test]
    fn damage_and_newer_versions_are_told_apart() {
        assert!(matches!(from_json("{not json"), Err(ReadError::Corrupt(_))));
        assert!(matches!(from_json(r#"{"docs": []}"#), Err(ReadError::Corrupt(_))));
        assert_eq!(from_json(r#"{"schema": 9, "docs": []}"#).err(), Some(ReadError::Newer(9)));
        let outside = r#"{"schema":1,"current":0,"docs":[{"id":1,"name":"","document":{"text":"مصر","entities":[{"span":{"start":0,"end":99},"label":"LOC","source":"x","confidence":1.0,"status":"auto"}],"claims":[]}}]}"#;
        assert!(matches!(from_json(outside), Err(ReadError::Corrupt(_))));
    }
}
