//! The built-in lexicon: every list under `crates/engine/data/` compiled by `build.rs` into one
//! `fst::Map` embedded in the binary (and so in the wasm bundle).

pub mod kind;

pub use kind::{Kind, Kinds, RuleList};

use fst::raw::{Fst, Node, Output};
use std::sync::OnceLock;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.fst"));

pub struct Lexicon {
    map: fst::Map<&'static [u8]>,
    /// Where each rule list's keys start in the fst (after [`RuleList::key`]'s prefix, walked
    /// once here and not for every word the rules ask about), by [`RuleList`] number; `None` for
    /// a list with no words.
    lists: Vec<Option<(usize, u64)>>,
}

/// A position inside the lexicon while a phrase is fed to it word by word.
#[derive(Clone, Copy)]
pub struct Cursor<'a> {
    node: Node<'a>,
    out: Output,
}

impl Lexicon {
    /// The lexicon compiled into this build.
    pub fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            // build.rs wrote these bytes with fst itself; a failure here is a broken build.
            let map = fst::Map::new(BYTES).expect("build.rs produces a valid fst");
            let mut lex = Lexicon { map, lists: Vec::new() };
            lex.lists = RuleList::ALL
                .iter()
                .map(|&list| {
                    let prefix = list.key("");
                    lex.feed(lex.start(), prefix.as_bytes()).map(|c| lex.mark(c))
                })
                .collect();
            lex
        })
    }

    /// What tells this lexicon from any other (where its compiled bytes are, which live as long
    /// as the program): memos of what was read with it are kept apart.
    pub fn id(&self) -> usize {
        self.map.as_fst().as_bytes().as_ptr() as usize
    }

    /// Size of the compiled lexicon in bytes.
    pub fn size(&self) -> usize {
        self.map.as_fst().as_bytes().len()
    }

    /// Number of distinct keys.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The lists a whole key (see [`crate::keys::phrase_key`]) is in.
    pub fn get(&self, key: &str) -> Kinds {
        Kinds(self.map.get(key).unwrap_or(0))
    }

    /// Whether a whole key (see [`crate::keys::phrase_key`]) is in a rule list.
    pub fn in_list(&self, list: RuleList, key: &str) -> bool {
        let Some(&Some(at)) = self.lists.get(list as usize) else { return false };
        self.feed(self.resume(at), key.as_bytes()).is_some_and(|c| c.node.is_final())
    }

    /// Whether a key, or the key without its article (الجائزة → جائزة), is in a rule list.
    pub fn in_list_bare(&self, list: RuleList, key: &str) -> bool {
        self.in_list(list, key) || key.strip_prefix("ال").is_some_and(|bare| self.in_list(list, bare))
    }

    fn fst(&self) -> &Fst<&'static [u8]> {
        self.map.as_fst()
    }

    pub fn start(&self) -> Cursor<'_> {
        Cursor { node: self.fst().root(), out: Output::zero() }
    }

    /// Feeds `bytes` to the cursor; `None` when no key continues that way.
    pub fn feed<'a>(&'a self, cur: Cursor<'a>, bytes: &[u8]) -> Option<Cursor<'a>> {
        let mut c = cur;
        for &b in bytes {
            let i = c.node.find_input(b)?;
            let t = c.node.transition(i);
            c = Cursor { node: self.fst().node(t.addr), out: c.out.cat(t.out) };
        }
        Some(c)
    }

    /// Where a cursor stands, to keep (see [`Lexicon::resume`]).
    pub fn mark(&self, cur: Cursor<'_>) -> (usize, u64) {
        (cur.node.addr(), cur.out.value())
    }

    /// A cursor back at a place kept with [`Lexicon::mark`].
    pub fn resume(&self, (addr, out): (usize, u64)) -> Cursor<'_> {
        Cursor { node: self.fst().node(addr), out: Output::new(out) }
    }

    /// The kinds of the key ending exactly at the cursor, if one does.
    pub fn value(&self, cur: Cursor<'_>) -> Kinds {
        if cur.node.is_final() {
            Kinds(cur.out.cat(cur.node.final_output()).value())
        } else {
            Kinds::EMPTY
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A set of kinds lists exactly its kinds, in the order `Kind::ALL` does (the tagger's
    /// features are summed in that order).
    #[test]
    fn kinds_iterate_in_their_order() {
        let all = Kinds(Kind::ALL.iter().fold(0, |b, k| b | k.bit()));
        assert_eq!(all.iter().collect::<Vec<_>>(), Kind::ALL);
        let some = [Kind::ALL[0], Kind::ALL[3], Kind::ALL[Kind::ALL.len() - 1]];
        let set = Kinds(some.iter().fold(0, |b, k| b | k.bit()));
        assert_eq!(set.iter().collect::<Vec<_>>(), some);
        assert_eq!(Kinds::EMPTY.iter().count(), 0);
    }

    /// A rule list is read through `in_list` alone: its entries carry no kind.
    #[test]
    fn rule_lists_stay_out_of_the_kinds() {
        let lex = Lexicon::builtin();
        let key = crate::keys::phrase_key("الدين");
        assert!(lex.in_list(RuleList::NotNameAlone, &key));
        assert!(!lex.in_list(RuleList::NotNameAlone, &crate::keys::phrase_key("البرادعي")));
        assert!(lex.get(&RuleList::NotNameAlone.key(&key)).is_empty(), "its entry is no kind either");
    }

    /// Every list under `data/hand/` is read: a kind's or a rule list's (one left out of
    /// `RuleList::ALL` would be in no lookup, and its rule would never fire).
    #[test]
    fn every_hand_written_list_is_read() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join("hand");
        for entry in std::fs::read_dir(dir).expect("data/hand is there") {
            let path = entry.expect("a directory entry").path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".txt")) else {
                continue;
            };
            let read = Kind::ALL.iter().any(|k| k.name() == name) || RuleList::ALL.iter().any(|l| l.name() == name);
            assert!(read, "data/hand/{name}.txt is no kind's list nor in RuleList::ALL (src/lexicon/kind.rs)");
        }
    }
}
