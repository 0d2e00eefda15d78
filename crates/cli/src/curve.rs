//! `wasim learn-curve`: a person correcting the first sentences of a corpus' development split,
//! the model learning from each correction, and the scores on the documents after them; a table
//! and an SVG plot.

use crate::train::corpora;
use crate::Failure;
use std::path::Path;
use wasim_engine::learn::{self, CurvePoint, GoldDoc, Split};

pub fn run(dir: &Path, only: &[String], steps: &[usize], plot: Option<&Path>) -> Result<(), Failure> {
    let files = corpora(dir, only, None)?;
    let docs: Vec<GoldDoc> = files.iter().flat_map(|f| learn::documents(f, Split::Dev)).collect();
    if docs.is_empty() {
        return Err(Failure::Input("no development documents in those corpora".into()));
    }
    let annotator = crate::load_annotator(None)?;
    let t0 = std::time::Instant::now();
    let curve = learn::learning_curve(&annotator, &docs, steps);
    let corpus: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    outln!("Learning from corrections on {} (development split):", corpus.join(", "));
    outln!("| sentences corrected | corrections | ALL F1 | PER F1 | ORG F1 | LOC F1 | entities scored |");
    outln!("|---:|---:|---:|---:|---:|---:|---:|");
    for p in &curve {
        let f = |l: &str| p.score.lenient_f1(l);
        let gold = p.score.entities.lenient.get("ALL").map_or(0, |s| s.gold);
        outln!(
            "| {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {gold} |",
            p.sentences,
            p.corrections,
            f("ALL"),
            f("PER"),
            f("ORG"),
            f("LOC")
        );
    }
    eprintln!("({:.1} s)", t0.elapsed().as_secs_f64());
    if let Some(path) = plot {
        std::fs::write(path, svg(&curve, &corpus.join(", ")))
            .map_err(|e| Failure::Input(format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(())
}

/// The curve as an SVG line chart: lenient F1 of all labels and of each, against the number of
/// sentences corrected.
fn svg(curve: &[CurvePoint], corpus: &str) -> String {
    let (w, h, left, right, top, bottom) = (640.0, 380.0, 56.0, 120.0, 40.0, 48.0);
    let max_x = curve.iter().map(|p| p.sentences).max().unwrap_or(1).max(1) as f64;
    let all: Vec<f64> = curve.iter().flat_map(|p| p.score.entities.lenient.values().map(|s| s.f1)).collect();
    let lo = (all.iter().copied().fold(1.0, f64::min) * 10.0).floor() / 10.0;
    let hi = ((all.iter().copied().fold(0.0, f64::max) * 10.0).ceil() / 10.0).max(lo + 0.1);
    let x = |s: usize| left + (w - left - right) * s as f64 / max_x;
    let y = |f: f64| top + (h - top - bottom) * (1.0 - (f - lo) / (hi - lo));
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n\
         <text x=\"{left}\" y=\"22\" font-size=\"14\" font-weight=\"bold\">Learning from corrections: {} (development split)</text>\n",
        escape(corpus)
    );
    // Grid and axes.
    let mut f = lo;
    while f <= hi + 1e-9 {
        out += &format!(
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#ddd\"/><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{f:.1}</text>\n",
            w - right,
            y(f),
            y(f),
            left - 6.0,
            y(f) + 4.0
        );
        f += 0.1;
    }
    for p in curve {
        out += &format!(
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#ddd\"/><text x=\"{0:.1}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>\n",
            x(p.sentences),
            top,
            h - bottom,
            h - bottom + 16.0,
            p.sentences
        );
    }
    out += &format!(
        "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">sentences corrected</text>\n\
         <text x=\"14\" y=\"{:.1}\" transform=\"rotate(-90 14 {:.1})\" text-anchor=\"middle\">F1 on the sentences after them (lenient)</text>\n",
        (left + w - right) / 2.0,
        h - 10.0,
        (top + h - bottom) / 2.0,
        (top + h - bottom) / 2.0
    );
    for (k, (label, color, width)) in
        [("ALL", "#111", 3.0), ("PER", "#c0392b", 1.5), ("ORG", "#2471a3", 1.5), ("LOC", "#1e8449", 1.5)]
            .iter()
            .enumerate()
    {
        let points: Vec<String> =
            curve.iter().map(|p| format!("{:.1},{:.1}", x(p.sentences), y(p.score.lenient_f1(label)))).collect();
        out += &format!(
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{width}\"/>\n",
            points.join(" ")
        );
        for p in curve {
            out += &format!(
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{}\" fill=\"{color}\"/>\n",
                x(p.sentences),
                y(p.score.lenient_f1(label)),
                width + 1.0
            );
        }
        let ly = top + 10.0 + 20.0 * k as f64;
        out += &format!(
            "<line x1=\"{0}\" x2=\"{1}\" y1=\"{ly}\" y2=\"{ly}\" stroke=\"{color}\" stroke-width=\"{width}\"/><text x=\"{2}\" y=\"{3}\">{label}</text>\n",
            w - right + 12.0,
            w - right + 36.0,
            w - right + 42.0,
            ly + 4.0
        );
    }
    out + "</svg>\n"
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
