//! The pipeline, one way: text → [`Words`] → entities (rules, then the learned tagger reading
//! them) → claims → [`Document`]. Each stage is a
//! function of the stages before it and nothing else; this module only runs them in order.
//! [`analyze`] is total: any text, no panic.

use crate::document::{Claim, Document, Entity};
use crate::lexicon::Lexicon;
use crate::tagger::{Features, Model};
use crate::words::Words;
use std::sync::OnceLock;

/// Everything the pipeline found in one text, stage by stage.
pub struct Analysis<'t> {
    pub words: Words<'t>,
    pub entities: Vec<Entity>,
    pub claims: Vec<Claim>,
}

impl Analysis<'_> {
    /// The document: a copy of the text with the entities and claims (the words are let go first).
    pub fn into_document(self) -> Document {
        let Analysis { words, entities, claims } = self;
        let text = words.text;
        drop(words);
        document(text.to_string(), entities, claims)
    }
}

fn document(text: String, entities: Vec<Entity>, claims: Vec<Claim>) -> Document {
    let mut doc = Document { text, entities, claims, rejected: Vec::new() };
    doc.sort();
    doc
}

/// The engine with what it knows: the lexicon and, when one is loaded, the learned tagger.
#[derive(Clone)]
pub struct Annotator {
    lexicon: &'static Lexicon,
    model: Option<Model>,
}

/// The model compiled into this build (the `builtin-model` feature).
#[cfg(all(feature = "builtin-model", wasim_model))]
pub static BUILTIN_MODEL: &[u8] = include_bytes!("../model/wasim.model");
#[cfg(not(all(feature = "builtin-model", wasim_model)))]
pub static BUILTIN_MODEL: &[u8] = &[];

impl Annotator {
    /// The built-in lexicon with `model` (rules alone when none).
    pub fn new(model: Option<Model>) -> Annotator {
        Annotator { lexicon: Lexicon::builtin(), model }
    }

    /// The built-in lexicon and the model compiled into this build, if there is one.
    pub fn builtin() -> &'static Annotator {
        static A: OnceLock<Annotator> = OnceLock::new();
        A.get_or_init(|| Annotator::new(Model::from_bytes(BUILTIN_MODEL).ok()))
    }

    pub fn model(&self) -> Option<&Model> {
        self.model.as_ref()
    }

    pub fn model_mut(&mut self) -> Option<&mut Model> {
        self.model.as_mut()
    }

    /// Runs the pipeline on `text`.
    pub fn analyze<'t>(&self, text: &'t str) -> Analysis<'t> {
        let words = Words::analyze(text, self.lexicon);
        let entities = crate::entities::find(&words, self.lexicon, self.model.as_ref());
        let claims = crate::claims::find(&words, &entities);
        Analysis { words, entities, claims }
    }

    /// Learns from a person's work on the sentence of `doc` holding byte `at`: its people,
    /// organizations and places as `doc` has them now (what the person added, kept, relabeled,
    /// and not what they deleted) are the right ones. The sentence is read in its document, as the
    /// pipeline reads it. Returns whether the model changed (nothing to learn, or no model: no).
    pub fn learn(&mut self, doc: &Document, at: usize) -> bool {
        let lex = self.lexicon;
        let Some(model) = self.model.as_mut() else { return false };
        let words = Words::analyze(&doc.text, lex);
        let sentences = words.sentence_words();
        // The sentence whose words span `at` (the last one starting at or before it).
        let k = sentences.partition_point(|r| words.words[r.start].span.start <= at);
        let Some(range) = k.checked_sub(1).map(|k| sentences[k].clone()) else { return false };
        let cands = crate::entities::rule_candidates(&words, lex);
        let mut ctx = model.context(&words, lex, cands.iter().map(crate::entities::Candidate::hint));
        let mut feats = Features::default();
        let first = model.first_pass(&ctx, &sentences, &mut feats);
        ctx.first_pass(Some(&first));
        ctx.sentence(range.clone(), &mut feats);
        let gold = crate::tagger::gold_tags(&words, &doc.entities);
        model.learn(&feats, &gold[range])
    }

    /// The annotated document of `text`.
    pub fn annotate(&self, text: &str) -> Document {
        self.analyze(text).into_document()
    }

    /// [`Annotator::annotate`] of a text given away: the document keeps it instead of a copy
    /// (for a long text, the copy is what the memory of the end of an annotation is made of).
    pub fn annotate_owned(&self, text: String) -> Document {
        let Analysis { entities, claims, .. } = self.analyze(&text);
        document(text, entities, claims)
    }
}

/// Empties this thread's memos of the stages (`memo.rs`), so that the next analysis starts from
/// nothing: benchmarks that run the same text again use it to measure a first reading.
pub fn forget_memos() {
    crate::memo::clear(&crate::words::MEMO);
    crate::memo::clear(&crate::tagger::features::MEMO);
}

/// Analyzes `text` with the built-in lexicon and model.
///
/// # Example
/// ```
/// let doc = wasim_engine::analyze("زار الرئيس بالقاهرة أمس").into_document();
/// assert!(doc.entities.iter().any(|e| e.span.of(&doc.text) == "القاهرة"));
/// ```
pub fn analyze(text: &str) -> Analysis<'_> {
    Annotator::builtin().analyze(text)
}
