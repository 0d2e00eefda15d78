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
use crate::entities::{rule_candidates, Candidate};
use crate::eval::{lenient_eq, score, Score};
use crate::lexicon::Lexicon;
use crate::normalize::key;
use crate::tagger::features::Context;
use crate::tagger::train::{train, Example, Options};
use crate::tagger::{Features, LABELS};
use crate::tagger::{Model, Vocabulary};
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

/// A gold document made ready for the tagger: its features' context, its sentences and the
/// gold tag of every word.
pub struct Prepared {
    pub ctx: Context,
    pub sentences: Vec<std::ops::Range<usize>>,
    pub gold: Vec<usize>,
}

/// Runs the pipeline's first stage and the rules on a gold document.
pub fn prepare(doc: &Document, lex: &Lexicon) -> Prepared {
    let a = Words::analyze(&doc.text, lex);
    let cands = rule_candidates(&a, lex);
    Prepared {
        ctx: Context::new(&a, lex, cands.iter().map(Candidate::hint)),
        sentences: a.sentence_words(),
        gold: crate::tagger::gold_tags(&a, &doc.entities),
    }
}

impl Prepared {
    /// A training example per sentence, with the context as it stands (with or without a first
    /// pass).
    pub fn examples(&self) -> Vec<Example> {
        self.sentences
            .iter()
            .map(|r| {
                let mut feats = Features::default();
                self.ctx.sentence(r.clone(), &mut feats);
                Example { feats, gold: self.gold[r.clone()].to_vec() }
            })
            .collect()
    }
}

/// The training documents are cut into this many folds to mark the words a document's
/// sentences have not seen: those its other folds write fewer than
/// [`Vocabulary::MIN_COUNT`] times, as at tagging time a word is unseen
/// when the whole training text wrote it fewer times. (Marked from the document's own text, every
/// word would be seen in training and the feature would teach nothing.)
const VOCAB_FOLDS: usize = 5;

/// Marks each document's unseen words from the other folds (see [`VOCAB_FOLDS`]) and returns the
/// vocabulary of them all, the model's.
fn mark_seen(docs: &mut [Prepared]) -> Vocabulary {
    let mut counts: HashMap<u64, [u32; VOCAB_FOLDS]> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        for stem in d.ctx.stem_hashes() {
            counts.entry(stem).or_default()[i % VOCAB_FOLDS] += 1;
        }
    }
    for (i, d) in docs.iter_mut().enumerate() {
        d.ctx.mark_seen(|stem| {
            counts.get(&stem).is_some_and(|c| c.iter().sum::<u32>() - c[i % VOCAB_FOLDS] >= Vocabulary::MIN_COUNT)
        });
    }
    Vocabulary::of(
        counts.into_iter().filter(|(_, c)| c.iter().sum::<u32>() >= Vocabulary::MIN_COUNT).map(|(stem, _)| stem),
    )
}

/// Trains the two-pass tagger: a model learns from every sentence twice, once as a first pass
/// sees it and once with the tags a first pass gave the text's other words, those tags coming
/// from a model that did not learn from that text (two halves, each tagged by a model trained on
/// the other).
pub fn train_two_pass(docs: &mut [Prepared], opts: Options, mut progress: impl FnMut(&str, usize, usize)) -> Model {
    let vocab = mark_seen(docs);
    for d in docs.iter_mut() {
        d.ctx.first_pass(None);
    }
    let base: Vec<Vec<Example>> = docs.iter().map(Prepared::examples).collect();
    let half = |k: usize| -> Vec<&Example> {
        base.iter().enumerate().filter(|(i, _)| i % 2 == k).flat_map(|(_, e)| e).collect()
    };
    let models: Vec<Model> = (0..2)
        .map(|k| {
            let ex: Vec<Example> =
                half(k).into_iter().map(|e| Example { feats: e.feats.clone(), gold: e.gold.clone() }).collect();
            train(&ex, opts, |epoch, wrong| progress(if k == 0 { "first half" } else { "second half" }, epoch, wrong))
        })
        .collect();
    let mut all: Vec<Example> = base.into_iter().flatten().collect();
    let mut feats = Features::default();
    for (i, d) in docs.iter_mut().enumerate() {
        let other = &models[1 - i % 2];
        let tags = other.first_pass(&d.ctx, &d.sentences, &mut feats);
        d.ctx.first_pass(Some(&tags));
        all.extend(d.examples());
        d.ctx.first_pass(None);
    }
    let mut model = train(&all, opts, |epoch, wrong| progress("all", epoch, wrong));
    model.set_vocab(vocab);
    model
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
    join(docs.iter().map(|d| (d.doc.clone(), predict(d))))
}

/// Pairs of (gold, prediction) of the same texts joined into one pair of documents.
pub fn join(pairs: impl Iterator<Item = (Document, Document)>) -> (Document, Document) {
    let mut gold = Document::default();
    let mut pred = Document::default();
    for (g, p) in pairs {
        if !gold.text.is_empty() {
            gold.text.push_str("\n\n");
        }
        let shift = gold.text.len();
        gold.text.push_str(&g.text);
        let moved = |s: Span| Span::new(s.start + shift, s.end + shift);
        let claim = |c: &crate::Claim| crate::Claim {
            speaker: c.speaker.map(moved),
            cue: c.cue.map(moved),
            content: moved(c.content),
            attribution: c.attribution.map(moved),
            ..c.clone()
        };
        gold.entities.extend(g.entities.iter().map(|e| Entity { span: moved(e.span), ..e.clone() }));
        gold.claims.extend(g.claims.iter().map(claim));
        pred.entities.extend(p.entities.iter().map(|e| Entity { span: moved(e.span), ..e.clone() }));
        pred.claims.extend(p.claims.iter().map(claim));
    }
    pred.text = gold.text.clone();
    (gold, pred)
}

/// For every rule, how often its people, organizations and places are right where the model
/// found nothing over them (lenient match against gold): (rule, right, proposed). This is what
/// decides which rules the model falls back on.
pub fn rules_where_model_is_silent(annotator: &Annotator, docs: &[GoldDoc]) -> Vec<(String, usize, usize)> {
    let lex = Lexicon::builtin();
    let mut by: std::collections::BTreeMap<String, (usize, usize)> = std::collections::BTreeMap::new();
    for d in docs {
        let pred = annotator.annotate(&d.doc.text);
        let a = Words::analyze(&d.doc.text, lex);
        for c in rule_candidates(&a, lex).into_iter().filter(|c| LABELS.contains(&c.label)) {
            if pred.entities.iter().any(|e| e.source.starts_with("model") && e.span.overlaps(c.span)) {
                continue;
            }
            let right = d.doc.entities.iter().any(|g| g.label == c.label && lenient_eq(&d.doc.text, g.span, c.span));
            let e = by.entry(format!("{} {}", c.source, c.label)).or_default();
            e.0 += usize::from(right);
            e.1 += 1;
        }
    }
    by.into_iter().map(|(k, (r, n))| (k, r, n)).collect()
}

/// One bin of a reliability table: the model's entities whose confidence falls in `lo..hi`,
/// their mean confidence and how many of them are right.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Bin {
    pub lo: f32,
    pub hi: f32,
    pub count: usize,
    pub confidence: f64,
    pub accuracy: f64,
}

/// The model's entities on gold documents: (raw or calibrated confidence, right?).
pub fn judged(annotator: &Annotator, docs: &[GoldDoc]) -> Vec<(f32, bool)> {
    let mut out = Vec::new();
    for d in docs {
        let pred = annotator.annotate(&d.doc.text);
        for e in pred.entities.iter().filter(|e| e.source.starts_with("model")) {
            let right = d.doc.entities.iter().any(|g| g.label == e.label && lenient_eq(&d.doc.text, g.span, e.span));
            out.push((e.confidence, right));
        }
    }
    out
}

fn logit(p: f32) -> f64 {
    let p = f64::from(p.clamp(1e-4, 1.0 - 1e-4));
    (p / (1.0 - p)).ln()
}

/// Platt scaling: a and b minimizing the log loss of σ(a·x + b) against y (Newton's method).
fn platt(xs: &[(f64, bool)]) -> (f64, f64, f64) {
    let (mut a, mut b) = (1.0f64, 0.0f64);
    for _ in 0..50 {
        let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 1e-6, 0.0, 1e-6);
        for &(x, y) in xs {
            let p = 1.0 / (1.0 + (-(a * x + b)).exp());
            let d = p - f64::from(u8::from(y));
            ga += d * x;
            gb += d;
            let w = p * (1.0 - p);
            haa += w * x * x;
            hab += w * x;
            hbb += w;
        }
        let det = haa * hbb - hab * hab;
        if det.abs() < 1e-12 {
            break;
        }
        a -= (hbb * ga - hab * gb) / det;
        b -= (haa * gb - hab * ga) / det;
    }
    let loss = xs
        .iter()
        .map(|&(x, y)| {
            let p = (1.0 / (1.0 + (-(a * x + b)).exp())).clamp(1e-9, 1.0 - 1e-9);
            if y {
                -p.ln()
            } else {
                -(1.0 - p).ln()
            }
        })
        .sum::<f64>()
        / xs.len().max(1) as f64;
    (a, b, loss)
}

/// Fits the model's calibration on gold documents: the temperature of its marginals and a
/// Platt scaling of them, chosen for the lowest log loss. Returns the reliability table of the
/// calibrated model on the same documents.
pub fn calibrate(model: &mut Model, docs: &[GoldDoc]) -> Vec<Bin> {
    let mut best: Option<(f64, crate::tagger::Calibration)> = None;
    for temperature in (0..12).map(|k| 2f32.powi(k)) {
        model.calibration = crate::tagger::Calibration { temperature, a: 1.0, b: 0.0 };
        let annotator = Annotator::new(Some(model.clone()));
        let xs: Vec<(f64, bool)> = judged(&annotator, docs).into_iter().map(|(p, y)| (logit(p), y)).collect();
        let (a, b, loss) = platt(&xs);
        if best.as_ref().is_none_or(|(l, _)| loss < *l) {
            best = Some((loss, crate::tagger::Calibration { temperature, a: a as f32, b: b as f32 }));
        }
    }
    model.calibration = best.map(|(_, c)| c).unwrap_or_default();
    reliability(&judged(&Annotator::new(Some(model.clone())), docs))
}

/// Confidences and rightness in ten bins of confidence.
pub fn reliability(judged: &[(f32, bool)]) -> Vec<Bin> {
    (0..10)
        .map(|k| {
            let (lo, hi) = (k as f32 / 10.0, (k + 1) as f32 / 10.0);
            let inside: Vec<&(f32, bool)> =
                judged.iter().filter(|(p, _)| *p >= lo && (*p < hi || (k == 9 && *p <= 1.0))).collect();
            let n = inside.len().max(1) as f64;
            Bin {
                lo,
                hi,
                count: inside.len(),
                confidence: inside.iter().map(|(p, _)| f64::from(*p)).sum::<f64>() / n,
                accuracy: inside.iter().filter(|(_, y)| *y).count() as f64 / n,
            }
        })
        .collect()
}

/// One point of a learning curve: after a person corrected the first `sentences` sentences,
/// the scores on the documents after them.
#[derive(Clone, Debug, serde::Serialize)]
pub struct CurvePoint {
    pub sentences: usize,
    /// How many of those sentences the model had wrong (the corrections it learned from).
    pub corrections: u32,
    pub score: Score,
}

/// Simulates a person who corrects, one after the other, the first sentences of `docs` (every
/// entity of the model's labels made right) while the model learns from each correction, and
/// scores the model after each of `steps` sentences on the rest: every sentence after the last
/// step's (the same sentences for every step; the rest of the document a person is in, then the
/// documents after it).
pub fn learning_curve(base: &Annotator, docs: &[GoldDoc], steps: &[usize]) -> Vec<CurvePoint> {
    let lex = Lexicon::builtin();
    // Every sentence start, in order: (document, byte).
    let mut starts: Vec<(usize, usize)> = Vec::new();
    for (k, d) in docs.iter().enumerate() {
        let a = Words::analyze(&d.doc.text, lex);
        starts.extend(a.sentence_words().into_iter().map(|r| (k, a.words[r.start].span.start)));
    }
    let last = steps.iter().copied().max().unwrap_or(0).min(starts.len());
    let rest = remainder(docs, starts.get(last).copied());
    let mut annotator = base.clone();
    let mut taught = 0;
    let mut out = Vec::new();
    let mut sorted: Vec<usize> = steps.to_vec();
    sorted.sort_unstable();
    for n in sorted {
        while taught < n.min(starts.len()) {
            let (k, at) = starts[taught];
            annotator.learn(&docs[k].doc, at);
            taught += 1;
        }
        let corrections = annotator.model().map_or(0, |m| m.taught.corrections);
        out.push(CurvePoint { sentences: n, corrections, score: evaluate(&annotator, &rest).0 });
    }
    out
}

/// The documents from byte `at` of document `k` on: the rest of that document (its text from
/// `at`, with the entities there), then the documents after it.
fn remainder(docs: &[GoldDoc], from: Option<(usize, usize)>) -> Vec<GoldDoc> {
    let Some((k, at)) = from else { return Vec::new() };
    let d = &docs[k];
    let text = d.doc.text[at..].to_string();
    let entities = d
        .doc
        .entities
        .iter()
        .filter(|e| e.span.start >= at)
        .map(|e| Entity { span: Span::new(e.span.start - at, e.span.end - at), ..e.clone() })
        .collect();
    let head =
        GoldDoc { corpus: d.corpus.clone(), form: d.form, doc: Document { text, entities, ..Document::default() } };
    std::iter::once(head)
        .chain(docs[k + 1..].iter().map(|d| GoldDoc { corpus: d.corpus.clone(), form: d.form, doc: d.doc.clone() }))
        .collect()
}
