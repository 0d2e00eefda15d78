//! Amounts: percentages (40%، ٤٠٪، 40 بالمئة، 3.5 في المائة), money (5 ملايين دولار، 300
//! جنيه مصري، $20) and other cardinal numbers with their scale word (ألف، مليون، مليار).
//! Known limit: numbers written in words (ثلاثة آلاف) are not tagged.

use super::confidence as conf;
use super::{Candidate, Label};
use crate::lexicon::{Kind, Lexicon};
use crate::tokenize::TokenKind;
use crate::words::Words;
use crate::Span;

/// In: 3.5 في المائة.
const IN: &str = "في";

pub fn candidates(a: &Words, lex: &Lexicon) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (i, w) in a.words.iter().enumerate() {
        if w.kind != TokenKind::Number {
            continue;
        }
        let text = w.span.of(a.text);
        let mut start = w.span.start;
        let mut last = i;
        if text.ends_with('%') || text.ends_with('٪') {
            out.push(Candidate::new(w.span, Label::PERCENT, "rule:numbers", conf::PERCENT_SIGN));
            continue;
        }
        while a.joined(last + 1) && a.words[last + 1].kinds().has(Kind::Scale) {
            last += 1;
        }
        let percent_word = |j: usize| a.joined(j) && a.words[j].kinds().has(Kind::PercentWord);
        // 40 بالمئة، 3.5 في المائة
        if percent_word(last + 1) {
            out.push(Candidate::new(
                Span::new(start, a.words[last + 1].span.end),
                Label::PERCENT,
                "rule:numbers",
                conf::AMOUNT,
            ));
            continue;
        }
        if a.joined_key(last + 1) == IN && percent_word(last + 2) {
            out.push(Candidate::new(
                Span::new(start, a.words[last + 2].span.end),
                Label::PERCENT,
                "rule:numbers",
                conf::AMOUNT,
            ));
            continue;
        }
        // $20, €5
        let before = a.text.get(..w.span.start).and_then(|b| b.chars().next_back());
        if let Some(sym @ ('$' | '€' | '£')) = before {
            start -= sym.len_utf8();
            out.push(Candidate::new(
                Span::new(start, a.words[last].span.end),
                Label::MONEY,
                "rule:numbers",
                conf::AMOUNT,
            ));
            continue;
        }
        if a.joined(last + 1) {
            if let Some(end) = currency_at(a, lex, last + 1) {
                out.push(Candidate::new(Span::new(start, end), Label::MONEY, "rule:numbers", conf::AMOUNT));
                continue;
            }
        }
        out.push(Candidate::new(
            Span::new(start, a.words[last].span.end),
            Label::CARDINAL,
            "rule:numbers",
            conf::CARDINAL,
        ));
    }
    out
}

/// The end of a currency name starting at word `i` (دولار، دولار أمريكي، جنيهات مصرية).
fn currency_at(a: &Words, lex: &Lexicon, i: usize) -> Option<usize> {
    a.phrase_at(lex, i, |k| k.has(Kind::Currency)).map(|p| p.span.end)
}
