//! Clitic analysis: the readings of one Arabic word as proclitics + stem + enclitic.
//!
//! Proclitics, outermost first: a conjunction و (and) or ف (so); then a preposition ب (with,
//! in), ك (like), ل (for, to) or the future marker س; the article ال stays with the stem because
//! names keep it (الجيش الإسرائيلي، الأسد). ل + ال is written لل with the article's alef
//! dropped (للقاهرة = ل + القاهرة): that stem starts at the second ل and its key gets the alef
//! back. Enclitic pronouns: ه ها هم هما هن ك كم كن نا ني ي.
//!
//! The lexicon guards the split: a word that is itself in a list (وزير، بريطانيا، لبنان، كندا،
//! فلسطين، فرنسا) has that single reading. Known false positives when the word is in no list:
//! an unknown name starting with و/ف/ب/ك/ل (e.g. a surname وهبة) also gets split readings, after
//! the whole-word one.

use crate::lexicon::{Kinds, Lexicon};
use crate::normalize::{normalize, Level};
use crate::Span;
use std::rc::Rc;

/// One reading of a word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stem {
    /// The stem's span in the original text (with its article, without clitics).
    pub span: Span,
    /// The proclitics before it (empty when none), in the original text.
    pub prefix: Span,
    /// The enclitic pronoun after it (empty when none).
    pub suffix: Span,
    /// The stem's lookup key (search-normalized; للقاهرة gives القاهره), shared by every
    /// occurrence of the word.
    pub key: Rc<str>,
    /// The lists the key is in (empty: unknown).
    pub kinds: Kinds,
    /// The lists the key is in without its article (الروسي → روسي), if it has one.
    pub bare: Kinds,
    /// Where the key leads in the lexicon, if some entry starts with it (see
    /// [`Lexicon::resume`]): multi-word names continue from there without walking it again.
    pub walk: Option<(usize, u64)>,
}

impl Stem {
    pub fn new(span: Span, prefix: Span, suffix: Span, key: String, lexicon: &Lexicon) -> Stem {
        // One walk of the lexicon gives both the key's lists and where it leads.
        let cursor = lexicon.feed(lexicon.start(), key.as_bytes());
        let kinds = cursor.map_or(Kinds::EMPTY, |c| lexicon.value(c));
        let walk = cursor.map(|c| lexicon.mark(c));
        let bare = key.strip_prefix("ال").map_or(Kinds::EMPTY, |b| lexicon.get(b));
        Stem { span, prefix, suffix, key: Rc::from(key), kinds, bare, walk }
    }
    /// Whether the lexicon knows the key.
    pub fn known(&self) -> bool {
        !self.kinds.is_empty()
    }
    /// Whether the key, with or without its article, is in `kind`.
    pub fn is(&self, kind: crate::lexicon::Kind) -> bool {
        self.kinds.has(kind) || self.bare.has(kind)
    }
}

/// The proclitics: a conjunction (و، ف), then a preposition or the future marker (either may be
/// missing, not both), each as (the preposition, the whole as written).
const PROCLITICS: [(&str, &str); 14] = [
    ("ب", "ب"),
    ("ك", "ك"),
    ("ل", "ل"),
    ("س", "س"),
    ("", "و"),
    ("ب", "وب"),
    ("ك", "وك"),
    ("ل", "ول"),
    ("س", "وس"),
    ("", "ف"),
    ("ب", "فب"),
    ("ك", "فك"),
    ("ل", "فل"),
    ("س", "فس"),
];
const SUFFIXES: [&str; 11] = ["هما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه", "ك", "ي"];

/// Minimum letters a stem keeps (the article counts).
const MIN_STEM: usize = 2;

/// The readings of the word `word` that starts at byte `offset` of the original text, best first:
/// the whole word alone when the lexicon knows it; otherwise known splits (shortest prefix
/// first), then splits whose stem starts with the article (والمدينة), then the whole word, then
/// other splits.
pub fn analyze(word: &str, offset: usize, lexicon: &Lexicon) -> Vec<Stem> {
    let n = normalize(word, Level::Search);
    let norm = n.text.as_str();
    let whole = Stem::new(
        Span::new(offset, offset + word.len()),
        Span::new(offset, offset),
        Span::new(offset + word.len(), offset + word.len()),
        norm.to_string(),
        lexicon,
    );
    if whole.known() {
        return vec![whole];
    }
    let to_orig = |a: usize, b: usize| {
        let s = n.to_original(Span::new(a, b), word);
        Span::new(s.start + offset, s.end + offset)
    };
    let mut splits: Vec<(u8, Stem)> = Vec::new();
    let mut push = |rank: u8, stem_start: usize, key: String, stem_end: usize| {
        if key.chars().count() < MIN_STEM {
            return;
        }
        let span = to_orig(stem_start, stem_end);
        let stem =
            Stem::new(span, Span::new(offset, span.start), Span::new(span.end, offset + word.len()), key, lexicon);
        let rank = if stem.known() { 0 } else { rank };
        splits.push((rank, stem));
    };
    for (prep, p) in PROCLITICS {
        let Some(rest) = norm.strip_prefix(p) else { continue };
        let at = p.len();
        if prep == "ل" && rest.starts_with('ل') {
            // لل: the article with its alef elided.
            let stem = &rest['ل'.len_utf8()..];
            if stem.chars().count() >= MIN_STEM {
                push(1, at, format!("ال{stem}"), norm.len());
            }
        }
        let rank = if rest.starts_with("ال") { 1 } else { 3 };
        if prep == "س" && !rest.starts_with(['ي', 'ت', 'ن', 'ا']) {
            continue; // the future marker goes on present-tense verbs only (سيزور، ستبدأ)
        }
        push(rank, at, rest.to_string(), norm.len());
        for suf in SUFFIXES {
            if let Some(stem) = rest.strip_suffix(suf) {
                if stem.chars().count() >= 3 {
                    push(4, at, stem.to_string(), at + stem.len());
                }
            }
        }
    }
    for suf in SUFFIXES {
        if let Some(stem) = norm.strip_suffix(suf) {
            if stem.chars().count() >= 3 {
                push(4, 0, stem.to_string(), stem.len());
            }
        }
    }
    splits.push((2, whole));
    splits.sort_by_key(|(rank, s)| (*rank, s.prefix.len(), s.suffix.len()));
    splits.dedup_by(|a, b| a.1.span == b.1.span && a.1.key == b.1.key);
    splits.into_iter().map(|(_, s)| s).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the best reading of `word`: its stem and its key.
    fn check(word: &str, stem: &str, key: &str, gloss: &str) {
        let readings = analyze(word, 0, Lexicon::builtin());
        let best = &readings[0];
        assert_eq!((best.span.of(word), best.key.as_ref()), (stem, key), "{gloss}: {word}\nall readings: {readings:#?}\nhelp: a wrong split usually means a list is missing the stem (data/) or has the whole word");
        assert_eq!(
            best.prefix.of(word).len() + best.span.len() + best.suffix.of(word).len(),
            word.len(),
            "prefix + stem + suffix = word"
        );
    }

    #[test]
    fn splits_known_stems() {
        let rows = [
            ("بالقاهرة", "القاهرة", "القاهره", "ب + القاهرة: in Cairo"),
            ("وموسكو", "موسكو", "موسكو", "و + موسكو: and Moscow"),
            ("لأوكرانيا", "أوكرانيا", "اوكرانيا", "ل + أوكرانيا: to Ukraine"),
            ("للقاهرة", "لقاهرة", "القاهره", "ل + ال with its alef elided: for Cairo"),
            ("وبالقاهرة", "القاهرة", "القاهره", "و + ب + القاهرة"),
            ("فلبنان", "لبنان", "لبنان", "ف + لبنان: so Lebanon"),
            ("والجيش", "الجيش", "الجيش", "و + الجيش: and the army"),
        ];
        for (w, stem, key, gloss) in rows {
            check(w, stem, key, gloss);
        }
    }

    #[test]
    fn does_not_split_words_that_only_begin_with_clitic_letters() {
        let rows = [
            ("وزير", "minister, not و + زير"),
            ("بريطانيا", "Britain, not ب + ريطانيا"),
            ("لبنان", "Lebanon, not ل + بنان"),
            ("كندا", "Canada, not ك + ندا"),
            ("فلسطين", "Palestine, not ف + لسطين"),
            ("فرنسا", "France, not ف + رنسا"),
            ("بيروت", "Beirut, not ب + يروت"),
        ];
        for (w, gloss) in rows {
            let readings = analyze(w, 0, Lexicon::builtin());
            assert_eq!(readings.len(), 1, "{gloss}: {readings:#?}");
            assert_eq!(readings[0].span.of(w), w, "{gloss}");
        }
    }

    #[test]
    fn unknown_words_prefer_the_article_split_then_the_whole_word() {
        // "والمدينة" (and the city): و + المدينة; "وهبة" (a surname in no list) stays whole first.
        check("والمدينة", "المدينة", "المدينه", "and the city");
        let r = analyze("وهبة", 0, Lexicon::builtin());
        assert_eq!(r[0].span.of("وهبة"), "وهبة", "{r:#?}");
    }

    #[test]
    fn enclitic_pronouns_are_offered() {
        // "كتابهم" (their book): a reading without هم.
        let r = analyze("كتابهم", 0, Lexicon::builtin());
        assert!(r.iter().any(|s| s.span.of("كتابهم") == "كتاب" && s.suffix.of("كتابهم") == "هم"), "{r:#?}");
    }

    #[test]
    fn offsets_are_shifted_by_the_word_start() {
        let r = analyze("بالقاهرة", 10, Lexicon::builtin());
        assert_eq!(r[0].span, Span::new(12, 10 + "بالقاهرة".len()));
        assert_eq!(r[0].prefix, Span::new(10, 12));
    }
}
