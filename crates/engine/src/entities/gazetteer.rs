//! List matching: at each word, the longest phrase of the lexicon that starts there, reading the
//! first word through its clitics (وتل أبيب → تل أبيب, لأوكرانيا → أوكرانيا, بالقاهرة →
//! القاهرة) and the following words whole, joined by spaces.

use super::{Candidate, Label};
use crate::analysis::Analysis;
use crate::lexicon::{Kind, Kinds, Lexicon};
use crate::Span;

/// The longest lexicon phrase starting at a word.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub first: usize,
    pub last: usize,
    /// From the stem of the first word (no clitic) to the end of the last.
    pub span: Span,
    pub kinds: Kinds,
}

/// Longest phrase a name may have, in words.
const MAX_WORDS: usize = 8;

/// For every word, the longest match starting there (`None` where nothing matches).
pub fn matches(a: &Analysis, lex: &Lexicon) -> Vec<Option<Match>> {
    (0..a.words.len()).map(|i| longest_at(a, lex, i)).collect()
}

fn longest_at(a: &Analysis, lex: &Lexicon, i: usize) -> Option<Match> {
    let mut best: Option<Match> = None;
    // Names take no possessive pronoun: readings without an enclitic only.
    for stem in a.words[i].stems.iter().filter(|s| s.suffix.is_empty()) {
        let Some(mut cur) = stem.walk.map(|w| lex.resume(w)) else { continue };
        let mut j = i;
        loop {
            let kinds = lex.value(cur);
            if !kinds.is_empty() && best.as_ref().is_none_or(|b| j > b.last) {
                best = Some(Match { first: i, last: j, span: Span::new(stem.span.start, a.words[j].span.end), kinds });
            }
            if j + 1 - i >= MAX_WORDS || !a.joined(j + 1) {
                break;
            }
            let Some(c) = lex.feed(cur, b" ").and_then(|c| lex.feed(c, a.words[j + 1].key.as_bytes())) else { break };
            cur = c;
            j += 1;
        }
    }
    best
}

/// Words before a town name that make it one: في، إلى، من … and place words (مدينة).
const TOWN_CONTEXT: [&str; 14] =
    ["في", "الي", "من", "قرب", "بين", "شمال", "جنوب", "شرق", "غرب", "وسط", "مدينه", "بلده", "عاصمه", "حتي"];

/// Entities straight from the lists: places, organizations, media and well-known people.
/// A single word that is also a common word (العالم, the world) is left to context rules; a
/// town from the gazetteers needs a word of place before it or a clitic ب/ل on it (بجنين).
pub fn candidates(a: &Analysis, gaz: &[Option<Match>]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for m in gaz.iter().flatten() {
        let k = m.kinds;
        let single = m.first == m.last;
        if single && k.has(Kind::Common) {
            continue;
        }
        // A word with tanween (وفدًا) is an indefinite noun, never a name.
        if a.words[m.first].span.of(a.text).contains(['\u{064B}', '\u{064C}', '\u{064D}']) {
            continue;
        }
        let town_ok = || {
            let prev = m.first.checked_sub(1).filter(|_| a.joined(m.first)).map(|p| a.words[p].key.as_ref());
            let clitic = m.span.start > a.words[m.first].span.start;
            !single || prev.is_some_and(|p| TOWN_CONTEXT.contains(&p)) || (clitic && m.span.len() >= 8)
        };
        let pick = if k.has(Kind::Person) {
            Some((Label::PER, "list:persons", 0.9))
        } else if k.has(Kind::Organization) {
            Some((Label::ORG, "list:organizations", 0.9))
        } else if k.has(Kind::Country) {
            Some((Label::LOC, "list:countries", 0.9))
        } else if k.has(Kind::Media) {
            Some((Label::ORG, "list:media", 0.85))
        } else if k.has(Kind::City) {
            Some((
                Label::LOC,
                "list:cities",
                if single && k.any(&[Kind::GivenName, Kind::Surname]) { 0.6 } else { 0.85 },
            ))
        } else if k.has(Kind::Region) {
            Some((Label::LOC, "list:regions", 0.85))
        } else if k.has(Kind::Town) && !k.has(Kind::PlaceHead) && town_ok() {
            Some((Label::LOC, "list:towns", 0.7))
        } else {
            None
        };
        if let Some((label, source, conf)) = pick {
            out.push(Candidate::new(m.span, label, source, conf));
        }
    }
    out
}
