//! The overview (`[data-overview]`): the current document at a glance, as charts drawn in
//! inline SVG (no chart library: a bar is a `rect`): entities per label, the most mentioned
//! people, organizations and places, who said what (each speaker opens to their claims, each
//! claim leads to the text); and, across all open documents, an index of names searched
//! through normalization (اسرائيل finds إسرائيل), exported as CSV.

use super::DocRef;
use crate::i18n::Lang;
use crate::state::{Entry, Focus};
use std::rc::Rc;
use wasim_engine::overview::{index, index_csv, search, top};
use wasim_engine::view::claims_by_speaker;
use wasim_engine::{Label, Status};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Names in each "most mentioned" chart.
const TOP: usize = 8;
/// Index rows drawn (the CSV has them all).
const ROWS: usize = 200;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub doc: DocRef,
    pub docs: Vec<Entry>,
    pub lang: Lang,
    pub onfocus: Callback<Option<Focus>>,
    pub onclose: Callback<()>,
    /// The index as CSV, to download.
    pub oncsv: Callback<String>,
}

/// One bar of a chart: a name, its count, and where choosing it leads.
struct Bar {
    name: String,
    /// `data-bar`: the label or the normalized name, stable for tests and styles.
    key: String,
    label: Option<Label>,
    count: usize,
    go: Option<Focus>,
}

const WIDTH: f64 = 320.0;
const ROW: f64 = 24.0;
const NAMES: f64 = 120.0;
const BARS: f64 = 150.0;

/// A horizontal bar chart in SVG, laid out for the interface's direction (names on the right
/// in Arabic, on the left in English).
fn chart(id: &str, title: &str, bars: &[Bar], rtl: bool, onfocus: &Callback<Option<Focus>>) -> Html {
    let max = bars.iter().map(|b| b.count).max().unwrap_or(1).max(1) as f64;
    let height = ROW * bars.len().max(1) as f64;
    html! {
        <figure class="chart">
            <figcaption>{ title }</figcaption>
            <svg data-chart={id.to_string()} viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-label={title.to_string()} direction="ltr">
                { for bars.iter().enumerate().map(|(k, b)| {
                    let y = ROW * k as f64;
                    let w = (b.count as f64 / max * BARS).max(2.0);
                    let (name_x, anchor, bar_x, count_x, count_anchor) = if rtl {
                        (WIDTH - 4.0, "end", WIDTH - NAMES - 4.0 - w, WIDTH - NAMES - 8.0 - w, "end")
                    } else {
                        (4.0, "start", NAMES + 4.0, NAMES + 8.0 + w, "start")
                    };
                    let onclick = { let f = onfocus.clone(); let go = b.go.clone(); move |_| if go.is_some() { f.emit(go.clone()) } };
                    html! {
                        <g class={classes!("bar", b.go.is_some().then_some("go"))} data-bar={b.key.clone()} data-count={b.count.to_string()} {onclick}>
                            <title>{ format!("{}: {}", b.name, b.count) }</title>
                            <text x={format!("{name_x}")} y={format!("{}", y + 16.0)} text-anchor={anchor}>{ &b.name }</text>
                            <rect x={format!("{bar_x:.1}")} y={format!("{}", y + 4.0)} width={format!("{w:.1}")} height="16" rx="2"
                                data-chip={b.label.map(|l| l.as_str())} />
                            <text class="n" x={format!("{count_x:.1}")} y={format!("{}", y + 16.0)} text-anchor={count_anchor}>{ b.count }</text>
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}

#[component(Overview)]
pub fn overview(props: &OverviewProps) -> Html {
    let t = props.lang.t();
    let lang = props.lang;
    let rtl = lang == Lang::Ar;
    let doc = &props.doc;
    let by_label: Vec<Bar> = Label::ALL
        .iter()
        .map(|&l| Bar {
            name: lang.label(l).to_string(),
            key: l.as_str().to_string(),
            label: Some(l),
            count: doc.entities.iter().filter(|e| e.label == l).count(),
            go: doc.entities.iter().position(|e| e.label == l).map(Focus::Entity),
        })
        .filter(|b| b.count > 0)
        .collect();
    let mentioned = |l: Label| -> Vec<Bar> {
        top(doc, l, TOP)
            .into_iter()
            .map(|m| Bar { name: m.text, key: m.key, label: Some(l), count: m.count, go: Some(Focus::Entity(m.first)) })
            .collect()
    };
    let speakers = use_memo(props.doc.clone(), |d| claims_by_speaker(d));
    let open_speaker = use_state(|| None::<usize>);
    let query = use_state(String::new);
    let docs: Vec<Rc<wasim_engine::Document>> = props.docs.iter().map(|e| e.doc.clone()).collect();
    let names: Vec<String> = props.docs.iter().map(|e| e.display_name()).collect();
    let ix = index(&docs.iter().map(|d| d.as_ref()).collect::<Vec<_>>());
    let hits = search(&ix, &query);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                query.set(i.value());
            }
        })
    };
    let csv = {
        let cb = props.oncsv.clone();
        let text = index_csv(&hits, &names);
        move |_| cb.emit(text.clone())
    };
    let close = {
        let cb = props.onclose.clone();
        move |_| cb.emit(())
    };
    let reviewed = doc.entities.iter().filter(|e| e.status != Status::Auto).count();
    html! {
        <div class="overlay" role="dialog" aria-modal="true" aria-label={t.overview}>
            <section class="dialog overview" data-overview="">
                <h2>{ t.overview }<button class="mini close" aria-label={t.close} onclick={close}>{ "×" }</button></h2>
                <p class="summary">{ format!("{} · {} · {}", lang.count(doc.entities.len(), &t.entity_n), lang.count(doc.claims.len(), &t.claim_n),
                    (t.reviewed)(reviewed, doc.entities.len())) }</p>
                <div class="charts">
                    { chart("labels", t.by_label, &by_label, rtl, &props.onfocus) }
                    { chart("PER", t.top_people, &mentioned(Label::PER), rtl, &props.onfocus) }
                    { chart("ORG", t.top_orgs, &mentioned(Label::ORG), rtl, &props.onfocus) }
                    { chart("LOC", t.top_places, &mentioned(Label::LOC), rtl, &props.onfocus) }
                </div>
                <h3>{ t.who_said }</h3>
                if speakers.is_empty() {
                    <p class="empty">{ t.nothing_yet }</p>
                }
                <ul class="who-said">
                    { for speakers.iter().enumerate().map(|(k, g)| {
                        let name = if g.key.is_some() { g.name.clone() } else { t.speaker_unknown.to_string() };
                        let open = *open_speaker == Some(k);
                        let toggle = { let o = open_speaker.clone(); move |_| o.set(if open { None } else { Some(k) }) };
                        html! {
                            <li data-speaker={g.key.clone().unwrap_or_default()}>
                                <button class="speaker-row" aria-expanded={open.to_string()} onclick={toggle}>
                                    <span class="speaker-name">{ name }</span>
                                    <span class="count">{ lang.count(g.claims.len(), &t.claim_n) }</span>
                                </button>
                                if open {
                                    <ol>
                                        { for g.claims.iter().map(|&i| {
                                            let f = props.onfocus.clone();
                                            let content = doc.claims.get(i).map(|c| c.content.of(&doc.text).to_string()).unwrap_or_default();
                                            html! { <li><button class="mini said" dir="rtl" onclick={move |_| f.emit(Some(Focus::Claim(i)))}>{ content }</button></li> }
                                        }) }
                                    </ol>
                                }
                            </li>
                        }
                    }) }
                </ul>
                <h3>{ t.index }</h3>
                <div class="index-tools">
                    <input type="search" class="index-search" placeholder={t.search} aria-label={t.search} value={(*query).clone()} {oninput} dir="auto" />
                    <button class="mini index-csv" onclick={csv}>{ t.export_csv }</button>
                </div>
                <table class="index">
                    { for hits.iter().take(ROWS).map(|e| html! {
                        <tr data-index={e.key.clone()}>
                            <td><span class="chip" data-chip={e.label.as_str()}>{ lang.label(e.label) }</span></td>
                            <td class="name">{ &e.text }</td>
                            <td class="in">{ for e.docs.iter().map(|&(d, n)| html! {
                                <span class="in-doc" data-doc={d.to_string()}>{ format!("{} ({})", names.get(d).cloned().unwrap_or_default(), lang.count(n, &t.mention_n)) }</span>
                            }) }</td>
                        </tr>
                    }) }
                </table>
            </section>
        </div>
    }
}
