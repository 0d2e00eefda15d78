//! Attributions: بحسب X، وفقا لـ X، نقلا عن X، بحسب ما قال X. The speaker follows the cue; the content is the
//! clause before it (…، بحسب البنك المركزي), or, when the cue opens the sentence, the clause
//! after the comma (وبحسب الوكالة، فإن …).

use super::cues::CueKind;
use super::{claim, trim_end, Context, WHAT};
use crate::document::{Claim, Label};
use crate::lexicon::{Kind, Lexicon, RuleList};
use crate::words::Words;
use crate::Span;
use std::collections::HashMap;

/// بل "but rather" (search-normalized), which after فحسب or وحسب means "not only … but".
const BUT: &str = "بل";

/// What the claims of this pattern are marked with.
const SOURCE: &str = "rule:claims-according";

/// The claim of the attribution `cue`, whose words end before word `next`.
pub(super) fn at(cx: &Context, cue: Span, next: usize) -> Option<Claim> {
    let a = cx.a;
    let sentence = a.sentence(cue.start);
    // بحسب ما قال X، وفق ما أعلن X، حسبما أفادت X: the verb of saying between cue and speaker.
    let mut next = next;
    if a.joined(next) && a.words.get(next).is_some_and(|w| w.key() == WHAT) {
        next += 1;
    }
    if a.joined(next) && a.words.get(next).is_some_and(|w| w.is_cue()) {
        next += 1;
    }
    // The source right after, no comma between and no other clause opening there (ليس
    // للسياح فحسب ولكن …، مجاهدا وحسب، بل …: "only", no source).
    let only =
        !a.joined(next) || a.words.get(next).is_some_and(|w| w.key() == BUT || w.kinds().has(Kind::ContentBreak));
    if only {
        return None;
    }
    let (speaker, after) = cx.speaker_after(next, sentence)?;
    // A measure or a rule is no source (حسب شكل الأرض، وفقا للقانون: data/hand/not-sources.txt).
    let lex = Lexicon::builtin();
    // (Also with the ة a pronoun turned to ت, which the readings keep: لشحنتهما.)
    let first = &a.words[next];
    let before_pronoun =
        |k: &str| k.strip_suffix('ت').is_some_and(|b| lex.in_list(RuleList::NotSource, &format!("{b}ه")));
    if first.in_list(lex, RuleList::NotSource) || first.stems().iter().any(|s| before_pronoun(&s.key)) {
        return None;
    }
    let opens = a.text[sentence.start..cue.start].trim_matches(|c: char| c.is_whitespace() || c == 'و').is_empty();
    let content = if opens {
        let mut k = after;
        if k < a.words.len() && cx.is_complementizer(k) {
            k += 1;
        }
        let start = a.words.get(k)?.span.start;
        trim_end(a.text, Span::new(start, sentence.end))
    } else {
        trim_end(a.text, Span::new(sentence.start, cue.start))
    };
    if content.is_empty() {
        return None;
    }
    Some(claim(Some(speaker), Some(cue), content, false, false, SOURCE))
}

/// كما (as), before a verb of saying: … واعتقلت العشرات، كما قالت الوكالة.
const AS: &str = "كما";
/// The most words of a dateline before its colon (عواصم - وكالات:، استنبول - قنا - ا ف ب:).
const DATELINE_WORDS: usize = 8;
/// The most words a sentence may go on with after such a speaker (… كما قالت الوكالة دون
/// توضيحات إضافية).
const AS_SAID_TAIL: usize = 3;

/// كما + a verb of saying + its speaker at the end of a sentence (…، كما ذكرت وكالة الأناضول)
/// attributes the clause before it, as بحسب does. Not when كما opens the sentence or a content
/// follows the speaker (كما أكد الوزير أن …: "he also stressed that", the verb's own claim).
pub(super) fn as_said(cx: &Context, i: usize, kind: CueKind, cue: Span) -> Option<Claim> {
    let a = cx.a;
    if kind != CueKind::Verb || !a.joined(i) || a.words[i - 1].key() != AS {
        return None;
    }
    let sentence = a.sentence(cue.start);
    let before = Span::new(sentence.start, a.words[i - 1].span.start);
    let opens = before.of(a.text).trim_matches(|c: char| c.is_whitespace() || c == 'و').is_empty();
    if opens {
        return None;
    }
    // ليس … كما تقول الإشاعة: "not …, as the rumour has it" denies what the source says.
    let opener = a.words.get(a.word_at(before.start));
    if opener.is_some_and(|w| w.in_list(Lexicon::builtin(), RuleList::DenialOfClause)) {
        return None;
    }
    let (speaker, after) = cx.speaker_after(i + 1, sentence)?;
    // Its first word speaks (الوكالة، الرئاسة), or it names a person or a body (مراسل فرانس
    // برس): كما تعتبر العاصمة العصرية لمنطقة فريولي, "it is also considered the capital of
    // Friuli", has no source.
    let words = a.word_holding(speaker.start)..a.word_at(speaker.end);
    if !cx.speaks(words.start) && !words.clone().any(|k| cx.in_entity(k, &[Label::PER, Label::ORG])) {
        return None;
    }
    let tail = (after..a.words.len()).take_while(|&k| a.words[k].span.start < sentence.end);
    if tail.clone().count() > AS_SAID_TAIL || tail.clone().any(|k| cx.is_complementizer(k) || a.words[k].is_cue()) {
        return None;
    }
    // A dateline before a colon is no part of it (استنبول - قنا - ا ف ب: اوقفت الشرطة …).
    let before = match before.of(a.text).rfind(':') {
        Some(colon) if a.word_at(before.start + colon) - a.word_at(before.start) <= DATELINE_WORDS => {
            Span::new(before.start + colon + 1, before.end)
        }
        _ => before,
    };
    let content = trim_end(a.text, before);
    let first = a.words.get(a.word_at(content.start))?;
    // The conjunction on the sentence's first word is no part of what was said (وطاردت …).
    let content = match first.stems().iter().find(|s| s.prefix.of(a.text) == "و") {
        Some(s) if first.span.start == content.start => Span::new(s.span.start, content.end),
        _ => content,
    };
    let cue = Span::new(a.words[i - 1].span.start, cue.end);
    Some(claim(Some(speaker), Some(cue), content, false, false, SOURCE))
}

/// An attribution after a report (نفى الرئيس وجود إرهابيين حسب ما تردده دوائر غربية) attributes
/// the report's content, not the whole clause before it with its cue and speaker.
pub(super) fn narrow_to_reports(a: &Words, claims: &mut [Claim]) {
    let ends: HashMap<usize, Span> =
        claims.iter().filter(|c| c.source != SOURCE).map(|c| (trim_end(a.text, c.content).end, c.content)).collect();
    for c in claims.iter_mut().filter(|c| c.source == SOURCE) {
        if let Some(&inner) = ends.get(&trim_end(a.text, c.content).end) {
            if c.content.contains(inner) && inner != c.content {
                c.content = inner;
            }
        }
    }
}
