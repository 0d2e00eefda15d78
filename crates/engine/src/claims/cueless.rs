//! Claims with no cue: a line that opens with a speaker and إن “…” (a headline without its verb:
//! السفارة الروسية في تل أبيب إن "…"), or with a person's name and a colon (القرضاوي: …); a line
//! inside a quotation a line before opened, with no quotation mark of its own or closing it (its
//! part of the quotation).

use super::{claim, Context};
use crate::document::Claim;
use crate::document::Label;
use crate::lexicon::Kind;

/// The claim of the line whose first word is word `i`, if it has this shape.
pub(super) fn at(cx: &Context, i: usize) -> Option<Claim> {
    let a = cx.a;
    let line = a.paragraph_start(a.words[i].span.start);
    if !a.text[line..a.words[i].span.start].trim().is_empty() {
        return None;
    }
    // A quotation going on from the line before: this line's part of it.
    if let Some(content) = cx.continued_quote(line) {
        return Some(claim(None, None, content, true, false, "rule:claims-no-cue"));
    }
    let sentence = a.sentence(a.words[i].span.start);
    // A headline naming its speaker before a colon: القرضاوي: …
    if let Some(c) = headline_colon(cx, i, sentence) {
        return Some(c);
    }
    let (speaker, next) = cx.speaker_after(i, sentence)?;
    if !cx.is_complementizer(next) {
        return None;
    }
    // The speaker names someone: an entity, or a title or body word (الوزارة، المتحدث).
    let names = cx.entity_from(speaker.start).is_some_and(|e| speaker.contains(e.span))
        || a.words[i].any().any(&[Kind::Title, Kind::OrgHead, Kind::Media]);
    if !names {
        return None;
    }
    let (content, quoted) = cx.quote_at(a.words[next].span.end)?;
    Some(claim(Some(speaker), None, content, quoted, false, "rule:claims-no-cue"))
}

/// The fewest words a headline's content has after its speaker and colon.
const MIN_HEADLINE_WORDS: usize = 4;

/// A line opening with a person's name and a colon: the person speaks the rest of the line
/// (القرضاوي: …).
fn headline_colon(cx: &Context, i: usize, sentence: crate::Span) -> Option<Claim> {
    let a = cx.a;
    // A person: a body before a colon more often titles a record (مجلس محلي قلقيلية: قرار …).
    let e = cx.entity_from(a.words[i].span.start).filter(|e| e.label == Label::PER)?;
    let w = a.word_at(e.span.end);
    let first = a.words[i].span;
    if e.span.start >= first.end || first.end > e.span.end || w >= a.words.len() || a.between(w).trim() != ":" {
        return None;
    }
    let colon = e.span.end + a.text[e.span.end..].find(':')?;
    let (content, quoted) = cx.colon_or_quote(e.span.end, sentence)?;
    // What is said, not a description (الإمام …: إمام اليمن المشهور).
    if a.word_at(content.end) - a.word_at(content.start) < MIN_HEADLINE_WORDS {
        return None;
    }
    let colon = crate::Span::new(colon, colon + 1);
    Some(claim(Some(e.span), Some(colon), content, quoted, false, "rule:claims-no-cue"))
}
