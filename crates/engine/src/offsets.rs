//! Conversions between the three offset units Wasim meets.
//!
//! - **bytes** (UTF-8): inside the engine ([`Span`]);
//! - **code points** (Unicode scalar values): in every export, as `"offsets": "codepoint"` says;
//! - **UTF-16 code units**: in the browser DOM (`Range`, `selectionStart`).
//!
//! [`OffsetIndex`] answers any conversion in `O(log n)` with a checkpoint every 64 characters,
//! so converting all spans of a 10 MB text costs a few milliseconds and little memory.

use crate::Span;

/// Which unit an offset counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Byte,
    CodePoint,
    Utf16,
}

const STRIDE: usize = 64;

#[derive(Clone, Copy, Debug, Default)]
struct Checkpoint {
    byte: usize,
    cp: usize,
    utf16: usize,
}

/// Checkpoints into one text for fast offset conversion.
#[derive(Clone, Debug)]
pub struct OffsetIndex<'t> {
    text: &'t str,
    marks: Vec<Checkpoint>,
    total: Checkpoint,
}

impl<'t> OffsetIndex<'t> {
    pub fn new(text: &'t str) -> OffsetIndex<'t> {
        let mut marks = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut at = Checkpoint::default();
        for (i, (byte, c)) in text.char_indices().enumerate() {
            if i % STRIDE == 0 {
                marks.push(Checkpoint { byte, cp: i, utf16: at.utf16 });
            }
            at.utf16 += c.len_utf16();
            at.cp = i + 1;
        }
        at.byte = text.len();
        if marks.is_empty() {
            marks.push(Checkpoint::default());
        }
        OffsetIndex { text, marks, total: at }
    }

    /// Length of the text in `unit`.
    pub fn len(&self, unit: Unit) -> usize {
        pick(self.total, unit)
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Converts `offset` counted in `from` into `to`.
    ///
    /// An offset past the end gives `None`. An offset inside a character (a byte in the middle of
    /// a UTF-8 sequence, or between the two halves of a surrogate pair) is rounded down to the
    /// start of that character, so the result always lies on a character boundary.
    pub fn convert(&self, offset: usize, from: Unit, to: Unit) -> Option<usize> {
        if offset > pick(self.total, from) {
            return None;
        }
        if offset == pick(self.total, from) {
            return Some(pick(self.total, to));
        }
        let k = self.marks.partition_point(|m| pick(*m, from) <= offset) - 1;
        let mut at = self.marks[k];
        for c in self.text[at.byte..].chars() {
            let next = Checkpoint { byte: at.byte + c.len_utf8(), cp: at.cp + 1, utf16: at.utf16 + c.len_utf16() };
            if pick(next, from) > offset {
                break;
            }
            at = next;
        }
        Some(pick(at, to))
    }

    /// Converts a byte span to `to`; spans from the engine always fit.
    pub fn span_to(&self, span: Span, to: Unit) -> Span {
        let conv = |o: usize| self.convert(o.min(self.text.len()), Unit::Byte, to).unwrap_or(0);
        Span::new(conv(span.start), conv(span.end))
    }

    /// Converts a span counted in `from` into a byte span, if it lies inside the text.
    pub fn span_from(&self, start: usize, end: usize, from: Unit) -> Option<Span> {
        let s = self.convert(start, from, Unit::Byte)?;
        let e = self.convert(end, from, Unit::Byte)?;
        (s <= e).then_some(Span::new(s, e))
    }
}

fn pick(c: Checkpoint, unit: Unit) -> usize {
    match unit {
        Unit::Byte => c.byte,
        Unit::CodePoint => c.cp,
        Unit::Utf16 => c.utf16,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, gloss, byte offset, code point, utf-16)
    const ROWS: &[(&str, &str, usize, usize, usize)] = &[
        ("", "empty", 0, 0, 0),
        ("abc", "ascii end", 3, 3, 3),
        ("مصر", "Egypt: 2 bytes a letter", 4, 2, 2),
        ("😀مصر", "emoji outside the BMP: 4 bytes, 1 cp, 2 utf-16", 6, 2, 3),
        ("مُصر", "damma is its own code point", 4, 2, 2),
        ("a😀b😀c", "two emoji", 10, 4, 6),
    ];

    #[test]
    fn conversions_table() {
        for &(text, gloss, b, cp, u) in ROWS {
            let ix = OffsetIndex::new(text);
            assert_eq!(ix.convert(b, Unit::Byte, Unit::CodePoint), Some(cp), "{gloss}");
            assert_eq!(ix.convert(b, Unit::Byte, Unit::Utf16), Some(u), "{gloss}");
            assert_eq!(ix.convert(cp, Unit::CodePoint, Unit::Byte), Some(b), "{gloss}");
            assert_eq!(ix.convert(u, Unit::Utf16, Unit::Byte), Some(b), "{gloss}");
            assert_eq!(ix.convert(u, Unit::Utf16, Unit::CodePoint), Some(cp), "{gloss}");
        }
    }

    #[test]
    fn inside_a_character_rounds_down_and_past_end_is_none() {
        let ix = OffsetIndex::new("😀x");
        // Utf-16 offset 1 is between the surrogates of the emoji.
        assert_eq!(ix.convert(1, Unit::Utf16, Unit::Byte), Some(0));
        assert_eq!(ix.convert(2, Unit::Byte, Unit::CodePoint), Some(0));
        assert_eq!(ix.convert(6, Unit::Byte, Unit::CodePoint), None);
    }

    #[test]
    fn long_text_crosses_checkpoints() {
        let text: String = "بالقاهرة 😀 ".repeat(100);
        let ix = OffsetIndex::new(&text);
        for (cp, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(ix.convert(b, Unit::Byte, Unit::CodePoint), Some(cp));
            assert_eq!(ix.convert(cp, Unit::CodePoint, Unit::Byte), Some(b));
            let u = text[..b].encode_utf16().count();
            assert_eq!(ix.convert(u, Unit::Utf16, Unit::Byte), Some(b));
        }
    }
}
