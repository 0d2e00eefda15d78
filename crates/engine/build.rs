//! Compiles the word lists under `data/` into one finite-state transducer (the `fst` crate)
//! that the engine embeds: key = phrase key (see src/keys.rs), value = the set of lists it is in.
//! The keys are made by the engine's own normalizer and tokenizer, included here as they are,
//! so lists and text are always normalized alike.

#![allow(dead_code)]

#[path = "src/chars.rs"]
mod chars;
#[path = "src/lexicon/conjugate.rs"]
mod conjugate;
#[path = "src/keys.rs"]
mod keys;
#[path = "src/lexicon/kind.rs"]
mod kind;
#[path = "src/normalize.rs"]
mod normalize;
#[path = "src/span.rs"]
mod span;
#[path = "src/tokenize.rs"]
mod tokenize;

use span::Span;
use std::collections::BTreeMap;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=data");
    // The trained model is compiled in when it is there (it is committed; `wasim train` writes
    // it, and a first training runs before there is one).
    println!("cargo::rustc-check-cfg=cfg(wasim_model)");
    println!("cargo:rerun-if-changed=model/wasim.model");
    if Path::new("model/wasim.model").exists() {
        println!("cargo:rustc-cfg=wasim_model");
    }
    println!("cargo:rerun-if-changed=src/normalize");
    let data = Path::new("data");
    let mut entries: BTreeMap<String, u64> = BTreeMap::new();
    for &k in kind::Kind::ALL {
        for dir in ["hand", "extracted"] {
            let path = data.join(dir).join(format!("{}.txt", k.name()));
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            println!("cargo:rerun-if-changed={}", path.display());
            for line in text.lines() {
                let phrase = line.split('#').next().unwrap_or("").trim();
                if phrase.is_empty() {
                    continue;
                }
                let key = keys::phrase_key(phrase);
                if key.is_empty() {
                    continue;
                }
                // Verbs are listed by past and present: enter every third-person form.
                if matches!(
                    k,
                    kind::Kind::CueVerb
                        | kind::Kind::CueDenial
                        | kind::Kind::GovernsIla
                        | kind::Kind::GovernsBi
                        | kind::Kind::GovernsMin
                        | kind::Kind::GovernsAla
                        | kind::Kind::GovernsDirect
                        | kind::Kind::GovernsAn
                ) {
                    if let Some((past, present)) = key.split_once(' ') {
                        for form in conjugate::conjugate(past, present) {
                            *entries.entry(form).or_default() |= k.bit();
                        }
                        continue;
                    }
                }
                // Head words come with and without the article: list one, get both. (Not titles:
                // the bare form of some is a common word, الإمام → امام "in front of".)
                if matches!(k, kind::Kind::OrgHead | kind::Kind::PlaceHead) {
                    let other = match key.strip_prefix("ال") {
                        Some(bare) if bare.chars().count() >= 2 => bare.to_string(),
                        _ => format!("ال{key}"),
                    };
                    *entries.entry(other).or_default() |= k.bit();
                }
                *entries.entry(key).or_default() |= k.bit();
            }
        }
    }
    for &l in kind::RuleList::ALL {
        let path = data.join("hand").join(format!("{}.txt", l.name()));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("every rule list has its file");
        for line in text.lines() {
            let key = keys::phrase_key(line.split('#').next().unwrap_or("").trim());
            // A verb's past and present: its conjugations, and each with the ا of وا dropped, as
            // it is before a pronoun (اتهموه).
            let forms = match (l.conjugated(), key.split_once(' ')) {
                (true, Some((past, present))) => conjugate::conjugate(past, present)
                    .into_iter()
                    .flat_map(|f| [f.strip_suffix("وا").map(|s| format!("{s}و")), Some(f)])
                    .flatten()
                    .collect(),
                _ => vec![key],
            };
            for form in forms.into_iter().filter(|f| !f.is_empty()) {
                entries.insert(l.key(&form), 0);
            }
        }
    }
    let mut builder = fst::MapBuilder::memory();
    for (key, value) in &entries {
        builder.insert(key, *value).expect("keys are sorted and unique");
    }
    let bytes = builder.into_inner().expect("fst builds in memory");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lexicon.fst");
    std::fs::write(out, bytes).expect("OUT_DIR is writable");
}
