//! Label Studio JSON (https://labelstud.io/guide/export.html#Label-Studio-JSON-format-of-annotated-tasks):
//! a list of tasks `{ "data": { "text" }, "annotations": [ { "result": [...] } ] }`, one per
//! document; regions are `labels` results (`from_name: "label"`, `to_name: "text"`) and claims'
//! parts are tied by `relation` results (see `regions.rs`). Offsets are **UTF-16 code units**,
//! as Label Studio's browser counts them. The matching labeling config is [`config`].

use super::regions::{from_regions, to_regions, Region, Relation};
use super::{span_in, ImportError, Named};
use crate::document::{Document, Label};
use crate::offsets::{OffsetIndex, Unit};
use serde_json::{json, Value};

/// The labeling config that matches these tasks: Wasim's labels, then the claim parts.
pub fn config() -> String {
    let labels: String = Label::ALL
        .iter()
        .map(|l| l.as_str())
        .chain(["CLAIM", "QUOTE", "NEGATED", "SPEAKER", "CUE"])
        .map(|l| format!("<Label value=\"{l}\"/>"))
        .collect();
    format!(
        "<View>\n  <Labels name=\"label\" toName=\"text\">{labels}</Labels>\n  \
         <Relations><Relation value=\"speaker\"/><Relation value=\"cue\"/></Relations>\n  \
         <Text name=\"text\" value=\"$text\"/>\n</View>"
    )
}

pub fn write(docs: &[Named]) -> String {
    let tasks: Vec<Value> = docs.iter().map(|d| task(&d.name, &d.doc)).collect();
    serde_json::to_string_pretty(&tasks).unwrap_or_default()
}

fn task(name: &str, doc: &Document) -> Value {
    let ix = OffsetIndex::new(&doc.text);
    let (regions, relations) = to_regions(doc);
    let mut result: Vec<Value> = regions
        .iter()
        .map(|r| {
            let u = ix.span_to(r.span, Unit::Utf16);
            json!({ "id": r.id, "from_name": "label", "to_name": "text", "type": "labels",
                    "value": { "start": u.start, "end": u.end, "text": r.span.of(&doc.text), "labels": r.labels } })
        })
        .collect();
    result.extend(relations.iter().map(
        |x| json!({ "type": "relation", "from_id": x.from, "to_id": x.to, "direction": "right", "labels": [x.kind] }),
    ));
    json!({ "data": { "text": doc.text, "name": name }, "annotations": [ { "result": result } ] })
}

/// Whether a JSON value looks like Label Studio tasks.
/// Reads a Label Studio export: a list of tasks, or one task.
pub fn read(input: &str) -> Result<Vec<Document>, ImportError> {
    let v: Value = serde_json::from_str(input)
        .map_err(|e| ImportError::new(format!("line {}", e.line()), format!("not valid JSON: {e}")))?;
    from_value(&v)
}

pub fn looks_like(v: &Value) -> bool {
    let first = v.as_array().and_then(|a| a.first()).unwrap_or(v);
    first.get("data").is_some_and(|d| d.get("text").is_some())
}

pub fn from_value(v: &Value) -> Result<Vec<Document>, ImportError> {
    let tasks: Vec<&Value> = match v.as_array() {
        Some(a) => a.iter().collect(),
        None => vec![v],
    };
    tasks.iter().enumerate().map(|(n, t)| read_task(t).map_err(|e| e.within(&format!("task {}", n + 1)))).collect()
}

fn read_task(t: &Value) -> Result<Document, ImportError> {
    let text = t["data"]["text"].as_str().ok_or_else(|| ImportError::new("data.text", "missing or not text"))?;
    let ix = OffsetIndex::new(text);
    let results = t["annotations"]
        .get(0)
        .or_else(|| t["predictions"].get(0))
        .and_then(|a| a["result"].as_array())
        .cloned()
        .unwrap_or_default();
    let mut regions = Vec::new();
    let mut relations = Vec::new();
    for (n, r) in results.iter().enumerate() {
        let place = format!("result {}", n + 1);
        if r["type"] == "relation" {
            let id = |k: &str| {
                r[k].as_str().map(String::from).ok_or_else(|| ImportError::new(&place, format!("relation without {k}")))
            };
            let kind = r["labels"].get(0).and_then(Value::as_str).unwrap_or("speaker").to_string();
            relations.push(Relation { from: id("from_id")?, to: id("to_id")?, kind });
            continue;
        }
        let v = &r["value"];
        let (Some(s), Some(e)) = (v["start"].as_u64(), v["end"].as_u64()) else {
            return Err(ImportError::new(&place, "a region needs start and end"));
        };
        let span = span_in(&ix, text, (s as usize, e as usize), Unit::Utf16, v["text"].as_str(), &place)?;
        let labels: Vec<String> = v["labels"]
            .as_array()
            .map(|a| a.iter().filter_map(|l| l.as_str().map(String::from)).collect())
            .unwrap_or_default();
        let id = r["id"].as_str().map(String::from).unwrap_or_else(|| format!("r{n}"));
        regions.push(Region { id, span, labels });
    }
    from_regions(text, &regions, &relations, "import:label-studio")
}
