//! Speed work must not change what Wasim finds: the annotations of the committed real sample
//! (`bench/real-sample.txt`, what `wasim bench` measures) are pinned, document by document, as a
//! digest of every entity and claim (`tests/data/real-sample.digests`).
//!
//! A change meant to change results (new rules, a retrained model) re-pins them:
//! `WASIM_BLESS=1 cargo test -p wasim-engine --test same_results`, and says so in its commit.

use wasim_engine::Annotator;

fn path(rel: &str) -> String {
    format!("{}/{rel}", env!("CARGO_MANIFEST_DIR"))
}

/// Every entity and claim of a document, a line each (confidences to two decimals, as exported).
fn rendering(doc: &wasim_engine::Document) -> String {
    let span = |s: Option<wasim_engine::Span>| s.map_or("-".to_string(), |s| format!("{}-{}", s.start, s.end));
    let mut out = String::new();
    for e in &doc.entities {
        out += &format!("E {}-{} {:?} {} {:.2}\n", e.span.start, e.span.end, e.label, e.source, e.confidence);
    }
    for c in &doc.claims {
        out += &format!(
            "C {} {} {} {} {} {} {}\n",
            span(c.speaker),
            span(c.cue),
            span(Some(c.content)),
            span(c.attribution),
            c.quoted,
            c.negated,
            c.source
        );
    }
    out
}

/// FNV-1a, 64 bits: stable across Rust versions and platforms.
fn digest(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[test]
fn the_real_sample_is_annotated_as_pinned() {
    let sample = std::fs::read_to_string(path("../../bench/real-sample.txt")).expect("the committed sample is there");
    let annotator = Annotator::builtin();
    let now: Vec<String> = sample
        .split("\n\n")
        .enumerate()
        .map(|(i, text)| {
            let doc = annotator.annotate(text);
            format!("{i} {} {} {:016x}", doc.entities.len(), doc.claims.len(), digest(&rendering(&doc)))
        })
        .collect();
    let pinned_path = path("tests/data/real-sample.digests");
    if std::env::var_os("WASIM_BLESS").is_some() {
        std::fs::write(&pinned_path, now.join("\n") + "\n").expect("writes the pinned digests");
        return;
    }
    let pinned = std::fs::read_to_string(&pinned_path).expect("the pinned digests are there");
    let pinned: Vec<&str> = pinned.lines().collect();
    let differ: Vec<String> = now
        .iter()
        .zip(&pinned)
        .filter(|(a, b)| a != *b)
        .map(|(a, b)| {
            format!(
                "  pinned (document, entities, claims, digest) {b}\n  now                                        {a}"
            )
        })
        .collect();
    assert!(
        differ.is_empty() && now.len() == pinned.len(),
        "{} of {} documents of the real sample are annotated differently:\n{}\n\
         help: a speed change must not change results; a change meant to, re-pins them with \
         WASIM_BLESS=1 (see this file)",
        differ.len() + now.len().abs_diff(pinned.len()),
        now.len(),
        differ.join("\n")
    );
}
