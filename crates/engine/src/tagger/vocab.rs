//! The words the model saw in training, by the hash of their stem. Whether a word (and its
//! neighbours) is one the corpora wrote often is a feature of its own: in news, most words the
//! training text never or rarely wrote are names (a foreign footballer, a new minister), and the
//! model had no way to tell them from ordinary words missing from Wasim's lists. Kept in the
//! model file as sorted 24-bit keys (about one unseen word in a thousand reads as seen).

const KEY_BITS: u32 = 24;

/// A set of stems, by hash.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vocabulary {
    /// Sorted, without repeats.
    keys: Vec<u32>,
}

impl Vocabulary {
    /// How many times a stem must occur in the training text to count as seen. Measured on the
    /// development splits (three seeds each; ANERcorp lenient ALL / NewsFANE / WikiFANE /
    /// Wojood): 1 → 0.795 / 0.731 / 0.731 / 0.852, 2 → 0.797 / 0.725 / 0.728 / 0.847, 3 → 0.796 /
    /// 0.727 / 0.730 / 0.846: the same within the seeds' spread, and 3 keeps a third of the keys
    /// of 1.
    pub const MIN_COUNT: u32 = 3;

    fn key(bare: u64) -> u32 {
        (bare >> (64 - KEY_BITS)) as u32
    }

    /// The vocabulary of the stems (hashes, as features compute them) in `bares`.
    pub fn of(bares: impl IntoIterator<Item = u64>) -> Vocabulary {
        Vocabulary::from_keys(bares.into_iter().map(Vocabulary::key).collect())
    }

    pub(super) fn from_keys(mut keys: Vec<u32>) -> Vocabulary {
        keys.sort_unstable();
        keys.dedup();
        Vocabulary { keys }
    }

    pub(super) fn keys(&self) -> &[u32] {
        &self.keys
    }

    /// Whether the stem whose hash is `bare` is in the vocabulary.
    pub fn knows(&self, bare: u64) -> bool {
        self.keys.binary_search(&Vocabulary::key(bare)).is_ok()
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}
