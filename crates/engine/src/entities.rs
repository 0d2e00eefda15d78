//! The entity tagger: lists and context rules propose candidates, [`resolve`] keeps the best
//! non-overlapping ones. Each rule lives in its own file under `entities/` with its fixtures.

mod dates;
mod gazetteer;
mod media;
mod mentions;
mod numbers;
mod orgs;
mod persons;

use crate::analysis::Analysis;
use crate::document::{Entity, Label, Status};
use crate::lexicon::{Kind, Kinds, Lexicon};
use crate::Span;

/// A proposal from a list or a rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub span: Span,
    pub label: Label,
    pub source: &'static str,
    pub confidence: f32,
}

impl Candidate {
    fn new(span: Span, label: Label, source: &'static str, confidence: f32) -> Candidate {
        Candidate { span, label, source, confidence }
    }
}

/// All entities of an analyzed text.
pub fn find(a: &Analysis, lex: &Lexicon) -> Vec<Entity> {
    let gaz = gazetteer::matches(a, lex);
    let mut cands = gazetteer::candidates(a, &gaz);
    let org_rule = orgs::candidates(a, &gaz);
    cands.extend(persons::candidates(a, &gaz, &org_rule));
    cands.extend(org_rule);
    cands.extend(media::candidates(a, &gaz));
    cands.extend(dates::candidates(a, lex));
    cands.extend(numbers::candidates(a, lex));
    // Nationalities and groups: الروسي، الإيرانية، الإسرائيليون.
    cands.extend(
        a.words
            .iter()
            .filter_map(|w| w.nationality)
            .map(|span| Candidate::new(span, Label::NORP, "list:nationalities", 0.6)),
    );
    let mut kept = resolve(cands);
    let more = mentions::candidates(a, lex, &kept);
    kept.extend(more);
    let mut kept = resolve(kept);
    kept.sort_by_key(|c| c.span);
    kept.into_iter()
        .map(|c| Entity {
            span: c.span,
            label: c.label,
            source: c.source.to_string(),
            confidence: c.confidence,
            status: Status::Auto,
        })
        .collect()
}

/// Keeps the best candidates that do not overlap: longer spans first (they carry more
/// context: صحيفة “الشرق الأوسط” over الشرق), then higher confidence, then label priority.
pub fn resolve(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.retain(|c| !c.span.is_empty());
    cands.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(b.confidence.total_cmp(&a.confidence))
            .then(a.label.priority().cmp(&b.label.priority()))
            .then(a.span.cmp(&b.span))
    });
    // Kept spans by start; they never overlap, so only the last one starting before a
    // candidate's end can overlap it.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut kept: Vec<Candidate> = Vec::new();
    for c in cands {
        let clash = taken.range(..c.span.end).next_back().is_some_and(|(_, &end)| end > c.span.start);
        if !clash {
            taken.insert(c.span.start, c.span.end);
            kept.push(c);
        }
    }
    kept
}

// Helpers the rules share.

/// The kinds of any reading of word `i` (none past the end).
fn kinds_of(a: &Analysis, i: usize) -> Kinds {
    a.words.get(i).map_or(Kinds::EMPTY, |w| w.any)
}

/// Where the readings make a nationality or group adjective, in any gender and number, with or
/// without the article and clitics: روسي، الروسية، والإسرائيليون، إيرانيين. The span leaves the
/// clitics out. Computed once per distinct word (see `analysis.rs`): read `Word::nationality`.
pub(crate) fn nationality(stems: &[crate::clitics::Stem], lex: &Lexicon) -> Option<Span> {
    const ENDINGS: [&str; 8] = ["يون", "يين", "يات", "يتان", "يتين", "يان", "يه", "ي"];
    for s in stems {
        if s.is(Kind::Nationality) {
            return Some(s.span);
        }
        let bare = s.key.strip_prefix("ال").unwrap_or(&s.key);
        for end in ENDINGS {
            if let Some(base) = bare.strip_suffix(end) {
                if base.chars().count() >= 2 && lex.get(&format!("{base}ي")).has(Kind::Nationality) {
                    return Some(s.span);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests;
