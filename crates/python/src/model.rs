//! `wasim.Model`: the annotator a text is tagged with. The built-in one, a model file (`wasim
//! train`), or the built-in model with what a person taught it (the app's `.wasim-taught`
//! export), read as `wasim annotate --model` reads them (`crates/cli/src/main.rs`,
//! `load_annotator`). It also learns from corrected documents, as the app does.

use crate::errors::{ModelError, ParseError};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple};
use std::path::PathBuf;
use std::sync::Arc;
use wasim_engine::offsets::{OffsetIndex, Unit};
use wasim_engine::tagger::Model as Weights;
use wasim_engine::Annotator;

/// An annotator: the built-in model (``Model()``), a model file or what a person taught the
/// built-in model (``Model(path)`` or ``Model(data)``, telling them apart by their first bytes
/// as ``wasim annotate --model`` does). Load one once and pass it as ``model=`` to every call.
/// It pickles (to Dask or multiprocessing workers) as the bytes it was read from plus what it
/// was taught since.
#[pyclass(module = "wasim")]
pub struct Model {
    annotator: Arc<Annotator>,
    /// The whole model file it was read from (`WASIMTAG`), None when it is the built-in model.
    file: Option<Vec<u8>>,
    /// Where it came from, for `repr`.
    origin: String,
}

impl Model {
    /// The annotator, shared: analyses run on it with the interpreter released.
    pub fn annotator(&self) -> Arc<Annotator> {
        self.annotator.clone()
    }

    fn from_bytes(bytes: &[u8], origin: String, name: Option<&str>) -> PyResult<Model> {
        let failed = |e: wasim_engine::tagger::ModelError| match name {
            Some(n) => ModelError::new_err(format!("{n}: {e}")),
            None => ModelError::new_err(e.to_string()),
        };
        if bytes.starts_with(b"WASIMTAU") {
            let mut a = Annotator::builtin().clone();
            let m = a
                .model_mut()
                .ok_or_else(|| ModelError::new_err("this build has no model to apply what was taught to"))?;
            m.load_taught(bytes).map_err(failed)?;
            Ok(Model { annotator: Arc::new(a), file: None, origin })
        } else {
            let weights = Weights::from_bytes(bytes).map_err(failed)?;
            Ok(Model { annotator: Arc::new(Annotator::new(Some(weights))), file: Some(bytes.to_vec()), origin })
        }
    }

    fn weights(&self) -> PyResult<&Weights> {
        self.annotator.model().ok_or_else(|| ModelError::new_err("this annotator has no model (rules alone)"))
    }
}

#[pymethods]
impl Model {
    #[new]
    #[pyo3(signature = (source = None))]
    fn new(source: Option<&Bound<'_, PyAny>>) -> PyResult<Model> {
        let Some(source) = source else {
            return Ok(Model {
                annotator: Arc::new(Annotator::builtin().clone()),
                file: None,
                origin: "built-in".into(),
            });
        };
        if let Ok(b) = source.cast::<PyBytes>() {
            return Model::from_bytes(b.as_bytes(), format!("{} bytes", b.as_bytes().len()), None);
        }
        let path: PathBuf = source.extract().map_err(|_| {
            PyTypeError::new_err("a model is a path (str or os.PathLike), bytes, or None for the built-in one")
        })?;
        let shown = path.display().to_string();
        let bytes = std::fs::read(&path).map_err(|e| ModelError::new_err(format!("cannot read {shown}: {e}")))?;
        Model::from_bytes(&bytes, shown.clone(), Some(&shown))
    }

    /// Learns from a person's correction, as the app does: ``doc`` (a ``wasim/1`` dict or its
    /// JSON text) is the
    /// document as corrected, and the sentence holding code point ``at`` is read as right (its
    /// people, organizations and places as ``doc`` has them). Returns whether the model changed.
    fn learn(&mut self, py: Python<'_>, doc: &Bound<'_, PyAny>, at: usize) -> PyResult<bool> {
        self.weights()?;
        let json: String = match doc.extract::<String>() {
            Ok(s) => s,
            Err(_) => {
                let kw = pyo3::types::PyDict::new(py);
                kw.set_item("ensure_ascii", false)?;
                py.import("json")?.call_method("dumps", (doc,), Some(&kw))?.extract()?
            }
        };
        let doc = wasim_engine::export::json::from_str(&json, None)
            .map_err(|e| ParseError::new_err(format!("document: {e}")))?;
        let ix = OffsetIndex::new(&doc.text);
        let byte = ix.convert(at, Unit::CodePoint, Unit::Byte).ok_or_else(|| {
            PyValueError::new_err(format!("at={at} is outside the text ({} code points)", ix.len(Unit::CodePoint)))
        })?;
        let annotator = Arc::make_mut(&mut self.annotator);
        Ok(py.detach(|| annotator.learn(&doc, byte)))
    }

    /// What was taught (by ``learn``, or read from a taught file) as the bytes of a
    /// ``.wasim-taught`` file: the app opens it, and ``Model(data)`` reads it back.
    fn taught_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        Ok(PyBytes::new(py, &self.weights()?.taught_bytes()))
    }

    /// How many corrections taught it (0 for a model as shipped or trained).
    #[getter]
    fn corrections(&self) -> u32 {
        self.annotator.model().map_or(0, |m| m.taught.corrections)
    }

    fn __repr__(&self) -> String {
        let n = self.corrections();
        format!("wasim.Model({}, {n} correction{} taught)", self.origin, if n == 1 { "" } else { "s" })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let me = slf.borrow();
        let taught = match me.annotator.model() {
            Some(m) if !m.taught.is_empty() => Some(PyBytes::new(py, &m.taught_bytes())),
            _ => None,
        };
        let file = me.file.as_deref().map(|f| PyBytes::new(py, f));
        let make = py.import("wasim._wasim")?.getattr("_model_from_parts")?;
        Ok((make, PyTuple::new(py, [file.into_pyobject(py)?.into_any(), taught.into_pyobject(py)?.into_any()])?))
    }
}

/// Rebuilds a pickled [`Model`]: its model file (None for the built-in model) and what it was
/// taught (None for nothing).
#[pyfunction]
pub fn _model_from_parts(file: Option<&[u8]>, taught: Option<&[u8]>) -> PyResult<Model> {
    let mut m = match file {
        Some(f) => Model::from_bytes(f, "unpickled model file".into(), None)?,
        None => Model { annotator: Arc::new(Annotator::builtin().clone()), file: None, origin: "built-in".into() },
    };
    if let Some(t) = taught {
        Arc::make_mut(&mut m.annotator)
            .model_mut()
            .ok_or_else(|| ModelError::new_err("this build has no model to apply what was taught to"))?
            .load_taught(t)
            .map_err(|e| ModelError::new_err(e.to_string()))?;
    }
    Ok(m)
}
