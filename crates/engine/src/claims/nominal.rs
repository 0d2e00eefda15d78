//! A verbal noun as content, after the preposition its cue governs: دعت المنظمة إلى الإفراج عن
//! …، طالب بتشكيل حكومة …، حذر من تصعيد …، شدد على ضرورة … (the verbs are listed in
//! `data/hand/governs-*.txt`). The preposition is written apart (إلى، من، على) or on the word
//! (بتشكيل).

use super::content::Content;
use super::{Context, MAX_SPEAKER_WORDS};
use crate::lexicon::{Kind, Kinds};
use crate::normalize::extend_over_marks;
use crate::Span;

/// Words starting with ب that are not ب + a verbal noun.
const NOT_BI: [&str; 3] = ["باسم", "بن", "بين"];

/// The preposition a cue verb governs (search-normalized), if it takes a nominal content.
fn governed(k: Kinds) -> Option<&'static str> {
    [(Kind::GovernsIla, "الي"), (Kind::GovernsBi, "ب"), (Kind::GovernsMin, "من"), (Kind::GovernsAla, "علي")]
        .into_iter()
        .find(|(kind, _)| k.has(*kind))
        .map(|(_, p)| p)
}

impl Context<'_, '_> {
    /// The content after the preposition the cue at word `i` governs, searched from word `from`
    /// on; and where the preposition starts (the speaker ends there).
    pub(super) fn nominal_content(&self, i: usize, from: usize, sentence: Span) -> Option<(Content, usize)> {
        let a = self.a;
        let prep = governed(a.words[i].any)?;
        // The first word after the cue that is the preposition or carries it (بتشكيل).
        let k = (from..a.words.len().min(from + MAX_SPEAKER_WORDS + 2))
            .take_while(|&k| a.words[k].span.start < sentence.end)
            .find(|&k| {
                let key = a.words[k].key.as_ref();
                key == prep
                    || (prep == "ب" && key.starts_with('ب') && key.chars().count() >= 4 && !NOT_BI.contains(&key))
            })?;
        let w = &a.words[k];
        let start = if &*w.key == prep {
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
