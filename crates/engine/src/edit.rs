//! Editing a document: the operations behind every correction in the app, pure and tested
//! natively. Spans are bytes of `Document::text`; the app converts from UTF-16 at its boundary.
//!
//! Provenance: an entity a person made has `source: "user"` (or `"user:tag-all"`) and
//! `status: edited`; an engine proposal a person kept is `accepted`; one a person changed is
//! `edited` with its original source. Deleted proposals are remembered in
//! `Document::rejected` so that re-analysis does not bring them back.

use crate::clitics::Stem;
use crate::document::{Claim, Document, Entity, Label, Status};
use crate::keys::phrase_key;
use crate::lexicon::{Kind, Lexicon};
use crate::tokenize::tokenize;
use crate::words::{Word, Words};
use crate::Span;

/// A selection snapped to word boundaries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snap {
    pub span: Span,
    /// The proclitics left out of the span (ب in بالقاهرة), if any: the user may take them back.
    pub detached: Option<Span>,
}

/// The paragraph (line) around byte `at`.
fn paragraph(text: &str, at: usize) -> Span {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |p| p + 1);
    let end = text[at..].find('\n').map_or(text.len(), |p| at + p);
    Span::new(start, end)
}

/// Lists whose words are names that stand on their own (a city, a country, an organization …):
/// a known stem of one of them after و، ب، ل … is evidence that those letters are clitics.
/// Given names, surnames, gazetteer towns and common words are not: many are ordinary words
/// too (جود in وجود, قد in فقد), so a letter before them may be part of the word.
const NAME_LISTS: [Kind; 13] = [
    Kind::Country,
    Kind::City,
    Kind::Region,
    Kind::Person,
    Kind::Organization,
    Kind::Media,
    Kind::OrgHead,
    Kind::Title,
    Kind::Nationality,
    Kind::Currency,
    Kind::Month,
    Kind::Weekday,
    Kind::PlaceHead,
];

/// The reading of `word` whose proclitics the lexicon vouches for, if any: the whole word is
/// in no list, and the stem is in a list of [`NAME_LISTS`], or is a noun with the article and
/// at least three letters after it (بالمدينة، والجيش; not والد, where ال is not an article).
fn clitic_reading(word: &Word) -> Option<Stem> {
    if !word.kinds().is_empty() {
        return None;
    }
    word.stems().iter().filter(|s| !s.prefix.is_empty()).find(|s| {
        let article = s.key.strip_prefix("ال").is_some_and(|rest| rest.chars().count() >= 3);
        s.kinds.any(&NAME_LISTS) || s.bare.any(&NAME_LISTS) || article
    })
}

/// Snaps a selection to whole words. When its first word starts with clitics (و، ب، ل …) that
/// the lexicon vouches for (see [`clitic_reading`]), the span starts after them and `detached`
/// says what was left out; a letter that may belong to the word is never cut off (وجود، فقد،
/// وصل stay whole). `None` when the selection holds no word.
pub fn snap(text: &str, sel: Span) -> Option<Snap> {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let sel = Span::new(floor(sel.start), floor(sel.end).max(floor(sel.start)));
    let para = paragraph(text, sel.start).cover(paragraph(text, sel.end));
    let a = Words::analyze(para.of(text), Lexicon::builtin());
    let inside: Vec<_> = a
        .words
        .iter()
        .filter(|w| w.span.start + para.start < sel.end.max(sel.start + 1) && w.span.end + para.start > sel.start)
        .collect();
    let (first, last) = (inside.first()?, inside.last()?);
    let mut span = Span::new(first.span.start + para.start, last.span.end + para.start);
    let mut detached = None;
    if let Some(stem) = clitic_reading(first) {
        detached = Some(Span::new(stem.prefix.start + para.start, stem.prefix.end + para.start));
        span.start = stem.span.start + para.start;
    }
    Some(Snap { span, detached })
}

/// Where a selection edge at byte `at` moves by one word: forward to the end of the next word
/// that ends after `at`, or back to the start of the previous word that starts before it.
/// Stays within the line; `at` itself when there is no word that way.
pub fn step_word(text: &str, at: usize, forward: bool) -> usize {
    let at = at.min(text.len());
    let para = paragraph(text, at);
    let words = tokenize(para.of(text)).into_iter().filter(|t| t.is_wordlike()).map(|t| t.span);
    let moved = if forward {
        words.map(|w| w.end + para.start).find(|&e| e > at)
    } else {
        words.map(|w| w.start + para.start).take_while(|&s| s < at).last()
    };
    moved.unwrap_or(at)
}

/// Adds an entity a person marked; every entity it overlaps is replaced, whoever made it (a
/// person who marks a base or an airport around a place already tagged means the wider name;
/// entities never overlap). Returns its index after sorting.
pub fn add_entity(doc: &mut Document, span: Span, label: Label, source: &str) -> usize {
    doc.entities.retain(|e| !e.span.overlaps(span));
    doc.entities.push(Entity { span, label, source: source.to_string(), confidence: 1.0, status: Status::Edited });
    doc.sort();
    doc.entities.iter().position(|e| e.span == span && e.label == label).unwrap_or(0)
}

pub fn set_label(doc: &mut Document, i: usize, label: Label) {
    if let Some(e) = doc.entities.get_mut(i) {
        if e.label != label {
            e.label = label;
            e.status = Status::Edited;
        }
    }
}

pub fn accept(doc: &mut Document, i: usize) {
    if let Some(e) = doc.entities.get_mut(i) {
        if e.status == Status::Auto {
            e.status = Status::Accepted;
        }
    }
}

/// Deletes entity `i`; an engine proposal is remembered as rejected.
pub fn delete(doc: &mut Document, i: usize) {
    if i < doc.entities.len() {
        let e = doc.entities.remove(i);
        if e.status == Status::Auto {
            doc.rejected.push((e.span, e.label));
        }
    }
}

/// Accepts every remaining proposal of `label`; returns how many.
pub fn accept_all(doc: &mut Document, label: Label) -> usize {
    let mut n = 0;
    for e in doc.entities.iter_mut().filter(|e| e.label == label && e.status == Status::Auto) {
        e.status = Status::Accepted;
        n += 1;
    }
    n
}

/// Rejects every remaining proposal of `label`; returns how many.
pub fn reject_all(doc: &mut Document, label: Label) -> usize {
    let before = doc.entities.len();
    let (gone, kept): (Vec<Entity>, Vec<Entity>) =
        doc.entities.drain(..).partition(|e| e.label == label && e.status == Status::Auto);
    doc.rejected.extend(gone.iter().map(|e| (e.span, e.label)));
    doc.entities = kept;
    before - doc.entities.len()
}

/// Marks every other occurrence of the words of `span` with `label`, matching through
/// normalization (أ/ا، ة/ه، diacritics …) and clitics (the first word may carry و، ب، ل …).
/// Places already marked by a person are left alone. Returns how many were added.
pub fn tag_all(doc: &mut Document, span: Span, label: Label) -> usize {
    let target: Vec<String> =
        phrase_key(span.of(&doc.text)).split(' ').filter(|s| !s.is_empty()).map(String::from).collect();
    if target.is_empty() {
        return 0;
    }
    let a = Words::analyze(&doc.text, Lexicon::builtin());
    let mut found = Vec::new();
    for i in 0..a.words.len() {
        let Some(stem) = a.words[i]
            .stems()
            .iter()
            .find(|s| *s.key == *target[0])
            .or_else(|| a.words[i].stems().iter().find(|s| &*s.key == target[0].trim_start_matches("ال")))
        else {
            continue;
        };
        if target.len() > 1 && !(1..target.len()).all(|k| a.joined(i + k) && *a.words[i + k].key() == *target[k]) {
            continue;
        }
        found.push(Span::new(stem.span.start, a.words[i + target.len() - 1].span.end));
    }
    let mut n = 0;
    for s in found {
        let taken = doc.entities.iter().any(|e| e.status != Status::Auto && e.span.overlaps(s));
        let same = doc.entities.iter().any(|e| e.span == s && e.label == label);
        if !taken && !same {
            add_entity(doc, s, label, "user:tag-all");
            n += 1;
        }
    }
    n
}

/// Which part of a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Speaker,
    Cue,
    Content,
}

/// A new claim whose content is `content`; returns its index after sorting.
pub fn add_claim(doc: &mut Document, content: Span) -> usize {
    doc.claims.push(Claim {
        speaker: None,
        cue: None,
        content,
        quoted: false,
        negated: false,
        source: "user".into(),
        status: Status::Edited,
        attribution: None,
    });
    doc.sort();
    doc.claims.iter().position(|c| c.content == content && c.source == "user").unwrap_or(0)
}

pub fn set_claim_part(doc: &mut Document, i: usize, part: Part, span: Span) {
    let text = doc.text.clone();
    if let Some(c) = doc.claims.get_mut(i) {
        match part {
            Part::Speaker => c.speaker = Some(span),
            Part::Cue => c.cue = Some(span),
            Part::Content => {
                c.content = span;
                // Quoted when the marks stand right around it.
                let before = text[..span.start].chars().next_back();
                let after = text[span.end..].chars().next();
                c.quoted = matches!(before, Some('“' | '«' | '"')) && matches!(after, Some('”' | '»' | '"'));
            }
        }
        c.status = Status::Edited;
    }
}

/// A yes-or-no property of a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    Quoted,
    Negated,
}

/// Turns a claim's flag on or off; the claim becomes a person's (`edited`).
pub fn toggle_flag(doc: &mut Document, i: usize, flag: Flag) {
    if let Some(c) = doc.claims.get_mut(i) {
        match flag {
            Flag::Quoted => c.quoted = !c.quoted,
            Flag::Negated => c.negated = !c.negated,
        }
        c.status = Status::Edited;
    }
}

/// Marks a claim as reviewed and kept as proposed.
pub fn accept_claim(doc: &mut Document, i: usize) {
    if let Some(c) = doc.claims.get_mut(i) {
        if c.status == Status::Auto {
            c.status = Status::Accepted;
        }
    }
}

pub fn delete_claim(doc: &mut Document, i: usize) {
    if i < doc.claims.len() {
        doc.claims.remove(i);
    }
}

/// The document for `new_text` after the user edited the text of `old`: what a person made or
/// reviewed is kept and moved with the text around the edit (dropped if the edit touched it);
/// the engine's proposals are made afresh, except where a person's annotation or rejection
/// stands.
pub fn reanalyze(old: &Document, new_text: &str) -> Document {
    merge(old, crate::annotate(new_text))
}

/// [`reanalyze`] with the fresh analysis `fresh` of the new text already made (the app makes it
/// away from the state, then merges it with whatever the person did meanwhile).
pub fn merge(old: &Document, fresh: Document) -> Document {
    let new_text = fresh.text.as_str();
    let (prefix, old_end, new_end) = changed_region(&old.text, new_text);
    let letter = |t: &str, at: usize, after: bool| {
        let c = if after {
            t.get(at..).and_then(|r| r.chars().next())
        } else {
            t.get(..at).and_then(|r| r.chars().next_back())
        };
        c.is_some_and(char::is_alphanumeric)
    };
    // A span before or after the edit moves with the text; one the edit touches, or that the
    // edit glued a letter onto (الوزير → الوزيرة), is dropped.
    let shift = |s: Span| -> Option<Span> {
        if s.end <= prefix {
            (s.end < prefix || !letter(new_text, s.end, true)).then_some(s)
        } else if s.start >= old_end {
            let moved = Span::new(s.start - old_end + new_end, s.end - old_end + new_end);
            (s.start > old_end || letter(&old.text, s.start, false) || !letter(new_text, moved.start, false))
                .then_some(moved)
        } else {
            None
        }
    };
    let kept: Vec<Entity> = old
        .entities
        .iter()
        .filter(|e| e.status != Status::Auto)
        .filter_map(|e| shift(e.span).map(|span| Entity { span, ..e.clone() }))
        .collect();
    let rejected: Vec<(Span, Label)> = old.rejected.iter().filter_map(|&(s, l)| shift(s).map(|s| (s, l))).collect();
    let kept_claims: Vec<Claim> = old
        .claims
        .iter()
        .filter(|c| c.status != Status::Auto)
        .filter_map(|c| {
            Some(Claim {
                content: shift(c.content)?,
                speaker: c.speaker.and_then(shift),
                cue: c.cue.and_then(shift),
                ..c.clone()
            })
        })
        .collect();
    let mut doc = fresh;
    doc.entities.retain(|e| !kept.iter().any(|k| k.span.overlaps(e.span)) && !rejected.contains(&(e.span, e.label)));
    doc.entities.extend(kept);
    doc.claims.retain(|c| !kept_claims.iter().any(|k| k.content.overlaps(c.content)));
    doc.claims.extend(kept_claims);
    doc.rejected = rejected;
    doc.sort();
    doc
}

/// The edited region: the common prefix length and where the differing part ends in the old
/// and the new text (bytes, on character boundaries).
fn changed_region(old: &str, new: &str) -> (usize, usize, usize) {
    let mut prefix = old.bytes().zip(new.bytes()).take_while(|(a, b)| a == b).count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = (old.len() - prefix).min(new.len() - prefix);
    let mut suffix = old.bytes().rev().zip(new.bytes().rev()).take(max_suffix).take_while(|(a, b)| a == b).count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    (prefix, old.len() - suffix, new.len() - suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, s: &str) -> Span {
        let at = text.find(s).unwrap();
        Span::new(at, at + s.len())
    }

    #[test]
    fn snap_to_words_and_detach_clitics() {
        // "He arrived in Cairo yesterday."
        let text = "وصل بالقاهرة أمس.";
        let sel = find(text, "لقاه"); // a piece of the word
        let s = snap(text, sel).unwrap();
        assert_eq!(s.span.of(text), "القاهرة");
        assert_eq!(s.detached.map(|d| d.of(text)), Some("ب"));
        let whole = snap(text, find(text, "وصل بالقاهرة")).unwrap();
        assert_eq!(whole.span.of(text), "وصل بالقاهرة", "a clitic on the first word only is detached");
        assert!(snap(text, find(text, ".")).is_none());
    }

    #[test]
    fn snapping_never_cuts_a_letter_of_the_word() {
        // Words that begin with letters that can be clitics (و ف ب ك ل) but are not here; the
        // gloss says what the word means whole. Selecting the whole phrase, or starting inside
        // the first word, gives the whole word.
        let rows = [
            ("وجود أي خطط", "وجود أي خطط", "the existence of any plans (not و + جود, a given name)"),
            ("وصل الوفد", "وصل الوفد", "the delegation arrived"),
            ("فقد الجيش", "فقد الجيش", "the army lost (not ف + قد)"),
            ("بنك مصر", "بنك مصر", "Bank Misr"),
            ("كتب الوزير", "كتب الوزير", "the minister wrote"),
            ("لعب الفريق", "لعب الفريق", "the team played"),
            ("وقف القتال", "وقف القتال", "a ceasefire"),
            ("والد الضحية", "والد الضحية", "the victim's father (ال here is no article)"),
        ];
        for (text, want, gloss) in rows {
            let s = snap(text, Span::new(0, text.len())).unwrap();
            assert_eq!((s.span.of(text), s.detached), (want, None), "{gloss}");
            let inside = snap(text, Span::new(2, text.len())).unwrap();
            assert_eq!(inside.span.of(text), want, "{gloss}, selected from inside the first word");
        }
    }

    #[test]
    fn snapping_leaves_out_clitics_the_lexicon_vouches_for() {
        // (text, what is selected, the snapped span, the clitic left out, gloss)
        let rows = [
            ("وصل بالقاهرة", "بالقاهرة", "القاهرة", "ب", "in Cairo: a city after ب"),
            ("قال وبيروت", "وبيروت", "بيروت", "و", "and Beirut"),
            ("عاد إلى والمدينة", "والمدينة", "المدينة", "و", "and the city: the article after و"),
            ("زار لأوكرانيا", "لأوكرانيا", "أوكرانيا", "ل", "to Ukraine"),
        ];
        for (text, sel, want, clitic, gloss) in rows {
            let s = snap(text, find(text, sel)).unwrap();
            assert_eq!((s.span.of(text), s.detached.map(|d| d.of(text))), (want, Some(clitic)), "{gloss}");
        }
    }

    #[test]
    fn a_wider_span_replaces_the_entities_it_covers() {
        // "He landed at Cairo International Airport": القاهرة is tagged; the airport is marked.
        let mut doc =
            Document { text: "هبط في مطار القاهرة الدولي.".into(), ..Document::default() };
        let cairo = find(&doc.text, "القاهرة");
        add_entity(&mut doc, cairo, Label::LOC, "user");
        let airport = find(&doc.text, "مطار القاهرة الدولي");
        let i = add_entity(&mut doc, airport, Label::LOC, "user");
        let texts: Vec<&str> = doc.entities.iter().map(|e| e.span.of(&doc.text)).collect();
        assert_eq!(texts, ["مطار القاهرة الدولي"]);
        assert_eq!(doc.entities[i].status, Status::Edited);
    }

    #[test]
    fn selection_edges_move_by_words() {
        // "The minister Sameh Shoukry said."
        let text = "قال الوزير سامح شكري.\nسطر";
        let at = text.find("سامح").unwrap();
        assert_eq!(&text[at..step_word(text, at, true)], "سامح");
        let end = step_word(text, at + "سامح".len(), true);
        assert_eq!(&text[at..end], "سامح شكري");
        assert_eq!(step_word(text, end, true), end, "the line ends: no word that way");
        assert_eq!(&text[step_word(text, at, false)..at], "الوزير ");
        assert_eq!(step_word(text, 0, false), 0);
    }

    #[test]
    fn claim_flags_toggle() {
        let mut doc = crate::annotate("قال الوزير إن “الاتفاق قريب”.");
        let quoted = doc.claims[0].quoted;
        toggle_flag(&mut doc, 0, Flag::Quoted);
        toggle_flag(&mut doc, 0, Flag::Negated);
        assert_eq!((doc.claims[0].quoted, doc.claims[0].negated), (!quoted, true));
        assert_eq!(doc.claims[0].status, Status::Edited);
    }

    #[test]
    fn edits_keep_provenance() {
        let mut doc = crate::annotate("زار الوزير القاهرة ثم بيروت.");
        let cairo = doc.entities.iter().position(|e| e.span.of(&doc.text) == "القاهرة").unwrap();
        let proposed_by = doc.entities[cairo].source.clone();
        accept(&mut doc, cairo);
        assert_eq!(doc.entities[cairo].status, Status::Accepted);
        set_label(&mut doc, cairo, Label::ORG);
        assert_eq!((doc.entities[cairo].label, doc.entities[cairo].status), (Label::ORG, Status::Edited));
        assert_eq!(doc.entities[cairo].source, proposed_by, "the proposing list or model stays recorded");
        let beirut = doc.entities.iter().position(|e| e.span.of(&doc.text) == "بيروت").unwrap();
        delete(&mut doc, beirut);
        assert_eq!(doc.rejected.len(), 1);
        let span = find(&doc.text, "الوزير");
        let i = add_entity(&mut doc, span, Label::PER, "user");
        assert_eq!(doc.entities[i].source, "user");
    }

    #[test]
    fn tag_all_matches_through_normalization_and_clitics() {
        // Three spellings of the same city: with hamza, without, with ب in front.
        let mut doc = crate::annotate("أسوان جميلة. زرت اسوان ثم عدت بأسوان.");
        doc.entities.clear();
        let first = find(&doc.text, "أسوان");
        add_entity(&mut doc, first, Label::LOC, "user");
        let n = tag_all(&mut doc, first, Label::LOC);
        assert_eq!(n, 2);
        let texts: Vec<&str> = doc.entities.iter().map(|e| e.span.of(&doc.text)).collect();
        assert_eq!(texts, ["أسوان", "اسوان", "أسوان"]);
    }

    #[test]
    fn accept_and_reject_all_of_a_label() {
        let mut doc = crate::annotate("زار القاهرة وبيروت وعمان أمس.");
        let locs = doc.entities.iter().filter(|e| e.label == Label::LOC).count();
        assert_eq!(reject_all(&mut doc, Label::LOC), locs);
        assert!(doc.entities.iter().all(|e| e.label != Label::LOC));
        assert_eq!(accept_all(&mut doc, Label::DATE), 1);
    }

    #[test]
    fn reanalysis_keeps_user_work_and_rejections() {
        let mut doc = crate::annotate("وصل الوفد إلى بيروت.\nالتقى الوزير.");
        let beirut = doc.entities.iter().position(|e| e.span.of(&doc.text) == "بيروت").unwrap();
        delete(&mut doc, beirut);
        let minister = find(&doc.text, "الوزير");
        add_entity(&mut doc, minister, Label::PER, "user");
        // The user types at the start of the text.
        let new_text = format!("عاجل: {}", doc.text);
        let next = reanalyze(&doc, &new_text);
        let texts: Vec<(&str, Label, Status)> =
            next.entities.iter().map(|e| (e.span.of(&next.text), e.label, e.status)).collect();
        assert!(texts.contains(&("الوزير", Label::PER, Status::Edited)), "{texts:?}");
        assert!(!texts.iter().any(|t| t.0 == "بيروت"), "a rejected proposal stays rejected: {texts:?}");
        // An edit inside the user's entity drops it.
        let broken = next.text.replace("الوزير", "الوزيرة");
        let after = reanalyze(&next, &broken);
        assert!(!after.entities.iter().any(|e| e.status == Status::Edited));
    }

    #[test]
    fn claims_are_made_and_changed_by_selection() {
        let mut doc = crate::annotate("قال الوزير إن “الاتفاق قريب”.");
        doc.claims.clear();
        let (content, speaker, cue) =
            (find(&doc.text, "الاتفاق قريب"), find(&doc.text, "الوزير"), find(&doc.text, "قال"));
        let i = add_claim(&mut doc, content);
        set_claim_part(&mut doc, i, Part::Speaker, speaker);
        set_claim_part(&mut doc, i, Part::Cue, cue);
        let content = doc.claims[i].content;
        set_claim_part(&mut doc, i, Part::Content, content);
        let c = &doc.claims[i];
        assert!(c.quoted, "the content sits inside quotation marks");
        assert_eq!(c.speaker.unwrap().of(&doc.text), "الوزير");
        delete_claim(&mut doc, i);
        assert!(doc.claims.is_empty());
    }
}
