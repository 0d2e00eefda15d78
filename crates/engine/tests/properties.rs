//! Properties that hold for any text: random Unicode and random Arabic-heavy text.

use proptest::prelude::*;
use wasim_engine::chars::is_attached;
use wasim_engine::normalize::{normalize, Level};
use wasim_engine::offsets::{OffsetIndex, Unit};
use wasim_engine::tokenize::{sentences, tokenize, TokenKind};
use wasim_engine::{annotate, Span};

/// Text made of what Arabic news is made of, in any order: letters, marks, tatweel, digits,
/// punctuation, quotes, brackets, spaces, line breaks, Latin, emoji, bidi controls.
fn arabic_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "ا",
        "أ",
        "إ",
        "آ",
        "ب",
        "ت",
        "ة",
        "ث",
        "ج",
        "ح",
        "خ",
        "د",
        "ذ",
        "ر",
        "ز",
        "س",
        "ش",
        "ص",
        "ض",
        "ط",
        "ظ",
        "ع",
        "غ",
        "ف",
        "ق",
        "ك",
        "ل",
        "م",
        "ن",
        "ه",
        "و",
        "ي",
        "ى",
        "ئ",
        "ؤ",
        "ء",
        "\u{064E}",
        "\u{0651}",
        "\u{0670}",
        "ـ",
        "ﻻ",
        "ﻣ",
        " ",
        " ",
        " ",
        "\n",
        "،",
        ".",
        "؟",
        "؛",
        ":",
        "“",
        "”",
        "«",
        "»",
        "\"",
        "(",
        ")",
        "٢",
        "0",
        "5",
        "٫",
        "%",
        "٪",
        "/",
        "-",
        "a",
        "Z",
        "😀",
        "\u{200F}",
        "\u{202E}",
        "\u{200D}",
        "\u{FE0F}",
        "ال",
        "وال",
        "بال",
        "لل",
        "قال",
        "أن",
        "إن",
        "مصر",
        "القاهرة",
        "الرئيس",
        "وزير",
        "صحيفة",
        "أمس",
        "عام",
        "2015",
        "https://x.org",
        "a@b.co",
        "\u{0000}",
        "\r\n",
        "\t",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

fn on_boundaries(text: &str, s: Span) -> bool {
    s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
}

fn check_text(text: &str) {
    check(text, true);
}

/// `deep` adds the checks of the normalization map, quadratic in the text's length.
fn check(text: &str, deep: bool) {
    // Tokens rejoin to the input and lie on character boundaries.
    let toks = tokenize(text);
    let rejoined: String = toks.iter().map(|t| t.span.of(text)).collect();
    assert_eq!(rejoined, text);
    for (i, t) in toks.iter().enumerate() {
        assert!(on_boundaries(text, t.span) && !t.span.is_empty());
        // A token never starts with a mark, unless it is a lone mark (kind Other).
        let first = t.span.of(text).chars().next().unwrap();
        assert!(
            !is_attached(first) || t.kind == TokenKind::Other,
            "token {i} {:?} starts with a mark",
            t.span.of(text)
        );
    }
    for s in sentences(text, &toks) {
        assert!(on_boundaries(text, s) && !s.is_empty());
    }
    // A word-like token is of the kind its surface alone gives: the words stage remembers a
    // form's readings by its surface (words.rs, memo.rs), which holds only while this does.
    for t in toks.iter().filter(|t| t.is_wordlike()) {
        let alone = tokenize(t.span.of(text));
        assert_eq!(alone.len(), 1, "{:?} is one token alone too", t.span.of(text));
        assert_eq!(alone[0].kind, t.kind, "{:?} is of one kind wherever it stands", t.span.of(text));
    }
    // Analysis never panics; every span it makes fits the text and keeps marks with letters.
    let doc = annotate(text);
    let fits = |s: Span| {
        on_boundaries(text, s)
            && !s.is_empty()
            && !text[s.start..].chars().next().is_some_and(is_attached)
            && !text[s.end..].chars().next().is_some_and(|c| is_attached(c) && !wasim_engine::chars::is_invisible(c))
    };
    for e in &doc.entities {
        assert!(fits(e.span), "entity {:?} {:?}", e.span, e.span.of(text));
    }
    for c in &doc.claims {
        for s in [Some(c.content), c.speaker, c.cue].into_iter().flatten() {
            assert!(on_boundaries(text, s) && !s.is_empty(), "claim span {s:?}");
        }
    }
    if !deep {
        return;
    }
    // Normalization is per character and maps back inside the original.
    let n = normalize(text, Level::Search);
    let per_token: String = toks.iter().map(|t| normalize(t.span.of(text), Level::Search).text).collect();
    assert_eq!(n.text, per_token);
    for (i, _) in n.text.char_indices() {
        let src = n.source(i).unwrap();
        assert!(on_boundaries(text, src) && !src.is_empty());
        let back = n.to_original(Span::new(i, i + n.text[i..].chars().next().unwrap().len_utf8()), text);
        assert!(back.contains(src) && on_boundaries(text, back));
    }
    // Normalizing a word and mapping it back gives the word (marks at its end included).
    for t in toks.iter().filter(|t| t.kind == TokenKind::Word) {
        let first =
            (0..n.text.len()).find(|&i| n.text.is_char_boundary(i) && n.source(i).unwrap().start >= t.span.start);
        let last = (0..n.text.len()).rev().find(|&i| n.source(i).unwrap().end <= t.span.end);
        if let (Some(a), Some(b)) = (first, last) {
            if a <= b && n.source(a).unwrap().start == t.span.start {
                let back = n.to_original(Span::new(a, b + 1), text);
                assert_eq!(back.start, t.span.start);
                assert!(back.end <= t.span.end || text[t.span.end..back.end].chars().all(is_attached));
            }
        }
    }
    // Offsets round-trip through code points and UTF-16 at every character boundary.
    let ix = OffsetIndex::new(text);
    for (b, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        for unit in [Unit::CodePoint, Unit::Utf16] {
            let o = ix.convert(b, Unit::Byte, unit).unwrap();
            assert_eq!(ix.convert(o, unit, Unit::Byte), Some(b));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn any_unicode(text in any::<String>()) {
        check_text(&text);
    }

    #[test]
    fn arabic_like(text in arabic_text()) {
        check_text(&text);
    }
}

/// Inputs that once broke something, kept as they are.
#[test]
fn regressions() {
    for text in ["", "\u{064E}", "\u{200F}\n", "\"", "“", "قال:", "إن \"", "بال", "لل", "0/0/0", "$", "٪", "ﻻ\u{0651}", "قال \u{202E}إن", "طبقا", "بحسب", "\u{0}طبقا\u{0}\\~", "الأحد، 1.", "أمس الأحد، 14", "أكد الرئيس الروسي فقالت صحيفة",
        // A speaker search once looped forever on this input (found by the fuzzer).
        "قالت� صحيفة تجنب أي تصريحات”.\u{a}أكد الرئيس ا\u{4}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}لروسي فقالت ص�quo@لادed��يف",
        // A title's qualifiers were read past the end of a speaker inside one word (the fuzzer).
        "وبحسب وكال�الرئيس \u{604}أنباء (واس)، ف�2ن�ين، أنفقت في 14 مارس/آذار 202� (واس)،تي�\u{1}\u{1b}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0} فإ�."] {
        check_text(text);
    }
}

/// What people paste: text from PDFs full of controls, every plane, lone marks, bidi overrides,
/// very long lines and single very long "words". No panic, and spans stay on boundaries.
#[test]
fn hostile_inputs() {
    let every_plane: String = (0..=0x10FFFFu32).step_by(0x1111).filter_map(char::from_u32).collect();
    let controls: String = (0u32..0x20).chain(0x7F..0xA0).filter_map(char::from_u32).collect();
    let inputs = [
        every_plane,
        controls,
        "\u{064E}\u{0651}\u{0670}".repeat(1000),
        "\u{202E}قال الوزير\u{202C} إن \u{2066}القاهرة\u{2069}".repeat(100),
        "ب".repeat(200_000),
        "قال الوزير إن الاجتماع في القاهرة، ".repeat(20_000),
        "\u{0000}".repeat(10_000),
        "“".repeat(5000) + &"«قال»".repeat(1000),
    ];
    for text in &inputs {
        check(text, text.len() < 20_000);
    }
}
