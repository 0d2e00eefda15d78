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

/// The `n` most mentioned names of `label`, most first.
pub fn top(doc: &Document, label: Label, n: usize) -> Vec<Mention> {
    groups(doc)
        .into_iter()
        .filter(|g| g.label == label)
        .take(n)
        .map(|g| Mention { label: g.label, key: g.key, text: g.text, count: g.members.len(), first: g.members[0] })
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
}
