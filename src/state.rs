//! The app's state as a pure reducer, tested natively: documents, the focus, undo and redo,
//! notices, what the model was taught. Nothing here touches the browser; analysis results and
//! the worker's answers arrive as actions, and corrections to teach leave as `lessons`.

use crate::delta::Delta;
use crate::i18n::Lang;
use crate::protocol::{Lesson, Refusal, TaughtFile};
use std::collections::VecDeque;
use std::rc::Rc;
use wasim_engine::edit::{self, Flag, Part, Snap};
use wasim_engine::offsets::{OffsetIndex, Unit};
use wasim_engine::{Document, Label, Span, Status};
use yew::Reducible;

/// How many steps undo remembers.
const HISTORY: usize = 200;

/// The model's proposals below this confidence are drawn as unsure. From the model's reliability
/// table on the corpora's development split (`wasim eval --corpus`): entities below 0.6 are
/// right 57% of the time or less (0.5–0.6: 0.57, 0.4–0.5: 0.41, 0.3–0.4: 0.29), about 13% of
/// them; from 0.6 up they are right 68% of the time and more (0.6–0.7: 0.68, 0.9–1: 0.95).
pub const UNSURE_BELOW: f32 = 0.6;

/// Whether an entity's confidence is calibrated: the model's are (0.9 is right 9 times in 10);
/// a rule's is a fixed guess of its author (every number is 0.5), and a person's is 1.
pub fn calibrated(e: &wasim_engine::Entity) -> bool {
    e.source.starts_with("model")
}

/// A proposal of the model, not reviewed yet, below [`UNSURE_BELOW`]: drawn dashed and lighter.
pub fn unsure(e: &wasim_engine::Entity) -> bool {
    e.status == Status::Auto && calibrated(e) && e.confidence < UNSURE_BELOW
}

/// Paragraphs taught from one "tag all": the first ones are enough to teach a name, and each
/// costs the worker a lesson.
const TAG_ALL_LESSONS: usize = 8;
/// Corrections waiting for the worker (the hook sends each once; this only bounds the list).
const LESSONS_KEPT: usize = 16;

/// One document of the workspace. Compared by identity of its documents (they are replaced,
/// never changed in place, once shared): comparing 13,000 entities on every redraw of the
/// document list would cost more than drawing it.
#[derive(Clone, Debug)]
pub struct Entry {
    pub id: u64,
    pub name: String,
    /// The text as typed; `doc.text` lags behind it until the analysis of this text arrives.
    pub text: Rc<str>,
    pub doc: Rc<Document>,
    /// The worker's last analyses the document was merged with, by their tokens, newest last
    /// (at most [`FRESH_KEPT`]): a re-tag comes back as what changed from one of them (`Delta`).
    /// Empty for documents analyzed on the page, opened with their annotations, or restored.
    pub fresh: Vec<(u64, Rc<Document>)>,
}

/// The worker's analyses kept per document: a correction sent before the previous re-tag
/// arrived is answered from the analysis the page had then.
const FRESH_KEPT: usize = 3;

impl PartialEq for Entry {
    fn eq(&self, o: &Entry) -> bool {
        self.id == o.id
            && self.name == o.name
            && Rc::ptr_eq(&self.doc, &o.doc)
            && self.fresh.iter().map(|f| f.0).eq(o.fresh.iter().map(|f| f.0))
            && (Rc::ptr_eq(&self.text, &o.text) || self.text == o.text)
    }
}

impl Entry {
    pub fn new(id: u64, name: String, text: &str) -> Entry {
        Entry { id, name, text: Rc::from(text), doc: Rc::new(Document::default()), fresh: Vec::new() }
    }
    /// An entry for a document as it is (opened with its annotations, restored).
    pub fn with_doc(id: u64, name: String, doc: Document) -> Entry {
        Entry { id, name, text: Rc::from(doc.text.as_str()), doc: Rc::new(doc), fresh: Vec::new() }
    }
    /// The worker's newest analysis of the text as it is now, if any: what a re-tag starts from.
    pub fn base(&self) -> Option<u64> {
        self.fresh.iter().rev().find(|f| *f.1.text == *self.text).map(|f| f.0)
    }
    fn keep_fresh(&mut self, token: u64, doc: Rc<Document>) {
        self.fresh.push((token, doc));
        if self.fresh.len() > FRESH_KEPT {
            self.fresh.remove(0);
        }
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
    /// A taught file was imported: its corrections (undoable).
    TaughtImported(u32),
    /// A taught file was refused on import: why. Nothing changed.
    TaughtRefused(Refusal),
    /// What was taught and stored cannot be used by this model (made with another version):
    /// why. It is set aside (`State::unusable`) and can be exported.
    TaughtUnusable(Refusal),
    /// The model was reset to the shipped one (undoable).
    ModelReset,
    /// Every open document is being re-tagged: how many.
    RetagAll(usize),
}

/// What analyzes the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Engine {
    /// The worker is starting.
    #[default]
    Starting,
    /// The worker runs with the learned model.
    Model,
    /// The worker runs, but its model could not be read: rules alone.
    WorkerRules,
    /// No worker (the browser refused it): the page analyzes, with rules alone.
    PageRules,
}

impl Engine {
    /// Whether corrections teach a model.
    pub fn learns(self) -> bool {
        matches!(self, Engine::Starting | Engine::Model)
    }
}

/// What a person taught the model, as the page keeps it (the worker holds the model itself).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Taught {
    /// Which state this is. When it changes without the worker having made it (an undo, a
    /// restore, a reset, an import), the worker is told to hold it; 0 is the shipped model.
    pub gen: u64,
    pub corrections: u32,
    /// The date of the first correction (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// The taught file (`Model::taught_bytes`); none for the shipped model.
    pub file: Option<Rc<[u8]>>,
    /// A correction went to the worker; this state's content comes with its answer.
    pub pending: bool,
}

impl Taught {
    fn from_file(gen: u64, f: TaughtFile) -> Taught {
        let file = (f.corrections > 0).then(|| Rc::from(f.bytes));
        Taught { gen, corrections: f.corrections, since: f.since, file, pending: false }
    }
    /// As stored and exported (none for the shipped model).
    pub fn to_file(&self) -> Option<TaughtFile> {
        let bytes = self.file.as_ref()?.to_vec();
        Some(TaughtFile { corrections: self.corrections, since: self.since.clone(), bytes })
    }
}

/// Corrections of one document for the worker to learn, making taught state `gen`.
#[derive(Clone, Debug, PartialEq)]
pub struct Teach {
    pub gen: u64,
    /// The document to re-tag afterwards.
    pub id: u64,
    pub lessons: Vec<Lesson>,
}

/// The order the keyboard walks highlights in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Walk {
    /// In the text's order (n / p, and Enter to the next unreviewed).
    #[default]
    Text,
    /// The engine's proposals, least confident first (u, and Enter or Delete go on so).
    Unsure,
}

/// The workspace as it was before an edit. Documents are `Rc`-shared with the state, so a
/// snapshot costs one small vector.
#[derive(Clone, Debug, PartialEq)]
struct Snapshot {
    docs: Vec<Entry>,
    current: usize,
    /// What was taught then: undoing a correction undoes its lesson.
    taught: Rc<Taught>,
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
    /// What analyzes.
    pub engine: Engine,
    /// What the model was taught.
    pub taught: Rc<Taught>,
    /// A taught file stored earlier that this model cannot use, kept to export.
    pub unusable: Option<Rc<TaughtFile>>,
    next_gen: u64,
    /// Corrections to teach, newest last; the hook sends those it has not sent.
    pub lessons: Rc<VecDeque<Rc<Teach>>>,
    /// How long the worker took to learn the last correction.
    pub learn_ms: Option<f64>,
    /// Counts requests to re-tag every open document.
    pub retag_all: u64,
    pub walk: Walk,
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
            engine: Engine::Starting,
            taught: Rc::new(Taught::default()),
            unusable: None,
            next_gen: 1,
            lessons: Rc::default(),
            learn_ms: None,
            retag_all: 0,
            walk: Walk::Text,
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
        undo.push_back(Rc::new(Snapshot {
            docs: self.docs.clone(),
            current: self.current,
            taught: self.taught.clone(),
        }));
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
    fn gen(&mut self) -> u64 {
        self.next_gen += 1;
        self.next_gen - 1
    }
    /// Queues `lessons` of the current document for the worker: what was taught becomes a new
    /// state, pending until the worker answers.
    fn teach(&mut self, lessons: Vec<Lesson>) {
        if lessons.is_empty() || !self.engine.learns() {
            return;
        }
        let gen = self.gen();
        self.taught = Rc::new(Taught { gen, pending: true, ..(*self.taught).clone() });
        let id = self.entry().id;
        let queue = Rc::make_mut(&mut self.lessons);
        queue.push_back(Rc::new(Teach { gen, id, lessons }));
        if queue.len() > LESSONS_KEPT {
            queue.pop_front();
        }
    }
    /// Whether taught state `gen` was left by an undo after the worker analyzed with it: states
    /// are numbered in the order they are made, so one newer than the state held is one stepped
    /// back from. Its analysis would bring back what the step took away (the re-tag after a
    /// correction, arriving after the correction was undone).
    fn undone(&self, gen: u64) -> bool {
        gen > self.taught.gen
    }
    /// What has the focus, by where it is (entity numbers change when a re-tag adds or removes
    /// entities before it).
    fn focus_place(&self) -> Option<(bool, Span)> {
        let doc = &self.entry().doc;
        match self.focus {
            Some(Focus::Entity(i)) => doc.entities.get(i).map(|e| (true, e.span)),
            Some(Focus::Claim(i)) => doc.claims.get(i).map(|c| (false, c.content)),
            _ => None,
        }
    }
    /// Focuses again what had the focus, after the current document was replaced.
    fn refocus(&mut self, place: Option<(bool, Span)>) {
        let doc = &self.entry().doc;
        match place {
            Some((true, span)) => self.focus = doc.entities.iter().position(|e| e.span == span).map(Focus::Entity),
            Some((false, span)) => {
                let i = doc.claims.iter().position(|c| c.content == span);
                self.focus = i.map(Focus::Claim);
                self.active_claim = i;
            }
            None => {}
        }
    }
    /// One step back in history (`undo`) or forward again; false when there is none.
    fn step_history(&mut self, undo: bool) -> bool {
        // Undo moves a snapshot from the undo stack to the redo stack; redo the other way.
        let (from, to) = if undo { (&mut self.undo, &mut self.redo) } else { (&mut self.redo, &mut self.undo) };
        let Some(snap) = Rc::make_mut(from).pop_back() else { return false };
        let back = Snapshot {
            docs: std::mem::replace(&mut self.docs, snap.docs.clone()),
            current: self.current,
            taught: std::mem::replace(&mut self.taught, snap.taught.clone()),
        };
        Rc::make_mut(to).push_back(Rc::new(back));
        self.current = snap.current.min(self.docs.len() - 1);
        self.active_claim = None;
        self.notice = None;
        // The place is kept: the entity there, if the step left one, has the focus.
        let at = self.place;
        let back = at.and_then(|p| self.entry().doc.entities.iter().position(|e| e.span.start == p));
        self.focus = back.map(Focus::Entity);
        self.anchor = None;
        self.changed();
        true
    }
    /// Opens `files` as documents, the first of them shown.
    fn add_docs(&mut self, files: Vec<(String, Document)>) {
        self.remember();
        // An empty current document is replaced rather than kept.
        if self.docs.len() == 1 && self.docs[0].text.is_empty() {
            self.docs.clear();
        }
        let first = self.docs.len();
        for (name, doc) in files {
            // Plain text is analyzed; imported annotations are kept as they are.
            let entry = if doc.entities.is_empty() && doc.claims.is_empty() {
                Entry::new(self.next_id, name, &doc.text)
            } else {
                Entry::with_doc(self.next_id, name, doc)
            };
            self.docs.push(entry);
            self.next_id += 1;
        }
        self.current = first;
        self.unfocus();
        self.changed();
    }
    /// Nothing focused, nowhere placed: another document is shown.
    fn unfocus(&mut self) {
        self.focus = None;
        self.place = None;
        self.active_claim = None;
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
    /// The next (or, `back`, previous) engine proposal by confidence, least confident first.
    Unsure {
        back: bool,
    },
    Help,
    Escape,
}

pub enum Action {
    /// A key pressed outside the text fields.
    Key(Key),
    /// The user changed the current document's text (the text box keeps its own undo).
    SetText(String),
    /// A fresh analysis of `doc.text` for document `id` took `ms`; `token` names the worker's
    /// analyses (a re-tag comes back as what changed from it); `gen`: the taught state it was
    /// made with (0 on the page, which has no model).
    Analyzed {
        id: u64,
        doc: Document,
        ms: f64,
        token: Option<u64>,
        gen: u64,
    },
    /// Document `id` re-tagged: the worker's analysis `base` changed by `delta`, named `token`,
    /// made with taught state `gen`.
    Retagged {
        id: u64,
        base: u64,
        token: u64,
        gen: u64,
        delta: Delta,
        ms: f64,
    },
    /// The worker learned (or was given) taught state `gen`; learning took `ms`.
    Taught {
        gen: u64,
        file: TaughtFile,
        changed: bool,
        ms: f64,
    },
    /// An imported taught file, checked by the worker: it becomes what was taught.
    Import(TaughtFile),
    /// A taught file the worker refused: on import (`gen` none), or one it was told to hold.
    Refused {
        gen: Option<u64>,
        reason: Refusal,
    },
    /// Back to the shipped model.
    ResetModel,
    /// Re-tag every open document with the model as taught.
    RetagAll,
    SetEngine(Engine),
    /// Moves the focus to the next (+1) or previous (-1) engine proposal by confidence.
    StepUnsure(isize),
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
    /// What the model was taught.
    pub taught: Option<TaughtFile>,
    /// A taught file this model could not use, kept.
    pub unusable: Option<TaughtFile>,
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
            Action::Analyzed { id, doc, ms, token, gen } => {
                let Some(k) = s.docs.iter().position(|e| e.id == id) else { return self };
                // A late result for text that has changed since is dropped: a newer one is coming
                // (and so is one made with a taught state since undone).
                if *s.docs[k].text != *doc.text || s.undone(gen) {
                    return self;
                }
                s.take_analysis(k, doc, token, ms);
            }
            Action::Retagged { id, base, token, gen, delta, ms } => {
                let Some(k) = s.docs.iter().position(|e| e.id == id) else { return self };
                if s.undone(gen) {
                    return self;
                }
                let e = &s.docs[k];
                // Only from the analysis it was computed against, for the text as it is.
                let Some(fresh) = e.fresh.iter().find(|(t, f)| *t == base && *f.text == *e.text) else {
                    return self;
                };
                let fresh = delta.apply(&fresh.1);
                s.take_analysis(k, fresh, Some(token), ms);
            }
            Action::Taught { gen, file, changed, ms } => {
                // An answer for a state already left (undone, or a newer correction) is dropped.
                if s.taught.gen != gen {
                    return self;
                }
                s.taught = Rc::new(Taught::from_file(gen, file));
                s.learn_ms = Some(ms);
                if changed {
                    s.changed();
                }
            }
            Action::Import(file) => {
                s.remember();
                let gen = s.gen();
                s.notice = Some(Notice::TaughtImported(file.corrections));
                s.taught = Rc::new(Taught::from_file(gen, file));
                s.changed();
            }
            Action::Refused { gen: None, reason } => s.notice = Some(Notice::TaughtRefused(reason)),
            Action::Refused { gen: Some(gen), reason } => {
                // The worker could not hold what was stored (made with another model): it holds
                // the shipped model, and the file is kept aside.
                if s.taught.gen != gen {
                    return self;
                }
                s.unusable = s.taught.to_file().map(Rc::new).or(s.unusable.take());
                s.taught = Rc::new(Taught { gen, ..Taught::default() });
                s.notice = Some(Notice::TaughtUnusable(reason));
                s.changed();
            }
            Action::ResetModel => {
                if s.taught.file.is_none() && !s.taught.pending {
                    return self;
                }
                s.remember();
                let gen = s.gen();
                s.taught = Rc::new(Taught { gen, ..Taught::default() });
                s.notice = Some(Notice::ModelReset);
                s.changed();
            }
            Action::RetagAll => {
                let n = s.docs.iter().filter(|e| e.is_current() && !e.text.is_empty()).count();
                if n == 0 {
                    return self;
                }
                // One step back undoes the re-tag of every document.
                s.remember();
                s.retag_all += 1;
                s.notice = Some(Notice::RetagAll(n));
            }
            Action::SetEngine(engine) => s.engine = engine,
            Action::Edit(op) => {
                if !s.entry().is_current() {
                    return self; // annotations are edited on the analyzed text only
                }
                s.edit(op);
            }
            Action::AddDocs(files) if !files.is_empty() => s.add_docs(files),
            Action::AddDocs(_) => return self,
            Action::NewDoc => {
                s.remember();
                s.docs.push(Entry::new(s.next_id, String::new(), ""));
                s.next_id += 1;
                s.current = s.docs.len() - 1;
                s.unfocus();
                s.changed();
            }
            Action::SelectDoc(i) if i < s.docs.len() && i != s.current => {
                s.current = i;
                s.unfocus();
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
                if !s.step_history(matches!(a, Action::Undo)) {
                    return self;
                }
            }
            Action::Focus(f) => {
                if s.focus == f {
                    return self;
                }
                if let Some(Focus::Claim(i)) = f {
                    s.active_claim = Some(i);
                }
                s.anchor = None;
                s.walk = Walk::Text;
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
                let focused = match s.focus {
                    Some(Focus::Entity(i)) => Some(i),
                    _ => None,
                };
                let starts: Vec<usize> = entities.iter().map(|e| e.span.start).collect();
                let Some(next) = step(&starts, focused, s.place, d, true) else { return self };
                s.anchor = None;
                s.walk = Walk::Text;
                s.set_focus(Some(Focus::Entity(next)));
            }
            Action::StepUnsure(d) => {
                let doc = &s.entry().doc;
                let from = match s.focus {
                    Some(Focus::Entity(i)) => doc.entities.get(i).map(|e| (e.confidence, e.span.start)),
                    _ => None,
                };
                let Some(next) = unsure_step(doc, from, d < 0) else { return self };
                s.anchor = None;
                s.walk = Walk::Unsure;
                s.set_focus(Some(Focus::Entity(next)));
            }
            Action::StepClaim(d) => {
                let focused = match s.focus {
                    Some(Focus::Claim(i)) => Some(i),
                    _ => None,
                };
                let starts: Vec<usize> = s.entry().doc.claims.iter().map(|c| c.content.start).collect();
                let Some(next) = step(&starts, focused, s.place, d, false) else { return self };
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
                match found {
                    Some(r) if untouched => s.load(r),
                    // What was taught is kept all the same.
                    Some(r) => s.load_taught(r.taught, r.unusable),
                    None => {}
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
            (Key::Unsure { back }, _) => Action::StepUnsure(if back { -1 } else { 1 }),
            (Key::NextClaim, _) => Action::StepClaim(1),
            (Key::PrevClaim, _) => Action::StepClaim(-1),
            (Key::Extend { forward }, _) => {
                let (snap, anchor) = self.extended(forward)?;
                Action::Extended(snap, anchor)
            }
            _ => return None,
        })
    }

    /// The current document edited by `op`: a step of history, the correction taught to the
    /// model, a notice of what a bulk action did, the focus where the edit leaves it.
    fn edit(&mut self, op: Op) {
        self.remember();
        let deletes_claim = matches!(op, Op::DeleteClaim(_));
        let bulk = match op {
            Op::AcceptAll(label) => Some((true, label)),
            Op::RejectAll(label) => Some((false, label)),
            _ => None,
        };
        let before = self.entry().doc.entities.iter().filter(|e| e.status == Status::Auto).count();
        let teaches = teaches(&self.entry().doc, &op);
        let tagged_before: std::collections::HashSet<usize> = match op {
            Op::TagAll { .. } => self.entry().doc.entities.iter().map(|e| e.span.start).collect(),
            _ => Default::default(),
        };
        let walk = self.walk;
        let focus = apply(Rc::make_mut(&mut self.entry_mut().doc), op, walk);
        if let Some(at) = teaches {
            // The corrected sentence; after "tag all", the first sentences it tagged too.
            let doc = &self.entry().doc;
            let more = doc
                .entities
                .iter()
                .filter(|e| e.source == "user:tag-all" && !tagged_before.contains(&e.span.start))
                .map(|e| e.span.start);
            let mut lessons: Vec<(usize, Lesson)> = Vec::new();
            for at in std::iter::once(at).chain(more) {
                let (start, l) = lesson(doc, at);
                if !lessons.iter().any(|(s, _)| *s == start) {
                    lessons.push((start, l));
                }
                if lessons.len() == TAG_ALL_LESSONS {
                    break;
                }
            }
            self.teach(lessons.into_iter().map(|(_, l)| l).collect());
        }
        if let Some((accepted, label)) = bulk {
            let after = self.entry().doc.entities.iter().filter(|e| e.status == Status::Auto).count();
            self.notice = Some(Notice::Bulk { accepted, label, n: before - after });
        }
        if let Some(Focus::Claim(i)) = focus {
            self.active_claim = Some(i);
        } else if deletes_claim {
            self.active_claim = None;
        }
        self.set_focus(focus);
        self.changed();
    }

    /// Document `k` with a new analysis of its text, merged keeping the person's work; the focus
    /// stays on what it was on. `token` names the analysis, kept for re-tags computed against it.
    fn take_analysis(&mut self, k: usize, doc: Document, token: Option<u64>, ms: f64) {
        let place = self.focus_place();
        let e = &mut self.docs[k];
        if let Some(t) = token {
            e.keep_fresh(t, Rc::new(doc.clone()));
        }
        e.doc = Rc::new(edit::merge(&e.doc, doc));
        if k == self.current {
            self.refocus(place);
        }
        self.analysis_ms = Some(ms);
        self.changed();
    }

    /// What was taught, as stored: it becomes a new state (the worker is told to hold it).
    fn load_taught(&mut self, taught: Option<TaughtFile>, unusable: Option<TaughtFile>) {
        if taught != self.taught.to_file() {
            let gen = self.gen();
            self.taught =
                Rc::new(taught.map_or_else(|| Taught { gen, ..Taught::default() }, |f| Taught::from_file(gen, f)));
        }
        self.unusable = unusable.map(Rc::new);
    }

    fn load(&mut self, r: Restored) {
        self.load_taught(r.taught, r.unusable);
        if r.docs.is_empty() {
            return;
        }
        self.next_id = r.docs.iter().map(|d| d.0).max().unwrap_or(0) + 1;
        self.docs = r.docs.into_iter().map(|(id, name, doc)| Entry::with_doc(id, name, doc)).collect();
        self.current = r.current.min(self.docs.len() - 1);
        self.focus = None;
    }
}

/// The item `d` steps (±1) from the `focused` one among items starting at `starts` (in order),
/// round the end; with nothing focused, from the place (after an undo, a click in the text), the
/// item at it included when `at_place` is.
fn step(starts: &[usize], focused: Option<usize>, place: Option<usize>, d: isize, at_place: bool) -> Option<usize> {
    let n = starts.len();
    if n == 0 {
        return None;
    }
    Some(match (focused, place) {
        (Some(i), _) => (i as isize + d).rem_euclid(n as isize) as usize,
        (_, Some(p)) if d > 0 => starts.iter().position(|&s| s > p || (at_place && s == p)).unwrap_or(0),
        (_, Some(p)) => starts.iter().rposition(|&s| s < p).unwrap_or(n - 1),
        _ if d < 0 => n - 1,
        _ => 0,
    })
}

/// Whether the model tags `label` (people, organizations, places): correcting another label
/// teaches it nothing.
fn learned(label: Label) -> bool {
    wasim_engine::tagger::LABELS.contains(&label)
}

/// Where an edit of `doc` corrects what the model tags: a byte of the corrected sentence.
/// Adding, relabeling, accepting, deleting and tagging all teach; bulk actions and claims do
/// not.
fn teaches(doc: &Document, op: &Op) -> Option<usize> {
    let entity = |i: usize| doc.entities.get(i);
    match *op {
        Op::Add { span, label } => {
            let replaced = doc.entities.iter().any(|e| e.span.overlaps(span) && learned(e.label));
            (learned(label) || replaced).then_some(span.start)
        }
        Op::Relabel { i, label } => {
            entity(i).filter(|e| e.label != label && (learned(e.label) || learned(label))).map(|e| e.span.start)
        }
        Op::Accept(i) => entity(i).filter(|e| e.status == Status::Auto && learned(e.label)).map(|e| e.span.start),
        Op::Delete(i) => entity(i).filter(|e| learned(e.label)).map(|e| e.span.start),
        Op::TagAll { span, label } if learned(label) => Some(span.start),
        _ => None,
    }
}

/// The sentence holding byte `at` as the worker learns it: its paragraph (line) with the
/// entities in it, offsets from the paragraph's start (returned too). The paragraph, not the
/// whole document: learning reads its text's words again, which on a 50,000-word document took
/// 107 ms natively for the document and well under one for a paragraph.
fn lesson(doc: &Document, at: usize) -> (usize, Lesson) {
    let text = doc.text.as_str();
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let start = text[..at].rfind('\n').map_or(0, |p| p + 1);
    let end = text[at..].find('\n').map_or(text.len(), |p| at + p);
    let entities = doc
        .entities
        .iter()
        .filter(|e| e.span.start >= start && e.span.end <= end)
        .map(|e| wasim_engine::Entity { span: Span::new(e.span.start - start, e.span.end - start), ..e.clone() })
        .collect();
    let para = Document { text: text[start..end].to_string(), entities, ..Document::default() };
    (start, Lesson { doc: para, at: at - start })
}

/// The model's proposal after (or, `back`, before) the one with confidence and start `from` in
/// the order of confidence, least confident first; wraps around. None when every one has been
/// reviewed. Rules' proposals are left out: their confidences are not calibrated.
fn unsure_step(doc: &Document, from: Option<(f32, usize)>, back: bool) -> Option<usize> {
    let key = |i: usize| (doc.entities[i].confidence, doc.entities[i].span.start);
    let cmp = |a: (f32, usize), b: (f32, usize)| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1));
    let auto =
        (0..doc.entities.len()).filter(|&i| doc.entities[i].status == Status::Auto && calibrated(&doc.entities[i]));
    let best = |it: &mut dyn Iterator<Item = usize>| {
        if back {
            it.max_by(|&a, &b| cmp(key(a), key(b)))
        } else {
            it.min_by(|&a, &b| cmp(key(a), key(b)))
        }
    };
    let beyond = |i: &usize| {
        from.is_none_or(|f| {
            let o = cmp(key(*i), f);
            if back {
                o.is_lt()
            } else {
                o.is_gt()
            }
        })
    };
    best(&mut auto.clone().filter(beyond)).or_else(|| best(&mut auto.clone()))
}

/// Applies an edit; returns what should have the focus after it.
fn apply(doc: &mut Document, op: Op, walk: Walk) -> Option<Focus> {
    let unsure_after = |doc: &Document, key: Option<(f32, usize)>| unsure_step(doc, key, false).map(Focus::Entity);
    let key = |doc: &Document, i: usize| doc.entities.get(i).map(|e| (e.confidence, e.span.start));
    match op {
        Op::Add { span, label } => Some(Focus::Entity(edit::add_entity(doc, span, label, "user"))),
        Op::Relabel { i, label } => {
            edit::set_label(doc, i, label);
            Some(Focus::Entity(i))
        }
        Op::Accept(i) => {
            let was = key(doc, i);
            edit::accept(doc, i);
            // On to the next entity no person has reviewed yet: in the text, or the next least
            // sure one when walking by confidence.
            match walk {
                Walk::Unsure => unsure_after(doc, was).or(Some(Focus::Entity(i))),
                Walk::Text => Some(Focus::Entity(wasim_engine::view::next_unreviewed(doc, i).unwrap_or(i))),
            }
        }
        Op::Delete(i) => {
            let was = key(doc, i);
            edit::delete(doc, i);
            match walk {
                Walk::Unsure if doc.entities.iter().any(|e| e.status == Status::Auto && calibrated(e)) => {
                    unsure_after(doc, was)
                }
                _ => (!doc.entities.is_empty()).then(|| Focus::Entity(i.min(doc.entities.len() - 1))),
            }
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
        Action::Analyzed { id: e.id, doc: wasim_engine::annotate(&e.text), ms: 1.0, token: None, gen: 0 }
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
        let s = run(s, vec![Action::Analyzed { id, doc: wasim_engine::annotate("مص"), ms: 1.0, token: None, gen: 0 }]);
        assert!(!s.entry().is_current(), "a result for older text must not replace the view");
        let s = run(s, vec![Action::Analyzed { id, doc: wasim_engine::annotate("مصر"), ms: 2.0, token: None, gen: 0 }]);
        assert!(s.entry().is_current());
        assert_eq!(s.analysis_ms, Some(2.0));
        assert_eq!(s.entry().doc.entities.len(), 1);
    }

    #[test]
    fn every_edit_undoes_and_redoes() {
        let s = typed("وصل الوزير إلى القاهرة.");
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
        let s = typed("وصل الوزير إلى القاهرة.");
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
        let s = typed("وصل الوزير إلى القاهرة.");
        let other = wasim_engine::annotate("نص آخر");
        let s = run(s, vec![Action::Compare(Some(("b.json".into(), other)))]);
        assert_eq!((s.comparison.is_none(), s.notice.clone()), (true, Some(Notice::DifferentText("b.json".into()))));
        let same = wasim_engine::annotate("وصل الوزير إلى القاهرة.");
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
        let s = typed("وصل الوزير إلى القاهرة.");
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
        let stored = Restored {
            docs: vec![(7, "قديم".into(), wasim_engine::annotate("نص قديم"))],
            current: 0,
            taught: None,
            unusable: None,
        };
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

    /// A document analyzed by the worker (its analysis named `token`), with hand-made entities
    /// so that the tests do not depend on what the rules or the model tag.
    fn worker_doc(text: &str, entities: &[(&str, Label, f32)], token: u64) -> State {
        let mut doc = Document { text: text.into(), ..Document::default() };
        for &(w, label, confidence) in entities {
            let at = text.find(w).unwrap();
            let span = Span::new(at, at + w.len());
            doc.entities.push(wasim_engine::Entity {
                span,
                label,
                source: "model".into(),
                confidence,
                status: Status::Auto,
            });
        }
        doc.sort();
        let s = run(State::default(), vec![Action::SetText(text.into()), Action::SetEngine(Engine::Model)]);
        let id = s.entry().id;
        run(s, vec![Action::Analyzed { id, doc, ms: 1.0, token: Some(token), gen: 0 }])
    }

    fn at(s: &State, word: &str) -> usize {
        let at = s.entry().text.find(word).unwrap();
        s.entry().doc.entities.iter().position(|e| e.span.start == at).unwrap()
    }

    #[test]
    fn a_correction_teaches_its_paragraph_and_undo_unteaches_it() {
        // "Intro line." / "The buyer bought a car in Cairo." (the buyer wrongly a place)
        let text = "سطر أول.\nاشترى المشتري سيارة في القاهرة.";
        let s = worker_doc(text, &[("المشتري", Label::LOC, 0.55), ("القاهرة", Label::LOC, 0.95)], 1);
        assert_eq!(s.taught.gen, 0);
        let s = run(s.clone(), vec![Action::Edit(Op::Delete(at(&s, "المشتري")))]);
        let teach = s.lessons.back().expect("the deletion is a lesson").clone();
        assert!(s.taught.pending && s.taught.gen == teach.gen);
        let lesson = &teach.lessons[0];
        assert_eq!(lesson.doc.text, "اشترى المشتري سيارة في القاهرة.", "the corrected paragraph alone");
        assert_eq!(lesson.doc.entities.len(), 1, "Cairo stays, the buyer is gone");
        assert_eq!(lesson.doc.entities[0].span.of(&lesson.doc.text), "القاهرة", "offsets in the paragraph");
        // Relabeling a date or accepting a reviewed entity teaches the model nothing.
        let n = s.lessons.len();
        let cairo = at(&s, "القاهرة");
        let s = run(s, vec![Action::Edit(Op::Accept(cairo))]);
        assert_eq!(s.lessons.len(), n + 1, "accepting a proposal teaches");
        let s = run(s, vec![Action::Edit(Op::Accept(cairo))]);
        assert_eq!(s.lessons.len(), n + 1, "accepting it again does not");
        // The worker's answer for the newest state is taken; an older one is dropped.
        let file = TaughtFile { corrections: 2, since: Some("2026-11-29".into()), bytes: vec![1, 2] };
        let stale = Action::Taught { gen: teach.gen, file: file.clone(), changed: true, ms: 0.5 };
        let s = run(s, vec![stale]);
        assert!(s.taught.pending, "an answer for a state already left is dropped");
        let newest = s.taught.gen;
        let s = run(s, vec![Action::Taught { gen: newest, file: file.clone(), changed: true, ms: 0.5 }]);
        assert_eq!((s.taught.corrections, s.taught.pending, s.learn_ms), (2, false, Some(0.5)));
        assert_eq!(s.taught.to_file(), Some(file));
        // Undo takes back the acceptance and what it taught: the state before it is held again.
        let s = run(s, vec![Action::Undo, Action::Undo]);
        assert_eq!(s.taught.gen, teach.gen);
        assert_eq!(s.entry().doc.entities.len(), 1);
    }

    #[test]
    fn without_a_model_corrections_teach_nothing() {
        let s = worker_doc("زار المشتري القاهرة.", &[("المشتري", Label::LOC, 0.55)], 1);
        let s = run(s, vec![Action::SetEngine(Engine::PageRules), Action::Edit(Op::Delete(0))]);
        assert!(s.lessons.is_empty() && !s.taught.pending);
    }

    #[test]
    fn a_retag_keeps_the_persons_work_and_the_focus() {
        let text = "زار زرقلون القاهرة والتقى المشتري في بيروت.";
        let s = worker_doc(
            text,
            &[("القاهرة", Label::LOC, 0.9), ("المشتري", Label::LOC, 0.55), ("بيروت", Label::LOC, 0.9)],
            5,
        );
        let beirut = at(&s, "بيروت");
        // The person accepts Cairo and focuses Beirut; the re-tag adds a name before them and
        // drops the buyer.
        let s = run(
            s.clone(),
            vec![Action::Edit(Op::Accept(at(&s, "القاهرة"))), Action::Focus(Some(Focus::Entity(beirut)))],
        );
        let fresh = s.entry().fresh.last().unwrap().1.clone();
        let mut next = (*fresh).clone();
        let z = text.find("زرقلون").unwrap();
        next.entities.retain(|e| e.span.of(text) != "المشتري");
        let name = wasim_engine::Entity {
            span: Span::new(z, z + "زرقلون".len()),
            label: Label::PER,
            source: "model:taught".into(),
            confidence: 0.8,
            status: Status::Auto,
        };
        next.entities.push(name);
        next.sort();
        let delta = Delta::between(&fresh, &next);
        let id = s.entry().id;
        let stale = Action::Retagged { id, base: 4, token: 6, gen: 0, delta: delta.clone(), ms: 9.0 };
        assert_eq!(run(s.clone(), vec![stale]).entry().doc, s.entry().doc, "a delta from another analysis is dropped");
        let s = run(s, vec![Action::Retagged { id, base: 5, token: 6, gen: 0, delta, ms: 9.0 }]);
        let doc = &s.entry().doc;
        let words: Vec<(&str, Status)> = doc.entities.iter().map(|e| (e.span.of(text), e.status)).collect();
        assert_eq!(words, [("زرقلون", Status::Auto), ("القاهرة", Status::Accepted), ("بيروت", Status::Auto)]);
        assert_eq!(s.focus, Some(Focus::Entity(2)), "Beirut keeps the focus though it moved");
        assert_eq!(s.entry().base(), Some(6));
        // A second re-tag computed from the analysis the page had before the first arrived
        // (two corrections in a row) still lands: the page kept that analysis.
        let mut third = (*fresh).clone();
        third.entities.clear();
        let delta = Delta::between(&fresh, &third);
        let later = run(s.clone(), vec![Action::Retagged { id, base: 5, token: 7, gen: 0, delta, ms: 9.0 }]);
        let words: Vec<&str> = later.entry().doc.entities.iter().map(|e| e.span.of(text)).collect();
        assert_eq!(words, ["القاهرة"], "the accepted place alone stays");
        assert_eq!(later.entry().base(), Some(7));
        assert_eq!(*doc, Rc::new(edit::merge(doc, next)), "the same as merging the whole analysis");
    }

    #[test]
    fn a_retag_made_with_a_correction_that_was_undone_is_dropped() {
        // "The minister arrived at Cairo International Airport." The person marks the airport
        // around the place the model tagged, then undoes it before the worker's re-tag arrives.
        let text = "وصل الوزير إلى مطار القاهرة الدولي.";
        let s = worker_doc(text, &[("القاهرة", Label::LOC, 0.9)], 1);
        let before = s.entry().doc.clone();
        let at = text.find("مطار").unwrap(); // in the literal above
        let airport = Span::new(at, at + "مطار القاهرة الدولي".len());
        let s = run(s, vec![Action::Edit(Op::Add { span: airport, label: Label::LOC })]);
        let gen = s.taught.gen;
        assert!(gen > 0 && s.taught.pending);
        // What the worker re-tags with what it learned: the airport, proposed by the model.
        // (`worker_doc` kept the worker's analysis it was built from.)
        let fresh = s.entry().fresh.last().unwrap().1.clone();
        let mut next = (*fresh).clone();
        next.entities = vec![wasim_engine::Entity {
            span: airport,
            label: Label::LOC,
            source: "model:taught".into(),
            confidence: 0.9,
            status: Status::Auto,
        }];
        let retag = |gen| Action::Retagged {
            id: s.entry().id,
            base: 1,
            token: 2,
            gen,
            delta: Delta::between(&fresh, &next),
            ms: 3.0,
        };
        let undone = run(s.clone(), vec![Action::Undo]);
        assert_eq!(undone.entry().doc, before);
        assert_eq!(run(undone.clone(), vec![retag(gen)]).entry().doc, before, "the undone lesson stays undone");
        let words = |s: &State| s.entry().doc.entities.iter().map(|e| e.span.of(text).to_string()).collect::<Vec<_>>();
        assert_eq!(
            words(&run(undone.clone(), vec![retag(0)])),
            ["مطار القاهرة الدولي"],
            "one made with the state held lands"
        );
        // Redone, the state is held again and its re-tag lands.
        assert_eq!(run(undone, vec![Action::Redo, retag(gen)]).entry().base(), Some(2));
    }

    #[test]
    fn u_walks_the_least_sure_proposals_first() {
        let text = "زار أ ب ج د القاهرة.";
        let s = worker_doc(
            text,
            &[("أ", Label::PER, 0.7), ("ب", Label::PER, 0.3), ("ج", Label::ORG, 0.55), ("د", Label::LOC, 0.3)],
            1,
        );
        // A rule's guess of 0.2 is no calibrated confidence: not walked.
        let mut s = s;
        let rule = s.entry().doc.entities.iter().position(|e| e.span.of(text) == "القاهرة");
        assert!(rule.is_none());
        let at = text.find("القاهرة").unwrap();
        let doc = Rc::make_mut(&mut s.docs[0].doc);
        doc.entities.push(wasim_engine::Entity {
            span: Span::new(at, at + "القاهرة".len()),
            label: Label::LOC,
            source: "list:cities".into(),
            confidence: 0.2,
            status: Status::Auto,
        });
        doc.sort();
        let word = |s: &State| match s.focus {
            Some(Focus::Entity(i)) => s.entry().doc.entities[i].span.of(text).to_string(),
            ref f => panic!("{f:?}"),
        };
        let s = run(s, vec![Action::Key(Key::Unsure { back: false })]);
        assert_eq!((word(&s), s.walk), ("ب".into(), Walk::Unsure), "least sure first, then by place");
        let s = run(s, vec![Action::Key(Key::Unsure { back: false })]);
        assert_eq!(word(&s), "د");
        // Accepting goes on to the next least sure one; the reviewed ones are left out.
        let s = run(s, vec![Action::Key(Key::Enter)]);
        assert_eq!(word(&s), "ج");
        let s = run(s, vec![Action::Key(Key::Delete)]);
        assert_eq!(word(&s), "أ");
        let s = run(s, vec![Action::Key(Key::Unsure { back: false })]);
        assert_eq!(word(&s), "ب", "wraps around to the least sure one not reviewed");
        let s = run(s, vec![Action::Key(Key::Unsure { back: true })]);
        assert_eq!(word(&s), "أ");
        let s = run(s, vec![Action::Step(1)]);
        assert_eq!(s.walk, Walk::Text, "n and p walk the text again");
    }

    #[test]
    fn import_reset_and_a_file_the_model_cannot_use() {
        let s = worker_doc("وصل الوزير إلى القاهرة.", &[], 1);
        let file = TaughtFile { corrections: 4, since: Some("2026-11-01".into()), bytes: vec![9; 12] };
        let s = run(s, vec![Action::Import(file.clone())]);
        assert_eq!((s.taught.corrections, s.notice.clone()), (4, Some(Notice::TaughtImported(4))));
        let imported = s.taught.gen;
        let s = run(s, vec![Action::ResetModel]);
        assert_eq!((s.taught.file.is_none(), s.notice.clone()), (true, Some(Notice::ModelReset)));
        assert_ne!(s.taught.gen, imported, "a new state for the worker to hold");
        let s = run(s, vec![Action::Undo]);
        assert_eq!((s.taught.gen, s.taught.corrections), (imported, 4), "reset is undone");
        let s = run(s, vec![Action::Undo]);
        assert_eq!(s.taught.corrections, 0, "and so is the import");
        // A refused import changes nothing.
        let before = s.taught.clone();
        let s = run(s, vec![Action::Refused { gen: None, reason: Refusal::OtherModel }]);
        assert_eq!((s.taught.clone(), s.notice.clone()), (before, Some(Notice::TaughtRefused(Refusal::OtherModel))));
        // A stored file the worker cannot hold is set aside, and the model is as shipped.
        let stored = Restored { docs: vec![], current: 0, taught: Some(file.clone()), unusable: None };
        let s = run(s, vec![Action::External(stored)]);
        assert_eq!(s.taught.corrections, 4);
        let gen = s.taught.gen;
        let s = run(s, vec![Action::Refused { gen: Some(gen), reason: Refusal::OtherModel }]);
        assert_eq!((s.taught.corrections, s.unusable.as_deref()), (0, Some(&file)));
    }

    #[test]
    fn retag_all_asks_for_every_analyzed_document_once_undoably() {
        let s = worker_doc("وصل الوزير إلى القاهرة.", &[], 1);
        let s = run(s, vec![Action::NewDoc, Action::SetText("نص لم يحلل بعد".into())]);
        let s = run(s, vec![Action::RetagAll]);
        assert_eq!((s.retag_all, s.notice.clone()), (1, Some(Notice::RetagAll(1))));
        assert!(s.can_undo());
    }
}
