//! `wasim eval GOLD PRED`: the project's own scorer. Entities are scored exact and
//! clitic-lenient (the start may differ by up to two leading clitic letters و ف ب ك ل);
//! claims match when their contents overlap with IoU ≥ 0.5, then speaker and cue are checked by
//! overlap. Only labels present in GOLD (or its `labels` list) are scored.

use crate::{read_text, Failure};
use serde_json::Value;
use std::path::Path;
use wasim_engine::eval::score;
use wasim_engine::export::json as wjson;
use wasim_engine::Label;

/// `wasim eval --markup FILE`: annotates the text of a fixture file and scores it.
/// With a folder, every `.txt` file in it is a document of the set (scored together), and the
/// claims' recall is given per kind of cue.
pub fn markup(path: &str, show_diff: bool, as_json: bool) -> Result<(), Failure> {
    let p = Path::new(path);
    let files: Vec<String> = if p.is_dir() {
        let mut v: Vec<String> = std::fs::read_dir(p)
            .map_err(|e| Failure::Input(format!("cannot read folder {path}: {e}")))?
            .flatten()
            .map(|e| e.path())
            .filter(|f| f.extension().is_some_and(|x| x == "txt"))
            .map(|f| f.to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    } else {
        vec![path.to_string()]
    };
    let mut pairs = Vec::new();
    for f in &files {
        let gold = wasim_engine::markup::parse(&read_text(f)?).map_err(|e| Failure::Input(format!("{f}: {e}")))?;
        let pred = wasim_engine::annotate(&gold.text);
        pairs.push((gold, pred));
    }
    let (gold, pred) = wasim_engine::learn::join(pairs.into_iter());
    let report = score(&gold, &pred, &[Label::PER, Label::ORG, Label::LOC, Label::DATE]);
    if show_diff {
        out!("{}", diff(&gold, &pred));
    }
    print(&report, as_json);
    if files.len() > 1 && !as_json {
        out!("{}", by_cue_kind(&gold, &pred));
    }
    Ok(())
}

/// The kind of a claim's cue: a finite verb (قال، أكدت), a participle or verbal noun (مشيرا،
/// قوله، إعلان), an attribution (بحسب، وفقا لـ), or none (a headline, a quotation going on).
fn cue_kind(doc: &wasim_engine::Document, c: &wasim_engine::Claim) -> &'static str {
    use wasim_engine::lexicon::Kind;
    let Some(cue) = c.cue else { return "no cue (headline, colon, quotation going on)" };
    let text = cue.of(&doc.text);
    let words = wasim_engine::Words::analyze(text, wasim_engine::Lexicon::builtin());
    let Some(w) = words.words.first() else { return "no cue (headline, colon, quotation going on)" };
    if w.any().has(Kind::CueAccording)
        || words.words.len() > 1 && words.words.iter().any(|w| w.any().has(Kind::CueAccording))
    {
        "attribution (بحسب، وفقا لـ، نقلا عن)"
    } else if w.any().any(&[Kind::CueVerb, Kind::CueDenial]) && !w.key().starts_with('م') {
        "finite verb (قال، أكدت، نفى)"
    } else {
        "participle or verbal noun (مشيرا، قوله، إعلان)"
    }
}

/// Recall of the gold claims by the kind of their cue, and speaker and attribution accuracy.
fn by_cue_kind(gold: &wasim_engine::Document, pred: &wasim_engine::Document) -> String {
    let matched = wasim_engine::eval::match_claims(gold, pred);
    let mut kinds: std::collections::BTreeMap<&str, (usize, usize, usize, usize, usize)> = Default::default();
    for (i, c) in gold.claims.iter().enumerate() {
        let k = kinds.entry(cue_kind(gold, c)).or_default();
        k.1 += 1;
        if let Some(&(_, j)) = matched.iter().find(|(g, _)| *g == i) {
            k.0 += 1;
            let p = &pred.claims[j];
            if c.attribution.is_some() {
                k.3 += 1;
                if let (Some(g), Some(q)) = (c.attribution, p.attribution) {
                    k.2 += usize::from(wasim_engine::eval::same_name(g.of(&gold.text), q.of(&pred.text)));
                }
            }
            k.4 += usize::from(c.speaker.is_some_and(|g| p.speaker.is_some_and(|q| q.overlaps(g))));
        }
    }
    let mut out = String::from(
        "\n| cue kind | gold | found | recall | speaker right | attributed right |\n|---|---:|---:|---:|---:|---:|\n",
    );
    for (kind, (found, n, att, att_n, spk)) in kinds {
        out += &format!(
            "| {kind} | {n} | {found} | {:.3} | {spk} | {att}/{att_n} |\n",
            if n > 0 { found as f64 / n as f64 } else { 0.0 }
        );
    }
    out
}

fn print(report: &wasim_engine::eval::Score, as_json: bool) {
    if as_json {
        outln!("{}", serde_json::to_string_pretty(report).unwrap_or_default());
    } else {
        out!("{}", report.render());
    }
}

/// `wasim eval GOLD PRED`.
pub fn files(gold_path: &str, pred_path: &str, as_json: bool) -> Result<(), Failure> {
    let gold_src = read_text(gold_path)?;
    let gold_v: Value =
        serde_json::from_str(&gold_src).map_err(|e| Failure::Input(format!("{gold_path}: not valid JSON: {e}")))?;
    // A gold file may name its text instead of carrying it.
    let side_text = match (gold_v.get("text"), gold_v.get("document").and_then(Value::as_str)) {
        (None, Some(doc)) => {
            let p = Path::new(gold_path).parent().unwrap_or(Path::new(".")).join(doc);
            Some(read_text(&p.to_string_lossy())?)
        }
        _ => None,
    };
    let gold =
        wjson::from_value(&gold_v, side_text.as_deref()).map_err(|e| Failure::Input(format!("{gold_path}: {e}")))?;
    let pred = wjson::from_str(&read_text(pred_path)?, Some(&gold.text))
        .map_err(|e| Failure::Input(format!("{pred_path}: {e}")))?;
    if pred.text != gold.text {
        return Err(Failure::Input(format!(
            "{pred_path}: its text differs from the gold text; both must annotate the same text"
        )));
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
    print(&score(&gold, &pred, &labels), as_json);
    Ok(())
}

/// The entities and claims on which `pred` and `gold` differ, one per line with its place.
pub fn diff(gold: &wasim_engine::Document, pred: &wasim_engine::Document) -> String {
    use wasim_engine::Span;
    let text = &gold.text;
    let line_of = |s: Span| text[..s.start].matches('\n').count() + 1;
    let core = [Label::PER, Label::ORG, Label::LOC, Label::DATE];
    let key = |e: &wasim_engine::Entity| (e.span, e.label);
    let mut out = String::new();
    for e in gold.entities.iter().filter(|e| core.contains(&e.label)) {
        if !pred.entities.iter().any(|p| key(p) == key(e)) {
            let got = pred
                .entities
                .iter()
                .find(|p| p.span.overlaps(e.span))
                .map(|p| format!(" (got {} {:?} from {})", p.label, p.span.of(text), p.source))
                .unwrap_or_default();
            out += &format!("line {:3} missed   {} {:?}{got}\n", line_of(e.span), e.label, e.span.of(text));
        }
    }
    for p in pred.entities.iter().filter(|e| core.contains(&e.label)) {
        if !gold.entities.iter().any(|g| key(g) == key(p)) && !gold.entities.iter().any(|g| g.span.overlaps(p.span)) {
            out +=
                &format!("line {:3} spurious {} {:?} from {}\n", line_of(p.span), p.label, p.span.of(text), p.source);
        }
    }
    for g in &gold.claims {
        if !pred.claims.iter().any(|p| p.content.overlaps(g.content)) {
            let part = |s: Option<Span>| s.map_or("-".to_string(), |s| s.of(text).to_string());
            out += &format!(
                "line {:3} missed claim: [{}] [{}] {:?}\n",
                line_of(g.content),
                part(g.speaker),
                part(g.cue),
                g.content.of(text)
            );
        }
    }
    // A content that overlaps but does not match (IoU < 0.5): a boundary error, a miss and a
    // false alarm at once.
    let matched = wasim_engine::eval::match_claims(gold, pred);
    for (i, g) in gold.claims.iter().enumerate() {
        if matched.iter().any(|&(m, _)| m == i) {
            continue;
        }
        for p in pred.claims.iter().filter(|p| p.content.overlaps(g.content)) {
            out += &format!(
                "line {:3} boundary: wanted {:?}, got {:?}\n",
                line_of(g.content),
                g.content.of(text),
                p.content.of(text)
            );
        }
    }
    for (i, j) in matched {
        let (g, p) = (&gold.claims[i], &pred.claims[j]);
        if let Some(want) = g.attribution {
            let got = p.attribution.map(|s| s.of(text));
            if !got.is_some_and(|got| wasim_engine::eval::same_name(want.of(text), got)) {
                out += &format!(
                    "line {:3} attributed to {:?}, wanted {:?} (speaker {:?})\n",
                    line_of(g.content),
                    got.unwrap_or("-"),
                    want.of(text),
                    p.speaker.map_or("-", |s| s.of(text))
                );
            }
        }
    }
    for p in &pred.claims {
        if !gold.claims.iter().any(|g| g.content.overlaps(p.content)) {
            out += &format!("line {:3} spurious claim: {:?}\n", line_of(p.content), p.content.of(text));
        }
    }
    out
}

/// `wasim agree A B`: agreement of two annotations of the same text.
pub fn agree(a_path: &str, b_path: &str, as_json: bool) -> Result<(), Failure> {
    let read = |p: &str| -> Result<wasim_engine::Document, Failure> {
        let name = std::path::Path::new(p).file_name().map_or(p.to_string(), |n| n.to_string_lossy().into_owned());
        let docs = wasim_engine::export::import(&[(name, crate::read_bytes(p)?)])
            .map_err(|e| Failure::Input(e.to_string()))?;
        docs.into_iter().next().map(|n| n.doc).ok_or_else(|| Failure::Input(format!("{p} holds no document")))
    };
    let (a, b) = (read(a_path)?, read(b_path)?);
    if a.text != b.text {
        return Err(Failure::Input(format!(
            "{a_path} and {b_path} annotate different texts; agreement needs the same text"
        )));
    }
    let r = wasim_engine::agree::agree(&a, &b);
    if as_json {
        outln!("{}", serde_json::to_string_pretty(&r).unwrap_or_default());
        return Ok(());
    }
    out!("{}", r.spans.render());
    outln!("tokens {}  observed agreement {:.3}  Cohen's kappa {:.3}", r.tokens, r.observed, r.kappa);
    for d in &r.disagreements {
        let l = |x: Option<Label>| x.map_or("-".to_string(), |l| l.to_string());
        outln!("  {:?}: A {} / B {}", d.span.of(&a.text), l(d.a), l(d.b));
    }
    Ok(())
}
