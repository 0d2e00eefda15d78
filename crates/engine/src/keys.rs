//! Lexicon keys: the search-normalized words of a phrase, joined by one space.

use crate::normalize::key;
use crate::tokenize::tokenize;

/// The lookup key of a phrase: its words, numbers and Latin words, each search-normalized,
/// joined by single spaces; punctuation, quotes and spaces between them are left out, so
/// `«تل-أبيب»` and `تل أبيب` share the key `تل ابيب`.
pub fn phrase_key(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    for t in tokenize(phrase).iter().filter(|t| t.is_wordlike()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&key(t.span.of(phrase)));
    }
    out
}
