//! Tokenizer and sentence fixtures: short sentences composed for Wasim, each with a gloss.

use super::*;

/// Checks that `input` tokenizes into `expect` (each token as `kind:text`, spaces omitted).
fn check(input: &str, expect: &[&str], gloss: &str) {
    let toks = tokenize(input);
    let rejoined: String = toks.iter().map(|t| t.span.of(input)).collect();
    assert_eq!(rejoined, input, "{gloss}: tokens must rejoin to the input");
    let got: Vec<String> = toks
        .iter()
        .filter(|t| t.kind != TokenKind::Space)
        .map(|t| format!("{}:{}", serde_json::to_value(t.kind).unwrap().as_str().unwrap(), t.span.of(input)))
        .collect();
    assert_eq!(
        got, expect,
        "{gloss}\ninput: {input:?}\nhelp: see next_token() in tokenize.rs for the kind that differs"
    );
}

#[test]
fn tokens() {
    let rows: &[(&str, &[&str], &str)] = &[
        ("ذهب إلى القاهرة", &["word:ذهب", "word:إلى", "word:القاهرة"], "he went to Cairo"),
        ("مُحَمَّدٌ", &["word:مُحَمَّدٌ"], "diacritics stay inside the word"),
        ("بـــوتين", &["word:بـــوتين"], "tatweel inside a word"),
        (
            "ارتفع 3.5٪ و٢٠٢٢",
            &["word:ارتفع", "number:3.5٪", "word:و", "number:٢٠٢٢"],
            "decimal and Arabic percent; و before digits",
        ),
        ("1,250,000 دولار", &["number:1,250,000", "word:دولار"], "thousands separators"),
        ("٣٫٥ في المئة", &["number:٣٫٥", "word:في", "word:المئة"], "Arabic decimal separator"),
        ("قال: «نعم».", &["word:قال", "punct::", "quote:«", "word:نعم", "quote:»", "punct:."], "colon and guillemets"),
        ("(واس)", &["bracket:(", "word:واس", "bracket:)"], "agency abbreviation in brackets"),
        (
            "زوروا https://example.org/a?b=1، شكرا",
            &["word:زوروا", "url:https://example.org/a?b=1", "punct:،", "word:شكرا"],
            "a URL without the Arabic comma after it",
        ),
        (
            "راسلونا info@wasim.example.",
            &["word:راسلونا", "email:info@wasim.example", "punct:."],
            "an e-mail address without the final stop",
        ),
        ("قمة G20 في روما", &["word:قمة", "latin:G20", "word:في", "word:روما"], "Latin with digits"),
        ("😀👍🏽 مرحبا", &["other:😀", "other:👍🏽", "word:مرحبا"], "emoji, the skin tone stays with its emoji"),
        ("\u{064E}قال", &["other:\u{064E}", "word:قال"], "a lone mark at the start"),
        ("بو\u{200F}تين", &["word:بو\u{200F}تين"], "a bidi mark inside a word does not split it"),
        ("سطر\r\nسطر", &["word:سطر", "newline:\r\n", "word:سطر"], "CRLF is one line break"),
        ("ﻣﺼﺮ", &["word:ﻣﺼﺮ"], "presentation forms are letters"),
        ("עברית и русский", &["latin:עברית", "latin:и", "latin:русский"], "other scripts"),
    ];
    for (input, expect, gloss) in rows {
        check(input, expect, gloss);
    }
}

fn check_sentences(input: &str, expect: &[&str], gloss: &str) {
    let toks = tokenize(input);
    let got: Vec<&str> = sentences(input, &toks).iter().map(|s| s.of(input)).collect();
    assert_eq!(got, expect, "{gloss}\nhelp: see sentences() in tokenize.rs");
}

#[test]
fn sentence_splitting() {
    let rows: &[(&str, &[&str], &str)] = &[
        ("وصل الوفد. بدأت المحادثات!", &["وصل الوفد.", "بدأت المحادثات!"], "full stop and exclamation"),
        ("هل انتهى؟ نعم؛ انتهى", &["هل انتهى؟", "نعم؛", "انتهى"], "Arabic question mark and semicolon"),
        ("بلغ النمو 3.5 بالمئة هذا العام.", &["بلغ النمو 3.5 بالمئة هذا العام."], "no split at a decimal point"),
        ("قال د. أحمد إن الوضع مستقر.", &["قال د. أحمد إن الوضع مستقر."], "no split after the abbreviation د."),
        ("Dr. Smith arrived.", &["Dr. Smith arrived."], "no split after Dr."),
        (
            "قال: “انتهى الأمر. لن نعود”. ثم غادر.",
            &["قال: “انتهى الأمر. لن نعود”.", "ثم غادر."],
            "no split inside a quote",
        ),
        (
            "قال: «انتهى.» ثم غادر",
            &["قال: «انتهى.»", "ثم غادر"],
            "a stop inside the quote ends the sentence after the quote",
        ),
        ("عنوان بلا نقطة\nالسطر الثاني.", &["عنوان بلا نقطة", "السطر الثاني."], "a line break ends a sentence"),
        ("  \n\n  ", &[], "blank lines make no sentence"),
        ("قال \"نعم\n\nثم", &["قال \"نعم", "ثم"], "an unclosed quote ends at the line break"),
    ];
    for (input, expect, gloss) in rows {
        check_sentences(input, expect, gloss);
    }
}
