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
//!   quotation marks, first word of its sentence, punctuation before or after;
//! - the same word elsewhere in the text: how the rules read it, what stood before and after it
//!   (a title, a nationality, a verb of saying, a given name), and how a first pass tagged it.
//!
//! Features that depend only on the word (its form, stems, letters, lists, and how rules and
//! the first pass read the same word elsewhere in the text) are computed once per distinct word
//! of a text (a *form*), and so is their part of the scores; the rest, per occurrence.
//!
//! A change here changes what models mean: bump [`VERSION`], and retrain.

use crate::document::Label;
use crate::lexicon::{Kind, Kinds, Lexicon};
use crate::normalize::key;
use crate::tokenize::TokenKind;
use crate::words::Words;
use crate::Span;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

/// The version of the feature set; a model trained with another is refused.
pub const VERSION: u32 = 4;

/// A rule's proposal, as the tagger sees it.
#[derive(Clone, Copy, Debug)]
pub struct Hint<'a> {
    pub span: Span,
    pub label: Label,
    pub source: &'a str,
}

/// A feature hash as it is kept: all 64 bits, or the high 32 of them (a form's own hashes, kept
/// for every distinct word of a text: half the memory), which hold every bit a row is read from
/// (a model has at most 2^24 rows, the high bits of a hash; see `Model::row`).
pub trait Hash: Copy {
    fn wide(self) -> u64;
}

impl Hash for u64 {
    #[inline]
    fn wide(self) -> u64 {
        self
    }
}

impl Hash for u32 {
    #[inline]
    fn wide(self) -> u64 {
        u64::from(self) << 32
    }
}

/// The high 32 bits of a hash, as a form's own hashes are kept (see [`Hash`]).
fn short(h: u64) -> u32 {
    (h >> 32) as u32
}

/// The feature hashes that depend only on the word, for every distinct word of a text: the
/// form's own (shared with the memo, not copied; their high halves, see [`Hash`]), then how the
/// rules read the same word elsewhere in the text.
#[derive(Debug, Default)]
pub struct Forms {
    own: Vec<Arc<[u32]>>,
    elsewhere: Vec<u64>,
    /// Where each form's hashes start in `elsewhere`.
    starts: Vec<usize>,
    /// How many of each form's own hashes, from its start, name the word itself (its form and
    /// stems) rather than its shape or lists: a person's correction teaches these.
    lexical: Vec<u16>,
}

impl Forms {
    pub fn len(&self) -> usize {
        self.starts.len()
    }
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
    /// The hashes of form `f`: its own, then those of the text.
    fn of(&self, f: usize) -> (&[u32], &[u64]) {
        let end = self.starts.get(f + 1).copied().unwrap_or(self.elsewhere.len());
        (&self.own[f], &self.elsewhere[self.starts[f]..end])
    }
}

/// The feature hashes of the words of one sentence: each word's form (shared, see [`Forms`]) and
/// the hashes of this occurrence.
#[derive(Clone, Debug, Default)]
pub struct Features {
    forms: Arc<Forms>,
    word_forms: Vec<u32>,
    hashes: Vec<u64>,
    /// Where each word's own hashes start in `hashes`.
    starts: Vec<usize>,
}

impl Features {
    pub fn len(&self) -> usize {
        self.word_forms.len()
    }
    pub fn is_empty(&self) -> bool {
        self.word_forms.is_empty()
    }
    /// The form of word `w` (an index into the text's forms).
    pub fn form(&self, w: usize) -> usize {
        self.word_forms[w] as usize
    }
    /// The hashes of word `w`'s form, in two parts (its own, then those of the text).
    pub fn statics(&self, w: usize) -> (&[u32], &[u64]) {
        self.forms.of(self.form(w))
    }
    /// The hashes of this occurrence of word `w`.
    pub fn dynamics(&self, w: usize) -> &[u64] {
        let end = self.starts.get(w + 1).copied().unwrap_or(self.hashes.len());
        &self.hashes[self.starts[w]..end]
    }
    /// All the hashes of word `w`.
    pub fn of(&self, w: usize) -> impl Iterator<Item = u64> + '_ {
        let (own, text) = self.statics(w);
        own.iter().map(|h| h.wide()).chain(text.iter().chain(self.dynamics(w)).copied())
    }
    /// The hashes that name word `w` itself.
    pub fn lexical(&self, w: usize) -> &[u32] {
        let own = &self.forms.own[self.form(w)];
        own.get(..usize::from(self.forms.lexical[self.form(w)])).unwrap_or(own)
    }
}

const SEED: u64 = 0x9E37_79B9_7F4A_7C15;

/// Mixes a value into a hash (a multiply–rotate step; good enough to spread features).
#[inline]
/// `(stem, value)` pairs in text order → each stem's distinct values in the order they first
/// came, grouped by stem (what a map of stems to lists gave, without a list per stem).
fn first_by_stem(pairs: Vec<(u64, u64)>) -> Vec<(u64, u64)> {
    let mut at: Vec<(u64, u64, usize)> = pairs.into_iter().enumerate().map(|(i, (b, v))| (b, v, i)).collect();
    at.sort_unstable();
    at.dedup_by_key(|x| (x.0, x.1));
    at.sort_unstable_by_key(|x| (x.0, x.2));
    at.into_iter().map(|(b, v, _)| (b, v)).collect()
}

/// The values of `stem` in pairs grouped by [`first_by_stem`].
fn of_stem(pairs: &[(u64, u64)], stem: u64) -> impl Iterator<Item = u64> + '_ {
    let from = pairs.partition_point(|p| p.0 < stem);
    pairs[from..].iter().take_while(move |p| p.0 == stem).map(|p| p.1)
}

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

/// A stem without its article (الروسي → روسي; the article alone stays).
fn strip_article(stem: &str) -> &str {
    stem.strip_prefix("ال").filter(|b| b.chars().count() >= 2).unwrap_or(stem)
}

/// The hash of a stem without its article (the vocabulary's and the stem features' key).
pub(crate) fn bare_hash(stem: &str) -> u64 {
    hash_str(strip_article(stem))
}

/// What the context features of a neighbour read of a form.
#[derive(Clone, Copy, Debug)]
struct Form {
    bare: u64,
    shape: u64,
    any: Kinds,
    flags: u64,
}

const FLAG_NATIONALITY: u64 = 1;
const FLAG_TANWEEN: u64 = 2;
const FLAG_CUE: u64 = 4;
const FLAG_TITLE: u64 = 32;
const FLAG_UNKNOWN: u64 = 64;
const FLAG_ARTICLE: u64 = 128;
/// Not in the model's vocabulary (see [`Context::mark_seen`]).
const FLAG_UNSEEN: u64 = 256;
// Of an occurrence, not of its form.
const FLAG_QUOTED: u64 = 8;
const FLAG_PUNCT_BEFORE: u64 = 16;

/// The per-word facts of a whole text, and the rules' proposals by word.
pub struct Context {
    forms: Arc<Forms>,
    form: Vec<Form>,
    /// The form of each word.
    word_form: Vec<u32>,
    /// The flags of each occurrence (quoted, punctuation before).
    flags: Vec<u8>,
    /// Kinds of the longest lexicon phrase over each word, and whether it starts there (packed,
    /// see [`pack_phrase`]).
    phrase: Vec<u16>,
    /// For each form, the feature hashes of the tags a first pass of the model gave it anywhere
    /// in the text (none before the first pass, see [`Context::first_pass`]): form `f`'s from
    /// `predicted_starts[f]` to the next form's start.
    predicted: Vec<u64>,
    predicted_starts: Vec<u32>,
    /// (word index, hash of rule and label, inside) for every rule proposal over a word.
    hints: Vec<(u32, u64, bool)>,
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

/// The phrase over a word in two bytes: bit `k` for `NAME_KINDS[k]`, [`PHRASE_STARTS`] when it
/// starts at the word; 0 for no phrase. The phrase feature reads only the name kinds, and a
/// phrase has at least one (`phrase_at` keeps only those).
fn pack_phrase(phrase: Option<(Kinds, bool)>) -> u16 {
    let Some((kinds, starts)) = phrase else { return 0 };
    let bits = NAME_KINDS.iter().enumerate().filter(|(_, k)| kinds.has(**k)).fold(0u16, |b, (i, _)| b | 1 << i);
    if bits == 0 {
        return 0;
    }
    bits | if starts { PHRASE_STARTS } else { 0 }
}

/// The name kinds of a packed phrase (see [`pack_phrase`]) and whether it starts there.
fn unpack_phrase(p: u16) -> Option<(Kinds, bool)> {
    let kinds = NAME_KINDS.iter().enumerate().filter(|(i, _)| p & 1 << i != 0).fold(0u64, |b, (_, k)| b | k.bit());
    (kinds != 0).then_some((Kinds(kinds), p & PHRASE_STARTS != 0))
}

const PHRASE_STARTS: u16 = 1 << NAME_KINDS.len();

/// A form's own features (see [`form_hashes`]), worked out once per distinct surface form: per
/// text, and across texts in [`MEMO`].
pub(crate) struct Own {
    info: Form,
    hashes: Arc<[u32]>,
    lexical: u16,
}

thread_local! {
    pub(crate) static MEMO: std::cell::RefCell<crate::memo::Memo<Own>> = Default::default();
}

/// The static hashes of a word, before the text-wide ones: the word itself first (its identity,
/// `lexical` of them), then its form and lists.
fn form_hashes(w: &crate::words::Word, text: &str, out: &mut Vec<u64>) -> (Form, u16) {
    let best = w.stems().first();
    let stem = best.as_ref().map_or(w.key(), |s| &*s.key);
    let bare = strip_article(stem);
    let bare_hash = hash_str(bare);
    let start = out.len();
    out.push(mix(10, hash_str(w.key())));
    out.push(mix(11, hash_str(stem)));
    out.push(mix(12, bare_hash));
    // Other readings' stems without the article (وكيت → كيت), for words in no list.
    for s in w.stems().iter().skip(1).filter(|s| s.suffix.is_empty() && w.kinds().is_empty()) {
        out.push(mix(12, hash_str(strip_article(&s.key))));
    }
    let lexical = (out.len() - start) as u16;
    let pre = best.as_ref().map_or(String::new(), |s| key(s.prefix.of(text)));
    let suf = best.as_ref().map_or(String::new(), |s| key(s.suffix.of(text)));
    out.push(mix(13, hash_str(&pre)));
    out.push(mix(14, hash_str(&suf)));
    let chars: Vec<(usize, char)> = bare.char_indices().collect();
    let cut = |k: usize| chars.get(k).map_or(bare.len(), |(i, _)| *i);
    let tail = |k: usize| chars.len().checked_sub(k).map_or(0, |j| chars[j].0);
    for (k, part) in [(1, &bare[..cut(2)]), (2, &bare[..cut(3)]), (3, &bare[tail(2)..]), (4, &bare[tail(3)..])] {
        out.push(mix(15, mix(k, hash_str(part))));
    }
    // Letter trigrams of the stem, with its edges marked.
    let marked: Vec<char> = std::iter::once('^').chain(bare.chars()).chain(std::iter::once('$')).collect();
    out.extend(marked.windows(3).map(|t| mix(32, t.iter().fold(0x51u64, |h, c| mix(h, u64::from(*c))))));
    let surface = w.span.of(text);
    let length = match w.key().chars().count() {
        0..=2 => 0,
        3 => 1,
        4..=5 => 2,
        6..=8 => 3,
        _ => 4,
    };
    let latin = match w.kind {
        TokenKind::Latin if surface.chars().all(|c| !c.is_lowercase()) => 1,
        TokenKind::Latin if surface.starts_with(char::is_uppercase) => 2,
        TokenKind::Latin => 3,
        TokenKind::Number => 4,
        _ => 0,
    };
    let shape = mix(length, latin);
    let mut flags = 0;
    for (on, flag) in [
        (w.nationality().is_some(), FLAG_NATIONALITY),
        (w.tanween, FLAG_TANWEEN),
        (w.is_cue(), FLAG_CUE),
        (w.any().has(Kind::Title), FLAG_TITLE),
        (w.any().is_empty(), FLAG_UNKNOWN),
        (stem.starts_with("ال"), FLAG_ARTICLE),
    ] {
        if on {
            flags |= flag;
        }
    }
    out.push(mix(0, 0));
    out.push(mix(16, shape));
    out.push(mix(17, flags));
    out.extend(w.kinds().iter().map(|k| mix(18, k as u64)));
    out.extend(w.any().iter().map(|k| mix(19, k as u64)));
    (Form { bare: bare_hash, shape, any: w.any(), flags }, lexical)
}

impl Context {
    /// Computes the per-word facts of `a` and indexes the rules' proposals `hints`; every word
    /// is seen until [`Context::mark_seen`] (a model's context is [`Model::context`]).
    ///
    /// [`Model::context`]: super::Model::context
    pub(crate) fn new<'h>(a: &Words, lex: &Lexicon, hints: impl IntoIterator<Item = Hint<'h>>) -> Context {
        // Forms: one per distinct surface word, numbered as the words number them.
        let mut form: Vec<Form> = Vec::with_capacity(a.surfaces());
        let mut own: Vec<Rc<Own>> = Vec::with_capacity(a.surfaces());
        let mut word_form = Vec::with_capacity(a.words.len());
        let mut flags = Vec::with_capacity(a.words.len());
        let mut phrase = Vec::with_capacity(a.words.len());
        let mut quoted = false;
        let mut phrase_until: Option<(usize, Kinds)> = None;
        // A new form's hashes are made here, then kept short (one buffer for them all).
        let mut scratch: Vec<u64> = Vec::new();
        for (i, w) in a.words.iter().enumerate() {
            if w.surface() == form.len() {
                let o = crate::memo::get(&MEMO, lex.id(), w.span.of(a.text), || {
                    scratch.clear();
                    let (info, lexical) = form_hashes(w, a.text, &mut scratch);
                    Own { info, hashes: scratch.iter().copied().map(short).collect(), lexical }
                });
                form.push(o.info);
                own.push(o);
            }
            word_form.push(w.surface() as u32);
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
            let mut fl = 0u8;
            if quoted {
                fl |= FLAG_QUOTED as u8;
            }
            if between.chars().any(|c| !c.is_whitespace()) {
                fl |= FLAG_PUNCT_BEFORE as u8;
            }
            flags.push(fl);
            // The longest list phrase over the word: starting here, or one begun before.
            phrase.push(pack_phrase(match a.phrase_at(lex, i, |k| k.any(&NAME_KINDS)) {
                Some(p) => {
                    phrase_until = Some((p.last, p.kinds));
                    Some((p.kinds, true))
                }
                None => phrase_until.filter(|(last, _)| *last >= i).map(|(_, k)| (k, false)),
            }));
        }
        // The rules' proposals, by word and, text-wide, by the word's stem.
        let hints = hints.into_iter();
        let mut hints_by_word = Vec::with_capacity(hints.size_hint().0 * 2);
        // (stem, what) pairs in text order, made into each stem's first occurrences below.
        let mut elsewhere: Vec<(u64, u64)> = Vec::new();
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
                hints_by_word.push((k as u32, tag, k > first));
                let fm = &form[word_form[k] as usize];
                if fm.flags & FLAG_UNKNOWN != 0 || !w.any().has(Kind::Common) {
                    elsewhere.push((fm.bare, mix(h.label as u64, u64::from(k > first))));
                }
            }
        }
        hints_by_word.sort_by_key(|h| h.0);
        let mut forms = Forms {
            own: Vec::with_capacity(own.len()),
            elsewhere: Vec::new(),
            starts: Vec::with_capacity(own.len()),
            lexical: Vec::with_capacity(own.len()),
        };
        // What stands around each word that may be a name, anywhere in the text: a title, a
        // nationality or a verb of saying before it, a given name before it, a verb of saying
        // after it (الإسباني رافائيل نادال … وقال نادال).
        let mut around: Vec<(u64, u64)> = Vec::with_capacity(word_form.len());
        for (i, &f) in word_form.iter().enumerate() {
            let me = &form[f as usize];
            if me.flags & FLAG_UNKNOWN == 0 && me.any.has(Kind::Common) {
                continue;
            }
            let before = i.checked_sub(1).map(|k| &form[word_form[k] as usize]);
            let after = word_form.get(i + 1).map(|&k| &form[k as usize]);
            let seen = [
                before.map_or(0, |b| b.flags & (FLAG_TITLE | FLAG_NATIONALITY | FLAG_CUE)),
                before.map_or(0, |b| u64::from(b.any.has(Kind::GivenName)) << 20),
                after.map_or(0, |a| u64::from(a.flags & FLAG_CUE != 0) << 21),
            ];
            around.extend(seen.into_iter().filter(|&s| s != 0).map(|s| (me.bare, s)));
        }
        let (elsewhere, around) = (first_by_stem(elsewhere), first_by_stem(around));
        for (o, fm) in own.iter().zip(&form) {
            forms.own.push(Arc::clone(&o.hashes));
            forms.starts.push(forms.elsewhere.len());
            forms.lexical.push(o.lexical);
            forms.elsewhere.extend(of_stem(&elsewhere, fm.bare).map(|t| mix(35, t)));
            forms.elsewhere.extend(of_stem(&around, fm.bare).map(|t| mix(45, t)));
        }
        Context {
            forms: Arc::new(forms),
            form,
            word_form,
            flags,
            phrase,
            predicted: Vec::new(),
            predicted_starts: Vec::new(),
            hints: hints_by_word,
        }
    }

    /// Marks every word whose stem `seen` does not know as unseen (see
    /// [`Vocabulary`](super::Vocabulary)); before, every word is seen.
    pub fn mark_seen(&mut self, seen: impl Fn(u64) -> bool) {
        for f in &mut self.form {
            f.flags = if seen(f.bare) { f.flags & !FLAG_UNSEEN } else { f.flags | FLAG_UNSEEN };
        }
    }

    /// The hash of each word's stem, as [`Context::mark_seen`] asks about it.
    pub fn stem_hashes(&self) -> impl Iterator<Item = u64> + '_ {
        self.word_form.iter().map(|&f| self.form[f as usize].bare)
    }

    /// Gives the context the tags a first pass gave every word of the text (`tags[w]` for word
    /// `w`; 0 for none): the second pass sees, for each word, how the same word was tagged
    /// elsewhere. `None` clears it.
    pub fn first_pass(&mut self, tags: Option<&[u8]>) {
        self.predicted.clear();
        self.predicted_starts.clear();
        let Some(tags) = tags else { return };
        let mut by_key: HashMap<u64, Vec<u64>> = HashMap::new();
        for (&f, &t) in self.word_form.iter().zip(tags) {
            if t != 0 {
                let v = by_key.entry(self.form[f as usize].bare).or_default();
                if !v.contains(&(t as u64)) {
                    v.push(t as u64);
                }
            }
        }
        for fm in &self.form {
            self.predicted_starts.push(self.predicted.len() as u32);
            if let Some(v) = by_key.get(&fm.bare) {
                self.predicted.extend(v.iter().map(|&t| mix(36, t)));
            }
        }
    }

    /// How many words the text has.
    pub fn len(&self) -> usize {
        self.word_form.len()
    }

    pub fn is_empty(&self) -> bool {
        self.word_form.is_empty()
    }

    /// How many distinct words (forms) the text has.
    pub fn form_count(&self) -> usize {
        self.form.len()
    }

    /// The features of the words `range` (one sentence) into `out` (cleared first).
    pub fn sentence(&self, range: Range<usize>, out: &mut Features) {
        out.forms = Arc::clone(&self.forms);
        out.word_forms.clear();
        out.hashes.clear();
        out.starts.clear();
        let (lo, hi) = (range.start, range.end.min(self.word_form.len()));
        let form = |k: usize| &self.form[self.word_form[k] as usize];
        for i in lo..hi {
            out.word_forms.push(self.word_form[i]);
            out.starts.push(out.hashes.len());
            let f = &mut out.hashes;
            let w = form(i);
            // The word with its neighbours.
            let prev = if i > lo { form(i - 1).bare } else { 1 };
            let next = if i + 1 < hi { form(i + 1).bare } else { 2 };
            f.push(mix(mix(27, prev), w.bare));
            f.push(mix(mix(28, w.bare), next));
            f.push(mix(
                mix(34, w.bare),
                if i + 1 < hi { form(i + 1).flags & (FLAG_UNKNOWN | FLAG_ARTICLE) } else { 255 },
            ));
            f.push(mix(37, u64::from(self.flags[i])));
            // Whether the word and its neighbours are ones the training text wrote often.
            let unseen = |k: usize| form(k).flags & FLAG_UNSEEN;
            let before = if i > lo { unseen(i - 1) } else { 1 };
            let after = if i + 1 < hi { unseen(i + 1) } else { 1 };
            f.push(mix(38, unseen(i)));
            f.push(mix(mix(39, before), unseen(i)));
            f.push(mix(mix(40, after), unseen(i)));
            f.push(mix(mix(41, before), mix(after, unseen(i))));
            f.push(mix(mix(42, unseen(i)), w.shape));
            if let Some((kinds, starts)) = unpack_phrase(self.phrase[i]) {
                for k in kinds.iter() {
                    f.push(mix(mix(20, k as u64), u64::from(starts)));
                }
            }
            // The words around, within the sentence: which and what they are.
            for (slot, off) in [(0u64, -2i64), (1, -1), (2, 1), (3, 2)] {
                let j = i as i64 + off;
                if j < lo as i64 || j >= hi as i64 {
                    f.push(mix(21, slot));
                    continue;
                }
                let j = j as usize;
                let n = form(j);
                f.push(mix(mix(22, slot), n.bare));
                f.push(mix(mix(23, slot), n.flags & (FLAG_CUE | FLAG_TITLE | FLAG_NATIONALITY | FLAG_UNKNOWN)));
                for k in n.any.iter() {
                    f.push(mix(mix(24, slot), k as u64));
                }
                if off.abs() == 1 {
                    f.push(mix(mix(25, slot), n.shape));
                    if let Some((kinds, starts)) = unpack_phrase(self.phrase[j]) {
                        for k in kinds.iter() {
                            f.push(mix(mix(mix(26, slot), k as u64), u64::from(starts)));
                        }
                    }
                }
            }
            f.push(mix(mix(29, prev), w.shape));
            f.push(mix(mix(33, prev), w.flags & (FLAG_UNKNOWN | FLAG_ARTICLE)));
            // The rules' proposals over the word.
            let k = self.hints.partition_point(|h| (h.0 as usize) < i);
            for &(_, tag, inside) in self.hints[k..].iter().take_while(|h| h.0 as usize == i) {
                f.push(mix(mix(30, tag), u64::from(inside)));
                f.push(mix(31, u64::from(inside)));
            }
            // How a first pass read the same word elsewhere in the text: last, so that the second
            // pass adds their scores to the first's (see `Model::tag_text`).
            f.extend_from_slice(self.predicted(i));
        }
    }

    /// The first-pass features of word `i` (the last of its features; none before a first pass).
    pub fn predicted(&self, i: usize) -> &[u64] {
        let f = self.word_form[i] as usize;
        let Some(&start) = self.predicted_starts.get(f) else { return &[] };
        let end = self.predicted_starts.get(f + 1).map_or(self.predicted.len(), |&e| e as usize);
        &self.predicted[start as usize..end]
    }
}
