//! Wasim JSON (`"format": "wasim/1"`), the contract other tools and tests rely on:
//!
//! ```text
//! { "format": "wasim/1", "text": "<the original text>", "offsets": "codepoint",
//!   "entities": [ { "id", "start", "end", "label", "text", "source", "status", "confidence" } ],
//!   "claims":   [ { "id", "speaker": {"start","end","text","entities"} | null, "cue": … | null,
//!                   "content": {"start","end","text"}, "quoted", "negated", "source", "status",
//!                   "attributed_to": {"start","end","text","entities"} | null } ] }
//! ```
//!
//! Offsets are Unicode code points into `text`, end exclusive. [`WasimJson`] is the shape, typed;
//! new fields may be added, none renamed.

use super::{span_in, ImportError};

use crate::document::{Claim, Document, Entity, Label, Status};
use crate::offsets::{OffsetIndex, Unit};
use crate::Span;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub const FORMAT: &str = "wasim/1";

/// A Wasim JSON document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WasimJson {
    pub format: String,
    pub text: String,
    pub offsets: String,
    pub entities: Vec<JsonEntity>,
    pub claims: Vec<JsonClaim>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JsonEntity {
    pub id: String,
    pub start: usize,
    pub end: usize,
    pub label: Label,
    pub text: String,
    pub source: String,
    pub status: Status,
    pub confidence: f32,
}

/// A part of a claim: its code-point span and its text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JsonPart {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A claim's speaker, naming the entities inside it (`T4`, `T5`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JsonSpeaker {
    #[serde(flatten)]
    pub part: JsonPart,
    pub entities: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JsonClaim {
    pub id: String,
    pub speaker: Option<JsonSpeaker>,
    pub cue: Option<JsonPart>,
    pub content: JsonPart,
    pub quoted: bool,
    pub negated: bool,
    pub source: String,
    pub status: Status,
    /// Who the claim is attributed to: the fullest mention of that person or organization in
    /// the text (see [`Claim::attribution`]), naming the entities in it; null when unknown.
    pub attributed_to: Option<JsonSpeaker>,
}

impl WasimJson {
    /// The document in its Wasim JSON shape.
    pub fn of(doc: &Document) -> WasimJson {
        let p = Parts::new(doc);
        WasimJson {
            format: FORMAT.into(),
            text: doc.text.clone(),
            offsets: OFFSETS.into(),
            entities: (0..doc.entities.len()).map(|n| p.entity(n)).collect(),
            claims: (0..doc.claims.len()).map(|n| p.claim(n)).collect(),
        }
    }
}

const OFFSETS: &str = "codepoint";

/// What makes a document's entities and claims into their Wasim JSON shape, one at a time.
struct Parts<'d> {
    doc: &'d Document,
    ix: OffsetIndex<'d>,
    /// The entities by start (a speaker names the entities inside it).
    by_start: Vec<usize>,
}

impl<'d> Parts<'d> {
    fn new(doc: &'d Document) -> Parts<'d> {
        let mut by_start: Vec<usize> = (0..doc.entities.len()).collect();
        by_start.sort_by_key(|&i| (doc.entities[i].span.start, i));
        Parts { doc, ix: OffsetIndex::new(&doc.text), by_start }
    }

    fn part(&self, s: Span) -> JsonPart {
        let cp = self.ix.span_to(s, Unit::CodePoint);
        JsonPart { start: cp.start, end: cp.end, text: s.of(&self.doc.text).to_string() }
    }

    fn entity(&self, n: usize) -> JsonEntity {
        let e = &self.doc.entities[n];
        let cp = self.ix.span_to(e.span, Unit::CodePoint);
        JsonEntity {
            id: entity_id(n),
            start: cp.start,
            end: cp.end,
            label: e.label,
            text: e.span.of(&self.doc.text).to_string(),
            source: e.source.clone(),
            status: e.status,
            confidence: (e.confidence * 100.0).round() / 100.0,
        }
    }

    /// A speaker, naming the entities inside it (السفارة الروسية في تل أبيب → T5, T6).
    fn speaker(&self, s: Span) -> JsonSpeaker {
        let entities = &self.doc.entities;
        let from = self.by_start.partition_point(|&i| entities[i].span.start < s.start);
        let mut inside: Vec<usize> = self.by_start[from..]
            .iter()
            .copied()
            .take_while(|&i| entities[i].span.start < s.end)
            .filter(|&i| s.contains(entities[i].span))
            .collect();
        inside.sort_unstable();
        JsonSpeaker { part: self.part(s), entities: inside.into_iter().map(entity_id).collect() }
    }

    fn claim(&self, n: usize) -> JsonClaim {
        let c = &self.doc.claims[n];
        JsonClaim {
            id: format!("C{}", n + 1),
            speaker: c.speaker.map(|s| self.speaker(s)),
            cue: c.cue.map(|s| self.part(s)),
            content: self.part(c.content),
            quoted: c.quoted,
            negated: c.negated,
            source: c.source.clone(),
            status: c.status,
            attributed_to: c.attribution.map(|s| self.speaker(s)),
        }
    }
}

fn entity_id(n: usize) -> String {
    format!("T{}", n + 1)
}

/// The JSON [`WasimJson::of`] gives, serialized entity by entity and claim by claim as each is
/// made: what [`write`] writes, never holding every entity's strings at once.
struct Streamed<'d>(Parts<'d>);

impl Serialize for Streamed<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let doc = self.0.doc;
        let mut m = s.serialize_struct("WasimJson", 5)?;
        m.serialize_field("format", FORMAT)?;
        m.serialize_field("text", &doc.text)?;
        m.serialize_field("offsets", OFFSETS)?;
        m.serialize_field("entities", &Each(doc.entities.len(), |n| self.0.entity(n)))?;
        m.serialize_field("claims", &Each(doc.claims.len(), |n| self.0.claim(n)))?;
        m.end()
    }
}

/// A sequence of `.0` items, the item `n` made by `.1(n)` when it is written.
struct Each<F>(usize, F);

impl<T: Serialize, F: Fn(usize) -> T> Serialize for Each<F> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((0..self.0).map(&self.1))
    }
}

/// The document as pretty Wasim JSON text.
pub fn to_string(doc: &Document) -> String {
    serde_json::to_string_pretty(&WasimJson::of(doc)).unwrap_or_default()
}

/// The document as one line of Wasim JSONL.
pub fn to_line(doc: &Document) -> String {
    serde_json::to_string(&WasimJson::of(doc)).unwrap_or_default()
}

/// Writes the document to `w` as [`to_string`] (`pretty`) or [`to_line`] make it, without
/// holding the whole text of the output in memory. Fails only when `w` does.
pub fn write(doc: &Document, w: impl std::io::Write, pretty: bool) -> std::io::Result<()> {
    let json = Streamed(Parts::new(doc));
    if pretty { serde_json::to_writer_pretty(w, &json) } else { serde_json::to_writer(w, &json) }
        .map_err(std::io::Error::from)
}

/// Reads Wasim JSON, or any JSON of the same shape (`text`, `entities` with `start`/`end`/
/// `label`, optional `claims`), such as a gold annotation. `text` may be passed separately for
/// files that only name their document. Offsets are code points; a span whose `text` field does
/// not match the document is an error.
pub fn from_str(input: &str, text: Option<&str>) -> Result<Document, ImportError> {
    from_value(&parse(input)?, text)
}

fn parse(input: &str) -> Result<Value, ImportError> {
    serde_json::from_str(input)
        .map_err(|e| ImportError::new(format!("line {}", e.line()), format!("not valid JSON: {e}")))
}

/// Reads a `.json` file: Wasim JSON, or a Label Studio or doccano export told by its shape.
pub fn read_any(input: &str) -> Result<Vec<Document>, ImportError> {
    let v = parse(input)?;
    if super::label_studio::looks_like(&v) {
        super::label_studio::from_value(&v)
    } else if super::doccano::looks_like(&v) {
        Ok(vec![super::doccano::from_value(&v)?])
    } else {
        Ok(vec![from_value(&v, None)?])
    }
}

/// Reads JSONL: a Wasim JSON (or doccano) document per line.
pub fn read_lines(input: &str) -> Result<Vec<Document>, ImportError> {
    let lines = input.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    lines
        .map(|(i, line)| {
            let place = format!("line {}", i + 1);
            let v: Value =
                serde_json::from_str(line).map_err(|e| ImportError::new(&place, format!("not valid JSON: {e}")))?;
            if super::doccano::looks_like(&v) { super::doccano::from_value(&v) } else { from_value(&v, None) }
                .map_err(|e| e.within(&place))
        })
        .collect()
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
        span_in(
            &ix,
            &doc_text,
            (num("start")?, num("end")?),
            Unit::CodePoint,
            o.get("text").and_then(Value::as_str),
            place,
        )
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
            attribution: part("attributed_to")?,
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
