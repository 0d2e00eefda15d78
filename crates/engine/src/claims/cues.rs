//! The reporting-cue lexicon: verbs of saying and their conjugations, and nominal and
//! prepositional cues. Written for Wasim. Forms are generated from the third-person past and
//! present of each verb; و/ف in front are clitics and handled by the clitic analysis, diacritics
//! by normalization (صرّح = صرح).

use crate::normalize::key;
use std::collections::HashMap;
use std::sync::OnceLock;

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

/// (past 3rd masc. sing., present 3rd masc. sing., gloss). A past form ending in ى or ا is a
/// weak verb (نفى → نفت، نفوا).
const VERBS: &[(&str, &str, &str)] = &[
    ("قال", "يقول", "said"),
    ("أكد", "يؤكد", "stressed, confirmed"),
    ("أعلن", "يعلن", "announced"),
    ("أفاد", "يفيد", "reported"),
    ("ذكر", "يذكر", "mentioned"),
    ("أشار", "يشير", "pointed out (إلى)"),
    ("لفت", "يلفت", "drew attention (إلى)"),
    ("أوضح", "يوضح", "explained"),
    ("صرح", "يصرح", "declared"),
    ("أضاف", "يضيف", "added"),
    ("تابع", "يتابع", "went on"),
    ("كشف", "يكشف", "revealed"),
    ("حذر", "يحذر", "warned"),
    ("اعتبر", "يعتبر", "considered"),
    ("رأى", "يرى", "saw, held"),
    ("توقع", "يتوقع", "expected"),
    ("شدد", "يشدد", "insisted"),
    ("دعا", "يدعو", "called for"),
    ("طالب", "يطالب", "demanded"),
    ("زعم", "يزعم", "claimed"),
    ("ادعى", "يدعي", "alleged"),
    ("نقل", "ينقل", "relayed (عن)"),
    ("أبرز", "يبرز", "highlighted"),
    ("أفصح", "يفصح", "disclosed"),
    ("أورد", "يورد", "cited"),
    ("أبلغ", "يبلغ", "informed"),
    ("أعرب", "يعرب", "expressed"),
    ("اتهم", "يتهم", "accused"),
    ("رجح", "يرجح", "deemed likely"),
    ("لاحظ", "يلاحظ", "noted"),
    ("أقر", "يقر", "admitted"),
    ("اعترف", "يعترف", "admitted"),
    ("أشاد", "يشيد", "praised"),
    ("وصف", "يصف", "described"),
    ("هدد", "يهدد", "threatened"),
    ("تعهد", "يتعهد", "pledged"),
    ("وعد", "يعد", "promised"),
    ("اعتقد", "يعتقد", "believed"),
    ("ختم", "يختم", "concluded"),
    ("استطرد", "يستطرد", "continued"),
    ("كتب", "يكتب", "wrote"),
    ("غرد", "يغرد", "tweeted"),
    ("نشر", "ينشر", "published"),
    ("روى", "يروي", "recounted"),
    ("أخبر", "يخبر", "told"),
    ("جدد", "يجدد", "renewed"),
    ("ردد", "يردد", "repeated"),
    ("أجاب", "يجيب", "answered"),
    ("اقترح", "يقترح", "proposed"),
    ("أوصى", "يوصي", "recommended"),
];

const DENIALS: &[(&str, &str, &str)] =
    &[("نفى", "ينفي", "denied"), ("أنكر", "ينكر", "denied"), ("كذب", "يكذب", "belied"), ("دحض", "يدحض", "refuted")];

/// Prepositional cues (whole phrases, search-normalized at use).
const ACCORDING: &[(&str, &str)] = &[
    ("بحسب", "according to"),
    ("حسب", "according to"),
    ("وفق", "according to"),
    ("وفقا ل", "according to (لـ)"),
    ("وفقاً ل", "according to (لـ)"),
    ("طبقا ل", "according to (لـ)"),
    ("نقلا عن", "quoting"),
    ("نقلاً عن", "quoting"),
    ("على لسان", "from the mouth of"),
];

/// The lexicon: search-normalized form → kind.
pub fn table() -> &'static HashMap<String, CueKind> {
    static T: OnceLock<HashMap<String, CueKind>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = HashMap::new();
        for (list, kind) in [(VERBS, CueKind::Verb), (DENIALS, CueKind::Denial)] {
            for &(past, present, _) in list {
                for f in conjugate(&key(past), &key(present)) {
                    t.insert(f, kind);
                }
            }
        }
        for &(p, _) in ACCORDING {
            t.insert(crate::keys::phrase_key(p), CueKind::According);
        }
        t
    })
}

/// The third-person forms of a verb: past (he, she, they, the two) and present (he, she, they,
/// the two), plus the verbal noun forms قوله/قولها for قال.
fn conjugate(past: &str, present: &str) -> Vec<String> {
    let mut out = Vec::new();
    let weak_past = past.ends_with('ي') || past.ends_with('ا');
    let stem = if weak_past { &past[..past.len() - 2] } else { past };
    if weak_past {
        out.extend([
            past.to_string(),
            format!("{stem}ت"),
            format!("{stem}وا"),
            format!("{stem}يا"),
            format!("{stem}تا"),
        ]);
    } else {
        out.extend([
            past.to_string(),
            format!("{past}ت"),
            format!("{past}وا"),
            format!("{past}ا"),
            format!("{past}تا"),
        ]);
    }
    let she = present.strip_prefix('ي').map(|r| format!("ت{r}")).unwrap_or_else(|| present.to_string());
    let weak_present = present.ends_with('ي') || present.ends_with('و') || present.ends_with('ا');
    let pstem = if weak_present { &present[..present.len() - 2] } else { present };
    out.extend([present.to_string(), she.clone(), format!("{pstem}ون"), format!("{present}ان"), format!("{she}ان")]);
    if weak_present {
        out.push(format!("{pstem}ان"));
    }
    if past == "قال" {
        out.extend(["قوله", "قولها", "قولهم", "قولهما"].map(String::from));
    }
    out
}

/// Whether a word (search-normalized) is the first of a two-word cue (وفقا لـ، نقلا عن …).
pub fn opens_two_word_cue(k: &str) -> bool {
    static FIRST: OnceLock<Vec<String>> = OnceLock::new();
    FIRST
        .get_or_init(|| table().keys().filter_map(|k| k.split_once(' ').map(|(f, _)| f.to_string())).collect())
        .iter()
        .any(|f| f == k)
}

/// Whether a word (search-normalized, possibly with و/ف in front) is a cue verb form.
pub fn is_cue_word(k: &str) -> bool {
    let t = table();
    t.contains_key(k) || ["و", "ف"].iter().any(|p| k.strip_prefix(p).is_some_and(|r| t.contains_key(r)))
}

#[cfg(test)]
mod tests {
    use super::*;

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
                table().contains_key(&key(form)),
                "{form} ({gloss}) is not a cue\nhelp: see VERBS and conjugate() in claims/cues.rs"
            );
        }
        assert_eq!(table().get(&key("نفت")), Some(&CueKind::Denial));
    }

    #[test]
    fn clitics_in_front_are_accepted_and_other_words_are_not() {
        assert!(is_cue_word(&key("وأكدت")));
        assert!(is_cue_word(&key("فقال")));
        assert!(!is_cue_word(&key("السفارة")));
        assert!(!is_cue_word(&key("وزير")));
    }
}
