//! The analysis of one text: tokens, sentences, words with their clitic readings, then the
//! entities and claims found in them. [`analyze`] is total: any text, no panic.

use crate::clitics::{self, Stem};
use crate::document::{Claim, Document, Entity};
use crate::lexicon::{Kind, Kinds, Lexicon};
use crate::normalize::key;
use crate::tokenize::{sentences, tokenize, Token, TokenKind};
use crate::Span;
use std::collections::HashMap;

/// A word, number or Latin word with what the engine knows of it.
#[derive(Clone, Debug)]
pub struct Word {
    /// Index of its token in [`Analysis::tokens`].
    pub token: usize,
    pub span: Span,
    pub kind: TokenKind,
    /// The search-normalized form of the whole word.
    pub key: String,
    /// Readings with clitics split off, best first (see [`clitics::analyze`]); the whole word
    /// for numbers and Latin words.
    pub stems: Vec<Stem>,
    /// The lists the whole word is in.
    pub kinds: Kinds,
}

impl Word {
    /// The lists any reading of this word is in.
    pub fn any_kinds(&self, lex: &Lexicon) -> Kinds {
        let mut k = self.kinds;
        for s in &self.stems {
            k.0 |= lex.get(&s.key).0;
        }
        k
    }
    /// The first reading whose key is in one of `kinds`, with its kinds.
    pub fn stem_in<'w>(&'w self, lex: &Lexicon, kinds: &[Kind]) -> Option<(&'w Stem, Kinds)> {
        self.stems.iter().map(|s| (s, lex.get(&s.key))).find(|(_, k)| k.any(kinds))
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
            !b.is_empty() && b.chars().all(|c| c == ' ' || c == '\u{00A0}' || c == '-' || c == '\t' || crate::chars::is_invisible(c))
        }
    }

    /// Index of the word that starts at or after byte `at`.
    pub fn word_at(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.span.start < at)
    }

    pub fn into_document(self) -> Document {
        let mut doc = Document { text: self.text.to_string(), entities: self.entities, claims: self.claims, rejected: Vec::new() };
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
    let mut seen: HashMap<&str, (String, Vec<Stem>, Kinds)> = HashMap::new();
    let mut words = Vec::with_capacity(tokens.len() / 2);
    for (i, t) in tokens.iter().enumerate() {
        if !t.is_wordlike() {
            continue;
        }
        let s = t.span.of(text);
        let (k, stems, kinds) = seen.entry(s).or_insert_with(|| {
            let k = key(s);
            let stems = if t.kind == TokenKind::Word {
                clitics::analyze(s, 0, lex)
            } else {
                vec![Stem { span: Span::new(0, s.len()), prefix: Span::new(0, 0), suffix: Span::new(s.len(), s.len()), known: !lex.get(&k).is_empty(), key: k.clone() }]
            };
            let kinds = lex.get(&k);
            (k, stems, kinds)
        });
        // Cached readings are relative to the word's start.
        let shift = t.span.start;
        let stems = stems
            .iter()
            .map(|st| Stem {
                span: Span::new(st.span.start + shift, st.span.end + shift),
                prefix: Span::new(st.prefix.start + shift, st.prefix.end + shift),
                suffix: Span::new(st.suffix.start + shift, st.suffix.end + shift),
                key: st.key.clone(),
                known: st.known,
            })
            .collect();
        words.push(Word { token: i, span: t.span, kind: t.kind, key: k.clone(), stems, kinds: *kinds });
    }
    Analysis { text, tokens, sentences, words, entities: Vec::new(), claims: Vec::new() }
}
