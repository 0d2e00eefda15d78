//! What a person taught the model: weights added on top of the shipped ones, learned online from
//! each corrected sentence. The shipped (averaged, quantized) weights are never changed, so a
//! reset is dropping this, and sharing it is sharing this alone (a file of a few kilobytes,
//! checked against the model it was taught on).
//!
//! An update is passive–aggressive (Crammer et al. 2006): the smallest change of the weights that
//! makes the corrected sentence score above the model's own answer by a margin that grows with
//! the number of wrong tags, so a correction takes at once, and a second one on another sentence
//! generalizes through the shared features (the word, its stem, its context).

use super::{Features, Model, START, TAGS};
use std::collections::HashMap;

/// Weights a person taught, by feature row; transitions are not taught (they are about
/// language, not about the words a person corrects).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Taught {
    rows: HashMap<u32, [f32; TAGS]>,
    /// How many corrections taught it.
    pub corrections: u32,
    /// When the first correction was made, as the caller tells it (an ISO date in the app).
    pub since: Option<String>,
}

/// The largest step of one update: a single correction cannot outweigh everything else.
const MAX_STEP: f32 = 4.0;
/// Updates per correction, until the sentence comes out right.
const MAX_ROUNDS: usize = 4;

impl Taught {
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
    pub(super) fn row(&self, r: u32) -> Option<&[f32; TAGS]> {
        if self.rows.is_empty() {
            None
        } else {
            self.rows.get(&r)
        }
    }
    pub(super) fn transition(&self, _prev: usize, _next: usize) -> f32 {
        0.0
    }
    /// How many feature rows carry taught weights.
    pub fn len(&self) -> usize {
        self.rows.len()
    }
}

impl Model {
    /// Learns from one corrected sentence: `gold` are its right tags. Returns whether the
    /// weights changed (they do not when the model already tags it so).
    pub fn learn(&mut self, feats: &Features, gold: &[usize]) -> bool {
        if feats.len() != gold.len() || gold.is_empty() {
            return false;
        }
        let mut changed = false;
        for _ in 0..MAX_ROUNDS {
            let pred = self.decode(feats);
            let wrong = pred.iter().zip(gold).filter(|(p, g)| p != g).count();
            if wrong == 0 {
                break;
            }
            // Φ(gold) − Φ(pred), by (row, tag).
            let mut delta: HashMap<(u32, usize), f32> = HashMap::new();
            for (w, (&g, &p)) in gold.iter().zip(&pred).enumerate() {
                if g == p {
                    continue;
                }
                for &f in feats.of(w) {
                    let r = self.row(f) as u32;
                    *delta.entry((r, g)).or_default() += 1.0;
                    *delta.entry((r, p)).or_default() -= 1.0;
                }
            }
            delta.retain(|_, v| *v != 0.0);
            let norm: f32 = delta.values().map(|v| v * v).sum();
            if norm == 0.0 {
                break;
            }
            let margin = (wrong as f32).sqrt();
            let loss = self.score(feats, &pred) - self.score(feats, gold) + margin;
            let step = (loss / norm).clamp(0.0, MAX_STEP);
            if step == 0.0 {
                break;
            }
            for ((r, t), v) in delta {
                self.taught.rows.entry(r).or_insert([0.0; TAGS])[t] += step * v;
            }
            changed = true;
        }
        if changed {
            self.taught.corrections += 1;
        }
        changed
    }

    /// The score of a tag sequence for a sentence, with what was taught.
    fn score(&self, feats: &Features, tags: &[usize]) -> f32 {
        let em = self.emissions(feats, true);
        let mut prev = START;
        let mut s = 0.0;
        for (w, &t) in tags.iter().enumerate() {
            s += em[w * TAGS + t] + self.transition(prev, t);
            prev = t;
        }
        s
    }

    /// Forgets what was taught: back to the shipped model.
    pub fn reset(&mut self) {
        self.taught = Taught::default();
    }
}
