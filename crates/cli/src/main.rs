//! `wasim`: Wasim's engine on the command line: batch annotation, conversion between formats,
//! evaluation, agreement and benchmarks.

/// `println!` and `print!` that stop quietly when the reader has gone (`wasim bench | head`).
macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($t)*);
    }};
}

mod bench;
mod curve;
mod eval;
mod train;

use clap::{Parser, Subcommand};
use std::borrow::Cow;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use wasim_engine::export::{self, Named, FORMATS};

/// wasim: annotate Arabic news text with entities and claims, offline.
#[derive(Parser)]
#[command(name = "wasim", version, about, after_help = after_help())]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Annotates each FILE (standard input when none, or for `-`) and prints the result on
    /// standard output. With several files json becomes jsonl, one document per line, streamed
    /// in order. A folder stands for every file in it, at any depth. Files are analyzed on all
    /// cores. A progress line goes to standard error on long runs.
    Annotate {
        /// The output format (see FORMATS below).
        #[arg(short, long, default_value = "json", value_parser = format_id)]
        format: String,
        /// How many files to analyze at once (default: all cores).
        #[arg(short, long, value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
        /// Always show the progress line.
        #[arg(long)]
        progress: bool,
        /// A model to tag with instead of the built-in one: a model file (`wasim train`), or what
        /// a person taught the built-in model in the app (its exported `.wasim-taught` file).
        #[arg(long)]
        model: Option<PathBuf>,
        files: Vec<String>,
    },
    /// Converts annotations between formats (files or standard input, result on standard
    /// output). brat comes as a .zip or a folder of .txt + .ann files and goes out as a .zip (or
    /// into DIR with --out). With --from, every FILE is read as that format whatever its name.
    Convert {
        /// The format of the input (told by each file's name when not given).
        #[arg(long, value_parser = readable_id)]
        from: Option<String>,
        #[arg(long, value_parser = format_id)]
        to: String,
        /// Writes the result into this folder instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        files: Vec<String>,
    },
    /// Scores PRED against GOLD: precision, recall and F1 per label, exact and clitic-lenient,
    /// and claims (content overlap, speaker and cue). A GOLD without "text" is read with the file
    /// its "document" field names, next to GOLD. With --markup, annotates the text of a file in
    /// Wasim's fixture notation and scores the result against its marks.
    Eval {
        /// The reference annotation (Wasim JSON, or any format Wasim reads).
        #[arg(required_unless_present_any = ["markup", "corpus"], conflicts_with_all = ["markup", "corpus"])]
        gold: Option<String>,
        /// The annotation to score.
        #[arg(required_unless_present_any = ["markup", "corpus"], conflicts_with_all = ["markup", "corpus"])]
        pred: Option<String>,
        /// A file in the fixture notation to annotate and score.
        #[arg(long, conflicts_with = "corpus")]
        markup: Option<String>,
        /// Scores on a split of the annotated corpora in this folder, per corpus and label.
        #[arg(long)]
        corpus: Option<PathBuf>,
        /// With --corpus: the split (dev, or held for final figures only).
        #[arg(long, default_value = "dev", value_parser = split_name, requires = "corpus")]
        split: String,
        /// With --corpus: the model to score (the built-in one when not given).
        #[arg(long, requires = "corpus")]
        model: Option<PathBuf>,
        /// With --corpus: the rules alone, without the model.
        #[arg(long, requires = "corpus", conflicts_with = "model")]
        rules: bool,
        /// With --markup: list every difference.
        #[arg(long)]
        diff: bool,
        /// Prints the scores as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Agreement of two annotations of the same text: span P/R/F1 per label (B against A),
    /// Cohen's kappa over word tokens, and the places where they differ.
    Agree {
        a: String,
        b: String,
        /// Prints the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Trains the tagger on the annotated corpora in a folder (their train split) and writes the
    /// model; prints its scores on the development split. Deterministic for a seed.
    Train {
        /// The folder of corpora (*.conll).
        #[arg(long, default_value = "../shared/corpus/train")]
        corpus: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "crates/engine/model/wasim.model")]
        out: PathBuf,
        /// Only corpora whose file name contains one of these (comma-separated).
        #[arg(long, value_delimiter = ',')]
        only: Vec<String>,
        /// Only the first N sentences of each corpus (a quick run).
        #[arg(long)]
        sample: Option<usize>,
        /// 2^bits feature rows.
        #[arg(long, default_value_t = 19, value_parser = clap::value_parser!(u8).range(10..=24))]
        bits: u8,
        #[arg(long, default_value_t = 8)]
        epochs: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// How many orders of the sentences to learn in (seeds SEED, SEED + 1 …), their weights
        /// averaged: less spread between seeds, and better on average.
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..=16))]
        orders: u64,
    },
    /// Simulates a person correcting the first sentences of the corpora's development split, the
    /// built-in model learning from each correction as it does in the app, and prints the scores
    /// on the documents after them for each number of sentences corrected; --plot draws it.
    LearnCurve {
        /// The folder of corpora (*.conll).
        #[arg(long, default_value = "../shared/corpus/train")]
        corpus: PathBuf,
        /// Only corpora whose file name contains one of these (comma-separated).
        #[arg(long, value_delimiter = ',', default_value = "anercorp")]
        only: Vec<String>,
        /// The numbers of sentences corrected at which to score (comma-separated).
        #[arg(long, value_delimiter = ',', default_value = "0,10,25,50,100,200")]
        steps: Vec<usize>,
        /// Writes the curve as an SVG chart here.
        #[arg(long)]
        plot: Option<PathBuf>,
    },
    /// Measures the engine's throughput, stage by stage, document by document, on real news (the
    /// committed sample bench/real-sample.txt, or --corpus), generated text or FILE; with --write,
    /// only writes the text to OUT.
    Bench {
        /// Megabytes of text to measure on, from --corpus or generated (the sample is 1 MB).
        #[arg(long, default_value_t = 5.0)]
        mb: f64,
        /// Real text from this corpus folder (as `wasim train` reads) instead of the committed
        /// sample.
        #[arg(long, conflicts_with_all = ["generated", "file"])]
        corpus: Option<PathBuf>,
        /// Generated text instead of real text.
        #[arg(long, conflicts_with = "file")]
        generated: bool,
        /// The text of this file instead, as one document.
        #[arg(long)]
        file: Option<String>,
        /// Writes the text (documents separated by a blank line) here and measures nothing.
        #[arg(long)]
        write: Option<String>,
    },
}

fn after_help() -> String {
    let table: String = FORMATS
        .iter()
        .map(|f| {
            format!("  {:14} {} ({}){}\n", f.id, f.name, f.offsets, if f.imports() { "" } else { "; export only" })
        })
        .collect();
    format!("FORMATS (offsets):\n{table}\nExit codes: 0 success, 1 a file could not be read or parsed, 2 wrong usage.")
}

fn format_id(s: &str) -> Result<String, String> {
    export::format(s)
        .map(|f| f.id.to_string())
        .ok_or_else(|| format!("unknown format; known: {}", export::format_ids()))
}

fn readable_id(s: &str) -> Result<String, String> {
    let readable = || FORMATS.iter().filter(|f| f.imports()).map(|f| f.id).collect::<Vec<_>>().join(", ");
    match export::format(s) {
        Some(f) if f.imports() => Ok(f.id.to_string()),
        Some(_) => Err(format!("Wasim writes this format but does not read it; readable: {}", readable())),
        None => Err(format!("unknown format; readable: {}", readable())),
    }
}

fn split_name(s: &str) -> Result<String, String> {
    wasim_engine::learn::Split::parse(s).map(|_| s.to_string()).ok_or_else(|| "dev, held or train".to_string())
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to standard output with success; usage errors exit with 2.
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    let result = match cli.command {
        Command::Annotate { format, jobs, progress, model, files } => {
            load_annotator(model.as_deref()).and_then(|a| annotate(&a, &format, jobs, progress, files))
        }
        Command::Convert { from, to, out, files } => convert(from.as_deref(), &to, out.as_deref(), files),
        Command::Eval { gold, pred, markup, diff, json, corpus, split, model, rules } => match (markup, gold, pred) {
            _ if corpus.is_some() => train::eval_corpus(
                corpus.as_deref().unwrap_or(Path::new(".")),
                wasim_engine::learn::Split::parse(&split).unwrap_or(wasim_engine::learn::Split::Dev),
                model.as_deref(),
                rules,
                diff,
            ),
            (Some(m), _, _) => eval::markup(&m, diff, json),
            (None, _, _) if diff => Err(Failure::Usage("--diff goes with --markup FILE or --corpus DIR".into())),
            (None, Some(g), Some(p)) => eval::files(&g, &p, json),
            _ => Err(Failure::Usage("eval takes GOLD and PRED, or --markup FILE".into())),
        },
        Command::Agree { a, b, json } => eval::agree(&a, &b, json),
        Command::Train { corpus, out, only, sample, bits, epochs, seed, orders } => train::run(train::TrainArgs {
            corpus: &corpus,
            out: &out,
            only: &only,
            sample,
            bits,
            epochs,
            seed,
            orders: orders as usize,
        }),
        Command::LearnCurve { corpus, only, steps, plot } => curve::run(&corpus, &only, &steps, plot.as_deref()),
        Command::Bench { mb, corpus, generated, file, write } => {
            let source = match (&corpus, generated, &file) {
                (Some(dir), ..) => bench::Source::Corpus(dir),
                (_, true, _) => bench::Source::Generated,
                (_, _, Some(f)) => bench::Source::File(f),
                _ => bench::Source::Sample,
            };
            bench::run(mb, source, write.as_deref())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(m)) => {
            eprintln!("wasim: {m}\n\nSee `wasim help`.");
            ExitCode::from(2)
        }
        Err(Failure::Input(m)) => {
            eprintln!("wasim: {m}");
            ExitCode::from(1)
        }
    }
}

pub enum Failure {
    Usage(String),
    Input(String),
}

/// Reads a file (or standard input for `-`) as bytes, with a message a person can act on.
pub fn read_bytes(path: &str) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    let res = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ())
    };
    let name = if path == "-" { "standard input" } else { path };
    res.map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?;
    Ok(bytes)
}

/// Reads a file (or standard input for `-`) as UTF-8 text.
pub fn read_text(path: &str) -> Result<String, Failure> {
    let bytes = read_bytes(path)?;
    let name = if path == "-" { "standard input" } else { path };
    let text = String::from_utf8(bytes).map_err(|e| {
        Failure::Input(format!("{name} is not UTF-8 text (invalid byte at offset {}); convert it first, e.g. `iconv -f WINDOWS-1256 -t UTF-8`", e.utf8_error().valid_up_to()))
    })?;
    Ok(text.trim_start_matches('\u{FEFF}').to_string())
}

fn stem(path: &str) -> String {
    if path == "-" {
        return "stdin".into();
    }
    Path::new(path).file_stem().map_or_else(|| "document".into(), |s| s.to_string_lossy().into_owned())
}

/// The annotator of `--model`: the built-in one, another model, or the built-in model with what a
/// person taught it.
pub fn load_annotator(model: Option<&Path>) -> Result<Cow<'static, wasim_engine::Annotator>, Failure> {
    let Some(path) = model else { return Ok(Cow::Borrowed(wasim_engine::Annotator::builtin())) };
    let bytes = read_bytes(&path.to_string_lossy())?;
    let failed = |e: wasim_engine::tagger::ModelError| Failure::Input(format!("{}: {e}", path.display()));
    if bytes.starts_with(b"WASIMTAU") {
        let mut a = wasim_engine::Annotator::builtin().clone();
        let m = a
            .model_mut()
            .ok_or_else(|| Failure::Input("this build has no model to apply what was taught to".into()))?;
        m.load_taught(&bytes).map_err(failed)?;
        Ok(Cow::Owned(a))
    } else {
        let model = wasim_engine::tagger::Model::from_bytes(&bytes).map_err(failed)?;
        Ok(Cow::Owned(wasim_engine::Annotator::new(Some(model))))
    }
}

fn annotate(
    annotator: &wasim_engine::Annotator,
    format: &str,
    jobs: Option<u16>,
    progress: bool,
    mut files: Vec<String>,
) -> Result<(), Failure> {
    let mut format = format.to_string();
    let jobs = jobs.map_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()), usize::from);
    if files.is_empty() {
        files.push("-".into());
    }
    let folder = files.iter().any(|f| f != "-" && Path::new(f).is_dir());
    let files = with_folders_expanded(files)?;
    if format == "json" && (files.len() > 1 || folder) {
        format = "jsonl".into();
    }
    let progress = Progress::new(files.len(), progress);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0;
    // Streamed formats write each document as soon as it (and those before it) are done;
    // the others collect all documents first.
    let streamed = matches!(format.as_str(), "json" | "jsonl" | "doccano");
    let mut collected: Vec<Named> = Vec::new();
    // One worker per job, each taking the next file, never more than `window` files ahead of the
    // last one written: memory stays bounded however many files there are. Workers live as long
    // as the run, and with them what they remember of the words they have read.
    let window = jobs.max(1) * 4;
    let (next, written) = (AtomicUsize::new(0), AtomicUsize::new(0));
    std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::channel::<(usize, Result<Named, String>)>();
        for _ in 0..jobs.max(1) {
            let (tx, files, next, written) = (tx.clone(), &files, &next, &written);
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(f) = files.get(i) else { break };
                while i >= written.load(Ordering::Acquire) + window {
                    std::thread::sleep(std::time::Duration::from_millis(1));
                }
                let r = match read_text(f) {
                    Ok(t) => Ok(Named { name: stem(f), doc: annotator.annotate_owned(t) }),
                    Err(Failure::Input(m) | Failure::Usage(m)) => Err(m),
                };
                if tx.send((i, r)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut pending = std::collections::BTreeMap::new();
        for (i, r) in rx {
            pending.insert(i, r);
            while let Some(r) = pending.remove(&written.load(Ordering::Acquire)) {
                written.fetch_add(1, Ordering::Release);
                progress.step();
                match r {
                    Ok(named) if streamed => {
                        // Written as it is serialized: the output of a long document is never
                        // held whole in memory.
                        let result = match format.as_str() {
                            "doccano" => out.write_all(export::doccano::write_line(&named.doc).as_bytes()),
                            f => export::json::write(&named.doc, &mut out, f == "json"),
                        };
                        if result.and_then(|()| writeln!(out)).is_err() {
                            // The reader went away (e.g. `| head`): no more files.
                            next.store(files.len(), Ordering::Relaxed);
                            written.store(usize::MAX / 2, Ordering::Release);
                            return;
                        }
                    }
                    Ok(named) => collected.push(named),
                    Err(m) => {
                        eprintln!("wasim: {m}");
                        failed += 1;
                    }
                }
            }
        }
    });
    progress.done();
    if !streamed {
        let file = export::export(&format, &collected).map_err(|e| Failure::Usage(e.0))?;
        let _ = out.write_all(&file.bytes);
    }
    let _ = out.flush();
    if failed > 0 {
        return Err(Failure::Input(format!("{failed} of {} inputs could not be read", files.len())));
    }
    Ok(())
}

/// The files named, with every folder replaced by the files in it at any depth, in name order.
fn with_folders_expanded(files: Vec<String>) -> Result<Vec<String>, Failure> {
    fn walk(dir: &Path, out: &mut Vec<String>) -> Result<(), Failure> {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| Failure::Input(format!("cannot read folder {}: {e}", dir.display())))?
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for e in entries {
            if e.is_dir() {
                walk(&e, out)?;
            } else {
                out.push(e.to_string_lossy().into_owned());
            }
        }
        Ok(())
    }
    let mut out = Vec::with_capacity(files.len());
    for f in files {
        if f != "-" && Path::new(&f).is_dir() {
            walk(Path::new(&f), &mut out)?;
        } else {
            out.push(f);
        }
    }
    Ok(out)
}

fn convert(from: Option<&str>, to: &str, out: Option<&Path>, files: Vec<String>) -> Result<(), Failure> {
    let from = from.and_then(export::format);
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    let files = if files.is_empty() { vec!["-".to_string()] } else { files };
    for f in &files {
        let p = Path::new(f);
        if p.is_dir() {
            // A brat folder: every file in it.
            let mut entries: Vec<_> = std::fs::read_dir(p)
                .map_err(|e| Failure::Input(format!("cannot read folder {f}: {e}")))?
                .flatten()
                .map(|e| e.path())
                .collect();
            entries.sort();
            for e in entries.into_iter().filter(|e| e.is_file()) {
                let name = e.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                inputs.push((name, read_bytes(&e.to_string_lossy())?));
            }
        } else {
            let name = if f == "-" {
                // Standard input is told by its content when no --from names it.
                format!("stdin.{}", from.map_or("json", |f| f.endings.first().copied().unwrap_or(f.extension)))
            } else {
                p.file_name().map_or(f.clone(), |n| n.to_string_lossy().into_owned())
            };
            inputs.push((name, read_bytes(f)?));
        }
    }
    let docs = match from {
        Some(f) => export::import_as(f, &inputs),
        None => export::import(&inputs),
    }
    .map_err(|e| Failure::Input(e.to_string()))?;
    let file = export::export(to, &docs).map_err(|e| Failure::Usage(e.0))?;
    match out {
        Some(dir) if file.name.ends_with(".zip") => {
            std::fs::create_dir_all(dir).map_err(|e| Failure::Input(format!("cannot make {}: {e}", dir.display())))?;
            for (name, bytes) in
                export::zip::read(&file.bytes, &file.name).map_err(|e| Failure::Input(e.to_string()))?
            {
                std::fs::write(dir.join(&name), bytes)
                    .map_err(|e| Failure::Input(format!("cannot write {name}: {e}")))?;
            }
        }
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| Failure::Input(format!("cannot make {}: {e}", dir.display())))?;
            std::fs::write(dir.join(&file.name), &file.bytes)
                .map_err(|e| Failure::Input(format!("cannot write {}: {e}", file.name)))?;
        }
        None => {
            let _ = std::io::stdout().write_all(&file.bytes);
        }
    }
    Ok(())
}

/// A progress line on standard error for runs of more than a few files (or when asked).
struct Progress {
    total: usize,
    shown: bool,
    done: std::cell::Cell<usize>,
    start: std::time::Instant,
}

impl Progress {
    fn new(total: usize, forced: bool) -> Progress {
        Progress {
            total,
            shown: forced || (total > 20 && std::io::stderr().is_terminal()),
            done: 0.into(),
            start: std::time::Instant::now(),
        }
    }
    fn step(&self) {
        self.done.set(self.done.get() + 1);
        let d = self.done.get();
        if self.shown && (d == self.total || d.is_multiple_of(10)) {
            let width = 30;
            let fill = width * d / self.total.max(1);
            eprint!(
                "\r[{}{}] {d}/{} files, {:.1} s",
                "#".repeat(fill),
                " ".repeat(width - fill),
                self.total,
                self.start.elapsed().as_secs_f64()
            );
        }
    }
    fn done(&self) {
        if self.shown {
            eprintln!();
        }
    }
}
