//! Scoring one annotation against another: entity precision, recall and F1 per label, exact
//! and clitic-lenient (the start may differ by up to two leading clitic letters و ف ب ك ل), and
//! claims matched one-to-one by content overlap (IoU ≥ 0.5), then speaker and cue checked by
//! overlap. The same numbers as the seed corpus's `score.py`; offsets do not matter here since
//! both documents share their text.

use crate::document::{Document, Label};
use crate::Span;
use serde::Serialize;
use std::collections::BTreeMap;

/// True positives, predictions and gold items of one kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
}

impl Counts {
    pub fn prf(self) -> Prf {
        let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
        let (p, r) = (ratio(self.tp, self.pred), ratio(self.tp, self.gold));
        let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        Prf { p, r, f1, tp: self.tp, pred: self.pred, gold: self.gold }
    }
}

/// Precision, recall and F1 with the counts they come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
}

/// Entity scores by label name and `ALL`.
pub type ByLabel = BTreeMap<String, Prf>;

/// Entity scores, exact and clitic-lenient.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EntityScores {
    pub exact: ByLabel,
    pub lenient: ByLabel,
}

/// Claim scores: matched by content, then speaker and cue of the matched ones.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct ClaimScores {
    #[serde(flatten)]
    pub prf: Prf,
    /// Matched claims whose speaker overlaps the gold speaker, of those with a gold speaker.
    pub speaker_acc: f64,
    /// The same for cues.
    pub cue_acc: f64,
    /// Matched claims whose attribution (who said it, resolved to the fullest name) names the
    /// same as the gold one, of those with a gold attribution; names compare through
    /// normalization, their first word's clitics aside.
    pub attribution_acc: f64,
    /// How many matched claims have a gold attribution.
    pub attributed: usize,
}

/// The score of a prediction against a reference.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Score {
    pub offsets: &'static str,
    pub entities: EntityScores,
    pub claims: ClaimScores,
}

impl Score {
    /// The lenient F1 of `label` (`"ALL"` for all labels), 0 when it was not scored.
    pub fn lenient_f1(&self, label: &str) -> f64 {
        self.entities.lenient.get(label).map_or(0.0, |s| s.f1)
    }

    /// The report as text, a line per mode and label, then claims.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (mode, per) in [("exact", &self.entities.exact), ("lenient", &self.entities.lenient)] {
            for (label, s) in per {
                out += &format!(
                    "entities {mode:7} {label:8} P {:.3} R {:.3} F1 {:.3}  ({}/{} pred, {} gold)\n",
                    s.p, s.r, s.f1, s.tp, s.pred, s.gold
                );
            }
        }
        let c = &self.claims;
        out += &format!(
            "claims  P {:.3} R {:.3} F1 {:.3} ({}/{} pred, {} gold); speaker {:.3} cue {:.3}",
            c.prf.p, c.prf.r, c.prf.f1, c.prf.tp, c.prf.pred, c.prf.gold, c.speaker_acc, c.cue_acc
        );
        if c.attributed > 0 {
            out += &format!("; attributed to {:.3} ({} with a name)", c.attribution_acc, c.attributed);
        }
        out.push('\n');
        out
    }
}

/// Whether two entity spans are equal but for up to two leading clitic letters.
pub(crate) fn lenient_eq(text: &str, g: Span, p: Span) -> bool {
    if g.end != p.end {
        return false;
    }
    let (a, b) = (g.start.min(p.start), g.start.max(p.start));
    let between = &text[a..b];
    between.chars().count() <= 2 && between.chars().all(|c| "وفبكل".contains(c))
}

/// Scores `pred` against `gold` (the same text) on entities of `labels` and on claims.
pub fn score(gold: &Document, pred: &Document, labels: &[Label]) -> Score {
    let mut entities = EntityScores::default();
    for lenient in [false, true] {
        let mut per = ByLabel::new();
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
            per.insert(name, c.prf());
        }
        if lenient {
            entities.lenient = per;
        } else {
            entities.exact = per;
        }
    }
    let matched = match_claims(gold, pred);
    let overlap = |a: Option<Span>, b: Option<Span>| matches!((a, b), (Some(a), Some(b)) if a.overlaps(b));
    let spk_n = matched.iter().filter(|(i, _)| gold.claims[*i].speaker.is_some()).count();
    let spk = matched.iter().filter(|(i, j)| overlap(gold.claims[*i].speaker, pred.claims[*j].speaker)).count();
    let cue_n = matched.iter().filter(|(i, _)| gold.claims[*i].cue.is_some()).count();
    let cue = matched.iter().filter(|(i, j)| overlap(gold.claims[*i].cue, pred.claims[*j].cue)).count();
    let att_n = matched.iter().filter(|(i, _)| gold.claims[*i].attribution.is_some()).count();
    let att = matched
        .iter()
        .filter(|(i, j)| match (gold.claims[*i].attribution, pred.claims[*j].attribution) {
            (Some(g), Some(p)) => same_name(g.of(&gold.text), p.of(&pred.text)),
            _ => false,
        })
        .count();
    let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
    let claims = ClaimScores {
        prf: Counts { tp: matched.len(), pred: pred.claims.len(), gold: gold.claims.len() }.prf(),
        speaker_acc: ratio(spk, spk_n),
        cue_acc: ratio(cue, cue_n),
        attribution_acc: ratio(att, att_n),
        attributed: att_n,
    };
    Score { offsets: "codepoint", entities, claims }
}

/// Whether two names are the same through normalization, a leading clitic of the first word
/// aside (لوزارة الصحة = وزارة الصحة).
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (crate::keys::phrase_key(a), crate::keys::phrase_key(b));
    let strip =
        |k: &str| k.strip_prefix(['و', 'ف', 'ب', 'ل', 'ك']).filter(|r| r.chars().count() >= 3).unwrap_or(k).to_string();
    a == b || strip(&a) == b || a == strip(&b)
}

/// Gold and predicted claims matched one to one, greedily by content IoU ≥ 0.5 counted in code
/// points, ties to the later pair as `score.py` breaks them: pairs of (gold index, predicted
/// index).
pub fn match_claims(gold: &Document, pred: &Document) -> Vec<(usize, usize)> {
    let chars = |from: usize, to: usize| gold.text.get(from..to).map_or(0, |t| t.chars().count());
    let iou = |a: Span, b: Span| {
        let (start, end) = (a.start.max(b.start), a.end.min(b.end));
        if start >= end {
            return 0.0;
        }
        let u = chars(a.start.min(b.start), a.end.max(b.end));
        if u == 0 {
            0.0
        } else {
            chars(start, end) as f64 / u as f64
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
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)));
    let (mut mg, mut mp) = (vec![false; gold.claims.len()], vec![false; pred.claims.len()]);
    let mut matched = Vec::new();
    for (_, i, j) in pairs {
        if !mg[i] && !mp[j] {
            mg[i] = true;
            mp[j] = true;
            matched.push((i, j));
        }
    }
    matched
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Claim, Status};

    fn claim(text: &str, speaker: Option<&str>, content: &str) -> Claim {
        let at = |s: &str| {
            let start = text.find(s).expect("the part is in the text");
            Span::new(start, start + s.len())
        };
        Claim {
            speaker: speaker.map(at),
            cue: None,
            content: at(content),
            quoted: false,
            negated: false,
            source: String::new(),
            status: Status::Auto,
            attribution: None,
        }
    }

    fn doc(text: &str, claims: Vec<Claim>) -> Document {
        Document { text: text.into(), claims, ..Document::default() }
    }

    #[test]
    fn equal_overlaps_match_the_later_pair_as_score_py_does() {
        // Two gold claims of one content (a saying and its relaying), one found: score.py sorts
        // (IoU, gold, found) from the highest, so the later gold claim takes it.
        let text = "نقلت الوكالة عن الوزير قوله إن الجيش انسحب.";
        let gold =
            doc(text, vec![claim(text, Some("الوزير"), "الجيش انسحب"), claim(text, Some("الوكالة"), "الجيش انسحب")]);
        let pred = doc(text, vec![claim(text, Some("الوزير"), "الجيش انسحب")]);
        assert_eq!(match_claims(&gold, &pred), vec![(1, 0)]);
    }

    #[test]
    fn content_overlap_is_counted_in_code_points() {
        // 3 of 8 code points (0.375), though 6 of 11 bytes (0.55): no match, as in score.py.
        let text = "abcd ججج";
        let gold = doc(text, vec![claim(text, None, "abcd ججج")]);
        let pred = doc(text, vec![claim(text, None, "ججج")]);
        assert_eq!(match_claims(&gold, &pred), vec![]);
    }
}
