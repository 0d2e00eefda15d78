//! Contents: after a complementizer (the rest of the sentence up to a break, or a quotation),
//! after a colon, or inside quotation marks that may run over several sentences.

use super::{trim_end, Context};
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
        // Stop at a comma followed by a break word or by a new cue: …، وذلك عقب / …، قالت السفارة
        for k in first + 1..a.words.len() {
            let w = &a.words[k];
            if w.span.start >= end {
                break;
            }
            if a.between(k).contains(['،', ',', ';', '؛'])
                && (w.kinds().has(Kind::ContentBreak) || w.is_cue() || (k + 1 < a.words.len() && self.cue(k).is_some()))
            {
                end = a.words[k - 1].span.end;
                break;
            }
        }
        let span = trim_end(a.text, Span::new(start, end));
        (!span.is_empty()).then_some((span, false))
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
            .or_else(|| (close == '”').then(|| a.text[inner..para_end].find('"')).flatten())?;
        let span = Span::new(inner, inner + rel);
        (!span.is_empty()).then_some((span, true))
    }

    /// A colon or a quotation right after the cue and its speaker: قال الوزير: “…”، أضاف عنان
    /// "…".
    pub(super) fn colon_or_quote(&self, from: usize, sentence: Span) -> Option<Content> {
        let rest = self.a.text.get(from..)?;
        let t = rest.trim_start_matches([' ', '،', ',']);
        let Some(after) = t.strip_prefix(':') else {
            return self.quote_at(from + (rest.len() - t.len()));
        };
        let at = from + (rest.len() - after.len());
        self.quote_at(at).or_else(|| {
            let start = at + (after.len() - after.trim_start().len());
            let end = self.a.paragraph_end(start).min(sentence.end.max(start));
            let span = trim_end(self.a.text, Span::new(start, end));
            (!span.is_empty()).then_some((span, false))
        })
    }
}
