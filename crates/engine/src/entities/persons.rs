//! People from their context:
//!
//! - **title-name**: a title, optional nationality adjectives, then a name: الرئيس الروسي
//!   فلاديمير بوتين; رئيس الوزراء الإسرائيلي، نفتالي بينيت; المتحدث باسم الكرملين ديمتري
//!   بيسكوف. The name may be in no list: its position is the evidence. The title itself is
//!   tagged `TITLE`.
//! - **given-name**: a known given name followed by more name words: محمد بن سلمان، إيلون ماسك.
//!
//! Name words: words in no list but the name lists, with the particles بن، ابن، بنت، أبو، أبي،
//! عبد، آل inside a name. Known false positives: a title followed by an unknown common word
//! (الرئيس ينتظر …) when that word is in no list; the common-words list is the guard.

use super::confidence as conf;
use super::gazetteer::Matches;
use super::{Candidate, Label};
use crate::lexicon::Kind;
use crate::normalize::key;
use crate::words::{Word, Words};
use crate::Span;

const MAX_NAME_WORDS: usize = 5;
/// The word that makes a title speak for a body: المتحدث باسم الكرملين.
const ON_BEHALF: &str = "باسم";
/// In: النائب في الكنيست.
const IN: &str = "في";
/// The article written alone, as in a family's name: آل ثاني is normalized to ال.
const ARTICLE: &str = "ال";
/// The future marker before a verb: سيبدأ.
const FUTURE: &str = "س";

pub fn candidates(a: &Words, gaz: &Matches, orgs: &[Candidate]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < a.words.len() {
        let Some(m) = gaz.get(i).filter(|m| m.kinds.has(Kind::Title)) else {
            i += 1;
            continue;
        };
        let mut j = m.last + 1;
        // المتحدث باسم الكرملين: skip the body spoken for.
        if a.words[m.last].key().ends_with(ON_BEHALF) {
            if let Some(body) = gaz.get(j) {
                j = body.last + 1;
            } else if j < a.words.len() {
                j += 1;
            }
        }
        // Nationalities, the body or country of the title (الأمين العام للأمم المتحدة، رئيس
        // فرنسا), possibly followed by a comma: رئيس الوزراء الإسرائيلي، نفتالي بينيت.
        while j < a.words.len() && a.joined(j) {
            // A body from the lists, or an organization another rule found (غرفة تجارة دبي).
            let at_body = |k: usize| {
                let w = a.words.get(k)?;
                let listed = gaz
                    .get(k)
                    .filter(|g| {
                        g.kinds.any(&[Kind::Organization, Kind::Country, Kind::City, Kind::Region, Kind::Media])
                    })
                    .map(|g| g.last);
                let found = orgs
                    .iter()
                    .find(|o| o.span.start >= w.span.start && o.span.start < w.span.end)
                    .map(|o| a.word_at(o.span.end) - 1);
                listed.into_iter().chain(found).max()
            };
            if a.words[j].nationality().is_some() || a.words[j].kinds().has(Kind::TitleTail) {
                j += 1;
            } else if a.words[j].key() == IN && a.joined(j + 1) && at_body(j + 1).is_some() {
                // النائب في الكنيست موشيه …
                j = at_body(j + 1).map_or(j + 1, |last| last + 1);
            } else if let Some(last) = at_body(j) {
                j = last + 1;
            } else if j == m.last + 1 && describes_title(&a.words[j]) {
                // الخبير الاقتصادي، المحلل السياسي: an adjective of the title.
                j += 1;
            } else {
                break;
            }
        }
        if j < a.words.len() && (a.joined(j) || a.between(j).trim() == "،" || a.between(j).trim() == ",") {
            if let Some(name) = name_at(a, gaz, j) {
                out.push(Candidate::new(name, Label::PER, "rule:title-name", conf::TITLE_NAME));
                out.push(Candidate::new(m.span, Label::TITLE, "list:titles", conf::TITLE));
            }
        }
        i = m.last + 1;
    }
    // A given name (never with the article) followed by a known given name or surname, where
    // no title already introduced a name.
    let mut by_title: Vec<Span> = out.iter().filter(|c| c.label == Label::PER).map(|c| c.span).collect();
    by_title.sort();
    for i in 0..a.words.len() {
        let w = a.words[i].span;
        let k = by_title.partition_point(|s| s.end <= w.start);
        if by_title.get(k).is_some_and(|s| s.overlaps(w)) {
            continue;
        }
        let w = &a.words[i];
        let given = w.stems().iter().any(|s| !s.key.starts_with("ال") && s.kinds.has(Kind::GivenName));
        if !given || w.nationality().is_some() || a.kinds_of(i).any(&[Kind::Common, Kind::Title]) || !a.joined(i + 1) {
            continue;
        }
        let next = &a.words[i + 1];
        let known_next = next.kinds().has(Kind::NameParticle)
            || (next.kinds().any(&[Kind::GivenName, Kind::Surname, Kind::Person])
                && !next.kinds().has(Kind::Common)
                && next.nationality().is_none());
        if !known_next {
            continue;
        }
        if let Some(name) = name_at(a, gaz, i) {
            if a.word_at(name.end) > i + 1 {
                out.push(Candidate::new(name, Label::PER, "rule:given-name", conf::GIVEN_NAME));
            }
        }
    }
    out
}

/// The people in a person the model found over words `first..=last`, as word ranges. Two
/// names joined by و are two people (موسى وبن عيسى: the word after و is a given name or a name
/// particle, and the whole word no name, as وليد is); a verb in the future tense is no part of a
/// name (فيرجسون سيبدأ، سيكونون): the future marker before a stem of three letters or more that
/// the training text wrote often (`seen`; سيرجي is س + a stem it never wrote). A preposition
/// before such a stem (بفوز) was tried as a break too: foreign family names read that way
/// (بليس، باين، لادن), and the corpora lost more than they gained.
pub fn people(a: &Words, first: usize, last: usize, seen: impl Fn(&str) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = first;
    for k in first..=last {
        let w = &a.words[k];
        if w.kinds().any(&[Kind::GivenName, Kind::Surname, Kind::Person, Kind::NameParticle]) {
            continue;
        }
        let verb = w.stems().iter().any(|s| {
            key(s.prefix.of(a.text)).trim_start_matches(['و', 'ف']) == FUTURE
                && s.key.chars().count() >= 3
                && seen(&s.key)
        });
        if verb {
            if k > from {
                out.push((from, k - 1));
            }
            from = k + 1;
        } else if k > from
            && a.reading_after(k, "و").is_some_and(|s| s.kinds.any(&[Kind::GivenName, Kind::NameParticle]))
        {
            out.push((from, k - 1));
            from = k;
        }
    }
    if from <= last {
        out.push((from, last));
    }
    out
}

/// A definite nisba adjective in no list (الاقتصادي، السياسي، الرياضي) describing a title.
fn describes_title(w: &Word) -> bool {
    w.key().starts_with("ال")
        && (w.key().ends_with('ي') || w.key().ends_with("يه"))
        && !w.kinds().any(&[Kind::GivenName, Kind::Person])
        && w.nationality().is_none()
}

/// The name that starts at word `i`, if the words there can form one.
fn name_at(a: &Words, gaz: &Matches, i: usize) -> Option<Span> {
    let first = &a.words[i];
    // A known person right there.
    if let Some(m) = gaz.get(i).filter(|m| m.kinds.has(Kind::Person)) {
        return Some(m.span);
    }
    let start = first.stems().first()?.span.start;
    let mut end = None;
    let mut j = i;
    while j < a.words.len() && j < i + MAX_NAME_WORDS {
        if j > i && !a.joined(j) {
            break;
        }
        let w = &a.words[j];
        let particle = w.kinds().has(Kind::NameParticle);
        if particle {
            j += 1;
            continue;
        }
        // Past the second word only names the lists know continue a name: an unknown third
        // word is more often the verb that follows (أيمن الصفدي سيزور).
        let known = || {
            w.kinds().any(&[Kind::GivenName, Kind::Surname, Kind::Person])
                || a.words[j - 1].kinds().any(&[Kind::NamePatronymic, Kind::NameCompound])
        };
        // A nisba after a given name is a family name when the lists know it so (هشام العلوي).
        let nisba_surname = j > i && w.kinds().has(Kind::Surname) && w.nationality().is_some();
        if !(is_name_word(a, j) || nisba_surname) || (j >= i + 2 && !known()) {
            break;
        }
        end = Some(w.span.end);
        j += 1;
        // A family name with the article closes the name (محمد شياع السوداني), unless it
        // completes a compound (عبد الرحمن، أبو الغيط).
        let compound = j >= 2 && a.words[j - 2].kinds().has(Kind::NameCompound);
        let particle_next = a.words.get(j).is_some_and(|n| a.joined(j) && n.kinds().has(Kind::NamePatronymic));
        if w.key().starts_with("ال") && j > i + 1 && !compound && !particle_next {
            break;
        }
    }
    end.map(|e| Span::new(if first.key() == ARTICLE { first.span.start } else { start }, e))
}

/// Whether word `j` can be part of a person's name.
fn is_name_word(a: &Words, j: usize) -> bool {
    let w = &a.words[j];
    if w.kind == crate::tokenize::TokenKind::Number {
        return false;
    }
    if w.nationality().is_some() || w.is_cue() || w.is(Kind::MediaHead) || w.is(Kind::PlaceNameHead) {
        return false;
    }
    let k = w.kinds();
    if k.any(&[Kind::GivenName, Kind::Surname, Kind::Person]) && !k.any(&[Kind::Common, Kind::Country, Kind::Title]) {
        return true;
    }
    // Any reading that is a common word, a title, a place, an organization or a date stops it.
    let any = a.kinds_of(j);
    if any.any(&[
        Kind::Common,
        Kind::Title,
        Kind::Country,
        Kind::City,
        Kind::Region,
        Kind::Organization,
        Kind::OrgHead,
        Kind::Month,
        Kind::Weekday,
        Kind::Media,
        Kind::PlaceHead,
    ]) {
        return false;
    }
    // An unknown word with و or ف in front (وجاء، فقال) is a verb or a noun joined to what came
    // before, not a name; names that start with these letters (وليد، وائل) are in the lists.
    if w.key().starts_with(['و', 'ف']) {
        return false;
    }
    // A word with tanween (ـًا) is an indefinite noun; a future verb (سيزور، سنعمل: س, then
    // ي or ن and two to four letters) follows its subject; otherwise an unknown word is a name
    // by its position.
    let n = w.key().chars().count();
    let future_verb = (w.key().starts_with("سي") || w.key().starts_with("سن")) && (4..=6).contains(&n);
    !w.tanween && !future_verb && n >= 2
}
