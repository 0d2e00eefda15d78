//! Newspapers, channels, agencies and sites named after their kind: صحيفة “هآرتس”، قناة
//! الجزيرة، وكالة رويترز، موقع "واللا". The entity is the name alone, without the head word and
//! without quotation marks. Quoted names up to six words are taken whole; unquoted ones are a
//! known medium or up to three words in no list. Known false positives: an unquoted head word
//! followed by an unknown common word (صحيفة محلية …).

use super::gazetteer::Match;
use super::{kinds_of, Candidate, Label};
use crate::analysis::Analysis;
use crate::lexicon::{Kind, Lexicon};
use crate::tokenize::TokenKind;
use crate::Span;

/// Head words of media names (search-normalized, without the article).
pub const HEADS: [&str; 12] = ["صحيفه", "جريده", "قناه", "وكاله", "موقع", "مجله", "اذاعه", "شبكه", "تلفزيون", "محطه", "اسبوعيه", "يوميه"];

pub fn candidates(a: &Analysis, lex: &Lexicon, gaz: &[Option<Match>]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for i in 0..a.words.len().saturating_sub(1) {
        if !a.words[i].stems.iter().any(|s| HEADS.contains(&s.key.as_str())) {
            continue;
        }
        let between = a.between(i + 1);
        let quote = between.trim().chars().next().filter(|c| crate::chars::class(*c) == crate::chars::Class::Quote);
        if let Some(open) = quote {
            // Up to the closing mark.
            let close = crate::chars::closing_quote(open).unwrap_or(open);
            let mut j = i + 1;
            while j < a.words.len() && j < i + 7 {
                let after = a.text.get(a.words[j].span.end..).unwrap_or("");
                let next = after.chars().find(|c| !c.is_whitespace());
                if next == Some(close) || next == Some('”') || next == Some('»') || (open == '"' && next == Some('"')) {
                    out.push(Candidate::new(Span::new(a.words[i + 1].span.start, a.words[j].span.end), Label::ORG, "rule:media-quoted", 0.95));
                    break;
                }
                if !a.joined(j + 1) {
                    break;
                }
                j += 1;
            }
            continue;
        }
        if !a.joined(i + 1) {
            continue;
        }
        if let Some(m) = gaz[i + 1].as_ref().filter(|m| m.kinds.has(Kind::Media) || m.kinds.has(Kind::Organization)) {
            out.push(Candidate::new(m.span, Label::ORG, "rule:media-head", 0.9));
            continue;
        }
        let mut j = i + 1;
        let mut end = None;
        while j < a.words.len() && j < i + 4 && (j == i + 1 || a.joined(j)) {
            let w = &a.words[j];
            let k = kinds_of(a, lex, j);
            if w.kind == TokenKind::Number || k.has(Kind::Common) || k.has(Kind::Title) || crate::claims::is_cue_word(&w.key) || super::nationality(w, lex).is_some() {
                break;
            }
            end = Some(w.span.end);
            j += 1;
        }
        if let Some(e) = end {
            out.push(Candidate::new(Span::new(a.words[i + 1].span.start, e), Label::ORG, "rule:media-head", 0.75));
        }
    }
    out
}
