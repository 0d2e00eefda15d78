//! Character classes the tokenizer and normalizer share.
//!
//! Hand-written ranges instead of full Unicode tables keep the wasm bundle small; what they do
//! not know falls into [`Class::Other`], which is still tokenized losslessly.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// An Arabic-script letter (including presentation forms and tatweel).
    Arabic,
    /// A letter of another alphabetic script (Latin, Greek, Cyrillic, Hebrew …).
    Letter,
    Digit,
    Space,
    Newline,
    Quote,
    Bracket,
    Punct,
    Other,
}

pub fn class(c: char) -> Class {
    // Fast path for what Arabic text is mostly made of: the basic letters (none of the classes
    // before Arabic holds one).
    if ('\u{0621}'..='\u{064A}').contains(&c) {
        return Class::Arabic;
    }
    match c {
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0085}' | '\u{000B}' | '\u{000C}' => Class::Newline,
        ' ' | '\t' | '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Class::Space
        }
        _ if is_digit(c) => Class::Digit,
        _ if is_arabic_letter(c) => Class::Arabic,
        '"' | '\'' | '“' | '”' | '„' | '‟' | '«' | '»' | '‹' | '›' | '‘' | '’' | '‚' | '‛' | '「' | '」' => {
            Class::Quote
        }
        '(' | ')' | '[' | ']' | '{' | '}' | '⟨' | '⟩' | '﴾' | '﴿' | '【' | '】' => Class::Bracket,
        '.' | ',' | ';' | ':' | '!' | '?' | '،' | '؛' | '؟' | '-' | '–' | '—' | '…' | '/' | '\\' | '·' | '٫' | '٬'
        | '۔' | '*' | '&' | '#' | '@' | '%' | '٪' | '_' => Class::Punct,
        _ if c.is_alphabetic() => Class::Letter,
        _ => Class::Other,
    }
}

/// ASCII, Arabic-Indic (٠–٩) and Persian (۰–۹) digits.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c) || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

/// The value of a digit from [`is_digit`].
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

pub fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{066F}' | '\u{0671}'..='\u{06D3}' | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}' | '\u{06FF}' | '\u{0750}'..='\u{077F}'
        | '\u{0870}'..='\u{0887}' | '\u{0889}'..='\u{088E}' | '\u{08A0}'..='\u{08C9}'
        | '\u{FB50}'..='\u{FBB1}' | '\u{FBD3}'..='\u{FD3D}' | '\u{FD50}'..='\u{FDC7}' | '\u{FDF0}'..='\u{FDFB}'
        | '\u{FE70}'..='\u{FE74}' | '\u{FE76}'..='\u{FEFC}')
}

/// Arabic diacritics and Quranic marks (tashkeel, shadda, sukun, dagger alef …).
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}' | '\u{06E7}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}' | '\u{08CA}'..='\u{08E1}'
        | '\u{08E3}'..='\u{08FF}')
}

/// Invisible formatting characters: zero-width spaces and joiners, bidi marks, embeddings,
/// overrides and isolates, the Arabic letter mark, soft hyphen, byte-order mark.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Characters that never start a token of their own: they belong to the character before them.
/// Combining marks of the common scripts, Arabic marks, variation selectors, emoji
/// modifiers, and the invisible format characters (so that a bidi mark inside a word does not
/// split it).
pub fn is_attached(c: char) -> bool {
    // Fast paths for what text is mostly made of: ASCII and Latin-1, and Arabic letters.
    if c < '\u{0300}' || ('\u{0621}'..='\u{064A}').contains(&c) {
        return false;
    }
    is_arabic_mark(c)
        || is_invisible(c)
        || matches!(c,
            '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}' | '\u{05BF}'
            | '\u{05C1}'..='\u{05C2}' | '\u{05C4}'..='\u{05C5}' | '\u{05C7}' | '\u{0900}'..='\u{0903}'
            | '\u{093A}'..='\u{094F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FE20}'..='\u{FE2F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}')
}

/// Opening quotation marks that have a distinct closing partner.
pub fn closing_quote(open: char) -> Option<char> {
    match open {
        '“' => Some('”'),
        '«' => Some('»'),
        '‹' => Some('›'),
        '„' => Some('“'),
        '「' => Some('」'),
        '"' => Some('"'),
        _ => None,
    }
}
