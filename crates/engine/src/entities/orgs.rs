//! Organizations from their head word: وزارة الخارجية المصرية، منظمة الصحة العالمية، الجيش
//! الإسرائيلي، السفارة الروسية، جامعة القاهرة، مؤسسة الدفاع، سلاح الجو.
//!
//! After a head without the article (construct state) comes a definite noun, a place or an
//! unknown word (حركة حماس); after a head with the article only an adjective of nationality or
//! of the kind in [`ADJECTIVES`]. Then more such adjectives. A name the lists know already is
//! not extended (حزب الله اللبناني stays حزب الله). Known false positives: construct phrases
//! with a head word that are no names (مركز المدينة, the city centre).

use super::gazetteer::Match;
use super::{kinds_of, Candidate, Label};
use crate::analysis::Analysis;
use crate::lexicon::Kind;
use crate::Span;

/// Adjectives that continue an organization's name (search-normalized).
const ADJECTIVES: [&str; 25] = [
    "الدولي",
    "الدوليه",
    "العالمي",
    "العالميه",
    "المتحده",
    "الوطني",
    "الوطنيه",
    "العليا",
    "الاعلي",
    "المركزي",
    "المركزيه",
    "الاتحادي",
    "الاتحاديه",
    "العامه",
    "العام",
    "الشعبيه",
    "الديمقراطي",
    "الديمقراطيه",
    "الاسلاميه",
    "العالي",
    "المستقله",
    "الاوروبيه",
    "الجمهوري",
    "الجمهوريه",
    "الشعبي",
];

/// What an organization is for, after ل: قطر للطاقة، المرصد السوري لحقوق الإنسان (search-
/// normalized, with the article). Other words after ل (للطلاب, to the students) end the name.
const PURPOSES: [&str; 33] = [
    "الطاقه",
    "التنميه",
    "العلوم",
    "حقوق",
    "الابحاث",
    "الدراسات",
    "الاستثمار",
    "الاغاثه",
    "الاعلام",
    "التجاره",
    "الطيران",
    "الاتصالات",
    "النفط",
    "البترول",
    "البحوث",
    "التكنولوجيا",
    "التقنيه",
    "الثقافه",
    "الفنون",
    "السلام",
    "الانباء",
    "الصحافه",
    "التعليم",
    "الاسكان",
    "التامين",
    "التمويل",
    "الامن",
    "الدفاع",
    "الاعمار",
    "الاحصاء",
    "الكهرباء",
    "المياه",
    "كره",
];

/// Definite words that never continue a name after a head (search-normalized).
const NOT_MODIFIERS: [&str; 16] = [
    "الذي",
    "التي",
    "الذين",
    "الان",
    "اليوم",
    "العام",
    "الماضي",
    "الماضيه",
    "المقبل",
    "المقبله",
    "الحالي",
    "الحاليه",
    "الجاري",
    "الجاريه",
    "الاخير",
    "الاخيره",
];

/// In no list but, perhaps, the noisy name lists (تجارة is also a surname).
fn only_names(k: crate::lexicon::Kinds) -> bool {
    k.0 & !(Kind::GivenName.bit() | Kind::Surname.bit()) == 0
}

pub fn candidates(a: &Analysis, gaz: &[Option<Match>]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for i in 0..a.words.len() {
        let w = &a.words[i];
        // A head with a pronoun on it (قواته، فريقه) is no name.
        let Some(stem) = w.stems.iter().find(|s| s.suffix.is_empty() && s.kinds.has(Kind::OrgHead)) else { continue };
        // A known organization starting here wins as it is.
        if gaz[i].as_ref().is_some_and(|m| m.kinds.any(&[Kind::Organization, Kind::Media]) && m.last > i) {
            continue;
        }
        // وكالة الأناضول، قناة الجزيرة: a known medium after a descriptor is the media rule's.
        if gaz.get(i + 1).and_then(|g| g.as_ref()).is_some_and(|g| g.kinds.any(&[Kind::Media, Kind::Organization]))
            && super::media::HEADS.iter().any(|(h, _)| *h == &*stem.key)
        {
            continue;
        }
        let definite = stem.key.starts_with("ال");
        let mut j = i + 1;
        let mut end = None;
        // The first modifier.
        if a.joined(j) {
            let m = &a.words[j];
            if let Some(g) = gaz[j].as_ref().filter(|g| {
                g.kinds.any(&[Kind::Country, Kind::City, Kind::Town, Kind::Region, Kind::Organization]) && !definite
            }) {
                end = Some(g.span.end);
                j = g.last + 1;
            } else if m.nationality.is_some() || ADJECTIVES.contains(&m.key.as_ref()) {
                end = Some(m.span.end);
                j += 1;
            } else if !definite
                && m.key.starts_with("ال")
                && m.key.chars().count() >= 4
                && !NOT_MODIFIERS.contains(&m.key.as_ref())
                && !kinds_of(a, j).any(&[Kind::Title, Kind::Month, Kind::Weekday])
                && !crate::claims::is_cue_word(&m.key)
            {
                end = Some(m.span.end);
                j += 1;
            } else if !definite
                && m.kind != crate::tokenize::TokenKind::Number
                && only_names(kinds_of(a, j))
                && !crate::claims::is_cue_word(&m.key)
                && !m.is(Kind::OrgHead)
            {
                // حركة حماس: an unknown word after an indefinite head; غرفة تجارة دبي: a chain of
                // nouns ending in a place or a definite noun. A word in ـة alone is more often
                // an adjective agreeing with the head (حكومة موحدة).
                let next_place = gaz
                    .get(j + 1)
                    .and_then(|g| g.as_ref())
                    .filter(|g| a.joined(j + 1) && g.kinds.any(&[Kind::Country, Kind::City, Kind::Town, Kind::Region]));
                let next_definite = a.joined(j + 1)
                    && a.words.get(j + 1).is_some_and(|n| {
                        n.key.starts_with("ال")
                            && n.key.chars().count() >= 4
                            && !NOT_MODIFIERS.contains(&n.key.as_ref())
                            && n.nationality.is_none()
                    });
                if let Some(g) = next_place {
                    end = Some(g.span.end);
                    j = g.last + 1;
                } else if next_definite {
                    end = Some(a.words[j + 1].span.end);
                    j += 2;
                } else if !m.key.ends_with('ه') {
                    end = Some(m.span.end);
                    j += 1;
                }
            } else if !definite && m.key.starts_with("ال") && m.is(Kind::Title) {
                // جامعة الملك عبد الله: a title and a name.
                let mut k = j + 1;
                while k < a.words.len()
                    && k < j + 4
                    && a.joined(k)
                    && (a.words[k].kinds.any(&[Kind::GivenName, Kind::Surname])
                        || matches!(a.words[k].key.as_ref(), "عبد" | "بن" | "الله"))
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
            if m.nationality.is_some() || ADJECTIVES.contains(&m.key.as_ref()) {
                e = m.span.end;
                j += 1;
            } else {
                break;
            }
        }
        // A purpose after ل: قطر للطاقة، المرصد السوري لحقوق الإنسان، … للعلوم والتقنية.
        let key = |k: usize| a.words.get(k).filter(|_| a.joined(k)).map_or("", |w| w.key.as_ref());
        let definite_noun = |k: &str| k.starts_with("ال") && k.chars().count() >= 4 && !NOT_MODIFIERS.contains(&k);
        let purpose = |k: &str| {
            k.strip_prefix("لل")
                .map(|r| format!("ال{r}"))
                .or_else(|| k.strip_prefix('ل').map(str::to_string))
                .is_some_and(|p| PURPOSES.contains(&p.as_str()))
        };
        if purpose(key(j)) {
            if key(j).starts_with("لل") {
                e = a.words[j].span.end;
                j += 1;
            } else if definite_noun(key(j + 1)) {
                e = a.words[j + 1].span.end;
                j += 2;
            }
            // … and what is joined to it by و: للعلوم والتقنية.
            while j < i + 10 && key(j).strip_prefix('و').is_some_and(definite_noun) {
                e = a.words[j].span.end;
                j += 1;
            }
        }
        out.push(Candidate::new(Span::new(stem.span.start, e), Label::ORG, "rule:org-head", 0.75));
    }
    out
}
