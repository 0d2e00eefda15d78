//! The tagger's workbench, on top of the pipeline: the training corpora split into train,
//! development and held-aside parts, the sentences made into examples with the pipeline's own
//! features, training, scoring per corpus, and confidence calibration. The `wasim` command drives
//! it (`wasim train`, `wasim eval --corpus`).
//!
//! Splits are by contiguous parts, never by shuffled sentences:
//! - ANERcorp: its last 28%, development then held aside (a random or block split of it scores
//!   far higher: its articles repeat their names, and its usual test part is its tail);
//! - NewsFANE is the same newswire annotated again, in another order: each of its sentences takes
//!   the split of the ANERcorp sentence it matches (by shared letter 10-grams), so no sentence is
//!   in training in one and held out in the other; the block holding the claims set's held-aside
//!   part is held aside in both;
//! - WikiFANE: blocks of [`BLOCK`] sentences, block `b` development when `b % 10 == 3` and held
//!   aside when `b % 10 == 8`;
//! - Wojood: its own validation file is development; its training file's last [`WOJOOD_HELD`]
//!   sentences are held aside.

use crate::corpus::{self, Form, Sentence};
use crate::document::{Document, Entity, Label, Status};
use crate::entities::rule_candidates;
use crate::eval::{score, Score};
use crate::lexicon::Lexicon;
use crate::normalize::key;
use crate::tagger::features::{Context, Hint};
use crate::tagger::train::Example;
use crate::tagger::{tag_of, Features, LABELS};
use crate::words::Words;
use crate::{Annotator, Span};
use std::collections::HashMap;

/// Sentences in a split block.
pub const BLOCK: usize = 100;
/// The NewsFANE block (of ten) whose sentences hold the claims development set's held-aside part:
/// kept out of the tagger's training too.
const CLAIMS_HELD_BLOCK: usize = 8;
/// Wojood's training sentences held aside, at the end of its file.
pub const WOJOOD_HELD: usize = 114;
/// Sentences per document when a split part is cut into documents.
const DOC_SENTENCES: usize = 40;

/// Which part of a corpus a sentence is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Split {
    Train,
    Dev,
    /// Looked at only for final figures.
    Held,
}

impl Split {
    pub fn parse(s: &str) -> Option<Split> {
        match s {
            "train" => Some(Split::Train),
            "dev" => Some(Split::Dev),
            "held" | "final" => Some(Split::Held),
            _ => None,
        }
    }
    /// ANERcorp: its last 28% held out in two contiguous parts, development then held aside
    /// (the nearest to how its usual test part, the corpus' tail, differs from the rest).
    fn of_position(i: usize, n: usize) -> Split {
        if i * 100 >= n * 85 {
            Split::Held
        } else if i * 100 >= n * 72 {
            Split::Dev
        } else {
            Split::Train
        }
    }

    fn of_block(b: usize) -> Split {
        match b % 10 {
            3 => Split::Dev,
            8 => Split::Held,
            _ => Split::Train,
        }
    }
}

/// One corpus file, read.
pub struct CorpusFile {
    pub name: String,
    pub form: Form,
    pub sentences: Vec<Sentence>,
    /// The split of each sentence.
    pub splits: Vec<Split>,
}

/// A gold document: text and entities.
pub struct GoldDoc {
    pub corpus: String,
    pub form: Form,
    pub doc: Document,
}

/// Reads corpus files (name, text) and assigns every sentence its split.
pub fn read_corpora(files: &[(String, String)]) -> Result<Vec<CorpusFile>, String> {
    let mut out = Vec::new();
    for (name, text) in files {
        let form = Form::of_file(name).ok_or_else(|| format!("{name}: not a corpus Wasim knows by its name"))?;
        let sentences = corpus::read(form, text).map_err(|e| format!("{name}: {e}"))?;
        out.push(CorpusFile { name: name.clone(), form, splits: Vec::new(), sentences });
    }
    for f in &mut out {
        let n = f.sentences.len();
        f.splits = if f.name.contains("wojood_val") {
            vec![Split::Dev; n]
        } else if f.name.contains("wojood") {
            (0..n).map(|i| if i + WOJOOD_HELD >= n { Split::Held } else { Split::Train }).collect()
        } else if f.form == Form::Anercorp {
            (0..n).map(|i| Split::of_position(i, n)).collect()
        } else {
            (0..n).map(|i| Split::of_block(i / BLOCK)).collect()
        };
    }
    // NewsFANE follows ANERcorp, sentence by sentence; its claims' held-aside block stays out
    // of training in both.
    let aner = out.iter().position(|f| f.form == Form::Anercorp);
    let news = out.iter().position(|f| f.name.contains("newsfane"));
    if let Some(k) = news {
        let matches: Vec<Option<usize>> = match aner {
            Some(a) => {
                let ix = GramIndex::new(&out[a].sentences);
                out[k].sentences.iter().map(|s| ix.best(&s.text)).collect()
            }
            None => vec![None; out[k].sentences.len()],
        };
        for (i, m) in matches.iter().enumerate() {
            if let (Some(a), Some(m), true) = (aner, m, i / BLOCK % 10 == CLAIMS_HELD_BLOCK) {
                out[a].splits[*m] = Split::Held;
            }
        }
        let mut last = Split::Train;
        for (i, m) in matches.iter().enumerate() {
            let own = if i / BLOCK % 10 == CLAIMS_HELD_BLOCK { Some(Split::Held) } else { None };
            last = own.or_else(|| aner.zip(*m).map(|(a, m)| out[a].splits[m])).unwrap_or(last);
            out[k].splits[i] = last;
        }
    }
    Ok(out)
}

/// Sentences indexed by their letter 10-grams (normalized, spaces and punctuation out).
struct GramIndex {
    grams: HashMap<u64, Vec<u32>>,
}

fn letters(text: &str) -> Vec<char> {
    key(text).chars().filter(|c| c.is_alphabetic()).collect()
}

fn grams(text: &str) -> Vec<u64> {
    let l = letters(text);
    l.windows(10)
        .map(|w| w.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, c| (h ^ u64::from(*c)).wrapping_mul(0x0100_0000_01b3)))
        .collect()
}

impl GramIndex {
    fn new(sentences: &[Sentence]) -> GramIndex {
        let mut grams_ix: HashMap<u64, Vec<u32>> = HashMap::new();
        for (i, s) in sentences.iter().enumerate() {
            for g in grams(&s.text) {
                let v = grams_ix.entry(g).or_default();
                if v.last() != Some(&(i as u32)) {
                    v.push(i as u32);
                }
            }
        }
        GramIndex { grams: grams_ix }
    }

    /// The sentence sharing more than half of `text`'s 10-grams, if one does.
    fn best(&self, text: &str) -> Option<usize> {
        let gs = grams(text);
        let mut count: HashMap<u32, usize> = HashMap::new();
        for g in &gs {
            for &k in self.grams.get(g).into_iter().flatten() {
                *count.entry(k).or_default() += 1;
            }
        }
        count
            .into_iter()
            .filter(|&(_, c)| 2 * c > gs.len())
            .max_by_key(|&(k, c)| (c, std::cmp::Reverse(k)))
            .map(|(k, _)| k as usize)
    }
}

/// The documents of one split of a corpus: runs of consecutive sentences of that split, cut into
/// documents of at most [`DOC_SENTENCES`] sentences.
pub fn documents(f: &CorpusFile, split: Split) -> Vec<GoldDoc> {
    let mut out = Vec::new();
    let mut run: Vec<&Sentence> = Vec::new();
    let flush = |run: &mut Vec<&Sentence>, out: &mut Vec<GoldDoc>| {
        if run.is_empty() {
            return;
        }
        let (text, entities) = corpus::join(run);
        let entities = entities
            .into_iter()
            .map(|(span, label)| Entity {
                span,
                label,
                source: "gold".into(),
                confidence: 1.0,
                status: Status::Accepted,
            })
            .collect();
        out.push(GoldDoc {
            corpus: f.name.clone(),
            form: f.form,
            doc: Document { text, entities, ..Document::default() },
        });
        run.clear();
    };
    for (s, &sp) in f.sentences.iter().zip(&f.splits) {
        if sp != split || run.len() >= DOC_SENTENCES {
            flush(&mut run, &mut out);
        }
        if sp == split {
            run.push(s);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The training examples of a gold document: a sentence each, with the pipeline's features and
/// the gold tags projected onto Wasim's words.
pub fn examples(doc: &Document, lex: &Lexicon) -> Vec<Example> {
    let a = Words::analyze(&doc.text, lex);
    let cands = rule_candidates(&a, lex);
    let hints: Vec<Hint> = cands.iter().map(|c| Hint { span: c.span, label: c.label, source: c.source }).collect();
    let ctx = Context::new(&a, lex, &hints);
    let tags = gold_tags(&a, &doc.entities);
    let mut out = Vec::new();
    for s in &a.sentences {
        let range = a.word_at(s.start)..a.word_at(s.end);
        if range.is_empty() {
            continue;
        }
        let mut feats = Features::default();
        ctx.sentence(range.clone(), &mut feats);
        out.push(Example { feats, gold: tags[range].to_vec() });
    }
    out
}

/// The tag of every word: B on the word holding an entity's start, I on the words after it.
pub fn gold_tags(a: &Words, entities: &[Entity]) -> Vec<usize> {
    let mut tags = vec![0; a.words.len()];
    for e in entities.iter().filter(|e| LABELS.contains(&e.label)) {
        let first = a.words.partition_point(|w| w.span.end <= e.span.start);
        let mut k = first;
        while k < a.words.len() && a.words[k].span.start < e.span.end {
            tags[k] = tag_of(e.label, k > first).unwrap_or(0);
            k += 1;
        }
    }
    tags
}

/// Scores an annotator on gold documents: on the model's labels (whose `ALL` is the headline
/// figure), and on the corpus' other labels one by one.
pub fn evaluate(annotator: &Annotator, docs: &[GoldDoc]) -> (Score, Score, Document, Document) {
    let Some(first) = docs.first() else { return Default::default() };
    let (gold, pred) = concat(docs, |d| annotator.annotate(&d.doc.text));
    let others: Vec<Label> = first.form.labels().iter().copied().filter(|l| !LABELS.contains(l)).collect();
    let mut extra = score(&gold, &pred, &others);
    extra.entities.exact.remove("ALL");
    extra.entities.lenient.remove("ALL");
    (score(&gold, &pred, &LABELS), extra, gold, pred)
}

/// Gold documents and their predictions joined into one document each (blank lines between),
/// so one score covers them all.
pub fn concat(docs: &[GoldDoc], predict: impl Fn(&GoldDoc) -> Document) -> (Document, Document) {
    let mut gold = Document::default();
    let mut pred = Document::default();
    for d in docs {
        let p = predict(d);
        let shift = gold.text.len();
        if shift > 0 {
            gold.text.push_str("\n\n");
        }
        let shift = gold.text.len();
        gold.text.push_str(&d.doc.text);
        let moved = |s: Span| Span::new(s.start + shift, s.end + shift);
        gold.entities.extend(d.doc.entities.iter().map(|e| Entity { span: moved(e.span), ..e.clone() }));
        gold.claims.extend(d.doc.claims.iter().map(|c| crate::Claim {
            speaker: c.speaker.map(moved),
            cue: c.cue.map(moved),
            content: moved(c.content),
            ..c.clone()
        }));
        pred.entities.extend(p.entities.iter().map(|e| Entity { span: moved(e.span), ..e.clone() }));
        pred.claims.extend(p.claims.iter().map(|c| crate::Claim {
            speaker: c.speaker.map(moved),
            cue: c.cue.map(moved),
            content: moved(c.content),
            ..c.clone()
        }));
    }
    pred.text = gold.text.clone();
    (gold, pred)
}
