//! Interchange formats. Each converts offsets once, at this boundary, and states its unit;
//! errors on import name the file, line or item and what is wrong, in words a person can act
//! on. [`FORMATS`] declares each one once: id, file ending, offset unit, what it cannot
//! carry, its writer and its reader; [`span_in`] is the one offset check of every reader.

pub mod brat;
pub mod conll;
pub mod csv;
pub mod doccano;
pub mod json;
pub mod label_studio;
mod regions;
pub mod w3c;
pub mod zip;

use crate::document::Document;
use crate::offsets::{OffsetIndex, Unit};
use crate::Span;
use std::fmt;

/// A document with the name it goes by (usually its file name without extension).
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    pub name: String,
    pub doc: Document,
}

/// A file to save.
#[derive(Clone, Debug, PartialEq)]
pub struct OutFile {
    pub name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

/// One interchange format: declared once here, with what it is and how it is written and read.
#[derive(Clone, Copy)]
pub struct Format {
    pub id: &'static str,
    pub name: &'static str,
    /// What its offsets count.
    pub offsets: &'static str,
    /// What it cannot carry.
    pub loses: &'static str,
    /// The ending of the file it writes, after the document's name (`seed.brat.zip`).
    pub extension: &'static str,
    pub mime: &'static str,
    /// File endings read as this format when it is not told (lowercase, without the dot).
    pub endings: &'static [&'static str],
    write: fn(&[Named]) -> Vec<u8>,
    read: Reader,
}

/// How a format is read.
#[derive(Clone, Copy)]
enum Reader {
    /// Export only.
    None,
    /// One file's text gives documents.
    Text(fn(&str) -> Result<Vec<Document>, ImportError>),
    /// A `.txt` and an `.ann` of the same name give a document (brat).
    Pairs,
}

impl Format {
    /// Whether Wasim reads this format.
    pub fn imports(&self) -> bool {
        !matches!(self.read, Reader::None)
    }
}

impl fmt::Debug for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id)
    }
}

impl PartialEq for Format {
    fn eq(&self, other: &Format) -> bool {
        self.id == other.id
    }
}

fn each<F: Fn(&Document) -> String>(docs: &[Named], line: F) -> Vec<u8> {
    docs.iter().map(|d| line(&d.doc) + "\n").collect::<String>().into_bytes()
}

pub const FORMATS: &[Format] = &[
    Format {
        id: "json",
        name: "Wasim JSON",
        offsets: "code points",
        loses: "nothing (the contract)",
        extension: "json",
        mime: "application/json",
        endings: &["json"],
        write: |docs| docs.first().map(|d| json::to_string(&d.doc)).unwrap_or_default().into_bytes(),
        read: Reader::Text(json::read_any),
    },
    Format {
        id: "jsonl",
        name: "Wasim JSONL",
        offsets: "code points",
        loses: "nothing; one document per line",
        extension: "jsonl",
        mime: "application/x-ndjson",
        endings: &["jsonl", "ndjson"],
        write: |docs| each(docs, json::to_line),
        read: Reader::Text(json::read_lines),
    },
    Format {
        id: "conll",
        name: "CoNLL / IOB2 (whole words)",
        offsets: "none: one token per line",
        loses: "claims, sources, statuses, exact spacing; an entity inside a word (بالقاهرة) takes the whole word",
        extension: "conll",
        mime: "text/plain",
        endings: &["conll", "iob", "iob2", "bio", "tsv"],
        write: |docs| conll::write(docs, false).into_bytes(),
        read: Reader::Text(conll::read),
    },
    Format {
        id: "conll-clitics",
        name: "CoNLL / IOB2 (clitics split)",
        offsets: "none: one token per line",
        loses: "claims, sources, statuses, exact spacing; clitics stand as their own tokens",
        extension: "clitics.conll",
        mime: "text/plain",
        endings: &[],
        write: |docs| conll::write(docs, true).into_bytes(),
        read: Reader::Text(conll::read),
    },
    Format {
        id: "brat",
        name: "brat standoff (.txt + .ann)",
        offsets: "code points",
        loses: "sources, confidences, statuses",
        extension: "brat.zip",
        mime: "application/zip",
        endings: &["ann"],
        write: brat::write_zip,
        read: Reader::Pairs,
    },
    Format {
        id: "w3c",
        name: "W3C Web Annotation (JSON-LD)",
        offsets: "code points (TextPositionSelector)",
        loses: "nothing it can be told; read-only here",
        extension: "jsonld",
        mime: "application/ld+json",
        endings: &[],
        write: |docs| w3c::write(docs).into_bytes(),
        read: Reader::None,
    },
    Format {
        id: "csv-entities",
        name: "CSV of entities",
        offsets: "code points",
        loses: "claims",
        extension: "entities.csv",
        mime: "text/csv",
        endings: &[],
        write: |docs| csv::entities(docs).into_bytes(),
        read: Reader::None,
    },
    Format {
        id: "csv-claims",
        name: "CSV of claims",
        offsets: "code points",
        loses: "entities",
        extension: "claims.csv",
        mime: "text/csv",
        endings: &[],
        write: |docs| csv::claims(docs).into_bytes(),
        read: Reader::None,
    },
    Format {
        id: "label-studio",
        name: "Label Studio JSON",
        offsets: "UTF-16 code units (as Label Studio's browser counts)",
        loses: "sources, statuses",
        extension: "label-studio.json",
        mime: "application/json",
        endings: &[],
        write: |docs| label_studio::write(docs).into_bytes(),
        read: Reader::Text(label_studio::read),
    },
    Format {
        id: "doccano",
        name: "doccano JSONL",
        offsets: "code points",
        loses: "sources, statuses, confidences",
        extension: "doccano.jsonl",
        mime: "application/x-ndjson",
        endings: &[],
        write: |docs| each(docs, doccano::write_line),
        read: Reader::Text(doccano::read),
    },
];

/// The format with this id.
pub fn format(id: &str) -> Option<&'static Format> {
    FORMATS.iter().find(|f| f.id == id)
}

/// The ids of all formats, for messages.
pub fn format_ids() -> String {
    FORMATS.iter().map(|f| f.id).collect::<Vec<_>>().join(", ")
}

/// Writes `docs` in format `id`: one file named after the document (or `wasim-documents` for
/// several). Wasim JSON of several documents is written as JSONL.
pub fn export(id: &str, docs: &[Named]) -> Result<OutFile, ExportError> {
    let f = format(id).ok_or_else(|| ExportError(format!("unknown format {id:?}; known: {}", format_ids())))?;
    let f = if f.id == "json" && docs.len() != 1 { &FORMATS[1] } else { f };
    let stem = if docs.len() == 1 { safe_name(&docs[0].name) } else { "wasim-documents".to_string() };
    Ok(OutFile { name: format!("{stem}.{}", f.extension), mime: f.mime, bytes: (f.write)(docs) })
}

/// Reads files (name, bytes) of any importable format into documents, telling the format by
/// the file name and, for JSON, by its shape; brat's `.txt` and `.ann` pair up by name, in a
/// ZIP archive or given side by side. Fails as a whole on the first bad file.
pub fn import(files: &[(String, Vec<u8>)]) -> Result<Vec<Named>, ImportError> {
    read_files(files, None)
}

/// Reads files as format `f` whatever their names end with (a ZIP archive is unpacked first).
pub fn import_as(f: &Format, files: &[(String, Vec<u8>)]) -> Result<Vec<Named>, ImportError> {
    if !f.imports() {
        return Err(ImportError::new("", format!("{} is written by Wasim but not read", f.name)));
    }
    read_files(files, Some(f))
}

fn read_files(files: &[(String, Vec<u8>)], told: Option<&Format>) -> Result<Vec<Named>, ImportError> {
    // Unpack archives first.
    let mut flat: Vec<(String, Vec<u8>)> = Vec::new();
    for (name, bytes) in files {
        if zip::is_zip(bytes) {
            flat.extend(zip::read(bytes, name)?.into_iter().filter(|(n, _)| !n.starts_with("__MACOSX/")));
        } else {
            flat.push((name.clone(), bytes.clone()));
        }
    }
    let ann_stems: Vec<String> = flat.iter().filter_map(|(n, _)| n.strip_suffix(".ann").map(String::from)).collect();
    let mut out = Vec::new();
    for (name, bytes) in &flat {
        let lower = name.to_lowercase();
        let base = name.rsplit('/').next().unwrap_or(name);
        let stem = base.rsplit_once('.').map_or(base, |(s, _)| s).to_string();
        let ending = base.rsplit_once('.').map_or("", |(_, e)| e).to_lowercase();
        if lower.ends_with(".conf") || lower.ends_with(".ann") {
            continue;
        }
        if let Some(s) = name.strip_suffix(".txt").filter(|s| ann_stems.iter().any(|a| a == s)) {
            if told.is_none_or(|f| matches!(f.read, Reader::Pairs)) {
                let ann_name = format!("{s}.ann");
                let ann = flat.iter().find(|(n, _)| *n == ann_name).map(|(_, b)| b.as_slice()).unwrap_or_default();
                let doc = brat::read(&text_of(name, bytes)?, &text_of(&ann_name, ann)?, &ann_name)?;
                out.push(Named { name: stem, doc });
                continue;
            }
        }
        let text = text_of(name, bytes)?;
        let reader = match told {
            Some(f) => f.read,
            None if ending == "txt" => {
                out.push(Named { name: stem, doc: Document { text, ..Document::default() } });
                continue;
            }
            None => FORMATS.iter().find(|f| f.endings.contains(&ending.as_str())).map_or(Reader::None, |f| f.read),
        };
        let docs = match reader {
            Reader::Text(read) => read(&text).map_err(|e| e.within(name))?,
            Reader::Pairs => return Err(ImportError::new(name.as_str(), "a brat document needs its .txt beside it")),
            Reader::None => return Err(ImportError::new(name.as_str(), "unknown kind of file; Wasim reads .txt, .json, .jsonl, .conll/.iob, brat .txt + .ann, and .zip archives of these")),
        };
        let first = out.len();
        out.extend(docs.into_iter().enumerate().map(|(i, doc)| Named { name: numbered(&stem, i), doc }));
        if out.len() == first {
            return Err(ImportError::new(name.as_str(), "holds no document"));
        }
    }
    Ok(out)
}

fn text_of(name: &str, bytes: &[u8]) -> Result<String, ImportError> {
    let s = std::str::from_utf8(bytes).map_err(|e| {
        ImportError::new(
            name,
            format!("not UTF-8 text (invalid byte at offset {}); save it as UTF-8 first", e.valid_up_to()),
        )
    })?;
    Ok(s.trim_start_matches('\u{FEFF}').to_string())
}

/// The one check of every importer's offsets: `start..end` counted in `unit` must lie on
/// characters of `text`, and the text the file says is there (`written`), if it says, must be.
pub(crate) fn span_in(
    ix: &OffsetIndex,
    text: &str,
    (start, end): (usize, usize),
    unit: Unit,
    written: Option<&str>,
    place: &str,
) -> Result<Span, ImportError> {
    let len = ix.len(unit);
    let name = match unit {
        Unit::Byte => "bytes",
        Unit::CodePoint => "code points",
        Unit::Utf16 => "UTF-16 units",
    };
    let span = ix.span_from(start, end, unit).filter(|_| start <= end && end <= len).ok_or_else(|| {
        ImportError::new(place, format!("offsets {start}..{end} are outside the text (0..{len} {name})"))
    })?;
    match written {
        Some(w) if w != span.of(text) => Err(ImportError::new(
            place,
            format!("its text {w:?} does not match the document there ({:?})", span.of(text)),
        )),
        _ => Ok(span),
    }
}

fn numbered(stem: &str, i: usize) -> String {
    if i == 0 {
        stem.to_string()
    } else {
        format!("{stem}-{}", i + 1)
    }
}

/// A file name without characters that file systems or archives refuse.
pub fn safe_name(name: &str) -> String {
    let n: String = name
        .trim()
        .trim_end_matches(".txt")
        .chars()
        .map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .collect();
    if n.trim().is_empty() {
        "wasim".to_string()
    } else {
        n
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportError(pub String);

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why an import failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// Where: `line 3`, `entities[4]`, `claims[0].speaker`, `a.ann: line 7` …
    pub place: String,
    pub message: String,
}

impl ImportError {
    pub fn new(place: impl Into<String>, message: impl Into<String>) -> ImportError {
        ImportError { place: place.into(), message: message.into() }
    }
    /// The same error, placed inside `outer` (a file name, a line).
    pub fn within(self, outer: &str) -> ImportError {
        let place = if self.place.is_empty() { outer.to_string() } else { format!("{outer}: {}", self.place) };
        ImportError { place, message: self.message }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.place, self.message)
        }
    }
}

impl std::error::Error for ImportError {}
