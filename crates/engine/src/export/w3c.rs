//! W3C Web Annotation (JSON-LD, https://www.w3.org/TR/annotation-model/): an `AnnotationPage`
//! per export with one `Annotation` per entity and per claim. Targets name the document
//! (`urn:wasim:doc:<name>`), carry `textDirection: "rtl"` and `language: "ar"`, and select the
//! span twice: a `TextQuoteSelector` (exact, prefix, suffix) and a `TextPositionSelector`
//! (start, end in code points). Entities have a `tagging` body with the label; a claim has a
//! `classifying` body (`claim` or `quote`, and `negated`) and its speaker and cue as
//! `SpecificResource` bodies with purpose `identifying` and a `wasim:role`.

use super::Named;
use crate::offsets::{OffsetIndex, Unit};
use crate::Span;
use serde_json::{json, Value};

const CONTEXT_CHARS: usize = 32;

fn source(name: &str) -> String {
    format!("urn:wasim:doc:{}", name.replace(' ', "%20"))
}

fn selectors(text: &str, ix: &OffsetIndex, s: Span) -> Value {
    let cp = ix.span_to(s, Unit::CodePoint);
    let prefix: String =
        text[..s.start].chars().rev().take(CONTEXT_CHARS).collect::<Vec<_>>().into_iter().rev().collect();
    let suffix: String = text[s.end..].chars().take(CONTEXT_CHARS).collect();
    json!([
        { "type": "TextQuoteSelector", "exact": s.of(text), "prefix": prefix, "suffix": suffix },
        { "type": "TextPositionSelector", "start": cp.start, "end": cp.end },
    ])
}

fn target(name: &str, text: &str, ix: &OffsetIndex, s: Span) -> Value {
    json!({ "type": "SpecificResource", "source": source(name), "textDirection": "rtl", "language": "ar", "selector": selectors(text, ix, s) })
}

pub fn write(docs: &[Named]) -> String {
    let mut items = Vec::new();
    for d in docs {
        let text = &d.doc.text;
        let ix = OffsetIndex::new(text);
        for (i, e) in d.doc.entities.iter().enumerate() {
            items.push(json!({
                "id": format!("{}#T{}", source(&d.name), i + 1), "type": "Annotation", "motivation": "tagging",
                "body": { "type": "TextualBody", "purpose": "tagging", "value": e.label.as_str(), "format": "text/plain" },
                "target": target(&d.name, text, &ix, e.span),
                "generator": { "id": "urn:wasim", "name": e.source },
            }));
        }
        for (i, c) in d.doc.claims.iter().enumerate() {
            let mut body = vec![
                json!({ "type": "TextualBody", "purpose": "classifying", "value": if c.quoted { "quote" } else { "claim" } }),
            ];
            if c.negated {
                body.push(json!({ "type": "TextualBody", "purpose": "classifying", "value": "negated" }));
            }
            for (role, part) in [("speaker", c.speaker), ("cue", c.cue)] {
                if let Some(p) = part {
                    let mut t = target(&d.name, text, &ix, p);
                    t["purpose"] = json!("identifying");
                    t["wasim:role"] = json!(role);
                    body.push(t);
                }
            }
            items.push(json!({
                "id": format!("{}#C{}", source(&d.name), i + 1), "type": "Annotation", "motivation": "classifying",
                "body": body, "target": target(&d.name, text, &ix, c.content),
            }));
        }
    }
    let page = json!({
        "@context": ["http://www.w3.org/ns/anno.jsonld", { "wasim": "urn:wasim:vocab#" }],
        "type": "AnnotationPage", "id": "urn:wasim:export", "items": items,
    });
    serde_json::to_string_pretty(&page).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_find_the_text_again() {
        let doc = crate::annotate("قالت صحيفة “هآرتس” 😀 إن “بيروت هادئة”.");
        let out: Value = serde_json::from_str(&write(&[Named { name: "خبر".into(), doc: doc.clone() }])).unwrap();
        let items = out["items"].as_array().unwrap();
        assert_eq!(items.len(), doc.entities.len() + doc.claims.len());
        let chars: Vec<char> = doc.text.chars().collect();
        for item in items {
            assert_eq!(item["target"]["textDirection"], "rtl");
            let sel = item["target"]["selector"].as_array().unwrap();
            let (s, e) = (sel[1]["start"].as_u64().unwrap() as usize, sel[1]["end"].as_u64().unwrap() as usize);
            let exact: String = chars[s..e].iter().collect();
            assert_eq!(sel[0]["exact"].as_str().unwrap(), exact);
            let prefix = sel[0]["prefix"].as_str().unwrap();
            assert!(doc.text.contains(&format!("{prefix}{exact}")));
        }
    }
}
