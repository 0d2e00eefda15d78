//! CoNLL / IOB2: one token per line (`token<TAB>tag`), a blank line between sentences and a
//! `-DOCSTART-` line between documents. Tags are `O`, `B-LABEL`, `I-LABEL`.
//!
//! Offsets: none. Whole-word mode keeps each word as written (an entity inside a word, like
//! القاهرة in بالقاهرة, tags the whole word); clitic mode writes the proclitics and the enclitic
//! of each Arabic word as tokens of their own (ب، القاهرة). On import the text is rebuilt from
//! the tokens, joined by spaces, one line per sentence; tags in IOB1, IOB2 and BIOES are read,
//! and the last column is the tag when there are more than two.

use super::{ImportError, Named};
use crate::document::{Document, Entity, Label, Status};
use crate::lexicon::Lexicon;
use crate::tokenize::TokenKind;
use crate::words::Words;
use crate::Span;

/// The tokens of a text (spans), with clitics split off Arabic words if asked.
fn tokens(text: &str, split_clitics: bool) -> Vec<Span> {
    let a = Words::analyze(text, Lexicon::builtin());
    let mut out = Vec::new();
    let mut w = 0;
    for t in &crate::tokenize::tokenize(text) {
        if matches!(t.kind, TokenKind::Space | TokenKind::Newline) {
            continue;
        }
        if t.is_wordlike() {
            let word = &a.words[w];
            w += 1;
            if split_clitics && word.kind == TokenKind::Word {
                if let Some(best) = word.stems().first() {
                    out.extend([best.prefix, best.span, best.suffix].into_iter().filter(|s| !s.is_empty()));
                    continue;
                }
            }
        }
        out.push(t.span);
    }
    out
}

/// Writes the documents' entities as IOB2.
pub fn write(docs: &[Named], split_clitics: bool) -> String {
    let mut out = String::new();
    for (n, d) in docs.iter().enumerate() {
        if docs.len() > 1 {
            if n > 0 {
                out.push('\n');
            }
            out.push_str("-DOCSTART-\tO\n\n");
        }
        let text = &d.doc.text;
        let sentences = crate::tokenize::sentences(text, &crate::tokenize::tokenize(text));
        let mut last_entity: Option<usize> = None;
        let mut sentence = 0;
        for t in tokens(text, split_clitics) {
            // A blank line where a new sentence starts.
            while sentences.get(sentence).is_some_and(|s| s.end <= t.start) {
                sentence += 1;
                if !out.is_empty() && !out.ends_with("\n\n") {
                    out.push('\n');
                }
                last_entity = None;
            }
            let e = d.doc.entities.iter().position(|e| e.span.overlaps(t));
            let tag = match e {
                Some(i) if last_entity == Some(i) => format!("I-{}", d.doc.entities[i].label),
                Some(i) => format!("B-{}", d.doc.entities[i].label),
                None => "O".to_string(),
            };
            last_entity = e;
            // A token never holds a tab or a line break.
            let token: String = t.of(text).chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect();
            out.push_str(&format!("{token}\t{tag}\n"));
        }
    }
    out
}

/// Reads IOB text into documents (one per `-DOCSTART-` section).
pub fn read(input: &str) -> Result<Vec<Document>, ImportError> {
    let mut docs = Vec::new();
    let mut doc = Document::default();
    // The entity being read (start, label) and the end of the token before.
    let mut open: Option<(usize, Label)> = None;
    let mut prev_end = 0;
    let mut line_start = true;
    let close = |doc: &mut Document, open: &mut Option<(usize, Label)>, end: usize| {
        if let Some((start, label)) = open.take() {
            doc.entities.push(Entity {
                span: Span::new(start, end),
                label,
                source: "import:conll".into(),
                confidence: 1.0,
                status: Status::Accepted,
            });
        }
    };
    for (n, raw) in input.lines().enumerate() {
        let place = || format!("line {}", n + 1);
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with("-DOCSTART-") {
            close(&mut doc, &mut open, prev_end);
            if line.starts_with("-DOCSTART-") {
                if !doc.text.trim().is_empty() {
                    docs.push(finish(std::mem::take(&mut doc)));
                }
            } else if !line_start {
                doc.text.push('\n');
            }
            line_start = true;
            continue;
        }
        if line.starts_with("# ") {
            continue; // a comment (CoNLL-U style)
        }
        let cols: Vec<&str> = line.split(['\t', ' ']).filter(|c| !c.is_empty()).collect();
        let (token, tag) = match cols.as_slice() {
            [token, .., tag] if cols.len() >= 2 => (*token, *tag),
            _ => return Err(ImportError::new(place(), format!("expected a token and a tag, found {line:?}"))),
        };
        let (prefix, label) = match tag.split_once(['-', '_']) {
            Some((p, l)) => (
                p,
                Some(
                    Label::parse(l)
                        .ok_or_else(|| ImportError::new(place(), format!("unknown label {l:?} in tag {tag:?}")))?,
                ),
            ),
            None if tag == "O" => ("O", None),
            None => return Err(ImportError::new(place(), format!("{tag:?} is not a tag (O, B-X, I-X)"))),
        };
        if !line_start {
            doc.text.push(' ');
        }
        let start = doc.text.len();
        doc.text.push_str(token);
        let end = doc.text.len();
        line_start = false;
        match (prefix, label) {
            ("O", _) => close(&mut doc, &mut open, prev_end),
            ("B" | "S" | "U", Some(l)) => {
                close(&mut doc, &mut open, prev_end);
                open = Some((start, l));
            }
            // IOB1: an I- after O or after another label starts an entity.
            ("I" | "E" | "L", Some(l)) if open.is_some_and(|o| o.1 == l) => {}
            ("I" | "E" | "L", Some(l)) => {
                close(&mut doc, &mut open, prev_end);
                open = Some((start, l));
            }
            (p, _) => return Err(ImportError::new(place(), format!("unknown tag prefix {p:?} in {tag:?}"))),
        }
        if matches!(prefix, "S" | "U" | "E" | "L") {
            close(&mut doc, &mut open, end);
        }
        prev_end = end;
    }
    close(&mut doc, &mut open, prev_end);
    if !doc.text.trim().is_empty() {
        docs.push(finish(doc));
    }
    Ok(docs)
}

fn finish(mut doc: Document) -> Document {
    let kept = doc.text.trim_end_matches('\n').len();
    doc.text.truncate(kept);
    doc.sort();
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(text: &str) -> Named {
        Named { name: "t".into(), doc: crate::annotate(text) }
    }

    #[test]
    fn whole_words_and_clitics() {
        // "He arrived in Cairo yesterday. Then to Beirut."
        let d = named("وصل بالقاهرة أمس. ثم إلى بيروت.");
        let whole = write(std::slice::from_ref(&d), false);
        assert!(whole.contains("بالقاهرة\tB-LOC\n"), "{whole}");
        assert!(whole.contains(".\tO\n\nثم\tO"), "a blank line between sentences:\n{whole}");
        let split = write(&[d], true);
        assert!(split.contains("ب\tO\nالقاهرة\tB-LOC\n"), "{split}");
    }

    #[test]
    fn read_rebuilds_text_and_spans() {
        let input = "-DOCSTART- O\n\nزار\tO\nتل\tB-LOC\nأبيب\tI-LOC\nأمس\tB-DATE\n.\tO\n\nقال\tO\nبوتين\tB-PER\n";
        let docs = read(input).unwrap();
        let d = &docs[0];
        assert_eq!(d.text, "زار تل أبيب أمس .\nقال بوتين");
        let got: Vec<(Label, &str)> = d.entities.iter().map(|e| (e.label, e.span.of(&d.text))).collect();
        assert_eq!(got, [(Label::LOC, "تل أبيب"), (Label::DATE, "أمس"), (Label::PER, "بوتين")]);
    }

    #[test]
    fn other_schemes_and_columns() {
        let d = &read("John NNP B-NP S-PER\nlives VBZ O O\nin IN O O\nNew NNP B-NP B-LOC\nYork NNP I-NP E-LOC\n")
            .unwrap()[0];
        let got: Vec<&str> = d.entities.iter().map(|e| e.span.of(&d.text)).collect();
        assert_eq!(got, ["John", "New York"]);
        let iob1 = &read("a I-ORG\nb I-ORG\nc O\n").unwrap()[0];
        assert_eq!(iob1.entities[0].span.of(&iob1.text), "a b");
    }

    #[test]
    fn errors_name_the_line() {
        let e = read("زار O\nمصر B-COUNTRY\n").unwrap_err();
        assert_eq!(e.place, "line 2");
        assert!(e.message.contains("COUNTRY"));
        assert!(read("justonecolumn\n").is_err());
    }
}
