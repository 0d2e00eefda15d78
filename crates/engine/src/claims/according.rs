//! Attributions: بحسب X، وفقا لـ X، نقلا عن X، بحسب ما قال X. The speaker follows the cue; the content is the
//! clause before it (…، بحسب البنك المركزي), or, when the cue opens the sentence, the clause
//! after the comma (وبحسب الوكالة، فإن …).

use super::{claim, trim_end, Context, WHAT};
use crate::document::Claim;
use crate::lexicon::{Kind, RuleList};
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
    let lex = crate::lexicon::Lexicon::builtin();
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
