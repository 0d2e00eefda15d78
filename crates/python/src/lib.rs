//! `wasim._wasim`, the native half of the `wasim` Python package: Wasim's engine behind a few
//! functions that take and give text and bytes. The Python half (`python/wasim/__init__.py`)
//! turns documents into dicts and back with Python's own `json`, so a document crosses this
//! boundary as the very Wasim JSON line the CLI writes (`export::json::to_line`).
//!
//! Every analysis runs with the interpreter released (`Python::detach`): other Python threads go
//! on meanwhile, and [`annotate_many_json`] spreads its texts over threads of its own.
//! Errors are the CLI's messages in the exceptions of [`errors`].

mod errors;
mod model;

use errors::{FormatError, ParseError, WasimError};
use model::Model;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};
use std::sync::atomic::{AtomicUsize, Ordering};
use wasim_engine::export::{self, json as wjson, Named, FORMATS};
use wasim_engine::{Annotator, Label};

/// Wasim's engine: Arabic news annotation (entities and claims), offline.
#[pymodule]
mod _wasim {
    use pyo3::prelude::*;

    #[pymodule_export]
    use super::errors::ModelError;
    #[pymodule_export]
    use super::model::_model_from_parts;
    #[pymodule_export]
    use super::{
        annotate_json, annotate_many_json, convert_files, export_docs, formats, score_json, FormatError, Model,
        ParseError, WasimError,
    };

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}

/// Annotates `text` and returns its Wasim JSON (`wasim/1`) on one line.
#[pyfunction]
#[pyo3(signature = (text, model = None))]
fn annotate_json(py: Python<'_>, text: String, model: Option<PyRef<'_, Model>>) -> String {
    let own = model.map(|m| m.annotator());
    let a = own.as_deref().unwrap_or(Annotator::builtin());
    py.detach(|| wjson::to_line(&a.annotate(&text)))
}

/// Annotates every text, `jobs` at a time (all cores when None), and returns their Wasim JSON
/// lines in the order of `texts`.
#[pyfunction]
#[pyo3(signature = (texts, jobs = None, model = None))]
fn annotate_many_json(
    py: Python<'_>,
    texts: Vec<String>,
    jobs: Option<usize>,
    model: Option<PyRef<'_, Model>>,
) -> PyResult<Vec<String>> {
    let jobs = match jobs {
        Some(0) => return Err(pyo3::exceptions::PyValueError::new_err("jobs must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let own = model.map(|m| m.annotator());
    let a = own.as_deref().unwrap_or(Annotator::builtin());
    Ok(py.detach(|| annotate_parallel(a, &texts, jobs)))
}

/// Each of `jobs` threads takes the next text not yet taken, so that long and short texts even
/// out; the results go back to their places.
pub fn annotate_parallel(a: &Annotator, texts: &[String], jobs: usize) -> Vec<String> {
    let jobs = jobs.clamp(1, texts.len().max(1));
    if jobs == 1 {
        return texts.iter().map(|t| wjson::to_line(&a.annotate(t))).collect();
    }
    let next = AtomicUsize::new(0);
    let mut out = vec![String::new(); texts.len()];
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(t) = texts.get(i) else { break };
                        done.push((i, wjson::to_line(&a.annotate(t))));
                    }
                    done
                })
            })
            .collect();
        for w in workers {
            // The analysis is total; a panic would be a bug, carried on to PyO3, which raises it.
            let done = w.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            for (i, line) in done {
                out[i] = line;
            }
        }
    });
    out
}

/// Reads Wasim JSON text into a document; `what` names it in the message (`documents[2]`).
fn read_doc(json: &str, text: Option<&str>, what: &str) -> PyResult<wasim_engine::Document> {
    wjson::from_str(json, text).map_err(|e| ParseError::new_err(format!("{what}: {e}")))
}

/// Writes documents (Wasim JSON texts, with their names) in format `format`: the file's name,
/// its media type and its bytes.
#[pyfunction]
fn export_docs(
    py: Python<'_>,
    docs: Vec<String>,
    names: Vec<String>,
    format: &str,
) -> PyResult<(String, &'static str, Py<PyBytes>)> {
    let named = docs
        .iter()
        .zip(names)
        .enumerate()
        .map(|(i, (d, name))| {
            let what = if docs.len() == 1 { "document".to_string() } else { format!("documents[{i}]") };
            Ok(Named { name, doc: read_doc(d, None, &what)? })
        })
        .collect::<PyResult<Vec<_>>>()?;
    let file = export::export(format, &named).map_err(|e| FormatError::new_err(e.0))?;
    Ok((file.name, file.mime, PyBytes::new(py, &file.bytes).unbind()))
}

/// Reads files (name, bytes) as `from_format` (told by their names when None) and writes them as
/// `to_format`: the file's name, its media type and its bytes.
#[pyfunction]
#[pyo3(signature = (files, from_format, to_format))]
fn convert_files(
    py: Python<'_>,
    files: Vec<(String, Vec<u8>)>,
    from_format: Option<&str>,
    to_format: &str,
) -> PyResult<(String, &'static str, Py<PyBytes>)> {
    let known = || export::format_ids();
    let to = export::format(to_format)
        .ok_or_else(|| FormatError::new_err(format!("unknown format {to_format:?}; known: {}", known())))?;
    let docs = match from_format {
        None => py.detach(|| export::import(&files)),
        Some(id) => {
            let readable = || FORMATS.iter().filter(|f| f.imports()).map(|f| f.id).collect::<Vec<_>>().join(", ");
            let from = match export::format(id) {
                Some(f) if f.imports() => f,
                Some(_) => {
                    return Err(FormatError::new_err(format!(
                        "Wasim writes {id} but does not read it; readable: {}",
                        readable()
                    )))
                }
                None => return Err(FormatError::new_err(format!("unknown format {id:?}; readable: {}", readable()))),
            };
            py.detach(|| export::import_as(from, &files))
        }
    }
    .map_err(|e| ParseError::new_err(e.to_string()))?;
    let file = export::export(to.id, &docs).map_err(|e| FormatError::new_err(e.0))?;
    Ok((file.name, file.mime, PyBytes::new(py, &file.bytes).unbind()))
}

/// The formats Wasim writes (and which of them it reads), as the CLI's `wasim help` lists them.
#[pyfunction]
fn formats(py: Python<'_>) -> PyResult<Vec<Bound<'_, PyDict>>> {
    FORMATS
        .iter()
        .map(|f| {
            let d = PyDict::new(py);
            d.set_item("id", f.id)?;
            d.set_item("name", f.name)?;
            d.set_item("offsets", f.offsets)?;
            d.set_item("loses", f.loses)?;
            d.set_item("extension", f.extension)?;
            d.set_item("mime", f.mime)?;
            d.set_item("imports", f.imports())?;
            Ok(d)
        })
        .collect()
}

/// Scores `pred` against `gold` (Wasim JSON texts) as `wasim eval GOLD PRED --json` does: the
/// labels are `labels`, else gold's `"labels"` list, else those gold has. Returns the score as
/// JSON text.
#[pyfunction]
#[pyo3(signature = (gold, pred, labels = None))]
fn score_json(gold: &str, pred: &str, labels: Option<Vec<String>>) -> PyResult<String> {
    let gold_v: serde_json::Value =
        serde_json::from_str(gold).map_err(|e| ParseError::new_err(format!("gold: not valid JSON: {e}")))?;
    let gold_doc = wjson::from_value(&gold_v, None).map_err(|e| ParseError::new_err(format!("gold: {e}")))?;
    let pred_doc = read_doc(pred, Some(&gold_doc.text), "pred")?;
    if pred_doc.text != gold_doc.text {
        return Err(WasimError::new_err("pred: its text differs from the gold text; both must annotate the same text"));
    }
    let labels: Vec<Label> = match (labels, gold_v.get("labels").and_then(serde_json::Value::as_array)) {
        // Asked for by name: a name Wasim does not know is a mistake to say.
        (Some(ls), _) => ls
            .iter()
            .map(|l| {
                Label::parse(l).ok_or_else(|| {
                    pyo3::exceptions::PyValueError::new_err(format!(
                        "unknown label {l:?}; Wasim knows {}",
                        Label::ALL.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(", ")
                    ))
                })
            })
            .collect::<PyResult<_>>()?,
        // Gold's own list, read as the CLI reads it.
        (None, Some(ls)) => ls.iter().filter_map(|l| l.as_str().and_then(Label::parse)).collect(),
        (None, None) => {
            let mut ls: Vec<Label> = gold_doc.entities.iter().map(|e| e.label).collect();
            ls.sort();
            ls.dedup();
            ls
        }
    };
    let score = wasim_engine::eval::score(&gold_doc, &pred_doc, &labels);
    serde_json::to_string(&score).map_err(|e| WasimError::new_err(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts of very different lengths, so that threads finish out of order.
    fn texts() -> Vec<String> {
        (0..23)
            .map(|i| "قال وزير الخارجية سامح شكري في القاهرة إن المحادثات مستمرة. ".repeat(1 + (i * 7) % 11))
            .collect()
    }

    #[test]
    fn annotate_parallel_keeps_the_order_of_the_texts() {
        let a = Annotator::builtin();
        let one = annotate_parallel(a, &texts(), 1);
        assert_eq!(one.len(), 23);
        for jobs in [2, 4, 64] {
            assert_eq!(annotate_parallel(a, &texts(), jobs), one, "jobs = {jobs}");
        }
        assert_eq!(one[5], wjson::to_line(&wasim_engine::annotate(&texts()[5])));
        assert!(annotate_parallel(a, &[], 4).is_empty());
    }
}
