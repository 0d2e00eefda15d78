//! Interchange formats. Each converts offsets once, at this boundary, and states its unit;
//! errors on import name the file, line or item and what is wrong, in words a person can act
//! on. [`FORMATS`] lists them all with what each cannot carry.

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

/// One interchange format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Format {
    pub id: &'static str,
    pub name: &'static str,
    /// What its offsets count.
    pub offsets: &'static str,
    /// What it cannot carry.
    pub loses: &'static str,
    pub import: bool,
}

pub const FORMATS: &[Format] = &[
    Format { id: "json", name: "Wasim JSON", offsets: "code points", loses: "nothing (the contract)", import: true },
    Format {
        id: "jsonl",
        name: "Wasim JSONL",
        offsets: "code points",
        loses: "nothing; one document per line",
        import: true,
    },
    Format {
        id: "conll",
        name: "CoNLL / IOB2 (whole words)",
        offsets: "none: one token per line",
        loses: "claims, sources, statuses, exact spacing; an entity inside a word (بالقاهرة) takes the whole word",
        import: true,
    },
    Format {
        id: "conll-clitics",
        name: "CoNLL / IOB2 (clitics split)",
        offsets: "none: one token per line",
        loses: "claims, sources, statuses, exact spacing; clitics stand as their own tokens",
        import: true,
    },
    Format {
        id: "brat",
        name: "brat standoff (.txt + .ann)",
        offsets: "code points",
        loses: "sources, confidences, statuses",
        import: true,
    },
    Format {
        id: "w3c",
        name: "W3C Web Annotation (JSON-LD)",
        offsets: "code points (TextPositionSelector)",
        loses: "nothing it can be told; read-only here",
        import: false,
    },
    Format { id: "csv-entities", name: "CSV of entities", offsets: "code points", loses: "claims", import: false },
    Format { id: "csv-claims", name: "CSV of claims", offsets: "code points", loses: "entities", import: false },
    Format {
        id: "label-studio",
        name: "Label Studio JSON",
        offsets: "UTF-16 code units (as Label Studio's browser counts)",
        loses: "sources, statuses",
        import: true,
    },
    Format {
        id: "doccano",
        name: "doccano JSONL",
        offsets: "code points",
        loses: "sources, statuses, confidences",
        import: true,
    },
];

pub fn format(id: &str) -> Option<&'static Format> {
    FORMATS.iter().find(|f| f.id == id)
}

/// Writes `docs` in format `id`: one file, or a ZIP archive where the format needs several
/// files (brat, or several documents of a one-document format).
pub fn export(id: &str, docs: &[Named]) -> Result<OutFile, ExportError> {
    let stem = if docs.len() == 1 { safe_name(&docs[0].name) } else { "wasim-documents".to_string() };
    let single = |ext: &str, mime: &'static str, body: String| OutFile {
        name: format!("{stem}.{ext}"),
        mime,
        bytes: body.into_bytes(),
    };
    Ok(match id {
        "json" if docs.len() == 1 => single("json", "application/json", json::to_string(&docs[0].doc)),
        "json" | "jsonl" => {
            single("jsonl", "application/x-ndjson", docs.iter().map(|d| json::to_line(&d.doc) + "\n").collect())
        }
        "conll" => single("conll", "text/plain", conll::write(docs, false)),
        // Its own extension, so that the two CoNLL files of one document do not overwrite each
        // other; it still ends in .conll, so it imports as CoNLL.
        "conll-clitics" => single("clitics.conll", "text/plain", conll::write(docs, true)),
        "brat" => {
            let mut files = vec![("annotation.conf".to_string(), brat::CONF.as_bytes().to_vec())];
            for d in docs {
                let n = safe_name(&d.name);
                files.push((format!("{n}.txt"), d.doc.text.clone().into_bytes()));
                files.push((format!("{n}.ann"), brat::write(&d.doc).into_bytes()));
            }
            OutFile { name: format!("{stem}.brat.zip"), mime: "application/zip", bytes: zip::write(&files) }
        }
        "w3c" => single("jsonld", "application/ld+json", w3c::write(docs)),
        "csv-entities" => single("entities.csv", "text/csv", csv::entities(docs)),
        "csv-claims" => single("claims.csv", "text/csv", csv::claims(docs)),
        "label-studio" => single("label-studio.json", "application/json", label_studio::write(docs)),
        "doccano" => single(
            "doccano.jsonl",
            "application/x-ndjson",
            docs.iter().map(|d| doccano::write_line(&d.doc) + "\n").collect(),
        ),
        other => {
            return Err(ExportError(format!(
                "unknown format {other:?}; known: {}",
                FORMATS.iter().map(|f| f.id).collect::<Vec<_>>().join(", ")
            )))
        }
    })
}

/// Reads files (name, bytes) of any importable format into documents. The format is told by
/// the file name and, for JSON, by its shape; brat's `.txt` and `.ann` pair up by name, in a
/// ZIP archive or given side by side. Fails as a whole on the first bad file.
pub fn import(files: &[(String, Vec<u8>)]) -> Result<Vec<Named>, ImportError> {
    // Unpack archives first.
    let mut flat: Vec<(String, Vec<u8>)> = Vec::new();
    for (name, bytes) in files {
        if zip::is_zip(bytes) {
            flat.extend(zip::read(bytes, name)?.into_iter().filter(|(n, _)| !n.starts_with("__MACOSX/")));
        } else {
            flat.push((name.clone(), bytes.clone()));
        }
    }
    let text_of = |name: &str, bytes: &[u8]| -> Result<String, ImportError> {
        let s = std::str::from_utf8(bytes).map_err(|e| {
            ImportError::new(
                name,
                format!("not UTF-8 text (invalid byte at offset {}); save it as UTF-8 first", e.valid_up_to()),
            )
        })?;
        Ok(s.trim_start_matches('\u{FEFF}').to_string())
    };
    let ann_stems: Vec<String> = flat.iter().filter_map(|(n, _)| n.strip_suffix(".ann").map(String::from)).collect();
    let mut out = Vec::new();
    for (name, bytes) in &flat {
        let lower = name.to_lowercase();
        let base = name.rsplit('/').next().unwrap_or(name);
        let stem = base.rsplit_once('.').map_or(base, |(s, _)| s).to_string();
        if lower.ends_with("annotation.conf") || lower.ends_with(".conf") || lower.ends_with(".ann") {
            continue;
        }
        if let Some(s) = name.strip_suffix(".txt").filter(|s| ann_stems.iter().any(|a| a == s)) {
            let ann_name = format!("{s}.ann");
            let ann = flat.iter().find(|(n, _)| *n == ann_name).map(|(_, b)| b.as_slice()).unwrap_or_default();
            let doc = brat::read(&text_of(name, bytes)?, &text_of(&ann_name, ann)?, &ann_name)?;
            out.push(Named { name: stem, doc });
            continue;
        }
        let text = text_of(name, bytes)?;
        if lower.ends_with(".txt") {
            out.push(Named { name: stem, doc: Document { text, ..Document::default() } });
        } else if lower.ends_with(".conll")
            || lower.ends_with(".iob")
            || lower.ends_with(".bio")
            || lower.ends_with(".iob2")
            || lower.ends_with(".tsv")
        {
            out.extend(
                conll::read(&text, name)?
                    .into_iter()
                    .enumerate()
                    .map(|(i, doc)| Named { name: numbered(&stem, i), doc }),
            );
        } else if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
            for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                let place = format!("{name}: line {}", i + 1);
                let v: serde_json::Value =
                    serde_json::from_str(line).map_err(|e| ImportError::new(&place, format!("not valid JSON: {e}")))?;
                let doc = if doccano::looks_like(&v) { doccano::from_value(&v) } else { json::from_value(&v, None) }
                    .map_err(|e| e.within(&place))?;
                out.push(Named { name: numbered(&stem, out.len()), doc });
            }
        } else if lower.ends_with(".json") {
            let v: serde_json::Value = serde_json::from_str(&text)
                .map_err(|e| ImportError::new(format!("{name}: line {}", e.line()), format!("not valid JSON: {e}")))?;
            if label_studio::looks_like(&v) {
                out.extend(
                    label_studio::from_value(&v)
                        .map_err(|e| e.within(name))?
                        .into_iter()
                        .enumerate()
                        .map(|(i, doc)| Named { name: numbered(&stem, i), doc }),
                );
            } else if doccano::looks_like(&v) {
                out.push(Named { name: stem, doc: doccano::from_value(&v).map_err(|e| e.within(name))? });
            } else {
                out.push(Named { name: stem, doc: json::from_value(&v, None).map_err(|e| e.within(name))? });
            }
        } else {
            return Err(ImportError::new(name.as_str(), "unknown kind of file; Wasim reads .txt, .json, .jsonl, .conll/.iob, brat .txt + .ann, and .zip archives of these"));
        }
    }
    Ok(out)
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
