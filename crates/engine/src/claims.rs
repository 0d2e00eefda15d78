//! The third stage: claims (who said what) from words and entities. A claim has a reporting
//! cue (a verb of saying, a denial, or بحسب/وفقا لـ …), a speaker (a noun phrase, linked to the
//! entities inside it), and a content (after إن/أن/بأن/أنه or a colon, or inside quotation
//! marks), direct when quoted.
//!
//! Each pattern proposes claims from its own file, like the entity rules; [`find`] resolves them:
//! - **verb** (`claims/verb.rs`): VSO أكدت السفارة الروسية، أمس الأحد، أن …; SVO الوزير قال إن …;
//!   a colon or a quotation after the cue; speech that lost its quotation marks (وقالت ابراهيمي لم
//!   اعد ارغب …); a headline روسيا تؤكد استمرار …;
//! - **nominal** (`claims/nominal.rs`): a verbal noun after the cue's preposition: دعا إلى الإفراج …،
//!   مطالبا السكان بالبقاء …; a noun phrase right after the cue: نفى الرئيس وجود …، its subject
//!   dropped only right after another report (وتعهد بتسيير …، حيث أكد وجود قطار ثالث);
//! - **according** (`claims/according.rs`): …، بحسب البنك المركزي. / وبحسب الوكالة، فإن …; after
//!   a report (نفى وجود … حسب ما تردده دوائر غربية) it attributes that report's content;
//! - **no cue** (`claims/cueless.rs`): a line that opens with a speaker and إن “…”, a line of a
//!   quotation going on over lines, sentences in the first person going on with speech before
//!   them that lost its quotation marks;
//! - resolution: a cue inside another claim's speaker or adverbials proposes nothing; a report
//!   whose content opens with another report keeps the inner one (`claims/nested.rs`); who each
//!   claim is attributed to is resolved across the text (`claims/attribution.rs`); a claim
//!   without a speaker (ولفتت إلى أن …) takes the last speaker of its paragraph.
//!
//! Negation: نفى، نفت، لم يؤكد … mark the claim as negated. Not claims: a cue with no content
//! introducer (أكد الفحص إصابته: confirmed, of a fact), a cue inside a quoted title (رواية
//! “قال الراوي”), the narrator's يذكر أن, a cue read after a preposition on its word (بحث is not
//! ب + حث), a passive with no subject (ويتوقع أن …), a condition (إذا رفض …), بحسب before a
//! measure (حسب شكل الأرض).

mod according;
mod attribution;
mod content;
mod cueless;
mod cues;
mod nested;
mod nominal;
mod relayed;
mod speakers;
mod verb;

use crate::document::{Claim, Entity, Label, Status};
use crate::lexicon::{Kind, RuleList};
use crate::words::Words;
use crate::Span;
pub use cues::CueKind;

/// Longest speaker, in words.
const MAX_SPEAKER_WORDS: usize = 9;
/// How many words may stand between a speaker and its complementizer (adverbials, the occasion:
/// في اتصاله مع … يوم الخميس الماضي أنه …).
const SKIP_WORDS: usize = 16;
/// That (أن، إن, normalized).
const THAT: &str = "ان";
/// بأن (that, after a noun or a verb that takes ب), normalized.
const BY_THAT: &str = "بان";
/// In: قالت الوزارة في بيان …
const IN: &str = "في";
/// The source of a claim whose subject is dropped and whose content is a noun phrase (وتعهد
/// بتسيير …، حيث أكد وجود …): kept only when a report stands in its sentence or the one before.
const DROPPED_SUBJECT: &str = "rule:claims-dropped-subject";
/// Of, from (طلب من …، العديد من …).
const OF: &str = "من";
/// What (ما), in بحسب ما قال …
const WHAT: &str = "ما";
/// مع (with), before a verbal noun that reports: … مع تأكيده أن.
const WITH: &str = "مع";

/// The claims of a text, from its words and its entities (sorted, not overlapping).
pub fn find(a: &Words, entities: &[Entity]) -> Vec<Claim> {
    // Every word's cue, read once: the patterns ask about a word many times.
    let cues: Vec<Option<(CueKind, Span)>> = (0..a.words.len()).map(|i| cues::at(a, i)).collect();
    let cx = Context { a, entities, cues: &cues };
    let lex = crate::lexicon::Lexicon::builtin();
    // Every pattern's proposals, with the word of their cue (or first word) and where the words
    // they took end (the cue, speaker and adverbials up to the content).
    let mut found: Vec<Found> = Vec::new();
    for i in 0..a.words.len() {
        let claim = match cx.cue(i) {
            // A cue right after an opening quotation mark is part of a title or a quote; after
            // أن it is expected or subordinate (من المنتظر أن يعلن، دون أن يكشف): not said yet.
            Some(_) if opens_quote(a.between(i)) => None,
            // (بأن too: اقتراح بأن تتعهد واشنطن …, a proposal that it pledge.)
            Some(_) if a.joined(i) && matches!(a.words[i - 1].key(), THAT | BY_THAT) => None,
            // يذكر أن …: "it is worth recalling", the narrator's background, not a report.
            Some(_) if a.words[i].kinds().has(Kind::ContentBreak) && a.joined(i + 1) && cx.is_complementizer(i + 1) => {
                None
            }
            // ويتوقع أن …: "it is expected that", no one's report.
            Some((_, cue)) if cx.impersonal(i, cue) => None,
            // إذا رفض الوزراء …: a condition, not a report.
            Some(_) if a.joined(i) && a.words[i - 1].in_list(lex, RuleList::Conditional) => None,
            Some((CueKind::According, span)) => according::at(&cx, span, a.word_at(span.end)),
            Some((kind, span)) => according::as_said(&cx, i, kind, span).or_else(|| verb::at(&cx, i, kind, span)),
            None => cueless::at(&cx, i),
        };
        found.extend(claim.map(|claim| Found { word: i, claim }));
    }
    // A cue among the words another claim took before its content proposes nothing.
    let mut kept: Vec<Found> = Vec::new();
    for f in found {
        if kept.last().is_some_and(|k| f.word > k.word && a.words[f.word].span.start < k.claim.content.start) {
            continue;
        }
        if f.claim.source == DROPPED_SUBJECT && !kept.last().is_some_and(|k| follows_report(a, &k.claim, f.word)) {
            continue;
        }
        kept.push(f);
    }
    let kept = cueless::with_continued_speech(&cx, kept);
    let kept = relayed::add(&cx, kept);
    let mut claims: Vec<Claim> = kept.into_iter().map(|f| f.claim).collect();
    according::narrow_to_reports(a, &mut claims);
    let mut claims = nested::drop_reports_of_reports(a, claims);
    attribution::resolve(a, entities, &mut claims);
    // A dropped subject takes the last speaker of the same paragraph.
    let mut last: Option<(Span, usize)> = None;
    for c in &mut claims {
        let para = a.paragraph_start(c.cue.unwrap_or(c.content).start);
        if c.speaker.is_none() {
            c.speaker = last.filter(|(_, p)| *p == para).map(|(s, _)| s);
        }
        if let Some(s) = c.speaker.filter(|_| c.source != relayed::RELAYED) {
            last = Some((s, para));
        }
    }
    claims
}

struct Found {
    word: usize,
    claim: Claim,
}

/// Whether `report` ends in the sentence of word `i` or in the one before.
fn follows_report(a: &Words, report: &Claim, i: usize) -> bool {
    let sentence = a.sentence(a.words[i].span.start);
    let first = a.word_at(sentence.start);
    let from = if first > 0 { a.sentence(a.words[first - 1].span.start).start } else { sentence.start };
    report.content.end >= from
}

/// A claim proposed by a pattern.
fn claim(speaker: Option<Span>, cue: Option<Span>, content: Span, quoted: bool, negated: bool, source: &str) -> Claim {
    Claim { speaker, cue, content, quoted, negated, source: source.into(), status: Status::Auto, attribution: None }
}

/// What the patterns read: the words and the entities found in them.
struct Context<'a, 't> {
    a: &'a Words<'t>,
    /// Sorted by start, not overlapping.
    entities: &'a [Entity],
    /// The cue at each word ([`cues::at`]).
    cues: &'a [Option<(CueKind, Span)>],
}

impl Context<'_, '_> {
    /// The cue at word `i`, if one is there: its kind and span (without و/ف in front).
    fn cue(&self, i: usize) -> Option<(CueKind, Span)> {
        self.cues.get(i).copied().flatten()
    }

    /// The lists the cue in word `i` is in: its readings', and its own without و/ف in front
    /// (وأكد, whose whole word is also a surname) or an object pronoun after it (اتهموها).
    fn cue_kinds(&self, i: usize) -> crate::lexicon::Kinds {
        let w = &self.a.words[i];
        let lex = crate::lexicon::Lexicon::builtin();
        match self.cue(i) {
            Some((_, span)) if span != w.span => {
                let own = lex.get(&crate::normalize::key(span.of(self.a.text)));
                let stems = w.stems();
                let with_object = stems.iter().filter(|s| s.span.start == span.start && s.suffix.end == span.end);
                with_object.fold(w.any().union(own), |k, s| k.union(cues::verb_kinds(lex, &s)))
            }
            _ => w.any(),
        }
    }

    /// Whether the cue `cue` in word `i` is read as passive, "it is expected that": one of
    /// `data/hand/impersonal-cues.txt` right before أن, with no subject before it.
    fn impersonal(&self, i: usize, cue: Span) -> bool {
        let a = self.a;
        self.cue_in(RuleList::ImpersonalCue, cue)
            && a.joined(i + 1)
            && self.is_complementizer(i + 1)
            && self.speaker_before(i, a.sentence(a.words[i].span.start)).is_none()
    }

    /// Whether the cue `cue`, as written (without و/ف in front), is in the rule list `list`.
    fn cue_in(&self, list: RuleList, cue: Span) -> bool {
        crate::lexicon::Lexicon::builtin().in_list(list, &crate::normalize::key(cue.of(self.a.text)))
    }

    /// Whether the cue `cue` in word `i` comes right after و or ف on its word (وأكد، فقال).
    fn after_conjunction(&self, i: usize, cue: Span) -> bool {
        matches!(self.a.text.get(self.a.words[i].span.start..cue.start), Some("و" | "ف"))
    }

    /// Whether word `i` introduces reported content (أن، إن، بأن، أنه …), and not a
    /// subordinate clause (بعد أن، قبل أن، دون أن).
    fn is_complementizer(&self, i: usize) -> bool {
        let lex = crate::lexicon::Lexicon::builtin();
        self.a.words.get(i).is_some_and(|w| w.any().has(Kind::Complementizer))
            && !(self.a.joined(i)
                && (self.a.words[i - 1].any().has(Kind::Subordinator)
                    || self.a.words[i - 1].in_list(lex, crate::lexicon::RuleList::Modal)))
            && !self.in_entity(i, &[Label::PER])
    }

    /// Whether word `j` lies in an entity with one of `labels`.
    fn in_entity(&self, j: usize, labels: &[Label]) -> bool {
        let w = self.a.words[j].span;
        let es = self.entities;
        let k = es.partition_point(|e| e.span.end <= w.start);
        es.get(k).is_some_and(|e| labels.contains(&e.label) && e.span.overlaps(w))
    }

    /// The entity ending exactly at byte `end`, if any.
    fn entity_ending_at(&self, end: usize) -> Option<&Entity> {
        let es = self.entities;
        let k = es.partition_point(|e| e.span.end < end);
        es.get(k).filter(|e| e.span.end == end)
    }

    /// The first entity starting at or after byte `at`.
    fn entity_from(&self, at: usize) -> Option<&Entity> {
        self.entities.get(self.entities.partition_point(|e| e.span.start < at))
    }
}

/// Whether `before` (what precedes a word) ends with an opening quotation mark.
fn opens_quote(before: &str) -> bool {
    let straight = before.strip_suffix('"').is_some_and(|b| b.is_empty() || b.ends_with(char::is_whitespace));
    before.ends_with(['“', '«']) || straight
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
