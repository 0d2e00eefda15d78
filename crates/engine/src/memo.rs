//! Memos of what depends only on a word's surface form and the lexicon: its clitic readings and
//! lists (the words stage), its tagger features (the entities stage); and of an entity
//! spelling's phrase key (the view's entity groups, drawn again after every change). News repeats
//! its words across articles, so each thread keeps what it worked out, up to [`LIMIT`] forms
//! (then it starts over), whatever document it was in. A memo changes no result, only how soon
//! it comes.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::thread::LocalKey;

/// A map keyed by a text's own short strings, hashed with FNV-1a: looked up once a word, where
/// SipHash's defence against chosen keys buys nothing.
pub type Map<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// The FNV-1a hash (64 bits).
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Forms kept per memo and thread (a few megabytes at most).
pub const LIMIT: usize = 1 << 15;

/// One memo: values by surface form, for one lexicon.
pub struct Memo<V> {
    lexicon: usize,
    map: Map<Box<str>, Rc<V>>,
}

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo { lexicon: 0, map: Map::default() }
    }
}

/// The value of `surface` in the thread's memo `memo`, made by `make` when it is not there.
/// `lexicon` names the lexicon the value was made with (see [`crate::Lexicon::id`]).
pub fn get<V: 'static>(
    memo: &'static LocalKey<RefCell<Memo<V>>>,
    lexicon: usize,
    surface: &str,
    make: impl FnOnce() -> V,
) -> Rc<V> {
    if let Some(v) = memo.with_borrow(|m| m.map.get(surface).filter(|_| m.lexicon == lexicon).cloned()) {
        return v;
    }
    let v = Rc::new(make());
    memo.with_borrow_mut(|m| {
        if m.lexicon != lexicon || m.map.len() >= LIMIT {
            m.map.clear();
            m.lexicon = lexicon;
        }
        m.map.insert(surface.into(), Rc::clone(&v));
    });
    v
}

/// Empties this thread's memo `memo`.
pub fn clear<V: 'static>(memo: &'static LocalKey<RefCell<Memo<V>>>) {
    memo.with_borrow_mut(|m| m.map.clear());
}
