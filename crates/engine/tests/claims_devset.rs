//! Claims on real news (`tests/data/claims/`): NewsFANE and Wojood sentences annotated with who
//! said what and to whom each claim is attributed (see its README). The development part keeps
//! its scores here; the held-aside part is scored only for final figures (`wasim eval --markup
//! crates/engine/tests/data/claims/held`), never while rules are written.

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

#[test]
fn claims_on_real_news_keep_their_scores() {
    let (gold, pred, files) = part("dev");
    assert!(files >= 30 && gold.claims.len() >= 150, "{files} files, {} claims", gold.claims.len());
    let s = score(&gold, &pred, &[Label::PER, Label::ORG, Label::LOC]).claims;
    eprintln!(
        "claims F1 {:.3} (P {:.3} R {:.3}), speaker {:.3}, attributed {:.3}",
        s.prf.f1, s.prf.p, s.prf.r, s.speaker_acc, s.attribution_acc
    );
    let help = "help: `wasim eval --markup crates/engine/tests/data/claims/dev --diff` lists the differences";
    assert!(s.prf.f1 >= 0.83, "claim F1 {:.3} < 0.83\n{help}", s.prf.f1);
    assert!(s.prf.r >= 0.80, "claim recall {:.3} < 0.80\n{help}", s.prf.r);
    assert!(s.speaker_acc >= 0.85, "speaker accuracy {:.3} < 0.85\n{help}", s.speaker_acc);
    assert!(s.attribution_acc >= 0.72, "attribution accuracy {:.3} < 0.72\n{help}", s.attribution_acc);
}

#[test]
fn the_held_aside_part_parses() {
    // Only that it is there and well formed: its scores are looked at for final figures alone.
    let (gold, _, files) = part("held");
    assert!(files > 0 && !gold.claims.is_empty());
}
