//! Claims of a verb of saying or denying: VSO (أكدت السفارة الروسية في إسرائيل، أمس الأحد، أن
//! …), SVO (الوزير قال إن …), a colon or a quotation after the cue and its speaker (قال الوزير:
//! “…”), a nominal content (see `nominal.rs`), speech that lost its quotation marks (وقالت
//! ابراهيمي لم اعد ارغب …), and a headline (روسيا تؤكد استمرار التنسيق …: the rest of its line,
//! no أن).

use super::{claim, opens_quote, trim_end, Context, CueKind, MAX_SPEAKER_WORDS, SKIP_WORDS};
use crate::document::{Claim, Label};
use crate::lexicon::{Kind, RuleList};
use crate::tokenize::TokenKind;
use crate::Span;

/// The claim whose cue, of `kind`, is `cue` in word `i`.
pub(super) fn at(cx: &Context, i: usize, kind: CueKind, cue: Span) -> Option<Claim> {
    let a = cx.a;
    let cue_words_end = a.word_at(cue.end);
    let negated = kind == CueKind::Denial || (a.joined(i) && a.words[i - 1].any().has(Kind::Negation));
    let sentence = a.sentence(a.words[i].span.start);
    let mut source = "rule:claims";
    // What follows the cue: [speaker] [، adverbial،] [preposition] complementizer content.
    let mut j = cue_words_end;
    let mut speaker = None;
    // SVO: an entity opening the clause right before the cue is the speaker (روسيا تؤكد …،
    // الوزير قال إن …); otherwise VSO: the noun phrase after the cue.
    let subject_before = cx.speaker_before(i, sentence);
    // A participle's subject is its sentence's (قال …، مشيرا إلى أن …): no speaker after it.
    let participle = cx.cue_kinds(i).any(&[Kind::CueParticiple, Kind::CueParticipleDenial]);
    if subject_before.is_none()
        && !participle
        && j < a.words.len()
        && !cx.is_complementizer(j)
        && !a.words[j].kinds().has(Kind::CuePreposition)
        && a.words[j].span.start < sentence.end
        && !quotes_to_the_end(cx, j, sentence)
        && !to_whom(cx, j)
    {
        if let Some((sp, next)) = cx.speaker_after(j, sentence) {
            speaker = Some(sp);
            j = next;
        }
    }
    // Skip what stands between the speaker and the complementizer: adverbials (، أمس الأحد،),
    // the occasion (في بيان، في حوار مع قناة العربية), an apposition (، وهي طبيبة في تونس،), a
    // governed preposition (إلى، عن) — up to a few words, never past another cue, a quotation
    // or the end of the sentence. The reach counts from the cue: a speaker cut short before its
    // occasion (كرر بوش وبلير خلال لقاء استغرق …) leaves the occasion to skip.
    let mut k = j;
    let reach = cue_words_end + MAX_SPEAKER_WORDS + SKIP_WORDS;
    // A colon the skipping stopped at, past an apposition (قال سيمون هول، المسؤول في "جامعة
    // استون": "…"): where it stands.
    let mut colon = None;
    let mut quoted_names = false;
    while k < a.words.len() && k < reach && a.words[k].span.start < sentence.end && !cx.is_complementizer(k) {
        let between = a.between(k);
        let new_clause = between.contains(['،', ',']) && a.words[k].any().has(Kind::ContentBreak);
        if k > j {
            // The quoted name of an organization in an apposition is skipped whole.
            if let Some(after) = quoted_name(cx, k, sentence) {
                k = after;
                quoted_names = true;
                continue;
            }
            if cx.cue(k).is_some() || between.contains(['“', '«', '"', ':']) || new_clause {
                colon = between.find(':').map(|c| a.words[k - 1].span.end + c);
                break;
            }
        }
        // A new cue right after the speaker ends the search too (أكد شهود عيان وجود … فيما ذكر
        // سكان … أن), and so does a quotation right after the cue (أضاف "… أن …"), or right
        // after the speaker when it never closes (قال رئيس المعهد "مادام ينهار … فإنه يشكل خطرا.).
        let unclosed = || cx.quote_at(a.words[k - 1].span.end).is_none();
        if k == j
            && ((k > cue_words_end && cx.cue(k).is_some())
                || (opens_quote_before(between) && (k == cue_words_end || unclosed())))
        {
            break;
        }
        k += 1;
    }
    if k < a.words.len() && cx.is_complementizer(k) && a.words[k].span.start < sentence.end {
        j = k;
        // The preposition the cue governs, right before the complementizer, is not the
        // speaker's last word (يشكو السياح من أن …).
        let prep = super::nominal::governed(cx.cue_kinds(i));
        if let Some(sp) = speaker.filter(|sp| k > 1 && sp.end == a.words[k - 1].span.end) {
            if prep.is_some_and(|p| a.words[k - 1].key() == p) && sp.start < a.words[k - 2].span.end {
                speaker = Some(Span::new(sp.start, a.words[k - 2].span.end));
            }
        }
    }
    let after_cue = a.words[cue_words_end.saturating_sub(1)].span.end.max(speaker.map_or(0, |s: Span| s.end));
    // A quotation opening after the adverbials: قال بلير في مؤتمر صحفي "…".
    // Not the quoted name of a newspaper, channel or agency (اوردت وكالة "يونهاب"، في صحيفة
    // "نيويورك بوست"), which is short (قال الرئيس خلال حفل الجمعية "في عالم متوتر …" is not).
    let quote_after = (k > j && k < a.words.len() && opens_quote_before(a.between(k)))
        .then(|| cx.quote_at(a.words[k - 1].span.end))
        .flatten()
        .filter(|(q, _)| {
            !a.words[k - 1].any().any(&[Kind::MediaHead, Kind::OrgHead])
                || a.word_at(q.end) > k + super::speakers::MAX_QUOTED_NAME_WORDS
        });
    // تابع بلير "إن التهديد …": the quotation holds the complementizer; the content is the rest
    // of it.
    let quoted_complementizer = (j < a.words.len() && cx.is_complementizer(j) && opens_quote(a.between(j)))
        .then(|| cx.quote_at(a.words[j - 1].span.end))
        .flatten()
        .and_then(|(q, _)| a.words.get(j + 1).filter(|w| w.span.start < q.end).map(|w| Span::new(w.span.start, q.end)));
    let (content, quoted) = if let Some(q) = quoted_complementizer {
        (q, true)
    } else if j < a.words.len() && cx.is_complementizer(j) {
        cx.content_after(a.words[j].span.end, sentence)?
    } else if let Some(c) = cx.colon_or_quote(after_cue, sentence) {
        c
    } else if let Some((at, c)) = colon
        .filter(|_| speaker.is_some() && (quoted_names || a.between(j).contains(['،', ',', '('])))
        .and_then(|at| Some((at, cx.colon_or_quote(at, sentence)?)))
    {
        // The apposition between the speaker and the colon (after a comma or a parenthesis, or
        // holding a quoted name: كيشور كيني من شركة "المو" (AlMoe) في دبي) is the speaker's.
        speaker = speaker.map(|s| trim_end(a.text, Span::new(s.start, at)));
        c
    } else if let Some((c, cut)) = cx.nominal_content(i, cue_words_end, sentence) {
        // The speaker ends where the governed preposition starts (… عقيلة صالح بتشكيل).
        speaker = speaker.map(|s| Span::new(s.start, s.end.min(cut))).filter(|s| !s.is_empty());
        speaker = speaker.map(|s| trim_end(a.text, s));
        c
    } else if let Some((sp, c)) =
        cx.direct_content(i, cue_words_end, subject_before.is_some() || participle, opens_clause(cx, i, cue), sentence)
    {
        // The noun phrase search took the content into the speaker: the split found here wins.
        speaker = sp.map(|s| trim_end(a.text, s));
        if speaker.is_none() && subject_before.is_none() && !participle {
            // A dropped subject (وتعهد بـ …، حيث أكد وجود …): kept only after another report.
            source = super::DROPPED_SUBJECT;
        }
        c
    } else if let Some((sp, c)) =
        unmarked_speech(cx, cue, cue_words_end, speaker, j, subject_before.is_some(), sentence)
    {
        speaker = sp;
        c
    } else if is_headline(cx, i, subject_before) {
        // روسيا تؤكد استمرار …: a headline's content is the rest of its line.
        let start = a.words.get(cue_words_end)?.span.start;
        let end = trim_end(a.text, Span::new(start, a.paragraph_end(start))).end;
        (Span::new(start, end), false)
    } else {
        // Last: a quotation inside a nominal content or a headline is part of it (روسيا تؤكد
        // استمرار “التنسيق” …), not the claim.
        quote_after?
    };
    let speaker = speaker.or(subject_before);
    // A cue word that is as often another word, after a subject that cannot speak, is that other
    // word (ذكر غريب: a strange male; تبلغ المياه: the waters reach); with none, a passive report
    // (ذكر أن …: it was said that) stays.
    // Its head must speak, not a place after a preposition (نشر قوة دولية في دارفور: deploying).
    if speaker.is_some_and(|s| !cx.head_speaks(s)) && cx.cue_in(RuleList::NeedsSpeaker, cue) {
        return None;
    }
    Some(claim(speaker, Some(cue), content, quoted, negated, source))
}

/// Fewest words of speech quoted with no quotation mark (الأمر غير عملي).
const MIN_UNMARKED_WORDS: usize = 3;
/// Quotation marks: speech that holds one is quoted, not unmarked.
const QUOTATION_MARKS: [char; 5] = ['"', '“', '”', '«', '»'];
/// Punctuation beside ASCII's: Arabic, and curly quotation marks.
const PUNCTUATION: [char; 7] = ['،', '؛', '؟', '“', '”', '«', '»'];

/// Speech quoted with no quotation mark right after a verb of saying (`speech-verbs.txt`) and
/// its speaker, who stands before or after the verb (وقالت ابراهيمي لم اعد ارغب بدبي …، واضافت
/// المحاسبة كنت اود الذهاب …): the rest of the sentence up to a new report. A speaker after the
/// verb, read as a noun phrase up to `next`, may hold the speech's first words: it ends where
/// the speech opens, after a person or body the entities name, before a negation, or at `next`;
/// or the speech opens past the occasion, at a word in the first person.
/// Returns the speaker (cut) and the content.
fn unmarked_speech(
    cx: &Context,
    cue: Span,
    cue_words_end: usize,
    speaker: Option<Span>,
    next: usize,
    subject_before: bool,
    sentence: Span,
) -> Option<(Option<Span>, super::content::Content)> {
    let a = cx.a;
    if !cx.cue_in(RuleList::SpeechVerb, cue) {
        return None;
    }
    let (first, last) = match speaker {
        Some(sp) => (a.word_holding(sp.start) + 1, next),
        None if subject_before => (cue_words_end, cue_words_end),
        None => return None,
    };
    // Nothing but words between the cue and the speech: no colon (قال: كان محمد …, read by
    // `colon_or_quote`), comma or quotation mark.
    let plain = |k: usize| {
        !a.text[cue.end..a.words[k].span.start].contains(|c: char| c.is_ascii_punctuation() || PUNCTUATION.contains(&c))
    };
    let cut = |k: usize| {
        let cut = k == last
            || cx.entity_ending_at(a.words[k - 1].span.end).is_some_and(|e| matches!(e.label, Label::PER | Label::ORG))
            || a.words[k].kinds().has(Kind::Negation);
        cut && opens_speech(cx, k, sentence) && plain(k)
    };
    let reach = (last + SKIP_WORDS).min(a.word_at(sentence.end));
    let first_person = |k: usize| {
        super::cueless::first_person(cx, k) && a.between(k).trim().is_empty() && cx.cue(k).is_none() && plain(k)
    };
    let (k, speaker) = match (first..=last).find(|&k| cut(k)) {
        Some(k) => (k, speaker.map(|sp| Span::new(sp.start, a.words[k - 1].span.end))),
        None => {
            // Past the occasion, a word in the first person (قال بلير في المقابلة التي بثت امس
            // لدينا عزم …); the speaker then ends with the first person or body named in it.
            let k = (last..reach).find(|&k| first_person(k))?;
            let named = |sp: Span| {
                (a.word_holding(sp.start)..a.word_at(sp.end))
                    .filter_map(|m| cx.entity_ending_at(a.words[m].span.end))
                    .find(|e| matches!(e.label, Label::PER | Label::ORG))
                    .map_or(sp, |e| Span::new(sp.start, e.span.end))
            };
            (k, speaker.map(named))
        }
    };
    let (content, _) = cx.content_after(a.words[k].span.start, sentence)?;
    if content.of(a.text).contains(|c: char| QUOTATION_MARKS.contains(&c) || c == ':') {
        return None;
    }
    (a.word_at(content.end) >= k + MIN_UNMARKED_WORDS).then_some((speaker, (content, true)))
}

/// Whether word `k` may open speech with no quotation mark: it follows the word before with no
/// punctuation between and opens a clause of its own: no preposition or و/ف on it, no adverbial,
/// time word, number, entity, title, relative or cue (قال الوزير في مؤتمر …، قال الرئيس اليوم
/// …، قال الوزير رئيس الوفد …، أضاف زميله 13 نقطة).
fn opens_speech(cx: &Context, k: usize, sentence: Span) -> bool {
    let a = cx.a;
    let Some(w) = a.words.get(k) else { return false };
    let lex = crate::lexicon::Lexicon::builtin();
    let prefixed = || {
        w.key().starts_with(['و', 'ف'])
            || w.stems().iter().next().is_some_and(|s| s.prefix.of(a.text).ends_with(['ل', 'ب']))
    };
    w.span.start < sentence.end
        && a.between(k).trim().is_empty()
        && !cx.is_complementizer(k)
        && cx.cue(k).is_none()
        && !w.any().any(&[
            Kind::NotSpeaker,
            Kind::PronounPreposition,
            Kind::Relative,
            Kind::Subordinator,
            Kind::CuePreposition,
            Kind::ContentBreak,
            Kind::Title,
            Kind::TitleTail,
            Kind::SpeakerNoun,
            Kind::StatementNoun,
            Kind::YearWord,
            Kind::Period,
            Kind::DayWord,
            Kind::RelativeDay,
            Kind::DayPart,
            Kind::Weekday,
            Kind::Month,
        ])
        && w.kind != TokenKind::Number
        && !w.in_list(lex, RuleList::Adverb)
        && !prefixed()
        && !cx.in_entity(k, &Label::ALL)
}

/// Whether what stands between two words opens a quotation (“، «، or a straight " after a space).
fn opens_quote_before(between: &str) -> bool {
    let t = between.trim_end();
    t.ends_with(['“', '«'])
        || (t.ends_with('"') && t[..t.len() - 1].ends_with(char::is_whitespace))
        || between.trim() == "\""
}

/// Longest quoted name in an apposition after the speaker (مدير عام "انترناشيونال كونفرينسز اند
/// اكزيبيشنز"), in words: longer than one inside the speaker's own phrase
/// ([`super::speakers::MAX_QUOTED_NAME_WORDS`]), as companies are named there in transliteration.
const MAX_APPOSITION_NAME_WORDS: usize = 5;

/// The word after a short quotation opening on word `k` that the sentence goes on after: a
/// quoted name (المسؤول الدولي في "جامعة استون": …), not what was said.
fn quoted_name(cx: &Context, k: usize, sentence: Span) -> Option<usize> {
    let a = cx.a;
    if !opens_quote_before(a.between(k)) {
        return None;
    }
    let (q, _) = cx.quote_at(a.words[k - 1].span.end)?;
    let after = a.word_at(q.end);
    (after > k && after <= k + MAX_APPOSITION_NAME_WORDS && a.words.get(after)?.span.start < sentence.end)
        .then_some(after)
}

/// Whether word `j` carries ل: to whom it was said (قال للجزيرة إن …), not who said it.
pub(super) fn to_whom(cx: &Context, j: usize) -> bool {
    cx.a.words[j].stems().iter().next().is_some_and(|s| s.prefix.of(cx.a.text).ends_with('ل'))
}

/// Whether a quotation opens on word `j` and runs to the end of its sentence, or holds more words
/// than a quoted name and a comma or a stop follows it (أضاف "يجب على العراق أن ينزع أسلحته …"،
/// مشددا …): the content, where no speaker is to be searched (but قالت "هيومن رايتس ووتش" في
/// تقرير …; نشرت "قوة المهام المشتركة – عملية العزم الصلب" (…) تقريرها; a quotation opening with a
/// name, قالت "هيومن رايتس ووتش في تقرير أصدرته اليوم، إن …").
fn quotes_to_the_end(cx: &Context, j: usize, sentence: Span) -> bool {
    let a = cx.a;
    if j == 0 || !opens_quote(a.between(j)) {
        return false;
    }
    cx.quote_at(a.words[j - 1].span.end).is_some_and(|(q, _)| {
        let after = a.word_at(q.end);
        let to_the_end = a.words.get(after).is_none_or(|w| w.span.start >= sentence.end);
        let long = after > j + MAX_APPOSITION_NAME_WORDS && !cx.in_entity(j, &[Label::PER, Label::ORG]);
        let closed = a.between(after).trim_start_matches(['”', '»', '"', ' ']).starts_with(['،', ',', '.', '؛', ':']);
        to_the_end || (long && closed)
    })
}

/// A headline: the subject opens its line and the line has no final stop.
fn is_headline(cx: &Context, i: usize, subject: Option<Span>) -> bool {
    let a = cx.a;
    let Some(subj) = subject else { return false };
    let line_start = a.paragraph_start(a.words[i].span.start);
    let line_end = a.paragraph_end(a.words[i].span.start);
    a.text[line_start..subj.start].trim().is_empty()
        && !a.text[line_start..line_end].trim_end().ends_with(['.', '!', '؟', '?', '»', '”'])
}

/// Whether the cue `cue` in word `i` opens its clause, so that its subject may be dropped: it
/// carries و/ف (not another letter read off: كابدت), or it follows the sentence start, a comma or a subordinator (حيث أكد …).
fn opens_clause(cx: &Context, i: usize, cue: Span) -> bool {
    let a = cx.a;
    let w = &a.words[i];
    let sentence = a.sentence(w.span.start);
    cx.after_conjunction(i, cue)
        || i == 0
        || a.words[i - 1].span.end <= sentence.start
        || a.between(i).contains(['،', ','])
        || (a.joined(i) && a.words[i - 1].kinds().has(Kind::Subordinator))
}
