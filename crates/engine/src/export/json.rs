//! Wasim JSON (`"format": "wasim/1"`), the contract other tools and tests rely on:
//!
//! ```text
//! { "format": "wasim/1", "text": "<the original text>", "offsets": "codepoint",
//!   "entities": [ { "id", "start", "end", "label", "text", "source", "status", "confidence" } ],
//!   "claims":   [ { "id", "speaker": {"start","end","text","entities"} | null, "cue": … | null,
//!                   "content": {"start","end","text"}, "quoted", "negated", "source", "status" } ] }
//! ```
//!
//! Offsets are Unicode code points into `text`, end exclusive.

use super::ImportError;

use crate::document::{Claim, Document, Entity, Label, Status};
use crate::offsets::{OffsetIndex, Unit};
use crate::Span;
use serde_json::{json, Map, Value};

pub const FORMAT: &str = "wasim/1";

/// The document as a Wasim JSON value.
pub fn to_value(doc: &Document) -> Value {
    let ix = OffsetIndex::new(&doc.text);
    let part = |s: Span| {
        let cp = ix.span_to(s, Unit::CodePoint);
        json!({ "start": cp.start, "end": cp.end, "text": s.of(&doc.text) })
    };
    let entities: Vec<Value> = doc
        .entities
        .iter()
        .enumerate()
        .map(|(n, e)| {
            let cp = ix.span_to(e.span, Unit::CodePoint);
            json!({
                "id": format!("T{}", n + 1), "start": cp.start, "end": cp.end, "label": e.label.as_str(),
                "text": e.span.of(&doc.text), "source": e.source, "status": e.status.as_str(),
                "confidence": (e.confidence * 100.0).round() / 100.0,
            })
        })
        .collect();
    // A speaker names the entities inside it (السفارة الروسية في تل أبيب → T5, T6).
    let speaker = |s: Span| {
        let mut v = part(s);
        let ids: Vec<String> = doc
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| s.contains(e.span))
            .map(|(i, _)| format!("T{}", i + 1))
            .collect();
        v["entities"] = json!(ids);
        v
    };
    let claims: Vec<Value> = doc
        .claims
        .iter()
        .enumerate()
        .map(|(n, c)| {
            json!({
                "id": format!("C{}", n + 1), "speaker": c.speaker.map(speaker), "cue": c.cue.map(part),
                "content": part(c.content), "quoted": c.quoted, "negated": c.negated,
                "source": c.source, "status": c.status.as_str(),
            })
        })
        .collect();
    json!({ "format": FORMAT, "text": doc.text, "offsets": "codepoint", "entities": entities, "claims": claims })
}

/// The document as pretty Wasim JSON text.
pub fn to_string(doc: &Document) -> String {
    serde_json::to_string_pretty(&to_value(doc)).unwrap_or_default()
}

/// The document as one line of Wasim JSONL.
pub fn to_line(doc: &Document) -> String {
    serde_json::to_string(&to_value(doc)).unwrap_or_default()
}

/// Reads Wasim JSON, or any JSON of the same shape (`text`, `entities` with `start`/`end`/
/// `label`, optional `claims`), such as a gold annotation. `text` may be passed separately for
/// files that only name their document. Offsets are code points; a span whose `text` field does
/// not match the document is an error.
pub fn from_str(input: &str, text: Option<&str>) -> Result<Document, ImportError> {
    let v: Value = serde_json::from_str(input)
        .map_err(|e| ImportError::new(format!("line {}", e.line()), format!("not valid JSON: {e}")))?;
    from_value(&v, text)
}

pub fn from_value(v: &Value, text: Option<&str>) -> Result<Document, ImportError> {
    let obj =
        v.as_object().ok_or_else(|| ImportError::new("", "expected a JSON object with \"text\" and \"entities\""))?;
    if let Some(f) = obj.get("format").and_then(Value::as_str) {
        if !f.starts_with("wasim/") {
            return Err(ImportError::new("format", format!("unknown format {f:?}; expected {FORMAT:?}")));
        }
        if f != FORMAT {
            return Err(ImportError::new(
                "format",
                format!("{f:?} is newer than this Wasim reads ({FORMAT:?}); update Wasim"),
            ));
        }
    }
    let doc_text = match (obj.get("text").and_then(Value::as_str), text) {
        (Some(t), _) => t.to_string(),
        (None, Some(t)) => t.to_string(),
        (None, None) => {
            return Err(ImportError::new(
                "text",
                "missing: the file has no \"text\" field and no text was given with it",
            ))
        }
    };
    let ix = OffsetIndex::new(&doc_text);
    let span = |o: &Map<String, Value>, place: &str| -> Result<Span, ImportError> {
        let num = |k: &str| {
            o.get(k)
                .and_then(Value::as_u64)
                .map(|n| n as usize)
                .ok_or_else(|| ImportError::new(place, format!("\"{k}\" is missing or not a whole number")))
        };
        let (s, e) = (num("start")?, num("end")?);
        let len = ix.len(Unit::CodePoint);
        if s > e || e > len {
            return Err(ImportError::new(
                place,
                format!("offsets {s}..{e} are outside the text (0..{len} code points)"),
            ));
        }
        let sp = ix
            .span_from(s, e, Unit::CodePoint)
            .ok_or_else(|| ImportError::new(place, "offsets do not fit the text"))?;
        if let Some(t) = o.get("text").and_then(Value::as_str) {
            if t != sp.of(&doc_text) {
                return Err(ImportError::new(
                    place,
                    format!("its text {t:?} does not match the document there ({:?})", sp.of(&doc_text)),
                ));
            }
        }
        Ok(sp)
    };
    let mut doc = Document { text: doc_text.clone(), ..Document::default() };
    for (n, e) in array(obj, "entities")?.iter().enumerate() {
        let place = format!("entities[{n}]");
        let o = e.as_object().ok_or_else(|| ImportError::new(&place, "expected an object"))?;
        let sp = span(o, &place)?;
        let label_s =
            o.get("label").and_then(Value::as_str).ok_or_else(|| ImportError::new(&place, "\"label\" is missing"))?;
        let label = Label::parse(label_s).ok_or_else(|| {
            ImportError::new(&place, format!("unknown label {label_s:?}; Wasim knows {}", label_list()))
        })?;
        doc.entities.push(Entity {
            span: sp,
            label,
            source: o.get("source").and_then(Value::as_str).unwrap_or("import").to_string(),
            confidence: o.get("confidence").and_then(Value::as_f64).unwrap_or(1.0) as f32,
            status: status(o.get("status")),
        });
    }
    for (n, c) in array(obj, "claims")?.iter().enumerate() {
        let place = format!("claims[{n}]");
        let o = c.as_object().ok_or_else(|| ImportError::new(&place, "expected an object"))?;
        let part = |k: &str| -> Result<Option<Span>, ImportError> {
            match o.get(k) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::Object(p)) => span(p, &format!("{place}.{k}")).map(Some),
                Some(_) => {
                    Err(ImportError::new(format!("{place}.{k}"), "expected an object with start and end, or null"))
                }
            }
        };
        let content = part("content")?.ok_or_else(|| ImportError::new(&place, "\"content\" is missing"))?;
        doc.claims.push(Claim {
            speaker: part("speaker")?,
            cue: part("cue")?,
            content,
            quoted: o.get("quoted").and_then(Value::as_bool).unwrap_or(false),
            negated: o.get("negated").and_then(Value::as_bool).unwrap_or(false),
            source: o.get("source").and_then(Value::as_str).unwrap_or("import").to_string(),
            status: status(o.get("status")),
        });
    }
    doc.sort();
    Ok(doc)
}

fn array<'v>(obj: &'v Map<String, Value>, key: &str) -> Result<&'v [Value], ImportError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(_) => Err(ImportError::new(key, "expected a list")),
    }
}

fn status(v: Option<&Value>) -> Status {
    match v.and_then(Value::as_str) {
        Some("accepted") => Status::Accepted,
        Some("edited") => Status::Edited,
        _ => Status::Auto,
    }
}

fn label_list() -> String {
    Label::ALL.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(", ")
}
