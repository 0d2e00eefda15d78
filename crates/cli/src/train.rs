//! `wasim train`: trains the tagger on the annotated corpora and writes the model; `wasim eval
//! --corpus`: scores a model (or the rules alone) on a split of the corpora, per corpus and label.

use crate::{read_text, Failure};
use std::path::Path;
use std::time::Instant;
use wasim_engine::learn::{self, CorpusFile, GoldDoc, Split};
use wasim_engine::tagger::train::Options;
use wasim_engine::{Annotator, Lexicon};

/// Reads every `*.conll` file of `dir` (sorted by name), keeping those whose name contains one of
/// `only` (all when empty), each cut to its first `sample` sentences when given. The splits are
/// those of the whole folder whatever `only` keeps: a corpus' split may depend on another's
/// (ANERcorp's held-aside part follows NewsFANE's), and a model trained on fewer corpora must
/// not learn from what the others keep aside.
pub fn corpora(dir: &Path, only: &[String], sample: Option<usize>) -> Result<Vec<CorpusFile>, Failure> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Failure::Input(format!("cannot read the corpus folder {}: {e}", dir.display())))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "conll"))
        .collect();
    names.sort();
    let mut files = Vec::new();
    for p in names {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let mut text = read_text(&p.to_string_lossy())?;
        if let Some(n) = sample {
            // The first n sentences: cut after the n-th blank line.
            let cut = text.match_indices("\n\n").nth(n.saturating_sub(1)).map_or(text.len(), |(i, _)| i + 2);
            text.truncate(cut);
        }
        files.push((name, text));
    }
    let mut read = learn::read_corpora(&files).map_err(Failure::Input)?;
    read.retain(|f| only.is_empty() || only.iter().any(|o| f.name.contains(o.as_str())));
    if read.is_empty() {
        let which = if only.is_empty() { String::new() } else { format!(" matching {}", only.join(", ")) };
        return Err(Failure::Input(format!("no corpus (*.conll){which} in {}", dir.display())));
    }
    Ok(read)
}

/// Gold documents made ready for the tagger, on all cores.
fn prepare(docs: &[&GoldDoc]) -> Vec<learn::Prepared> {
    let lex = Lexicon::builtin();
    let jobs = std::thread::available_parallelism().map_or(1, |n| n.get()).max(1);
    let chunk = docs.len().div_ceil(jobs).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|d| learn::prepare(&d.doc, lex)).collect::<Vec<_>>()))
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    })
}

pub struct TrainArgs<'a> {
    pub corpus: &'a Path,
    pub out: &'a Path,
    pub only: &'a [String],
    pub sample: Option<usize>,
    pub bits: u8,
    pub epochs: usize,
    pub seed: u64,
    pub orders: usize,
}

pub fn run(args: TrainArgs) -> Result<(), Failure> {
    let t0 = Instant::now();
    let files = corpora(args.corpus, args.only, args.sample)?;
    for f in &files {
        let count = |s: Split| f.splits.iter().filter(|&&x| x == s).count();
        eprintln!(
            "{}: {} sentences for training, {} development, {} held aside",
            f.name,
            count(Split::Train),
            count(Split::Dev),
            count(Split::Held)
        );
    }
    let train_docs: Vec<GoldDoc> = files.iter().flat_map(|f| learn::documents(f, Split::Train)).collect();
    let refs: Vec<&GoldDoc> = train_docs.iter().collect();
    let mut prepared = prepare(&refs);
    let sentences: usize = prepared.iter().map(|p| p.sentences.len()).sum();
    let words: usize = prepared.iter().map(|p| p.gold.len()).sum();
    eprintln!("{sentences} training sentences, {words} words, analyzed in {:.1} s", t0.elapsed().as_secs_f64());
    let opts = Options { bits: args.bits, epochs: args.epochs, seed: args.seed, orders: args.orders };
    let mut model = learn::train_two_pass(&mut prepared, opts, |part, epoch, wrong| {
        eprintln!("{part}, epoch {epoch}: {wrong} sentences wrong ({:.0} s)", t0.elapsed().as_secs_f64())
    });
    let dev: Vec<GoldDoc> = files.iter().flat_map(|f| learn::documents(f, Split::Dev)).collect();
    let table = learn::calibrate(&mut model, &dev);
    eprintln!("calibrated: {:?} ({:.0} s)", model.calibration, t0.elapsed().as_secs_f64());
    model.info.trained_on =
        files.iter().map(|f| (f.name.clone(), f.splits.iter().filter(|&&s| s == Split::Train).count())).collect();
    let bytes = model.to_bytes();
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Failure::Input(format!("cannot make {}: {e}", dir.display())))?;
    }
    std::fs::write(args.out, &bytes)
        .map_err(|e| Failure::Input(format!("cannot write {}: {e}", args.out.display())))?;
    eprintln!(
        "model: {} rows with weights, {} KB, written to {} in {:.0} s",
        model.info.rows,
        bytes.len() / 1000,
        args.out.display(),
        t0.elapsed().as_secs_f64()
    );
    let annotator = Annotator::new(Some(model));
    report(&files, Split::Dev, &annotator, false);
    print_reliability(&table);
    outln!("\nRules where the model found nothing (development split):\n| rule | right | proposed |\n|---|---:|---:|");
    for (rule, right, n) in learn::rules_where_model_is_silent(&annotator, &dev) {
        outln!("| {rule} | {right} | {n} |");
    }
    Ok(())
}

/// Prints the scores of `annotator` on `split` of every corpus: per corpus and label, exact and
/// lenient.
pub fn report(files: &[CorpusFile], split: Split, annotator: &Annotator, show_diff: bool) {
    outln!("| corpus | label | exact P | exact R | exact F1 | lenient P | lenient R | lenient F1 | gold |");
    outln!("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for f in files {
        let docs = learn::documents(f, split);
        if docs.is_empty() {
            continue;
        }
        let (core, extra, gold, pred) = learn::evaluate(annotator, &docs);
        if show_diff {
            out!("{}", crate::eval::diff(&gold, &pred));
        }
        for (label, l) in core.entities.lenient.iter().chain(&extra.entities.lenient) {
            let s = if core.entities.lenient.contains_key(label) { &core } else { &extra };
            let e = s.entities.exact.get(label).copied().unwrap_or_default();
            outln!(
                "| {} | {label} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {} |",
                f.name,
                e.p,
                e.r,
                e.f1,
                l.p,
                l.r,
                l.f1,
                l.gold
            );
        }
    }
}

/// The reliability table of the model's entities.
fn print_reliability(table: &[learn::Bin]) {
    outln!("\nConfidence of the model's entities:\n| confidence | entities | mean confidence | right |\n|---|---:|---:|---:|");
    for b in table.iter().filter(|b| b.count > 0) {
        outln!("| {:.1}–{:.1} | {} | {:.2} | {:.2} |", b.lo, b.hi, b.count, b.confidence, b.accuracy);
    }
}

/// `wasim eval --corpus DIR`.
pub fn eval_corpus(
    dir: &Path,
    split: Split,
    model: Option<&Path>,
    rules_only: bool,
    show_diff: bool,
) -> Result<(), Failure> {
    let files = corpora(dir, &[], None)?;
    let annotator =
        if rules_only { std::borrow::Cow::Owned(Annotator::new(None)) } else { crate::load_annotator(model)? };
    report(&files, split, &annotator, show_diff);
    if annotator.model().is_some() {
        let docs: Vec<GoldDoc> = files.iter().flat_map(|f| learn::documents(f, split)).collect();
        print_reliability(&learn::reliability(&learn::judged(&annotator, &docs)));
    }
    Ok(())
}
