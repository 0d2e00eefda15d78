//! The analysis of one text: tokens, sentences, words with their clitic readings, then the
//! entities and claims found in them. [`analyze`] is total: any text, no panic.

use crate::clitics::{self, Stem};
use crate::document::{Claim, Document, Entity};
use crate::lexicon::{Kind, Kinds, Lexicon};
use crate::normalize::key;
use crate::tokenize::{sentences, tokenize, Token, TokenKind};
use crate::Span;
use std::collections::HashMap;
use std::rc::Rc;

/// A word, number or Latin word with what the engine knows of it.
#[derive(Clone, Debug)]
pub struct Word {
    /// Index of its token in [`Analysis::tokens`].
    pub token: usize,
    pub span: Span,
    pub kind: TokenKind,
    /// The search-normalized form of the whole word.
    pub key: Rc<str>,
    /// Readings with clitics split off, best first (see [`clitics::analyze`]); the whole word
    /// for numbers and Latin words.
    pub stems: Vec<Stem>,
    /// The lists the whole word is in.
    pub kinds: Kinds,
    /// The lists any reading of it is in.
    pub any: Kinds,
    /// Where it is a nationality or group adjective (روسي، الإيرانية، والإسرائيليون), without
    /// clitics; see [`crate::entities::nationality`].
    pub nationality: Option<Span>,
}

impl Word {
    /// Whether any reading, with or without its article, is in `kind`.
    pub fn is(&self, kind: Kind) -> bool {
        self.stems.iter().any(|s| s.is(kind))
    }
}

pub struct Analysis<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Span>,
    pub words: Vec<Word>,
    pub entities: Vec<Entity>,
    pub claims: Vec<Claim>,
}

impl<'t> Analysis<'t> {
    /// What lies between word `i - 1` and word `i` (the whole text before word 0).
    pub fn between(&self, i: usize) -> &'t str {
        let start = if i == 0 { 0 } else { self.words[i - 1].span.end };
        let end = self.words.get(i).map_or(self.text.len(), |w| w.span.start);
        self.text.get(start..end).unwrap_or("")
    }

    /// Whether words `i - 1` and `i` are separated by spaces only (or a hyphen), so that they can
    /// belong to one name.
    pub fn joined(&self, i: usize) -> bool {
        i > 0 && i < self.words.len() && {
            let b = self.between(i);
            !b.is_empty()
                && b.chars()
                    .all(|c| c == ' ' || c == '\u{00A0}' || c == '-' || c == '\t' || crate::chars::is_invisible(c))
        }
    }

    /// Index of the word that starts at or after byte `at`.
    pub fn word_at(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.span.start < at)
    }

    pub fn into_document(self) -> Document {
        let mut doc = Document {
            text: self.text.to_string(),
            entities: self.entities,
            claims: self.claims,
            rejected: Vec::new(),
        };
        doc.sort();
        doc
    }
}

/// Analyzes `text` with the built-in lexicon.
///
/// # Example
/// ```
/// let doc = wasim_engine::analyze("زار الرئيس بالقاهرة أمس").into_document();
/// assert!(doc.entities.iter().any(|e| e.span.of(&doc.text) == "القاهرة"));
/// ```
pub fn analyze(text: &str) -> Analysis<'_> {
    let mut a = analyze_words(text, Lexicon::builtin());
    a.entities = crate::entities::find(&a, Lexicon::builtin());
    a.claims = crate::claims::find(&a);
    a
}

/// Tokens, sentences and words, without entities and claims.
pub fn analyze_words<'t>(text: &'t str, lex: &Lexicon) -> Analysis<'t> {
    let tokens = tokenize(text);
    let sentences = sentences(text, &tokens);
    // News text repeats its words: analyze each distinct word once.
    let mut seen: HashMap<&str, (Rc<str>, Vec<Stem>, Kinds, Option<Span>)> = HashMap::new();
    let mut words = Vec::with_capacity(tokens.len() / 2);
    for (i, t) in tokens.iter().enumerate() {
        if !t.is_wordlike() {
            continue;
        }
        let s = t.span.of(text);
        let (k, stems, kinds, nat) = seen.entry(s).or_insert_with(|| {
            let k = key(s);
            let stems = if t.kind == TokenKind::Word {
                clitics::analyze(s, 0, lex)
            } else {
                vec![Stem::new(Span::new(0, s.len()), Span::new(0, 0), Span::new(s.len(), s.len()), k.clone(), lex)]
            };
            let kinds = lex.get(&k);
            let nat = crate::entities::nationality(&stems, lex);
            (Rc::from(k), stems, kinds, nat)
        });
        // Cached readings are relative to the word's start.
        let shift = t.span.start;
        let moved = |x: Span| Span::new(x.start + shift, x.end + shift);
        let stems: Vec<Stem> = stems
            .iter()
            .map(|st| Stem { span: moved(st.span), prefix: moved(st.prefix), suffix: moved(st.suffix), ..st.clone() })
            .collect();
        let any = Kinds(stems.iter().fold(kinds.0, |acc, s| acc | s.kinds.0));
        words.push(Word {
            token: i,
            span: t.span,
            kind: t.kind,
            key: k.clone(),
            stems,
            kinds: *kinds,
            any,
            nationality: nat.map(moved),
        });
    }
    Analysis { text, tokens, sentences, words, entities: Vec::new(), claims: Vec::new() }
}
