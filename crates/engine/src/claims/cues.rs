//! Reporting cues in the text. The cue lists are lexicon kinds (`data/hand/cue-verbs.txt`,
//! `cue-denials.txt`, `cue-according.txt`; build.rs conjugates the verbs): و/ف in front are
//! read off by the clitic analysis, diacritics by normalization (صرّح = صرح).

use crate::lexicon::{Kind, Lexicon, RuleList};
use crate::normalize::{extend_over_marks, key};
use crate::words::Words;
use crate::Span;

/// How a cue relates to its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// A verb of saying: قال، أكد، أعلن …
    Verb,
    /// A verb that denies: نفى، أنكر، كذّب.
    Denial,
    /// A preposition that attributes: بحسب X، وفقا لـ X، نقلا عن X.
    According,
}

impl CueKind {
    fn of(kinds: crate::lexicon::Kinds) -> Option<CueKind> {
        if kinds.has(Kind::CueAccording) {
            Some(CueKind::According)
        } else if kinds.any(&[Kind::CueDenial, Kind::CueParticipleDenial]) {
            Some(CueKind::Denial)
        } else if kinds.any(&[Kind::CueVerb, Kind::CueParticiple]) {
            Some(CueKind::Verb)
        } else {
            None
        }
    }
}

/// The cue at word `i`: its kind and span, without و/ف in front.
pub fn at(a: &Words, i: usize) -> Option<(CueKind, Span)> {
    let w = &a.words[i];
    let lex = Lexicon::builtin();
    // A verb never follows a preposition (على نفي الملك: the exile, not "denied"), nor carries
    // tanween (رفضا وطنيا: a rejection).
    if w.tanween || (a.joined(i) && a.words[i - 1].kinds().any(&[Kind::CuePreposition, Kind::TownContext])) {
        return None;
    }
    // Attributions of two words: وفقا لـ، نقلا عن، على لسان.
    if let Some(p) = a.phrase_at(lex, i, |k| k.has(Kind::CueAccording)).filter(|p| p.last > i) {
        return Some((CueKind::According, p.span));
    }
    // Readings with a pronoun after them are other words (إضافة read as أضاف + ه), and so are
    // readings after a preposition on the word (بحث read as ب + حث): a verb takes only و/ف.
    // (ل before a present, ليؤكد على أن: "to stress that", is a verb too.)
    let only_conjunctions = |s: &crate::clitics::Stem| {
        let prefix = s.prefix.of(a.text).trim_end_matches(crate::chars::is_attached);
        let conjunctions = |p: &str| p.chars().all(|c| matches!(c, 'و' | 'ف') || crate::chars::is_attached(c));
        conjunctions(prefix)
            || prefix.strip_suffix('ل').is_some_and(|p| conjunctions(p) && s.span.of(a.text).starts_with(['ي', 'ت']))
    };
    // A verbal noun may carry ب (باتهامه، بتأكيده: by accusing, by stressing); a verb may not.
    let noun_after_bi = |s: &crate::clitics::Stem| {
        let prefix = s.prefix.of(a.text).trim_end_matches(crate::chars::is_attached);
        prefix.strip_suffix('ب').is_some_and(|p| p.chars().all(|c| matches!(c, 'و' | 'ف')))
            && s.kinds.any(&[Kind::CueParticiple, Kind::CueParticipleDenial])
            && !s.kinds.any(&[Kind::CueVerb, Kind::CueDenial])
    };
    if let Some(found) = w
        .stems()
        .iter()
        .filter(|s| s.suffix.is_empty() && (only_conjunctions(s) || noun_after_bi(s)))
        .find_map(|s| CueKind::of(s.kinds).map(|k| (k, s.span)))
    {
        return Some(found);
    }
    // A verb that takes its object on it (اتهمه، يطالبونه: data/hand/cue-object-verbs.txt). The
    // list is asked last: most words with a pronoun are no cue verb at all.
    if let Some(found) = w
        .stems()
        .iter()
        .filter(|s| !s.suffix.is_empty() && only_conjunctions(s))
        .filter_map(|s| CueKind::of(verb_kinds(lex, &s)).map(|k| (k, s)))
        .find(|(_, s)| lex.in_list(RuleList::CueObjectVerb, &s.key))
        .map(|(k, s)| (k, Span::new(s.span.start, s.suffix.end)))
    {
        return Some(found);
    }
    // و/ف + a cue, even where the lexicon keeps the whole word (واكد is also a surname).
    let rest = without_conjunction(a, i)?;
    CueKind::of(lex.get(&key(rest.of(a.text)))).map(|k| (k, rest))
}

/// Word `i` without the و or ف it starts with (and their marks), if it starts with one: a cue
/// the lexicon keeps whole has no reading without them (واكد, also a surname).
pub(super) fn without_conjunction(a: &Words, i: usize) -> Option<Span> {
    let w = a.words[i].span;
    let text = w.of(a.text);
    let first = text.chars().next().filter(|c| matches!(c, 'و' | 'ف'))?;
    Some(Span::new(w.start + extend_over_marks(text, first.len_utf8()), w.end))
}

/// The lists of the verb a reading is, also when it is written before a pronoun, without the ا
/// of its وا (اتهموها: اتهموا).
pub fn verb_kinds(lex: &Lexicon, s: &crate::clitics::Stem) -> crate::lexicon::Kinds {
    match s.key.ends_with('و') {
        true => s.kinds.union(lex.get(&format!("{}ا", s.key))),
        false => s.kinds,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue_of(text: &str) -> Option<(CueKind, String)> {
        let a = Words::analyze(text, Lexicon::builtin());
        at(&a, 0).map(|(k, s)| (k, s.of(text).to_string()))
    }

    #[test]
    fn conjugations_cover_genders_numbers_and_weak_verbs() {
        for (form, gloss) in [
            ("قالت", "she said"),
            ("قالوا", "they said"),
            ("تقول", "she says"),
            ("يقولون", "they say"),
            ("أكدت", "she stressed"),
            ("تؤكد", "she stresses"),
            ("نفت", "she denied"),
            ("نفوا", "they denied"),
            ("ينفي", "he denies"),
            ("دعت", "she called for"),
            ("يدعون", "they call for"),
            ("رأت", "she held"),
            ("صرّح", "he declared, with shadda"),
            ("لفتت", "she drew attention"),
        ] {
            assert!(
                cue_of(form).is_some(),
                "{form} ({gloss}) is not a cue\nhelp: see data/hand/cue-verbs.txt and src/lexicon/conjugate.rs"
            );
        }
        assert_eq!(cue_of("نفت").map(|c| c.0), Some(CueKind::Denial));
    }

    #[test]
    fn clitics_in_front_are_read_off_and_other_words_are_not_cues() {
        assert_eq!(cue_of("وأكدت"), Some((CueKind::Verb, "أكدت".to_string())));
        assert_eq!(cue_of("فقال"), Some((CueKind::Verb, "قال".to_string())));
        assert_eq!(cue_of("باتهامه"), Some((CueKind::Verb, "اتهامه".to_string())), "a verbal noun after ب");
        assert_eq!(cue_of("بحث"), None, "a verb does not follow ب: بحث is a noun");
        assert_eq!(cue_of("السفارة"), None);
        assert_eq!(cue_of("وزير"), None);
    }

    #[test]
    fn attributions_of_one_and_two_words() {
        assert_eq!(cue_of("بحسب الوكالة"), Some((CueKind::According, "بحسب".to_string())));
        assert_eq!(cue_of("نقلا عن الوكالة"), Some((CueKind::According, "نقلا عن".to_string())));
        assert_eq!(cue_of("وفقا لوزارة الصحة"), Some((CueKind::According, "وفقا".to_string())));
    }
}
