//! A line that opens with a speaker and إن “…” with no cue (a headline without its verb):
//! السفارة الروسية في تل أبيب إن "…".

use super::{claim, Context};
use crate::document::Claim;
use crate::lexicon::Kind;

/// The claim of the line whose first word is word `i`, if it has this shape.
pub(super) fn at(cx: &Context, i: usize) -> Option<Claim> {
    let a = cx.a;
    let line = a.paragraph_start(a.words[i].span.start);
    if !a.text[line..a.words[i].span.start].trim().is_empty() {
        return None;
    }
    let sentence = a.sentence(a.words[i].span.start);
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
