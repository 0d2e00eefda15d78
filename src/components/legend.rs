//! The legend: each label with its key style and count.

use std::rc::Rc;
use wasim_engine::view::legend;
use wasim_engine::Document;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub doc: Rc<Document>,
}

#[component(Legend)]
pub fn legend_view(props: &LegendProps) -> Html {
    let rows = legend(&props.doc);
    html! {
        <ul class="legend" aria-label="المفتاح">
            { for rows.iter().map(|(label, n)| html! {
                <li><mark data-label={label.as_str()}>{ label.as_str() }</mark><span class="count">{ n }</span></li>
            }) }
        </ul>
    }
}
