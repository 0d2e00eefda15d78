//! The tagger's features, computed from Wasim's own analysis the same way at training and at run
//! time, hashed to 64 bits without building strings. For each word of a sentence:
//!
//! - the word: its normalized form, its best reading's stem with and without the article, its
//!   proclitics and enclitic, the stem's first and last two and three letters, its shape (Arabic,
//!   Latin capitalized or not, digits; length);
//! - what the lexicon says: the lists of the whole word and of any reading; the kinds and the
//!   position (first or inside) of the longest list phrase over it; the same lists for the words
//!   two before and two after;
//! - the words around it: the stems of the two before and after, and the bigrams with the one
//!   before and after;
//! - what the rules propose over it (so the model learns when to trust each rule): each
//!   candidate's rule, label and position;
//! - context: a title or a cue before or after, nationality adjective, tanween, inside
//!   quotation marks, first word of its sentence, punctuation before or after.
//!
//! A change here changes what models mean: bump [`VERSION`], and retrain.

use crate::document::Label;
use crate::lexicon::{Kind, Kinds, Lexicon};
use crate::normalize::key;
use crate::tokenize::TokenKind;
use crate::words::Words;
use crate::Span;
use std::ops::Range;

/// The version of the feature set; a model trained with another is refused.
pub const VERSION: u32 = 1;

/// A rule's proposal, as the tagger sees it.
#[derive(Clone, Copy, Debug)]
pub struct Hint<'a> {
    pub span: Span,
    pub label: Label,
    pub source: &'a str,
}

/// The feature hashes of the words of one sentence.
#[derive(Clone, Debug, Default)]
pub struct Features {
    hashes: Vec<u64>,
    /// Where each word's hashes start in `hashes`.
    starts: Vec<usize>,
    /// How many of each word's hashes, from its start, name the word itself (its form and stems)
    /// rather than its shape or context: a person's correction teaches these.
    lexical: Vec<u16>,
}

impl Features {
    pub fn len(&self) -> usize {
        self.starts.len()
    }
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
    /// The hashes of word `w`.
    pub fn of(&self, w: usize) -> &[u64] {
        let end = self.starts.get(w + 1).copied().unwrap_or(self.hashes.len());
        &self.hashes[self.starts[w]..end]
    }
    /// How many of word `w`'s hashes (the first ones) name the word itself.
    pub fn lexical(&self, w: usize) -> usize {
        usize::from(self.lexical[w])
    }
}

const SEED: u64 = 0x9E37_79B9_7F4A_7C15;

/// Mixes a value into a hash (a multiply–rotate step; good enough to spread features).
#[inline]
fn mix(h: u64, v: u64) -> u64 {
    (h ^ v).wrapping_mul(0xFF51_AFD7_ED55_8CCD).rotate_left(29) ^ SEED
}

#[inline]
fn hash_str(s: &str) -> u64 {
    let mut h = 0xCBF2_9CE4_8422_2325u64;
    for chunk in s.as_bytes().chunks(8) {
        let mut v = 0u64;
        for (i, b) in chunk.iter().enumerate() {
            v |= u64::from(*b) << (8 * i);
        }
        h = mix(h, v);
    }
    mix(h, s.len() as u64)
}

/// What is computed once per word of a text.
struct Word {
    key: u64,
    stem: u64,
    bare: u64,
    pre: u64,
    suf: u64,
    affixes: [u64; 4],
    /// Other readings' stems without the article (وكيت → كيت), for words in no list.
    alternatives: Vec<u64>,
    /// Letter trigrams of the stem, with its edges marked.
    trigrams: Vec<u64>,
    shape: u64,
    kinds: Kinds,
    any: Kinds,
    /// Kinds of the longest lexicon phrase over the word, and whether it starts there.
    phrase: Option<(Kinds, bool)>,
    flags: u64,
}

const FLAG_NATIONALITY: u64 = 1;
const FLAG_TANWEEN: u64 = 2;
const FLAG_CUE: u64 = 4;
const FLAG_QUOTED: u64 = 8;
const FLAG_PUNCT_BEFORE: u64 = 16;
const FLAG_TITLE: u64 = 32;
const FLAG_UNKNOWN: u64 = 64;
const FLAG_ARTICLE: u64 = 128;

/// The per-word facts of a whole text, and the rules' proposals by word.
pub struct Context {
    words: Vec<Word>,
    /// For each word, the labels (and positions) rules gave the same word anywhere in the text:
    /// a name a rule found once is a name everywhere.
    elsewhere: Vec<Vec<u64>>,
    /// For each word, the tags a first pass of the model gave the same word anywhere in the
    /// text (empty before the first pass, see [`Context::first_pass`]).
    predicted: Vec<Vec<u64>>,
    /// (word index, hash of rule and label, inside) for every rule proposal over a word.
    hints: Vec<(usize, u64, u64)>,
}

/// Kinds that name things (the phrase feature looks for these).
const NAME_KINDS: [Kind; 12] = [
    Kind::Country,
    Kind::City,
    Kind::Town,
    Kind::Region,
    Kind::GivenName,
    Kind::Surname,
    Kind::Person,
    Kind::Organization,
    Kind::Media,
    Kind::Title,
    Kind::OrgHead,
    Kind::PlaceHead,
];

impl Context {
    /// Computes the per-word facts of `a` and indexes the rules' proposals `hints`.
    pub fn new(a: &Words, lex: &Lexicon, hints: &[Hint]) -> Context {
        let mut words: Vec<Word> = Vec::with_capacity(a.words.len());
        let mut quoted = false;
        let mut phrase_until: Option<(usize, Kinds)> = None;
        for (i, w) in a.words.iter().enumerate() {
            let between = a.between(i);
            for c in between.chars() {
                if matches!(c, '“' | '«') {
                    quoted = true;
                } else if matches!(c, '”' | '»') {
                    quoted = false;
                } else if c == '"' {
                    quoted = !quoted;
                }
            }
            let best = w.stems.first();
            let stem = best.map_or(&*w.key, |s| &*s.key);
            let bare = stem.strip_prefix("ال").filter(|b| b.chars().count() >= 2).unwrap_or(stem);
            let pre = best.map_or(String::new(), |s| key(s.prefix.of(a.text)));
            let suf = best.map_or(String::new(), |s| key(s.suffix.of(a.text)));
            let chars: Vec<(usize, char)> = bare.char_indices().collect();
            let cut = |k: usize| chars.get(k).map_or(bare.len(), |(i, _)| *i);
            let tail = |k: usize| chars.len().checked_sub(k).map_or(0, |j| chars[j].0);
            let affixes = [
                mix(1, hash_str(&bare[..cut(2)])),
                mix(2, hash_str(&bare[..cut(3)])),
                mix(3, hash_str(&bare[tail(2)..])),
                mix(4, hash_str(&bare[tail(3)..])),
            ];
            let alternatives: Vec<u64> = w
                .stems
                .iter()
                .skip(1)
                .filter(|s| s.suffix.is_empty() && w.kinds.is_empty())
                .map(|s| hash_str(s.key.strip_prefix("ال").filter(|b| b.chars().count() >= 2).unwrap_or(&s.key)))
                .collect();
            let marked: Vec<char> = std::iter::once('^').chain(bare.chars()).chain(std::iter::once('$')).collect();
            let trigrams: Vec<u64> =
                marked.windows(3).map(|t| t.iter().fold(0x51u64, |h, c| mix(h, u64::from(*c)))).collect();
            let text = w.span.of(a.text);
            let n = w.key.chars().count();
            let length = match n {
                0..=2 => 0,
                3 => 1,
                4..=5 => 2,
                6..=8 => 3,
                _ => 4,
            };
            let latin = match w.kind {
                TokenKind::Latin if text.chars().all(|c| !c.is_lowercase()) => 1,
                TokenKind::Latin if text.starts_with(char::is_uppercase) => 2,
                TokenKind::Latin => 3,
                TokenKind::Number => 4,
                _ => 0,
            };
            let shape = mix(length, latin);
            // The longest list phrase over the word: starting here, or one begun before.
            let phrase = match a.phrase_at(lex, i, |k| k.any(&NAME_KINDS)) {
                Some(p) => {
                    phrase_until = Some((p.last, p.kinds));
                    Some((p.kinds, true))
                }
                None => phrase_until.filter(|(last, _)| *last >= i).map(|(_, k)| (k, false)),
            };
            let mut flags = 0;
            if w.nationality.is_some() {
                flags |= FLAG_NATIONALITY;
            }
            if w.tanween {
                flags |= FLAG_TANWEEN;
            }
            if w.is_cue() {
                flags |= FLAG_CUE;
            }
            if quoted {
                flags |= FLAG_QUOTED;
            }
            if between.chars().any(|c| !c.is_whitespace()) {
                flags |= FLAG_PUNCT_BEFORE;
            }
            if w.any.has(Kind::Title) {
                flags |= FLAG_TITLE;
            }
            if w.any.is_empty() {
                flags |= FLAG_UNKNOWN;
            }
            if stem.starts_with("ال") {
                flags |= FLAG_ARTICLE;
            }
            words.push(Word {
                key: hash_str(&w.key),
                stem: hash_str(stem),
                bare: hash_str(bare),
                pre: hash_str(&pre),
                suf: hash_str(&suf),
                affixes,
                alternatives,
                trigrams,
                shape,
                kinds: w.kinds,
                any: w.any,
                phrase,
                flags,
            });
        }
        let mut hints_by_word = Vec::new();
        for h in hints {
            let first = a.word_at(h.span.start).min(a.words.len());
            // The word holding the start (a span may start after a clitic, inside a word).
            let first = if first > 0 && a.words.get(first).is_none_or(|w| w.span.start > h.span.start) {
                first - 1
            } else {
                first
            };
            let tag = mix(hash_str(h.source), h.label as u64);
            for (k, w) in a.words.iter().enumerate().skip(first) {
                if w.span.start >= h.span.end {
                    break;
                }
                hints_by_word.push((k, tag, u64::from(k > first)));
            }
        }
        hints_by_word.sort_unstable_by_key(|h| h.0);
        let mut by_key: std::collections::HashMap<u64, Vec<u64>> = std::collections::HashMap::new();
        for h in hints {
            let first = a.word_at(h.span.start);
            let first = if first > 0 && a.words.get(first).is_none_or(|w| w.span.start > h.span.start) {
                first - 1
            } else {
                first
            };
            for (k, w) in a.words.iter().enumerate().skip(first) {
                if w.span.start >= h.span.end {
                    break;
                }
                if words[k].flags & FLAG_UNKNOWN != 0 || !w.any.has(Kind::Common) {
                    let v = by_key.entry(words[k].bare).or_default();
                    let tag = mix(h.label as u64, u64::from(k > first));
                    if !v.contains(&tag) {
                        v.push(tag);
                    }
                }
            }
        }
        let elsewhere = words.iter().map(|w| by_key.get(&w.bare).cloned().unwrap_or_default()).collect();
        let predicted = vec![Vec::new(); words.len()];
        Context { words, elsewhere, predicted, hints: hints_by_word }
    }

    /// Gives the context the tags a first pass gave every word of the text (`tags[w]` for word
    /// `w`; 0 for none): the second pass sees, for each word, how the same word was tagged
    /// elsewhere. `None` clears it.
    pub fn first_pass(&mut self, tags: Option<&[usize]>) {
        for p in &mut self.predicted {
            p.clear();
        }
        let Some(tags) = tags else { return };
        let mut by_key: std::collections::HashMap<u64, Vec<u64>> = std::collections::HashMap::new();
        for (w, &t) in self.words.iter().zip(tags) {
            if t != 0 {
                let v = by_key.entry(w.bare).or_default();
                if !v.contains(&(t as u64)) {
                    v.push(t as u64);
                }
            }
        }
        for (p, w) in self.predicted.iter_mut().zip(&self.words) {
            if let Some(v) = by_key.get(&w.bare) {
                p.extend_from_slice(v);
            }
        }
    }

    /// How many words the text has.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether a first pass was given.
    pub fn has_first_pass(&self) -> bool {
        self.predicted.iter().any(|p| !p.is_empty())
    }

    /// The features of the words `range` (one sentence) into `out` (cleared first).
    pub fn sentence(&self, range: Range<usize>, out: &mut Features) {
        out.hashes.clear();
        out.starts.clear();
        out.lexical.clear();

        let (lo, hi) = (range.start, range.end.min(self.words.len()));
        for i in lo..hi {
            out.starts.push(out.hashes.len());
            let f = &mut out.hashes;
            let w = &self.words[i];
            // The word itself.
            f.push(mix(10, w.key));
            f.push(mix(11, w.stem));
            f.push(mix(12, w.bare));
            f.extend(w.alternatives.iter().map(|b| mix(12, *b)));
            out.lexical.push((f.len() - out.starts[out.starts.len() - 1]) as u16);
            // The word with its neighbours.
            let prev = if i > lo { self.words[i - 1].bare } else { 1 };
            let next = if i + 1 < hi { self.words[i + 1].bare } else { 2 };
            f.push(mix(mix(27, prev), w.bare));
            f.push(mix(mix(28, w.bare), next));
            f.push(mix(
                mix(34, w.bare),
                if i + 1 < hi { self.words[i + 1].flags & (FLAG_UNKNOWN | FLAG_ARTICLE) } else { 255 },
            ));
            for (slot, off) in [(0u64, -2i64), (1, -1), (2, 1), (3, 2)] {
                let j = i as i64 + off;
                if j >= lo as i64 && j < hi as i64 {
                    f.push(mix(mix(22, slot), self.words[j as usize].bare));
                }
            }
            // Its form.
            f.push(mix(13, w.pre));
            f.push(mix(14, w.suf));
            f.extend(w.affixes.iter().map(|a| mix(15, *a)));
            f.extend(w.trigrams.iter().map(|t| mix(32, *t)));
            f.push(mix(0, 0));
            f.push(mix(16, w.shape));
            f.push(mix(17, w.flags));
            // What the lexicon says of it.
            for k in w.kinds.iter() {
                f.push(mix(18, k as u64));
            }
            for k in w.any.iter() {
                f.push(mix(19, k as u64));
            }
            if let Some((kinds, starts)) = w.phrase {
                for k in kinds.iter().filter(|k| NAME_KINDS.contains(k)) {
                    f.push(mix(mix(20, k as u64), u64::from(starts)));
                }
            }
            // The words around, within the sentence: what they are.
            for (slot, off) in [(0u64, -2i64), (1, -1), (2, 1), (3, 2)] {
                let j = i as i64 + off;
                if j < lo as i64 || j >= hi as i64 {
                    f.push(mix(21, slot));
                    continue;
                }
                let n = &self.words[j as usize];
                f.push(mix(mix(23, slot), n.flags & (FLAG_CUE | FLAG_TITLE | FLAG_NATIONALITY | FLAG_UNKNOWN)));
                for k in n.any.iter() {
                    f.push(mix(mix(24, slot), k as u64));
                }
                if off.abs() == 1 {
                    f.push(mix(mix(25, slot), n.shape));
                    if let Some((kinds, starts)) = n.phrase {
                        for k in kinds.iter().filter(|k| NAME_KINDS.contains(k)) {
                            f.push(mix(mix(mix(26, slot), k as u64), u64::from(starts)));
                        }
                    }
                }
            }
            f.push(mix(mix(29, prev), w.shape));
            f.push(mix(mix(33, prev), w.flags & (FLAG_UNKNOWN | FLAG_ARTICLE)));
            // How the same word was read elsewhere in the text.
            for &t in &self.elsewhere[i] {
                f.push(mix(35, t));
            }
            for &t in &self.predicted[i] {
                f.push(mix(36, t));
            }
            // The rules' proposals over the word.
            let k = self.hints.partition_point(|h| h.0 < i);
            for &(_, tag, inside) in self.hints[k..].iter().take_while(|h| h.0 == i) {
                f.push(mix(mix(30, tag), inside));
                f.push(mix(31, inside));
            }
        }
    }
}
