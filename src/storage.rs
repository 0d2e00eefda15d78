//! The browser side of persistence: IndexedDB (chosen over localStorage because a few long
//! documents with their annotations quickly pass localStorage's ~5 MB, and IndexedDB writes do
//! not block the page), and a BroadcastChannel that tells other tabs of the same app when the
//! work was saved, so two tabs never overwrite each other silently.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

const DB: &str = "wasim";
const STORE: &str = "kv";
const KEY: &str = "workspace";
const CHANNEL: &str = "wasim";

fn message(e: JsValue) -> String {
    if let Some(d) = e.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", d.name(), d.message());
    }
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// Resolves when `req` succeeds (with its result) or rejects with its error.
async fn wait(req: &IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let r = req.clone();
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap_or(JsValue::UNDEFINED));
        });
        let r = req.clone();
        let err = Closure::once_into_js(move || {
            let e = r.error().ok().flatten().map(JsValue::from).unwrap_or_else(|| JsValue::from_str("request failed"));
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(err.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(message)
}

async fn open() -> Result<IdbDatabase, String> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or("IndexedDB is not available (private mode?)")?;
    let req = factory.open_with_u32(DB, 1).map_err(message)?;
    let upgrade = Closure::once_into_js({
        let req = req.clone();
        move || {
            if let Some(db) = req.result().ok().and_then(|r| r.dyn_into::<IdbDatabase>().ok()) {
                if !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db = wait(&req).await?;
    db.dyn_into::<IdbDatabase>().map_err(|_| "IndexedDB gave no database".to_string())
}

async fn get(key: &str) -> Result<Option<String>, String> {
    let db = open().await?;
    let tx = db.transaction_with_str(STORE).map_err(message)?;
    let req = tx.object_store(STORE).map_err(message)?.get(&JsValue::from_str(key)).map_err(message)?;
    Ok(wait(&req).await?.as_string())
}

async fn put(key: &str, value: &str) -> Result<(), String> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite).map_err(message)?;
    let req = tx
        .object_store(STORE)
        .map_err(message)?
        .put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))
        .map_err(message)?;
    wait(&req).await.map(|_| ())
}

/// The stored workspace, if any.
pub async fn load() -> Result<Option<String>, String> {
    get(KEY).await
}

/// Stores the workspace and tells other tabs.
pub async fn save(json: &str) -> Result<(), String> {
    put(KEY, json).await?;
    if let Ok(ch) = web_sys::BroadcastChannel::new(CHANNEL) {
        let _ = ch.post_message(&JsValue::from_str(&tab_id()));
        ch.close();
    }
    Ok(())
}

/// Keeps data that could not be read under a new key, so nothing is lost.
pub async fn set_aside(json: &str) -> Result<String, String> {
    let key = format!("set-aside-{}", js_sys::Date::now() as u64);
    put(&key, json).await.map(|_| key)
}

/// This tab's name on the channel.
pub fn tab_id() -> String {
    thread_local! {
        static ID: String = format!("{:x}", (js_sys::Math::random() * 1e15) as u64);
    }
    ID.with(Clone::clone)
}

/// The channel another tab's saves arrive on, with its handler; dropping it stops listening.
pub struct Watch {
    _channel: web_sys::BroadcastChannel,
    _handler: Closure<dyn Fn(web_sys::MessageEvent)>,
}

/// Calls `on_change` when another tab saved; keep the returned listener alive.
pub fn watch(on_change: impl Fn() + 'static) -> Option<Watch> {
    let ch = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
    let me = tab_id();
    let cb = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        if e.data().as_string().as_deref() != Some(me.as_str()) {
            on_change();
        }
    });
    ch.set_onmessage(Some(cb.as_ref().unchecked_ref()));
    Some(Watch { _channel: ch, _handler: cb })
}

/// A small preference kept in localStorage (the interface language). Not gloo-storage: its
/// `LocalStorage::raw()` throws (and so stops the app) where the browser refuses localStorage,
/// as some privacy settings do; here that only forgets the preference.
pub fn pref(key: &str) -> Option<String> {
    web_sys::window()?.local_storage().ok()??.get_item(key).ok()?
}

pub fn set_pref(key: &str, value: &str) {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(key, value);
    }
}
