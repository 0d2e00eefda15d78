//! Scoring one annotation against another: entity precision, recall and F1 per label, exact
//! and clitic-lenient (the start may differ by up to two leading clitic letters و ف ب ك ل), and
//! claims matched one-to-one by content overlap (IoU ≥ 0.5), then speaker and cue checked by
//! overlap. The same numbers as the seed corpus's `score.py`; offsets do not matter here since
//! both documents share their text.

use crate::document::{Document, Label};
use crate::Span;
use serde_json::{json, Value};

#[derive(Clone, Copy, Default)]
pub struct Counts {
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
}

impl Counts {
    pub fn prf(self) -> (f64, f64, f64) {
        let p = if self.pred > 0 { self.tp as f64 / self.pred as f64 } else { 0.0 };
        let r = if self.gold > 0 { self.tp as f64 / self.gold as f64 } else { 0.0 };
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    }
    pub fn to_json(self) -> Value {
        let (p, r, f) = self.prf();
        json!({ "p": p, "r": r, "f1": f, "tp": self.tp, "pred": self.pred, "gold": self.gold })
    }
}

fn lenient_eq(text: &str, g: Span, p: Span) -> bool {
    if g.end != p.end {
        return false;
    }
    let (a, b) = (g.start.min(p.start), g.start.max(p.start));
    let between = &text[a..b];
    between.chars().count() <= 2 && between.chars().all(|c| "وفبكل".contains(c))
}

/// The score of `pred` against `gold` as JSON: entities by mode and label, and claims.
pub fn score(gold: &Document, pred: &Document, labels: &[Label]) -> Value {
    let mut entities = serde_json::Map::new();
    for lenient in [false, true] {
        let mut per = serde_json::Map::new();
        let mut groups: Vec<(String, Vec<Label>)> = labels.iter().map(|l| (l.as_str().to_string(), vec![*l])).collect();
        groups.push(("ALL".into(), labels.to_vec()));
        for (name, ls) in groups {
            let g: Vec<_> = gold.entities.iter().filter(|e| ls.contains(&e.label)).collect();
            let p: Vec<_> = pred.entities.iter().filter(|e| ls.contains(&e.label)).collect();
            let mut used = vec![false; p.len()];
            let mut c = Counts { pred: p.len(), gold: g.len(), ..Counts::default() };
            for x in &g {
                let hit = p.iter().enumerate().position(|(i, y)| {
                    !used[i]
                        && x.label == y.label
                        && (x.span == y.span || (lenient && lenient_eq(&gold.text, x.span, y.span)))
                });
                if let Some(i) = hit {
                    used[i] = true;
                    c.tp += 1;
                }
            }
            per.insert(name, c.to_json());
        }
        entities.insert(if lenient { "lenient" } else { "exact" }.into(), Value::Object(per));
    }
    // Claims: greedy one-to-one matching by content IoU.
    let iou = |a: Span, b: Span| {
        let o = a.end.min(b.end).saturating_sub(a.start.max(b.start));
        let u = a.end.max(b.end) - a.start.min(b.start);
        if u == 0 {
            0.0
        } else {
            o as f64 / u as f64
        }
    };
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, g) in gold.claims.iter().enumerate() {
        for (j, p) in pred.claims.iter().enumerate() {
            let v = iou(g.content, p.content);
            if v >= 0.5 {
                pairs.push((v, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut mg, mut mp) = (vec![false; gold.claims.len()], vec![false; pred.claims.len()]);
    let mut matched = Vec::new();
    for (_, i, j) in pairs {
        if !mg[i] && !mp[j] {
            mg[i] = true;
            mp[j] = true;
            matched.push((i, j));
        }
    }
    let overlap = |a: Option<Span>, b: Option<Span>| matches!((a, b), (Some(a), Some(b)) if a.overlaps(b));
    let spk_n = matched.iter().filter(|(i, _)| gold.claims[*i].speaker.is_some()).count();
    let spk = matched.iter().filter(|(i, j)| overlap(gold.claims[*i].speaker, pred.claims[*j].speaker)).count();
    let cue_n = matched.iter().filter(|(i, _)| gold.claims[*i].cue.is_some()).count();
    let cue = matched.iter().filter(|(i, j)| overlap(gold.claims[*i].cue, pred.claims[*j].cue)).count();
    let c = Counts { tp: matched.len(), pred: pred.claims.len(), gold: gold.claims.len() };
    let mut claims = c.to_json();
    let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
    claims["speaker_acc"] = json!(ratio(spk, spk_n));
    claims["cue_acc"] = json!(ratio(cue, cue_n));
    json!({ "offsets": "codepoint", "entities": entities, "claims": claims })
}
