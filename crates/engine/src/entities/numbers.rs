//! Amounts: percentages (40%، ٤٠٪، 40 بالمئة، 3.5 في المائة), money (5 ملايين دولار، 300
//! جنيه مصري، $20) and other cardinal numbers with their scale word (ألف، مليون، مليار).
//! Known limit: numbers written in words (ثلاثة آلاف) are not tagged.

use super::{Candidate, Label};
use crate::analysis::Analysis;
use crate::lexicon::{Kind, Lexicon};
use crate::tokenize::TokenKind;
use crate::Span;

const SCALES: [&str; 10] = ["الف", "الاف", "مليون", "ملايين", "مليار", "مليارات", "بليون", "تريليون", "ترليون", "الفا"];
const PERCENT_WORDS: [&str; 6] = ["بالمييه", "بالمايه", "بالميه", "بالمئه", "المئه", "المايه"];
const CURRENCY_WORDS: [&str; 14] = [
    "دولار",
    "دولارا",
    "دولارات",
    "يورو",
    "جنيه",
    "جنيهات",
    "ريال",
    "ريالات",
    "دينار",
    "دنانير",
    "درهم",
    "دراهم",
    "ليره",
    "ليرات",
];

pub fn candidates(a: &Analysis, lex: &Lexicon) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (i, w) in a.words.iter().enumerate() {
        if w.kind != TokenKind::Number {
            continue;
        }
        let text = w.span.of(a.text);
        let mut start = w.span.start;
        let mut last = i;
        if text.ends_with('%') || text.ends_with('٪') {
            out.push(Candidate::new(w.span, Label::PERCENT, "rule:numbers", 0.95));
            continue;
        }
        while a.joined(last + 1) && SCALES.contains(&a.words[last + 1].key.as_ref()) {
            last += 1;
        }
        let key_at = |j: usize| a.words.get(j).map_or("", |w| w.key.as_ref());
        // 40 بالمئة، 3.5 في المائة
        if a.joined(last + 1) && PERCENT_WORDS.contains(&key_at(last + 1)) {
            out.push(Candidate::new(Span::new(start, a.words[last + 1].span.end), Label::PERCENT, "rule:numbers", 0.9));
            continue;
        }
        if a.joined(last + 1)
            && key_at(last + 1) == "في"
            && a.joined(last + 2)
            && PERCENT_WORDS.contains(&key_at(last + 2))
        {
            out.push(Candidate::new(Span::new(start, a.words[last + 2].span.end), Label::PERCENT, "rule:numbers", 0.9));
            continue;
        }
        // $20, €5
        let before = a.text.get(..w.span.start).and_then(|b| b.chars().next_back());
        if let Some(sym @ ('$' | '€' | '£')) = before {
            start -= sym.len_utf8();
            out.push(Candidate::new(Span::new(start, a.words[last].span.end), Label::MONEY, "rule:numbers", 0.9));
            continue;
        }
        if a.joined(last + 1) {
            if let Some(end) = currency_at(a, lex, last + 1) {
                out.push(Candidate::new(Span::new(start, end), Label::MONEY, "rule:numbers", 0.9));
                continue;
            }
        }
        out.push(Candidate::new(Span::new(start, a.words[last].span.end), Label::CARDINAL, "rule:numbers", 0.5));
    }
    out
}

/// The end of a currency name starting at word `i` (دولار، دولار أمريكي، جنيهات مصرية).
fn currency_at(a: &Analysis, lex: &Lexicon, i: usize) -> Option<usize> {
    let w = &a.words[i];
    let mut cur = lex.feed(lex.start(), w.key.as_bytes());
    let mut end = CURRENCY_WORDS.contains(&w.key.as_ref()).then_some(w.span.end);
    let mut j = i;
    while let Some(c) = cur {
        if lex.value(c).has(Kind::Currency) {
            end = Some(a.words[j].span.end);
        }
        if !a.joined(j + 1) {
            break;
        }
        cur = lex.feed(c, b" ").and_then(|c| lex.feed(c, a.words[j + 1].key.as_bytes()));
        j += 1;
    }
    end
}
