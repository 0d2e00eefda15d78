//! The second stage: entities from words. Lists and context rules propose candidates,
//! [`resolve`] keeps the best non-overlapping ones. Each rule lives in its own file under
//! `entities/` with its fixtures; what a rule is sure of is a constant of [`confidence`].

mod dates;
mod gazetteer;
mod media;
mod mentions;
mod numbers;
mod orgs;
mod persons;

use crate::document::{Entity, Label, Status};
use crate::lexicon::Lexicon;
use crate::tagger::{self, features::Hint, Model};
use crate::words::Words;
use crate::Span;

/// How sure each rule is of what it proposes, 0 to 1: the `confidence` of its entities, and
/// the order in which [`resolve`] prefers candidates of the same length.
pub mod confidence {
    /// A country, an organization or a well-known person from the lists.
    pub const LISTED: f32 = 0.9;
    /// A listed medium, city or region.
    pub const LISTED_OTHER: f32 = 0.85;
    /// A listed city that is also a given name or surname.
    pub const LISTED_AMBIGUOUS: f32 = 0.6;
    /// A town from the gazetteers, with a word of place before it.
    pub const TOWN_IN_CONTEXT: f32 = 0.7;
    /// A name after a title: الرئيس الروسي فلاديمير بوتين.
    pub const TITLE_NAME: f32 = 0.8;
    /// The title itself.
    pub const TITLE: f32 = 0.7;
    /// A known given name and more name words.
    pub const GIVEN_NAME: f32 = 0.7;
    /// An organization from its head word: وزارة الخارجية.
    pub const ORG_HEAD: f32 = 0.75;
    /// A quoted name after a head word: صحيفة “هآرتس”.
    pub const QUOTED_NAME: f32 = 0.95;
    /// An unquoted name after a head word: مدينة الفاشر.
    pub const AFTER_HEAD: f32 = 0.75;
    /// A date with its number or modifier: 14 مارس 2023، يوم الجمعة، أمس.
    pub const DATE: f32 = 0.9;
    /// A date phrase: منتصف الشهر الحالي، 14/3/2023.
    pub const DATE_PHRASE: f32 = 0.85;
    /// A date after a part of the day, or a time after الساعة.
    pub const DATE_CONTEXT: f32 = 0.8;
    /// A month in context, without a year.
    pub const MONTH_ALONE: f32 = 0.7;
    /// A time written 10:30.
    pub const TIME_DIGITS: f32 = 0.7;
    /// A weekday alone.
    pub const WEEKDAY_ALONE: f32 = 0.65;
    /// A four-digit number that may be a year.
    pub const YEAR_ALONE: f32 = 0.55;
    /// A number with %.
    pub const PERCENT_SIGN: f32 = 0.95;
    /// Money or a percentage in words: 5 ملايين دولار، 40 بالمئة.
    pub const AMOUNT: f32 = 0.9;
    /// Any other number.
    pub const CARDINAL: f32 = 0.5;
    /// A nationality adjective: الروسي.
    pub const NATIONALITY: f32 = 0.6;
    /// A later mention of a name found before: بينيت.
    pub const LATER_MENTION: f32 = 0.7;
}

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
    /// The proposal as the tagger reads it.
    pub fn hint(&self) -> Hint<'static> {
        Hint { span: self.span, label: self.label, source: self.source }
    }
}

/// All entities of an analyzed text.
pub fn find(a: &Words, lex: &Lexicon, model: Option<&Model>) -> Vec<Entity> {
    let cands = rule_candidates(a, lex);
    let cands = match model {
        Some(m) => with_model(a, lex, m, cands),
        None => cands,
    };
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

/// Rules the model falls back on where it found nothing: a quoted name after its head (صحيفة
/// “هآرتس”) and the lists of well-known people, countries and organizations. Measured on the
/// development splits and the seed (`wasim train` prints each rule's precision where the model is
/// silent): these lift the seed to Wasim's conventions without costing the corpora; the
/// organization-head and title rules, right there one time in seven, would.
const FALLBACK: [&str; 4] = ["rule:media-quoted", "list:persons", "list:countries", "list:organizations"];

/// Rules whose span the model's entity takes when they find the same name without the head word
/// and quotation mark the model took with it (صحيفة “هآرتس” → هآرتس). Place heads stay the
/// model's call: the corpora disagree (مدينة نابلس is one name in Wojood, two words in ANERcorp).
const SPAN_RULES: [&str; 1] = ["rule:media-quoted"];

/// The model's entities in place of the rules' people, organizations and places, resolved with
/// the rules: the model read the rules' proposals as features and decides those labels; a rule
/// gives the model's entity its exact start (the reading through clitics: وتل أبيب → تل أبيب) or
/// its span without a head word; the rules of [`FALLBACK`] fill in where the model is silent; the
/// rules keep the other labels (dates, amounts, nationalities, titles) where the model's entities
/// leave room.
fn with_model(a: &Words, lex: &Lexicon, m: &Model, cands: Vec<Candidate>) -> Vec<Candidate> {
    let mut ctx = m.context(a, lex, cands.iter().map(Candidate::hint));
    let mut by_start: Vec<usize> = (0..cands.len()).collect();
    by_start.sort_by_key(|&k| cands[k].span.start);
    let mut found = Vec::new();
    for (start, tagged) in m.tag_text(&mut ctx, &a.sentence_words()) {
        let pieces = tagged.iter().flat_map(|t| {
            let (first, last) = (start + t.first, start + t.last);
            let words = if t.label == Label::PER {
                persons::people(a, first, last, |k| m.has_seen(k))
            } else {
                vec![(first, last)]
            };
            words.into_iter().map(move |(f, l)| (t, f, l))
        });
        for (t, first, last) in pieces {
            let (first, last) = (&a.words[first], &a.words[last]);
            let source = if t.taught { "model:taught" } else { "model" };
            let whole = Span::new(first.stem_start(), last.span.end);
            let mut span = whole;
            // A rule that starts inside the first word read its clitics right; a head rule that
            // ends with the entity names it without its head (candidates by start: a window).
            let lo = by_start.partition_point(|&k| cands[k].span.start < whole.start);
            let hi = by_start.partition_point(|&k| cands[k].span.start < whole.end);
            for c in
                by_start[lo..hi].iter().map(|&k| &cands[k]).filter(|c| c.label == t.label && whole.contains(c.span))
            {
                if c.span.start > first.span.start && c.span.start < first.span.end {
                    span.start = c.span.start;
                }
                if c.span.end == span.end && SPAN_RULES.contains(&c.source) {
                    span.start = c.span.start;
                }
            }
            found.push(Candidate::new(span, t.label, source, t.confidence));
        }
    }
    found.sort_by_key(|c| c.span);
    let overlaps_found = |c: &Candidate| {
        let k = found.partition_point(|f: &Candidate| f.span.end <= c.span.start);
        found.get(k).is_some_and(|f| f.span.overlaps(c.span))
    };
    let kept: Vec<Candidate> = cands
        .into_iter()
        .filter(|c| !tagger::LABELS.contains(&c.label) || FALLBACK.contains(&c.source))
        .filter(|c| !overlaps_found(c))
        .collect();
    found.extend(kept);
    found
}

/// What every rule proposes, before resolution.
pub fn rule_candidates(a: &Words, lex: &Lexicon) -> Vec<Candidate> {
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
            .filter_map(|w| w.nationality())
            .map(|span| Candidate::new(span, Label::NORP, "list:nationalities", confidence::NATIONALITY)),
    );
    cands
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

#[cfg(test)]
mod tests;
