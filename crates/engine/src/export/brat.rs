//! brat standoff: the text in `NAME.txt`, the annotations in `NAME.ann`, offsets in code points
//! (brat counts Python string characters). Entities are text-bound annotations of their label;
//! a claim is a text-bound `Claim` (its content) with `Speaker` and `Cue` text-bound
//! annotations tied to it by relations, and `Quoted` / `Negated` attributes. A span that
//! crosses a line break is written as fragments (`0 5;6 9`), as brat requires.
//! `annotation.conf` ([`conf`]) tells brat these types.

use super::{span_in, ImportError, Named};
use crate::document::{Claim, Document, Entity, Label, Status};
use crate::offsets::{OffsetIndex, Unit};
use crate::Span;
use std::collections::HashMap;

/// `annotation.conf`: Wasim's labels, the claim types, relations and attributes.
pub fn conf() -> String {
    let labels: String = Label::ALL.iter().map(|l| format!("{l}\n")).collect();
    format!(
        "# Wasim's types for brat (https://brat.nlplab.org/configuration.html)\n[entities]\n{labels}Claim\nSpeaker\nCue\n\n\
         [relations]\nSpeaker\tArg1:Claim, Arg2:Speaker\nCue\tArg1:Claim, Arg2:Cue\n\
         <OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n\
         [attributes]\nQuoted\tArg:Claim\nNegated\tArg:Claim\n"
    )
}

/// Documents as a ZIP archive of `NAME.txt` + `NAME.ann` pairs with `annotation.conf`.
pub fn write_zip(docs: &[Named]) -> Vec<u8> {
    let mut files = vec![("annotation.conf".to_string(), conf().into_bytes())];
    for d in docs {
        let n = super::safe_name(&d.name);
        files.push((format!("{n}.txt"), d.doc.text.clone().into_bytes()));
        files.push((format!("{n}.ann"), write(&d.doc).into_bytes()));
    }
    super::zip::write(&files)
}

/// The `.ann` file of a document.
pub fn write(doc: &Document) -> String {
    let ix = OffsetIndex::new(&doc.text);
    let mut out = String::new();
    let mut n = 0;
    let mut tb = |out: &mut String, kind: &str, s: Span| -> String {
        n += 1;
        let id = format!("T{n}");
        // Fragments at line breaks.
        let mut frags = Vec::new();
        let mut at = s.start;
        for (i, c) in s.of(&doc.text).char_indices() {
            if c == '\n' {
                if s.start + i > at {
                    frags.push(Span::new(at, s.start + i));
                }
                at = s.start + i + 1;
            }
        }
        if s.end > at {
            frags.push(Span::new(at, s.end));
        }
        let offsets: Vec<String> = frags
            .iter()
            .map(|f| {
                let cp = ix.span_to(*f, Unit::CodePoint);
                format!("{} {}", cp.start, cp.end)
            })
            .collect();
        let text: Vec<&str> = frags.iter().map(|f| f.of(&doc.text)).collect();
        out.push_str(&format!("{id}\t{kind} {}\t{}\n", offsets.join(";"), text.join(" ")));
        id
    };
    for e in &doc.entities {
        tb(&mut out, e.label.as_str(), e.span);
    }
    let (mut r, mut a) = (0, 0);
    for c in &doc.claims {
        let claim = tb(&mut out, "Claim", c.content);
        for (kind, part) in [("Speaker", c.speaker), ("Cue", c.cue)] {
            if let Some(p) = part {
                let t = tb(&mut out, kind, p);
                r += 1;
                out.push_str(&format!("R{r}\t{kind} Arg1:{claim} Arg2:{t}\t\n"));
            }
        }
        for (flag, on) in [("Quoted", c.quoted), ("Negated", c.negated)] {
            if on {
                a += 1;
                out.push_str(&format!("A{a}\t{flag} {claim}\n"));
            }
        }
    }
    out
}

/// Reads a `.txt` and its `.ann` (named `file` in messages) into a document.
pub fn read(text: &str, ann: &str, file: &str) -> Result<Document, ImportError> {
    let ix = OffsetIndex::new(text);
    let mut spans: HashMap<String, (String, Span)> = HashMap::new();
    let mut relations: Vec<(String, String, String)> = Vec::new();
    let mut flags: Vec<(String, String)> = Vec::new();
    let mut order: Vec<String> = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let place = || format!("{file}: line {}", n + 1);
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let id = cols.next().unwrap_or_default().to_string();
        let body = cols.next().ok_or_else(|| ImportError::new(place(), "expected an id, a tab and an annotation"))?;
        match id.chars().next() {
            Some('T') => {
                let (kind, offsets) =
                    body.split_once(' ').ok_or_else(|| ImportError::new(place(), "expected a type and offsets"))?;
                let mut cover: Option<Span> = None;
                let mut pieces = Vec::new();
                for frag in offsets.split(';') {
                    let mut it = frag.split_whitespace().map(str::parse::<usize>);
                    let (Some(Ok(s)), Some(Ok(e)), None) = (it.next(), it.next(), it.next()) else {
                        return Err(ImportError::new(place(), format!("{frag:?} is not a pair of offsets")));
                    };
                    let sp = span_in(&ix, text, (s, e), Unit::CodePoint, None, &place())?;
                    pieces.push(sp.of(text).to_string());
                    cover = Some(cover.map_or(sp, |c| c.cover(sp)));
                }
                let span = cover.ok_or_else(|| ImportError::new(place(), "no offsets"))?;
                if let Some(written) = cols.next() {
                    if written != pieces.join(" ") && written != span.of(text) {
                        return Err(ImportError::new(
                            place(),
                            format!("its text {written:?} does not match the document there ({:?})", span.of(text)),
                        ));
                    }
                }
                if !matches!(kind, "Claim" | "Speaker" | "Cue") && Label::parse(kind).is_none() {
                    return Err(ImportError::new(
                        place(),
                        format!("unknown type {kind:?}; Wasim reads its labels and Claim, Speaker, Cue"),
                    ));
                }
                order.push(id.clone());
                spans.insert(id, (kind.to_string(), span));
            }
            Some('R') => {
                let mut it = body.split_whitespace();
                let kind = it.next().unwrap_or_default().to_string();
                let arg = |a: Option<&str>| a.and_then(|a| a.split_once(':')).map(|(_, v)| v.to_string());
                let (Some(a1), Some(a2)) = (arg(it.next()), arg(it.next())) else {
                    return Err(ImportError::new(place(), "a relation needs Arg1:… and Arg2:…"));
                };
                relations.push((kind, a1, a2));
            }
            Some('A' | 'M') => {
                let mut it = body.split_whitespace();
                if let (Some(flag), Some(target)) = (it.next(), it.next()) {
                    flags.push((flag.to_string(), target.to_string()));
                }
            }
            // Notes, events, normalizations: not Wasim's to read.
            Some('#' | 'E' | 'N' | '*') => {}
            _ => return Err(ImportError::new(place(), format!("unknown annotation id {id:?}"))),
        }
    }
    let mut doc = Document { text: text.to_string(), ..Document::default() };
    for id in &order {
        let (kind, span) = &spans[id];
        if kind == "Claim" {
            let part = |k: &str| {
                relations
                    .iter()
                    .find(|(rk, a1, _)| rk == k && a1 == id)
                    .and_then(|(_, _, a2)| spans.get(a2))
                    .map(|s| s.1)
            };
            let flag = |f: &str| flags.iter().any(|(fl, t)| fl == f && t == id);
            doc.claims.push(Claim {
                speaker: part("Speaker"),
                cue: part("Cue"),
                content: *span,
                quoted: flag("Quoted"),
                negated: flag("Negated"),
                source: "import:brat".into(),
                status: Status::Accepted,
            });
        } else if let Some(label) = Label::parse(kind) {
            doc.entities.push(Entity {
                span: *span,
                label,
                source: "import:brat".into(),
                confidence: 1.0,
                status: Status::Accepted,
            });
        }
    }
    for (_, a1, a2) in &relations {
        for r in [a1, a2] {
            if !spans.contains_key(r) {
                return Err(ImportError::new(file, format!("a relation names {r}, which is not in the file")));
            }
        }
    }
    doc.sort();
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_claims_and_line_breaks() {
        let mut doc = crate::annotate("قالت صحيفة “هآرتس” إن “الحكومة مستقرة”.\nونفى الجيش 😀 أن قواته انسحبت من رفح.");
        doc.entities.push(Entity {
            span: Span::new(0, doc.text.find("ونفى").unwrap() + 4),
            label: Label::ORG,
            source: "t".into(),
            confidence: 1.0,
            status: Status::Edited,
        });
        doc.sort();
        let ann = write(&doc);
        assert!(ann.contains(';'), "a span across the line break is written in fragments:\n{ann}");
        let back = read(&doc.text, &ann, "x.ann").unwrap();
        let key = |d: &Document| {
            (
                d.entities.iter().map(|e| (e.span, e.label)).collect::<Vec<_>>(),
                d.claims.iter().map(|c| (c.speaker, c.cue, c.content, c.quoted, c.negated)).collect::<Vec<_>>(),
            )
        };
        assert_eq!(key(&back), key(&doc));
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = read("مصر", "T1\tLOC 0 3\tمصر\nT2\tLOC 0 9\tمصر", "a.ann").unwrap_err();
        assert_eq!(e.place, "a.ann: line 2");
        assert!(e.message.contains("outside the text"));
        let e = read("مصر", "T1\tLOC 0 2\tمصر", "a.ann").unwrap_err();
        assert!(e.message.contains("does not match"), "{e}");
        let e = read("مصر", "T1\tPLANET 0 3\tمصر", "a.ann").unwrap_err();
        assert!(e.message.contains("PLANET"));
    }
}
