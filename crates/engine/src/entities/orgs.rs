//! Organizations from their head word: وزارة الخارجية المصرية، منظمة الصحة العالمية، الجيش
//! الإسرائيلي، السفارة الروسية، جامعة القاهرة، مؤسسة الدفاع، سلاح الجو.
//!
//! After a head without the article (construct state) comes a definite noun, a place or an
//! unknown word (حركة حماس); after a head with the article only an adjective of nationality or
//! of the kind in `data/hand/org-adjectives.txt`. Then more such adjectives. A name the lists know already is
//! not extended (حزب الله اللبناني stays حزب الله). Known false positives: construct phrases
//! with a head word that are no names (مركز المدينة, the city centre).

use super::confidence as conf;
use super::gazetteer::Matches;
use super::{Candidate, Label};
use crate::lexicon::Kind;
use crate::words::Words;
use crate::Span;

/// In no list but, perhaps, the noisy name lists (تجارة is also a surname).
fn only_names(k: crate::lexicon::Kinds) -> bool {
    k.0 & !(Kind::GivenName.bit() | Kind::Surname.bit()) == 0
}

pub fn candidates(a: &Words, gaz: &Matches) -> Vec<Candidate> {
    let mut out = Vec::new();
    for i in 0..a.words.len() {
        let w = &a.words[i];
        // A head with a pronoun on it (قواته، فريقه) is no name.
        let Some(stem) = w.stems().iter().find(|s| s.suffix.is_empty() && s.kinds.has(Kind::OrgHead)) else { continue };
        // A known organization starting here wins as it is.
        if gaz.get(i).is_some_and(|m| m.kinds.any(&[Kind::Organization, Kind::Media]) && m.last > i) {
            continue;
        }
        // وكالة الأناضول، قناة الجزيرة: a known medium after a descriptor is the media rule's.
        if gaz.get(i + 1).is_some_and(|g| g.kinds.any(&[Kind::Media, Kind::Organization]))
            && (stem.is(Kind::MediaHead) || stem.is(Kind::PlaceNameHead))
        {
            continue;
        }
        let definite = stem.key.starts_with("ال");
        let mut j = i + 1;
        let mut end = None;
        // The first modifier.
        if a.joined(j) {
            let m = &a.words[j];
            if let Some(g) = gaz.get(j).filter(|g| {
                g.kinds.any(&[Kind::Country, Kind::City, Kind::Town, Kind::Region, Kind::Organization]) && !definite
            }) {
                end = Some(g.span.end);
                j = g.last + 1;
            } else if m.nationality().is_some()
                || m.kinds().has(Kind::OrgAdjective)
                || (!definite
                    && m.is_definite_noun()
                    && !a.kinds_of(j).any(&[Kind::Title, Kind::Month, Kind::Weekday])
                    && !m.is_cue())
            {
                end = Some(m.span.end);
                j += 1;
            } else if !definite
                && m.kind != crate::tokenize::TokenKind::Number
                && only_names(a.kinds_of(j))
                && !m.is_cue()
                && !m.is(Kind::OrgHead)
            {
                // حركة حماس: an unknown word after an indefinite head; غرفة تجارة دبي: a chain of
                // nouns ending in a place or a definite noun. A word in ـة alone is more often
                // an adjective agreeing with the head (حكومة موحدة).
                let next_place = gaz
                    .get(j + 1)
                    .filter(|g| a.joined(j + 1) && g.kinds.any(&[Kind::Country, Kind::City, Kind::Town, Kind::Region]));
                let next_definite = a.joined(j + 1)
                    && a.words.get(j + 1).is_some_and(|n| n.is_definite_noun() && n.nationality().is_none());
                if let Some(g) = next_place {
                    end = Some(g.span.end);
                    j = g.last + 1;
                } else if next_definite {
                    end = Some(a.words[j + 1].span.end);
                    j += 2;
                } else if !m.key().ends_with('ه') {
                    end = Some(m.span.end);
                    j += 1;
                }
            } else if !definite && m.key().starts_with("ال") && m.is(Kind::Title) {
                // جامعة الملك عبد الله: a title and a name.
                let mut k = j + 1;
                while k < a.words.len()
                    && k < j + 4
                    && a.joined(k)
                    && a.words[k].kinds().any(&[Kind::GivenName, Kind::Surname, Kind::NameParticle])
                {
                    k += 1;
                }
                if k > j + 1 {
                    end = Some(a.words[k - 1].span.end);
                    j = k;
                }
            }
        }
        let Some(mut e) = end else { continue };
        while j < a.words.len() && j < i + 6 && a.joined(j) {
            let m = &a.words[j];
            if m.nationality().is_some() || m.kinds().has(Kind::OrgAdjective) {
                e = m.span.end;
                j += 1;
            } else {
                break;
            }
        }
        // A purpose after ل: قطر للطاقة، المرصد السوري لحقوق الإنسان، … للعلوم والتقنية.
        if let Some(purpose) = a.joined(j).then(|| a.reading_after(j, "ل")).flatten().filter(|s| s.is(Kind::OrgPurpose))
        {
            if purpose.key.starts_with("ال") {
                e = a.words[j].span.end;
                j += 1;
            } else if a.joined(j + 1) && a.words.get(j + 1).is_some_and(|n| n.is_definite_noun()) {
                e = a.words[j + 1].span.end;
                j += 2;
            }
            // … and what is joined to it by و: للعلوم والتقنية.
            while j < i + 10
                && a.joined(j)
                && a.reading_after(j, "و").is_some_and(|s| {
                    s.key.starts_with("ال") && s.key.chars().count() >= 4 && !s.kinds.has(Kind::NotModifier)
                })
            {
                e = a.words[j].span.end;
                j += 1;
            }
        }
        out.push(Candidate::new(Span::new(stem.span.start, e), Label::ORG, "rule:org-head", conf::ORG_HEAD));
    }
    out
}
