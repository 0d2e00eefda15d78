//! Claims with no cue: a line that opens with a speaker and إن “…” (a headline without its verb:
//! السفارة الروسية في تل أبيب إن "…"), or with a person's name and a colon (القرضاوي: …); a line
//! inside a quotation a line before opened, with no quotation mark of its own or closing it (its
//! part of the quotation); sentences in the first person going on with speech that lost its
//! quotation marks.

use super::{claim, Context, Found};
use crate::document::Claim;
use crate::document::Label;
use crate::lexicon::{Kind, RuleList};
use crate::Span;

/// The source of cueless claims.
const NO_CUE: &str = "rule:claims-no-cue";
/// Fewest letters of a word whose ending نا is read as "we, us, our" (حلفائنا، يشغلنا; not هنا).
const MIN_NA_LETTERS: usize = 5;

/// The claim of the line whose first word is word `i`, if it has this shape.
pub(super) fn at(cx: &Context, i: usize) -> Option<Claim> {
    let a = cx.a;
    let line = a.paragraph_start(a.words[i].span.start);
    if !a.text[line..a.words[i].span.start].trim().is_empty() {
        return None;
    }
    // A quotation going on from the line before: this line's part of it.
    if let Some(content) = cx.continued_quote(line) {
        return Some(claim(None, None, content, true, false, NO_CUE));
    }
    let sentence = a.sentence(a.words[i].span.start);
    // A headline naming its speaker before a colon: القرضاوي: …
    if let Some(c) = headline_colon(cx, i, sentence) {
        return Some(c);
    }
    let (speaker, next) = cx.speaker_after(i, sentence)?;
    if !cx.is_complementizer(next) {
        return None;
    }
    // The speaker names someone: an entity, or a title or body word (الوزارة، المتحدث).
    let names = cx.entity_from(speaker.start).is_some_and(|e| speaker.contains(e.span))
        || a.words[i].any().any(&[Kind::Title, Kind::OrgHead, Kind::Media]);
    if !names {
        return None;
    }
    let (content, quoted) = cx.quote_at(a.words[next].span.end)?;
    Some(claim(Some(speaker), None, content, quoted, false, NO_CUE))
}

/// The fewest words a headline's content has after its speaker and colon.
const MIN_HEADLINE_WORDS: usize = 4;

/// A line opening with a person's name and a colon: the person speaks the rest of the line
/// (القرضاوي: …).
fn headline_colon(cx: &Context, i: usize, sentence: crate::Span) -> Option<Claim> {
    let a = cx.a;
    // A person: a body before a colon more often titles a record (مجلس محلي قلقيلية: قرار …).
    let e = cx.entity_from(a.words[i].span.start).filter(|e| e.label == Label::PER)?;
    let w = a.word_at(e.span.end);
    let first = a.words[i].span;
    if e.span.start >= first.end || first.end > e.span.end || w >= a.words.len() || a.between(w).trim() != ":" {
        return None;
    }
    let colon = e.span.end + a.text[e.span.end..].find(':')?;
    let (content, quoted) = cx.colon_or_quote(e.span.end, sentence)?;
    // What is said, not a description (الإمام …: إمام اليمن المشهور).
    if a.word_at(content.end) - a.word_at(content.start) < MIN_HEADLINE_WORDS {
        return None;
    }
    let colon = crate::Span::new(colon, colon + 1);
    Some(claim(Some(e.span), Some(colon), content, quoted, false, NO_CUE))
}

/// The claims kept, with the sentences that go on with a direct speech added after it: each
/// sentence right after a quoted content that runs to its sentence's end, holding no claim of its
/// own and a word in the first person (… قال بلير لدينا عزم اكيد. لكننا نريد ان نتعامل …: text
/// that lost its quotation marks, one sentence a line, as NewsFANE's). Quoted, with no speaker:
/// whoever spoke before is whom it is attributed to.
pub(super) fn with_continued_speech(cx: &Context, kept: Vec<Found>) -> Vec<Found> {
    let a = cx.a;
    let mut out: Vec<Found> = Vec::with_capacity(kept.len());
    let mut rest = kept.into_iter().peekable();
    while let Some(f) = rest.next() {
        let mut content = f.claim.content;
        let direct = runs_to_its_end(cx, content) && speaks_in_person(cx, &f.claim);
        out.push(f);
        while direct && runs_to_its_end(cx, content) {
            let first = a.word_at(a.sentence(content.start).end);
            let Some(w) = a.words.get(first) else { break };
            let sentence = a.sentence(w.span.start);
            let last = a.word_at(sentence.end);
            let claimed = rest.peek().is_some_and(|n| n.word < last);
            if claimed || !(first..last).any(|k| first_person(cx, k)) {
                break;
            }
            content = super::content::trim_unopened_quote(
                a.text,
                super::trim_end(a.text, Span::new(w.span.start, sentence.end)),
            );
            out.push(Found { word: first, claim: claim(None, None, content, true, false, NO_CUE) });
        }
    }
    out
}

/// Whether a claim gives someone's own words: quoted, after a colon (قال المالكي: …), or in the
/// first person though reported with أن (قال إن هدفنا …); and the writer is not told it in the
/// first person (قالت لنا مرافقتنا: …, a travelogue whose every sentence says "we"; a pronoun of
/// `first-person.txt` before the content: منتخبنا, "our team", is how a paper names its country's).
fn speaks_in_person(cx: &Context, c: &Claim) -> bool {
    let a = cx.a;
    let lex = crate::lexicon::Lexicon::builtin();
    let (first, end) = (a.word_at(c.content.start), a.word_at(c.content.end));
    let own =
        c.quoted || a.text[..c.content.start].trim_end().ends_with(':') || (first..end).any(|k| first_person(cx, k));
    // The words of the sentence before the content, a cue's and a speaker's reach at most (one
    // sentence may hold thousands of claims).
    let from = a.word_at(a.sentence(c.content.start).start).max(first.saturating_sub(TOLD_WORDS));
    own && !(from..first).any(|k| a.words[k].in_list(lex, RuleList::FirstPerson))
}

/// The most words before a content looked at for the writer told it in the first person.
const TOLD_WORDS: usize = 12;

/// Whether a content runs to the end of its sentence (only stops and quotation marks after it).
fn runs_to_its_end(cx: &Context, content: Span) -> bool {
    let end = cx.a.sentence(content.start).end;
    end >= content.end && cx.a.text[content.end..end].chars().all(|c| c.is_whitespace() || ".!؟?\"”»".contains(c))
}

/// Whether word `k` is in the first person: one of `first-person.txt` (the whole word, or
/// without و/ف in front: not a clitic reading, كانا is no ك + أنا), or a longer word ending in نا
/// after a letter other than ا (حلفائنا، لكننا; not احيانا, an accusative).
pub(super) fn first_person(cx: &Context, k: usize) -> bool {
    let key = cx.a.words[k].key();
    let lex = crate::lexicon::Lexicon::builtin();
    let na = key.strip_suffix("نا").is_some_and(|stem| !stem.ends_with('ا') && key.chars().count() >= MIN_NA_LETTERS);
    na || lex.in_list(RuleList::FirstPerson, key)
        || key.strip_prefix(['و', 'ف']).is_some_and(|bare| lex.in_list(RuleList::FirstPerson, bare))
}
