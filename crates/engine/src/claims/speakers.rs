//! Speakers: the noun phrase after a cue (VSO: قالت صحيفة “هآرتس” …) or the entities right
//! before it (SVO: الوزير قال …).

use super::{Context, IN, MAX_SPEAKER_WORDS, OF};
use crate::document::Label;
use crate::lexicon::{Kind, RuleList};
use crate::tokenize::TokenKind;
use crate::Span;

/// Longest subject named by its head word before its cue (وزارة الصحة الفلسطينية), in words.
const MAX_HEADED_SUBJECT_WORDS: usize = 4;
/// Longest quoted name inside a speaker (صحيفة “هآرتس”), in words.
pub(super) const MAX_QUOTED_NAME_WORDS: usize = 3;
/// Longest name in parentheses inside a speaker (حركة المقاومة الإسلامية (حماس)), in words.
const MAX_PARENTHESIZED_WORDS: usize = 3;

impl Context<'_, '_> {
    /// A noun phrase starting at word `j`: up to a comma, a complementizer, a date, a
    /// preposition the cue governs, or في before a statement noun; a quoted name inside it
    /// (صحيفة “هآرتس”) is kept whole. Returns it and the index of the word after it.
    pub(super) fn speaker_after(&self, j: usize, sentence: Span) -> Option<(Span, usize)> {
        let a = self.a;
        let first = a.words.get(j)?;
        // A speaker must name someone: it starts with a noun, not a preposition or a pronoun. A
        // preposition carrying a pronoun says where or to whom, and the speaker may follow it
        // (ادعى فيها البابا أن …; قال فيه "…" has none).
        // Nor an adverb: the speaker, if any, follows it (قال أيضا …، توقع بالتالي أن …).
        let adverb = first.in_list(crate::lexicon::Lexicon::builtin(), RuleList::Adverb);
        if (first.kinds().has(Kind::PronounPreposition) || adverb) && a.joined(j + 1) {
            return self.speaker_after(j + 1, sentence);
        }
        if adverb {
            return None;
        }
        if first.kinds().has(Kind::NotSpeaker) || first.kind == TokenKind::Number {
            return None;
        }
        let start = first.stem_start();
        let mut end = None;
        let mut k = j;
        while k < a.words.len() && k < j + MAX_SPEAKER_WORDS && a.words[k].span.start < sentence.end {
            if k > j {
                // A name in parentheses names the speaker again (حركة المقاومة الإسلامية (حماس)).
                if let Some((after, close)) = self.parenthesized_name(k, sentence) {
                    end = Some(close);
                    k = after;
                    continue;
                }
                let b = a.between(k).trim();
                let quote_ok = b.chars().all(|c| matches!(c, '“' | '”' | '«' | '»' | '"'));
                if !(self.joined_in_speaker(k) || (quote_ok && !b.is_empty())) {
                    break;
                }
                // Into a quotation only if it is a quoted name, closed within a few words
                // (صحيفة “هآرتس”), not the quoted content (أضاف عنان "لأول مرة …").
                let opens = b.ends_with(['“', '«'])
                    || (b.ends_with('"') && a.text[start..a.words[k - 1].span.end].matches('"').count() % 2 != 1);
                if opens
                    && !self.quote_at(a.words[k - 1].span.end).is_some_and(|(q, _)| {
                        a.word_at(q.end) <= k + MAX_QUOTED_NAME_WORDS && a.text[q.end..].starts_with(['”', '»', '"'])
                    })
                {
                    break;
                }
            }
            let w = &a.words[k];
            if self.is_complementizer(k)
                || (k > j && w.kinds().has(Kind::CuePreposition))
                || (k > j && (ends_speaker(w) || without(w) || self.ends_at(j, k)))
                || self.in_entity(k, &[Label::DATE, Label::TIME])
                || w.is_cue()
            {
                break;
            }
            if *w.key() == *IN && a.words.get(k + 1).is_some_and(|n| n.kinds().has(Kind::StatementNoun)) {
                break;
            }
            end = Some(w.span.end);
            k += 1;
        }
        let mut end = end?;
        // A closing quotation mark right after the phrase belongs to it: صحيفة “هآرتس”
        if let Some(c) = a.text[end..].chars().next().filter(|c| matches!(c, '”' | '»' | '"')) {
            if a.text[start..end].contains(['“', '«', '"']) {
                end += c.len_utf8();
            }
        }
        Some((Span::new(start, end), k))
    }

    /// Whether word `k`, in a speaker's phrase that starts at word `j`, ends it: من before a word
    /// saying on whose part (من جانبه، من جهتها), or a lone hamza, which the corpora write for a
    /// quotation mark, closing a quote before the speaker (نقل عنه المسؤول الكبير ء اثر …). A hamza
    /// that opens or closes a quoted name inside the phrase does not (صحيفة ء دايلي ميرور ء).
    fn ends_at(&self, j: usize, k: usize) -> bool {
        let a = self.a;
        let lex = crate::lexicon::Lexicon::builtin();
        let hamza = |n: usize| a.words[n].key() == "ء";
        let part = |n: usize| a.joined(n) && a.words[n].in_list(lex, RuleList::OnOnesPart);
        let opens_name = || (k + 1..(k + 5).min(a.words.len())).any(hamza);
        let closes_name = || (j..k).filter(|&n| hamza(n)).count() % 2 == 1;
        (hamza(k) && !opens_name() && !closes_name())
            || (a.words[k].key() == "من" && k + 1 < a.words.len() && part(k + 1))
    }

    /// Whether the head of a speaker's phrase can speak: one of its words before a preposition
    /// (مصدر في الوزارة, but not قوة دولية في دارفور) does (see [`Self::speaks`]).
    pub(super) fn head_speaks(&self, speaker: Span) -> bool {
        let a = self.a;
        (a.word_holding(speaker.start)..a.word_at(speaker.end))
            .take_while(|&k| k == a.word_holding(speaker.start) || !SPEAKER_PREPOSITIONS.contains(&a.words[k].key()))
            .any(|k| self.speaks(k))
    }

    /// Whether word `k` names someone who can say something: it lies in a person, organization,
    /// place, nationality or title the entities found, or is of a speaking kind (a title, a body,
    /// a medium, a speaker, a report or a statement; not a given name alone: غريب is also
    /// "strange"), or a group of people (السلطات، المسلحون: `groups.txt`); after a word that
    /// counts them (بعض، أحد، العديد من: `quantifiers.txt`), whether they do.
    pub(super) fn speaks(&self, k: usize) -> bool {
        if self.quantifies(k) {
            return self.counted_after(k).is_some_and(|n| self.speaks_itself(n));
        }
        self.speaks_itself(k)
    }

    /// Whether word `q` counts or ranks the people after it (`quantifiers.txt`).
    fn quantifies(&self, q: usize) -> bool {
        self.a.words[q].in_list(crate::lexicon::Lexicon::builtin(), RuleList::Quantifier)
    }

    /// The word a quantifier at word `q` counts: the next, or the one after من (بعض المسؤولين،
    /// العديد من المحللين), joined.
    fn counted_after(&self, q: usize) -> Option<usize> {
        let a = self.a;
        let of = a.words.get(q + 1).is_some_and(|w| a.joined(q + 1) && w.key() == OF);
        let k = q + 1 + usize::from(of);
        (k < a.words.len() && a.joined(k)).then_some(k)
    }

    /// [`Self::speaks`] of the word itself.
    fn speaks_itself(&self, k: usize) -> bool {
        const SPEAKING: [Kind; 7] = [
            Kind::Title,
            Kind::OrgHead,
            Kind::MediaHead,
            Kind::Organization,
            Kind::SpeakerNoun,
            Kind::ReportNoun,
            Kind::StatementNoun,
        ];
        self.in_entity(k, &[Label::PER, Label::ORG, Label::LOC, Label::NORP, Label::TITLE])
            || SPEAKING.iter().any(|&kind| self.a.words[k].is(kind))
            || self.accusative_kinds(k).any(&SPEAKING)
            || self.a.words[k].in_list(crate::lexicon::Lexicon::builtin(), RuleList::Group)
    }

    /// The lists word `k` is in read as an indefinite noun in the accusative, its tanween
    /// written as a final ا (لكن سفيرا مطلعا …، إن مصدرا …، أن مسؤولا …: the subject after إن and
    /// its sisters), which no clitic reading splits off; none for another word.
    fn accusative_kinds(&self, k: usize) -> crate::lexicon::Kinds {
        let key = self.a.words[k].key();
        match key.strip_suffix(ACCUSATIVE_ALEF) {
            Some(noun) if noun.chars().count() >= 3 && !noun.starts_with("ال") => {
                crate::lexicon::Lexicon::builtin().get(noun)
            }
            _ => crate::lexicon::Kinds::default(),
        }
    }

    /// Whether word `k` goes on the phrase of the word before: joined to it, or right after a
    /// name in parentheses (حركة المقاومة الإسلامية (حماس) انباء).
    pub(super) fn joined_in_speaker(&self, k: usize) -> bool {
        let a = self.a;
        a.joined(k) || (k < a.words.len() && a.between(k).trim() == ")" && a.between(k).ends_with(' '))
    }

    /// A short name in parentheses opening before word `k` (حركة المقاومة الإسلامية (حماس)): the
    /// word after it and the byte after its closing parenthesis, when it closes within the
    /// sentence and holds an entity.
    pub(super) fn parenthesized_name(&self, k: usize, sentence: Span) -> Option<(usize, usize)> {
        let a = self.a;
        if k == 0 || a.between(k).trim() != "(" || !self.in_entity(k, &[Label::PER, Label::ORG, Label::LOC]) {
            return None;
        }
        let after = (k + 1..a.words.len().min(k + 1 + MAX_PARENTHESIZED_WORDS))
            .take_while(|&m| a.words[m].span.start < sentence.end)
            .find(|&m| !a.joined(m))?;
        let last = a.words[after - 1].span.end;
        let close = last + a.between(after).find(')')? + ')'.len_utf8();
        (a.between(after).trim() == ")").then_some((after, close))
    }

    /// The subject before the cue at word `i` (SVO): the entities and titles joined right
    /// before it (or before قد، فقد), with a title or head word before them, opening their
    /// clause (see [`Self::opening_subject`]).
    pub(super) fn speaker_before(&self, i: usize, sentence: Span) -> Option<Span> {
        let a = self.a;
        // Not across a dash: a dateline's agency (سيول - رويترز - اوردت وكالة …).
        if i == 0 || !a.joined(i) || a.between(i).contains('-') {
            return None;
        }
        let cue_start = a.words[i].span.start;
        // The pluperfect (وكان الوزير قد قال إن …) and the topic (أما بلير فقد شدد …): the subject
        // stands before قد or فقد.
        let particle = |p: &str| i >= 2 && a.joined(i - 1) && a.words[i - 1].key() == p;
        let (pluperfect, so) = (particle(PERFECT_PARTICLE), particle(SO_PARTICLE));
        let end = if pluperfect || so { i - 1 } else { i };
        // A relative pronoun between them (… رايس التي قالت …): the subject is what it follows,
        // wherever that stands in its clause.
        let relative = end == i && i >= 2 && a.joined(i - 1) && a.words[i - 1].kinds().has(Kind::Relative);
        let last = if relative { i - 2 } else { end - 1 };
        // The entity or entities ending right before the cue, back to the sentence start.
        let mut start = None;
        let mut at = a.words[last].span.end;
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
        if relative {
            return start.map(|s| Span::new(s, a.words[last].span.end));
        }
        // Or, where no entity was found, a body or a title named by its head word and what
        // follows it (وزارة الصحة قالت …، المتحدث باسم الجيش قال …).
        let start = start.or_else(|| self.headed_subject_before(i, end, pluperfect, sentence))?;
        let opening = |start| self.opening_subject(i, start, end, pluperfect, so, sentence);
        if let Some(subject) = opening(start) {
            return Some(subject);
        }
        // Or the subject starts further back, at a title or a body's head word the entities
        // follow (وكان الرئيس الأميركي قال …، غير أن وزير الخارجية الفرنسي قال …).
        let first = a.words.partition_point(|x| x.span.end <= start);
        let lex = crate::lexicon::Lexicon::builtin();
        let head_or_group = |k: usize| self.heads(k) || a.words[k].in_list(lex, RuleList::Group);
        // Back over the words of a name's phrase only: entities, definite nouns, demonstratives,
        // head words and the word after one (مدير عام الدفاع المدني اللواء …، متحدثة باسم الجيش،
        // تقرير هؤلاء المبعوثين), not a clause (بري أجرى أيضا اتصالا بالسفير …).
        let in_phrase = |k: usize| {
            let w = &a.words[k];
            self.in_entity(k, &[Label::PER, Label::ORG, Label::LOC, Label::NORP, Label::TITLE])
                || w.is_definite_noun()
                || w.kinds().has(Kind::Demonstrative)
                || head_or_group(k)
                || (k > 0 && a.joined(k) && head_or_group(k - 1))
        };
        (first.saturating_sub(MAX_SPEAKER_WORDS)..first)
            .rev()
            .take_while(|&k| {
                let w = &a.words[k];
                a.joined(k + 1)
                    && w.span.start >= sentence.start
                    && !w.is_cue()
                    && !self.is_complementizer(k)
                    && in_phrase(k)
            })
            .filter(|&k| head_or_group(k))
            .find_map(|k| opening(a.words[k].stem_start()))
    }

    /// The subject from byte `start` to the end of word `end - 1`, before the cue at word `i`,
    /// if it opens its clause: the sentence starts there, a comma stands before it, or غير أن
    /// (غير أن مدير الدفاع المدني قال …), كان of the pluperfect (required after قد:
    /// `pluperfect`), أما of a topic (required after فقد: `so`), a conjunction before a report,
    /// or a complementizer when the cue has one of its own.
    fn opening_subject(
        &self,
        i: usize,
        start: usize,
        end: usize,
        pluperfect: bool,
        so: bool,
        sentence: Span,
    ) -> Option<Span> {
        let a = self.a;
        let subject = Span::new(start, a.words[end - 1].span.end);
        let first = a.words.partition_point(|x| x.span.end <= start);
        // The pluperfect's subject opens its clause at كان (وكان الرئيس قد قال، وكانت رايس قالت);
        // with قد, only there. (Not before a participle: وكان المنتخب مهددا … is what it was.)
        let lex = crate::lexicon::Lexicon::builtin();
        let had = first > 0
            && a.joined(first)
            && a.words[first - 1].in_list(lex, RuleList::PastAuxiliary)
            && !self.cue_kinds(i).any(&[Kind::CueParticiple, Kind::CueParticipleDenial]);
        if pluperfect || had {
            return had.then_some(subject);
        }
        // The topic's subject opens its clause at أما, the cue after ف or فقد.
        let topic = first > 0 && a.joined(first) && a.words[first - 1].key() == TOPIC_PARTICLE;
        // (Or the cue carries the ف: أما الوزير فقال …)
        let on_so = || self.cue(i).is_some_and(|(_, cue)| a.text.get(a.words[i].span.start..cue.start) == Some("ف"));
        if so || (topic && on_so()) {
            return topic.then_some(subject);
        }
        let before = a.text[sentence.start.min(start)..start].trim_end();
        // (Only after غير أن، إلا أن "however": after a reporting أن the clause is its content,
        // قالت الصحيفة إن الجيش رفض تنفيذ هجوم.)
        let after_that = first > 1
            && a.joined(first)
            && a.joined(first - 1)
            && a.words[first - 1].kinds().has(Kind::Complementizer)
            && a.words[first - 2].kinds().has(Kind::Subordinator);
        // Or after a conjunction that opens a clause, when what follows is a report: the cue's أن,
        // or a speaker noun's (بينما الوزير قال إن …، لكن الخبراء استبعدوا حدوث …; not لكن
        // أينشتاين رفض هذا العرض, an act).
        let reports = self.reports_that(i) || a.words[first].is(Kind::SpeakerNoun);
        let after_but = first > 0
            && a.joined(first)
            && a.words[first - 1].kinds().has(Kind::ContentBreak)
            && a.words[first - 1].key() != IN
            && reports;
        // Or a report inside a report's content, with its own complementizer (قال دبلوماسيون إن
        // الولايات المتحدة ترى أن …).
        let inner = first > 0
            && a.joined(first)
            && a.words[first - 1].kinds().has(Kind::Complementizer)
            && self.reports_that(i);
        let opens = before.trim_start_matches(|c: char| c == 'و' || c.is_whitespace()).is_empty()
            || before.ends_with(['،', ','])
            || after_that
            || after_but
            || inner;
        opens.then_some(subject)
    }

    /// Whether word `k` can head a speaker's phrase before its cue (see [`HEADS`]), with or
    /// without the article, or in the accusative (see [`Self::accusative_kinds`]).
    fn heads(&self, k: usize) -> bool {
        HEADS.iter().any(|&kind| self.a.words[k].is(kind)) || self.accusative_kinds(k).any(&HEADS)
    }

    /// Whether a complementizer follows the cue at word `i`, right after it or after to whom it
    /// was said (قال إن …، قال للجزيرة إن …).
    fn reports_that(&self, i: usize) -> bool {
        let a = self.a;
        let addressee = a.joined(i + 1) && super::verb::to_whom(self, i + 1);
        let k = i + 1 + usize::from(addressee);
        a.joined(k) && self.is_complementizer(k)
    }

    /// The start of a short phrase right before the cue at word `i` that opens with an
    /// organization's head word, a title, a speaker noun or a group (وزارة الصحة، المتحدث باسم
    /// الجيش، مصادر مطلعة، الدبلوماسيون), with a word counting them before it (أحد الأطباء، العديد
    /// من المحللين): words joined, none a cue or a complementizer; only when إن or أن follows
    /// the cue (الحكومة رفضت العرض is an act, not a report) or it is a pluperfect's (`pluperfect`:
    /// قد before it, وكانت السلطات السودانية قد أشارت إلى أن …), or, for a speaker noun, a noun
    /// phrase the cue takes (الخبراء استبعدوا حدوث تسونامي).
    fn headed_subject_before(&self, i: usize, end: usize, pluperfect: bool, sentence: Span) -> Option<usize> {
        let a = self.a;
        let that = self.reports_that(i) || pluperfect;
        let direct = a.joined(i + 1) && self.cue_kinds(i).has(Kind::GovernsDirect);
        if !(that || direct) {
            return None;
        }
        let lex = crate::lexicon::Lexicon::builtin();
        let mut k = end;
        while k > 0 && end - k < MAX_HEADED_SUBJECT_WORDS && a.joined(k) {
            k -= 1;
            let w = &a.words[k];
            if w.span.start < sentence.start || w.is_cue() || self.is_complementizer(k) {
                return None;
            }
            let speaker_noun = w.is(Kind::SpeakerNoun) || self.accusative_kinds(k).has(Kind::SpeakerNoun);
            if (that && self.heads(k)) || speaker_noun || w.in_list(lex, RuleList::Group) {
                // With the word that counts them (أحد الأطباء، العديد من المحللين).
                let q = (k.saturating_sub(2)..k).find(|&q| self.quantifies(q) && self.counted_after(q) == Some(k));
                return Some(a.words[q.unwrap_or(k)].stem_start());
            }
        }
        None
    }
}

/// The kinds of a word that heads a speaker's phrase before its cue: a title, a body's or a
/// medium's head word, a speaker noun (الوزير، وزارة، الصحيفة، مصادر).
const HEADS: [Kind; 4] = [Kind::Title, Kind::OrgHead, Kind::MediaHead, Kind::SpeakerNoun];

/// The alef that writes an indefinite noun's accusative tanween (سفيرًا written سفيرا).
const ACCUSATIVE_ALEF: char = 'ا';

/// The particle of the perfect (قد), between the pluperfect's subject and its verb.
const PERFECT_PARTICLE: &str = "قد";

/// أما "as for", opening a topic whose verb comes after ف (أما الوزير فقال …), normalized.
const TOPIC_PARTICLE: &str = "اما";

/// فقد, between a topic and its verb (أما بلير فقد شدد …).
const SO_PARTICLE: &str = "فقد";

/// Prepositions that may stand inside a speaker's phrase (search-normalized): مصدر في الوزارة،
/// مسؤول من الشركة، المشرف على المنافسات، سفير مصر لدى الأمم المتحدة، المتحدث مع …
const SPEAKER_PREPOSITIONS: [&str; 7] = ["في", "من", "علي", "الي", "لدي", "عند", "مع"];

/// Whether a word ends a speaker's phrase: a word that cannot name a speaker (خلال، أثناء، عقب،
/// بعد، الذي، منذ …: the occasion or a clause begins), other than a preposition that may join a
/// speaker's phrase or a demonstrative (مصدر في هذه الوزارة), or an adverb (مؤخرا، أيضا).
fn ends_speaker(w: &crate::words::Word) -> bool {
    let k = w.kinds();
    (k.has(Kind::NotSpeaker) && !k.has(Kind::Demonstrative) && !SPEAKER_PREPOSITIONS.contains(&w.key()))
        || w.in_list(crate::lexicon::Lexicon::builtin(), RuleList::Adverb)
}

/// دون، بدون (without): what follows says how it was said (… كما قالت الوكالة دون توضيحات).
fn without(w: &crate::words::Word) -> bool {
    w.kinds().has(Kind::Subordinator) && matches!(w.key(), "دون" | "بدون")
}
