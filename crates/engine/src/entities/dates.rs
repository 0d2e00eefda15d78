//! Dates and times, absolute and relative:
//! أمس الأحد، صباح اليوم، يوم الجمعة الماضي، منتصف الشهر الحالي، العام المقبل، هذا الأسبوع،
//! عام 2015، 14 مارس/آذار 2023، أيار ٢٠٢٢، 3/14/2023، في رمضان، الساعة 10:30.
//!
//! A month name alone is a date only next to a number or after a word like في/منذ/شهر, because
//! several are also common words (مارس: he practised; آب/أب; رجب and رمضان are also names).
//! A weekday alone (الأحد) is a date with lower confidence; الاثنين (also "the two") needs
//! context. A four-digit number from 1900 to 2099 is a year. Known false positives: الجمعة as
//! "Friday prayers", a year-like count (2000 جندي) when no unit word follows.

use super::confidence as conf;
use super::{Candidate, Label};
use crate::lexicon::{Kind, Kinds, Lexicon};
use crate::tokenize::TokenKind;
use crate::words::Words;
use crate::Span;

pub fn candidates(a: &Words, lex: &Lexicon) -> Vec<Candidate> {
    let d = Dates { a, lex };
    let mut out = Vec::new();
    let mut i = 0;
    while i < a.words.len() {
        if let Some((last, conf, label)) = d.at(i) {
            let start = a.words[i].stems().first().map_or(a.words[i].span.start, |s| s.span.start);
            out.push(Candidate::new(Span::new(start, a.words[last].span.end), label, "rule:dates", conf));
            i = last + 1;
        } else {
            i += 1;
        }
    }
    out
}

struct Dates<'a, 't> {
    a: &'a Words<'t>,
    lex: &'a Lexicon,
}

impl Dates<'_, '_> {
    /// The kinds of word `i`, read without its proclitics (و، ب، ل …) if that gives a date word.
    fn kinds(&self, i: usize) -> Kinds {
        let w = &self.a.words[i];
        w.stems().iter().find(|s| s.kinds.any(&DATE_WORDS)).map_or(w.kinds(), |s| s.kinds)
    }

    /// The kinds of word `i + 1` when it is joined to word `i`.
    fn next(&self, i: usize) -> Kinds {
        if self.a.joined(i + 1) {
            self.a.words[i + 1].kinds()
        } else {
            Kinds::EMPTY
        }
    }

    fn number(&self, i: usize) -> Option<u32> {
        let w = self.a.words.get(i)?;
        (w.kind == TokenKind::Number).then(|| w.key().parse().ok()).flatten()
    }

    fn is_year(&self, i: usize) -> bool {
        self.number(i).is_some_and(|n| (1900..2100).contains(&n))
    }

    /// A month name starting at word `i`: the index of its last word.
    fn month(&self, i: usize) -> Option<usize> {
        self.a.phrase_at(self.lex, i, |k| k.has(Kind::Month)).map(|p| p.last)
    }

    fn weekday(&self, i: usize) -> bool {
        self.a.words.get(i).is_some_and(|w| w.stems().iter().any(|s| s.kinds.has(Kind::Weekday)))
    }

    /// Whether words `i` and `i + 1` are separated by a slash (مارس/آذار، 3/14).
    fn slash(&self, i: usize) -> bool {
        i + 1 < self.a.words.len() && self.a.between(i + 1).trim() == "/"
    }

    /// Month [/ month] [year], the month starting at `i`: last word index.
    fn month_phrase(&self, i: usize) -> Option<(usize, bool)> {
        let mut last = self.month(i)?;
        if self.slash(last) {
            if let Some(l2) = self.month(last + 1) {
                last = l2;
            }
        }
        let with_year = self.a.joined(last + 1) && self.number(last + 1).is_some();
        if with_year {
            last += 1;
        } else if self.next(last).has(Kind::DateModifier) {
            // فبراير المقبل
            last += 1;
            return Some((last, true));
        }
        Some((last, with_year))
    }

    /// A date or time starting at word `i`: its last word, confidence and label.
    fn at(&self, i: usize) -> Option<(usize, f32, Label)> {
        let k = self.kinds(i);
        // صباح اليوم، مساء أمس، ليلة الجمعة
        if k.has(Kind::DayPart) && self.a.joined(i + 1) {
            if let Some((last, c, label)) = self.core(i + 1) {
                return Some((last, c.max(conf::DATE_CONTEXT), label));
            }
            if self.next(i).has(Kind::DayWord) {
                return Some((i + 1, conf::DATE_CONTEXT, Label::DATE));
            }
        }
        // منتصف الشهر الحالي، مطلع العام، أواخر مارس
        if k.has(Kind::PeriodEdge) && self.a.joined(i + 1) {
            if self.next(i).has(Kind::Period) {
                let more = self.next(i + 1).has(Kind::DateModifier) || (self.is_year(i + 2) && self.a.joined(i + 2));
                let last = if more { i + 2 } else { i + 1 };
                return Some((last, conf::DATE_PHRASE, Label::DATE));
            }
            if let Some((last, _)) = self.month_phrase(i + 1) {
                return Some((last, conf::DATE_PHRASE, Label::DATE));
            }
            if self.is_year(i + 1) {
                return Some((i + 1, conf::DATE_PHRASE, Label::DATE));
            }
        }
        // الساعة 10:30، الساعة العاشرة
        if k.has(Kind::HourWord) && self.number(i + 1).is_some() && self.a.joined(i + 1) {
            let last = if self.a.between(i + 2).trim() == ":" && self.number(i + 2).is_some() { i + 2 } else { i + 1 };
            return Some((last, conf::DATE_CONTEXT, Label::TIME));
        }
        // هذا العام، هذه السنة
        if k.has(Kind::Demonstrative) && self.next(i).has(Kind::Period) {
            return Some((i + 1, conf::DATE_CONTEXT, Label::DATE));
        }
        self.core(i)
    }

    /// The date expressions that can follow a day part: أمس [الأحد]، يوم الجمعة [الماضي]، 14
    /// مارس 2023، عام 2015، الشهر الماضي …
    fn core(&self, i: usize) -> Option<(usize, f32, Label)> {
        let k = self.kinds(i);
        if k.has(Kind::RelativeDay) {
            let last = if self.a.joined(i + 1) && self.weekday(i + 1) { i + 1 } else { i };
            return Some((last, conf::DATE, Label::DATE));
        }
        if k.has(Kind::DayWord) && self.a.joined(i + 1) {
            if self.weekday(i + 1) {
                return Some((self.with_modifier(i + 1), conf::DATE, Label::DATE));
            }
            if self.number(i + 1).is_some_and(|n| (1..=31).contains(&n)) {
                if let Some((last, _)) = self.a.joined(i + 2).then(|| self.month_phrase(i + 2)).flatten() {
                    return Some((last, conf::DATE, Label::DATE));
                }
            }
        }
        if self.weekday(i) {
            let mut last = self.with_modifier(i);
            let mut c = if last > i { conf::DATE_PHRASE } else { conf::WEEKDAY_ALONE };
            // الأحد 14 مارس
            if last == i
                && self.a.between(i + 1).trim().chars().all(|c| c == '،' || c == ',')
                && self.number(i + 1).is_some_and(|n| (1..=31).contains(&n))
            {
                if let Some((l, _)) = self.month_phrase(i + 2) {
                    last = l;
                    c = conf::DATE;
                }
            }
            // الاثنين alone is also "the two".
            if k.has(Kind::Common) && last == i {
                return None;
            }
            return Some((last, c, Label::DATE));
        }
        // 14 مارس/آذار 2023
        if self.number(i).is_some_and(|n| (1..=31).contains(&n)) && self.a.joined(i + 1) {
            if let Some((last, _)) = self.month_phrase(i + 1) {
                return Some((last, conf::DATE, Label::DATE));
            }
        }
        // 14/3/2023, 2023-03-14
        if let Some(last) = self.numeric_date(i) {
            return Some((last, conf::DATE_PHRASE, Label::DATE));
        }
        // 10:30
        if self.number(i).is_some_and(|n| n <= 24)
            && self.a.between(i + 1) == ":"
            && self.number(i + 1).is_some_and(|m| m < 60)
            && self.a.words[i + 1].key().len() == 2
        {
            return Some((i + 1, conf::TIME_DIGITS, Label::TIME));
        }
        if let Some((last, with_year)) = self.month_phrase(i) {
            let prev_ok = i > 0 && self.kinds(i - 1).has(Kind::MonthContext) && self.a.joined(i);
            let w = &self.a.words[i];
            let needs_context = w.is(Kind::HijriMonth) || w.is(Kind::AmbiguousMonth);
            // في رمضان، شهر محرم، في مارس: a Hijri or ambiguous month needs its context word.
            if with_year || prev_ok || !needs_context {
                return Some((last, if with_year { conf::DATE } else { conf::MONTH_ALONE }, Label::DATE));
            }
        }
        if k.has(Kind::YearWord) && self.a.joined(i + 1) && self.number(i + 1).is_some() {
            return Some((i + 1, conf::DATE, Label::DATE));
        }
        if k.has(Kind::Period) && self.next(i).has(Kind::DateModifier) {
            return Some((i + 1, conf::DATE_PHRASE, Label::DATE));
        }
        if self.is_year(i) && !self.slash(i) {
            return Some((i, conf::YEAR_ALONE, Label::DATE));
        }
        None
    }

    fn with_modifier(&self, i: usize) -> usize {
        if self.next(i).has(Kind::DateModifier) {
            i + 1
        } else {
            i
        }
    }

    fn numeric_date(&self, i: usize) -> Option<usize> {
        let sep = |j: usize| {
            let b = self.a.between(j);
            b == "/" || b == "-" || b == "."
        };
        let (a, b, c) = (self.number(i)?, self.number(i + 1)?, self.number(i + 2)?);
        if !(sep(i + 1) && sep(i + 2)) || self.a.between(i + 1) != self.a.between(i + 2) {
            return None;
        }
        let dmy = (1..=31).contains(&a) && (1..=12).contains(&b) && (1900..2100).contains(&c);
        let mdy = (1..=12).contains(&a) && (1..=31).contains(&b) && (1900..2100).contains(&c);
        let ymd = (1900..2100).contains(&a) && (1..=12).contains(&b) && (1..=31).contains(&c);
        (dmy || mdy || ymd).then_some(i + 2)
    }
}

/// Kinds a word may have once its proclitics are read off (وأمس، بمنتصف، لمطلع).
const DATE_WORDS: [Kind; 9] = [
    Kind::RelativeDay,
    Kind::DayPart,
    Kind::Period,
    Kind::PeriodEdge,
    Kind::YearWord,
    Kind::DayWord,
    Kind::Month,
    Kind::Weekday,
    Kind::MonthContext,
];
