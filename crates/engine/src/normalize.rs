//! Normalization for matching. The original text is never changed: [`normalize`] returns a new
//! string together with a map from every normalized byte back to the original character it
//! came from, so any span found in normalized text maps back exactly ([`Normalized::to_original`]).
//!
//! The rules live in [`rules`], one small item each, applied in the order of [`rules::RULES`].
//! **Lossless** rules only remove differences of encoding and typography (presentation forms,
//! digits, invisible characters, tatweel, punctuation and quote variants); **lossy** rules merge
//! letters that writers use interchangeably (alef forms, ى/ي, ة/ه, hamza seats, diacritics, case).

// Paths spelled out so that build.rs can include this file as it is.
#[path = "normalize/presentation_table.rs"]
mod presentation_table;
#[path = "normalize/rules.rs"]
pub mod rules;

use crate::chars::is_attached;
use crate::Span;
#[allow(unused_imports)] // build.rs includes this file and uses only part of it
pub use rules::{Rule, RuleKind, RULES};

/// Which rules to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Only the lossless rules.
    Lossless,
    /// Lossless and lossy rules: the form used for matching names and "tag all occurrences".
    Search,
}

/// Normalized text with its map back to the original.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    pub text: String,
    /// For each byte of `text`, the byte span of the original character that produced it.
    map: Vec<(u32, u32)>,
    original_len: usize,
}

impl Normalized {
    /// The original span that normalized byte span `span` came from. Its start is the start of
    /// the first original character, its end the end of the last one extended over combining
    /// marks that follow it in the original (so a span never separates a letter from its
    /// diacritics, even though normalization dropped them). An empty span maps to an empty span
    /// at the matching original position.
    pub fn to_original(&self, span: Span, original: &str) -> Span {
        let start = self.original_pos(span.start);
        if span.is_empty() {
            return Span::new(start, start);
        }
        let mut end = self.map.get(span.end.saturating_sub(1)).map_or(self.original_len, |m| m.1 as usize);
        end = extend_over_marks(original, end);
        Span::new(start, end.max(start))
    }

    /// The original character that normalized byte `i` came from.
    pub fn source(&self, i: usize) -> Option<Span> {
        self.map.get(i).map(|&(s, e)| Span::new(s as usize, e as usize))
    }

    fn original_pos(&self, normalized: usize) -> usize {
        self.map.get(normalized).map_or(self.original_len, |m| m.0 as usize)
    }
}

/// Moves `end` forward over combining marks and invisible characters attached to the character
/// before it.
pub fn extend_over_marks(text: &str, mut end: usize) -> usize {
    while let Some(c) = text.get(end..).and_then(|r| r.chars().next()) {
        if !is_attached(c) {
            break;
        }
        end += c.len_utf8();
    }
    end
}

/// Normalizes `text` at `level`, keeping the map back.
///
/// # Example
/// ```
/// use wasim_engine::normalize::{normalize, Level};
/// let n = normalize("إسرائيلُ", Level::Search);
/// assert_eq!(n.text, "اسراييل");
/// ```
pub fn normalize(text: &str, level: Level) -> Normalized {
    let mut map = Vec::with_capacity(text.len());
    let text_out = normalize_into(text, level, Some(&mut map));
    Normalized { text: text_out, map, original_len: text.len() }
}

/// The normalized search form only, without a map: what lexicon keys are made of.
pub fn key(text: &str) -> String {
    normalize_into(text, Level::Search, None)
}

fn normalize_into(text: &str, level: Level, mut map: Option<&mut Vec<(u32, u32)>>) -> String {
    let table = Table::of(level);
    let mut out = String::with_capacity(text.len());
    let (mut buf, mut next) = (String::new(), String::new());
    for (at, c) in text.char_indices() {
        let before = out.len();
        match table.get(c) {
            Some(done) => out.push_str(done),
            None => {
                apply(c, level, &mut buf, &mut next);
                out.push_str(&buf);
            }
        }
        if let Some(map) = map.as_deref_mut() {
            let src = (at as u32, (at + c.len_utf8()) as u32);
            map.extend(std::iter::repeat_n(src, out.len() - before));
        }
    }
    out
}

/// Runs the rules of `level` over one character, in order; the result is left in `buf`.
fn apply(c: char, level: Level, buf: &mut String, next: &mut String) {
    buf.clear();
    buf.push(c);
    for rule in RULES.iter().filter(|r| level == Level::Search || r.kind == RuleKind::Lossless) {
        next.clear();
        for d in buf.chars() {
            match (rule.apply)(d) {
                Action::Keep => next.push(d),
                Action::Drop => {}
                Action::Char(e) => next.push(e),
                Action::Str(s) => next.push_str(s),
            }
        }
        std::mem::swap(buf, next);
        if buf.is_empty() {
            break;
        }
    }
}

/// What the rules make of each of the characters most text is written in (ASCII, Latin, Arabic:
/// below [`Table::END`]), computed once per level, so that they are looked up rather than run
/// through every rule.
struct Table {
    pool: String,
    /// Where each character's result ends in `pool` (it starts where the one before ends).
    ends: Vec<u32>,
}

impl Table {
    const END: u32 = 0x0800;

    fn of(level: Level) -> &'static Table {
        static LOSSLESS: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
        static SEARCH: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
        let cell = if level == Level::Search { &SEARCH } else { &LOSSLESS };
        cell.get_or_init(|| {
            let (mut pool, mut ends) = (String::new(), Vec::with_capacity(Table::END as usize));
            let (mut buf, mut next) = (String::new(), String::new());
            for c in (0..Table::END).map(|u| char::from_u32(u).unwrap_or('\0')) {
                apply(c, level, &mut buf, &mut next);
                pool.push_str(&buf);
                ends.push(pool.len() as u32);
            }
            Table { pool, ends }
        })
    }

    #[inline]
    fn get(&self, c: char) -> Option<&str> {
        let u = c as usize;
        let end = *self.ends.get(u)? as usize;
        let start = if u == 0 { 0 } else { self.ends[u - 1] as usize };
        Some(&self.pool[start..end])
    }
}

/// What a rule does with one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Keep,
    Drop,
    Char(char),
    Str(&'static str),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(level: Level, input: &str, expect: &str, gloss: &str) {
        let got = normalize(input, level).text;
        assert_eq!(
            got, expect,
            "{gloss}: normalize({input:?})\nhelp: see which rule in normalize/rules.rs handles these letters"
        );
    }

    #[test]
    fn search_level_table() {
        let rows: &[(&str, &str, &str)] = &[
            ("أحمد", "احمد", "alef with hamza above"),
            ("إسرائيل", "اسراييل", "alef with hamza below, yeh with hamza"),
            ("آذار", "اذار", "alef with madda (March, Levantine)"),
            ("ٱلله", "الله", "alef wasla"),
            ("مصطفى", "مصطفي", "alef maqsura"),
            ("القاهرة", "القاهره", "taa marbuta"),
            ("مؤتمر", "موتمر", "hamza on waw"),
            ("مُحَمَّد", "محمد", "damma, fatha, shadda"),
            ("هٰذا", "هذا", "dagger alef"),
            ("بـــوتين", "بوتين", "tatweel"),
            ("ﻣﺼﺮ", "مصر", "presentation forms"),
            ("ﻻ", "لا", "lam-alef ligature"),
            ("٢٠٢٢", "2022", "Arabic-Indic digits"),
            ("۱۴۰۲", "1402", "Persian digits"),
            ("بو\u{200F}تين", "بوتين", "right-to-left mark inside a word"),
            ("\u{202E}abc\u{202C}", "abc", "bidi override"),
            ("زي\u{200C}تون", "زيتون", "zero-width non-joiner"),
            ("نعم، لا؛ لماذا؟", "نعم, لا; لماذا?", "Arabic comma, semicolon, question mark"),
            ("«هآرتس»", "\"هارتس\"", "guillemets"),
            ("“التنسيق”", "\"التنسيق\"", "curly quotes"),
            ("‹x› ‘y’", "\"x\" 'y'", "single guillemets and single quotes"),
            ("NATO Nato", "nato nato", "Latin case"),
            ("یک کتاب", "يك كتاب", "Persian yeh and keheh"),
        ];
        for (input, expect, gloss) in rows {
            check(Level::Search, input, expect, gloss);
        }
    }

    #[test]
    fn lossless_level_keeps_letters_apart() {
        check(Level::Lossless, "أحمدُ ﻣﺼﺮ ٢٠", "أحمدُ مصر 20", "hamza and damma stay, forms and digits fold");
        check(Level::Lossless, "القاهرة", "القاهرة", "taa marbuta stays");
    }

    #[test]
    fn map_back_covers_dropped_marks() {
        let text = "قال مُحَمَّدٌ أمس";
        let n = normalize(text, Level::Search);
        let at = n.text.find("محمد").unwrap();
        let span = n.to_original(Span::new(at, at + "محمد".len()), text);
        assert_eq!(span.of(text), "مُحَمَّدٌ", "the final tanween belongs to the word");
    }

    #[test]
    fn map_back_through_a_ligature() {
        let text = "ﻻ بأس";
        let n = normalize(text, Level::Search);
        assert_eq!(n.text, "لا باس");
        let span = n.to_original(Span::new(0, 4), text);
        assert_eq!(span.of(text), "ﻻ");
    }
}
