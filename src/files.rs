//! Files in and out: opening text and annotation files as documents, a second annotation to
//! compare with, downloads of exports, and what the model learned as a `.wasim-taught` file
//! (exported, or imported after the worker checked it). Reading goes through gloo-file; nothing
//! leaves the browser.

use crate::analyzer::Analyzer;
use crate::download;
use crate::hooks::MAX_TEXT_BYTES;
use crate::state::{Action, Entry, Notice, State};
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::UseReducerDispatcher;

fn file_vec(files: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// The bytes of the chosen files, or a message naming the first that could not be read.
async fn read_files(files: Vec<web_sys::File>) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = Vec::new();
    for f in files {
        let name = f.name();
        if f.size() as usize > MAX_TEXT_BYTES * 2 {
            return Err(format!("{name}: {} MB is more than Wasim opens", f.size() as usize / 1_000_000));
        }
        let bytes =
            gloo::file::futures::read_as_bytes(&gloo::file::File::from(f)).await.map_err(|e| format!("{name}: {e}"))?;
        out.push((name, bytes));
    }
    Ok(out)
}

/// Reads and imports the chosen files (all or nothing).
async fn import(files: Vec<web_sys::File>) -> Result<Vec<wasim_engine::export::Named>, String> {
    read_files(files).await.and_then(|f| wasim_engine::export::import(&f).map_err(|e| e.to_string()))
}

/// Opens files as documents: plain text to analyze, or annotations in any importable format.
/// A file that cannot be read stops the whole import with a message naming it; nothing
/// already open changes.
pub fn open(files: web_sys::FileList, dispatch: UseReducerDispatcher<State>) {
    // Taken now: the input is cleared right after this call, and its list with it.
    let files = file_vec(&files);
    spawn_local(async move {
        match import(files).await {
            Ok(docs) => dispatch.dispatch(Action::AddDocs(docs.into_iter().map(|n| (n.name, n.doc)).collect())),
            Err(e) => dispatch.dispatch(Action::Notice(Some(Notice::ImportFailed(e)))),
        }
    });
}

/// Loads a second annotation of the current text for comparison; the reducer checks that it
/// annotates the same text.
pub fn compare(files: web_sys::FileList, dispatch: UseReducerDispatcher<State>) {
    let files = file_vec(&files);
    spawn_local(async move {
        match import(files).await.map(|docs| docs.into_iter().next()) {
            Ok(Some(n)) => dispatch.dispatch(Action::Compare(Some((n.name, n.doc)))),
            Ok(None) => {}
            Err(e) => {
                dispatch.dispatch(Action::Compare(None));
                dispatch.dispatch(Action::Notice(Some(Notice::ImportFailed(e))));
            }
        }
    });
}

/// Downloads the current document, or all, in `format`, named after the documents.
pub fn export(s: &State, format: &str, all: bool) -> Result<(), String> {
    let entries: Vec<&Entry> = if all { s.docs.iter().collect() } else { vec![s.entry()] };
    let docs: Vec<wasim_engine::export::Named> =
        entries.iter().map(|e| wasim_engine::export::Named { name: e.display_name(), doc: (*e.doc).clone() }).collect();
    let file = wasim_engine::export::export(format, &docs).map_err(|e| e.0)?;
    download::save(&file.name, file.mime, &file.bytes)
}

/// A taught file is a few kilobytes to a few hundred; anything far larger is not one.
const MAX_TAUGHT_BYTES: usize = 64 << 20;

/// Reads a `.wasim-taught` file and has the worker check it: it answers with `Action::Import`
/// (the taught state changes, undoably) or `Action::Refused` (nothing changes).
pub fn import_taught(files: web_sys::FileList, analyzer: Rc<Analyzer>, dispatch: UseReducerDispatcher<State>) {
    let files = file_vec(&files);
    spawn_local(async move {
        let Some(f) = files.into_iter().next() else { return };
        let name = f.name();
        if f.size() as usize > MAX_TAUGHT_BYTES {
            let reason = crate::protocol::Refusal::NotAModel;
            return dispatch.dispatch(Action::Refused { gen: None, reason });
        }
        match gloo::file::futures::read_as_bytes(&gloo::file::File::from(f)).await {
            Ok(bytes) => analyzer.check(bytes),
            Err(e) => dispatch.dispatch(Action::Notice(Some(Notice::ImportFailed(format!("{name}: {e}"))))),
        }
    });
}

/// Downloads what the model learned (or a taught file set aside), named with the date of its
/// first correction.
pub fn export_taught(file: &crate::protocol::TaughtFile) -> Result<(), String> {
    let name = format!("wasim-{}.wasim-taught", file.since.as_deref().unwrap_or("taught"));
    download::save(&name, "application/octet-stream", &file.bytes)
}
