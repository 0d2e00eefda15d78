//! Dates and times, absolute and relative:
//! أمس الأحد، صباح اليوم، يوم الجمعة الماضي، منتصف الشهر الحالي، العام المقبل، هذا الأسبوع،
//! عام 2015، 14 مارس/آذار 2023، أيار ٢٠٢٢، 3/14/2023، في رمضان، الساعة 10:30.
//!
//! A month name alone is a date only next to a number or after a word like في/منذ/شهر, because
//! several are also common words (مارس: he practised; آب/أب; رجب and رمضان are also names).
//! A weekday alone (الأحد) is a date with lower confidence; الاثنين (also "the two") needs
//! context. A four-digit number from 1900 to 2099 is a year. Known false positives: الجمعة as
//! "Friday prayers", a year-like count (2000 جندي) when no unit word follows.

use super::{Candidate, Label};
use crate::analysis::Analysis;
use crate::lexicon::{Kind, Lexicon};
use crate::tokenize::TokenKind;
use crate::Span;

const RELATIVE: [&str; 4] = ["امس", "غدا", "البارحه", "غد"];
const DAY_PARTS: [&str; 9] = ["صباح", "مساء", "ليله", "ظهر", "فجر", "عصر", "ليل", "صبيحه", "ظهيره"];
const PERIODS: [&str; 10] =
    ["الشهر", "الاسبوع", "العام", "السنه", "القرن", "العقد", "الربع", "الفصل", "الموسم", "النصف"];
const MODIFIERS: [&str; 17] = [
    "الحالي",
    "الحاليه",
    "الماضي",
    "الماضيه",
    "المقبل",
    "المقبله",
    "القادم",
    "القادمه",
    "الجاري",
    "الجاريه",
    "المنصرم",
    "المنصرمه",
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الاخير",
];
const EDGES: [&str; 9] = ["منتصف", "مطلع", "اوايل", "اواخر", "نهايه", "بدايه", "اواسط", "مستهل", "ختام"];
const YEAR_WORDS: [&str; 4] = ["عام", "العام", "سنه", "السنه"];
const MONTH_CONTEXT: [&str; 17] = [
    "في",
    "شهر",
    "منذ",
    "حتى",
    "خلال",
    "مطلع",
    "منتصف",
    "اواخر",
    "اوايل",
    "نهايه",
    "بدايه",
    "اواسط",
    "من",
    "الي",
    "قبل",
    "بعد",
    "مستهل",
];
/// Months that are also common words and need a number next to them.
const AMBIGUOUS_MONTHS: [&str; 6] = ["اب", "مارس", "ماي", "صفر", "رجب", "رمضان"];
const HIJRI: [&str; 12] = [
    "محرم",
    "صفر",
    "ربيع الاول",
    "ربيع الاخر",
    "جمادي الاولي",
    "جمادي الاخره",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو القعده",
    "ذو الحجه",
];

pub fn candidates(a: &Analysis, lex: &Lexicon) -> Vec<Candidate> {
    let d = Dates { a, lex };
    let mut out = Vec::new();
    let mut i = 0;
    while i < a.words.len() {
        if let Some((last, conf, label)) = d.at(i) {
            let start = a.words[i].stems.first().map_or(a.words[i].span.start, |s| s.span.start);
            out.push(Candidate::new(Span::new(start, a.words[last].span.end), label, "rule:dates", conf));
            i = last + 1;
        } else {
            i += 1;
        }
    }
    out
}

struct Dates<'a, 't> {
    a: &'a Analysis<'t>,
    lex: &'a Lexicon,
}

impl Dates<'_, '_> {
    /// The stem key of word `i` with its proclitics (و، ب، ل …) removed if that gives a date word.
    fn key(&self, i: usize) -> &str {
        let w = &self.a.words[i];
        w.stems.iter().find(|s| is_date_word(s)).map_or(w.key.as_ref(), |s| s.key.as_ref())
    }

    fn next(&self, i: usize) -> Option<&str> {
        (self.a.joined(i + 1)).then(|| self.a.words[i + 1].key.as_ref())
    }

    fn number(&self, i: usize) -> Option<u32> {
        let w = self.a.words.get(i)?;
        (w.kind == TokenKind::Number).then(|| w.key.parse().ok()).flatten()
    }

    fn is_year(&self, i: usize) -> bool {
        self.number(i).is_some_and(|n| (1900..2100).contains(&n))
    }

    /// A month name starting at word `i`: the index of its last word.
    fn month(&self, i: usize) -> Option<usize> {
        let w = self.a.words.get(i)?;
        for s in &w.stems {
            let mut cur = s.walk.map(|m| self.lex.resume(m));
            let mut best = None;
            let mut j = i;
            while let Some(c) = cur {
                if self.lex.value(c).has(Kind::Month) {
                    best = Some(j);
                }
                if !self.a.joined(j + 1) {
                    break;
                }
                cur = self.lex.feed(c, b" ").and_then(|c| self.lex.feed(c, self.a.words[j + 1].key.as_bytes()));
                j += 1;
            }
            if best.is_some() {
                return best;
            }
        }
        None
    }

    fn weekday(&self, i: usize) -> bool {
        self.a.words.get(i).is_some_and(|w| w.stems.iter().any(|s| s.kinds.has(Kind::Weekday)))
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
        } else if self.a.joined(last + 1) && MODIFIERS.contains(&self.a.words[last + 1].key.as_ref()) {
            // فبراير المقبل
            last += 1;
            return Some((last, true));
        }
        Some((last, with_year))
    }

    /// A date or time starting at word `i`: its last word, confidence and label.
    fn at(&self, i: usize) -> Option<(usize, f32, Label)> {
        let k = self.key(i);
        // صباح اليوم، مساء أمس، ليلة الجمعة
        if DAY_PARTS.contains(&k) && self.a.joined(i + 1) {
            if let Some((last, conf, label)) = self.core(i + 1) {
                return Some((last, conf.max(0.8), label));
            }
            if self.next(i) == Some("اليوم") {
                return Some((i + 1, 0.8, Label::DATE));
            }
        }
        // منتصف الشهر الحالي، مطلع العام، أواخر مارس
        if EDGES.contains(&k) && self.a.joined(i + 1) {
            let n = self.a.words[i + 1].key.as_ref();
            if PERIODS.contains(&n) {
                let last = if self.a.joined(i + 2) && MODIFIERS.contains(&self.a.words[i + 2].key.as_ref()) {
                    i + 2
                } else if self.is_year(i + 2) && self.a.joined(i + 2) {
                    i + 2
                } else {
                    i + 1
                };
                return Some((last, 0.85, Label::DATE));
            }
            if let Some((last, _)) = self.month_phrase(i + 1) {
                return Some((last, 0.85, Label::DATE));
            }
            if self.is_year(i + 1) {
                return Some((i + 1, 0.85, Label::DATE));
            }
        }
        // الساعة 10:30، الساعة العاشرة
        if k == "الساعه" && self.number(i + 1).is_some() && self.a.joined(i + 1) {
            let last = if self.a.between(i + 2).trim() == ":" && self.number(i + 2).is_some() { i + 2 } else { i + 1 };
            return Some((last, 0.8, Label::TIME));
        }
        // هذا العام، هذه السنة
        if (k == "هذا" || k == "هذه") && self.next(i).is_some_and(|n| PERIODS.contains(&n)) {
            return Some((i + 1, 0.8, Label::DATE));
        }
        self.core(i)
    }

    /// The date expressions that can follow a day part: أمس [الأحد]، يوم الجمعة [الماضي]، 14
    /// مارس 2023، عام 2015، الشهر الماضي …
    fn core(&self, i: usize) -> Option<(usize, f32, Label)> {
        let k = self.key(i);
        if RELATIVE.contains(&k) {
            let last = if self.a.joined(i + 1) && self.weekday(i + 1) { i + 1 } else { i };
            return Some((last, 0.9, Label::DATE));
        }
        if k == "اليوم" && self.a.joined(i + 1) && self.weekday(i + 1) {
            return Some((i + 1, 0.9, Label::DATE));
        }
        if k == "يوم" && self.a.joined(i + 1) {
            if self.weekday(i + 1) {
                return Some((self.with_modifier(i + 1), 0.9, Label::DATE));
            }
            if self.number(i + 1).is_some_and(|n| (1..=31).contains(&n)) {
                if let Some((last, _)) = self.a.joined(i + 2).then(|| self.month_phrase(i + 2)).flatten() {
                    return Some((last, 0.9, Label::DATE));
                }
            }
        }
        if self.weekday(i) {
            let mut last = self.with_modifier(i);
            let mut conf = if last > i { 0.85 } else { 0.65 };
            // الأحد 14 مارس
            if last == i
                && self.a.between(i + 1).trim().chars().all(|c| c == '،' || c == ',')
                && self.number(i + 1).is_some_and(|n| (1..=31).contains(&n))
            {
                if let Some((l, _)) = self.month_phrase(i + 2) {
                    last = l;
                    conf = 0.9;
                }
            }
            if k == "الاثنين" && last == i {
                return None;
            }
            return Some((last, conf, Label::DATE));
        }
        // 14 مارس/آذار 2023
        if self.number(i).is_some_and(|n| (1..=31).contains(&n)) && self.a.joined(i + 1) {
            if let Some((last, _)) = self.month_phrase(i + 1) {
                return Some((last, 0.9, Label::DATE));
            }
        }
        // 14/3/2023, 2023-03-14
        if let Some(last) = self.numeric_date(i) {
            return Some((last, 0.85, Label::DATE));
        }
        // 10:30
        if self.number(i).is_some_and(|n| n <= 24)
            && self.a.between(i + 1) == ":"
            && self.number(i + 1).is_some_and(|m| m < 60)
            && self.a.words[i + 1].key.len() == 2
        {
            return Some((i + 1, 0.7, Label::TIME));
        }
        if let Some((last, with_year)) = self.month_phrase(i) {
            let prev_ok = i > 0 && MONTH_CONTEXT.contains(&self.key(i - 1)) && self.a.joined(i);
            let hijri = HIJRI.iter().any(|h| h.starts_with(self.a.words[i].key.as_ref()));
            let ambiguous = AMBIGUOUS_MONTHS.contains(&self.a.words[i].stems.last().map_or("", |s| s.key.as_ref()))
                || AMBIGUOUS_MONTHS.contains(&k);
            // في رمضان، شهر محرم، في مارس: a Hijri or ambiguous month needs its context word.
            if with_year || prev_ok || !(hijri || ambiguous) {
                return Some((last, if with_year { 0.9 } else { 0.7 }, Label::DATE));
            }
        }
        if YEAR_WORDS.contains(&k) && self.a.joined(i + 1) && self.number(i + 1).is_some() {
            return Some((i + 1, 0.9, Label::DATE));
        }
        if PERIODS.contains(&k) && self.a.joined(i + 1) && MODIFIERS.contains(&self.a.words[i + 1].key.as_ref()) {
            return Some((i + 1, 0.85, Label::DATE));
        }
        if self.is_year(i) && !self.slash(i) {
            return Some((i, 0.55, Label::DATE));
        }
        None
    }

    fn with_modifier(&self, i: usize) -> usize {
        if self.a.joined(i + 1) && MODIFIERS.contains(&self.a.words[i + 1].key.as_ref()) {
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

fn is_date_word(s: &crate::clitics::Stem) -> bool {
    let k = s.key.as_ref();
    RELATIVE.contains(&k)
        || DAY_PARTS.contains(&k)
        || PERIODS.contains(&k)
        || EDGES.contains(&k)
        || YEAR_WORDS.contains(&k)
        || k == "يوم"
        || k == "اليوم"
        || s.kinds.any(&[Kind::Month, Kind::Weekday])
}
