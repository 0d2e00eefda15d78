//! The tagger's core: tags and their constraints, the model file, online learning, calibration.

use super::*;
use crate::lexicon::Lexicon;
use crate::words::Words;

fn builtin() -> Model {
    crate::Annotator::builtin().model().cloned().expect("the model is compiled in")
}

/// The features of every sentence of `text`, as the pipeline computes them (no rule hints).
fn sentences(text: &str) -> (Words<'_>, Vec<Features>) {
    let a = Words::analyze(text, Lexicon::builtin());
    let ctx = builtin().context(&a, Lexicon::builtin(), []);
    let feats = a
        .sentence_words()
        .into_iter()
        .map(|r| {
            let mut f = Features::default();
            ctx.sentence(r, &mut f);
            f
        })
        .collect();
    (a, feats)
}

#[test]
fn tags_name_their_labels_and_inside_follows_its_own_begin() {
    for (k, l) in LABELS.iter().enumerate() {
        assert_eq!(tag_of(*l, false), Some(1 + 2 * k));
        assert_eq!(label_of(1 + 2 * k), Some((*l, false)));
        assert_eq!(label_of(2 + 2 * k), Some((*l, true)));
    }
    assert_eq!(label_of(0), None);
    let (i_per, b_per, b_org) =
        (tag_of(Label::PER, true).unwrap(), tag_of(Label::PER, false).unwrap(), tag_of(Label::ORG, false).unwrap());
    assert!(allowed(b_per, i_per) && allowed(i_per, i_per));
    assert!(!allowed(START, i_per) && !allowed(0, i_per) && !allowed(b_org, i_per));
}

#[test]
fn viterbi_never_starts_an_entity_inside() {
    // Emissions that want I-PER everywhere: the path must open with B-PER.
    let n = 3;
    let i_per = tag_of(Label::PER, true).unwrap();
    let mut em = vec![0.0; n * TAGS];
    for w in 0..n {
        em[w * TAGS + i_per] = 10.0;
    }
    let tags = viterbi(&em, n, |p, q| if allowed(p, q) { 0.0 } else { f32::NEG_INFINITY });
    assert_eq!(tags[0], tag_of(Label::PER, false).unwrap(), "{tags:?}");
    assert_eq!(&tags[1..], &[i_per, i_per]);
    assert!(viterbi(&[], 0, |_, _| 0.0).is_empty());
}

#[test]
fn the_model_file_round_trips_and_damage_is_named() {
    let m = builtin();
    let bytes = m.to_bytes();
    let back = Model::from_bytes(&bytes).expect("reads back");
    assert_eq!(back.fingerprint(), m.fingerprint());
    assert_eq!(back.vocab, m.vocab);
    assert_eq!(back.calibration, m.calibration);
    let (_, feats) = sentences("قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن العلاقات قوية.");
    assert_eq!(back.decode(&feats[0]), m.decode(&feats[0]));

    assert_eq!(Model::from_bytes(b"hello").err(), Some(ModelError::NotAModel));
    assert!(matches!(Model::from_bytes(&bytes[..bytes.len() / 2]), Err(ModelError::Damaged(_))));
    let mut other = bytes.clone();
    other[8] = 9; // another file version
    assert!(matches!(Model::from_bytes(&other), Err(ModelError::Version { file: 9, .. })));
    // Every byte of the weights altered in turn (a sample): each is refused.
    let header_end = bytes.len() - 1;
    for k in (header_end / 2..bytes.len()).step_by(bytes.len() / 40) {
        let mut flipped = bytes.clone();
        flipped[k] ^= 0x5a;
        assert!(Model::from_bytes(&flipped).is_err(), "byte {k} altered and accepted");
    }
    for e in [ModelError::NotAModel, ModelError::Version { file: 9, features: 1 }, ModelError::Damaged("x".into())] {
        assert!(!e.to_string().is_empty());
    }
}

#[test]
fn the_vocabulary_knows_the_corpora_s_words_and_not_a_made_up_name() {
    let m = builtin();
    assert!(m.vocab.len() > 10_000, "{} stems", m.vocab.len());
    // "The president said Zarqaloun": two words of every newswire text, and a made-up name.
    let a = Words::analyze("قال الرئيس زرقلون", Lexicon::builtin());
    let ctx = m.context(&a, Lexicon::builtin(), []);
    let known: Vec<bool> = ctx.stem_hashes().map(|s| m.vocab.knows(s)).collect();
    assert_eq!(known, [true, true, false]);
}

#[test]
fn a_correction_is_learned_at_once_and_generalizes_to_another_sentence() {
    let mut m = builtin();
    // A made-up name in a plain sentence: "Zarqaloun Faysamer visited the factory yesterday."
    let (a, feats) = sentences("زار زرقلون فيسامر المصنع أمس.");
    let per = |k: usize| tag_of(Label::PER, k > 0).unwrap();
    let mut gold = vec![0; a.words.len()];
    gold[1] = per(0);
    gold[2] = per(1);
    assert_ne!(m.decode(&feats[0]), gold, "not known before");
    assert!(m.learn(&feats[0], &gold));
    assert_eq!(m.decode(&feats[0]), gold, "learned at once");
    assert_eq!(m.taught.corrections, 1);
    assert!(!m.learn(&feats[0], &gold), "nothing left to learn");
    assert_eq!(m.taught.corrections, 1, "a correction that changes nothing is not counted");
    // A second correction, in another sentence.
    let (c, feats3) = sentences("التقى وزير الخارجية زرقلون فيسامر في القاهرة.");
    let mut gold3 = vec![0; c.words.len()];
    let at = c.words.iter().position(|w| w.span.of(c.text) == "زرقلون").unwrap();
    gold3[at] = per(0);
    gold3[at + 1] = per(1);
    assert!(m.learn(&feats3[0], &gold3), "the margin is not met yet in a new context");
    // The same name in a new sentence.
    let (b, feats2) = sentences("وقالت الشرطة إن زرقلون فيسامر غادر المدينة.");
    let tags = m.decode(&feats2[0]);
    let k = b.words.iter().position(|w| w.span.of(b.text) == "زرقلون").unwrap();
    assert_eq!(label_of(tags[k]), Some((Label::PER, false)), "{tags:?}");
    let tagged = m.tag(&feats2[0]);
    assert!(tagged.iter().any(|t| t.taught && t.label == Label::PER), "marked as taught: {tagged:?}");
    m.reset();
    assert!(m.taught.is_empty());
    assert_ne!(label_of(m.decode(&feats2[0])[k]), Some((Label::PER, false)), "forgotten");
}

#[test]
fn calibration_is_monotone_and_a_probability() {
    let c = builtin().calibration;
    let mut last = 0.0;
    for k in 0..=20 {
        let p = c.apply(k as f32 / 20.0);
        assert!((0.0..=1.0).contains(&p) && p >= last, "{k}: {p}");
        last = p;
    }
}

#[test]
fn a_false_positive_deleted_twice_stops_appearing_elsewhere() {
    let mut m = builtin();
    // المشتري: "the buyer" here, Jupiter (a place, to the corpora) elsewhere.
    let buyer = |text: &'static str| {
        let (a, feats) = sentences(text);
        let k = a.words.iter().position(|w| w.span.of(a.text) == "المشتري").unwrap();
        (feats, k, a.words.len())
    };
    let (f1, k1, n1) = buyer("اشترى المشتري سيارة جديدة من المعرض أمس.");
    assert!(label_of(m.decode(&f1[0])[k1]).is_some(), "the shipped model takes the buyer for a name");
    let (f2, _, n2) = buyer("دفع المشتري الثمن كاملا للبائع.");
    m.learn(&f1[0], &vec![0; n1]);
    m.learn(&f2[0], &vec![0; n2]);
    let (f3, k3, _) = buyer("وقال المشتري إن السعر مرتفع جدا.");
    assert_eq!(label_of(m.decode(&f3[0])[k3]), None, "deleted twice, gone from a new sentence");
}

#[test]
fn what_was_taught_travels_in_a_file_checked_against_its_model() {
    let mut m = builtin();
    let (a, feats) = sentences("زار زرقلون فيسامر المصنع أمس.");
    let mut gold = vec![0; a.words.len()];
    gold[1] = tag_of(Label::PER, false).unwrap();
    gold[2] = tag_of(Label::PER, true).unwrap();
    m.learn(&feats[0], &gold);
    m.taught.since = Some("2026-11-29".into());
    let bytes = m.taught_bytes();
    assert!(bytes.len() < 20_000, "a few kilobytes: {}", bytes.len());
    let mut other = builtin();
    other.load_taught(&bytes).expect("reads back");
    assert_eq!(other.taught, m.taught);
    assert_eq!(other.decode(&feats[0]), gold);
    // Refusals leave the model as it was.
    let mut fresh = builtin();
    assert_eq!(fresh.load_taught(b"WASIMTAG whole model").err(), Some(ModelError::NotAModel));
    assert!(matches!(fresh.load_taught(&bytes[..bytes.len() - 5]), Err(ModelError::Damaged(_))));
    let mut foreign = bytes.clone();
    foreign[16] ^= 1; // taught on another model
    assert_eq!(fresh.load_taught(&foreign).err(), Some(ModelError::OtherModel));
    let mut newer = bytes.clone();
    newer[8] = 2;
    assert!(matches!(fresh.load_taught(&newer), Err(ModelError::Version { .. })));
    assert!(fresh.taught.is_empty(), "nothing changed");
}

#[test]
fn first_pass_sums_stay_exact_when_they_do_not_fit_two_bytes() {
    let words: [[i32; TAGS]; 4] = [
        [1, -2, 300, 0, 5, 6, 7],
        [40_000, 0, 0, 0, 0, 0, -1],
        [i32::from(i16::MIN), 1, 2, 3, 4, 5, 6],
        [i32::from(i16::MAX), -i32::from(i16::MAX), 0, 0, 0, 0, 0],
    ];
    let mut sums = TextSums { q: vec![0; words.len() * TAGS], ..TextSums::default() };
    for (w, q) in words.iter().enumerate() {
        sums.put(w, q);
    }
    assert_eq!(sums.wide.len(), 2);
    for (w, q) in words.iter().enumerate() {
        let mut out = [0; TAGS];
        sums.get(w, &mut out);
        assert_eq!(&out, q, "word {w}");
    }
}

/// A model learned in several orders of the sentences is the mean of the models of each order:
/// not the last order's, nor one order read several times.
#[test]
fn orders_average_their_weights() {
    let text = "قال الرئيس فلاديمير بوتين إن موسكو مستعدة.\nوزار وزير الخارجية سامح شكري القاهرة أمس.\nوأعلنت وزارة الصحة في بيروت خطة جديدة.";
    let (a, feats) = sentences(text);
    let gold: Vec<Vec<usize>> = a
        .sentence_words()
        .into_iter()
        .map(|r| {
            r.map(|i| {
                match a.words[i].span.of(text) {
                    "فلاديمير" | "سامح" => tag_of(Label::PER, false),
                    "بوتين" | "شكري" => tag_of(Label::PER, true),
                    "موسكو" | "القاهرة" | "بيروت" => tag_of(Label::LOC, false),
                    _ => None,
                }
                .unwrap_or(0)
            })
            .collect()
        })
        .collect();
    let examples: Vec<train::Example> =
        feats.into_iter().zip(gold).map(|(feats, gold)| train::Example { feats, gold }).collect();
    let model = |seed, orders| {
        let opts = train::Options { bits: 12, epochs: 2, seed, orders };
        train::train(&examples, opts, |_, _| {})
    };
    let weights = |m: &Model| -> Vec<f32> { m.weights.iter().map(|&w| f32::from(w) * m.quant.step()).collect() };
    let (one, two, both) = (model(1, 1), model(2, 1), model(1, 2));
    // Each weight is rounded to a byte: the mean of two within their rounding of the averaged one.
    let within = (one.quant.step() + two.quant.step()) / 2.0 + both.quant.step();
    let (one, two, both) = (weights(&one), weights(&two), weights(&both));
    assert_ne!(one, two, "two orders learn different weights");
    for ((x, y), z) in one.iter().zip(&two).zip(&both) {
        assert!(((x + y) / 2.0 - z).abs() <= within, "{x} {y} → {z}");
    }
    assert!(one.iter().zip(&both).any(|(x, z)| (x - z).abs() > within), "not the first order's weights");
}

/// Every tag sequence of a short sentence, scored, against the forward–backward's probability of
/// each segment: the same up to rounding.
#[test]
fn segment_probabilities_are_those_of_every_sequence_counted() {
    let n = 4;
    // Emissions and transitions of no model, spread like a model's (a few large, most small).
    let em: Vec<f32> = (0..n * TAGS).map(|i| ((i * 37 % 23) as f32 - 11.0) * 0.6).collect();
    let trans = |p: usize, q: usize| {
        if allowed(p, q) {
            ((p * 7 + q * 3) % 11) as f32 * 0.3 - 1.5
        } else {
            f32::NEG_INFINITY
        }
    };
    let temperature = 1.3;
    let m = Marginals::new(&em, n, temperature, trans);
    let k = 1.0 / temperature;
    let score = |y: &[usize]| -> f64 {
        let mut s = f64::from(trans(START, y[0]) * k + em[y[0]] * k);
        for w in 1..n {
            s += f64::from(trans(y[w - 1], y[w]) * k + em[w * TAGS + y[w]] * k);
        }
        s
    };
    let all: Vec<Vec<usize>> = (0..TAGS.pow(n as u32))
        .map(|mut x| {
            (0..n)
                .map(|_| {
                    let t = x % TAGS;
                    x /= TAGS;
                    t
                })
                .collect()
        })
        .collect();
    let z: f64 = all.iter().map(|y| score(y).exp()).sum();
    let mut checked = 0;
    for tags in all.iter().filter(|y| score(y).is_finite()) {
        for first in 0..n {
            let Some((label, false)) = label_of(tags[first]) else { continue };
            let mut last = first;
            while last + 1 < n && label_of(tags[last + 1]) == Some((label, true)) {
                last += 1;
            }
            let inside = tag_of(label, true);
            let want: f64 = all
                .iter()
                .filter(|y| y[first..=last] == tags[first..=last] && (last + 1 == n || Some(y[last + 1]) != inside))
                .map(|y| score(y).exp())
                .sum::<f64>()
                / z;
            let got = m.segment(tags, first, last);
            assert!((f64::from(got) - want).abs() < 1e-5, "{tags:?} {first}..={last}: {got} against {want}");
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} segments checked");
}
