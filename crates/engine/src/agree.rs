//! Agreement between two annotations of the same text: span-level precision, recall and F1 per
//! label (the first annotation taken as reference, see [`crate::eval`]), Cohen's κ over word
//! tokens (each token labelled by the entity covering it, or none), and the places where the
//! two differ.

use crate::document::{Document, Label};
use crate::eval::{score, Score};
use crate::tokenize::tokenize;
use crate::Span;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Disagreement {
    pub span: Span,
    /// What each annotator put there (`None`: nothing).
    pub a: Option<Label>,
    pub b: Option<Label>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Agreement {
    /// P/R/F1 per label, exact and clitic-lenient, and claims (B scored against A).
    pub spans: Score,
    /// Cohen's κ over word tokens.
    pub kappa: f64,
    /// Observed agreement over word tokens.
    pub observed: f64,
    pub tokens: usize,
    pub disagreements: Vec<Disagreement>,
}

/// Compares `b` with `a`; both must annotate the same text.
pub fn agree(a: &Document, b: &Document) -> Agreement {
    let mut labels: Vec<Label> = a.entities.iter().chain(&b.entities).map(|e| e.label).collect();
    labels.sort();
    labels.dedup();
    let spans = score(a, b, &labels);
    let words: Vec<Span> = tokenize(&a.text).into_iter().filter(|t| t.is_wordlike()).map(|t| t.span).collect();
    let label_at = |d: &Document, w: Span| d.entities.iter().find(|e| e.span.overlaps(w)).map(|e| e.label);
    let pairs: Vec<(Option<Label>, Option<Label>)> = words.iter().map(|&w| (label_at(a, w), label_at(b, w))).collect();
    let n = pairs.len() as f64;
    let observed = if pairs.is_empty() { 1.0 } else { pairs.iter().filter(|(x, y)| x == y).count() as f64 / n };
    let mut ca: HashMap<Option<Label>, f64> = HashMap::new();
    let mut cb: HashMap<Option<Label>, f64> = HashMap::new();
    for (x, y) in &pairs {
        *ca.entry(*x).or_default() += 1.0;
        *cb.entry(*y).or_default() += 1.0;
    }
    let expected = if pairs.is_empty() {
        1.0
    } else {
        ca.iter().map(|(k, v)| v / n * cb.get(k).copied().unwrap_or(0.0) / n).sum::<f64>()
    };
    let kappa = if (1.0 - expected).abs() < 1e-12 {
        if observed >= 1.0 {
            1.0
        } else {
            0.0
        }
    } else {
        (observed - expected) / (1.0 - expected)
    };
    let mut disagreements = Vec::new();
    for e in &a.entities {
        if !b.entities.iter().any(|f| f.span == e.span && f.label == e.label) {
            disagreements.push(Disagreement {
                span: e.span,
                a: Some(e.label),
                b: b.entities.iter().find(|f| f.span == e.span).map(|f| f.label),
            });
        }
    }
    for f in &b.entities {
        if !a.entities.iter().any(|e| e.span == f.span) {
            disagreements.push(Disagreement { span: f.span, a: None, b: Some(f.label) });
        }
    }
    disagreements.sort_by_key(|d| d.span);
    Agreement { spans, kappa, observed, tokens: pairs.len(), disagreements }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::parse;

    #[test]
    fn kappa_and_disagreements() {
        // Two annotators of "Putin met Erdogan in Sochi yesterday": B misses Sochi, calls
        // Erdogan an ORG.
        let a = parse("التقى [PER بوتين] [PER أردوغان] في [LOC سوتشي] [DATE أمس].").unwrap();
        let b = parse("التقى [PER بوتين] [ORG أردوغان] في سوتشي [DATE أمس].").unwrap();
        let r = agree(&a, &b);
        assert_eq!(r.tokens, 6);
        assert!((r.observed - 4.0 / 6.0).abs() < 1e-9);
        // Expected agreement: A {O:2, PER:2, LOC:1, DATE:1}, B {O:3, PER:1, ORG:1, DATE:1}.
        let pe = (2.0 * 3.0 + 2.0 * 1.0 + 1.0 * 1.0) / 36.0;
        assert!((r.kappa - (4.0 / 6.0 - pe) / (1.0 - pe)).abs() < 1e-9, "{}", r.kappa);
        let d: Vec<(&str, Option<Label>, Option<Label>)> =
            r.disagreements.iter().map(|d| (d.span.of(&a.text), d.a, d.b)).collect();
        assert_eq!(d, [("أردوغان", Some(Label::PER), Some(Label::ORG)), ("سوتشي", Some(Label::LOC), None)]);
        assert_eq!(agree(&a, &a).kappa, 1.0);
    }
}
