//! Export then import gives back the same annotations, for every format that carries them:
//! property tests over random Arabic text with random entities and claims, plus fixtures.

use proptest::prelude::*;
use wasim_engine::document::{Claim, Entity, Status};
use wasim_engine::export::{export, import, Named};
use wasim_engine::tokenize::tokenize;
use wasim_engine::{Document, Label, Span};

/// Random words, with emoji, marks, Latin and line breaks between, so that offsets in every unit
/// are put to the test.
fn text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "روسيا",
        "بالقاهرة",
        "مُحَمَّد",
        "تل",
        "أبيب",
        "قال",
        "إن",
        "😀",
        "G20",
        "٢٠٢٢",
        "“نعم”",
        "و",
        "ـــ",
        "\n",
        "،",
        "وزير",
        "Ünïcode",
    ]);
    prop::collection::vec(words, 1..40).prop_map(|w| w.join(" "))
}

/// Random non-overlapping entities on word boundaries and claims over them.
fn doc() -> impl Strategy<Value = Document> {
    (text(), prop::collection::vec((any::<u8>(), 0usize..10, any::<bool>(), any::<bool>()), 0..12)).prop_map(
        |(text, picks)| {
            let words: Vec<Span> = tokenize(&text).into_iter().filter(|t| t.is_wordlike()).map(|t| t.span).collect();
            let mut doc = Document { text, ..Document::default() };
            let mut used = vec![false; words.len()];
            for (k, (w, label, claim, flag)) in picks.into_iter().enumerate() {
                if words.is_empty() {
                    break;
                }
                let i = w as usize % words.len();
                if claim && i + 1 < words.len() {
                    let content = words[i].cover(words[(i + 2).min(words.len() - 1)]);
                    let speaker = (i > 0).then(|| words[i - 1]);
                    doc.claims.push(Claim {
                        speaker,
                        cue: flag.then_some(words[i]),
                        content,
                        quoted: flag,
                        negated: k % 3 == 0,
                        source: "t".into(),
                        status: Status::Auto,
                        attribution: None,
                    });
                } else if !used[i] {
                    used[i] = true;
                    doc.entities.push(Entity {
                        span: words[i],
                        label: Label::ALL[label],
                        source: "t".into(),
                        confidence: 1.0,
                        status: Status::Auto,
                    });
                }
            }
            doc.sort();
            doc
        },
    )
}

type Key = (Vec<(Span, Label)>, Vec<(Option<Span>, Option<Span>, Span, bool, bool)>);

fn key(d: &Document) -> Key {
    let mut e: Vec<_> = d.entities.iter().map(|e| (e.span, e.label)).collect();
    e.sort();
    let mut c: Vec<_> = d.claims.iter().map(|c| (c.speaker, c.cue, c.content, c.quoted, c.negated)).collect();
    c.sort();
    (e, c)
}

fn round_trip(id: &str, docs: &[Named]) -> Vec<Named> {
    let out = export(id, docs).unwrap_or_else(|e| panic!("{id}: {e}"));
    import(&[(out.name.clone(), out.bytes)]).unwrap_or_else(|e| panic!("{id} ({}): {e}", out.name))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, .. ProptestConfig::default() })]

    #[test]
    fn formats_that_carry_everything(d in doc()) {
        for id in ["json", "jsonl", "brat", "label-studio", "doccano"] {
            let back = round_trip(id, &[Named { name: "خبر".into(), doc: d.clone() }]);
            prop_assert_eq!(back.len(), 1, "{}", id);
            prop_assert_eq!(&back[0].doc.text, &d.text, "{}", id);
            prop_assert_eq!(key(&back[0].doc), key(&d), "{}", id);
        }
    }

    #[test]
    fn json_written_as_it_is_made_is_the_json_of_the_document(d in doc()) {
        use wasim_engine::export::json;
        for pretty in [true, false] {
            let mut out = Vec::new();
            json::write(&d, &mut out, pretty).unwrap();
            let whole = if pretty { json::to_string(&d) } else { json::to_line(&d) };
            prop_assert_eq!(String::from_utf8(out).unwrap(), whole);
        }
    }

    #[test]
    fn conll_is_stable_after_one_trip(d in doc(), clitics in any::<bool>()) {
        // A text without a word has no token to write: CoNLL cannot carry it (and reading an
        // empty CoNLL file is refused as holding no document).
        prop_assume!(wasim_engine::tokenize::tokenize(&d.text).iter().any(|t| t.is_wordlike()));
        let id = if clitics { "conll-clitics" } else { "conll" };
        let once = round_trip(id, &[Named { name: "a".into(), doc: d }]);
        let twice = round_trip(id, &once);
        prop_assert_eq!(once.iter().map(|n| key(&n.doc)).collect::<Vec<_>>(), twice.iter().map(|n| key(&n.doc)).collect::<Vec<_>>());
    }
}

#[test]
fn several_documents_travel_together() {
    let docs: Vec<Named> = ["قالت روسيا إن الوضع مستقر.", "زار الوزير بيروت أمس."]
        .iter()
        .enumerate()
        .map(|(i, t)| Named { name: format!("doc{i}"), doc: wasim_engine::annotate(t) })
        .collect();
    for id in ["jsonl", "brat", "label-studio", "doccano", "conll"] {
        let back = round_trip(id, &docs);
        assert_eq!(back.len(), 2, "{id}");
        if id != "conll" {
            assert_eq!(
                back.iter().map(|n| key(&n.doc)).collect::<Vec<_>>(),
                docs.iter().map(|n| key(&n.doc)).collect::<Vec<_>>(),
                "{id}"
            );
        }
    }
}

#[test]
fn bad_files_name_the_place() {
    let cases: &[(&str, &[u8], &str)] = &[
        ("a.json", b"{ \"text\": \"x\", ", "a.json: line 1"),
        (
            "a.json",
            "{\"text\":\"مصر\",\"entities\":[{\"start\":0,\"end\":7,\"label\":\"LOC\"}]}".as_bytes(),
            "a.json: entities[0]",
        ),
        (
            "a.json",
            "{\"text\":\"مصر\",\"entities\":[{\"start\":0,\"end\":3,\"label\":\"LOC\",\"text\":\"قطر\"}]}".as_bytes(),
            "a.json: entities[0]",
        ),
        (
            "a.json",
            "{\"text\":\"مصر\",\"entities\":[{\"start\":0,\"end\":3,\"label\":\"CITY\"}]}".as_bytes(),
            "a.json: entities[0]",
        ),
        ("b.jsonl", "{\"text\":\"مصر\"}\n{\"text\": 5}".as_bytes(), "b.jsonl: line 2"),
        ("c.conll", "مصر B-LOC\nقطر X-LOC\n".as_bytes(), "c.conll: line 2"),
        ("d.txt", &[0xc7, 0xe1, 0xff], "d.txt"),
        ("e.zip", b"PK\x03\x04broken", "e.zip"),
        ("f.pdf", b"%PDF", "f.pdf"),
    ];
    for (name, bytes, place) in cases {
        let e = import(&[(name.to_string(), bytes.to_vec())]).expect_err(name);
        assert!(e.to_string().starts_with(place), "{name}: {e}");
    }
}

#[test]
fn a_file_that_holds_no_document_is_named() {
    for (name, bytes) in [("empty.conll", &b"\n\n"[..]), ("empty.jsonl", b"\n"), ("none.json", b"[]")] {
        let e = import(&[(name.to_string(), bytes.to_vec())]).expect_err(name);
        assert!(e.to_string().starts_with(name), "{e}");
    }
}
