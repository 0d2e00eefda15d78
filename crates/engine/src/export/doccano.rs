//! doccano JSONL (https://doccano.github.io/doccano/): one document per line,
//! `{ "text", "entities": [ { "id", "label", "start_offset", "end_offset" } ], "relations":
//! [ { "id", "from_id", "to_id", "type" } ] }` (the sequence-labelling-with-relations export),
//! claims as in `regions.rs`. Offsets are code points (doccano counts Python characters).
//! Import also reads the plain sequence-labelling form `{ "text", "label": [[start, end, "LOC"]] }`.

use super::regions::{from_regions, to_regions, Region, Relation};
use super::{span_in, ImportError};
use crate::document::Document;
use crate::offsets::{OffsetIndex, Unit};
use serde_json::{json, Value};

pub fn write_line(doc: &Document) -> String {
    let ix = OffsetIndex::new(&doc.text);
    let (regions, relations) = to_regions(doc);
    let id_of = |rid: &str| regions.iter().position(|r| r.id == rid).map_or(0, |p| p + 1);
    let mut entities = Vec::new();
    for (i, r) in regions.iter().enumerate() {
        let cp = ix.span_to(r.span, Unit::CodePoint);
        for l in &r.labels {
            entities.push(json!({ "id": i + 1, "label": l, "start_offset": cp.start, "end_offset": cp.end }));
        }
    }
    let relations: Vec<Value> = relations
        .iter()
        .enumerate()
        .map(|(i, x)| json!({ "id": i + 1, "from_id": id_of(&x.from), "to_id": id_of(&x.to), "type": x.kind }))
        .collect();
    serde_json::to_string(&json!({ "text": doc.text, "entities": entities, "relations": relations }))
        .unwrap_or_default()
}

/// Reads a doccano file: one JSON object, or one per line.
pub fn read(input: &str) -> Result<Vec<Document>, ImportError> {
    if let Ok(v) = serde_json::from_str::<Value>(input) {
        return Ok(vec![from_value(&v)?]);
    }
    let lines = input.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    lines
        .map(|(i, line)| {
            let place = format!("line {}", i + 1);
            let v: Value =
                serde_json::from_str(line).map_err(|e| ImportError::new(&place, format!("not valid JSON: {e}")))?;
            from_value(&v).map_err(|e| e.within(&place))
        })
        .collect()
}

pub fn looks_like(v: &Value) -> bool {
    v.get("text").is_some()
        && (v.get("label").is_some_and(Value::is_array)
            || v.get("entities").is_some_and(|e| e.get(0).is_some_and(|x| x.get("start_offset").is_some())))
}

pub fn from_value(v: &Value) -> Result<Document, ImportError> {
    let text = v["text"].as_str().ok_or_else(|| ImportError::new("text", "missing or not text"))?;
    let ix = OffsetIndex::new(text);
    let span = |s: u64, e: u64, place: &str| span_in(&ix, text, (s as usize, e as usize), Unit::CodePoint, None, place);
    let mut regions: Vec<Region> = Vec::new();
    let mut relations = Vec::new();
    if let Some(labels) = v["label"].as_array() {
        for (n, l) in labels.iter().enumerate() {
            let place = format!("label[{n}]");
            let (Some(s), Some(e), Some(name)) =
                (l.get(0).and_then(Value::as_u64), l.get(1).and_then(Value::as_u64), l.get(2).and_then(Value::as_str))
            else {
                return Err(ImportError::new(&place, "expected [start, end, \"LABEL\"]"));
            };
            regions.push(Region { id: format!("l{n}"), span: span(s, e, &place)?, labels: vec![name.to_string()] });
        }
    }
    for (n, e) in v["entities"].as_array().into_iter().flatten().enumerate() {
        let place = format!("entities[{n}]");
        let (Some(s), Some(end), Some(name)) =
            (e["start_offset"].as_u64(), e["end_offset"].as_u64(), e["label"].as_str())
        else {
            return Err(ImportError::new(&place, "expected id, label, start_offset and end_offset"));
        };
        let id = e["id"].to_string();
        let sp = span(s, end, &place)?;
        // Several labels on one id (a negated claim) make one region.
        match regions.iter_mut().find(|r| r.id == id) {
            Some(r) => r.labels.push(name.to_string()),
            None => regions.push(Region { id, span: sp, labels: vec![name.to_string()] }),
        }
    }
    for (n, r) in v["relations"].as_array().into_iter().flatten().enumerate() {
        let kind = r["type"].as_str().ok_or_else(|| ImportError::new(format!("relations[{n}]"), "missing type"))?;
        relations.push(Relation { from: r["from_id"].to_string(), to: r["to_id"].to_string(), kind: kind.to_string() });
    }
    from_regions(text, &regions, &relations, "import:doccano")
}
