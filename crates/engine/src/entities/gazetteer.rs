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
    for stem in &a.words[i].stems {
        let Some(mut cur) = lex.feed(lex.start(), stem.key.as_bytes()) else { continue };
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

/// Entities straight from the lists: places, organizations, media and well-known people.
/// A single word that is also a common word (العالم, the world) is left to context rules.
pub fn candidates(gaz: &[Option<Match>]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for m in gaz.iter().flatten() {
        let k = m.kinds;
        let single = m.first == m.last;
        if single && k.has(Kind::Common) {
            continue;
        }
        let pick = if k.has(Kind::Person) {
            Some((Label::PER, "list:persons", 0.9))
        } else if k.has(Kind::Organization) {
            Some((Label::ORG, "list:organizations", 0.9))
        } else if k.has(Kind::Country) {
            Some((Label::LOC, "list:countries", 0.9))
        } else if k.has(Kind::Media) {
            Some((Label::ORG, "list:media", 0.85))
        } else if k.has(Kind::City) {
            Some((Label::LOC, "list:cities", if single && k.any(&[Kind::GivenName, Kind::Surname]) { 0.6 } else { 0.85 }))
        } else if k.has(Kind::Region) {
            Some((Label::LOC, "list:regions", 0.85))
        } else {
            None
        };
        if let Some((label, source, conf)) = pick {
            out.push(Candidate::new(m.span, label, source, conf));
        }
    }
    out
}
