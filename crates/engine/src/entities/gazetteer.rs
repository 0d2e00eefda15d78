//! List matching: at each word, the longest phrase of the lexicon that starts there, reading the
//! first word through its clitics (وتل أبيب → تل أبيب, لأوكرانيا → أوكرانيا, بالقاهرة →
//! القاهرة) and the following words whole, joined by spaces.

use super::confidence as conf;
use super::{Candidate, Label};
use crate::lexicon::{Kind, Kinds, Lexicon};
use crate::words::{Phrase, Words};
use crate::Span;

/// For every word, the longest list phrase starting there (see [`matches`]), kept in 16 bytes a
/// word: its kinds, how many words it runs on after the first, and the reading of the first word
/// it starts from (a [`Phrase`] takes 56: on a long text, the largest thing the rules made).
pub struct Matches<'a, 't> {
    words: &'a Words<'t>,
    at: Vec<Option<(Kinds, u8, u8)>>,
}

impl Matches<'_, '_> {
    /// The phrase starting at word `i` (`None` where nothing matches).
    pub fn get(&self, i: usize) -> Option<Phrase> {
        let &(kinds, run, reading) = self.at.get(i)?.as_ref()?;
        let last = i + usize::from(run);
        let start = self.words.words[i].stems().span(usize::from(reading))?.start;
        let span = Span::new(start, self.words.words.get(last)?.span.end);
        Some(Phrase { first: i, last, reading: usize::from(reading), span, kinds })
    }

    /// Every phrase, by first word.
    pub fn iter(&self) -> impl Iterator<Item = Phrase> + '_ {
        (0..self.at.len()).filter_map(|i| self.get(i))
    }
}

/// For every word, the longest list phrase starting there. (A phrase has at most
/// `MAX_PHRASE_WORDS` words and a word a few readings: both fit a byte.)
pub fn matches<'a, 't>(a: &'a Words<'t>, lex: &Lexicon) -> Matches<'a, 't> {
    let at = (0..a.words.len())
        .map(|i| {
            let p = a.phrase_at(lex, i, |_| true)?;
            Some((p.kinds, u8::try_from(p.last - p.first).ok()?, u8::try_from(p.reading).ok()?))
        })
        .collect();
    Matches { words: a, at }
}

/// Entities straight from the lists: places, organizations, media and well-known people.
/// A single word that is also a common word (العالم, the world) is left to context rules; a
/// town from the gazetteers needs a word of place before it or a clitic ب/ل on it (بجنين).
pub fn candidates(a: &Words, gaz: &Matches) -> Vec<Candidate> {
    let mut out = Vec::new();
    for m in gaz.iter() {
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
