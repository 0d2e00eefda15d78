//! A verbal noun as content, after the preposition its cue governs: دعت المنظمة إلى الإفراج عن
//! …، طالب بتشكيل حكومة …، حذر من تصعيد …، شدد على ضرورة … (the verbs are listed in
//! `data/hand/governs-*.txt`). The preposition is written apart (إلى، من، على) or on the word
//! (بتشكيل).

use super::content::Content;
use super::{Context, IN, MAX_SPEAKER_WORDS, OF, SKIP_WORDS};
use crate::document::Label;
use crate::lexicon::{Kind, Kinds, RuleList};
use crate::normalize::extend_over_marks;
use crate::Span;

/// The fewest words of a noun phrase content whose subject is dropped.
const MIN_DROPPED_WORDS: usize = 3;

/// Words starting with ب that are not ب + a verbal noun.
const NOT_BI: [&str; 3] = ["باسم", "بن", "بين"];

/// The preposition a cue verb governs (search-normalized), if it takes a nominal content.
pub(super) fn governed(k: Kinds) -> Option<&'static str> {
    [
        (Kind::GovernsIla, "الي"),
        (Kind::GovernsBi, "ب"),
        (Kind::GovernsMin, "من"),
        (Kind::GovernsAla, "علي"),
        (Kind::GovernsAn, "عن"),
    ]
    .into_iter()
    .find(|(kind, _)| k.has(*kind))
    .map(|(_, p)| p)
}

impl Context<'_, '_> {
    /// The content after the preposition the cue at word `i` governs, searched from word `from`
    /// on; and where the preposition starts (the speaker ends there).
    pub(super) fn nominal_content(&self, i: usize, from: usize, sentence: Span) -> Option<(Content, usize)> {
        let a = self.a;
        let prep = governed(self.cue_kinds(i))?;
        let in_sentence = |k: &usize| a.words[*k].span.start < sentence.end;
        // The first word after the cue that is the preposition or carries it (بتشكيل).
        let carries = |k: usize| {
            let key = a.words[k].key();
            key == prep
                || (prep == "ب"
                    && key.starts_with('ب')
                    && key.chars().count() >= 4
                    && !NOT_BI.contains(&key)
                    && !self.in_entity(k, &[Label::PER, Label::ORG, Label::LOC]))
        };
        let near =
            (from..a.words.len().min(from + MAX_SPEAKER_WORDS + 4)).take_while(in_sentence).find(|&k| carries(k));
        // Farther, after the speaker's phrase and an occasion, with no other report, quotation or
        // complementizer before it: the preposition written apart right after a comma (أعرب X
        // خلال لقائه في بروكسل زعيم …، عن استعداد …), or either form after في and a statement
        // (أشاد X … في تصريحات صحفية أمس بالدور …).
        let occasion =
            |k: usize| (from..k).any(|m| a.words[m].key() == IN && a.words[m + 1].kinds().has(Kind::StatementNoun));
        let far = || {
            (from + 1..a.words.len().min(from + MAX_SPEAKER_WORDS + SKIP_WORDS))
                .take_while(in_sentence)
                .take_while(|&k| {
                    let between = a.between(k);
                    self.cue(k).is_none() && !self.is_complementizer(k) && !between.contains(['“', '«', '"', ':'])
                })
                .find(|&k| {
                    (a.words[k].key() == prep && a.between(k).contains(['،', ','])) || (carries(k) && occasion(k))
                })
        };
        let k = near.or_else(far)?;
        let w = &a.words[k];
        let start = if w.key() == prep {
            a.words.get(k + 1)?.span.start
        } else {
            w.span.start + extend_over_marks(w.span.of(a.text), 'ب'.len_utf8())
        };
        if start >= sentence.end {
            return None;
        }
        let (span, _) = self.content_after(start, sentence)?;
        Some(((Span::new(start, span.end), false), w.span.start))
    }
}

impl Context<'_, '_> {
    /// A noun phrase right after the cue at word `i` and its speaker, as its content (نفى الرئيس
    /// السابق وجود إرهابيين …، طالبت ألمانيا عدم تحريك القوات …): for the verbs that take one
    /// (`data/hand/governs-direct.txt`). With no subject before the cue, the speaker comes first:
    /// a name (an entity and the titles and adjectives with it), or a noun with the words that
    /// qualify it (definite genitives and adjectives: موظف تسجيل الأراضي); the content starts at the
    /// first indefinite noun after it, or at its last noun when a relative clause qualifies that
    /// one, past a date and whom it is asked of (طالبت ألمانيا أمس من روسيا عدم …). When the cue
    /// opens its clause (`may_drop`), its subject may be dropped: an indefinite noun right after
    /// it opens the content. Returns the speaker found and the content.
    pub(super) fn direct_content(
        &self,
        i: usize,
        from: usize,
        subject_before: bool,
        may_drop: bool,
        sentence: Span,
    ) -> Option<(Option<Span>, Content)> {
        let a = self.a;
        if !self.cue_kinds(i).has(Kind::GovernsDirect) {
            return None;
        }
        let in_sentence =
            |k: usize| a.words.get(k).is_some_and(|w| w.span.start < sentence.end) && self.joined_in_speaker(k);
        let mut k = from;
        let mut speaker = None;
        if !subject_before {
            // Where it was said may stand before the speaker (نفت فيه حركة …), as in `speaker_after`.
            if a.words.get(k).is_some_and(|w| w.kinds().has(Kind::PronounPreposition)) && in_sentence(k + 1) {
                k += 1;
            }
            // Whom it is asked of, with the subject dropped (وطلب من إسرائيل تسليم خرائط …).
            let asked = self.after_addressee(i, k, sentence);
            if asked > k {
                if !may_drop || !in_sentence(asked) {
                    return None;
                }
                let c = self.direct_content_at(asked, sentence)?;
                return (a.word_at(c.0.end) - asked >= MIN_DROPPED_WORDS).then_some((None, c));
            }
            let first = a.words.get(k).filter(|_| in_sentence(k))?;
            if first.kinds().has(Kind::NotSpeaker) || first.kind == crate::tokenize::TokenKind::Number {
                return None;
            }
            // Someone who can say it (not الفحص الطبي).
            if !self.speaks(k) {
                // A dropped subject: the content opens right after the cue with an indefinite
                // noun (حيث أكد وجود قطار ثالث، وأكدا سعيهما لـ …), not a definite one that could
                // be a subject that does not speak (أكد الفحص إصابته) nor a name or a date.
                let definite = first.key().starts_with("ال");
                let proclitic = first.stem_start() > first.span.start;
                if !may_drop || definite || proclitic || self.in_entity(k, &Label::ALL) || first.tanween {
                    return None;
                }
                // And the phrase is not a lone word (رجل يدعى أوربان).
                let c = self.direct_content_at(k, sentence)?;
                let words = a.word_at(c.0.end) - k;
                return (words >= MIN_DROPPED_WORDS).then_some((None, c));
            }
            let start = first.stem_start();
            k += 1;
            // An indefinite noun takes one genitive (شهود عيان، موظف تسجيل).
            let indefinite = |k: usize| !a.words[k].key().starts_with("ال");
            if indefinite(k - 1)
                && !self.in_entity(k - 1, &[Label::PER, Label::ORG, Label::LOC])
                && in_sentence(k)
                && indefinite(k)
            {
                k += 1;
            }
            // Then what qualifies or names it: entities, definite words, titles, nationalities,
            // a name in parentheses.
            let mut end = a.words[k - 1].span.end;
            loop {
                if let Some((after, close)) = self.parenthesized_name(k, sentence) {
                    (k, end) = (after, close);
                    continue;
                }
                if !(in_sentence(k)
                    && (self.in_entity(k, &[Label::PER, Label::ORG, Label::LOC, Label::NORP, Label::TITLE])
                        || (a.words[k].key().starts_with("ال") && !a.words[k].kinds().has(Kind::Relative))
                        || a.words[k].any().any(&[Kind::Title, Kind::NameParticle, Kind::TitleTail])
                        || a.words[k].nationality().is_some())
                    && !a.words[k].is_cue())
                {
                    break;
                }
                end = a.words[k].span.end;
                k += 1;
            }
            // A relative clause after the phrase qualifies its last noun, which opens the content
            // (نفى المتحدث الأنباء التي ترددت عن …): that noun is not the speaker's.
            if k > from + 1 && in_sentence(k) && a.words[k].kinds().has(Kind::Relative) && self.heads_content(k - 1) {
                k -= 1;
                end = a.words[k - 1].span.end;
            }
            speaker = Some(Span::new(start, end));
        }
        // A date between the speaker and the content is neither (نفى الوزير أمس وجود …), nor
        // whom it is asked of (طالبت ألمانيا من روسيا عدم تحريك القوات).
        while in_sentence(k) && self.in_entity(k, &[Label::DATE, Label::TIME]) {
            k += 1;
        }
        k = self.after_addressee(i, k, sentence);
        if !(in_sentence(k) || (subject_before && k == from)) {
            return None;
        }
        self.direct_content_at(k, sentence).map(|c| (speaker, c))
    }

    /// Past whom something is asked of, when the cue at word `i` asks (`asks-of.txt`) and word
    /// `k` is من before a name or a definite noun phrase (طلب انان من إسرائيل | تسليم …): the word
    /// after it; else `k`.
    fn after_addressee(&self, i: usize, k: usize, sentence: Span) -> usize {
        let a = self.a;
        let asks = || self.cue(i).is_some_and(|(_, cue)| self.cue_in(RuleList::AsksOf, cue));
        if a.words.get(k).is_none_or(|w| w.key() != OF) || !asks() {
            return k;
        }
        let in_phrase = |m: usize| {
            a.words.get(m).is_some_and(|w| w.span.start < sentence.end && a.joined(m))
                && (self.in_entity(m, &[Label::PER, Label::ORG, Label::LOC, Label::NORP, Label::TITLE])
                    || a.words[m].is_definite_noun())
        };
        let end = (k + 1..k + 1 + MAX_SPEAKER_WORDS).find(|&m| !in_phrase(m)).unwrap_or(k + 1);
        // What is asked follows as a bare noun (not بتاريخ, a date or a name).
        let bare = |m: usize| {
            a.words.get(m).is_some_and(|w| w.stems().iter().all(|s| s.prefix.is_empty()))
                && !self.in_entity(m, &Label::ALL)
        };
        if end > k + 1 && bare(end) {
            end
        } else {
            k
        }
    }

    /// Whether word `k`, a definite noun after a speaker's first word, may be what is said rather
    /// than part of who says it: no entity, title, nationality or word that speaks.
    fn heads_content(&self, k: usize) -> bool {
        let w = &self.a.words[k];
        w.is_definite_noun()
            && !self.in_entity(k, &Label::ALL)
            && !w.any().any(&[Kind::Title, Kind::NameParticle, Kind::TitleTail])
            && w.nationality().is_none()
            && !self.speaks(k)
    }

    /// A noun phrase content opening at word `k`, up to where `content_after` ends it.
    fn direct_content_at(&self, k: usize, sentence: Span) -> Option<Content> {
        let w = self.a.words.get(k)?;
        // The content opens with a noun (or a demonstrative), not a preposition or a clause.
        if w.kinds().any(&[
            Kind::TownContext,
            Kind::CuePreposition,
            Kind::Complementizer,
            Kind::Subordinator,
            Kind::ContentBreak,
            Kind::Relative,
        ]) || w.is_cue()
            || w.key().chars().count() < 3
        {
            return None;
        }
        let (content, _) = self.content_after(w.span.start, sentence)?;
        Some((Span::new(w.span.start, content.end), false))
    }
}
