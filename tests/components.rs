//! Component tests in headless Chromium (wasm-bindgen-test). Run by scripts/test with
//! `cargo test --target wasm32-unknown-unknown -p wasim-app`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;
use wasim_app::components::reader::{Reader, ReaderProps};
use wasim_app::components::DocRef;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn root() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

async fn settle(ms: u64) {
    yew::platform::time::sleep(Duration::from_millis(ms)).await;
}

#[wasm_bindgen_test]
async fn reader_marks_entities_and_claims_without_splitting_letters() {
    // "The Jordanian ministry said that prices rose in Amman."
    let text = "قالت الوزارة الأردنية إن الأسعار ارتفعت في عمّان.";
    let doc = wasim_engine::annotate(text);
    let div = root();
    yew::Renderer::<Reader>::with_root_and_props(
        div.clone(),
        yew::props!(ReaderProps { doc: DocRef(Rc::new(doc.clone())) }),
    )
    .render();
    settle(10).await;
    let marks = div.query_selector_all("mark[data-label]").unwrap();
    assert_eq!(marks.length() as usize, doc.entities.len());
    let first: web_sys::Element = marks.item(0).unwrap().dyn_into().unwrap();
    assert!(first.get_attribute("data-label").is_some());
    assert!(div.query_selector("[data-claim]").unwrap().is_some(), "claim content is marked");
    // The marks hold whole words: no element holds a single letter of a longer word.
    for i in 0..marks.length() {
        let m = marks.item(i).unwrap();
        assert!(m.text_content().unwrap().chars().count() > 1);
    }
    assert_eq!(div.text_content().unwrap(), text);
    // Every paragraph says where it starts in UTF-16, which turns a DOM selection into offsets;
    // every entity is named by the byte where it starts.
    let paras = div.query_selector_all("p[data-s]").unwrap();
    assert_eq!(paras.length(), 1);
    for e in &doc.entities {
        assert!(div.query_selector(&format!("mark[data-e=\"{}\"]", e.span.start)).unwrap().is_some());
    }
}

#[wasm_bindgen_test]
async fn paragraphs_start_at_their_utf16_offsets() {
    // An emoji (two UTF-16 units) in the first line moves the second line's start.
    let text = "قال 😀 الوزير\nزار بيروت";
    let doc = wasim_engine::annotate(text);
    let div = root();
    yew::Renderer::<Reader>::with_root_and_props(div.clone(), yew::props!(ReaderProps { doc: DocRef(Rc::new(doc)) }))
        .render();
    settle(10).await;
    let paras = div.query_selector_all("p[data-s]").unwrap();
    let starts: Vec<String> = (0..paras.length())
        .map(|i| paras.item(i).unwrap().dyn_into::<web_sys::Element>().unwrap().get_attribute("data-s").unwrap())
        .collect();
    assert_eq!(starts, ["0", &text[..text.find('\n').unwrap() + 1].encode_utf16().count().to_string()]);
}

/// The reader drawing `text` in `div`, task by task until it is no longer busy: how many
/// highlights, and whether it was busy, after each; the whole text is there at every step.
async fn drawing(div: &web_sys::Element, text: &str) -> Vec<(usize, bool)> {
    let mut seen = Vec::new();
    for _ in 0..500 {
        settle(0).await;
        let marks = div.query_selector_all("mark[data-label]").unwrap().length() as usize;
        // (A paragraph's line break is its element's end.)
        assert!(div.text_content().unwrap() == text.replace('\n', ""), "the whole text is there at every step");
        let reader = div.query_selector(".reader").unwrap().expect("the reader is drawn");
        let busy = reader.get_attribute("aria-busy").is_some();
        seen.push((marks, busy));
        if !busy {
            break;
        }
    }
    seen
}

#[wasm_bindgen_test]
async fn a_long_document_shows_its_first_highlights_first_and_then_all() {
    // 400 lines, each with a place: "The delegation arrived in Beirut yesterday."
    let text = vec!["وصل الوفد إلى بيروت أمس."; 400].join("\n");
    let doc = wasim_engine::annotate(&text);
    let div = root();
    let mut handle = yew::Renderer::<Reader>::with_root_and_props(
        div.clone(),
        yew::props!(ReaderProps { doc: DocRef(Rc::new(doc.clone())) }),
    )
    .render();
    let seen = drawing(&div, &text).await;
    let (first, last) = (seen[0], seen[seen.len() - 1]);
    assert!(first.1 && first.0 > 0 && first.0 < doc.entities.len(), "first the first paragraphs' highlights: {seen:?}");
    assert_eq!(last, (doc.entities.len(), false), "then all of them: {seen:?}");
    assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0), "never fewer: {seen:?}");

    // The same text re-tagged, every paragraph changed (the dates gone): the paragraphs past the
    // first stay as they were drawn until their slice comes, never plain.
    let mut retagged = doc.clone();
    retagged.entities.retain(|e| e.label != wasim_engine::Label::DATE);
    handle.update(yew::props!(ReaderProps { doc: DocRef(Rc::new(retagged.clone())) }));
    let seen = drawing(&div, &text).await;
    let (first, last) = (seen[0], seen[seen.len() - 1]);
    assert!(
        first.1 && first.0 > retagged.entities.len(),
        "first the old highlights past the first paragraphs: {seen:?}"
    );
    assert_eq!(last, (retagged.entities.len(), false), "then the new ones: {seen:?}");
}

#[wasm_bindgen_test]
async fn a_focused_highlight_past_the_first_slice_is_drawn_at_once() {
    let text = vec!["وصل الوفد إلى بيروت أمس."; 400].join("\n");
    let doc = wasim_engine::annotate(&text);
    let last = doc.entities.len() - 1;
    let div = root();
    yew::Renderer::<Reader>::with_root_and_props(
        div.clone(),
        yew::props!(ReaderProps {
            doc: DocRef(Rc::new(doc.clone())),
            focus: Some(wasim_app::state::Focus::Entity(last)),
        }),
    )
    .render();
    settle(0).await;
    let reader = div.query_selector(".reader").unwrap().expect("the reader is drawn");
    assert!(reader.get_attribute("aria-busy").is_some(), "the last paragraphs are still to come");
    let focused = div.query_selector("mark.focused").unwrap().expect("the focused highlight is drawn");
    assert_eq!(focused.get_attribute("data-e"), Some(doc.entities[last].span.start.to_string()));
}

#[wasm_bindgen_test]
async fn selection_bar_offers_every_label_with_its_key() {
    use wasim_app::components::selection_bar::{SelectionBar, SelectionBarProps};
    use wasim_app::state::Focus;
    let text = "وصل بالقاهرة أمس.";
    let doc = wasim_engine::annotate(text);
    let at = text.find("لقاه").unwrap();
    let snap = wasim_engine::edit::snap(text, wasim_engine::Span::new(at, at + 2)).unwrap();
    let div = root();
    let props = yew::props!(SelectionBarProps {
        doc: DocRef(Rc::new(doc)),
        focus: Some(Focus::Selection(snap)),
        lang: wasim_app::i18n::Lang::Ar,
        onop: yew::Callback::noop(),
        onfocus: yew::Callback::noop(),
    });
    yew::Renderer::<SelectionBar>::with_root_and_props(div.clone(), props).render();
    settle(10).await;
    assert_eq!(div.query_selector(".picked").unwrap().unwrap().text_content().unwrap(), "القاهرة");
    assert_eq!(
        div.query_selector(".clitic .detached").unwrap().unwrap().text_content().unwrap(),
        "ب",
        "the clitic is offered back"
    );
    assert_eq!(div.query_selector_all(".label-btn").unwrap().length() as usize, wasim_engine::Label::ALL.len());
}

#[wasm_bindgen_test]
async fn typing_in_the_app_tags_the_text() {
    let div = root();
    yew::Renderer::<wasim_app::app::App>::with_root(div.clone()).render();
    settle(10).await;
    let ta: web_sys::HtmlTextAreaElement = div.query_selector("textarea").unwrap().unwrap().dyn_into().unwrap();
    ta.set_value("وصل الوفد إلى بيروت أمس.");
    let ev = web_sys::InputEvent::new("input").unwrap();
    ta.dispatch_event(&ev).unwrap();
    settle(600).await;
    let mark = div.query_selector(".reader mark[data-label=\"LOC\"]").unwrap().expect("بيروت is tagged");
    assert_eq!(mark.text_content().unwrap(), "بيروت");
    assert!(div.query_selector(".reader mark[data-label=\"DATE\"]").unwrap().is_some());
}

#[wasm_bindgen_test]
fn arabic_plural_categories_match_the_browsers_icu() {
    // The app's Arabic plural rule against the browser's own ICU (Intl.PluralRules).
    use wasim_app::i18n::Plural;
    let locales = js_sys::Array::of1(&"ar".into());
    let rules = js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new());
    for n in 0..=1200usize {
        let icu: String = rules.select(n as f64).into();
        assert_eq!(Plural::ar(n).as_str(), icu, "{n}");
    }
    let en = js_sys::Intl::PluralRules::new(&js_sys::Array::of1(&"en".into()), &js_sys::Object::new());
    for n in 0..=200usize {
        let icu: String = en.select(n as f64).into();
        assert_eq!(Plural::en(n).as_str(), icu, "{n}");
    }
}
