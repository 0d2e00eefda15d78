//! A document, or all open documents, at a glance (the app's overview): how many entities of
//! each label, the most mentioned names, who said what, and an index of entities across
//! documents that is searched through normalization (اسرائيل finds إسرائيل) and exported as CSV.

use crate::document::{Document, Label};
use crate::keys::phrase_key;
use crate::view::groups;

/// A name and how often it is mentioned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub label: Label,
    /// The normalized form the mentions share.
    pub key: String,
    /// How its first mention is written.
    pub text: String,
    pub count: usize,
    /// Index into `Document::entities` of its first mention.
    pub first: usize,
}

/// The `n` most mentioned names of `label`, most first. A person also named by part of their
/// name (شكري after سامح شكري) is one name, counted with all its mentions, when that part
/// belongs to no other name of the document.
pub fn top(doc: &Document, label: Label, n: usize) -> Vec<Mention> {
    let mut gs: Vec<_> = groups(doc).into_iter().filter(|g| g.label == label).collect();
    if label == Label::PER {
        let part_of = |short: &str, long: &str| {
            long.len() > short.len()
                && (long.starts_with(short) && long.as_bytes()[short.len()] == b' '
                    || long.ends_with(short) && long.as_bytes()[long.len() - short.len() - 1] == b' ')
        };
        let keys: Vec<String> = gs.iter().map(|g| g.key.clone()).collect();
        // Longer names by their first and their last word (a long document has thousands).
        let mut by_edge: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
        for (j, k) in keys.iter().enumerate().filter(|(_, k)| k.contains(' ')) {
            let (first, last) = (k.split(' ').next().unwrap_or(k), k.rsplit(' ').next().unwrap_or(k));
            by_edge.entry(first).or_default().push(j);
            if last != first {
                by_edge.entry(last).or_default().push(j);
            }
        }
        for (i, key) in keys.iter().enumerate() {
            let (first, last) = (key.split(' ').next().unwrap_or(key), key.rsplit(' ').next().unwrap_or(key));
            let mut near: Vec<usize> =
                [first, last].iter().flat_map(|w| by_edge.get(w).into_iter().flatten()).copied().collect();
            near.sort_unstable();
            near.dedup();
            let mut whole = near.into_iter().filter(|&j| part_of(key, &keys[j]));
            if let (Some(j), None) = (whole.next(), whole.next()) {
                let members = std::mem::take(&mut gs[i].members);
                gs[j].members.extend(members);
            }
        }
        gs.retain(|g| !g.members.is_empty());
        gs.sort_by_key(|g| std::cmp::Reverse(g.members.len()));
    }
    gs.into_iter()
        .take(n)
        .map(|g| {
            let first = g.members.iter().copied().min().unwrap_or(0);
            Mention { label: g.label, key: g.key, text: g.text, count: g.members.len(), first }
        })
        .collect()
}

/// One name across the open documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexEntry {
    pub label: Label,
    pub key: String,
    /// How it is first written.
    pub text: String,
    /// (document number, mentions in it), in document order.
    pub docs: Vec<(usize, usize)>,
}

impl IndexEntry {
    pub fn mentions(&self) -> usize {
        self.docs.iter().map(|d| d.1).sum()
    }
}

/// Every name in `docs`, by label and normalized form, in the most documents first, then the
/// most mentions.
pub fn index(docs: &[&Document]) -> Vec<IndexEntry> {
    let mut out: Vec<IndexEntry> = Vec::new();
    let mut at: std::collections::HashMap<(Label, String), usize> = std::collections::HashMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for g in groups(doc) {
            match at.get(&(g.label, g.key.clone())) {
                Some(&i) => out[i].docs.push((d, g.members.len())),
                None => {
                    at.insert((g.label, g.key.clone()), out.len());
                    out.push(IndexEntry { label: g.label, key: g.key, text: g.text, docs: vec![(d, g.members.len())] });
                }
            }
        }
    }
    out.sort_by(|a, b| {
        (std::cmp::Reverse(a.docs.len()), std::cmp::Reverse(a.mentions()), a.label, &a.key).cmp(&(
            std::cmp::Reverse(b.docs.len()),
            std::cmp::Reverse(b.mentions()),
            b.label,
            &b.key,
        ))
    });
    out
}

/// The entries whose normalized form holds the normalized `query` (hamza, taa marbuta,
/// diacritics and tatweel do not matter; the article may be left out). All for an empty query.
pub fn search<'a>(index: &'a [IndexEntry], query: &str) -> Vec<&'a IndexEntry> {
    let q = phrase_key(query);
    if q.is_empty() {
        return index.iter().collect();
    }
    let bare = q.strip_prefix("ال").filter(|b| b.chars().count() >= 2).unwrap_or(&q);
    index.iter().filter(|e| e.key.contains(bare)).collect()
}

/// The entries as CSV (as the CSV exports: UTF-8 with BOM, CRLF, formula-safe): one row per
/// name and document.
pub fn index_csv(entries: &[&IndexEntry], names: &[String]) -> String {
    let row = crate::export::csv::row;
    let mut out = String::from("\u{FEFF}");
    out += &row(&["label", "name", "key", "document", "mentions"].map(String::from));
    for e in entries {
        for &(d, n) in &e.docs {
            let name = names.get(d).cloned().unwrap_or_default();
            out += &row(&[e.label.to_string(), e.text.clone(), e.key.clone(), name, n.to_string()]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_names_and_the_index_across_documents() {
        // Israel spelled with and without hamza, and with و in front.
        let a = crate::annotate("زار الوفد إسرائيل ثم عاد من إسرائيل إلى القاهرة.");
        let b = crate::annotate("قالت مصر إن اسرائيل وعمان تفاوضتا.");
        let t = top(&a, Label::LOC, 5);
        assert_eq!((t[0].text.as_str(), t[0].count), ("إسرائيل", 2));
        let ix = index(&[&a, &b]);
        let hits = search(&ix, "اسرائيل");
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!((hits[0].label, hits[0].docs.clone()), (Label::LOC, vec![(0, 2), (1, 1)]));
        assert_eq!(search(&ix, "إسرائيل").len(), 1, "the other spelling finds it too");
        assert_eq!(search(&ix, "").len(), ix.len());
        let csv = index_csv(&hits, &["أ".into(), "ب".into()]);
        assert_eq!(
            csv,
            "\u{FEFF}label,name,key,document,mentions\r\nLOC,إسرائيل,اسراييل,أ,2\r\nLOC,إسرائيل,اسراييل,ب,1\r\n"
        );
    }

    #[test]
    fn a_person_named_by_part_of_the_name_is_one_name() {
        // Sameh Shoukry, then Shoukry twice; Ahmed the given name of two people stays apart.
        let doc = crate::markup::parse(
            "[PER سامح شكري] قال. ثم [PER شكري] أضاف. و[PER شكري] قال. [PER أحمد علي] و[PER أحمد حسن] و[PER أحمد].",
        )
        .expect("parses");
        let t = top(&doc, Label::PER, 5);
        let got: Vec<(&str, usize)> = t.iter().map(|m| (m.text.as_str(), m.count)).collect();
        assert_eq!(got, [("سامح شكري", 3), ("أحمد علي", 1), ("أحمد حسن", 1), ("أحمد", 1)]);
        assert_eq!(t[0].first, 0, "the first mention of the name");
    }
}
