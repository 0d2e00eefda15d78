//! Claims on real news (`tests/data/claims/`): NewsFANE and Wojood sentences annotated with who
//! said what and to whom each claim is attributed (see its README). The development parts (`dev`,
//! `dev2`, `dev3`, `dev4`) keep their scores here; the held-aside part is scored only for final figures
//! (`wasim eval --markup crates/engine/tests/data/claims/held`), never while rules are written.

use wasim_engine::eval::score;
use wasim_engine::{markup, Document, Label};

fn part(name: &str) -> (Document, Document, usize) {
    let dir = format!("{}/tests/data/claims/{name}", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).expect("the claims set is there").flatten().map(|e| e.path()).collect();
    files.sort();
    let pairs = files.iter().filter(|f| f.extension().is_some_and(|x| x == "txt")).map(|f| {
        let gold = markup::parse(&std::fs::read_to_string(f).expect("readable"))
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let pred = wasim_engine::annotate(&gold.text);
        (gold, pred)
    });
    let (gold, pred) = wasim_engine::learn::join(pairs);
    (gold, pred, files.len())
}

/// Floors of a development part: claim F1, recall, speaker and attribution accuracy.
struct Floors {
    f1: f64,
    recall: f64,
    speaker: f64,
    attributed: f64,
}

fn keeps(name: &str, min_claims: usize, floors: Floors) {
    let (gold, pred, files) = part(name);
    assert!(gold.claims.len() >= min_claims, "{files} files, {} claims", gold.claims.len());
    let s = score(&gold, &pred, &[Label::PER, Label::ORG, Label::LOC]).claims;
    eprintln!(
        "{name}: claims F1 {:.3} (P {:.3} R {:.3}), speaker {:.3}, attributed {:.3}",
        s.prf.f1, s.prf.p, s.prf.r, s.speaker_acc, s.attribution_acc
    );
    let help =
        format!("help: `wasim eval --markup crates/engine/tests/data/claims/{name} --diff` lists the differences");
    let check = |what: &str, got: f64, floor: f64| assert!(got >= floor, "{name}: {what} {got:.3} < {floor}\n{help}");
    check("claim F1", s.prf.f1, floors.f1);
    check("claim recall", s.prf.r, floors.recall);
    check("speaker accuracy", s.speaker_acc, floors.speaker);
    check("attribution accuracy", s.attribution_acc, floors.attributed);
}

#[test]
fn claims_on_real_news_keep_their_scores() {
    keeps("dev", 150, Floors { f1: 0.87, recall: 0.85, speaker: 0.90, attributed: 0.76 });
}

#[test]
fn claims_on_the_second_development_part_keep_their_scores() {
    keeps("dev2", 200, Floors { f1: 0.81, recall: 0.75, speaker: 0.85, attributed: 0.78 });
}

#[test]
fn claims_on_the_third_development_part_keep_their_scores() {
    keeps("dev3", 230, Floors { f1: 0.70, recall: 0.62, speaker: 0.89, attributed: 0.66 });
}

#[test]
fn claims_on_the_fourth_development_part_keep_their_scores() {
    keeps("dev4", 190, Floors { f1: 0.67, recall: 0.59, speaker: 0.85, attributed: 0.60 });
}

#[test]
fn the_held_aside_part_parses() {
    // Only that it is there and well formed: its scores are looked at for final figures alone.
    let (gold, _, files) = part("held");
    assert!(files > 0 && !gold.claims.is_empty());
}
