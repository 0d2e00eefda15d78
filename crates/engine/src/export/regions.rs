//! Documents as labelled regions and relations, the shape Label Studio and doccano share.
//! Entities are regions of their label; a claim is a region `CLAIM` (or `QUOTE` when direct,
//! with `NEGATED` beside it when denied) with relations `speaker` and `cue` to regions
//! `SPEAKER` and `CUE`.

use super::ImportError;
use crate::document::{Claim, Document, Entity, Label, Status};
use crate::Span;

pub struct Region {
    pub id: String,
    pub span: Span,
    pub labels: Vec<String>,
}

pub struct Relation {
    pub from: String,
    pub to: String,
    pub kind: String,
}

pub fn to_regions(doc: &Document) -> (Vec<Region>, Vec<Relation>) {
    let mut regions = Vec::new();
    let mut relations = Vec::new();
    for (i, e) in doc.entities.iter().enumerate() {
        regions.push(Region { id: format!("T{}", i + 1), span: e.span, labels: vec![e.label.to_string()] });
    }
    for (i, c) in doc.claims.iter().enumerate() {
        let id = format!("C{}", i + 1);
        let mut labels = vec![if c.quoted { "QUOTE" } else { "CLAIM" }.to_string()];
        if c.negated {
            labels.push("NEGATED".into());
        }
        regions.push(Region { id: id.clone(), span: c.content, labels });
        for (kind, part, label) in [("speaker", c.speaker, "SPEAKER"), ("cue", c.cue, "CUE")] {
            if let Some(p) = part {
                let pid = format!("{id}-{kind}");
                regions.push(Region { id: pid.clone(), span: p, labels: vec![label.into()] });
                relations.push(Relation { from: id.clone(), to: pid, kind: kind.into() });
            }
        }
    }
    (regions, relations)
}

/// Builds a document from regions (spans already checked against `text`).
pub fn from_regions(
    text: &str,
    regions: &[Region],
    relations: &[Relation],
    source: &str,
) -> Result<Document, ImportError> {
    let mut doc = Document { text: text.to_string(), ..Document::default() };
    let find = |id: &str| regions.iter().find(|r| r.id == id);
    for (n, r) in regions.iter().enumerate() {
        let has = |l: &str| r.labels.iter().any(|x| x == l);
        if has("CLAIM") || has("QUOTE") {
            let part = |kind: &str| {
                relations.iter().find(|x| x.from == r.id && x.kind == kind).and_then(|x| find(&x.to)).map(|p| p.span)
            };
            doc.claims.push(Claim {
                speaker: part("speaker"),
                cue: part("cue"),
                content: r.span,
                quoted: has("QUOTE"),
                negated: has("NEGATED"),
                source: source.into(),
                status: Status::Accepted,
                attribution: None,
            });
            continue;
        }
        for l in &r.labels {
            if matches!(l.as_str(), "SPEAKER" | "CUE" | "NEGATED") {
                continue;
            }
            let label = Label::parse(l).ok_or_else(|| {
                ImportError::new(
                    format!("item {} ({})", n + 1, r.id),
                    format!(
                        "unknown label {l:?}; Wasim knows {} and CLAIM, QUOTE, SPEAKER, CUE",
                        Label::ALL.map(|l| l.as_str()).join(", ")
                    ),
                )
            })?;
            doc.entities.push(Entity {
                span: r.span,
                label,
                source: source.into(),
                confidence: 1.0,
                status: Status::Accepted,
            });
        }
    }
    for x in relations {
        if find(&x.from).is_none() || find(&x.to).is_none() {
            return Err(ImportError::new(
                format!("relation {} → {}", x.from, x.to),
                "names a region that is not there",
            ));
        }
    }
    doc.sort();
    Ok(doc)
}
