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
mod eval;

use std::io::{IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use wasim_engine::export::{self, Named, FORMATS};

const USAGE: &str = "\
wasim: annotate Arabic news text with entities and claims, offline.

USAGE:
    wasim annotate [--format FORMAT] [--jobs N] [--progress] [FILE...]
        Annotates each FILE (standard input when none, or for `-`) and prints the result in
        FORMAT (default json) on standard output. With several files json becomes jsonl, one
        document per line, streamed in order. Files are analyzed on all cores (--jobs to
        limit). A progress line goes to standard error on long runs (always with --progress).
    wasim convert --from FORMAT --to FORMAT [--out DIR] [FILE...]
        Converts annotations between formats (files or standard input, result on standard
        output). brat comes as a .zip or a folder of .txt + .ann files and goes out as a .zip
        (or into DIR with --out).
    wasim eval GOLD PRED [--json]
        Scores PRED against GOLD: precision, recall and F1 per label, exact and
        clitic-lenient, and claims (content overlap, speaker and cue). A GOLD without \"text\"
        is read with the file its \"document\" field names, next to GOLD.
    wasim eval --markup FILE [--diff] [--json]
        Annotates the text of FILE, written in Wasim's fixture notation, and scores the result
        against its marks; --diff lists every difference.
    wasim agree A B [--json]
        Agreement of two annotations of the same text: span P/R/F1 per label (B against A),
        Cohen's kappa over word tokens, and the places where they differ.
    wasim bench [--mb N | --file FILE] [--write OUT]
        Measures the engine's throughput, stage by stage, on N MB (default 4) of generated
        Arabic news text, or on FILE; with --write, only writes the generated text to OUT.
    wasim help
        Prints this help.

FORMATS (offsets):
FORMATS_TABLE
Exit codes: 0 success, 1 a file could not be read or parsed, 2 wrong usage.";

fn usage() -> String {
    let table: String = FORMATS
        .iter()
        .map(|f| format!("    {:14} {} ({}){}\n", f.id, f.name, f.offsets, if f.import { "" } else { "; export only" }))
        .collect();
    USAGE.replace("FORMATS_TABLE\n", &table)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    let result = match args.first().map(String::as_str) {
        Some("annotate") => annotate(rest),
        Some("convert") => convert(rest),
        Some("eval") => eval::run(rest),
        Some("agree") => eval::agree(rest),
        Some("bench") => bench::run(rest),
        Some("help" | "--help" | "-h") | None => {
            outln!("{}", usage());
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(Failure::Usage(format!("unknown command {other:?}"))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(m)) => {
            eprintln!("wasim: {m}\n\n{}", usage());
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

/// Options of the form `--name value`, and the other arguments.
struct Args {
    opts: Vec<(String, Option<String>)>,
    files: Vec<String>,
}

impl Args {
    fn parse(args: &[String], with_value: &[&str], flags: &[&str]) -> Result<Args, Failure> {
        let mut opts = Vec::new();
        let mut files = Vec::new();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if let Some((k, v)) = a.split_once('=').filter(|(k, _)| k.starts_with("--")) {
                opts.push((k.to_string(), Some(v.to_string())));
            } else if with_value.contains(&a.as_str()) {
                let v = it.next().ok_or_else(|| Failure::Usage(format!("{a} needs a value")))?;
                opts.push((a.clone(), Some(v.clone())));
            } else if flags.contains(&a.as_str()) {
                opts.push((a.clone(), None));
            } else if a.starts_with("--") {
                return Err(Failure::Usage(format!("unknown option {a:?}")));
            } else {
                files.push(a.clone());
            }
        }
        Ok(Args { opts, files })
    }
    fn get(&self, k: &str) -> Option<&str> {
        self.opts.iter().rev().find(|(n, _)| n == k).and_then(|(_, v)| v.as_deref())
    }
    fn has(&self, k: &str) -> bool {
        self.opts.iter().any(|(n, _)| n == k)
    }
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

fn annotate(args: &[String]) -> Result<(), Failure> {
    let a = Args::parse(args, &["--format", "-f", "--jobs", "-j"], &["--progress"])?;
    let mut format = a.get("--format").or(a.get("-f")).unwrap_or("json").to_string();
    if export::format(&format).is_none() {
        return Err(Failure::Usage(format!(
            "unknown format {format:?}; known: {}",
            FORMATS.iter().map(|f| f.id).collect::<Vec<_>>().join(", ")
        )));
    }
    let jobs: usize = match a.get("--jobs").or(a.get("-j")) {
        Some(j) => j
            .parse()
            .ok()
            .filter(|&n| n > 0)
            .ok_or_else(|| Failure::Usage(format!("--jobs takes a whole number, not {j:?}")))?,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let mut files = a.files.clone();
    if files.is_empty() {
        files.push("-".into());
    }
    if format == "json" && files.len() > 1 {
        format = "jsonl".into();
    }
    let progress = Progress::new(files.len(), a.has("--progress"));
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = 0;
    // Streamed formats write each document as soon as it (and those before it) are done;
    // the others collect all documents first.
    let streamed = matches!(format.as_str(), "json" | "jsonl" | "doccano");
    let mut collected: Vec<Named> = Vec::new();
    for chunk in files.chunks(jobs.max(1) * 4) {
        let results: Vec<Result<Named, String>> = std::thread::scope(|s| {
            let handles: Vec<_> = chunk
                .chunks(chunk.len().div_ceil(jobs.max(1)))
                .map(|part| {
                    s.spawn(move || {
                        part.iter()
                            .map(|f| match read_text(f) {
                                Ok(t) => Ok(Named { name: stem(f), doc: wasim_engine::annotate(&t) }),
                                Err(Failure::Input(m) | Failure::Usage(m)) => Err(m),
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|_| vec![Err("the analysis stopped unexpectedly".into())]))
                .collect()
        });
        for r in results {
            progress.step();
            match r {
                Ok(named) if streamed => {
                    let line = match format.as_str() {
                        "doccano" => export::doccano::write_line(&named.doc),
                        "json" => export::json::to_string(&named.doc),
                        _ => export::json::to_line(&named.doc),
                    };
                    if writeln!(out, "{line}").is_err() {
                        return Ok(()); // the reader went away (e.g. `| head`)
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
    progress.done();
    if !streamed {
        let file = export::export(&format, &collected).map_err(|e| Failure::Usage(e.0))?;
        let _ = out.write_all(&file.bytes);
    }
    if failed > 0 {
        return Err(Failure::Input(format!("{failed} of {} inputs could not be read", files.len())));
    }
    Ok(())
}

fn convert(args: &[String]) -> Result<(), Failure> {
    let a = Args::parse(args, &["--from", "--to", "--out"], &[])?;
    let (Some(from), Some(to)) = (a.get("--from"), a.get("--to")) else {
        return Err(Failure::Usage("convert needs --from FORMAT and --to FORMAT".into()));
    };
    let ext = match from {
        "json" => "json",
        "jsonl" => "jsonl",
        "conll" | "conll-clitics" | "iob" => "conll",
        "brat" => "zip",
        "label-studio" => "json",
        "doccano" => "jsonl",
        "txt" | "text" => "txt",
        f => {
            return Err(Failure::Usage(format!(
                "cannot read format {f:?}; readable: json, jsonl, conll, brat, label-studio, doccano, txt"
            )))
        }
    };
    if export::format(to).is_none() {
        return Err(Failure::Usage(format!("unknown format {to:?}")));
    }
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    let files = if a.files.is_empty() { vec!["-".to_string()] } else { a.files.clone() };
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
                format!("stdin.{ext}")
            } else {
                p.file_name().map_or(f.clone(), |n| n.to_string_lossy().into_owned())
            };
            inputs.push((name, read_bytes(f)?));
        }
    }
    let docs = export::import(&inputs).map_err(|e| Failure::Input(e.to_string()))?;
    let file = export::export(to, &docs).map_err(|e| Failure::Usage(e.0))?;
    match a.get("--out") {
        Some(dir) if file.name.ends_with(".zip") => {
            std::fs::create_dir_all(dir).map_err(|e| Failure::Input(format!("cannot make {dir}: {e}")))?;
            for (name, bytes) in
                export::zip::read(&file.bytes, &file.name).map_err(|e| Failure::Input(e.to_string()))?
            {
                std::fs::write(Path::new(dir).join(&name), bytes)
                    .map_err(|e| Failure::Input(format!("cannot write {name}: {e}")))?;
            }
        }
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| Failure::Input(format!("cannot make {dir}: {e}")))?;
            std::fs::write(Path::new(dir).join(&file.name), &file.bytes)
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
