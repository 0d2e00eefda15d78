//! What the app stores in the browser, as versioned JSON (pure, tested natively). The storage
//! itself is in `storage.rs`.
//!
//! Schema 1: `{ "schema": 1, "current": 0, "docs": [ { "id", "name", "document": Document } ] }`
//! where `Document` is the engine's own serde form (byte offsets, statuses, rejections).

use crate::state::{Restored, State};
use serde::{Deserialize, Serialize};
use wasim_engine::Document;

pub const SCHEMA: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Stored {
    schema: u32,
    current: usize,
    docs: Vec<StoredDoc>,
}

#[derive(Serialize, Deserialize)]
struct StoredDoc {
    id: u64,
    name: String,
    document: Document,
}

/// The workspace as stored. Documents whose analysis has not caught up with their text are
/// stored with their text and the annotations that still fit (none when the text changed).
pub fn to_json(s: &State) -> String {
    let docs = s
        .docs
        .iter()
        .map(|e| {
            let document = if e.is_current() {
                (*e.doc).clone()
            } else {
                Document { text: e.text.to_string(), ..Document::default() }
            };
            StoredDoc { id: e.id, name: e.name.clone(), document }
        })
        .collect();
    serde_json::to_string(&Stored { schema: SCHEMA, current: s.current, docs }).unwrap_or_default()
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
    let v: serde_json::Value = serde_json::from_str(json).map_err(|e| ReadError::Corrupt(e.to_string()))?;
    let schema =
        v.get("schema").and_then(|s| s.as_u64()).ok_or_else(|| ReadError::Corrupt("no schema number".into()))? as u32;
    if schema > SCHEMA {
        return Err(ReadError::Newer(schema));
    }
    let stored: Stored = match schema {
        1 => serde_json::from_value(v).map_err(|e| ReadError::Corrupt(e.to_string()))?,
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
        docs: stored.docs.into_iter().map(|d| (d.id, d.name, d.document)).collect(),
        current: stored.current,
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
            Document { text: "زار الوزير القاهرة.".into(), ..Document::default() },
        )]));
        let id = s.entry().id;
        let s = s.reduce(Action::Analyzed {
            id, doc: wasim_engine::annotate("زار الوزير القاهرة."), ms: 1.0
        });
        let back = from_json(&to_json(&s)).unwrap();
        assert_eq!(back.docs.len(), 1);
        assert_eq!(back.docs[0].1, "خبر.txt");
        assert_eq!(back.docs[0].2, *s.entry().doc);
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
