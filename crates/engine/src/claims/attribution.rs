//! Who each claim is attributed to, resolved across the text: the person or organization named
//! in its speaker, written at its fullest (بلير → توني بلير, the full name given before); for a
//! title alone (الوزير، الرئيس السابق) the person that title introduced before; for a dropped
//! subject (وأضاف أن …), a participle (مشيرا إلى أن …) or a quotation going on, whoever the
//! claim before it is attributed to, in the same paragraph first, then in the text.

use crate::document::{Claim, Entity, Label};
use crate::keys::phrase_key;
use crate::words::Words;
use crate::Span;

/// Labels that name a source, in the order a speaker's entities are preferred.
const SOURCES: [Label; 3] = [Label::PER, Label::ORG, Label::LOC];

/// Sets `attribution` on every claim (sorted by position; speakers as the patterns found them,
/// none where the subject is dropped).
pub(super) fn resolve(a: &Words, entities: &[Entity], claims: &mut [Claim]) {
    let names: Vec<&Entity> = entities.iter().filter(|e| SOURCES.contains(&e.label)).collect();
    let mut last: Option<(Span, usize)> = None; // (attribution, paragraph start)
    let mut last_in_text: Option<Span> = None;
    let mut earlier: Vec<Span> = Vec::new();
    for c in claims.iter_mut() {
        let para = a.paragraph_start(c.cue.unwrap_or(c.content).start);
        // A title with no person in the speaker names the person it introduced before (المتحدث
        // باسم المجلس …: the spokesman, not the council).
        let titled = c.speaker.filter(|s| !names.iter().any(|e| s.contains(e.span)));
        let by_title = titled.and_then(|s| introduced_by_title(a, &names, s));
        let own = c.speaker.and_then(|s| named_in(a, &names, s));
        c.attribution = match (by_title, own, c.speaker) {
            (Some(t), _, _) => Some(t),
            (None, Some(e), Some(s)) => Some(fullest_span(a, &names, e.label, extended(a, &names, e, s))),
            (None, Some(e), None) => Some(fullest(a, &names, e)),
            // A speaker that names no one by name: a title or a body named before (الوزير،
            // الصحيفة، الشركة), or a body named by its head word (الشرطة); others (مصادر مطلعة،
            // شهود عيان) are no one known.
            (None, None, Some(s)) => referred(a, &names, &earlier, s),
            (None, None, None) => last.filter(|(_, p)| *p == para).map(|(s, _)| s).or(last_in_text),
        };
        if let Some(at) = c.attribution {
            last = Some((at, para));
            last_in_text = Some(at);
            earlier.push(at);
        }
    }
}

/// The entity naming the source inside `speaker`: a person, else an organization (the last of
/// them when several: الناطق باسم الخارجية فلان is فلان), else a place that is the speaker
/// itself (روسيا تؤكد …; the place in المتحدث باسم المجلس في الصومال is not the source).
fn named_in<'e>(a: &Words, names: &[&'e Entity], speaker: Span) -> Option<&'e Entity> {
    // People: the first (بوش وبلير is Bush first); a body speaking through a person: the person.
    if let Some(e) = names.iter().find(|e| e.label == Label::PER && speaker.contains(e.span)) {
        return Some(e);
    }
    if let Some(e) = names.iter().rev().find(|e| e.label == Label::ORG && speaker.contains(e.span)) {
        return Some(e);
    }
    let words = |s: Span| a.word_at(s.end) - a.word_at(s.start);
    names
        .iter()
        .find(|e| e.label == Label::LOC && speaker.contains(e.span) && 2 * words(e.span) >= words(speaker))
        .copied()
}

/// The fullest mention of the entity `e` names: a person named by part of their name (بلير,
/// عنان) is the longest person mention whose words end with (or begin with) those words, the
/// first such before it, else anywhere; others are themselves.
fn fullest(a: &Words, names: &[&Entity], e: &Entity) -> Span {
    fullest_span(a, names, e.label, e.span)
}

/// [`fullest`] of a mention `at` of a `label` entity (which may be longer than the entity the
/// tagger found).
fn fullest_span(a: &Words, names: &[&Entity], label: Label, at: Span) -> Span {
    let e = Entity { span: at, label, source: String::new(), confidence: 0.0, status: crate::document::Status::Auto };
    let e = &e;
    let key = phrase_key(e.span.of(a.text));
    if key.is_empty() {
        return e.span;
    }
    let words = key.split(' ').count();
    let longer = |f: &&&Entity| {
        f.label == e.label && {
            let k = phrase_key(f.span.of(a.text));
            k.split(' ').count() > words && (k.ends_with(&format!(" {key}")) || k.starts_with(&format!("{key} ")))
        }
    };
    let before = names.iter().filter(|f| f.span.start < e.span.start).filter(longer).max_by_key(|f| f.span.len());
    let anywhere = || names.iter().filter(longer).max_by_key(|f| f.span.len());
    before.or_else(anywhere).map_or(e.span, |f| f.span)
}

/// A speaker that opens with a title and names no person (المتحدث باسم المجلس الأعلى …،
/// الرئيس السابق): the person the same title introduces elsewhere in the text, the nearest before
/// it, else the first after it.
fn introduced_by_title(a: &Words, names: &[&Entity], speaker: Span) -> Option<Span> {
    use crate::lexicon::Kind;
    let first = a.words.get(a.word_at(speaker.start))?;
    if !first.is(Kind::Title) {
        return None;
    }
    let head = first.stems.first().map_or(&*first.key, |s| &*s.key);
    let bare = head.strip_prefix("ال").unwrap_or(head);
    let titled = |e: &&&Entity| {
        e.label == Label::PER && !speaker.contains(e.span) && {
            let w = a.word_at(e.span.start);
            (w.saturating_sub(4)..w).any(|k| {
                a.words
                    .get(k)
                    .is_some_and(|x| x.stems.iter().any(|s| s.key.strip_prefix("ال").unwrap_or(&s.key) == bare))
            })
        }
    };
    let before = names.iter().rev().filter(|e| e.span.end <= speaker.start).find(titled);
    let e = before.or_else(|| names.iter().filter(|e| e.span.start >= speaker.end).find(titled))?;
    Some(fullest(a, names, e))
}

/// A person's mention taken on through the name words that follow it in the speaker (the
/// tagger stopped early: أبو القاسم عبدي [صلاد حسن]): given names, surnames and words in no
/// list, up to a place, a title or the end of the speaker.
fn extended(a: &Words, names: &[&Entity], e: &Entity, speaker: Span) -> Span {
    use crate::lexicon::Kind;
    let at = e.span;
    if e.label != Label::PER {
        return at;
    }
    let mut end = at.end;
    let mut k = a.word_at(at.end);
    while k < a.words.len() && a.joined(k) && a.words[k].span.end <= speaker.end {
        let w = &a.words[k];
        let listed_other =
            w.any.any(&[Kind::Title, Kind::Common, Kind::OrgHead, Kind::Country, Kind::City, Kind::Region]);
        let name_like =
            w.any.is_empty() || (w.kinds.any(&[Kind::GivenName, Kind::Surname, Kind::NameParticle]) && !listed_other);
        let other = names.iter().any(|e| e.span.overlaps(w.span));
        // Nor the article or a preposition on it (للصحفيين، القول): the name has ended.
        let attached = w.key.starts_with("ال") || w.key.starts_with(['ل', 'ب']);
        if !name_like
            || attached
            || other
            || w.nationality.is_some()
            || w.is_cue()
            || w.kind != crate::tokenize::TokenKind::Word
        {
            break;
        }
        end = w.span.end;
        k += 1;
    }
    Span::new(at.start, end)
}

/// Who a speaker without a name refers to: for a title or a person spoken of with the article
/// (الوزير، المسؤول العراقي، الرئيس السابق، الرجلان), the person the same title introduced before,
/// else the last person named before; for a report or statement (التقرير، البيان), the last
/// organization named before; for a body (الصحيفة، الشركة، النادي الإسباني، الديوان), the
/// organization or body the same head word introduced before, else the last organization named in
/// the sentences just before, else the speaker itself when it names a body by its head (الشرطة).
/// Someone spoken of without the article (مصادر، مسؤول عراقي) is no one known.
fn referred(a: &Words, names: &[&Entity], earlier: &[Span], speaker: Span) -> Option<Span> {
    use crate::lexicon::Kind;
    let first = a.words.get(a.word_at(speaker.start))?;
    let head = first.stems.first().map_or(&*first.key, |s| &*s.key);
    let bare = head.strip_prefix("ال").unwrap_or(head);
    let before = |label: Label| names.iter().rev().filter(move |e| e.label == label && e.span.end <= speaker.start);
    // An entity right after the same head word (… صحيفة بابل … الصحيفة; … الرئيس السابق فلان).
    let after_head = |e: &&&Entity| {
        let w = a.word_at(e.span.start);
        (w.saturating_sub(4)..=w).any(|k| {
            a.words.get(k).is_some_and(|x| x.stems.iter().any(|s| s.key.strip_prefix("ال").unwrap_or(&s.key) == bare))
        })
    };
    let definite = head.starts_with("ال");
    if definite && first.is(Kind::ReportNoun) {
        return before(Label::ORG).next().map(|e| fullest(a, names, e));
    }
    if first.is(Kind::Title) || (definite && first.is(Kind::SpeakerNoun)) {
        let e = before(Label::PER).find(after_head).or_else(|| before(Label::PER).next())?;
        return Some(fullest(a, names, e));
    }
    if [Kind::OrgHead, Kind::MediaHead, Kind::Organization].iter().any(|&k| first.is(k)) {
        if let Some(e) = before(Label::ORG).find(after_head) {
            return Some(fullest(a, names, e));
        }
        // A body named before by its head and more words (الديوان الخاص بالترويج السياحي).
        if let Some(&s) = earlier.iter().rev().find(|s| {
            let k = phrase_key(s.of(a.text));
            k.split(' ').next().is_some_and(|w| w == head) && k.len() > phrase_key(speaker.of(a.text)).len()
        }) {
            return Some(s);
        }
        // The last organization of the sentences just before (the club, the company).
        let near = a.paragraph_start(speaker.start).saturating_sub(NEAR_BYTES);
        if definite {
            if let Some(e) = before(Label::ORG).find(|e| e.span.start >= near) {
                return Some(fullest(a, names, e));
            }
        }
        // The body named by its head word is itself the source when nothing before names it.
        return Some(speaker);
    }
    None
}

/// How far back a body spoken of with the article (النادي) looks for the organization it means.
const NEAR_BYTES: usize = 600;
