//! List matching: at each word, the longest phrase of the lexicon that starts there, reading the
//! first word through its clitics (وتل أبيب → تل أبيب, لأوكرانيا → أوكرانيا, بالقاهرة →
//! القاهرة) and the following words whole, joined by spaces.

use super::confidence as conf;
use super::{Candidate, Label};
use crate::lexicon::{Kind, Lexicon};
use crate::words::{Phrase, Words};

/// For every word, the longest list phrase starting there (`None` where nothing matches).
pub fn matches(a: &Words, lex: &Lexicon) -> Vec<Option<Phrase>> {
    (0..a.words.len()).map(|i| a.phrase_at(lex, i, |_| true)).collect()
}

/// Entities straight from the lists: places, organizations, media and well-known people.
/// A single word that is also a common word (العالم, the world) is left to context rules; a
/// town from the gazetteers needs a word of place before it or a clitic ب/ل on it (بجنين).
pub fn candidates(a: &Words, gaz: &[Option<Phrase>]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for m in gaz.iter().flatten() {
        let k = m.kinds;
        let single = m.first == m.last;
        if single && k.has(Kind::Common) {
            continue;
        }
        // A word with tanween (وفدًا) is an indefinite noun, never a name.
        if a.words[m.first].tanween {
            continue;
        }
        let town_ok = || {
            let prev = m.first.checked_sub(1).filter(|_| a.joined(m.first)).map(|p| a.words[p].kinds());
            let clitic = m.span.start > a.words[m.first].span.start;
            !single || prev.is_some_and(|k| k.has(Kind::TownContext)) || (clitic && m.span.len() >= 8)
        };
        let pick = if k.has(Kind::Person) {
            Some((Label::PER, "list:persons", conf::LISTED))
        } else if k.has(Kind::Organization) {
            Some((Label::ORG, "list:organizations", conf::LISTED))
        } else if k.has(Kind::Country) {
            Some((Label::LOC, "list:countries", conf::LISTED))
        } else if k.has(Kind::Media) {
            Some((Label::ORG, "list:media", conf::LISTED_OTHER))
        } else if k.has(Kind::City) {
            Some((
                Label::LOC,
                "list:cities",
                if single && k.any(&[Kind::GivenName, Kind::Surname]) {
                    conf::LISTED_AMBIGUOUS
                } else {
                    conf::LISTED_OTHER
                },
            ))
        } else if k.has(Kind::Region) {
            Some((Label::LOC, "list:regions", conf::LISTED_OTHER))
        } else if k.has(Kind::Town) && !k.has(Kind::PlaceHead) && town_ok() {
            Some((Label::LOC, "list:towns", conf::TOWN_IN_CONTEXT))
        } else {
            None
        };
        if let Some((label, source, conf)) = pick {
            out.push(Candidate::new(m.span, label, source, conf));
        }
    }
    out
}
