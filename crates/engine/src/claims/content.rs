//! Contents: after a complementizer (the rest of the sentence up to a break, or a quotation),
//! after a colon, or inside quotation marks that may run over several sentences. A content after
//! a complementizer ends before a new report: a comma and a break word or a cue, a cue after a
//! closing quotation mark, a break word before a cue (بينما قالت، لكنه لم يوضح), an attribution
//! (حسب ما قال), the narrator's aside (في إشارة إلى), a participle of saying with its own
//! complementizer (مؤكدا أن).

use super::{opens_quote, trim_end, Context, CueKind};
use crate::lexicon::Kind;
use crate::Span;

/// A content and whether it is a direct quotation.
pub(super) type Content = (Span, bool);

impl Context<'_, '_> {
    /// The content after a complementizer ending at byte `from`: a quotation if one opens right
    /// there, else the rest of the sentence up to a break.
    pub(super) fn content_after(&self, from: usize, sentence: Span) -> Option<Content> {
        if let Some(q) = self.quote_at(from) {
            return Some(q);
        }
        let a = self.a;
        let first = a.word_at(from);
        let start = a.words.get(first)?.span.start;
        if start >= sentence.end.max(from + 1) + 2 {
            return None;
        }
        let mut end = sentence.end;
        // Stop at a comma followed by a break word, a new cue, or one word and a cue: …، وذلك عقب
        // / …، قالت السفارة / …، فقد ذكرت المؤسسة; with no comma, at a new report: a cue after a
        // closing quotation mark (…" مشيرا إلى أن), a break word before a cue (فيما ذكر، لكنه لم
        // يوضح، بينما لم يشر), an attribution of what precedes (… حسب ما قال، حسبما أفادت); a
        // subordinator before a cue too (…، حيث أكد).
        for k in first + 1..a.words.len() {
            let w = &a.words[k];
            if w.span.start >= end {
                break;
            }
            let between = a.between(k);
            let comma = between.contains(['،', ',', ';', '؛']);
            let cue = w.is_cue() || (k + 1 < a.words.len() && self.cue(k).is_some());
            let closes_quote = between.contains(['”', '»']) || (between.contains('"') && !opens_quote(between));
            let participle = self.participle_reports(k);
            // A comma and one word before a cue too (…، فقد ذكرت), unless the word opens a relative
            // clause (…، التي تهدد …).
            let cue_next = self.cue_follows(k) && !w.kinds().has(Kind::Relative);
            if (comma && (w.kinds().has(Kind::ContentBreak) || cue || cue_next))
                || (closes_quote && cue)
                || ((w.any().has(Kind::ContentBreak) || w.kinds().has(Kind::Subordinator)) && self.cue_follows(k))
                || self.attributes_before(k)
                || self.opens_aside(k)
                || participle
                || self.coordinated_report(k)
            {
                // … مع تأكيده أن: مع goes with the new report.
                let with = participle && k - 1 > first && a.joined(k) && a.words[k - 1].key() == super::WITH;
                end = a.words[k - 1 - usize::from(with)].span.end;
                break;
            }
        }
        let span = close_open_quote(a.text, trim_unopened_quote(a.text, trim_end(a.text, Span::new(start, end))));
        (!span.is_empty()).then_some((span, false))
    }

    /// Whether word `k` is في opening the narrator's aside on what was said (في إشارة إلى …:
    /// `asides.txt`).
    fn opens_aside(&self, k: usize) -> bool {
        let a = self.a;
        let lex = crate::lexicon::Lexicon::builtin();
        a.words[k].key() == super::IN
            && a.words.get(k + 1).is_some_and(|w| a.joined(k + 1) && w.in_list(lex, crate::lexicon::RuleList::Aside))
    }

    /// Whether a verb of saying follows word `k`, or a negation and one (فيما ذكر، لكنه لم يوضح).
    fn cue_follows(&self, k: usize) -> bool {
        let a = self.a;
        let verb = |n: usize| a.joined(n) && matches!(self.cue(n), Some((CueKind::Verb | CueKind::Denial, _)));
        let negation = |n: usize| a.joined(n) && a.words[n].kinds().has(Kind::Negation);
        k + 1 < a.words.len() && (verb(k + 1) || (k + 2 < a.words.len() && negation(k + 1) && verb(k + 2)))
    }

    /// Whether a participle of saying at word `k` opens a new report with its own
    /// complementizer, comma or not (… ومطمئن لافتين الى ان …، … حركة السوق مؤكدا ان …), or with
    /// a noun phrase it governs when it is a participle (… يدعم هذا الطلب مؤكدا الحاجة إلى …،
    /// مشيدا بالتعامل …; not a verbal noun: انتقاده للرئيس على خلفية اتهامه بـ …).
    fn participle_reports(&self, k: usize) -> bool {
        let a = self.a;
        let that = |n: usize| n < a.words.len() && a.joined(n) && self.is_complementizer(n);
        let participle = a.words[k].any().any(&[Kind::CueParticiple, Kind::CueParticipleDenial]);
        let governs = || {
            a.words[k].key().starts_with('م')
                && self.cue(k).is_some()
                && self.cue_kinds(k).any(&[
                    Kind::GovernsDirect,
                    Kind::GovernsBi,
                    Kind::GovernsIla,
                    Kind::GovernsAla,
                    Kind::GovernsAn,
                    Kind::GovernsMin,
                ])
        };
        participle
            && (that(k + 1)
                || (k + 1 < a.words.len() && a.words[k + 1].kinds().has(Kind::CuePreposition) && that(k + 2))
                || governs())
    }

    /// Whether word `k` is a verb of saying joined by و or ف, a new report (… على لبنان واعتبر
    /// أن …، … عن طريق العنف وقال بيان المنظمة إن …).
    fn coordinated_report(&self, k: usize) -> bool {
        matches!(self.cue(k), Some((CueKind::Verb | CueKind::Denial, cue)) if self.after_conjunction(k, cue))
    }

    /// Whether word `k` attributes what precedes it: حسب ما قال X، حسبما أفادت X، بحسب X.
    fn attributes_before(&self, k: usize) -> bool {
        let a = self.a;
        matches!(self.cue(k), Some((CueKind::According, span)) if {
            let next = a.word_at(span.end);
            a.words[k].key().ends_with(super::WHAT)
                || a.words.get(next).is_some_and(|w| a.joined(next) && (w.key() == super::WHAT || w.is_cue()))
        })
    }

    /// A quotation opening at byte `from` (after spaces): its inside, up to the matching mark,
    /// across sentences but not across paragraphs.
    pub(super) fn quote_at(&self, from: usize) -> Option<Content> {
        let a = self.a;
        let rest = &a.text[from..];
        let lead = rest.len() - rest.trim_start_matches([' ', '\u{00A0}', ':']).len();
        let open = rest[lead..].chars().next()?;
        let close = crate::chars::closing_quote(open)?;
        let inner = from + lead + open.len_utf8();
        let para_end = a.paragraph_end(inner);
        let rel = a.text[inner..para_end]
            .find(close)
            .or_else(|| (close == '”').then(|| a.text[inner..para_end].find('"')).flatten());
        let span = match rel {
            Some(rel) => Span::new(inner, inner + rel),
            // A quotation that goes on in the next paragraphs, closed there: this paragraph's part.
            None if self.closes_later(para_end, open, close) => trim_end(a.text, Span::new(inner, para_end)),
            None => return None,
        };
        (!span.is_empty()).then_some((span, true))
    }

    /// The part of a quotation that goes on from a paragraph before and closes in this one or a
    /// later one, for the paragraph starting at byte `start`: the text up to its closing mark (…
    /// وفي كل مرة يقدم العراق تنازلات محدودة ".), or the whole paragraph when it has no mark and the
    /// quotation closes further on (a speech quoted over several paragraphs). The paragraphs
    /// between hold no quotation mark, and there are at most [`MAX_QUOTE_PARAGRAPHS`] of them.
    pub(super) fn continued_quote(&self, start: usize) -> Option<Span> {
        let a = self.a;
        let (open, close) = self.open_before(start)?;
        let line = &a.text[start..a.paragraph_end(start)];
        let end = if closes_first(line, open, close) {
            start + line.find(close)?
        } else if !has_quote_marks(line) && self.closes_later(a.paragraph_end(start), open, close) {
            a.paragraph_end(start)
        } else {
            return None;
        };
        let span = trim_end(a.text, Span::new(start, end));
        (!span.is_empty()).then_some(span)
    }

    /// The quotation marks of a quotation a paragraph before the one starting at byte `start`
    /// opened and left open, over paragraphs with no quotation mark.
    fn open_before(&self, start: usize) -> Option<(char, char)> {
        let a = self.a;
        let mut at = start;
        for _ in 0..MAX_QUOTE_PARAGRAPHS {
            if at == 0 {
                return None;
            }
            let from = a.paragraph_start(at - 1);
            let before = &a.text[from..at - 1];
            if has_quote_marks(before) {
                return QUOTE_PAIRS.into_iter().find(|&(o, c)| left_open(before, o, c));
            }
            at = from;
        }
        None
    }

    /// Whether a quotation left open closes in a paragraph after byte `end` (the end of a
    /// paragraph), over paragraphs with no quotation mark.
    fn closes_later(&self, mut end: usize, open: char, close: char) -> bool {
        let a = self.a;
        for _ in 0..MAX_QUOTE_PARAGRAPHS {
            let Some(next) = a.text.get(end + 1..) else { return false };
            if next.is_empty() {
                return false;
            }
            let next_end = a.paragraph_end(end + 1);
            let line = &a.text[end + 1..next_end];
            if has_quote_marks(line) {
                return closes_first(line, open, close);
            }
            end = next_end;
        }
        false
    }

    /// A colon or a quotation right after the cue and its speaker: قال الوزير: “…”، أضاف عنان
    /// "…".
    pub(super) fn colon_or_quote(&self, from: usize, sentence: Span) -> Option<Content> {
        let rest = self.a.text.get(from..)?;
        let t = rest.trim_start_matches([' ', '،', ',']);
        let at = from + (rest.len() - t.len());
        let Some(after) = t.strip_prefix(':') else {
            return self.quote_at(at).or_else(|| self.unclosed_quote(at, sentence));
        };
        let at = from + (rest.len() - after.len());
        self.quote_at(at).or_else(|| {
            let start = at + (after.len() - after.trim_start().len());
            self.unclosed_quote(start, sentence).or_else(|| {
                let end = self.a.paragraph_end(start).min(sentence.end.max(start));
                let span = trim_end(self.a.text, Span::new(start, end));
                (!span.is_empty()).then_some((span, false))
            })
        })
    }

    /// A quotation mark at byte `at` that closes nowhere: the quotation is the rest of the
    /// sentence (قال: "كان مستوى الإقبال … مشجعا.), its closing mark lost.
    fn unclosed_quote(&self, at: usize, sentence: Span) -> Option<Content> {
        let open = self.a.text[at..].chars().next().filter(|&c| crate::chars::closing_quote(c).is_some())?;
        let start = at + open.len_utf8();
        let end = self.a.paragraph_end(start).min(sentence.end.max(start));
        let span = trim_end(self.a.text, Span::new(start, end));
        (!span.is_empty() && !has_quote_marks(span.of(self.a.text))).then_some((span, true))
    }
}

/// The most paragraphs a quotation is followed over with no quotation mark in them.
const MAX_QUOTE_PARAGRAPHS: usize = 6;

/// Opening and closing quotation marks.
const QUOTE_PAIRS: [(char, char); 3] = [('“', '”'), ('«', '»'), ('"', '"')];

/// Whether `text` holds a quotation mark.
fn has_quote_marks(text: &str) -> bool {
    text.contains(['“', '”', '«', '»', '"'])
}

/// Drops a closing quotation mark ending `span` whose opening mark is not in it (…مواجهته”).
pub(super) fn trim_unopened_quote(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let Some(last) = s.chars().last().filter(|c| matches!(c, '”' | '»' | '"')) else { return span };
    let opened = match last {
        '"' => s.matches('"').count() % 2 != 1,
        _ => s.contains(['“', '«']),
    };
    if opened {
        return span;
    }
    trim_end(text, Span::new(span.start, span.end - last.len_utf8()))
}

/// Takes in the closing quotation mark right after `span` when a quotation opened inside it is
/// not closed yet (أن الفريق "جاهز تماما" مضيفا …).
fn close_open_quote(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let Some(next) = text[span.end..].chars().next() else { return span };
    let open = match next {
        '"' => s.matches('"').count() % 2 == 1,
        '”' => s.matches('“').count() > s.matches('”').count(),
        '»' => s.matches('«').count() > s.matches('»').count(),
        _ => false,
    };
    if open {
        Span::new(span.start, span.end + next.len_utf8())
    } else {
        span
    }
}

/// Whether `text` leaves a quotation opened with `open` unclosed.
fn left_open(text: &str, open: char, close: char) -> bool {
    if open == close {
        return text.matches(open).count() % 2 == 1;
    }
    text.rfind(open).is_some_and(|o| !text[o..].contains(close))
}

/// Whether `text` closes a quotation before it opens one: its first mark is a closing one.
fn closes_first(text: &str, open: char, close: char) -> bool {
    if open == close {
        return text.matches(close).count() % 2 == 1;
    }
    text.find(close).is_some_and(|c| text.find(open).is_none_or(|o| c < o))
}
