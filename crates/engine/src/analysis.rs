//! The pipeline, one way: text → [`Words`] → entities → claims → [`Document`]. Each stage is a
//! function of the stages before it and nothing else; this module only runs them in order.
//! [`analyze`] is total: any text, no panic.

use crate::document::{Claim, Document, Entity};
use crate::lexicon::Lexicon;
use crate::words::Words;

/// Everything the pipeline found in one text, stage by stage.
pub struct Analysis<'t> {
    pub words: Words<'t>,
    pub entities: Vec<Entity>,
    pub claims: Vec<Claim>,
}

impl Analysis<'_> {
    pub fn into_document(self) -> Document {
        let mut doc = Document {
            text: self.words.text.to_string(),
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
    let lex = Lexicon::builtin();
    let words = Words::analyze(text, lex);
    let entities = crate::entities::find(&words, lex);
    let claims = crate::claims::find(&words, &entities);
    Analysis { words, entities, claims }
}
