//! Tokens and sentences. Every character of the input belongs to exactly one token, so the
//! tokens concatenate back to the input; combining marks and invisible format characters stay
//! with the character before them.

use crate::chars::{class, closing_quote, is_attached, Class};
use crate::Span;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// A run of Arabic-script letters (with their marks and tatweel).
    Word,
    /// A run of letters of another script (Latin, Cyrillic, Hebrew …), digits allowed inside.
    Latin,
    /// Digits with `.` `,` `٫` `٬` between them and an optional `%` or `٪` after: 3.5, ٢٠٢٢, 40٪.
    Number,
    Url,
    Email,
    Quote,
    Bracket,
    Punct,
    /// Spaces and tabs.
    Space,
    /// One line break (`\n`, `\r\n`, `\r`, U+2028, U+2029 …).
    Newline,
    /// Anything else: symbols, emoji, lone marks.
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    /// Words, Latin words and numbers: what names and dates are made of.
    pub fn is_wordlike(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Latin | TokenKind::Number)
    }
}

/// Splits `text` into tokens. Total: any input gives tokens that rejoin to it exactly.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 4);
    tokens.extend(tokens_of(text));
    tokens
}

/// The tokens of `text` one at a time, as [`tokenize`] gives them, for a reader that keeps none.
pub fn tokens_of(text: &str) -> impl Iterator<Item = Token> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        (at < text.len()).then(|| {
            let (kind, end) = next_token(text, at);
            let t = Token { span: Span::new(at, end), kind };
            at = end;
            t
        })
    })
}

/// The end of the character at `at` together with the marks attached to it.
fn cluster_end(text: &str, at: usize) -> usize {
    let mut chars = text[at..].char_indices();
    let Some((_, first)) = chars.next() else { return at };
    let mut end = at + first.len_utf8();
    if first == '\r' && text[end..].starts_with('\n') {
        return end + 1;
    }
    for (i, c) in chars {
        if !is_attached(c) {
            break;
        }
        end = at + i + c.len_utf8();
    }
    end
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|r| r.chars().next())
}

fn next_token(text: &str, at: usize) -> (TokenKind, usize) {
    let c = char_at(text, at).unwrap_or(' ');
    if let Some(end) = url_end(text, at) {
        return (TokenKind::Url, end);
    }
    if c.is_ascii_alphanumeric() {
        if let Some(end) = email_end(text, at) {
            return (TokenKind::Email, end);
        }
    }
    let first_end = cluster_end(text, at);
    // A lone mark or format character at the start of the text or after a line break.
    if is_attached(c) {
        return (TokenKind::Other, first_end);
    }
    match class(c) {
        Class::Arabic => (TokenKind::Word, run_end(text, first_end, |k| k == Class::Arabic)),
        Class::Letter => (TokenKind::Latin, run_end(text, first_end, |k| matches!(k, Class::Letter | Class::Digit))),
        Class::Digit => number(text, first_end),
        Class::Space => (TokenKind::Space, run_end(text, first_end, |k| k == Class::Space)),
        Class::Newline => (TokenKind::Newline, first_end),
        Class::Quote => (TokenKind::Quote, first_end),
        Class::Bracket => (TokenKind::Bracket, first_end),
        Class::Punct => (TokenKind::Punct, first_end),
        Class::Other => (TokenKind::Other, first_end),
    }
}

/// Where a run of clusters whose base characters `keep` accepts ends, from byte `at` (not a line
/// break's class: `\r\n` is one cluster only to [`cluster_end`]). One pass over the characters.
fn run_end(text: &str, at: usize, keep: impl Fn(Class) -> bool) -> usize {
    let mut chars = text[at..].char_indices().peekable();
    let mut end = at;
    while let Some((i, c)) = chars.next() {
        if is_attached(c) || !keep(class(c)) {
            break;
        }
        end = at + i + c.len_utf8();
        // The marks attached to it.
        while let Some((j, m)) = chars.next_if(|&(_, m)| is_attached(m)) {
            end = at + j + m.len_utf8();
        }
    }
    end
}

fn number(text: &str, mut at: usize) -> (TokenKind, usize) {
    let digits = |a| run_end(text, a, |k| k == Class::Digit);
    at = digits(at);
    loop {
        match char_at(text, at) {
            Some(sep @ ('.' | ',' | '٫' | '٬')) => {
                let after = at + sep.len_utf8();
                if char_at(text, after).is_some_and(crate::chars::is_digit) {
                    at = digits(after);
                    continue;
                }
                break;
            }
            Some(p @ ('%' | '٪')) => {
                at = cluster_end(text, at).max(at + p.len_utf8());
                break;
            }
            _ => break,
        }
    }
    (TokenKind::Number, at)
}

fn url_end(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let starts = |p: &str| rest.len() >= p.len() && rest.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if !(starts("http://") || starts("https://") || starts("www.")) {
        return None;
    }
    let mut end = at;
    for (i, c) in rest.char_indices() {
        if c.is_whitespace() || matches!(class(c), Class::Quote) && c != '\'' || matches!(c, '<' | '>' | '،' | '؛') {
            break;
        }
        end = at + i + c.len_utf8();
    }
    // Trailing punctuation belongs to the sentence, not the address.
    while let Some(last) = text[..end].chars().next_back() {
        if end <= at + 4 || !matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '؟' | '\'') {
            break;
        }
        end -= last.len_utf8();
    }
    (end > at + 4).then_some(end)
}

fn email_end(text: &str, at: usize) -> Option<usize> {
    let rest = &text.as_bytes()[at..];
    let local = rest.iter().take_while(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(b)).count();
    if local == 0 || rest.get(local) != Some(&b'@') {
        return None;
    }
    let domain = rest[local + 1..].iter().take_while(|b| b.is_ascii_alphanumeric() || b".-".contains(b)).count();
    let mut d = &rest[local + 1..local + 1 + domain];
    while d.last() == Some(&b'.') || d.last() == Some(&b'-') {
        d = &d[..d.len() - 1];
    }
    let dot = d.iter().rposition(|&b| b == b'.')?;
    (dot > 0 && d.len() - dot > 2).then_some(at + local + 1 + d.len())
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "etc", "inc", "ltd", "co", "jr", "sr", "gen", "col", "lt",
    "sgt", "fig", "vol", "pp", "ed", "eds", "approx", "dept", "est", "د", "م", "ص", "ق", "هـ", "أ", "ج", "ت", "ط", "ش",
];

/// Sentence spans: they end after `.` `!` `?` `؟` `؛` `…` and at line breaks; not after a decimal
/// point (part of a number token), an abbreviation (د. , Dr.), or inside quotation marks (a
/// quote spanning sentences ends at its closing mark). Leading and trailing spaces are not part
/// of a sentence; blank lines make none.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut s = Sentences::new(text);
    for &t in tokens {
        s.push(t);
    }
    s.finish()
}

/// The sentences of a text (see [`sentences`]) found from its tokens fed one at a time, in order.
pub struct Sentences<'t> {
    text: &'t str,
    out: Vec<Span>,
    current: Option<Span>,
    /// Closing marks of the quotations open at this point, innermost last.
    open: Vec<char>,
    /// A terminator was seen; the sentence ends before the next token that is not a closing mark.
    pending: bool,
    /// The full stop just seen ends no sentence if a lower-case Latin word comes next ("approx.
    /// five").
    unless_lower: bool,
    /// The token before the one fed now.
    prev: Option<Token>,
}

impl<'t> Sentences<'t> {
    pub fn new(text: &'t str) -> Sentences<'t> {
        Sentences {
            text,
            out: Vec::new(),
            current: None,
            open: Vec::new(),
            pending: false,
            unless_lower: false,
            prev: None,
        }
    }

    /// Reads the next token of the text.
    pub fn push(&mut self, t: Token) {
        let prev = self.prev.replace(t);
        if t.kind == TokenKind::Space {
            return;
        }
        let first = t.span.of(self.text).chars().next().unwrap_or(' ');
        if std::mem::take(&mut self.unless_lower) && t.kind == TokenKind::Latin && first.is_lowercase() {
            self.pending = false;
        }
        let closes = (t.kind == TokenKind::Quote
            && (self.open.last() == Some(&first) || matches!(first, '”' | '»' | '›' | '’')))
            || (t.kind == TokenKind::Bracket && matches!(first, ')' | ']' | '}' | '⟩' | '】'));
        if t.kind == TokenKind::Newline || (self.pending && self.open.is_empty() && !closes) {
            self.out.extend(self.current.take());
            self.pending = false;
            if t.kind == TokenKind::Newline {
                self.open.clear();
                return;
            }
        }
        self.current = Some(self.current.map_or(t.span, |c| c.cover(t.span)));
        match t.kind {
            TokenKind::Quote if self.open.last() == Some(&first) => {
                self.open.pop();
            }
            TokenKind::Quote => {
                if let Some(closing) = closing_quote(first) {
                    self.open.push(closing);
                }
            }
            TokenKind::Bracket if closes => {}
            TokenKind::Punct if matches!(first, '.' | '!' | '?' | '؟' | '؛' | '…') => {
                let after_word = prev.filter(|p| matches!(p.kind, TokenKind::Word | TokenKind::Latin));
                match after_word {
                    Some(p) if first == '.' && is_abbreviation(p.span.of(self.text)) => self.pending = false,
                    Some(_) if first == '.' => {
                        self.pending = true;
                        self.unless_lower = true;
                    }
                    _ => self.pending = true,
                }
            }
            _ => self.pending = false,
        }
    }

    /// The sentences, once every token was read.
    pub fn finish(mut self) -> Vec<Span> {
        self.out.extend(self.current);
        self.out
    }
}

/// Whether `word`, right before a full stop, is an abbreviation or a single capital letter.
fn is_abbreviation(word: &str) -> bool {
    let single_capital = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
    ABBREVIATIONS.contains(&word.to_lowercase().as_str()) || single_capital
}

#[cfg(test)]
#[path = "tokenize/tests.rs"]
mod tests;
