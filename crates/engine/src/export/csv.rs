//! CSV for spreadsheets: UTF-8 with a byte-order mark (so that Excel and LibreOffice read
//! Arabic correctly), CRLF line ends, RFC 4180 quoting, and a `'` before any cell that starts
//! with `=`, `+`, `-`, `@` (so no cell is taken for a formula). Offsets are code points.
//! `entities`: document, id, start, end, label, text, source, status, confidence.
//! `claims`: document, id, speaker, cue, content, quoted, negated, and the offsets of each part.

use super::Named;
use crate::offsets::{OffsetIndex, Unit};
use crate::Span;

fn cell(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

pub(crate) fn row(cells: &[String]) -> String {
    cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",") + "\r\n"
}

pub fn entities(docs: &[Named]) -> String {
    let mut out = String::from("\u{FEFF}");
    out +=
        &row(&["document", "id", "start", "end", "label", "text", "source", "status", "confidence"].map(String::from));
    for d in docs {
        let ix = OffsetIndex::new(&d.doc.text);
        for (i, e) in d.doc.entities.iter().enumerate() {
            let cp = ix.span_to(e.span, Unit::CodePoint);
            out += &row(&[
                d.name.clone(),
                format!("T{}", i + 1),
                cp.start.to_string(),
                cp.end.to_string(),
                e.label.to_string(),
                e.span.of(&d.doc.text).to_string(),
                e.source.clone(),
                e.status.as_str().into(),
                format!("{:.2}", e.confidence),
            ]);
        }
    }
    out
}

pub fn claims(docs: &[Named]) -> String {
    let mut out = String::from("\u{FEFF}");
    out += &row(&[
        "document",
        "id",
        "speaker",
        "cue",
        "content",
        "quoted",
        "negated",
        "speaker_start",
        "speaker_end",
        "cue_start",
        "cue_end",
        "content_start",
        "content_end",
        "attributed_to",
        "attributed_to_start",
        "attributed_to_end",
    ]
    .map(String::from));
    for d in docs {
        let ix = OffsetIndex::new(&d.doc.text);
        let text = |s: Option<Span>| s.map_or(String::new(), |s| s.of(&d.doc.text).to_string());
        let at = |s: Option<Span>| {
            s.map_or((String::new(), String::new()), |s| {
                let cp = ix.span_to(s, Unit::CodePoint);
                (cp.start.to_string(), cp.end.to_string())
            })
        };
        for (i, c) in d.doc.claims.iter().enumerate() {
            let (ss, se) = at(c.speaker);
            let (cs, ce) = at(c.cue);
            let (ts, te) = at(Some(c.content));
            let (xs, xe) = at(c.attribution);
            out += &row(&[
                d.name.clone(),
                format!("C{}", i + 1),
                text(c.speaker),
                text(c.cue),
                text(Some(c.content)),
                c.quoted.to_string(),
                c.negated.to_string(),
                ss,
                se,
                cs,
                ce,
                ts,
                te,
                text(c.attribution),
                xs,
                xe,
            ]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_bom_and_formula_guard() {
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("قال \"نعم\""), "\"قال \"\"نعم\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("-5"), "'-5");
        let doc = crate::annotate("قالت الوزارة إن “الأسعار, كما هي, مستقرة”.");
        let out = claims(&[Named { name: "خبر".into(), doc }]);
        assert!(out.starts_with('\u{FEFF}'));
        assert!(out.contains(",\"الأسعار, كما هي, مستقرة\",true,"), "{out}");
        assert!(out.ends_with("\r\n"));
    }
}
