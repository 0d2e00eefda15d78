//! The normalization rules, in the order they apply. Each sees the output of the ones before it
//! (a presentation form first becomes its base letter, which the alef rule may then fold).

use super::presentation_table::TABLE;
use super::Action;
use crate::chars::{digit_value, is_arabic_mark, is_invisible};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    /// Changes the encoding or typography, never which letters are written.
    Lossless,
    /// Merges letters writers use interchangeably; what is merged cannot be told apart after.
    Lossy,
}

pub struct Rule {
    pub name: &'static str,
    pub kind: RuleKind,
    pub apply: fn(char) -> Action,
}

/// All rules, lossless first, in application order.
pub static RULES: &[Rule] = &[
    Rule { name: "presentation-forms", kind: RuleKind::Lossless, apply: presentation_forms },
    Rule { name: "invisible", kind: RuleKind::Lossless, apply: invisible },
    Rule { name: "tatweel", kind: RuleKind::Lossless, apply: tatweel },
    Rule { name: "digits", kind: RuleKind::Lossless, apply: digits },
    Rule { name: "punctuation", kind: RuleKind::Lossless, apply: punctuation },
    Rule { name: "quotes", kind: RuleKind::Lossless, apply: quotes },
    Rule { name: "diacritics", kind: RuleKind::Lossy, apply: diacritics },
    Rule { name: "alef", kind: RuleKind::Lossy, apply: alef },
    Rule { name: "alef-maqsura", kind: RuleKind::Lossy, apply: alef_maqsura },
    Rule { name: "taa-marbuta", kind: RuleKind::Lossy, apply: taa_marbuta },
    Rule { name: "hamza-seats", kind: RuleKind::Lossy, apply: hamza_seats },
    Rule { name: "persian-letters", kind: RuleKind::Lossy, apply: persian_letters },
    Rule { name: "case", kind: RuleKind::Lossy, apply: case },
];

/// ﻣﺼﺮ → مصر, ﻻ → لا, ﷲ → الله: Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFF) to their
/// compatibility decomposition (table generated from Unicode by scripts/gen-presentation-forms.py).
fn presentation_forms(c: char) -> Action {
    if !matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}') {
        return Action::Keep;
    }
    match TABLE.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => Action::Str(TABLE[i].1),
        Err(_) => Action::Keep,
    }
}

/// Zero-width spaces and joiners, bidi marks/embeddings/overrides/isolates, the Arabic letter
/// mark, soft hyphen and BOM are dropped. Known false positive: a ZWNJ that a Persian or Urdu
/// writer used on purpose inside a word is dropped too (matching ignores it; the text keeps it).
fn invisible(c: char) -> Action {
    if is_invisible(c) {
        Action::Drop
    } else {
        Action::Keep
    }
}

/// ـ (tatweel, U+0640) only stretches a word: بـــوتين → بوتين.
fn tatweel(c: char) -> Action {
    if c == '\u{0640}' {
        Action::Drop
    } else {
        Action::Keep
    }
}

/// ٠–٩ and ۰–۹ → 0–9.
fn digits(c: char) -> Action {
    match digit_value(c) {
        Some(v) if !c.is_ascii_digit() => Action::Char(char::from(b'0' + v as u8)),
        _ => Action::Keep,
    }
}

/// ، → ,  ؛ → ;  ؟ → ?  ٪ → %  ٫ (decimal separator) → .  ٬ (thousands separator) → ,
fn punctuation(c: char) -> Action {
    match c {
        '،' => Action::Char(','),
        '؛' => Action::Char(';'),
        '؟' => Action::Char('?'),
        '٪' => Action::Char('%'),
        '٫' => Action::Char('.'),
        '٬' => Action::Char(','),
        _ => Action::Keep,
    }
}

/// “ ” „ ‟ « » ‹ › → "   and   ‘ ’ ‚ ‛ → '
fn quotes(c: char) -> Action {
    match c {
        '“' | '”' | '„' | '‟' | '«' | '»' | '‹' | '›' => Action::Char('"'),
        '‘' | '’' | '‚' | '‛' => Action::Char('\''),
        _ => Action::Keep,
    }
}

/// Tashkeel (fatha, damma, kasra, tanween, sukun), shadda, dagger alef ٰ and Quranic marks are
/// dropped: مُحَمَّد → محمد. Known false positive: none for matching; words that differ only by
/// vowels (عِلم / عَلَم) become the same key.
fn diacritics(c: char) -> Action {
    if is_arabic_mark(c) {
        Action::Drop
    } else {
        Action::Keep
    }
}

/// أ إ آ ٱ ٲ ٳ → ا: writers drop or vary the hamza on alef freely (احمد / أحمد).
fn alef(c: char) -> Action {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' => Action::Char('ا'),
        _ => Action::Keep,
    }
}

/// ى → ي: Egyptian and much web text writes final yaa without dots (مصطفى / مصطفي).
fn alef_maqsura(c: char) -> Action {
    if c == 'ى' {
        Action::Char('ي')
    } else {
        Action::Keep
    }
}

/// ة → ه: final taa marbuta is often written as haa (القاهرة / القاهره). Known false positive:
/// a possessive ـه (his) and a taa marbuta fall together; matching compares whole words, so
/// this only matters for words spelled alike.
fn taa_marbuta(c: char) -> Action {
    if c == 'ة' {
        Action::Char('ه')
    } else {
        Action::Keep
    }
}

/// ؤ → و, ئ → ي: the seat of a hamza is often dropped (مؤتمر / موتمر, إسرائيل / اسراييل).
/// Known limit: مسؤول and مسئول still differ after this rule (و vs ي); lists carry both.
fn hamza_seats(c: char) -> Action {
    match c {
        'ؤ' => Action::Char('و'),
        'ئ' => Action::Char('ي'),
        _ => Action::Keep,
    }
}

/// ی (Farsi yeh) → ي, ک (keheh) → ك, ە → ه: text typed on Persian keyboards.
fn persian_letters(c: char) -> Action {
    match c {
        'ی' | 'ې' => Action::Char('ي'),
        'ک' => Action::Char('ك'),
        'ە' | 'ہ' | 'ھ' => Action::Char('ه'),
        _ => Action::Keep,
    }
}

/// Latin and other cased letters to lower case (NATO / Nato) when the lower case is one char.
fn case(c: char) -> Action {
    if c.is_ascii_uppercase() {
        return Action::Char(c.to_ascii_lowercase());
    }
    if c.is_ascii() || !c.is_uppercase() {
        return Action::Keep;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => Action::Char(l),
        _ => Action::Keep,
    }
}
