//! Reports of reports: وذكرت الصحيفة أنه في حين أبرز الإسرائيليون أن …: when a content opens
//! with another attribution (its cue within the first three words), the inner claim says it
//! all; the outer one is dropped, unless the inner one names its own speaker in the content (قال
//! دبلوماسيون إن الولايات المتحدة ترى أن …: two reports, each with its speaker).

use crate::document::Claim;
use crate::words::Words;
use crate::Span;

/// How many words into a content another cue makes it a report of a report.
const OPENING_WORDS: usize = 3;

pub(super) fn drop_reports_of_reports(a: &Words, claims: Vec<Claim>) -> Vec<Claim> {
    let mut cues: Vec<Span> = claims.iter().filter_map(|c| c.cue).collect();
    cues.sort();
    let speakers: Vec<(Span, Span)> = claims.iter().filter_map(|c| Some((c.cue?, c.speaker?))).collect();
    claims
        .into_iter()
        .filter(|outer| {
            let first = a.word_at(outer.content.start);
            let limit =
                a.words.get(first + OPENING_WORDS).map_or(outer.content.end, |w| w.span.start.min(outer.content.end));
            let k = cues.partition_point(|c| c.start < outer.content.start);
            let opening = cues.get(k).filter(|c| c.start < limit && outer.content.contains(**c));
            // Kept when the inner report names its own speaker inside it (… إن الولايات المتحدة
            // ترى أن …): two reports, each with its speaker.
            let spoken =
                |cue: &Span| speakers.iter().any(|(c, s)| c == cue && outer.content.contains(*s) && s.end <= cue.start);
            opening.is_none_or(spoken)
        })
        .collect()
}
