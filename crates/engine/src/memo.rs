//! Memos of what depends only on a word's surface form and the lexicon: its clitic readings and
//! lists (the words stage), its tagger features (the entities stage). News repeats its words
//! across articles, so each thread keeps what it worked out, up to [`LIMIT`] forms (then it starts
//! over), whatever document it was in. A memo changes no result, only how soon it comes.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::thread::LocalKey;

/// Forms kept per memo and thread (a few megabytes at most).
pub const LIMIT: usize = 1 << 15;

/// One memo: values by surface form, for one lexicon.
pub struct Memo<V> {
    lexicon: usize,
    map: HashMap<Box<str>, Rc<V>>,
}

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo { lexicon: 0, map: HashMap::new() }
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
