//! Wasim's analysis engine: Arabic normalization, tokenization, clitics, entities, claims and
//! the interchange formats. Pure Rust with no web dependency; the app and the `wasim` command
//! both use it.
//!
//! Offsets inside the engine are half-open byte ranges into the original text ([`Span`]);
//! [`offsets`] converts them to code points (exports) and UTF-16 (the DOM).

pub mod agree;
pub mod analysis;
pub mod chars;
pub mod claims;
pub mod clitics;
pub mod corpus;
pub mod document;
pub mod edit;
pub mod entities;
pub mod eval;
pub mod export;
pub mod keys;
pub mod learn;
pub mod lexicon;
pub mod markup;
pub mod memo;
pub mod normalize;
pub mod offsets;
pub mod overview;
mod span;
pub mod tagger;
pub mod tokenize;
pub mod view;
pub mod words;

pub use analysis::{analyze, forget_memos, Analysis, Annotator};
pub use document::{Claim, Document, Entity, Label, Status};
pub use lexicon::Lexicon;
pub use span::Span;
pub use words::{Word, Words};

/// Analyzes `text` and returns its annotated document: the one call the app and the CLI make.
pub fn annotate(text: &str) -> Document {
    analyze(text).into_document()
}
