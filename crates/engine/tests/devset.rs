//! The development set (tests/data/dev.txt, sentences composed for Wasim from politics,
//! economy, sport, culture and science across the Arab world and beyond) must keep its scores.
//! The floors are the project's targets; the closing notes report the measured values.

use wasim_engine::eval::score;
use wasim_engine::{markup, Label};

#[test]
fn dev_set_scores_stay_above_the_targets() {
    let gold = markup::parse(include_str!("data/dev.txt")).expect("the dev set parses");
    assert!(gold.entities.len() >= 150, "the dev set has {} entities; it must keep at least 150", gold.entities.len());
    assert!(gold.claims.len() >= 40, "the dev set has {} claims; it must keep at least 40", gold.claims.len());
    assert!(gold.text.lines().count() >= 40);
    let pred = wasim_engine::annotate(&gold.text);
    let labels = [Label::PER, Label::ORG, Label::LOC, Label::DATE];
    let s = score(&gold, &pred, &labels);
    let f1 = |label: &str| s.lenient_f1(label);
    assert!(
        f1("ALL") >= 0.85,
        "entity F1 {:.3} < 0.85\nhelp: run `wasim eval --markup crates/engine/tests/data/dev.txt --diff`",
        f1("ALL")
    );
    for l in labels {
        assert!(f1(l.as_str()) >= 0.75, "{l} F1 {:.3} < 0.75", f1(l.as_str()));
    }
    let c = &s.claims;
    assert!(c.prf.f1 >= 0.9, "claim F1 {}", c.prf.f1);
    assert!(c.speaker_acc >= 0.9, "speaker accuracy {}", c.speaker_acc);
}
