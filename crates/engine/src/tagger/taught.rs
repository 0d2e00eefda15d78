//! What a person taught the model: weights added on top of the shipped ones, learned online from
//! each corrected sentence. The shipped (averaged, quantized) weights are never changed, so a
//! reset is dropping this, and sharing it is sharing this alone (a file of a few kilobytes,
//! checked against the model it was taught on).
//!
//! An update is passive–aggressive (Crammer et al. 2006) with loss-augmented decoding: the
//! smallest change of the weights of the wrong words' own features (their form and stems) that
//! makes the corrected sentence score above any other by a margin per wrong tag, so a correction
//! takes at once, and follows the word into other sentences and documents.

use super::features::Hash as _;
use super::{features, Features, Model, ModelError, START, TAGS};
use std::collections::HashMap;

const MAGIC: &[u8; 8] = b"WASIMTAU";
const FILE_VERSION: u32 = 1;

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

/// The score by which the corrected tags must beat the model's own, per word it got wrong, in
/// units of the model's temperature (the score difference that makes odds of e to 1): a clear
/// margin, so that the correction holds in other sentences, where only the word's own features
/// carry it. One and a half temperatures: two corrections of a name carry it into new sentences
/// (tested). The better the model reads a lesson's sentence, the less it learns from it: with
/// the vocabulary feature the model half-finds a made-up name in its lessons already, and one
/// temperature no longer carried it into a harder sentence (`wasim learn-curve` on ANERcorp dev,
/// 200 sentences corrected: 0.786 with one, 0.784 with one and a half).
const MARGIN: f32 = 1.5;
/// The largest step of one update, in temperatures: a single update cannot outweigh everything
/// else; a correction the model resists takes several.
const MAX_STEP: f32 = 1.0 / 16.0;
/// Updates per correction, until the sentence comes out right with the margin.
const MAX_ROUNDS: usize = 8;
/// A margin missed by less than this (in temperatures) is met: rounding, not a wrong tag.
const TOLERANCE: f32 = 1e-3;

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
    /// weights changed (they do not when the model already tags it so, with the margin).
    pub fn learn(&mut self, feats: &Features, gold: &[usize]) -> bool {
        if feats.len() != gold.len() || gold.is_empty() {
            return false;
        }
        let mut changed = false;
        let margin = MARGIN * self.calibration.temperature;
        for _ in 0..MAX_ROUNDS {
            // Loss-augmented decoding: the best sequence once every wrong tag is given the
            // margin; when that is the corrected one, the correction holds with room to spare.
            let mut em = self.emissions(feats, true);
            for (w, &g) in gold.iter().enumerate() {
                for t in (0..TAGS).filter(|&t| t != g) {
                    em[w * TAGS + t] += margin;
                }
            }
            let pred = super::viterbi(&em, gold.len(), |p, q| self.transition(p, q));
            let wrong = pred.iter().zip(gold).filter(|(p, g)| p != g).count();
            if wrong == 0 {
                break;
            }
            // Φ(gold) − Φ(pred) by (row, tag), over the features that name the wrong words
            // themselves: a correction is about a word (a name the model does not know, a word it
            // keeps taking for a name), and changing the features words share (their shape, their
            // lists, their context) from a handful of sentences hurts elsewhere (measured with
            // `wasim learn-curve`).
            let mut delta: HashMap<(u32, usize), f32> = HashMap::new();
            for (w, (&g, &p)) in gold.iter().zip(&pred).enumerate() {
                if g == p {
                    continue;
                }
                for &f in feats.lexical(w) {
                    let r = self.row(f.wide()) as u32;
                    *delta.entry((r, g)).or_default() += 1.0;
                    *delta.entry((r, p)).or_default() -= 1.0;
                }
            }
            delta.retain(|_, v| *v != 0.0);
            let norm: f32 = delta.values().map(|v| v * v).sum();
            if norm == 0.0 {
                break;
            }
            let loss = self.score(feats, &pred) - self.score(feats, gold) + margin * wrong as f32;
            if loss <= TOLERANCE * self.calibration.temperature {
                break;
            }
            let step = (loss / norm).min(MAX_STEP * self.calibration.temperature);
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

impl Model {
    /// What was taught, as the bytes of a file to keep or share: `WASIMTAU`, versions, the
    /// fingerprint of the model it was taught on, the number of corrections and since when, then
    /// the taught rows (checksummed, DEFLATE-compressed).
    pub fn taught_bytes(&self) -> Vec<u8> {
        let t = &self.taught;
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FILE_VERSION.to_le_bytes());
        out.extend_from_slice(&features::VERSION.to_le_bytes());
        out.extend_from_slice(&self.fingerprint().to_le_bytes());
        out.extend_from_slice(&t.corrections.to_le_bytes());
        let since = t.since.as_deref().unwrap_or("").as_bytes();
        out.extend_from_slice(&(since.len().min(255) as u8).to_le_bytes());
        out.extend_from_slice(&since[..since.len().min(255)]);
        let mut rows: Vec<(&u32, &[f32; TAGS])> = t.rows.iter().collect();
        rows.sort_by_key(|(r, _)| **r);
        let mut payload = Vec::with_capacity(rows.len() * (4 + 4 * TAGS));
        payload.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (r, w) in rows {
            payload.extend_from_slice(&r.to_le_bytes());
            for x in w {
                payload.extend_from_slice(&x.to_le_bytes());
            }
        }
        super::file::seal(&mut out, &payload);
        out
    }

    /// Takes what was taught from a file made by [`Model::taught_bytes`] (in place of what this
    /// model was taught). Nothing changes when the file is refused.
    pub fn load_taught(&mut self, bytes: &[u8]) -> Result<(), ModelError> {
        self.taught = self.read_taught(bytes)?;
        Ok(())
    }

    fn read_taught(&self, bytes: &[u8]) -> Result<Taught, ModelError> {
        if bytes.get(..MAGIC.len()) != Some(MAGIC.as_slice()) {
            return Err(ModelError::NotAModel);
        }
        let damaged = |what: &str| ModelError::Damaged(what.to_string());
        let u32_at = |at: usize| -> Result<u32, ModelError> {
            let b = bytes.get(at..at + 4).ok_or_else(|| damaged("cut short"))?;
            Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        };
        let (file, feats) = (u32_at(8)?, u32_at(12)?);
        if file != FILE_VERSION || feats != features::VERSION {
            return Err(ModelError::Version { file, features: feats });
        }
        let fp = bytes.get(16..24).ok_or_else(|| damaged("cut short"))?;
        let fp = u64::from_le_bytes([fp[0], fp[1], fp[2], fp[3], fp[4], fp[5], fp[6], fp[7]]);
        if fp != self.fingerprint() {
            return Err(ModelError::OtherModel);
        }
        let corrections = u32_at(24)?;
        let len = usize::from(*bytes.get(28).ok_or_else(|| damaged("cut short"))?);
        let since = bytes.get(29..29 + len).ok_or_else(|| damaged("cut short"))?;
        let since = std::str::from_utf8(since).map_err(|_| damaged("its date is not text"))?;
        let payload = super::file::unseal(&bytes[29 + len..])?;
        let f32_at = |at: usize| -> Option<f32> {
            payload.get(at..at + 4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        };
        let count =
            payload.get(..4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).ok_or_else(|| damaged("empty"))?;
        let size = 4 + 4 * TAGS;
        if payload.len() != 4 + count as usize * size {
            return Err(damaged("its length does not match its rows"));
        }
        let mut rows = HashMap::with_capacity(count as usize);
        for k in 0..count as usize {
            let at = 4 + k * size;
            let r = u32::from_le_bytes([payload[at], payload[at + 1], payload[at + 2], payload[at + 3]]);
            if (r as usize) >> self.bits != 0 {
                return Err(damaged("a row past the table"));
            }
            let mut w = [0.0f32; TAGS];
            for (t, x) in w.iter_mut().enumerate() {
                *x = f32_at(at + 4 + 4 * t)
                    .filter(|x| x.is_finite())
                    .ok_or_else(|| damaged("a weight is not a number"))?;
            }
            rows.insert(r, w);
        }
        Ok(Taught { rows, corrections, since: (!since.is_empty()).then(|| since.to_string()) })
    }
}
