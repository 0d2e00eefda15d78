//! Relayed sayings: نقلت وكالة الأنباء عن الوزير قوله إن … — what the minister said (its cue the
//! saying, قوله; its speaker between عن and it) and the agency's relaying it (its cue the relaying
//! verb, نقلت; its speaker that verb's subject): two claims of one content, the saying first.

use super::{claim, Context, Found, MAX_SPEAKER_WORDS};
use crate::lexicon::{Lexicon, RuleList};
use crate::normalize::key;
use crate::Span;

/// What the claims of a relaying are marked with: they come after the saying they relay, and the
/// speaker a dropped subject after them means is the saying's, not theirs (نقلت الوكالة عن الوزير
/// قوله إن … وأضاف أن …: the minister added).
pub(super) const RELAYED: &str = "rule:claims-relayed";

/// The prepositions after a relaying verb before the one who said it: عن (from) and إلى (to,
/// ascribed to), search-normalized.
const FROM_OR_TO: [&str; 2] = ["عن", "الي"];

/// The claims `found`, each whose cue is a relayed saying given its speaker and followed by the
/// claim of its relaying, when the relaying verb has a subject and no claim of its own.
pub(super) fn add(cx: &Context, found: Vec<Found>) -> Vec<Found> {
    let words: Vec<usize> = found.iter().map(|f| f.word).collect();
    let mut out = Vec::with_capacity(found.len());
    for mut f in found {
        let relay = relay(cx, &mut f).filter(|r| words.binary_search(&r.word).is_err());
        out.push(f);
        out.extend(relay);
    }
    out
}

/// For a claim whose cue is a relayed saying (قوله), sets its speaker, when it has none, to the
/// words between عن or إلى and the cue, and returns the relaying claim.
fn relay(cx: &Context, f: &mut Found) -> Option<Found> {
    let a = cx.a;
    let w = f.word;
    let (_, cue) = cx.cue(w)?;
    if !cx.cue_in(RuleList::RelayedSaying, cue) {
        return None;
    }
    let sentence = a.sentence(a.words[w].span.start);
    // Back over the joined words before `k`, within a speaker's length, to the first word `hit`
    // accepts; none past another cue.
    let back = |k: usize, hit: &dyn Fn(usize) -> bool| {
        (k.saturating_sub(MAX_SPEAKER_WORDS + 1)..k)
            .rev()
            .take_while(|&m| a.joined(m + 1) && a.words[m].span.start >= sentence.start)
            .find(|&m| hit(m) || cx.cue(m).is_some())
            .filter(|&m| hit(m))
    };
    let from = back(w, &|m| FROM_OR_TO.contains(&a.words[m].key()))?;
    if f.claim.speaker.is_none() && from + 1 < w {
        f.claim.speaker = Some(Span::new(a.words[from + 1].stem_start(), a.words[w - 1].span.end));
    }
    let lex = Lexicon::builtin();
    let verb = back(from, &|m| a.words[m].in_list(lex, RuleList::RelayingVerb))?;
    // Without و or ف in front, as a cue is written (ونسبت: نسبت).
    let bare = || {
        super::cues::without_conjunction(a, verb)
            .filter(|s| lex.in_list(RuleList::RelayingVerb, &key(s.of(a.text))))
            .unwrap_or(a.words[verb].span)
    };
    let relaying = cx.cue(verb).map_or_else(bare, |(_, c)| c);
    // Its subject after it (نقلت وكالة الأنباء عن …), up to عن or إلى, or before it (وكانت
    // وسائل الإعلام قد نقلت عن …); with none (ونقل عن الوزير قوله: it was relayed), no claim.
    let after = (verb + 1 < from)
        .then(|| cx.speaker_after(verb + 1, sentence))
        .flatten()
        .map(|(s, _)| Span::new(s.start, s.end.min(a.words[from - 1].span.end)));
    let speaker = after.or_else(|| cx.speaker_before(verb, sentence))?;
    let c = &f.claim;
    Some(Found { word: verb, claim: claim(Some(speaker), Some(relaying), c.content, c.quoted, false, RELAYED) })
}
