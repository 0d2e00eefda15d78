//! The first stage: a text's sentences, paragraphs and words (read from its tokens, which are
//! not kept), each word with its clitic readings, the lists it is in, and the facts every later
//! stage asks of it (nationality adjective, tanween, cue). [`Words::analyze`] is total: any text, no panic.

use crate::clitics::{self, Stem};
use crate::lexicon::{Kind, Kinds, Lexicon, RuleList};
use crate::normalize::key;
use crate::tokenize::{tokens_of, Sentences, TokenKind};
use crate::Span;
use std::rc::Rc;

/// A word, number or Latin word with what the engine knows of it. What depends only on its
/// surface form (its key, readings, lists, nationality) is shared by every occurrence of that
/// form.
#[derive(Clone, Debug)]
pub struct Word {
    pub span: Span,
    pub kind: TokenKind,
    /// Whether it carries tanween (ـًا ـٌ ـٍ): an indefinite noun or adverb, never a name.
    pub tanween: bool,
    /// Which of the text's distinct surface forms it is (numbered in order of first occurrence).
    surface: u32,
    form: Rc<Analyzed>,
}

impl Word {
    /// Which of its text's distinct surface forms this word is: 0 for the first form the text
    /// writes, 1 for the next new one, and so on (every occurrence of a form has its number).
    pub fn surface(&self) -> usize {
        self.surface as usize
    }

    /// The lists the whole word is in.
    pub fn kinds(&self) -> Kinds {
        self.form.kinds
    }

    /// The lists any reading of it is in.
    pub fn any(&self) -> Kinds {
        self.form.any
    }

    /// The search-normalized form of the whole word.
    pub fn key(&self) -> &str {
        &self.form.key
    }

    /// Readings with clitics split off, best first (see [`clitics::analyze`]); the whole word
    /// for numbers and Latin words.
    pub fn stems(&self) -> Stems<'_> {
        Stems { shared: &self.form.stems, word: self.span }
    }

    /// Where it is a nationality or group adjective (روسي، الإيرانية، والإسرائيليون), without
    /// clitics.
    pub fn nationality(&self) -> Option<Span> {
        self.form.nationality.map(|(a, b)| Span::new(self.span.start + a as usize, self.span.start + b as usize))
    }

    /// Whether any reading, with or without its article, is in `kind`.
    pub fn is(&self, kind: Kind) -> bool {
        self.form.stems.iter().any(|s| s.is(kind))
    }

    /// Whether any reading, with or without its article, is in the rule list `list` (what
    /// [`Word::is`] is to a kind); or the word without a و or ف in front, which a word the
    /// lexicon knows whole (وكان) has no reading for.
    pub fn in_list(&self, lex: &Lexicon, list: RuleList) -> bool {
        let (id, bits) = self.form.lists.get();
        let bits = if id == lex.id() { bits } else { 0 };
        let asked = 1u64 << (2 * list as u32);
        if bits & asked != 0 {
            return bits & (asked << 1) != 0;
        }
        let answer = self.form.stems.iter().any(|s| lex.in_list_bare(list, &s.key))
            || self.key().strip_prefix(['و', 'ف']).is_some_and(|bare| lex.in_list_bare(list, bare));
        self.form.lists.set((lex.id(), bits | asked | if answer { asked << 1 } else { 0 }));
        answer
    }

    /// Where its best reading's stem starts (after proclitics such as و، ب، ل).
    pub fn stem_start(&self) -> usize {
        self.form.stems.first().map_or(self.span.start, |s| self.span.start + s.prefix as usize)
    }

    /// A definite noun that can continue a name (الخارجية، القاهرة): the article, at least two
    /// more letters, and no word of [`Kind::NotModifier`] (اليوم، الذي …).
    pub fn is_definite_noun(&self) -> bool {
        self.key().starts_with("ال") && self.key().chars().count() >= 4 && !self.kinds().has(Kind::NotModifier)
    }

    /// Whether the whole word, or a reading of it without a pronoun after it, is a form of a
    /// reporting cue (قال، وأكدت، بحسب; not نشرة read as نشر + ه).
    pub fn is_cue(&self) -> bool {
        self.kinds().any(&Kind::CUES) || self.form.stems.iter().any(|s| s.suffix == 0 && s.kinds.any(&Kind::CUES))
    }
}

/// The readings of one occurrence of a word: shared by every occurrence of the same surface form
/// and given out with this occurrence's spans.
#[derive(Clone, Copy, Debug)]
pub struct Stems<'w> {
    shared: &'w [Reading],
    /// This occurrence.
    word: Span,
}

/// A reading as every occurrence of a surface form shares it: a [`Stem`] whose stem is what
/// lies between its proclitics and its enclitic, kept as their lengths in bytes (a reading
/// covers its word, see `clitics::analyze`): 56 bytes where a `Stem` takes 104.
#[derive(Debug)]
struct Reading {
    key: Rc<str>,
    kinds: Kinds,
    bare: Kinds,
    /// As [`Stem::walk`]: the lexicon's place narrowed ([`NO_WALK`] for none, and if it does
    /// not fit), and its output.
    walk_at: u32,
    walk_out: u64,
    prefix: u32,
    suffix: u32,
}

const NO_WALK: u32 = u32::MAX;

/// A byte offset inside one word, as the readings shared by every occurrence keep it: four bytes
/// (a word of 4 GB would be cut short).
fn narrow(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

impl Reading {
    /// The reading of `s`, a stem of the word `word` (relative spans: the word starts at 0).
    fn of(s: Stem, word: usize) -> Reading {
        Reading {
            key: s.key,
            kinds: s.kinds,
            bare: s.bare,
            walk_at: s.walk.and_then(|(at, _)| u32::try_from(at).ok()).unwrap_or(NO_WALK),
            walk_out: s.walk.map_or(0, |(_, out)| out),
            prefix: narrow(s.span.start),
            suffix: narrow(word.saturating_sub(s.span.end)),
        }
    }
    fn is(&self, kind: Kind) -> bool {
        self.kinds.has(kind) || self.bare.has(kind)
    }
}

impl<'w> Stems<'w> {
    pub fn len(&self) -> usize {
        self.shared.len()
    }
    pub fn is_empty(&self) -> bool {
        self.shared.is_empty()
    }
    /// Reading `i`, at this occurrence.
    pub fn get(&self, i: usize) -> Option<Stem> {
        self.shared.get(i).map(|s| self.placed(s))
    }
    /// The best reading, at this occurrence.
    pub fn first(&self) -> Option<Stem> {
        self.get(0)
    }
    /// The stem's span of reading `i`, at this occurrence (what `get(i)` gives, without the rest).
    pub fn span(&self, i: usize) -> Option<Span> {
        self.shared.get(i).map(|s| self.placed_span(s))
    }
    /// The readings' keys, best first (what [`Stems::iter`] gives, without placing each reading).
    pub fn keys(self) -> impl Iterator<Item = &'w str> + 'w {
        self.shared.iter().map(|s| &*s.key)
    }
    /// The readings, best first, at this occurrence.
    pub fn iter(self) -> impl Iterator<Item = Stem> + 'w {
        self.shared.iter().map(move |s| self.placed(s))
    }
    fn placed_span(&self, s: &Reading) -> Span {
        let Span { start, end } = self.word;
        let stem_start = start.saturating_add(s.prefix as usize).min(end);
        Span::new(stem_start, end.saturating_sub(s.suffix as usize).max(stem_start))
    }
    fn placed(&self, s: &Reading) -> Stem {
        let span = self.placed_span(s);
        Stem {
            span,
            prefix: Span::new(self.word.start, span.start),
            suffix: Span::new(span.end, self.word.end),
            key: Rc::clone(&s.key),
            kinds: s.kinds,
            bare: s.bare,
            walk: (s.walk_at != NO_WALK).then_some((s.walk_at as usize, s.walk_out)),
        }
    }
}

/// The words of one text, and where its sentences and paragraphs are.
pub struct Words<'t> {
    pub text: &'t str,
    pub sentences: Vec<Span>,
    pub words: Vec<Word>,
    /// Where the line breaks are: paragraphs are lines.
    breaks: Vec<usize>,
    /// How many distinct surface forms the words have (see [`Word::surface`]).
    surfaces: usize,
}

/// What a word's analysis gives, worked out once per distinct surface form (news repeats its
/// words): per text, and across texts in [`MEMO`].
#[derive(Debug)]
pub(crate) struct Analyzed {
    key: Rc<str>,
    stems: Box<[Reading]>,
    kinds: Kinds,
    any: Kinds,
    /// From the word's start (see [`narrow`]).
    nationality: Option<(u32, u32)>,
    tanween: bool,
    /// The rule lists asked of it so far ([`Word::in_list`]): two bits a list, asked and
    /// answered, for the lexicon [`Lexicon::id`] names (the rules ask the same forms again and
    /// again).
    lists: std::cell::Cell<(usize, u64)>,
}

thread_local! {
    pub(crate) static MEMO: std::cell::RefCell<crate::memo::Memo<Analyzed>> = Default::default();
}

impl<'t> Words<'t> {
    /// Tokens, sentences and words of `text`, read with `lex`.
    pub fn analyze(text: &'t str, lex: &Lexicon) -> Words<'t> {
        // The tokens are read once and not kept (a text has about two for each word).
        let mut sentences = Sentences::new(text);
        let mut seen: crate::memo::Map<&str, (Rc<Analyzed>, u32)> = crate::memo::Map::default();
        let mut words = Vec::with_capacity(text.len() / 8);
        for t in tokens_of(text) {
            sentences.push(t);
            if !t.is_wordlike() {
                continue;
            }
            let s = t.span.of(text);
            // By the surface alone: a surface is of one token kind wherever it stands (a property
            // test keeps this true).
            let number = seen.len() as u32;
            let (w, surface) = seen.entry(s).or_insert_with(|| {
                let form = crate::memo::get(&MEMO, lex.id(), s, || {
                    let k = key(s);
                    let stems = if t.kind == TokenKind::Word {
                        clitics::analyze(s, 0, lex)
                    } else {
                        vec![Stem::new(
                            Span::new(0, s.len()),
                            Span::new(0, 0),
                            Span::new(s.len(), s.len()),
                            k.clone(),
                            lex,
                        )]
                    };
                    // The whole word's reading holds its key's lists (the same key, walked once).
                    let kinds = stems
                        .iter()
                        .find(|r| r.prefix.is_empty() && r.suffix.is_empty() && *r.key == *k)
                        .map_or(Kinds::EMPTY, |r| r.kinds);
                    let nationality = nationality(&stems, lex).map(|x| (narrow(x.start), narrow(x.end)));
                    let tanween = s.contains(['\u{064B}', '\u{064C}', '\u{064D}']);
                    let any = stems.iter().fold(kinds, |acc, s| acc.union(s.kinds));
                    // The reading without clitics shares the word's key.
                    let key: Rc<str> = Rc::from(k);
                    let stems = stems
                        .into_iter()
                        .map(|r| {
                            Reading::of(if r.key == key { Stem { key: Rc::clone(&key), ..r } } else { r }, s.len())
                        })
                        .collect();
                    Analyzed { key, stems, kinds, any, nationality, tanween, lists: Default::default() }
                });
                (form, number)
            });
            words.push(Word { span: t.span, kind: t.kind, tanween: w.tanween, surface: *surface, form: Rc::clone(w) });
        }
        let breaks = text.match_indices('\n').map(|(i, _)| i).collect();
        words.shrink_to_fit();
        Words { text, sentences: sentences.finish(), words, breaks, surfaces: seen.len() }
    }

    /// How many distinct surface forms the words have (see [`Word::surface`]).
    pub fn surfaces(&self) -> usize {
        self.surfaces
    }

    /// What lies between word `i - 1` and word `i` (the whole text before word 0).
    pub fn between(&self, i: usize) -> &'t str {
        let start = if i == 0 { 0 } else { self.words[i - 1].span.end };
        let end = self.words.get(i).map_or(self.text.len(), |w| w.span.start);
        self.text.get(start..end).unwrap_or("")
    }

    /// Whether words `i - 1` and `i` are separated by spaces only (or a hyphen), so that they can
    /// belong to one name.
    pub fn joined(&self, i: usize) -> bool {
        i > 0 && i < self.words.len() && {
            let b = self.between(i);
            !b.is_empty()
                && b.chars()
                    .all(|c| c == ' ' || c == '\u{00A0}' || c == '-' || c == '\t' || crate::chars::is_invisible(c))
        }
    }

    /// Index of the word that holds byte `at`, else the first after it.
    pub fn word_holding(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.span.end <= at)
    }

    /// Index of the word that starts at or after byte `at`.
    pub fn word_at(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.span.start < at)
    }

    /// The kinds of any reading of word `i` (none past the end).
    pub fn kinds_of(&self, i: usize) -> Kinds {
        self.words.get(i).map_or(Kinds::EMPTY, |w| w.any())
    }

    /// The key of word `i` when it is joined to the word before it (`""` otherwise).
    pub fn joined_key(&self, i: usize) -> &str {
        self.words.get(i).filter(|_| self.joined(i)).map_or("", |w| w.key())
    }

    /// The reading of word `i` whose proclitics are exactly `prefix` (search-normalized: ل، و،
    /// وب …), if it has one: للطاقة read after ل is الطاقة.
    pub fn reading_after(&self, i: usize, prefix: &str) -> Option<Stem> {
        self.words.get(i)?.stems().iter().find(|s| key(s.prefix.of(self.text)) == prefix)
    }

    /// The sentence containing byte `at` (an empty span there when none does).
    pub fn sentence(&self, at: usize) -> Span {
        let s = &self.sentences;
        let k = s.partition_point(|x| x.end <= at);
        s.get(k).copied().filter(|x| x.start <= at).unwrap_or(Span::new(at, at))
    }

    /// The words of each sentence, as index ranges (sentences without words left out).
    pub fn sentence_words(&self) -> Vec<std::ops::Range<usize>> {
        self.sentences.iter().map(|s| self.word_at(s.start)..self.word_at(s.end)).filter(|r| !r.is_empty()).collect()
    }

    /// Where the paragraph (line) holding byte `at` starts.
    pub fn paragraph_start(&self, at: usize) -> usize {
        let k = self.breaks.partition_point(|&b| b < at);
        k.checked_sub(1).map_or(0, |k| self.breaks[k] + 1)
    }

    /// Where the paragraph (line) holding byte `at` ends (before its line break).
    pub fn paragraph_end(&self, at: usize) -> usize {
        let k = self.breaks.partition_point(|&b| b < at);
        self.breaks.get(k).copied().unwrap_or(self.text.len())
    }

    /// The longest lexicon phrase that starts at word `i` and whose kinds pass `keep`: its last
    /// word, the reading of the first word it starts from, and its kinds. The first word is read
    /// through its clitics (وتل أبيب → تل أبيب), the others whole, joined by spaces; readings
    /// with a possessive pronoun are skipped (names take none).
    pub fn phrase_at(&self, lex: &Lexicon, i: usize, keep: impl Fn(Kinds) -> bool) -> Option<Phrase> {
        let mut best: Option<Phrase> = None;
        for (r, stem) in self.words.get(i)?.stems().iter().enumerate().filter(|(_, s)| s.suffix.is_empty()) {
            let Some(mut cur) = stem.walk.map(|w| lex.resume(w)) else { continue };
            let mut j = i;
            loop {
                let kinds = lex.value(cur);
                if !kinds.is_empty() && keep(kinds) && best.as_ref().is_none_or(|b| j > b.last) {
                    best = Some(Phrase {
                        first: i,
                        last: j,
                        reading: r,
                        span: Span::new(stem.span.start, self.words[j].span.end),
                        kinds,
                    });
                }
                if j + 1 - i >= MAX_PHRASE_WORDS || !self.joined(j + 1) {
                    break;
                }
                let Some(c) = lex.feed(cur, b" ").and_then(|c| lex.feed(c, self.words[j + 1].key().as_bytes())) else {
                    break;
                };
                cur = c;
                j += 1;
            }
        }
        best
    }
}

/// A lexicon phrase found in the text (see [`Words::phrase_at`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Phrase {
    pub first: usize,
    pub last: usize,
    /// Which reading of the first word it starts from.
    pub reading: usize,
    /// From the stem of the first word (no clitic) to the end of the last.
    pub span: Span,
    pub kinds: Kinds,
}

/// Longest phrase of the lexicon, in words.
const MAX_PHRASE_WORDS: usize = 8;

/// Endings of a nationality adjective in its genders and numbers, after the base in ي.
const NISBA_ENDINGS: [&str; 8] = ["يون", "يين", "يات", "يتان", "يتين", "يان", "يه", "ي"];

/// Where the readings make a nationality or group adjective, in any gender and number, with or
/// without the article and clitics: روسي، الروسية، والإسرائيليون، إيرانيين. The span leaves the
/// clitics out.
fn nationality(stems: &[Stem], lex: &Lexicon) -> Option<Span> {
    for s in stems {
        if s.is(Kind::Nationality) {
            return Some(s.span);
        }
        let bare = s.key.strip_prefix("ال").unwrap_or(&s.key);
        for end in NISBA_ENDINGS {
            if let Some(base) = bare.strip_suffix(end) {
                if base.chars().count() >= 2 && lex.get(&format!("{base}ي")).has(Kind::Nationality) {
                    return Some(s.span);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What every word and every shared reading costs: a long text has hundreds of thousands.
    #[test]
    fn a_word_and_a_shared_reading_stay_small() {
        assert_eq!(std::mem::size_of::<Word>(), 32);
        assert_eq!(std::mem::size_of::<Reading>(), 56);
    }

    /// A reading kept as its clitics' lengths gives back, at each occurrence, the spans the
    /// clitic analysis gave at that place (وبالقاهرة: و + ب, القاهرة; كتابه: كتاب + ه).
    #[test]
    fn readings_are_placed_at_each_occurrence() {
        let lex = Lexicon::builtin();
        let text = "زار وبالقاهرة كتابه ثم وبالقاهرة.";
        let a = Words::analyze(text, lex);
        for w in &a.words {
            let surface = w.span.of(text);
            let direct = clitics::analyze(surface, w.span.start, lex);
            let placed: Vec<Stem> = w.stems().iter().collect();
            assert_eq!(placed.len(), direct.len(), "{surface}");
            for (p, d) in placed.iter().zip(&direct) {
                assert_eq!((p.span, p.prefix, p.suffix, &p.key), (d.span, d.prefix, d.suffix, &d.key), "{surface}");
            }
        }
    }

    /// Surfaces are numbered in order of first occurrence, the same number at every occurrence.
    #[test]
    fn words_number_their_surfaces() {
        let a = Words::analyze("قال الوزير إن الوزير قال", Lexicon::builtin());
        let numbers: Vec<usize> = a.words.iter().map(Word::surface).collect();
        assert_eq!(numbers, [0, 1, 2, 1, 0]);
        assert_eq!(a.surfaces(), 3);
    }
}
