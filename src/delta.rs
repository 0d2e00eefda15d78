//! What changed between two analyses of the same text: the entities and claims one has and the
//! other has not. After a correction the worker re-tags the whole document; on a 50,000-word
//! document the full answer is 2.6 MB of JSON, whose decoding alone held the page's main thread
//! for 60 ms, while what the correction changed is a few entities. The worker sends this
//! instead, and the page rebuilds the new analysis from the one it kept (then merges it with the
//! person's work as for any analysis, `edit::merge`).

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use wasim_engine::{Claim, Document, Entity};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Delta {
    /// Entities of the old analysis not in the new one.
    pub gone: Vec<Entity>,
    /// Entities of the new analysis not in the old one.
    pub new: Vec<Entity>,
    pub gone_claims: Vec<Claim>,
    pub new_claims: Vec<Claim>,
}

/// The order `Document::sort` keeps entities in.
fn entity_key(e: &Entity) -> (usize, std::cmp::Reverse<usize>, wasim_engine::Label) {
    (e.span.start, std::cmp::Reverse(e.span.end), e.label)
}

/// The order `Document::sort` keeps claims in.
fn claim_key(c: &Claim) -> (usize, usize) {
    (c.content.start, c.content.end)
}

/// What `old` has and `new` has not, and the other way round: one walk over both, sorted by
/// `key`; items of equal key that differ in anything else count as gone and new.
fn differ<T: Clone + PartialEq, K: Ord>(old: &[T], new: &[T], key: impl Fn(&T) -> K) -> (Vec<T>, Vec<T>) {
    let (mut gone, mut added) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while i < old.len() && j < new.len() {
        match key(&old[i]).cmp(&key(&new[j])) {
            Ordering::Less => {
                gone.push(old[i].clone());
                i += 1;
            }
            Ordering::Greater => {
                added.push(new[j].clone());
                j += 1;
            }
            Ordering::Equal => {
                if old[i] != new[j] {
                    gone.push(old[i].clone());
                    added.push(new[j].clone());
                }
                i += 1;
                j += 1;
            }
        }
    }
    gone.extend_from_slice(&old[i..]);
    added.extend_from_slice(&new[j..]);
    (gone, added)
}

/// `items` without those in `gone` (each taken once), plus `new`.
fn replay<T: Clone + PartialEq, K: Ord>(items: &[T], gone: &[T], new: &[T], key: impl Fn(&T) -> K) -> Vec<T> {
    let mut taken = vec![false; gone.len()];
    let mut out: Vec<T> = items
        .iter()
        .filter(|x| {
            // `gone` is sorted like `items`: look among the ones of the same key.
            let k = key(x);
            let from = gone.partition_point(|g| key(g) < k);
            let hit = (from..gone.len()).take_while(|&g| key(&gone[g]) == k).find(|&g| !taken[g] && gone[g] == **x);
            if let Some(g) = hit {
                taken[g] = true;
            }
            hit.is_none()
        })
        .cloned()
        .collect();
    out.extend_from_slice(new);
    out
}

impl Delta {
    /// What changed from `old` to `new`, two analyses of the same text (sorted, as the engine
    /// makes them).
    pub fn between(old: &Document, new: &Document) -> Delta {
        let (gone, new_entities) = differ(&old.entities, &new.entities, entity_key);
        let (gone_claims, new_claims) = differ(&old.claims, &new.claims, claim_key);
        Delta { gone, new: new_entities, gone_claims, new_claims }
    }

    /// The new analysis, from the old one it was computed against.
    pub fn apply(&self, old: &Document) -> Document {
        let mut doc = Document {
            text: old.text.clone(),
            entities: replay(&old.entities, &self.gone, &self.new, entity_key),
            claims: replay(&old.claims, &self.gone_claims, &self.new_claims, claim_key),
            rejected: old.rejected.clone(),
        };
        doc.sort();
        doc
    }

    pub fn is_empty(&self) -> bool {
        self.gone.is_empty() && self.new.is_empty() && self.gone_claims.is_empty() && self.new_claims.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasim_engine::{Label, Span, Status};

    fn ent(text: &str, word: &str, label: Label, confidence: f32) -> Entity {
        let at = text.find(word).unwrap();
        Entity { span: Span::new(at, at + word.len()), label, source: "model".into(), confidence, status: Status::Auto }
    }

    #[test]
    fn the_new_analysis_is_rebuilt_from_the_old_one() {
        // "Zarqaloun visited Cairo and met the buyer in Beirut."
        let text = "زار زرقلون القاهرة والتقى المشتري في بيروت.";
        let mut old = Document { text: text.into(), ..Document::default() };
        old.entities = vec![
            ent(text, "القاهرة", Label::LOC, 0.9),
            ent(text, "المشتري", Label::LOC, 0.55),
            ent(text, "بيروت", Label::LOC, 0.9),
        ];
        old.sort();
        let mut new = old.clone();
        // Learned: the name is a person, the buyer is no place, Beirut surer than before.
        new.entities = vec![
            ent(text, "زرقلون", Label::PER, 0.8),
            ent(text, "القاهرة", Label::LOC, 0.9),
            ent(text, "بيروت", Label::LOC, 0.95),
        ];
        new.sort();
        let d = Delta::between(&old, &new);
        assert_eq!(d.gone.len(), 2, "the buyer, and Beirut as it was: {d:?}");
        assert_eq!(d.new.len(), 2, "the name, and Beirut as it is: {d:?}");
        assert_eq!(d.apply(&old), new);
        assert!(Delta::between(&new, &new).is_empty());
        assert_eq!(Delta::between(&new, &new).apply(&new), new);
    }

    #[test]
    fn real_analyses_round_trip_through_their_delta() {
        // Two different analyses of one text (with and without its last sentence's names): the
        // delta of the engine's own output rebuilds it exactly, claims included.
        let text = "قال وزير الخارجية سامح شكري إن الحل قريب.\nوأكدت وزارة الصحة في القاهرة أن الإصابات تراجعت.";
        let full = wasim_engine::annotate(text);
        let mut other = full.clone();
        other.entities.retain(|e| e.span.start < text.find('\n').unwrap());
        other.claims.truncate(1);
        for (a, b) in [(&full, &other), (&other, &full)] {
            let d = Delta::between(a, b);
            assert!(!d.is_empty());
            assert_eq!(&d.apply(a), b);
        }
    }
}
