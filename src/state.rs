//! The app's state as a pure reducer, tested natively. Nothing here touches the browser.

use std::rc::Rc;
use wasim_engine::Document;
use yew::Reducible;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    /// The text as typed or pasted; the source of truth.
    pub text: String,
    /// The latest analysis; its `text` may lag behind while the user types.
    pub doc: Rc<Document>,
    /// How long the latest analysis took, in milliseconds.
    pub analysis_ms: Option<f64>,
}

impl State {
    /// Whether the analysis shown is of the current text.
    pub fn is_current(&self) -> bool {
        self.doc.text == self.text
    }
}

pub enum Action {
    /// The user changed the text.
    SetText(String),
    /// An analysis finished for `doc.text`.
    Analyzed { doc: Document, ms: f64 },
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetText(text) if text == self.text => self,
            Action::SetText(text) => Rc::new(State { text, ..(*self).clone() }),
            // A late result for text that has changed since is dropped: a newer one is coming.
            Action::Analyzed { doc, .. } if doc.text != self.text => self,
            Action::Analyzed { doc, ms } => Rc::new(State { doc: Rc::new(doc), analysis_ms: Some(ms), ..(*self).clone() }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(s: State, a: Action) -> State {
        (*Rc::new(s).reduce(a)).clone()
    }

    #[test]
    fn analysis_of_old_text_is_dropped() {
        let s = reduce(State::default(), Action::SetText("مصر".into()));
        assert!(!s.is_current());
        let stale = wasim_engine::annotate("مص");
        let s = reduce(s, Action::Analyzed { doc: stale, ms: 1.0 });
        assert!(!s.is_current(), "a result for older text must not replace the view");
        let s = reduce(s, Action::Analyzed { doc: wasim_engine::annotate("مصر"), ms: 2.0 });
        assert!(s.is_current());
        assert_eq!(s.analysis_ms, Some(2.0));
        assert_eq!(s.doc.entities.len(), 1);
    }
}
