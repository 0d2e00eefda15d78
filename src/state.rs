//! The app's state as a pure reducer, tested natively: documents, the focus, undo and redo,
//! notices. Nothing here touches the browser; analysis results arrive as actions.

use crate::i18n::Lang;
use std::collections::VecDeque;
use std::rc::Rc;
use wasim_engine::edit::{self, Flag, Part, Snap};
use wasim_engine::offsets::{OffsetIndex, Unit};
use wasim_engine::{Document, Label, Span, Status};
use yew::Reducible;

/// How many steps undo remembers.
const HISTORY: usize = 200;

/// One document of the workspace.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: u64,
    pub name: String,
    /// The text as typed; `doc.text` lags behind it until the analysis of this text arrives.
    pub text: Rc<str>,
    pub doc: Rc<Document>,
}

impl Entry {
    pub fn new(id: u64, name: String, text: &str) -> Entry {
        Entry { id, name, text: Rc::from(text), doc: Rc::new(Document::default()) }
    }
    /// The name shown and given to exports: the one the user gave, or the text's first words.
    pub fn display_name(&self) -> String {
        if !self.name.is_empty() {
            return self.name.clone();
        }
        let words: Vec<&str> = self.text.split_whitespace().take(4).collect();
        words.join(" ").trim_end_matches(|c: char| !c.is_alphanumeric()).to_string()
    }
    /// Whether the annotations shown are of the current text.
    pub fn is_current(&self) -> bool {
        *self.doc.text == *self.text
    }
}

/// What the keyboard and the side panels act on.
#[derive(Clone, Debug, PartialEq)]
pub enum Focus {
    Entity(usize),
    Claim(usize),
    /// A selection in the reading view, snapped to words.
    Selection(Snap),
}

/// A message shown above the work area.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    DocDeleted,
    SaveFailed(String),
    SetAside,
    ImportFailed(String),
    TooLarge,
    OtherTab,
    /// The file to compare with (named) annotates another text.
    DifferentText(String),
    /// Every remaining proposal of a label was accepted (`true`) or rejected: how many.
    Bulk {
        accepted: bool,
        label: Label,
        n: usize,
    },
}

/// The workspace as it was before an edit. Documents are `Rc`-shared with the state, so a
/// snapshot costs one small vector.
#[derive(Clone, Debug, PartialEq)]
struct Snapshot {
    docs: Vec<Entry>,
    current: usize,
}

/// One direction of the history: snapshots behind an `Rc`, so that copying the state (every
/// action does) copies one pointer, and an edit copies pointers, never documents. Bounded by
/// [`HISTORY`]; the oldest step is dropped from the front.
type Steps = Rc<VecDeque<Rc<Snapshot>>>;

/// A second annotation of one document's text, opened to compare with.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The document it is compared with.
    pub id: u64,
    /// The file it came from.
    pub name: String,
    pub doc: Rc<Document>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub docs: Vec<Entry>,
    pub current: usize,
    pub next_id: u64,
    pub focus: Option<Focus>,
    /// The claim being edited: it stays chosen while the user selects text for its parts.
    pub active_claim: Option<usize>,
    undo: Steps,
    redo: Steps,
    pub analysis_ms: Option<f64>,
    pub notice: Option<Notice>,
    pub lang: Lang,
    pub help: bool,
    /// A second annotation to compare with.
    pub comparison: Option<Comparison>,
    /// Counts changes to the documents; the app saves when it moves.
    pub revision: u64,
    /// Whether stored work has been loaded (or found absent); nothing is saved before.
    pub restored: bool,
    /// Where the reader's place is (a byte of the current text): the last focused entity,
    /// claim or selection. `n`/`p` go on from it when nothing is focused (after an undo).
    pub place: Option<usize>,
    /// The fixed end of a selection made with the keyboard (Shift+arrows move the other end).
    pub anchor: Option<usize>,
    pub overview: bool,
}

impl Default for State {
    fn default() -> State {
        State {
            docs: vec![Entry::new(1, String::new(), "")],
            current: 0,
            next_id: 2,
            focus: None,
            active_claim: None,
            undo: Steps::default(),
            redo: Steps::default(),
            analysis_ms: None,
            notice: None,
            lang: Lang::Ar,
            help: false,
            comparison: None,
            revision: 0,
            restored: false,
            place: None,
            anchor: None,
            overview: false,
        }
    }
}

impl State {
    /// A fresh workspace with the interface in `lang`.
    pub fn with_lang(lang: Lang) -> State {
        State { lang, ..State::default() }
    }
    pub fn entry(&self) -> &Entry {
        &self.docs[self.current.min(self.docs.len() - 1)]
    }
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
    fn entry_mut(&mut self) -> &mut Entry {
        let i = self.current.min(self.docs.len() - 1);
        &mut self.docs[i]
    }
    fn remember(&mut self) {
        let undo = Rc::make_mut(&mut self.undo);
        undo.push_back(Rc::new(Snapshot { docs: self.docs.clone(), current: self.current }));
        if undo.len() > HISTORY {
            undo.pop_front();
        }
        if !self.redo.is_empty() {
            self.redo = Steps::default();
        }
    }
    fn changed(&mut self) {
        self.revision += 1;
    }
    /// Focuses `f` and remembers its place.
    fn set_focus(&mut self, f: Option<Focus>) {
        let doc = &self.entry().doc;
        let place = match &f {
            Some(Focus::Entity(i)) => doc.entities.get(*i).map(|e| e.span.start),
            Some(Focus::Claim(i)) => doc.claims.get(*i).map(|c| c.content.start),
            Some(Focus::Selection(snap)) => Some(snap.span.start),
            None => None,
        };
        if place.is_some() {
            self.place = place;
        }
        self.focus = f;
    }
    /// The selection after Shift+arrow: from the focused entity (its start fixed when going
    /// forward, its end when going back) or the selection, the moving end one word on.
    fn extended(&self, forward: bool) -> Option<(Snap, usize)> {
        let doc = &self.entry().doc;
        let (anchor, edge) = match (&self.focus, self.anchor) {
            (Some(Focus::Entity(i)), _) => {
                let e = doc.entities.get(*i)?.span;
                if forward {
                    (e.start, e.end)
                } else {
                    (e.end, e.start)
                }
            }
            (Some(Focus::Selection(snap)), Some(a)) if a == snap.span.start || a == snap.span.end => {
                (a, if a == snap.span.start { snap.span.end } else { snap.span.start })
            }
            (Some(Focus::Selection(snap)), _) => (snap.span.start, snap.span.end),
            _ => return None,
        };
        let edge = edit::step_word(&doc.text, edge, forward);
        let span = Span::new(anchor.min(edge), anchor.max(edge));
        let snap = edit::snap(&doc.text, span).filter(|_| !span.is_empty())?;
        Some((snap, anchor))
    }
}

/// An edit of the current document's annotations (spans in bytes of its text).
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    Add { span: Span, label: Label },
    Relabel { i: usize, label: Label },
    Accept(usize),
    Delete(usize),
    AcceptAll(Label),
    RejectAll(Label),
    TagAll { span: Span, label: Label },
    AddClaim(Span),
    ClaimPart { i: usize, part: Part, span: Span },
    ClaimFlag { i: usize, flag: Flag },
    AcceptClaim(usize),
    DeleteClaim(usize),
}

/// A key the editor understands, interpreted against the state at the moment it arrives
/// (not the state of the last render, which may lag behind a click just before).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// 1–9 and 0: a label by its place in `Label::ALL`.
    Label(usize),
    Delete,
    Enter,
    TagAll,
    Claim,
    Next,
    Prev,
    NextClaim,
    PrevClaim,
    /// Shift+arrow: the selection's moving end goes one word forward (in text order) or back.
    Extend {
        forward: bool,
    },
    Help,
    Escape,
}

pub enum Action {
    /// A key pressed outside the text fields.
    Key(Key),
    /// The user changed the current document's text (the text box keeps its own undo).
    SetText(String),
    /// A fresh analysis of `doc.text` for document `id` took `ms`.
    Analyzed {
        id: u64,
        doc: Document,
        ms: f64,
    },
    Edit(Op),
    /// New documents, e.g. from opened files (plain text or imported annotations); the first
    /// becomes current.
    AddDocs(Vec<(String, Document)>),
    /// A second annotation (file name, document) of the current document's text to compare
    /// with; `None` to stop. One of another text is refused with a notice.
    Compare(Option<(String, Document)>),
    NewDoc,
    SelectDoc(usize),
    RenameDoc(usize, String),
    DeleteDoc(usize),
    Undo,
    Redo,
    Focus(Option<Focus>),
    /// Focuses the entity that starts at this byte of the current text.
    FocusEntityAt(usize),
    /// A selection in the reading view, as UTF-16 offsets into the current text (the DOM's
    /// unit): converted here, snapped to words, and focused.
    Select(usize, usize),
    /// Moves the focus to the next (+1) or previous (-1) entity.
    Step(isize),
    /// Moves the focus to the next (+1) or previous (-1) claim.
    StepClaim(isize),
    ToggleOverview,
    /// A selection made with the keyboard, with its fixed end.
    Extended(Snap, usize),
    SetLang(Lang),
    ToggleHelp,
    Notice(Option<Notice>),
    /// Work loaded from storage (or `None`: nothing stored).
    Restore(Option<Restored>),
    /// Another tab saved a newer version of the work.
    External(Restored),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub docs: Vec<(u64, String, Document)>,
    pub current: usize,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if let Action::Key(k) = action {
            return match self.key_action(k) {
                Some(a) => self.reduce(a),
                None => self,
            };
        }
        let mut s = (*self).clone();
        match action {
            Action::Key(_) => return self,
            Action::SetText(text) => {
                if *s.entry().text == *text {
                    return self;
                }
                s.entry_mut().text = Rc::from(text.as_str());
                s.focus = None;
                s.active_claim = None;
                s.changed();
            }
            Action::Analyzed { id, doc, ms } => {
                let Some(e) = s.docs.iter_mut().find(|e| e.id == id) else { return self };
                // A late result for text that has changed since is dropped: a newer one is coming.
                if *e.text != *doc.text {
                    return self;
                }
                e.doc = Rc::new(edit::merge(&e.doc, doc));
                s.analysis_ms = Some(ms);
                s.changed();
            }
            Action::Edit(op) => {
                if !s.entry().is_current() {
                    return self; // annotations are edited on the analyzed text only
                }
                s.remember();
                let deletes_claim = matches!(op, Op::DeleteClaim(_));
                let bulk = match op {
                    Op::AcceptAll(label) => Some((true, label)),
                    Op::RejectAll(label) => Some((false, label)),
                    _ => None,
                };
                let before = s.entry().doc.entities.iter().filter(|e| e.status == Status::Auto).count();
                let focus = apply(Rc::make_mut(&mut s.entry_mut().doc), op);
                if let Some((accepted, label)) = bulk {
                    let after = s.entry().doc.entities.iter().filter(|e| e.status == Status::Auto).count();
                    s.notice = Some(Notice::Bulk { accepted, label, n: before - after });
                }
                if let Some(Focus::Claim(i)) = focus {
                    s.active_claim = Some(i);
                } else if deletes_claim {
                    s.active_claim = None;
                }
                s.set_focus(focus);
                s.changed();
            }
            Action::AddDocs(files) if !files.is_empty() => {
                s.remember();
                // An empty current document is replaced rather than kept.
                if s.docs.len() == 1 && s.docs[0].text.is_empty() {
                    s.docs.clear();
                }
                let first = s.docs.len();
                for (name, doc) in files {
                    // Plain text is analyzed; imported annotations are kept as they are.
                    let entry = if doc.entities.is_empty() && doc.claims.is_empty() {
                        Entry::new(s.next_id, name, &doc.text)
                    } else {
                        Entry { id: s.next_id, name, text: Rc::from(doc.text.as_str()), doc: Rc::new(doc) }
                    };
                    s.docs.push(entry);
                    s.next_id += 1;
                }
                s.current = first;
                s.focus = None;
                s.place = None;
                s.active_claim = None;
                s.changed();
            }
            Action::AddDocs(_) => return self,
            Action::NewDoc => {
                s.remember();
                s.docs.push(Entry::new(s.next_id, String::new(), ""));
                s.next_id += 1;
                s.current = s.docs.len() - 1;
                s.focus = None;
                s.place = None;
                s.active_claim = None;
                s.changed();
            }
            Action::SelectDoc(i) if i < s.docs.len() && i != s.current => {
                s.current = i;
                s.focus = None;
                s.place = None;
                s.active_claim = None;
                s.changed();
            }
            Action::SelectDoc(_) => return self,
            Action::RenameDoc(i, name) if i < s.docs.len() && s.docs[i].name != name => {
                s.remember();
                s.docs[i].name = name;
                s.changed();
            }
            Action::RenameDoc(..) => return self,
            Action::DeleteDoc(i) if i < s.docs.len() => {
                s.remember();
                s.docs.remove(i);
                if s.docs.is_empty() {
                    s.docs.push(Entry::new(s.next_id, String::new(), ""));
                    s.next_id += 1;
                }
                s.current = s.current.min(s.docs.len() - 1);
                s.focus = None;
                s.place = None;
                s.notice = Some(Notice::DocDeleted);
                s.changed();
            }
            Action::DeleteDoc(_) => return self,
            a @ (Action::Undo | Action::Redo) => {
                // Undo moves a snapshot from the undo stack to the redo stack; redo the other way.
                let (from, to) =
                    if matches!(a, Action::Undo) { (&mut s.undo, &mut s.redo) } else { (&mut s.redo, &mut s.undo) };
                let Some(snap) = Rc::make_mut(from).pop_back() else { return self };
                let back = Snapshot { docs: std::mem::replace(&mut s.docs, snap.docs.clone()), current: s.current };
                Rc::make_mut(to).push_back(Rc::new(back));
                s.current = snap.current.min(s.docs.len() - 1);
                s.active_claim = None;
                s.notice = None;
                // The place is kept: the entity there, if the step left one, has the focus.
                let at = s.place;
                let back = at.and_then(|p| s.entry().doc.entities.iter().position(|e| e.span.start == p));
                s.focus = back.map(Focus::Entity);
                s.anchor = None;
                s.changed();
            }
            Action::Focus(f) => {
                if s.focus == f {
                    return self;
                }
                if let Some(Focus::Claim(i)) = f {
                    s.active_claim = Some(i);
                }
                s.anchor = None;
                s.set_focus(f);
            }
            Action::Select(a, b) => {
                let doc = &s.entry().doc;
                let span = OffsetIndex::new(&doc.text).span_from(a, b, Unit::Utf16);
                let snap = span.and_then(|sp| edit::snap(&doc.text, sp));
                return self.reduce(Action::Focus(snap.map(Focus::Selection)));
            }
            Action::FocusEntityAt(start) => {
                let Some(i) = s.entry().doc.entities.iter().position(|e| e.span.start == start) else { return self };
                return self.reduce(Action::Focus(Some(Focus::Entity(i))));
            }
            Action::Step(d) => {
                let entities = &s.entry().doc.entities;
                let n = entities.len();
                if n == 0 {
                    return self;
                }
                let next = match (&s.focus, s.place) {
                    (Some(Focus::Entity(i)), _) => (*i as isize + d).rem_euclid(n as isize) as usize,
                    // Nothing focused: on from the place (after an undo, a click in the text).
                    (_, Some(p)) if d > 0 => entities.iter().position(|e| e.span.start >= p).unwrap_or(0),
                    (_, Some(p)) => entities.iter().rposition(|e| e.span.start < p).unwrap_or(n - 1),
                    _ if d < 0 => n - 1,
                    _ => 0,
                };
                s.anchor = None;
                s.set_focus(Some(Focus::Entity(next)));
            }
            Action::StepClaim(d) => {
                let claims = &s.entry().doc.claims;
                let n = claims.len();
                if n == 0 {
                    return self;
                }
                let next = match (&s.focus, s.place) {
                    (Some(Focus::Claim(i)), _) => (*i as isize + d).rem_euclid(n as isize) as usize,
                    (_, Some(p)) if d > 0 => claims.iter().position(|c| c.content.start > p).unwrap_or(0),
                    (_, Some(p)) => claims.iter().rposition(|c| c.content.start < p).unwrap_or(n - 1),
                    _ if d < 0 => n - 1,
                    _ => 0,
                };
                s.active_claim = Some(next);
                s.anchor = None;
                s.set_focus(Some(Focus::Claim(next)));
            }
            Action::ToggleOverview => s.overview = !s.overview,
            Action::Extended(snap, anchor) => {
                s.set_focus(Some(Focus::Selection(snap)));
                s.anchor = Some(anchor);
            }
            Action::Compare(None) => s.comparison = None,
            Action::Compare(Some((name, doc))) => {
                if doc.text == *s.entry().text {
                    s.comparison = Some(Comparison { id: s.entry().id, name, doc: Rc::new(doc) });
                } else {
                    s.comparison = None;
                    s.notice = Some(Notice::DifferentText(name));
                }
            }
            Action::SetLang(l) => s.lang = l,
            Action::ToggleHelp => s.help = !s.help,
            Action::Notice(n) => s.notice = n,
            Action::Restore(found) => {
                if s.restored {
                    return self;
                }
                s.restored = true;
                // Work typed before storage answered wins over what was stored.
                let untouched = s.docs.len() == 1 && s.docs[0].text.is_empty();
                if let (Some(r), true) = (found, untouched) {
                    s.load(r);
                }
            }
            Action::External(r) => {
                s.load(r);
                s.notice = Some(Notice::OtherTab);
            }
        }
        Rc::new(s)
    }
}

impl Key {
    /// The digit keys: 1–9 are labels 0–8 and 0 is label 9.
    pub fn digit(d: u8) -> Key {
        Key::Label(if d == 0 { 9 } else { d as usize - 1 })
    }
}

impl State {
    /// What a key means now.
    fn key_action(&self, k: Key) -> Option<Action> {
        let label = |n: usize| Label::ALL.get(n).copied();
        let entity = |i: usize| self.entry().doc.entities.get(i);
        Some(match (k, &self.focus) {
            (Key::Help, _) => Action::ToggleHelp,
            (Key::Escape, _) if self.help => Action::ToggleHelp,
            (Key::Escape, _) if self.overview => Action::ToggleOverview,
            (Key::Escape, _) => Action::Focus(None),
            (Key::Label(n), Some(Focus::Selection(snap))) => {
                Action::Edit(Op::Add { span: snap.span, label: label(n)? })
            }
            (Key::Claim, Some(Focus::Selection(snap))) => Action::Edit(Op::AddClaim(snap.span)),
            (Key::Label(n), Some(Focus::Entity(i))) => Action::Edit(Op::Relabel { i: *i, label: label(n)? }),
            (Key::Delete, Some(Focus::Entity(i))) => Action::Edit(Op::Delete(*i)),
            (Key::Enter, Some(Focus::Entity(i))) => Action::Edit(Op::Accept(*i)),
            (Key::Enter, Some(Focus::Claim(i))) => Action::Edit(Op::AcceptClaim(*i)),
            (Key::TagAll, Some(Focus::Entity(i))) => {
                entity(*i).map(|e| Action::Edit(Op::TagAll { span: e.span, label: e.label }))?
            }
            (Key::Next, _) => Action::Step(1),
            (Key::Prev, _) => Action::Step(-1),
            (Key::NextClaim, _) => Action::StepClaim(1),
            (Key::PrevClaim, _) => Action::StepClaim(-1),
            (Key::Extend { forward }, _) => {
                let (snap, anchor) = self.extended(forward)?;
                Action::Extended(snap, anchor)
            }
            _ => return None,
        })
    }

    fn load(&mut self, r: Restored) {
        if r.docs.is_empty() {
            return;
        }
        self.next_id = r.docs.iter().map(|d| d.0).max().unwrap_or(0) + 1;
        self.docs = r
            .docs
            .into_iter()
            .map(|(id, name, doc)| Entry { id, name, text: Rc::from(doc.text.as_str()), doc: Rc::new(doc) })
            .collect();
        self.current = r.current.min(self.docs.len() - 1);
        self.focus = None;
    }
}

/// Applies an edit; returns what should have the focus after it.
fn apply(doc: &mut Document, op: Op) -> Option<Focus> {
    match op {
        Op::Add { span, label } => Some(Focus::Entity(edit::add_entity(doc, span, label, "user"))),
        Op::Relabel { i, label } => {
            edit::set_label(doc, i, label);
            Some(Focus::Entity(i))
        }
        Op::Accept(i) => {
            edit::accept(doc, i);
            // On to the next entity no person has reviewed yet.
            Some(Focus::Entity(wasim_engine::view::next_unreviewed(doc, i).unwrap_or(i)))
        }
        Op::Delete(i) => {
            edit::delete(doc, i);
            (!doc.entities.is_empty()).then(|| Focus::Entity(i.min(doc.entities.len() - 1)))
        }
        Op::AcceptAll(l) => {
            edit::accept_all(doc, l);
            None
        }
        Op::RejectAll(l) => {
            edit::reject_all(doc, l);
            None
        }
        Op::TagAll { span, label } => {
            edit::tag_all(doc, span, label);
            doc.entities.iter().position(|e| e.span == span).map(Focus::Entity)
        }
        Op::AddClaim(span) => Some(Focus::Claim(edit::add_claim(doc, span))),
        Op::ClaimPart { i, part, span } => {
            edit::set_claim_part(doc, i, part, span);
            Some(Focus::Claim(i))
        }
        Op::ClaimFlag { i, flag } => {
            edit::toggle_flag(doc, i, flag);
            Some(Focus::Claim(i))
        }
        Op::AcceptClaim(i) => {
            edit::accept_claim(doc, i);
            Some(Focus::Claim(i))
        }
        Op::DeleteClaim(i) => {
            edit::delete_claim(doc, i);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: State, actions: Vec<Action>) -> State {
        actions.into_iter().fold(s, |s, a| (*Rc::new(s).reduce(a)).clone())
    }

    fn analyzed(s: &State) -> Action {
        let e = s.entry();
        Action::Analyzed { id: e.id, doc: wasim_engine::annotate(&e.text), ms: 1.0 }
    }

    fn text(t: &str) -> Document {
        Document { text: t.into(), ..Document::default() }
    }

    fn typed(text: &str) -> State {
        let s = run(State::default(), vec![Action::SetText(text.into())]);
        let a = analyzed(&s);
        run(s, vec![a])
    }

    #[test]
    fn analysis_of_old_text_is_dropped() {
        let s = run(State::default(), vec![Action::SetText("مصر".into())]);
        assert!(!s.entry().is_current());
        let id = s.entry().id;
        let s = run(s, vec![Action::Analyzed { id, doc: wasim_engine::annotate("مص"), ms: 1.0 }]);
        assert!(!s.entry().is_current(), "a result for older text must not replace the view");
        let s = run(s, vec![Action::Analyzed { id, doc: wasim_engine::annotate("مصر"), ms: 2.0 }]);
        assert!(s.entry().is_current());
        assert_eq!(s.analysis_ms, Some(2.0));
        assert_eq!(s.entry().doc.entities.len(), 1);
    }

    #[test]
    fn every_edit_undoes_and_redoes() {
        let s = typed("زار الوزير القاهرة.");
        let before = s.entry().doc.clone();
        let text = s.entry().text.to_string();
        let at = text.find("الوزير").unwrap();
        let s = run(s, vec![Action::Edit(Op::Add { span: Span::new(at, at + "الوزير".len()), label: Label::PER })]);
        assert_eq!(s.focus.as_ref().map(|f| matches!(f, Focus::Entity(_))), Some(true));
        let added = s.entry().doc.clone();
        let s = run(s, vec![Action::Undo]);
        assert_eq!(s.entry().doc, before);
        let s = run(s, vec![Action::Redo]);
        assert_eq!(s.entry().doc, added);
        let s = run(
            s,
            vec![Action::Edit(Op::Delete(0)), Action::Edit(Op::RejectAll(Label::LOC)), Action::Undo, Action::Undo],
        );
        assert_eq!(s.entry().doc, added);
    }

    #[test]
    fn history_is_shared_not_copied_and_bounded() {
        let s = typed("زار الوزير القاهرة.");
        let s = run(s, vec![Action::Edit(Op::AcceptAll(Label::LOC))]);
        // A focus change copies the state but shares its history.
        let moved = (*Rc::new(s.clone()).reduce(Action::Step(1))).clone();
        assert!(Rc::ptr_eq(&s.undo, &moved.undo), "the history is one pointer, not a copy");
        // An edit shares the older snapshots themselves.
        let edited = run(moved.clone(), vec![Action::Edit(Op::Accept(0))]);
        assert!(Rc::ptr_eq(&edited.undo[0], &s.undo[0]));
        let many = (0..HISTORY + 20).fold(edited, |s, i| run(s, vec![Action::RenameDoc(0, format!("n{i}"))]));
        assert_eq!(many.undo.len(), HISTORY);
    }

    #[test]
    fn a_selection_arrives_in_utf16_and_is_snapped() {
        // An emoji (two UTF-16 units) before the selection: "😀 He arrived in Cairo".
        let s = typed("😀 وصل بالقاهرة");
        let text = s.entry().text.to_string();
        let at = text[..text.find("لقاه").unwrap()].encode_utf16().count();
        let s = run(s, vec![Action::Select(at, at + 2)]);
        match &s.focus {
            Some(Focus::Selection(snap)) => assert_eq!(snap.span.of(&text), "القاهرة"),
            f => panic!("focus {f:?}"),
        }
        let s = run(s, vec![Action::Select(1, 1)]);
        assert_eq!(s.focus, None, "an empty selection holds no word");
    }

    #[test]
    fn a_comparison_must_annotate_the_same_text() {
        let s = typed("زار الوزير القاهرة.");
        let other = wasim_engine::annotate("نص آخر");
        let s = run(s, vec![Action::Compare(Some(("b.json".into(), other)))]);
        assert_eq!((s.comparison.is_none(), s.notice.clone()), (true, Some(Notice::DifferentText("b.json".into()))));
        let same = wasim_engine::annotate("زار الوزير القاهرة.");
        let s = run(s, vec![Action::Compare(Some(("b.json".into(), same)))]);
        assert_eq!(s.comparison.as_ref().map(|c| c.name.as_str()), Some("b.json"));
    }

    #[test]
    fn deleting_a_document_is_undoable() {
        let s = run(typed("نص أول"), vec![Action::AddDocs(vec![("ب.txt".into(), text("نص ثان"))])]);
        assert_eq!(s.docs.len(), 2);
        let s = run(s, vec![Action::DeleteDoc(1)]);
        assert_eq!((s.docs.len(), s.notice.clone()), (1, Some(Notice::DocDeleted)));
        let s = run(s, vec![Action::Undo]);
        assert_eq!(s.docs.len(), 2);
        assert_eq!(s.docs[1].name, "ب.txt");
        let s = run(s, vec![Action::DeleteDoc(0), Action::DeleteDoc(0)]);
        assert_eq!(s.docs.len(), 1, "deleting the last document leaves an empty one");
    }

    #[test]
    fn opening_files_replaces_an_empty_document() {
        let imported = wasim_engine::annotate("زار القاهرة.");
        let s = run(
            State::default(),
            vec![Action::AddDocs(vec![("a.txt".into(), text("أ")), ("b.json".into(), imported.clone())])],
        );
        let names: Vec<&str> = s.docs.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["a.txt", "b.json"]);
        assert_eq!(s.current, 0);
        assert!(!s.docs[0].is_current(), "plain text waits for its analysis");
        assert_eq!(*s.docs[1].doc, imported, "imported annotations are kept");
    }

    #[test]
    fn keys_act_on_what_is_focused() {
        let s = typed("زار الوزير القاهرة.");
        let text = s.entry().text.to_string();
        let at = text.find("الوزير").unwrap();
        let snap = Snap { span: Span::new(at, at + "الوزير".len()), detached: None };
        let s = run(s, vec![Action::Focus(Some(Focus::Selection(snap))), Action::Key(Key::digit(1))]);
        let i = match s.focus {
            Some(Focus::Entity(i)) => i,
            ref f => panic!("focus {f:?}"),
        };
        assert_eq!(s.entry().doc.entities[i].label, Label::PER);
        let s = run(s, vec![Action::Key(Key::digit(2))]);
        assert_eq!(s.entry().doc.entities[i].label, Label::ORG);
        let n = s.entry().doc.entities.len();
        let s = run(s, vec![Action::Key(Key::Delete)]);
        assert_eq!(s.entry().doc.entities.len(), n - 1);
        let s = run(s, vec![Action::Key(Key::Escape), Action::Key(Key::Delete)]);
        assert_eq!(s.entry().doc.entities.len(), n - 1, "with nothing focused Delete does nothing");
        let s = run(s, vec![Action::Key(Key::Help)]);
        assert!(s.help);
        let s = run(s, vec![Action::Key(Key::Escape)]);
        assert!(!s.help);
    }

    #[test]
    fn keyboard_steps_wrap_around() {
        let s = typed("زار القاهرة وبيروت.");
        let n = s.entry().doc.entities.len();
        let s = run(s, vec![Action::Step(1)]);
        assert_eq!(s.focus, Some(Focus::Entity(0)));
        let s = run(s, vec![Action::Step(-1)]);
        assert_eq!(s.focus, Some(Focus::Entity(n - 1)));
    }

    #[test]
    fn restore_does_not_overwrite_fresh_typing() {
        let stored =
            Restored { docs: vec![(7, "قديم".into(), wasim_engine::annotate("نص قديم"))], current: 0 };
        let s = run(State::default(), vec![Action::Restore(Some(stored.clone()))]);
        assert_eq!((s.docs[0].id, &*s.docs[0].text), (7, "نص قديم"));
        assert_eq!(s.next_id, 8);
        let typed_first = run(State::default(), vec![Action::SetText("جديد".into()), Action::Restore(Some(stored))]);
        assert_eq!(&*typed_first.docs[0].text, "جديد");
        assert!(typed_first.restored);
    }

    #[test]
    fn edits_wait_for_the_analysis_of_the_current_text() {
        let s = run(typed("زار القاهرة."), vec![Action::SetText("زار القاهرة أمس.".into())]);
        let r = s.revision;
        let s = run(s, vec![Action::Edit(Op::AcceptAll(Label::LOC))]);
        assert_eq!(s.revision, r, "an edit on a stale analysis is ignored");
    }
}
