//! The learned tagger: a linear-chain model over BIO tags of PER, ORG and LOC, with hashed
//! features of Wasim's own analysis (see `tagger/features.rs`), transition scores and Viterbi
//! decoding, trained as an averaged structured perceptron on annotated corpora
//! (`tagger/train.rs`). Its weights are data (`model/wasim.model`), quantized to one byte each;
//! a person's corrections teach it on top of them (`tagger/taught.rs`) without touching them.
//!
//! Why our own small core and not a crate: the model must update online in microseconds (the
//! corrections a person makes in the page), keep its weights as compact bytes for the download,
//! and compute features without allocating; the CRF crates for wasm store weights in string-keyed
//! maps or write through the file system.

pub mod features;
mod file;
mod taught;
pub mod train;
mod vocab;

use crate::document::Label;
pub use features::Features;
pub use file::ModelError;
pub use taught::Taught;
pub use vocab::Vocabulary;

/// The labels the model tags.
pub const LABELS: [Label; 3] = [Label::PER, Label::ORG, Label::LOC];
/// Tags: O, then B and I of each label.
pub const TAGS: usize = 1 + 2 * LABELS.len();
/// The row of the transition table for the sentence start.
const START: usize = TAGS;

/// A tag's index: 0 for O, `1 + 2k` for B of label k, `2 + 2k` for I.
pub fn tag_of(label: Label, inside: bool) -> Option<usize> {
    LABELS.iter().position(|&l| l == label).map(|k| 1 + 2 * k + usize::from(inside))
}

/// The label of a tag (`None` for O) and whether it is an inside tag.
pub fn label_of(tag: usize) -> Option<(Label, bool)> {
    (tag > 0 && tag < TAGS).then(|| (LABELS[(tag - 1) / 2], (tag - 1) % 2 == 1))
}

/// Whether tag `next` may follow tag `prev` (`START` at the beginning): an inside tag only
/// continues its own label.
fn allowed(prev: usize, next: usize) -> bool {
    match label_of(next) {
        Some((l, true)) => label_of(prev).is_some_and(|(p, _)| p == l),
        _ => true,
    }
}

/// A trained model: hashed emission weights (one signed byte per feature row and tag, times
/// `scale`), transition weights, and how its scores map to probabilities.
#[derive(Clone)]
pub struct Model {
    bits: u8,
    /// How the one-byte weights read: a byte `q` weighs `q · quant.step()`.
    quant: Quant,
    weights: Vec<i8>,
    /// `transitions[prev * TAGS + next]`, prev up to `START`.
    transitions: Vec<f32>,
    /// Entity marginals are computed at this temperature, then calibrated: p' = σ(a·logit(p) + b).
    pub calibration: Calibration,
    pub info: Info,
    /// What a person taught on top of the weights.
    pub taught: Taught,
    /// The stems the training text wrote often (see [`Vocabulary`]); set with
    /// [`Model::set_vocab`], which keeps the fingerprint.
    vocab: Vocabulary,
    /// Worked out when first asked (see [`Model::fingerprint`]): annotating never asks. Boxed:
    /// a cell inside the model itself would keep the compiler from taking its weights as
    /// unchanging while it tags (measured: 46 M instructions more on the real sample).
    fingerprint: Box<std::sync::OnceLock<u64>>,
}

/// How weights are stored in one byte: `q = round(127 · w / max)`. Linear, so that a word's score
/// is an exact sum of bytes scaled once. (`gamma`, kept in model files, must be 1: measured on
/// development data, 0.5 and 0.33 scored the same as 1 and made a larger file.)
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quant {
    pub max: f32,
    pub gamma: f32,
}

impl Default for Quant {
    fn default() -> Quant {
        Quant { max: 127.0, gamma: 1.0 }
    }
}

impl Quant {
    /// The byte of a weight.
    pub fn byte(&self, w: f32) -> i8 {
        if self.max <= 0.0 {
            return 0;
        }
        let q = 127.0 * (w.abs() / self.max).min(1.0);
        (q.round() * w.signum()) as i8
    }
    /// The weight of one step of a byte.
    pub fn step(&self) -> f32 {
        self.max / 127.0
    }
}

/// How raw marginals become confidences that mean what they say (fitted on development data).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Calibration {
    pub temperature: f32,
    pub a: f32,
    pub b: f32,
}

impl Default for Calibration {
    fn default() -> Calibration {
        Calibration { temperature: 1.0, a: 1.0, b: 0.0 }
    }
}

/// What a model file says about itself.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Info {
    /// The corpora it was trained on, with their sentence counts.
    pub trained_on: Vec<(String, usize)>,
    pub epochs: usize,
    pub seed: u64,
    /// Feature rows that carry a weight.
    pub rows: usize,
}

/// A tagged entity: its first and last word (indices into the sentence's words), label and
/// confidence.
#[derive(Clone, Debug, PartialEq)]
pub struct Tagged {
    pub first: usize,
    pub last: usize,
    pub label: Label,
    pub confidence: f32,
    /// Whether what a person taught changed this decision.
    pub taught: bool,
}

impl Model {
    /// An empty model (all weights zero) of 2^`bits` feature rows, for training.
    pub fn empty(bits: u8) -> Model {
        Model {
            bits,
            quant: Quant::default(),
            weights: vec![0; (1usize << bits) * TAGS],
            transitions: vec![0.0; (TAGS + 1) * TAGS],
            calibration: Calibration::default(),
            info: Info::default(),
            taught: Taught::default(),
            vocab: Vocabulary::default(),
            fingerprint: Box::default(),
        }
    }

    /// Gives the model the vocabulary its features were trained with.
    pub fn set_vocab(&mut self, vocab: Vocabulary) {
        self.vocab = vocab;
        *self.fingerprint = std::sync::OnceLock::new();
    }

    /// The features' context of the words `a` with the rules' proposals `hints`, each word
    /// marked seen or not by the model's vocabulary.
    pub fn context(
        &self,
        a: &crate::words::Words,
        lex: &crate::lexicon::Lexicon,
        hints: impl IntoIterator<Item = features::Hint<'static>>,
    ) -> features::Context {
        let mut ctx = features::Context::new(a, lex, hints);
        ctx.mark_seen(|bare| self.vocab.knows(bare));
        ctx
    }

    /// Whether the training text wrote the stem `key` (search-normalized, article or not) often
    /// enough to count as seen (see [`Vocabulary`]).
    pub fn has_seen(&self, key: &str) -> bool {
        self.vocab.knows(features::bare_hash(key))
    }

    pub fn bits(&self) -> u8 {
        self.bits
    }

    /// The row of a feature hash.
    #[inline]
    fn row(&self, f: u64) -> usize {
        (f >> (64 - u32::from(self.bits))) as usize
    }

    /// Adds the bytes of feature hashes' rows to `q` (one sum per tag).
    #[inline]
    fn add<H: features::Hash>(&self, hashes: &[H], q: &mut [i32]) {
        for &f in hashes {
            let r = self.row(f.wide());
            for (s, &b) in q.iter_mut().zip(&self.weights[r * TAGS..(r + 1) * TAGS]) {
                *s += i32::from(b);
            }
        }
    }

    /// Adds what a person taught on feature hashes' rows to `out` (one per tag).
    fn add_taught<H: features::Hash>(&self, hashes: &[H], out: &mut [f32]) {
        for &f in hashes {
            if let Some(d) = self.taught.row(self.row(f.wide()) as u32) {
                for (o, d) in out.iter_mut().zip(d) {
                    *o += d;
                }
            }
        }
    }

    /// The sums of every word's features of a sentence (`q[w * TAGS + t]` of bytes, `taught` of
    /// what was taught, empty when not `with_taught` or nothing was). The part of each word's
    /// form comes from `cache` when given (filled on first use; one per text and model).
    fn sums(&self, feats: &Features, with_taught: bool, mut cache: Option<&mut FormScores>) -> Sums {
        let n = feats.len();
        let with_taught = with_taught && !self.taught.is_empty();
        let mut sums = Sums { q: vec![0; n * TAGS], taught: vec![0.0; if with_taught { n * TAGS } else { 0 }] };
        for w in 0..n {
            let q = &mut sums.q[w * TAGS..(w + 1) * TAGS];
            match cache.as_deref_mut() {
                Some(c) => {
                    let f = feats.form(w);
                    if c.0.len() <= f {
                        c.0.resize(f + 1, None);
                    }
                    q.copy_from_slice(c.0[f].get_or_insert_with(|| {
                        let mut v = [0; TAGS];
                        let (own, text) = feats.statics(w);
                        self.add(own, &mut v);
                        self.add(text, &mut v);
                        v
                    }));
                }
                None => {
                    let (own, text) = feats.statics(w);
                    self.add(own, q);
                    self.add(text, q);
                }
            }
            self.add(feats.dynamics(w), q);
            if with_taught {
                let out = &mut sums.taught[w * TAGS..(w + 1) * TAGS];
                // In the order of the features, as f32 sums depend on it.
                let (own, text) = feats.statics(w);
                self.add_taught(own, out);
                self.add_taught(text, out);
                self.add_taught(feats.dynamics(w), out);
            }
        }
        sums
    }

    /// The emission scores of sums: `scores[w * TAGS + t]`.
    fn scores(&self, q: &[i32], taught: &[f32]) -> Vec<f32> {
        let step = self.quant.step();
        let mut em: Vec<f32> = q.iter().map(|&s| s as f32 * step).collect();
        for (e, t) in em.iter_mut().zip(taught) {
            *e += t;
        }
        em
    }

    /// Emission scores of every word of a sentence: `scores[w * TAGS + t]`, with what a person
    /// taught when `with_taught`.
    fn emissions(&self, feats: &Features, with_taught: bool) -> Vec<f32> {
        let sums = self.sums(feats, with_taught, None);
        self.scores(&sums.q, &sums.taught)
    }

    fn transition(&self, prev: usize, next: usize) -> f32 {
        if !allowed(prev, next) {
            return f32::NEG_INFINITY;
        }
        self.transitions[prev * TAGS + next] + self.taught.transition(prev, next)
    }

    /// The best tag sequence for a sentence (empty for no words).
    pub fn decode(&self, feats: &Features) -> Vec<usize> {
        viterbi(&self.emissions(feats, true), feats.len(), |p, n| self.transition(p, n))
    }

    /// The entities of a sentence with calibrated confidences.
    pub fn tag(&self, feats: &Features) -> Vec<Tagged> {
        let base = (!self.taught.is_empty()).then(|| self.emissions(feats, false));
        self.tag_scores(&self.emissions(feats, true), base.as_deref())
    }

    /// The entities of a sentence from its emission scores `em`; `base`, the scores without what
    /// was taught (when something was), tells which entities the teaching made.
    fn tag_scores(&self, em: &[f32], base: Option<&[f32]>) -> Vec<Tagged> {
        let n = em.len() / TAGS;
        if n == 0 {
            return Vec::new();
        }
        let trans = |p: usize, q: usize| self.transition(p, q);
        let tags = viterbi(em, n, trans);
        if tags.iter().all(|&t| t == 0) {
            return Vec::new();
        }
        let untaught = base.map(|base| {
            viterbi(base, n, |p, q| if allowed(p, q) { self.transitions[p * TAGS + q] } else { f32::NEG_INFINITY })
        });
        let marginals = Marginals::new(em, n, self.calibration.temperature, trans);
        let mut out = Vec::new();
        let mut w = 0;
        while w < n {
            let Some((label, _)) = label_of(tags[w]) else {
                w += 1;
                continue;
            };
            let mut last = w;
            while last + 1 < n && label_of(tags[last + 1]) == Some((label, true)) {
                last += 1;
            }
            let p = marginals.segment(&tags, w, last);
            let taught = untaught.as_ref().is_some_and(|u| u[w..=last] != tags[w..=last]);
            out.push(Tagged { first: w, last, label, confidence: self.calibration.apply(p), taught });
            w = last + 1;
        }
        out
    }
}

/// The byte sums of each form's features, computed once per text (see [`Model::tag_text`]).
#[derive(Default)]
struct FormScores(Vec<Option<[i32; TAGS]>>);

/// The sums of a sentence's or a text's features (see [`Model::sums`]).
#[derive(Default)]
struct Sums {
    q: Vec<i32>,
    taught: Vec<f32>,
}

/// The sentences of a text as ranges of word indices.
pub type Sentences = [std::ops::Range<usize>];

impl Model {
    /// Tags a whole text in two passes: the second sees how the first tagged each word elsewhere
    /// in the text (a name found once is found again). Returns each sentence's start and its
    /// entities (word indices relative to that start).
    pub fn tag_text(&self, ctx: &mut features::Context, sentences: &Sentences) -> Vec<(usize, Vec<Tagged>)> {
        let mut feats = Features::default();
        ctx.first_pass(None);
        let mut sums = TextSums::default();
        let first = {
            // The forms' scores serve the first pass only.
            let mut cache = FormScores(vec![None; ctx.form_count()]);
            self.first_pass_with(ctx, sentences, &mut feats, &mut cache, &mut sums)
        };
        ctx.first_pass(Some(&first));
        // The second pass: the first-pass features come last in a word's features, and sums are
        // exact, so adding theirs to the first pass's gives the sums of the whole features.
        let mut q = Vec::new();
        sentences
            .iter()
            .map(|r| {
                let words = r.start..r.end.min(ctx.len());
                q.clear();
                q.resize(words.len() * TAGS, 0);
                for (k, q) in words.clone().zip(q.chunks_exact_mut(TAGS)) {
                    sums.get(k, q);
                    self.add(ctx.predicted(k), q);
                }
                let taught = sums.taught.get_mut(words.start * TAGS..words.end * TAGS).unwrap_or_default();
                for (k, out) in words.clone().zip(taught.chunks_exact_mut(TAGS)) {
                    self.add_taught(ctx.predicted(k), out);
                }
                let em = self.scores(&q, taught);
                let base = (!self.taught.is_empty()).then(|| {
                    ctx.sentence(r.clone(), &mut feats);
                    self.emissions(&feats, false)
                });
                (r.start, self.tag_scores(&em, base.as_deref()))
            })
            .collect()
    }

    /// The tags of every word of the text (0 outside sentences) from one pass without first-pass
    /// features.
    pub fn first_pass(&self, ctx: &features::Context, sentences: &Sentences, feats: &mut Features) -> Vec<u8> {
        self.first_pass_with(ctx, sentences, feats, &mut FormScores::default(), &mut TextSums::default())
    }

    /// The first pass, leaving every word's sums in `sums`.
    fn first_pass_with(
        &self,
        ctx: &features::Context,
        sentences: &Sentences,
        feats: &mut Features,
        cache: &mut FormScores,
        sums: &mut TextSums,
    ) -> Vec<u8> {
        let mut tags = vec![0u8; ctx.len()];
        let with_taught = !self.taught.is_empty();
        *sums = TextSums {
            q: vec![0; ctx.len() * TAGS],
            wide: Vec::new(),
            taught: vec![0.0; if with_taught { ctx.len() * TAGS } else { 0 }],
        };
        for r in sentences {
            ctx.sentence(r.clone(), feats);
            let s = self.sums(feats, true, Some(cache));
            for (k, q) in s.q.chunks_exact(TAGS).enumerate() {
                sums.put(r.start + k, q);
            }
            if with_taught {
                sums.taught[r.start * TAGS..][..s.taught.len()].copy_from_slice(&s.taught);
            }
            let em = self.scores(&s.q, &s.taught);
            for (k, t) in viterbi(&em, feats.len(), |p, q| self.transition(p, q)).into_iter().enumerate() {
                // A tag is below `TAGS`: one byte.
                tags[r.start + k] = t as u8;
            }
        }
        sums.wide.sort_unstable_by_key(|w| w.0);
        tags
    }
}

/// The first pass's sums of every word of a text, kept for the second pass: two bytes a sum
/// where all of a word's fit (nearly always: a word has a few dozen features of one byte each),
/// its four-byte sums apart otherwise, so that every sum stays exact.
#[derive(Default)]
struct TextSums {
    /// `q[w * TAGS + t]`; [`TextSums::WIDE`] first for a word whose sums are in `wide`.
    q: Vec<i16>,
    /// The sums that do not fit in two bytes, by word.
    wide: Vec<(usize, [i32; TAGS])>,
    taught: Vec<f32>,
}

impl TextSums {
    const WIDE: i16 = i16::MIN;

    /// Keeps the sums `q` (one per tag) of word `w`.
    fn put(&mut self, w: usize, q: &[i32]) {
        let Some(slot) = self.q.get_mut(w * TAGS..(w + 1) * TAGS) else { return };
        let narrow = |x: i32| i16::try_from(x).ok().filter(|&x| x != Self::WIDE);
        if q.iter().all(|&x| narrow(x).is_some()) {
            for (s, &x) in slot.iter_mut().zip(q) {
                *s = narrow(x).unwrap_or(0);
            }
        } else {
            slot[0] = Self::WIDE;
            let mut all = [0; TAGS];
            for (a, &x) in all.iter_mut().zip(q) {
                *a = x;
            }
            self.wide.push((w, all));
        }
    }

    /// The sums of word `w` into `out` (one per tag).
    fn get(&self, w: usize, out: &mut [i32]) {
        let Some(slot) = self.q.get(w * TAGS..(w + 1) * TAGS) else { return };
        if slot[0] == Self::WIDE {
            let k = self.wide.partition_point(|x| x.0 < w);
            if let Some((_, all)) = self.wide.get(k).filter(|x| x.0 == w) {
                out.copy_from_slice(all);
            }
        } else {
            for (o, &s) in out.iter_mut().zip(slot) {
                *o = i32::from(s);
            }
        }
    }
}

/// The tag of every word: B on the word holding an entity's start, I on the words after it.
pub fn gold_tags(a: &crate::words::Words, entities: &[crate::document::Entity]) -> Vec<usize> {
    let mut tags = vec![0; a.words.len()];
    for e in entities.iter().filter(|e| LABELS.contains(&e.label)) {
        let first = a.word_holding(e.span.start);
        let mut k = first;
        while k < a.words.len() && a.words[k].span.start < e.span.end {
            tags[k] = tag_of(e.label, k > first).unwrap_or(0);
            k += 1;
        }
    }
    tags
}

impl Calibration {
    /// The calibrated probability of a raw marginal.
    pub fn apply(&self, p: f32) -> f32 {
        let p = p.clamp(1e-4, 1.0 - 1e-4);
        let logit = (p / (1.0 - p)).ln();
        1.0 / (1.0 + (-(self.a * logit + self.b)).exp())
    }
}

/// Viterbi over `n` words with emission scores `em[w * TAGS + t]` and transition scores.
fn viterbi(em: &[f32], n: usize, trans: impl Fn(usize, usize) -> f32) -> Vec<usize> {
    if n == 0 {
        return Vec::new();
    }
    // The transitions into each tag, asked once: `into[next][prev]`.
    let into: [[f32; TAGS + 1]; TAGS] = std::array::from_fn(|t| std::array::from_fn(|p| trans(p, t)));
    let mut back = vec![[0u8; TAGS]; n];
    let mut score: [f32; TAGS] = std::array::from_fn(|t| into[t][START] + em[t]);
    for (w, back) in back.iter_mut().enumerate().skip(1) {
        let em: &[f32; TAGS] = em[w * TAGS..].first_chunk().unwrap_or(&[0.0; TAGS]);
        let mut next = [f32::NEG_INFINITY; TAGS];
        for t in 0..TAGS {
            let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
            for p in 0..TAGS {
                let s = score[p] + into[t][p];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            next[t] = best + em[t];
            back[t] = arg as u8;
        }
        score = next;
    }
    let mut t = (0..TAGS).max_by(|&a, &b| score[a].total_cmp(&score[b])).unwrap_or(0);
    let mut tags = vec![0; n];
    for w in (0..n).rev() {
        tags[w] = t;
        t = usize::from(back[w][t]);
    }
    tags
}

/// Forward–backward over a sentence's tags, for the probability of each entity the best path
/// holds. In probability space, each word's vector scaled to sum to one (f64), and the logs of the
/// scales kept to return to log space: one `exp` per word and tag, where sums of logs took one
/// per pair of tags.
struct Marginals {
    n: usize,
    /// The forward and backward vectors of each word, scaled (`[w * TAGS + t]`).
    alpha: Vec<f64>,
    beta: Vec<f64>,
    /// The log of what the scaling took out of each word's forward vector (all the words to it)
    /// and of its backward vector (all the words after it).
    alpha_log: Vec<f64>,
    beta_log: Vec<f64>,
    /// Each word's emissions in probability space, over their largest (`[w * TAGS + t]`), and
    /// that largest (log).
    emp: Vec<f64>,
    em_max: Vec<f64>,
    /// Scaled emissions and transitions (log), and the transitions in probability space.
    em: Vec<f32>,
    trans: Vec<f32>,
    transp: Vec<f64>,
    log_z: f64,
}

impl Marginals {
    fn new(em: &[f32], n: usize, temperature: f32, trans: impl Fn(usize, usize) -> f32) -> Marginals {
        let k = 1.0 / temperature.max(1e-3);
        let em: Vec<f32> = em.iter().map(|x| x * k).collect();
        let tr: Vec<f32> = (0..(TAGS + 1) * TAGS).map(|i| trans(i / TAGS, i % TAGS) * k).collect();
        // A transition not allowed (−∞) has probability 0.
        let transp: Vec<f64> = tr.iter().map(|&x| f64::from(x).exp()).collect();
        let mut em_max = vec![0.0f64; n];
        let mut emp = vec![0.0f64; n * TAGS];
        for w in 0..n {
            let row = &em[w * TAGS..(w + 1) * TAGS];
            let m = f64::from(row.iter().copied().fold(f32::NEG_INFINITY, f32::max));
            em_max[w] = m;
            for (p, &x) in emp[w * TAGS..(w + 1) * TAGS].iter_mut().zip(row) {
                *p = (f64::from(x) - m).exp();
            }
        }
        // Scales a word's vector to sum to one and returns the log of the sum.
        let scale = |v: &mut [f64]| {
            let s: f64 = v.iter().sum();
            if s > 0.0 {
                v.iter_mut().for_each(|x| *x /= s);
            }
            s.ln()
        };
        let mut alpha = vec![0.0f64; n * TAGS];
        let mut alpha_log = vec![0.0f64; n];
        for w in 0..n {
            for t in 0..TAGS {
                let into = if w == 0 {
                    transp[START * TAGS + t]
                } else {
                    (0..TAGS).map(|p| alpha[(w - 1) * TAGS + p] * transp[p * TAGS + t]).sum()
                };
                alpha[w * TAGS + t] = into * emp[w * TAGS + t];
            }
            let before = if w == 0 { 0.0 } else { alpha_log[w - 1] };
            alpha_log[w] = before + scale(&mut alpha[w * TAGS..(w + 1) * TAGS]) + em_max[w];
        }
        let mut beta = vec![1.0f64; n * TAGS];
        let mut beta_log = vec![0.0f64; n];
        for w in (0..n.saturating_sub(1)).rev() {
            for t in 0..TAGS {
                beta[w * TAGS + t] =
                    (0..TAGS).map(|q| transp[t * TAGS + q] * emp[(w + 1) * TAGS + q] * beta[(w + 1) * TAGS + q]).sum();
            }
            beta_log[w] = beta_log[w + 1] + scale(&mut beta[w * TAGS..(w + 1) * TAGS]) + em_max[w + 1];
        }
        let log_z = alpha_log.last().copied().unwrap_or(0.0);
        Marginals { n, alpha, beta, alpha_log, beta_log, emp, em_max, em, trans: tr, transp, log_z }
    }

    /// The probability that words `first..=last` carry exactly `tags` there and the entity ends
    /// at `last` (the next word is not inside it).
    fn segment(&self, tags: &[usize], first: usize, last: usize) -> f32 {
        let mut s = self.alpha[first * TAGS + tags[first]].ln() + self.alpha_log[first];
        for w in first + 1..=last {
            s += f64::from(self.trans[tags[w - 1] * TAGS + tags[w]] + self.em[w * TAGS + tags[w]]);
        }
        let end = tags[last];
        let rest = if last + 1 < self.n {
            let inside = label_of(end).and_then(|(l, _)| tag_of(l, true));
            let next = last + 1;
            let sum: f64 = (0..TAGS)
                .filter(|&q| Some(q) != inside)
                .map(|q| self.transp[end * TAGS + q] * self.emp[next * TAGS + q] * self.beta[next * TAGS + q])
                .sum();
            sum.ln() + self.em_max[next] + self.beta_log[next]
        } else {
            0.0
        };
        ((s + rest - self.log_z).exp() as f32).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests;
