//! Claims: who said what. A claim has a reporting cue (a verb of saying, a denial, or
//! بحسب/وفقا لـ …), a speaker (a noun phrase, linked to the entities inside it), and a content
//! (after إن/أن/بأن/أنه or a colon, or inside quotation marks), direct when quoted.
//!
//! Patterns, each with fixtures in `claims/tests.rs`:
//! - **VSO**: أكدت السفارة الروسية في إسرائيل، أمس الأحد، أن …
//! - **SVO**: الوزير قال إن …; a headline روسيا تؤكد استمرار التنسيق … (content without أن).
//! - **quote**: قالت صحيفة “هآرتس” إن “…” (content inside the marks, across sentences).
//! - **no cue**: a line that opens with a speaker and إن “…” (a headline without its verb).
//! - **according**: …، بحسب البنك المركزي. / وبحسب الوكالة، فإن …
//! - **dropped subject**: ولفتت إلى أن … takes the last speaker of the same paragraph.
//! - **negation**: نفى، نفت، لم يؤكد … mark the claim as negated.
//!
//! Not claims: a cue with no content introducer (أكد الفحص إصابته: confirmed, of a fact), a
//! cue inside a quoted title (رواية “قال الراوي”).

pub mod cues;

use crate::analysis::Analysis;
use crate::document::{Claim, Label, Status};
use crate::lexicon::Kind;
use crate::tokenize::TokenKind;
use crate::Span;
pub use cues::{is_cue_word, CueKind};

/// Words after which the content starts (search-normalized).
const COMPLEMENTIZERS: [&str; 13] =
    ["ان", "بان", "انه", "انها", "انهم", "انهما", "بانه", "بانها", "بانهم", "لان", "فان", "فانه", "اننا"];
/// Prepositions a cue verb governs before its content: أشار إلى أن، لفت إلى أن، نقل عن …
const CUE_PREPOSITIONS: [&str; 4] = ["الي", "عن", "علي", "ب"];
/// Words that end a content or a speaker when they follow a comma: وذلك، وجاء ذلك، في حين …
const CONTENT_BREAKS: [&str; 8] = ["وذلك", "وجاء", "في", "بينما", "فيما", "كما", "ويذكر", "يذكر"];
/// Nouns after في that end a speaker: قالت الوزارة في بيان …
const STATEMENT_NOUNS: [&str; 12] =
    ["بيان", "تصريح", "تصريحات", "حديث", "مقابله", "تغريده", "منشور", "مؤتمر", "رساله", "كلمه", "حوار", "لقاء"];
const MAX_SPEAKER_WORDS: usize = 9;
/// How many words may stand between a speaker and its complementizer.
const SKIP_WORDS: usize = 8;
/// Cues whose content may follow a preposition as a verbal noun: دعا إلى الإفراج …،
/// طالب بتشكيل …، حذر من تصعيد … (search-normalized stems, by preposition).
const NOMINAL_CONTENT: [(&str, &str); 8] = [
    ("دع", "الي"),
    ("دعو", "الي"),
    ("طالب", "ب"),
    ("حذر", "من"),
    ("ناشد", "ب"),
    ("حث", "علي"),
    ("اكد", "علي"),
    ("شدد", "علي"),
];

pub fn find(a: &Analysis) -> Vec<Claim> {
    let breaks = a.text.match_indices('\n').map(|(i, _)| i).collect();
    let f = Finder { a, breaks };
    let mut out: Vec<Claim> = Vec::new();
    let mut last_speaker: Option<(Span, usize)> = None; // (speaker, paragraph start)
    let mut i = 0;
    while i < a.words.len() {
        let para = f.paragraph_start(a.words[i].span.start);
        if last_speaker.is_some_and(|(_, p)| p != para) {
            last_speaker = None;
        }
        let claim = f.claim_at(i, last_speaker.map(|(s, _)| s));
        match claim {
            Some((claim, _)) => {
                if let Some(s) = claim.speaker {
                    last_speaker = Some((s, para));
                }
                // Go on inside the content: it may report another attribution.
                i = a.word_at(claim.content.start).max(i + 1);
                out.push(claim);
            }
            None => i += 1,
        }
    }
    drop_reports_of_reports(a, out)
}

/// وذكرت الصحيفة أنه في حين أبرز الإسرائيليون أن …: when a content opens with another
/// attribution (its cue within the first three words), the inner claim says it all; the outer
/// one is dropped.
fn drop_reports_of_reports(a: &Analysis, claims: Vec<Claim>) -> Vec<Claim> {
    let mut cues: Vec<Span> = claims.iter().filter_map(|c| c.cue).collect();
    cues.sort();
    claims
        .into_iter()
        .filter(|outer| {
            let first = a.word_at(outer.content.start);
            // Cues inside the content's first three words.
            let limit = a.words.get(first + 3).map_or(outer.content.end, |w| w.span.start.min(outer.content.end));
            let k = cues.partition_point(|c| c.start < outer.content.start);
            !cues.get(k).is_some_and(|c| c.start < limit && outer.content.contains(*c))
        })
        .collect()
}

struct Finder<'a, 't> {
    a: &'a Analysis<'t>,
    /// Where the line breaks are: paragraphs are lines.
    breaks: Vec<usize>,
}

impl Finder<'_, '_> {
    fn paragraph_start(&self, at: usize) -> usize {
        let k = self.breaks.partition_point(|&b| b < at);
        k.checked_sub(1).map_or(0, |k| self.breaks[k] + 1)
    }

    fn paragraph_end(&self, at: usize) -> usize {
        let k = self.breaks.partition_point(|&b| b < at);
        self.breaks.get(k).copied().unwrap_or(self.a.text.len())
    }

    /// The sentence containing byte `at`.
    fn sentence(&self, at: usize) -> Span {
        let s = &self.a.sentences;
        let k = s.partition_point(|x| x.end <= at);
        s.get(k).copied().filter(|x| x.start <= at).unwrap_or(Span::new(at, at))
    }

    fn cue(&self, i: usize) -> Option<(CueKind, Span)> {
        let w = &self.a.words[i];
        let t = cues::table();
        // Prepositional cues of two words: وفقا لـ، نقلا عن، على لسان.
        if self.a.joined(i + 1) && w.stems.iter().any(|s| cues::opens_two_word_cue(&s.key)) {
            for s in &w.stems {
                let k2 = format!("{} {}", s.key, self.a.words[i + 1].key);
                if t.get(&k2) == Some(&CueKind::According) {
                    return Some((CueKind::According, Span::new(s.span.start, self.a.words[i + 1].span.end)));
                }
            }
        }
        // وفقاً لـ with the ل attached to the next word: وفقا لوزارة …
        w.stems
            .iter()
            .find_map(|s| t.get(&*s.key).map(|k| (*k, s.span)))
            .or_else(|| {
                // و/ف + a cue, even where the lexicon keeps the whole word (واكد is also a surname).
                let text = w.span.of(self.a.text);
                let first = text.chars().next().filter(|c| matches!(c, 'و' | 'ف'))?;
                let rest = crate::normalize::extend_over_marks(text, first.len_utf8());
                t.get(&crate::normalize::key(&text[rest..])).map(|k| (*k, Span::new(w.span.start + rest, w.span.end)))
            })
            .or_else(|| {
                let k = &w.key;
                for (p, full) in [("وفقا", "وفقا ل"), ("طبقا", "طبقا ل")] {
                    if k.ends_with(p) && t.contains_key(full) {
                        return Some((CueKind::According, w.span));
                    }
                }
                None
            })
    }

    fn is_complementizer(&self, i: usize) -> bool {
        self.a.words.get(i).is_some_and(|w| {
            COMPLEMENTIZERS.contains(&w.key.as_ref())
                || w.stems.iter().any(|s| COMPLEMENTIZERS.contains(&s.key.as_ref()))
        })
    }

    /// A claim whose cue is word `i`, with the index of the first word after it.
    fn claim_at(&self, i: usize, previous_speaker: Option<Span>) -> Option<(Claim, usize)> {
        let a = self.a;
        let Some((kind, cue_span)) = self.cue(i) else { return self.cueless_quote(i) };
        // A cue right after an opening quotation mark is part of a title or a quote.
        let before = a.between(i);
        let straight_open = before.strip_suffix('"').is_some_and(|b| b.is_empty() || b.ends_with(char::is_whitespace));
        if before.ends_with(['“', '«']) || straight_open {
            return None;
        }
        let cue_words_end = a.word_at(cue_span.end);
        let negated = kind == CueKind::Denial
            || (i > 0
                && a.joined(i)
                && matches!(a.words[i - 1].key.trim_start_matches(['و', 'ف']), "لم" | "لا" | "لن" | "ما"));
        if kind == CueKind::According {
            return self.according(cue_span, cue_words_end);
        }
        let sentence = self.sentence(a.words[i].span.start);
        // What follows the cue: [speaker] [، adverbial،] [preposition] complementizer content.
        let mut j = cue_words_end;
        let mut speaker = None;
        // SVO: an entity opening the clause right before the cue is the speaker (روسيا تؤكد …،
        // الوزير قال إن …); otherwise VSO: the noun phrase after the cue.
        let subject_before = self.speaker_before(i, sentence);
        if subject_before.is_none()
            && j < a.words.len()
            && !self.is_complementizer(j)
            && !CUE_PREPOSITIONS.contains(&a.words[j].key.as_ref())
            && a.words[j].span.start < sentence.end
        {
            if let Some((sp, next)) = self.speaker_after(j, sentence) {
                speaker = Some(sp);
                j = next;
            }
        }
        // Skip what stands between the speaker and the complementizer: adverbials (، أمس الأحد،),
        // the occasion (في بيان، في حوار مع قناة العربية), an apposition (، وهي طبيبة في تونس،),
        // a governed preposition (إلى، عن) — up to a few words, never past another cue, a
        // quotation or the end of the sentence.
        let mut k = j;
        while k < a.words.len()
            && k < j + SKIP_WORDS
            && a.words[k].span.start < sentence.end
            && !self.is_complementizer(k)
        {
            if k > j && (is_cue_word(&a.words[k].key) || a.between(k).contains(['“', '«', '"', ':'])) {
                break;
            }
            k += 1;
        }
        if k < a.words.len() && self.is_complementizer(k) && a.words[k].span.start < sentence.end {
            j = k;
        }
        let (content, quoted, after) = if j < a.words.len() && self.is_complementizer(j) {
            self.content_after(a.words[j].span.end, sentence)?
        } else if let Some(c) = self.colon_or_quote(
            a.words[cue_words_end.saturating_sub(1)].span.end.max(speaker.map_or(0, |s: Span| s.end)),
            sentence,
        ) {
            c
        } else if let Some((c, cut)) = self.nominal_content(i, cue_words_end, sentence) {
            // The speaker ends where the governed preposition starts (… عقيلة صالح بتشكيل).
            speaker = speaker.map(|s| Span::new(s.start, s.end.min(cut))).filter(|s| !s.is_empty());
            speaker = speaker.map(|s| trim_end(a.text, s));
            c
        } else if self.is_headline(i, subject_before) {
            // روسيا تؤكد استمرار …: a headline's content is the rest of its line.
            let start = a.words.get(cue_words_end)?.span.start;
            let end = trim_end(a.text, Span::new(start, self.paragraph_end(start))).end;
            (Span::new(start, end), false, a.word_at(end))
        } else {
            return None;
        };
        let speaker = speaker.or(subject_before).or(previous_speaker);
        Some((
            Claim {
                speaker,
                cue: Some(cue_span),
                content,
                quoted,
                negated,
                source: "rule:claims".into(),
                status: Status::Auto,
            },
            after,
        ))
    }

    /// Whether word `j` lies in an entity with one of `labels` (entities are sorted and do not
    /// overlap).
    fn in_entity(&self, j: usize, labels: &[Label]) -> bool {
        let w = self.a.words[j].span;
        let es = &self.a.entities;
        let k = es.partition_point(|e| e.span.end <= w.start);
        es.get(k).is_some_and(|e| labels.contains(&e.label) && e.span.overlaps(w))
    }

    /// The entity ending exactly at byte `end`, if any.
    fn entity_ending_at(&self, end: usize) -> Option<&crate::document::Entity> {
        let es = &self.a.entities;
        let k = es.partition_point(|e| e.span.end < end);
        es.get(k).filter(|e| e.span.end == end)
    }

    /// A noun phrase starting at word `j`: up to a comma, a complementizer, a date, a
    /// preposition the cue governs, or في before a statement noun; a quoted name inside it
    /// (صحيفة “هآرتس”) is kept whole.
    fn speaker_after(&self, j: usize, sentence: Span) -> Option<(Span, usize)> {
        let a = self.a;
        let start = a.words.get(j)?.stems.first().map_or(a.words[j].span.start, |s| s.span.start);
        let mut end = None;
        let mut k = j;
        while k < a.words.len() && k < j + MAX_SPEAKER_WORDS && a.words[k].span.start < sentence.end {
            if k > j {
                let between = a.between(k);
                let b = between.trim();
                let quote_ok = b.chars().all(|c| matches!(c, '“' | '”' | '«' | '»' | '"'));
                if !(a.joined(k) || (quote_ok && !b.is_empty())) {
                    break;
                }
            }
            let key = a.words[k].key.as_ref();
            if self.is_complementizer(k)
                || (k > j && CUE_PREPOSITIONS.contains(&key))
                || self.in_entity(k, &[Label::DATE, Label::TIME])
                || is_cue_word(key)
            {
                break;
            }
            if key == "في" && a.words.get(k + 1).is_some_and(|w| STATEMENT_NOUNS.contains(&w.key.as_ref())) {
                break;
            }
            end = Some(a.words[k].span.end);
            k += 1;
        }
        let mut end = end?;
        // A closing quotation mark right after the phrase belongs to it: صحيفة “هآرتس”
        if let Some(c) = a.text[end..].chars().next().filter(|c| matches!(c, '”' | '»' | '"')) {
            if a.text[start..end].contains(['“', '«', '"']) {
                end += c.len_utf8();
            }
        }
        // A speaker must name someone: it starts with a noun, not a preposition or a pronoun.
        let first = a.words[j].key.as_ref();
        if ["من", "في", "علي", "الي", "هو", "هي", "ذلك", "هذا", "هذه", "ان"].contains(&first)
            || a.words[j].kind == TokenKind::Number
        {
            return None;
        }
        Some((Span::new(start, end), k))
    }

    /// The subject before the cue (SVO): the entities and titles joined right before it.
    fn speaker_before(&self, i: usize, sentence: Span) -> Option<Span> {
        let a = self.a;
        if i == 0 || !a.joined(i) {
            return None;
        }
        let cue_start = a.words[i].span.start;
        // The entity or entities ending right before the cue, back to the sentence start.
        let mut start = None;
        let mut at = a.words[i - 1].span.end;
        while let Some(e) = self.entity_ending_at(at) {
            if e.span.end > cue_start
                || e.span.start < sentence.start
                || !matches!(e.label, Label::PER | Label::ORG | Label::LOC | Label::NORP | Label::TITLE)
            {
                break;
            }
            start = Some(e.span.start);
            // The word holding the entity's start (it may start after a clitic, inside a word),
            // then the word before it.
            let w = a.words.partition_point(|x| x.span.start <= e.span.start);
            if w < 2 || !a.joined(w - 1) || a.words[w - 2].span.end >= at {
                break;
            }
            at = a.words[w - 2].span.end;
        }
        // The subject opens its clause: the sentence starts there, or a comma stands before it.
        let start = start?;
        let before = a.text[sentence.start.min(start)..start].trim_end();
        let opens = before.trim_start_matches(|c: char| c == 'و' || c.is_whitespace()).is_empty()
            || before.ends_with(['،', ',']);
        opens.then(|| Span::new(start, a.words[i - 1].span.end))
    }

    /// دعت المنظمة إلى الإفراج عن …: for the verbs of [`NOMINAL_CONTENT`], the content is the
    /// rest of the clause after their preposition (written apart: إلى، من، على; or on the word:
    /// بتشكيل).
    /// Returns the content and where the preposition starts (the speaker ends there).
    fn nominal_content(&self, i: usize, from: usize, sentence: Span) -> Option<((Span, bool, usize), usize)> {
        let a = self.a;
        let cue = a.words[i]
            .stems
            .iter()
            .map(|s| s.key.as_ref())
            .chain(std::iter::once(a.words[i].key.as_ref()))
            .find(|k| is_cue_word(k))?;
        let base = cue.trim_start_matches(['و', 'ف']);
        let prep = NOMINAL_CONTENT
            .iter()
            .find(|(v, _)| base.starts_with(v) || base.trim_start_matches(['ي', 'ت']).starts_with(v))?
            .1;
        // The first word after the cue that is the preposition or carries it (بتشكيل).
        let k = (from..a.words.len().min(from + MAX_SPEAKER_WORDS + 2))
            .take_while(|&k| a.words[k].span.start < sentence.end)
            .find(|&k| {
                let key = a.words[k].key.as_ref();
                key == prep
                    || (prep == "ب"
                        && key.starts_with('ب')
                        && key.chars().count() >= 4
                        && !matches!(key, "باسم" | "بن" | "بين"))
            })?;
        let w = &a.words[k];
        let start = if &*w.key == prep {
            a.words.get(k + 1)?.span.start
        } else {
            w.span.start + crate::normalize::extend_over_marks(w.span.of(a.text), 'ب'.len_utf8())
        };
        if start >= sentence.end {
            return None;
        }
        let (span, _, after) = self.content_after(start, sentence)?;
        Some(((Span::new(start, span.end), false, after), w.span.start))
    }

    /// A headline: the cue is near the start of its line and the line has no final stop.
    fn is_headline(&self, i: usize, subject: Option<Span>) -> bool {
        let a = self.a;
        let Some(subj) = subject else { return false };
        let line_start = self.paragraph_start(a.words[i].span.start);
        let line_end = self.paragraph_end(a.words[i].span.start);
        a.text[line_start..subj.start].trim().is_empty()
            && !a.text[line_start..line_end].trim_end().ends_with(['.', '!', '؟', '?', '»', '”'])
    }

    /// The content after a complementizer ending at byte `from`: a quotation if one opens right
    /// there, else the rest of the sentence up to a break.
    fn content_after(&self, from: usize, sentence: Span) -> Option<(Span, bool, usize)> {
        if let Some(q) = self.quote_at(from) {
            return Some(q);
        }
        let a = self.a;
        let first = a.word_at(from);
        let start = a.words.get(first)?.span.start;
        if start >= sentence.end.max(from + 1) + 2 {
            return None;
        }
        let mut end = sentence.end;
        // Stop at a comma followed by a break word or by a new cue: …، وذلك عقب / …، قالت السفارة
        for k in first + 1..a.words.len() {
            let w = &a.words[k];
            if w.span.start >= end {
                break;
            }
            let b = a.between(k);
            if b.contains(['،', ',', ';', '؛'])
                && (CONTENT_BREAKS.contains(&w.key.as_ref())
                    || is_cue_word(&w.key)
                    || (k + 1 < a.words.len() && self.cue(k).is_some()))
            {
                end = a.words[k - 1].span.end;
                break;
            }
        }
        let span = trim_end(a.text, Span::new(start, end));
        (!span.is_empty()).then_some((span, false, a.word_at(span.end)))
    }

    /// A quotation opening at byte `from` (after spaces): its inside, up to the matching mark,
    /// across sentences but not across paragraphs.
    fn quote_at(&self, from: usize) -> Option<(Span, bool, usize)> {
        let a = self.a;
        let rest = &a.text[from..];
        let lead = rest.len() - rest.trim_start_matches([' ', '\u{00A0}', ':']).len();
        let open = rest[lead..].chars().next()?;
        let close = crate::chars::closing_quote(open)?;
        let inner = from + lead + open.len_utf8();
        let para_end = self.paragraph_end(inner);
        let rel = a.text[inner..para_end]
            .find(close)
            .or_else(|| (close == '”').then(|| a.text[inner..para_end].find('"')).flatten())?;
        let span = Span::new(inner, inner + rel);
        (!span.is_empty()).then(|| (span, true, a.word_at(span.end)))
    }

    /// A colon or a quotation right after the cue and its speaker: قال الوزير: “…”.
    fn colon_or_quote(&self, from: usize, sentence: Span) -> Option<(Span, bool, usize)> {
        let rest = self.a.text.get(from..)?;
        let t = rest.trim_start_matches([' ', '،', ',']);
        if let Some(after) = t.strip_prefix(':') {
            let at = from + (rest.len() - after.len());
            return self.quote_at(at).or_else(|| {
                let start = at + (after.len() - after.trim_start().len());
                let end = self.paragraph_end(start).min(sentence.end.max(start));
                let span = trim_end(self.a.text, Span::new(start, end));
                (!span.is_empty()).then(|| (span, false, self.a.word_at(span.end)))
            });
        }
        None
    }

    /// A line that opens with a speaker and then إن “…” with no cue: السفارة الروسية في تل
    /// أبيب إن "…". Word `i` is the first word of the line.
    fn cueless_quote(&self, i: usize) -> Option<(Claim, usize)> {
        let a = self.a;
        let line = self.paragraph_start(a.words[i].span.start);
        if !a.text[line..a.words[i].span.start].trim().is_empty() {
            return None;
        }
        let sentence = self.sentence(a.words[i].span.start);
        let (speaker, next) = self.speaker_after(i, sentence)?;
        if !self.is_complementizer(next) {
            return None;
        }
        // The speaker names someone: an entity, or a title or body word (الوزارة، المتحدث).
        let k = a.entities.partition_point(|e| e.span.start < speaker.start);
        let names = a.entities.get(k).is_some_and(|e| speaker.contains(e.span))
            || a.words[i].any.any(&[Kind::Title, Kind::OrgHead, Kind::Media]);
        if !names {
            return None;
        }
        let (content, quoted, after) = self.quote_at(a.words[next].span.end)?;
        Some((
            Claim {
                speaker: Some(speaker),
                cue: None,
                content,
                quoted,
                negated: false,
                source: "rule:claims-no-cue".into(),
                status: Status::Auto,
            },
            after,
        ))
    }

    /// بحسب X: the speaker follows; the content is the clause before it, or, when the cue opens
    /// the sentence, the clause after the comma (وبحسب الوكالة، فإن …).
    fn according(&self, cue: Span, next: usize) -> Option<(Claim, usize)> {
        let a = self.a;
        let sentence = self.sentence(cue.start);
        let (speaker, after) = self.speaker_after(next, sentence)?;
        let opens = a.text[sentence.start..cue.start].trim_matches(|c: char| c.is_whitespace() || c == 'و').is_empty();
        let content = if opens {
            let mut k = after;
            if k < a.words.len() && self.is_complementizer(k) {
                k += 1;
            }
            let start = a.words.get(k)?.span.start;
            trim_end(a.text, Span::new(start, sentence.end))
        } else {
            trim_end(a.text, Span::new(sentence.start, cue.start))
        };
        if content.is_empty() || content.end <= content.start {
            return None;
        }
        let end_word = if opens { a.word_at(content.end) } else { after };
        Some((
            Claim {
                speaker: Some(speaker),
                cue: Some(cue),
                content,
                quoted: false,
                negated: false,
                source: "rule:claims-according".into(),
                status: Status::Auto,
            },
            end_word,
        ))
    }
}

/// Trims spaces, commas and final stops from the end of a span.
fn trim_end(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '،' | ',' | '.' | '؛' | ';' | ':'));
    let lead = s.len() - s.trim_start().len();
    Span::new(span.start + lead, span.start + t.len().max(lead))
}

#[cfg(test)]
mod tests;
