//! Files in and out: opening text and annotation files as documents, a second annotation to
//! compare with, and downloads of exports. Reading goes through gloo-file; nothing leaves the
//! browser.

use crate::download;
use crate::hooks::MAX_TEXT_BYTES;
use crate::state::{Action, Entry, Notice, State};
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
