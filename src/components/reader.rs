//! The reading view: the text right-to-left with entities as `<mark data-label>` and claim
//! contents as `<span data-claim>`. One element per entity or run, never per character, so
//! Arabic letters stay joined.

use std::rc::Rc;
use wasim_engine::view::{paragraphs, Run};
use wasim_engine::Document;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub doc: Rc<Document>,
}

#[component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let doc = &props.doc;
    let paras = paragraphs(doc);
    html! {
        <div class="reader" dir="rtl" lang="ar">
            { for paras.iter().map(|p| html! { <p>{ for p.runs.iter().map(|r| run(doc, r)) }</p> }) }
        </div>
    }
}

fn run(doc: &Document, r: &Run) -> Html {
    let pieces = html! {
        { for r.pieces.iter().map(|p| {
            let text = p.span.of(&doc.text).to_string();
            match p.entity.and_then(|i| doc.entities.get(i).map(|e| (i, e))) {
                Some((i, e)) => html! {
                    <mark data-label={e.label.as_str()} data-id={format!("T{}", i + 1)} data-source={e.source.clone()}
                        title={format!("{} · {} · {:.0}%", e.label, e.source, e.confidence * 100.0)}>{ text }</mark>
                },
                None => html! { { text } },
            }
        }) }
    };
    match r.claim {
        Some(c) => html! { <span class="claim" data-claim={format!("C{}", c + 1)}>{ pieces }</span> },
        None => pieces,
    }
}
