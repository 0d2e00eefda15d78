//! Training: an averaged structured perceptron over sentences, in a seeded order (or several
//! such, their weights averaged: one order's model depends on its seed, the mean of five much
//! less), then the weights quantized to one byte each. Deterministic for a seed.

use super::{viterbi, Features, Info, Model, Quant, START, TAGS};

/// A sentence to learn from: its features and its gold tags.
pub struct Example {
    pub feats: Features,
    pub gold: Vec<usize>,
}

#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// 2^bits feature rows.
    pub bits: u8,
    pub epochs: usize,
    pub seed: u64,
    /// How many orders of the sentences to learn in (seeds `seed`, `seed + 1` …), the weights
    /// averaged.
    pub orders: usize,
}

/// Weights in training: the current ones and the running sum of updates weighted by when they
/// were made, so that the average over all steps is `w - u / c` (Daumé's trick).
struct Weights {
    bits: u8,
    w: Vec<f32>,
    u: Vec<f32>,
    tw: Vec<f32>,
    tu: Vec<f32>,
    c: f32,
}

impl Weights {
    fn row(&self, f: u64) -> usize {
        (f >> (64 - u32::from(self.bits))) as usize
    }

    fn decode(&self, feats: &Features) -> Vec<usize> {
        let n = feats.len();
        let mut em = vec![0.0f32; n * TAGS];
        for w in 0..n {
            for f in feats.of(w) {
                let r = self.row(f) * TAGS;
                for t in 0..TAGS {
                    em[w * TAGS + t] += self.w[r + t];
                }
            }
        }
        viterbi(&em, n, |p, q| if super::allowed(p, q) { self.tw[p * TAGS + q] } else { f32::NEG_INFINITY })
    }

    fn update(&mut self, feats: &Features, tags: &[usize], delta: f32) {
        let c = self.c;
        let mut prev = START;
        for (w, &t) in tags.iter().enumerate() {
            for f in feats.of(w) {
                let i = self.row(f) * TAGS + t;
                self.w[i] += delta;
                self.u[i] += c * delta;
            }
            let i = prev * TAGS + t;
            self.tw[i] += delta;
            self.tu[i] += c * delta;
            prev = t;
        }
    }
}

/// A small deterministic generator (xorshift64*) for the order of sentences.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1) as u64) as usize
    }
}

/// Trains a model on `examples`: one averaged perceptron per order of the sentences
/// ([`Options::orders`], seeded from [`Options::seed`]), their weights averaged; `progress` hears
/// after each epoch how many sentences it still got wrong.
pub fn train(examples: &[Example], opts: Options, mut progress: impl FnMut(usize, usize)) -> Model {
    let orders = opts.orders.max(1);
    let (mut avg, mut trans) = one_order(examples, opts, opts.seed, &mut progress);
    for k in 1..orders {
        let (more, more_trans) = one_order(examples, opts, opts.seed.wrapping_add(k as u64), &mut progress);
        avg.iter_mut().zip(&more).for_each(|(w, m)| *w += m);
        trans.iter_mut().zip(&more_trans).for_each(|(w, m)| *w += m);
    }
    avg.iter_mut().chain(trans.iter_mut()).for_each(|w| *w /= orders as f32);
    quantize(avg, trans, opts)
}

/// The averaged weights and transitions of a perceptron that read the sentences in the order of
/// `seed`.
fn one_order(
    examples: &[Example],
    opts: Options,
    seed: u64,
    progress: &mut impl FnMut(usize, usize),
) -> (Vec<f32>, Vec<f32>) {
    let size = 1usize << opts.bits;
    let mut m = Weights {
        bits: opts.bits,
        w: vec![0.0; size * TAGS],
        u: vec![0.0; size * TAGS],
        tw: vec![0.0; (TAGS + 1) * TAGS],
        tu: vec![0.0; (TAGS + 1) * TAGS],
        c: 1.0,
    };
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng::new(seed);
    for epoch in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let mut wrong = 0;
        for &k in &order {
            let ex = &examples[k];
            let pred = m.decode(&ex.feats);
            if pred != ex.gold {
                wrong += 1;
                m.update(&ex.feats, &ex.gold, 1.0);
                m.update(&ex.feats, &pred, -1.0);
            }
            m.c += 1.0;
        }
        progress(epoch + 1, wrong);
    }
    let avg = m.w.iter().zip(&m.u).map(|(w, u)| w - u / m.c).collect();
    let trans = m.tw.iter().zip(&m.tu).map(|(w, u)| w - u / m.c).collect();
    (avg, trans)
}

/// The averaged weights, quantized to signed bytes (see [`Quant`]).
fn quantize(avg: Vec<f32>, trans: Vec<f32>, opts: Options) -> Model {
    let max = avg.iter().fold(0.0f32, |a, w| a.max(w.abs()));
    let quant = Quant { max, gamma: 1.0 };
    let weights: Vec<i8> = avg.iter().map(|&w| quant.byte(w)).collect();
    let rows = weights.chunks(TAGS).filter(|r| r.iter().any(|&w| w != 0)).count();
    let mut model = Model::empty(opts.bits);
    model.quant = quant;
    model.weights = weights;
    model.transitions = trans;
    model.info = Info { trained_on: Vec::new(), epochs: opts.epochs, seed: opts.seed, rows };
    model
}
