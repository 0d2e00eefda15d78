//! `wasim eval GOLD PRED`: the project's own scorer. Entities are scored exact and
//! clitic-lenient (the start may differ by up to two leading clitic letters و ف ب ك ل);
//! claims match when their contents overlap with IoU ≥ 0.5, then speaker and cue are checked by
//! overlap. Only labels present in GOLD (or its `labels` list) are scored.

use crate::{read_text, Failure};
use serde_json::{json, Value};
use std::path::Path;
use wasim_engine::export::json as wjson;
use wasim_engine::{Document, Label, Span};

pub fn run(args: &[String]) -> Result<(), Failure> {
    let as_json = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let [gold_path, pred_path] = files.as_slice() else {
        return Err(Failure::Usage("eval takes two files: GOLD PRED".into()));
    };
    let gold_src = read_text(gold_path)?;
    let gold_v: Value = serde_json::from_str(&gold_src).map_err(|e| Failure::Input(format!("{gold_path}: not valid JSON: {e}")))?;
    // A gold file may name its text instead of carrying it.
    let side_text = match (gold_v.get("text"), gold_v.get("document").and_then(Value::as_str)) {
        (None, Some(doc)) => {
            let p = Path::new(gold_path.as_str()).parent().unwrap_or(Path::new(".")).join(doc);
            Some(read_text(&p.to_string_lossy())?)
        }
        _ => None,
    };
    let gold = wjson::from_value(&gold_v, side_text.as_deref()).map_err(|e| Failure::Input(format!("{gold_path}: {e}")))?;
    let pred = wjson::from_str(&read_text(pred_path)?, Some(&gold.text)).map_err(|e| Failure::Input(format!("{pred_path}: {e}")))?;
    if pred.text != gold.text {
        return Err(Failure::Input(format!("{pred_path}: its text differs from the gold text; both must annotate the same text")));
    }
    let labels: Vec<Label> = match gold_v.get("labels").and_then(Value::as_array) {
        Some(ls) => ls.iter().filter_map(|l| l.as_str().and_then(Label::parse)).collect(),
        None => {
            let mut ls: Vec<Label> = gold.entities.iter().map(|e| e.label).collect();
            ls.sort();
            ls.dedup();
            ls
        }
    };
    let report = score(&gold, &pred, &labels);
    if as_json {
        println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
    } else {
        print!("{}", render(&report));
    }
    Ok(())
}

#[derive(Clone, Copy, Default)]
struct Counts {
    tp: usize,
    pred: usize,
    gold: usize,
}

impl Counts {
    fn prf(self) -> (f64, f64, f64) {
        let p = if self.pred > 0 { self.tp as f64 / self.pred as f64 } else { 0.0 };
        let r = if self.gold > 0 { self.tp as f64 / self.gold as f64 } else { 0.0 };
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    }
    fn to_json(self) -> Value {
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
                    !used[i] && x.label == y.label && (x.span == y.span || (lenient && lenient_eq(&gold.text, x.span, y.span)))
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
        if u == 0 { 0.0 } else { o as f64 / u as f64 }
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

fn render(v: &Value) -> String {
    let mut out = String::new();
    for mode in ["exact", "lenient"] {
        if let Some(per) = v["entities"][mode].as_object() {
            for (label, s) in per {
                out += &format!(
                    "entities {mode:7} {label:8} P {:.3} R {:.3} F1 {:.3}  ({}/{} pred, {} gold)\n",
                    s["p"].as_f64().unwrap_or(0.0), s["r"].as_f64().unwrap_or(0.0), s["f1"].as_f64().unwrap_or(0.0),
                    s["tp"], s["pred"], s["gold"]
                );
            }
        }
    }
    let c = &v["claims"];
    out += &format!(
        "claims  P {:.3} R {:.3} F1 {:.3} ({}/{} pred, {} gold); speaker {:.3} cue {:.3}\n",
        c["p"].as_f64().unwrap_or(0.0), c["r"].as_f64().unwrap_or(0.0), c["f1"].as_f64().unwrap_or(0.0),
        c["tp"], c["pred"], c["gold"], c["speaker_acc"].as_f64().unwrap_or(0.0), c["cue_acc"].as_f64().unwrap_or(0.0)
    );
    out
}
