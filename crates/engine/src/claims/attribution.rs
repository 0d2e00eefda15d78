//! Who each claim is attributed to, resolved across the text: the person or organization named
//! in its speaker, written at its fullest (بلير → توني بلير, the full name given before); for a
//! title alone (الوزير، الرئيس السابق) the person that title introduced before; for a dropped
//! subject (وأضاف أن …), a participle (مشيرا إلى أن …) or a quotation going on, whoever the
//! claim before it is attributed to in the same paragraph, else the person named earlier in its
//! sentence, else the person the sentence before opens with when that one reports nothing (its
//! subject), else whoever the claim before it in the text is attributed to. A speaker that names
//! no one may still say who: a person named right after it (قال رئيس البعثة إلى البطولة فلان إن),
//! whoever issued the report it names (تقرير صادر عن …), for the report (التقرير) whoever the last
//! one was attributed to, for a body by its head word (الرابطة) the body named before with it. A
//! group of people (الدبلوماسيون، الرجلان) is no one person.

use crate::document::{Claim, Entity, Label};
use crate::keys::phrase_key;
use crate::words::Words;
use crate::Span;
use std::collections::HashMap;

/// Labels that name a source, in the order a speaker's entities are preferred.
const SOURCES: [Label; 3] = [Label::PER, Label::ORG, Label::LOC];

/// The entities that can be sources, sorted by position, with their keys indexed by first and
/// last word, so that looking for a longer mention of a name is not a walk over all of them.
struct Names<'e> {
    list: Vec<&'e Entity>,
    keys: Vec<String>,
    /// (label, first word or last word of the key) → indices of multi-word names.
    by_edge: HashMap<(Label, bool, String), Vec<usize>>,
    /// The words' keys without the article → the indices of the names they introduce (see
    /// [`introduced_with`]), in order; built when first asked.
    by_introducer: std::cell::OnceCell<HashMap<&'e str, Vec<usize>>>,
    a: &'e Words<'e>,
}

impl<'e> Names<'e> {
    fn new(a: &'e Words<'e>, entities: &'e [Entity]) -> Names<'e> {
        let list: Vec<&Entity> = entities.iter().filter(|e| SOURCES.contains(&e.label)).collect();
        // Each spelling keyed once: news names the same people and bodies again and again.
        let mut seen: crate::memo::Map<&str, String> = crate::memo::Map::default();
        let keys: Vec<String> =
            list.iter().map(|e| seen.entry(e.span.of(a.text)).or_insert_with_key(|s| phrase_key(s)).clone()).collect();
        let mut by_edge: HashMap<(Label, bool, String), Vec<usize>> = HashMap::new();
        for (k, (e, key)) in list.iter().zip(&keys).enumerate() {
            if let (Some(first), Some(last)) = (key.split(' ').next(), key.rsplit(' ').next()) {
                if key.contains(' ') {
                    by_edge.entry((e.label, true, first.to_string())).or_default().push(k);
                    by_edge.entry((e.label, false, last.to_string())).or_default().push(k);
                }
            }
        }
        Names { list, keys, by_edge, by_introducer: std::cell::OnceCell::new(), a }
    }

    /// The indices of the names a word read as `bare` (without the article) introduces (see
    /// [`introduced_with`]), in order.
    fn introduced(&self, bare: &str) -> &[usize] {
        let index = self.by_introducer.get_or_init(|| {
            let a = self.a;
            let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
            for (i, e) in self.list.iter().enumerate() {
                let w = a.word_at(e.span.start);
                let window = w.saturating_sub(TITLE_WINDOW)..(w + 1).min(a.words.len());
                // Only words that may be asked about: titles, heads, speakers, nationalities.
                for x in a.words.get(window).unwrap_or(&[]).iter().filter(|x| introduces(x)) {
                    for key in x.stems().keys() {
                        let v = index.entry(key.strip_prefix("ال").unwrap_or(key)).or_default();
                        if v.last() != Some(&i) {
                            v.push(i);
                        }
                    }
                }
            }
            index
        });
        index.get(bare).map_or(&[], Vec::as_slice)
    }

    /// Of the names at `among` (indices, in order), those of `label` ending before byte `at`,
    /// nearest first.
    fn before_among<'s>(
        &'s self,
        among: &'s [usize],
        at: usize,
        label: Label,
    ) -> impl Iterator<Item = &'e Entity> + 's {
        let k = among.partition_point(|&i| self.list[i].span.start < at);
        among[..k].iter().rev().map(|&i| self.list[i]).filter(move |e| e.label == label && e.span.end <= at)
    }

    /// Of the names at `among`, those of `label` starting at or after byte `at`, nearest first.
    fn after_among<'s>(&'s self, among: &'s [usize], at: usize, label: Label) -> impl Iterator<Item = &'e Entity> + 's {
        let k = among.partition_point(|&i| self.list[i].span.start < at);
        among[k..].iter().map(|&i| self.list[i]).filter(move |e| e.label == label)
    }

    /// The entities inside `span`.
    fn inside(&self, span: Span) -> &[&'e Entity] {
        let lo = self.list.partition_point(|e| e.span.start < span.start);
        let hi = self.list.partition_point(|e| e.span.start < span.end);
        let hi = (lo..hi).rev().find(|&k| self.list[k].span.end <= span.end).map_or(lo, |k| k + 1);
        &self.list[lo..hi]
    }

    /// The entities of `label` ending before byte `at`, nearest first.
    fn before(&self, at: usize, label: Label) -> impl Iterator<Item = &'e Entity> + '_ {
        let k = self.list.partition_point(|e| e.span.start < at);
        self.list[..k].iter().rev().copied().filter(move |e| e.label == label && e.span.end <= at)
    }
}

/// Sets `attribution` on every claim (sorted by position; speakers as the patterns found them,
/// none where the subject is dropped).
pub(super) fn resolve(a: &Words, entities: &[Entity], claims: &mut [Claim]) {
    let sources = attributable(a, entities);
    let names = Names::new(a, &sources);
    let mut last: Option<(Span, usize)> = None; // (attribution, paragraph start)
    let mut last_in_text: Option<Span> = None;
    let mut last_end = 0; // where the claim before ends
    let mut earlier = Earlier::default();
    for c in claims.iter_mut() {
        let para = a.paragraph_start(c.cue.unwrap_or(c.content).start);
        // A title with no person in the speaker names the person it introduced before (المتحدث
        // باسم المجلس …: the spokesman, not the council).
        // A group of people (الدبلوماسيون، الرجلان) is no one person named before.
        let group = c.speaker.is_some_and(|s| names_group(a, s));
        let titled = c.speaker.filter(|s| names.inside(*s).is_empty() && !group);
        let by_title = titled.and_then(|s| name_after_title(a, s).or_else(|| introduced_by_title(a, &names, s)));
        let own = c.speaker.and_then(|s| named_in(a, &names, s));
        // A speaker naming no person, and a person named right after it (رئيس بعثة مصر إلى
        // البطولة محمد الشربيني إن …): that person.
        let unnamed = c.speaker.filter(|s| names.inside(*s).iter().all(|e| e.label != Label::PER));
        let next = unnamed.and_then(|s| named_right_after(a, &names, s, c.content));
        c.attribution = match (by_title, own, c.speaker) {
            _ if next.is_some() => next,
            (Some(t), _, _) => Some(t),
            (None, Some(e), Some(s)) => Some(fullest_span(a, &names, e.label, extended(a, &names, e, s))),
            (None, Some(e), None) => Some(fullest(a, &names, e)),
            // A speaker that names no one by name: a title or a body named before (الوزير،
            // الصحيفة، الشركة), or a body named by its head word (الشرطة); others (مصادر مطلعة،
            // شهود عيان) are no one known.
            // A spokesman no one named: whom they speak for (متحدثة باسم الجيش).
            (None, None, Some(_)) if group => None,
            (None, None, Some(s)) => issued_by(a, &names, s, c.content)
                .or_else(|| referred(a, &names, &earlier, s))
                .or_else(|| on_behalf_of(a, &names, &earlier, s)),
            (None, None, None) => last
                .filter(|(_, p)| *p == para)
                .map(|(s, _)| s)
                .or_else(|| named_earlier_in_sentence(a, &names, c))
                .or_else(|| subject_of_sentence_before(a, &names, c, last_end))
                .or(last_in_text),
        };
        last_end = last_end.max(c.content.end);
        if let Some(at) = c.attribution {
            // (A relaying is not whom a dropped subject after it means: see `relayed.rs`.)
            if c.source != super::relayed::RELAYED {
                last = Some((at, para));
                last_in_text = Some(at);
            }
            earlier.spans.push(at);
            let first = c.speaker.and_then(|s| a.words.get(a.word_at(s.start)));
            if let Some(w) = first.filter(|w| w.is(crate::lexicon::Kind::ReportNoun)) {
                earlier.reports.insert(bare_key(w), at);
            }
        }
    }
}

/// What the claims before were attributed to: every attribution in order, and by its head word
/// (تقرير، بيان) the last report's, which a later التقرير means.
#[derive(Default)]
struct Earlier {
    spans: Vec<Span>,
    reports: HashMap<String, Span>,
}

/// The entities as claims are attributed to them (as entities they stay as found): two people
/// side by side, nothing but a space between them and no و before the second (سالم يوسف وكون تيو
/// are two), are one name the tagger read in two (ابو القاسم عبدي | صلاد حسن, where صلاد حسن
/// alone is a name elsewhere in the text); a person is named with the given name the tagger left
/// between a title and the name (see [`with_given_name`]) and without the title in front of it
/// (see [`without_leading_title`]); a person a thing is named after (جائزة نوبل) is none.
pub(super) fn attributable(a: &Words, entities: &[Entity]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::with_capacity(entities.len());
    for e in entities.iter().filter(|e| !(e.label == Label::PER && named_after(a, e.span))) {
        if let Some(p) = out.last_mut().filter(|p| {
            p.label == Label::PER && e.label == Label::PER && {
                let gap = &a.text[p.span.end.min(e.span.start)..e.span.start];
                // The word `e` starts in (after its و when the tagger left it out).
                let first = a.word_holding(e.span.start);
                let and = a.reading_after(first, "و").is_some();
                !gap.is_empty() && gap.chars().all(char::is_whitespace) && !and
            }
        }) {
            p.span = Span::new(p.span.start, e.span.end);
            continue;
        }
        out.push(e.clone());
    }
    for e in out.iter_mut().filter(|e| e.label == Label::PER) {
        e.span = without_leading_title(a, with_given_name(a, e.span));
    }
    out
}

/// A person's name with the given name the tagger left out between it and a title before it
/// (اللواء عوض [وديعة الله]): a word that is a given name, with no clitic, right after the title.
fn with_given_name(a: &Words, span: Span) -> Span {
    use crate::lexicon::Kind;
    let w = a.word_holding(span.start);
    if w < 2 || !a.joined(w) || !a.joined(w - 1) {
        return span;
    }
    let (given, title) = (&a.words[w - 1], &a.words[w - 2]);
    if given.kinds().has(Kind::GivenName) && title.is(Kind::Title) && !given.is(Kind::Title) {
        Span::new(given.span.start, span.end)
    } else {
        span
    }
}

/// Whether the person named at `span` names a thing after the noun before it (جائزة نوبل، لجائزة
/// نوبل، شارع الملك فيصل: data/hand/named-after.txt).
fn named_after(a: &Words, span: Span) -> bool {
    let lex = crate::lexicon::Lexicon::builtin();
    let w = a.word_holding(span.start);
    a.joined(w) && a.words[w - 1].in_list(lex, crate::lexicon::RuleList::NamedAfter)
}

/// A person's name without the title, nationality or other word with the article the tagger took
/// in front of it (البابا بنديكيت السادس عشر، الشمالي شو سو هون), when two words or more stay.
fn without_leading_title(a: &Words, span: Span) -> Span {
    use crate::lexicon::Kind;
    let (mut first, end) = (a.word_holding(span.start), a.word_at(span.end));
    while end.saturating_sub(first) > 2 {
        let w = &a.words[first];
        let named = w.kinds().any(&[Kind::GivenName, Kind::Person, Kind::NameParticle]);
        // A title or nationality, or a word with the article after one (الكوري الشمالي).
        let after_one = first > 0 && (a.words[first - 1].is(Kind::Title) || a.words[first - 1].nationality().is_some());
        if !(w.is(Kind::Title) || w.nationality().is_some() || (after_one && w.key().starts_with("ال") && !named)) {
            break;
        }
        first += 1;
    }
    match a.words.get(first) {
        Some(w) if w.span.start > span.start => Span::new(w.span.start, span.end),
        _ => span,
    }
}

/// Whom a speaker who speaks in the name of someone (المتحدث باسم الحزب، الناطقة باسم رئيس
/// الوزراء) speaks for, resolved as a speaker of its own.
fn on_behalf_of(a: &Words, names: &Names, earlier: &Earlier, speaker: Span) -> Option<Span> {
    let first = a.word_at(speaker.start);
    let k = (first..a.words.len())
        .take_while(|&k| a.words[k].span.end <= speaker.end)
        .find(|&k| a.words[k].key() == IN_THE_NAME_OF)?;
    let rest = Span::new(a.words.get(k + 1)?.span.start, speaker.end);
    if rest.is_empty() {
        return None;
    }
    match named_in(a, names, rest) {
        Some(e) => Some(fullest(a, names, e)),
        None => introduced_by_title(a, names, rest).or_else(|| referred(a, names, earlier, rest)),
    }
}

/// Who issued a report the speaker names (تقرير صادر | عن الاتحاد الوطني للجان السياحية أن …: the
/// speaker's phrase stopped at عن): the organization or person right after عن, taken on through
/// what says which one up to the complementizer (see [`org_extended`]).
fn issued_by(a: &Words, names: &Names, speaker: Span, content: Span) -> Option<Span> {
    let lex = crate::lexicon::Lexicon::builtin();
    let k = a.word_at(speaker.end);
    let issued = k > 0 && a.words[k - 1].in_list(lex, crate::lexicon::RuleList::IssuedBy);
    if !issued || !a.joined(k) || a.words[k].key() != FROM || !a.joined(k + 1) {
        return None;
    }
    let next = a.words.get(k + 1)?;
    let e = *names.inside(Span::new(next.span.start, content.start)).first()?;
    if a.word_holding(e.span.start) != k + 1 || !matches!(e.label, Label::ORG | Label::PER) {
        return None;
    }
    // Up to the word before the complementizer.
    let that = a.word_at(content.start).checked_sub(1)?;
    let bound = Span::new(e.span.start, a.words[that.checked_sub(1)?].span.end.max(e.span.end));
    let at = if e.label == Label::ORG { org_extended(a, names, e.span, bound) } else { e.span };
    Some(fullest_span(a, names, e.label, at))
}

/// From (تقرير صادر عن …), normalized.
const FROM: &str = "عن";

/// In the name of (المتحدث باسم الحكومة), normalized.
const IN_THE_NAME_OF: &str = "باسم";

/// For a dropped subject with no report before it in its paragraph, the person named first in
/// its sentence, the subject of the verb the cue is joined to (أدلى الرئيس شافيز بتصريح قال فيه
/// …؛ وأيد مثال الآلوسي … طالباني وقال إن …), at their fullest.
fn named_earlier_in_sentence(a: &Words, names: &Names, c: &Claim) -> Option<Span> {
    use crate::lexicon::Kind;
    let at = c.cue.unwrap_or(c.content).start;
    let sentence = a.sentence(at);
    let people: Vec<&Entity> = names.before(at, Label::PER).take_while(|e| e.span.start >= sentence.start).collect();
    let nearest = *people.first()?;
    // In a relative clause (… العقاد الذي كان متحمسا للشعر … بل رأى أن …): whom it is about, the
    // nearest. Else the first not after a preposition (في رده على العقاد دافع محفوظ … قائلا).
    let relative = (a.word_at(nearest.span.end)..a.word_holding(at)).any(|k| a.words[k].kinds().has(Kind::Relative));
    let e = match relative {
        true => nearest,
        false => people.iter().rev().find(|e| !after_preposition(a, e)).copied().unwrap_or(nearest),
    };
    Some(fullest(a, names, e))
}

/// A person named between a speaker that names no person and its content, right before the
/// complementizer, when the speaker's phrase stopped at a preposition that goes on it (قال رئيس
/// بعثة مصر إلى البطولة محمد الشربيني إن …); not a person after a preposition (قال المتحدث في
/// لقاء مع فلان إن …) nor one the cue takes as its object (اتهم البيت الأبيض أمس الرئيس …).
fn named_right_after(a: &Words, names: &Names, speaker: Span, content: Span) -> Option<Span> {
    use crate::lexicon::Kind;
    let cut = a.word_at(speaker.end);
    let at_preposition = a.words.get(cut).is_some_and(|w| a.joined(cut) && w.kinds().has(Kind::CuePreposition));
    if content.start <= speaker.end || !at_preposition {
        return None;
    }
    let e = *names.inside(Span::new(speaker.end, content.start)).iter().rev().find(|e| e.label == Label::PER)?;
    let next = a.word_at(e.span.end);
    let that = a.words.get(next).is_some_and(|w| a.joined(next) && w.kinds().has(Kind::Complementizer));
    (that && a.word_at(content.start) <= next + 1 && !after_preposition(a, e)).then(|| fullest(a, names, e))
}

/// For a dropped subject in a new paragraph, when the sentence before it reports nothing (no
/// claim ends in it): the person that sentence opens with, after its verb and titles (ولخص محفوظ
/// رؤيته … ⏎ وأرسل كلمة قال فيها …), at their fullest.
fn subject_of_sentence_before(a: &Words, names: &Names, c: &Claim, last_end: usize) -> Option<Span> {
    use crate::lexicon::Kind;
    let at = c.cue.unwrap_or(c.content).start;
    let k = a.sentences.partition_point(|s| s.end <= at);
    let (this, before) = (a.sentence(at), *a.sentences.get(k.checked_sub(1)?)?);
    if last_end > before.start {
        return None;
    }
    let e = names.before(before.end.min(this.start), Label::PER).take_while(|e| e.span.start >= before.start).last()?;
    // Its subject: at most one word (the verb, and a negation) before the person and the titles
    // in front of it.
    let words = a.word_at(before.start)..a.word_holding(e.span.start);
    let listed =
        |k: usize| a.words[k].kinds().any(&[Kind::Title, Kind::Negation]) || a.words[k].nationality().is_some();
    let other = words.filter(|&k| !listed(k)).count();
    (other <= 1).then(|| fullest(a, names, e))
}

/// Whether entity `e` comes after a preposition: written before it or its titles (على الكاتب
/// العقاد، مع بوش), or on its word (لبوش).
fn after_preposition(a: &Words, e: &Entity) -> bool {
    use crate::lexicon::Kind;
    let mut w = a.word_holding(e.span.start);
    if a.words.get(w).and_then(|x| a.text.get(x.span.start..e.span.start)).is_some_and(|p| p.contains(['ب', 'ل', 'ك']))
    {
        return true;
    }
    while a.joined(w) && a.words[w - 1].is(Kind::Title) {
        w -= 1;
    }
    a.joined(w)
        && (a.words[w - 1].kinds().any(&[Kind::CuePreposition, Kind::TownContext])
            || a.words[w - 1].key() == super::WITH)
}

/// The entity naming the source inside `speaker`: a person, else an organization (the last of
/// them when several: الناطق باسم الخارجية فلان is فلان), else a place that is the speaker
/// itself (روسيا تؤكد …; the place in المتحدث باسم المجلس في الصومال is not the source).
fn named_in<'e>(a: &Words, names: &Names<'e>, speaker: Span) -> Option<&'e Entity> {
    let inside = names.inside(speaker);
    // People: the first (بوش وبلير is Bush first); a body speaking through a person: the person.
    if let Some(e) = inside.iter().find(|e| e.label == Label::PER) {
        return Some(e);
    }
    // (Not a name in parentheses after another: حركة المقاومة الإسلامية (حماس) is the first.)
    let orgs = || inside.iter().rev().filter(|e| e.label == Label::ORG);
    let parenthesized = |e: &&&Entity| a.text[..e.span.start].trim_end().ends_with('(');
    if let Some(e) = orgs().find(|e| !parenthesized(e)).or_else(|| orgs().next()) {
        return Some(e);
    }
    let words = |s: Span| a.word_at(s.end) - a.word_at(s.start);
    inside.iter().find(|e| e.label == Label::LOC && 2 * words(e.span) >= words(speaker)).copied()
}

/// The fullest mention of the entity `e` names: a person named by part of their name (بلير,
/// عنان) is the longest person mention whose words end with (or begin with) those words, the
/// first such before it, else anywhere; others are themselves.
fn fullest(a: &Words, names: &Names, e: &Entity) -> Span {
    fullest_span(a, names, e.label, e.span)
}

/// [`fullest`] of a mention `at` of a `label` entity (which may be longer than the entity the
/// tagger found).
fn fullest_span(a: &Words, names: &Names, label: Label, at: Span) -> Span {
    let key = phrase_key(at.of(a.text));
    let (Some(first), Some(last)) = (key.split(' ').next(), key.rsplit(' ').next()) else { return at };
    let words = key.split(' ').count();
    let (ends, starts) = (format!(" {key}"), format!("{key} "));
    let edge = |front: bool, w: &str| names.by_edge.get(&(label, front, w.to_string())).into_iter().flatten();
    let longer = edge(false, last)
        .filter(|&&k| names.keys[k].ends_with(&ends))
        .chain(edge(true, first).filter(|&&k| names.keys[k].starts_with(&starts)))
        .filter(|&&k| names.keys[k].split(' ').count() > words)
        .map(|&k| names.list[k]);
    let (before, anywhere): (Vec<&Entity>, Vec<&Entity>) = longer.partition(|f| f.span.start < at.start);
    let best = |v: &[&Entity]| v.iter().max_by_key(|f| (f.span.len(), std::cmp::Reverse(f.span.start))).map(|f| f.span);
    best(&before).or_else(|| best(&anywhere)).unwrap_or(at)
}

/// A speaker that opens with a title and names no person (المتحدث باسم المجلس الأعلى …،
/// الرئيس السابق): the person the same title introduces elsewhere in the text, the nearest before
/// it, else the first after it.
fn introduced_by_title(a: &Words, names: &Names, speaker: Span) -> Option<Span> {
    use crate::lexicon::Kind;
    let first = a.words.get(a.word_at(speaker.start))?;
    if !first.is(Kind::Title) {
        return None;
    }
    let bare = bare_key(first);
    // The nationality that qualifies the title in the speaker (الرئيس الروماني): the person
    // introduced with it is the one meant, before one with the title alone.
    let (lo, hi) = (a.word_at(speaker.start), a.word_at(speaker.end));
    let after_title = a.words.get(lo + 1..hi.min(lo + 1 + MAX_QUALIFIERS)).unwrap_or(&[]);
    let qualifiers: Vec<String> = after_title.iter().take_while(|w| w.nationality().is_some()).map(bare_key).collect();
    let titled = names.introduced(&bare);
    let of_nation = |e: &Entity| !qualifiers.is_empty() && qualifiers.iter().all(|q| introduced_with(a, e, q));
    // The nearest person among `among` outside the speaker that `f` accepts: before it, else
    // after it.
    let nearest = |among: &[usize], f: &dyn Fn(&Entity) -> bool| {
        let ok = |e: &&Entity| !speaker.contains(e.span) && f(e);
        let before = names.before_among(among, speaker.start, Label::PER).find(ok);
        before.or_else(|| names.after_among(among, speaker.end, Label::PER).find(ok))
    };
    // The same title and nationality, then the nationality under another title (نظيره الروماني
    // فلان), then the title alone.
    let of_first_nation = qualifiers.first().map_or(&[][..], |q| names.introduced(q));
    let e = nearest(titled, &of_nation)
        .or_else(|| nearest(of_first_nation, &of_nation))
        .or_else(|| nearest(titled, &|_| true))?;
    Some(fullest(a, names, e))
}

/// The most words of a name no list knows at the end of a titled speaker.
const MAX_UNKNOWN_NAME_WORDS: usize = 4;

/// A speaker that opens with a title and ends with words without the article, one of them in no
/// list, after its last word with the article (الخبير الاقتصادي سيد ليلاز، مدير المؤسسة فريدون
/// موافق): those words are the person's name, one the tagger did not find.
fn name_after_title(a: &Words, speaker: Span) -> Option<Span> {
    use crate::lexicon::Kind;
    let (lo, hi) = (a.word_at(speaker.start), a.word_at(speaker.end));
    if !a.words.get(lo)?.is(Kind::Title) {
        return None;
    }
    let words = a.words.get(lo..hi)?;
    let first = lo + 1 + words.iter().rposition(|w| w.key().starts_with("ال"))?;
    let name = a.words.get(first..hi)?;
    let unknown = |w: &crate::words::Word| w.kind == crate::tokenize::TokenKind::Word && w.any().is_empty();
    // A word no list knows that opens with ي is as often a verb (المحلل السياسي يبدو …).
    let common = |w: &crate::words::Word| w.is(Kind::Common) || (unknown(w) && w.key().starts_with('ي'));
    (!name.is_empty() && name.len() <= MAX_UNKNOWN_NAME_WORDS && name.iter().any(unknown) && !name.iter().any(common))
        .then(|| Span::new(name[0].stem_start(), name[name.len() - 1].span.end))
}

/// The lists of the words [`Names::introduced`] is asked about: a speaker's first word
/// ([`referred`]: a title, a speaker, a head), or a nationality after a title
/// ([`introduced_by_title`]).
const INTRODUCERS: [crate::lexicon::Kind; 6] = [
    crate::lexicon::Kind::Title,
    crate::lexicon::Kind::SpeakerNoun,
    crate::lexicon::Kind::OrgHead,
    crate::lexicon::Kind::MediaHead,
    crate::lexicon::Kind::Organization,
    crate::lexicon::Kind::Nationality,
];

/// Whether a word may be asked about in [`Names::introduced`]: one of [`INTRODUCERS`], or a
/// nationality.
fn introduces(w: &crate::words::Word) -> bool {
    INTRODUCERS.iter().any(|&k| w.is(k)) || w.nationality().is_some()
}

/// Words before an entity searched for the head word or title that introduced it.
const TITLE_WINDOW: usize = 4;

/// Nationalities after a title in a speaker read as what qualifies it (الرئيس الروماني).
const MAX_QUALIFIERS: usize = 2;

/// The key of a word's best reading without the article (الرئيس → رئيس).
fn bare_key(w: &crate::words::Word) -> String {
    let best = w.stems().first().map(|s| s.key);
    let head: &str = best.as_deref().unwrap_or(w.key());
    head.strip_prefix("ال").unwrap_or(head).to_string()
}

/// Whether a word read as `bare` (without the article) introduces entity `e`: it stands among
/// the [`TITLE_WINDOW`] words before it, or opens it (… صحيفة بابل; الرئيس السابق فلان).
fn introduced_with(a: &Words, e: &Entity, bare: &str) -> bool {
    let w = a.word_at(e.span.start);
    (w.saturating_sub(TITLE_WINDOW)..=w).any(|k| {
        a.words.get(k).is_some_and(|x| x.stems().keys().any(|key| key.strip_prefix("ال").unwrap_or(key) == bare))
    })
}

/// A person's mention taken on through the name words that follow it in the speaker (the
/// tagger stopped early: أبو القاسم عبدي [صلاد حسن]): given names, surnames and words in no
/// list, up to a place, a title or the end of the speaker.
fn extended(a: &Words, names: &Names, e: &Entity, speaker: Span) -> Span {
    use crate::lexicon::Kind;
    let at = e.span;
    if e.label == Label::ORG {
        return org_extended(a, names, at, speaker);
    }
    if e.label != Label::PER {
        return at;
    }
    let mut end = at.end;
    let mut k = a.word_at(at.end);
    while k < a.words.len() && a.joined(k) && a.words[k].span.end <= speaker.end {
        let w = &a.words[k];
        let listed_other =
            w.any().any(&[Kind::Title, Kind::Common, Kind::OrgHead, Kind::Country, Kind::City, Kind::Region]);
        let name_like = w.any().is_empty()
            || (w.kinds().any(&[Kind::GivenName, Kind::Surname, Kind::NameParticle]) && !listed_other);
        let other = !names.inside(w.span).is_empty();
        // Nor the article or a preposition on it (للصحفيين، القول): the name has ended.
        let attached = w.key().starts_with("ال") || w.key().starts_with(['ل', 'ب']);
        if !name_like
            || attached
            || other
            || w.nationality().is_some()
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

/// An organization's mention taken on to the end of the speaker when what follows it there says
/// which one, on ل or ب (معهد البراكين والزلازل بالفلبين، الاتحاد الصيني لشركات صناعة السيارات) or
/// و before a noun with the article (وزارة الطاقة والمعادن): a few words with no comma and no
/// other name.
fn org_extended(a: &Words, names: &Names, at: Span, speaker: Span) -> Span {
    let k = a.word_at(at.end);
    let rest: Vec<usize> = (k..a.words.len()).take_while(|&j| a.words[j].span.end <= speaker.end).collect();
    let of = rest.first().is_some_and(|&j| {
        let key = a.words[j].key();
        (key.starts_with(['ل', 'ب']) && key.len() > 2) || key.starts_with("وال")
    });
    let plain =
        rest.iter().all(|&j| a.joined(j) && names.inside(a.words[j].span).iter().all(|e| e.label == Label::LOC));
    if of && plain && rest.len() <= MAX_ORG_TAIL && rest.last().is_some_and(|&j| a.words[j].span.end == speaker.end) {
        Span::new(at.start, speaker.end)
    } else {
        at
    }
}

/// The most words an organization's mention is taken on by (see [`org_extended`]).
const MAX_ORG_TAIL: usize = 4;

/// Who a speaker without a name refers to: for a title or a person spoken of with the article
/// (الوزير، المسؤول العراقي، الرئيس السابق، الرجلان), the person the same title introduced before,
/// else the last person named before; for a report or statement (التقرير، البيان), whoever the
/// last one was attributed to, else the last organization named before; for a body (الصحيفة،
/// الشركة، النادي الإسباني، الديوان), the organization or body the same head word introduced
/// before, else the last organization named in the sentences just before, else the speaker itself
/// when it names a body by its head (الشرطة).
/// Someone spoken of without the article (مصادر، مسؤول عراقي) is no one known.
fn referred(a: &Words, names: &Names, earlier: &Earlier, speaker: Span) -> Option<Span> {
    use crate::lexicon::Kind;
    let first = a.words.get(a.word_at(speaker.start))?;
    let best = first.stems().first().map(|s| s.key);
    let head = best.as_deref().unwrap_or(first.key());
    let bare = head.strip_prefix("ال").unwrap_or(head);
    let before = |label: Label| names.before(speaker.start, label);
    // An entity right after the same head word (… صحيفة بابل … الصحيفة; … الرئيس السابق فلان).
    let after_head = |label: Label| names.before_among(names.introduced(bare), speaker.start, label).next();
    let definite = head.starts_with("ال");
    if definite && first.is(Kind::ReportNoun) {
        let report = earlier.reports.get(bare).copied();
        return report.or_else(|| before(Label::ORG).next().map(|e| fullest(a, names, e)));
    }
    if first.is(Kind::Title) || (definite && first.is(Kind::SpeakerNoun)) {
        let e = after_head(Label::PER).or_else(|| before(Label::PER).next())?;
        return Some(fullest(a, names, e));
    }
    if [Kind::OrgHead, Kind::MediaHead, Kind::Organization].iter().any(|&k| first.is(k)) {
        // A head word without the article and a name after it, with none either (وكالة أنباء
        // أنتارا …), names a body of its own, not one named before with the same head (but جيش
        // الاحتلال is an army named before).
        let k = a.word_at(speaker.start) + 1;
        if !definite && a.words.get(k).is_some_and(|w| w.span.end <= speaker.end && !w.key().starts_with("ال")) {
            return Some(speaker);
        }
        if let Some(e) = after_head(Label::ORG) {
            return Some(fullest(a, names, e));
        }
        // A body named before by its head and more words (الديوان الخاص بالترويج السياحي).
        let own = phrase_key(speaker.of(a.text)).len();
        if let Some(&s) = earlier.spans.iter().rev().find(|s| {
            let k = phrase_key(s.of(a.text));
            k.split(' ').next().is_some_and(|w| w.strip_prefix("ال").unwrap_or(w) == bare) && k.len() > own
        }) {
            return Some(s);
        }
        // The last organization of the sentences just before (the club, the company); not for a
        // body its nationality names (الحكومة اليابانية).
        let near = a.paragraph_start(speaker.start).saturating_sub(NEAR_BYTES);
        let k = a.word_at(speaker.start) + 1;
        let national = a.words.get(k).is_some_and(|w| w.span.end <= speaker.end && w.nationality().is_some());
        if definite && !national {
            if let Some(e) = before(Label::ORG).find(|e| e.span.start >= near) {
                return Some(fullest(a, names, e));
            }
        }
        // The body named by its head word is itself the source when nothing before names it.
        return Some(speaker);
    }
    None
}

/// Whether a speaker opens with a group of people, with the article (الدبلوماسيون، الرجلان:
/// `groups.txt`).
fn names_group(a: &Words, speaker: Span) -> bool {
    let lex = crate::lexicon::Lexicon::builtin();
    a.words.get(a.word_at(speaker.start)).is_some_and(|w| {
        w.stems().keys().any(|k| k.starts_with("ال")) && w.in_list(lex, crate::lexicon::RuleList::Group)
    })
}

/// How far back a body spoken of with the article (النادي) looks for the organization it means.
const NEAR_BYTES: usize = 600;
