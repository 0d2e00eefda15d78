//! `wasim`: Wasim's engine on the command line.

mod bench;
mod eval;

use std::io::{Read, Write};
use std::process::ExitCode;
use wasim_engine::export::json;

const USAGE: &str = "\
wasim: annotate Arabic news text with entities and claims, offline.

USAGE:
    wasim annotate [--format json|jsonl] [FILE...]
        Annotates each FILE (standard input when none, or for `-`) and prints its Wasim JSON
        export (offsets in Unicode code points). With several files, or --format jsonl, prints
        one JSON document per line.
    wasim eval GOLD PRED [--json]
        Scores PRED against GOLD (both Wasim JSON or the same shape): precision, recall and F1
        per label, exact and clitic-lenient, and claims. A GOLD without \"text\" is read with
        the file its \"document\" field names, next to GOLD.
    wasim eval --markup FILE [--json]
        Annotates the text of FILE, written in Wasim's fixture notation (see
        crates/engine/src/markup.rs), and scores the result against its marks.
    wasim bench [--mb N]
        Measures the engine's throughput, stage by stage, on N MB (default 4) of generated
        Arabic news text, and prints a table.
    wasim help
        Prints this help.

Exit codes: 0 success, 1 a file could not be read or parsed, 2 wrong usage.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("annotate") => annotate(&args[1..]),
        Some("eval") => eval::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("help" | "--help" | "-h") | None => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(Failure::Usage(format!("unknown command {other:?}"))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(m)) => {
            eprintln!("wasim: {m}\n\n{USAGE}");
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

/// Reads a file (or standard input for `-`) as UTF-8, with a message a person can act on.
pub fn read_text(path: &str) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    let res = if path == "-" { std::io::stdin().read_to_end(&mut bytes).map(|_| ()) } else { std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ()) };
    let name = if path == "-" { "standard input" } else { path };
    res.map_err(|e| Failure::Input(format!("cannot read {name}: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        Failure::Input(format!("{name} is not UTF-8 text (invalid byte at offset {}); convert it first, e.g. `iconv -f WINDOWS-1256 -t UTF-8`", e.utf8_error().valid_up_to()))
    })
}

fn annotate(args: &[String]) -> Result<(), Failure> {
    let mut format = "json";
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" | "-f" => format = it.next().map(String::as_str).ok_or_else(|| Failure::Usage("--format needs a value".into()))?,
            f if f.starts_with("--format=") => format = &f["--format=".len()..],
            f if f.starts_with("--") => return Err(Failure::Usage(format!("unknown option {f:?}"))),
            f => files.push(f.to_string()),
        }
    }
    if !matches!(format, "json" | "jsonl") {
        return Err(Failure::Usage(format!("unknown format {format:?}; known: json, jsonl")));
    }
    if files.is_empty() {
        files.push("-".into());
    }
    let lines = format == "jsonl" || files.len() > 1;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = 0;
    for f in &files {
        let text = match read_text(f) {
            Ok(t) => t,
            Err(Failure::Input(m)) => {
                eprintln!("wasim: {m}");
                failed += 1;
                continue;
            }
            Err(e) => return Err(e),
        };
        let doc = wasim_engine::annotate(&text);
        let v = json::to_value(&doc);
        let s = if lines { serde_json::to_string(&v) } else { serde_json::to_string_pretty(&v) }.unwrap_or_default();
        if writeln!(out, "{s}").is_err() {
            return Ok(()); // the reader went away (e.g. `| head`)
        }
    }
    if failed > 0 {
        return Err(Failure::Input(format!("{failed} of {} inputs could not be read", files.len())));
    }
    Ok(())
}
