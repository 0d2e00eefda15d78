//! A small inline notation for annotated text, used by fixtures and the development set:
//!
//! ```text
//! {V1 قال} {S1 [TITLE وزير الخارجية] [PER سامح شكري]} إن “{Q1 العلاقات مع [LOC فرنسا] قوية}”.
//! ```
//!
//! - `[LABEL text]`: an entity (`PER`, `ORG`, `LOC`, `DATE`, … as in [`Label::parse`]);
//! - `{Sn text}`, `{Vn text}`: the speaker and the cue of claim *n*;
//! - `{Cn text}` / `{Qn text}`: its content, indirect / quoted (direct);
//! - `{Wn name}`: who claim *n* is attributed to, the fullest name of that person or
//!   organization as the text writes it; not part of the text (its first occurrence in the text
//!   is the claim's attribution);
//! - claim parts nest and may hold entities; claim numbers are local to a line;
//! - `\[`, `\]`, `\{`, `\}`, `\\` write the characters themselves.
//!
//! Everything else is the text itself.

use crate::document::{Claim, Document, Entity, Label, Status};
use crate::export::ImportError;
use crate::Span;
use std::collections::BTreeMap;

#[derive(Default)]
struct Parts {
    speaker: Option<Span>,
    cue: Option<Span>,
    content: Option<(Span, bool)>,
    /// The name after `{Wn` and the line it was on.
    attribution: Option<String>,
}

/// Parses the notation into a document with `status: accepted`, `source: "gold"`.
pub fn parse(input: &str) -> Result<Document, ImportError> {
    let mut text = String::with_capacity(input.len());
    let mut entities = Vec::new();
    // Open markers: (kind, claim number or label, start in text, line of the input).
    let mut open: Vec<(char, String, usize)> = Vec::new();
    let mut claims: BTreeMap<(usize, u32), Parts> = BTreeMap::new();
    let mut line = 1;
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        let place = || format!("line {line}");
        match c {
            '\\' => match chars.next() {
                Some(e @ ('[' | ']' | '{' | '}' | '\\')) => text.push(e),
                _ => return Err(ImportError::new(place(), "a backslash must be followed by [ ] { } or \\")),
            },
            '[' | '{' => {
                let mut tag = String::new();
                while let Some(&t) = chars.peek() {
                    if t == ' ' {
                        chars.next();
                        break;
                    }
                    tag.push(t);
                    chars.next();
                }
                if c == '[' && Label::parse(&tag).is_none() {
                    return Err(ImportError::new(place(), format!("unknown label {tag:?} after [")));
                }
                if c == '{' && !(tag.len() >= 2 && "SVCQW".contains(&tag[..1]) && tag[1..].parse::<u32>().is_ok()) {
                    return Err(ImportError::new(
                        place(),
                        format!("claim part {tag:?} must be S, V, C, Q or W and a number, like S1"),
                    ));
                }
                open.push((c, tag, text.len()));
            }
            ']' | '}' => {
                let want = if c == ']' { '[' } else { '{' };
                let Some((kind, tag, start)) = open.pop().filter(|o| o.0 == want) else {
                    return Err(ImportError::new(place(), format!("{c} closes nothing open")));
                };
                let span = Span::new(start, text.len());
                if kind == '[' {
                    let label = Label::parse(&tag).unwrap_or(Label::PER);
                    entities.push(Entity {
                        span,
                        label,
                        source: "gold".into(),
                        confidence: 1.0,
                        status: Status::Accepted,
                    });
                } else {
                    let n: u32 = tag[1..].parse().unwrap_or(0);
                    let parts = claims.entry((line, n)).or_default();
                    match &tag[..1] {
                        "S" => parts.speaker = Some(span),
                        "V" => parts.cue = Some(span),
                        // A name, not text: taken out again (the first one names the source).
                        "W" => {
                            let name = text[start..].to_string();
                            text.truncate(start);
                            parts.attribution.get_or_insert(name);
                        }
                        q => parts.content = Some((span, q == "Q")),
                    }
                }
            }
            '\n' => {
                if let Some((k, tag, _)) = open.last() {
                    return Err(ImportError::new(place(), format!("{k}{tag} is not closed on its line")));
                }
                line += 1;
                text.push('\n');
            }
            _ => text.push(c),
        }
    }
    if let Some((k, tag, _)) = open.last() {
        return Err(ImportError::new(format!("line {line}"), format!("{k}{tag} is not closed")));
    }
    let mut out = Vec::new();
    for ((l, n), p) in claims {
        let (content, quoted) = p
            .content
            .ok_or_else(|| ImportError::new(format!("line {l}"), format!("claim {n} has no content (C{n} or Q{n})")))?;
        let attribution = match p.attribution {
            None => None,
            Some(name) => Some(text.find(name.as_str()).map(|at| Span::new(at, at + name.len())).ok_or_else(|| {
                ImportError::new(format!("line {l}"), format!("W{n} names {name:?}, which the text never writes"))
            })?),
        };
        out.push(Claim {
            speaker: p.speaker,
            cue: p.cue,
            content,
            quoted,
            negated: false,
            source: "gold".into(),
            status: Status::Accepted,
            attribution,
        });
    }
    let mut doc = Document { text, entities, claims: out, rejected: Vec::new() };
    doc.sort();
    Ok(doc)
}

/// Writes a document in the notation (entities and claims), the inverse of [`parse`] for
/// documents whose spans nest properly.
pub fn render(doc: &Document) -> String {
    // Opening and closing marks at each byte offset; longer spans open first and close last.
    // Each mark is (length, order added, text): of two marks on one span, the one opened
    // first closes last.
    let mut opens: BTreeMap<usize, Vec<(usize, usize, String)>> = BTreeMap::new();
    let mut closes: BTreeMap<usize, Vec<(usize, usize, &str)>> = BTreeMap::new();
    let mut seq = 0;
    let mut add = |span: Span, tag: String, close: &'static str| {
        seq += 1;
        opens.entry(span.start).or_default().push((span.len(), seq, tag));
        closes.entry(span.end).or_default().push((span.len(), seq, close));
    };
    let mut line_claims: BTreeMap<usize, u32> = BTreeMap::new();
    for c in &doc.claims {
        let line = doc.text[..c.content.start].matches('\n').count();
        let n = line_claims.entry(line).or_insert(0);
        *n += 1;
        if let Some(s) = c.speaker {
            add(s, format!("{{S{n} "), "}");
        }
        if let Some(s) = c.cue {
            add(s, format!("{{V{n} "), "}");
        }
        add(c.content, format!("{{{}{n} ", if c.quoted { 'Q' } else { 'C' }), "}");
        if let Some(a) = c.attribution {
            // A name, written at the end of the claim's line.
            let end = doc.text[c.content.end..].find('\n').map_or(doc.text.len(), |k| c.content.end + k);
            add(Span::new(end, end), format!("{{W{n} {}}}", escape(a.of(&doc.text))), "");
        }
    }
    for e in &doc.entities {
        add(e.span, format!("[{} ", e.label), "]");
    }
    let mut out = String::new();
    for (i, ch) in doc.text.char_indices() {
        emit(&mut out, i, &mut opens, &mut closes);
        out.push_str(&escape(&doc.text[i..i + ch.len_utf8()]));
    }
    emit(&mut out, doc.text.len(), &mut opens, &mut closes);
    out
}

/// Text with the notation's own characters escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(ch, '[' | ']' | '{' | '}' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

type Marks<T> = BTreeMap<usize, Vec<(usize, usize, T)>>;

fn emit(out: &mut String, at: usize, opens: &mut Marks<String>, closes: &mut Marks<&str>) {
    if let Some(mut cs) = closes.remove(&at) {
        cs.sort_by_key(|c| (c.0, std::cmp::Reverse(c.1)));
        for (_, _, c) in cs {
            out.push_str(c);
        }
    }
    if let Some(mut os) = opens.remove(&at) {
        os.sort_by_key(|o| (std::cmp::Reverse(o.0), o.1));
        for (_, _, o) in os {
            out.push_str(&o);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entities_and_nested_claims() {
        let doc = parse("{V1 قال} {S1 [PER سامح شكري]} إن “{Q1 العلاقات مع [LOC فرنسا] قوية}”.").unwrap();
        assert_eq!(doc.text, "قال سامح شكري إن “العلاقات مع فرنسا قوية”.");
        let e: Vec<_> = doc.entities.iter().map(|e| (e.label, e.span.of(&doc.text))).collect();
        assert_eq!(e, [(Label::PER, "سامح شكري"), (Label::LOC, "فرنسا")]);
        let c = &doc.claims[0];
        assert_eq!(c.content.of(&doc.text), "العلاقات مع فرنسا قوية");
        assert!(c.quoted);
        assert_eq!(c.cue.unwrap().of(&doc.text), "قال");
        assert_eq!(render(&doc), "{V1 قال} {S1 [PER سامح شكري]} إن “{Q1 العلاقات مع [LOC فرنسا] قوية}”.");
    }

    #[test]
    fn who_a_claim_is_attributed_to_is_a_name_not_text() {
        let doc =
            parse("قال [PER سامح شكري] إن الوضع هادئ.\nو{V1 أضاف} أن {C1 المفاوضات مستمرة}.{W1 سامح شكري}").unwrap();
        assert_eq!(doc.text, "قال سامح شكري إن الوضع هادئ.\nوأضاف أن المفاوضات مستمرة.");
        let c = &doc.claims[0];
        assert_eq!(c.speaker, None);
        assert_eq!(c.attribution.map(|s| s.of(&doc.text)), Some("سامح شكري"), "its first mention");
        assert_eq!(parse(&render(&doc)).unwrap(), doc, "written back the same");
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse("سطر\n[XYZ نص]").unwrap_err();
        assert_eq!(e.place, "line 2");
        assert!(parse("[PER محمد").unwrap_err().message.contains("not closed"));
        assert!(parse("{S1 أحمد}").unwrap_err().message.contains("no content"));
        assert!(parse("نص]").is_err());
        assert!(parse("{V1 قال} إن {C1 نعم}{W1 زيد}").unwrap_err().message.contains("never writes"));
        assert_eq!(parse("\\[حرفي\\]").unwrap().text, "[حرفي]");
    }
}
