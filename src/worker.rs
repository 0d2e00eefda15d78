//! What the analysis worker does (`src/bin/wasim-worker.rs` only wires it to the browser's
//! messages), kept apart from the browser so that it is tested natively. The worker owns the
//! annotator: the rules, the learned model and what a person taught it. It analyzes, learns
//! from corrections and re-tags, checks and loads taught files. It keeps the last analyses it
//! sent of each document, so that a re-tag can be answered with what changed (`Delta`) from the
//! one the page says it has.
//!
//! A re-tag after a lesson is not run at once but kept until the messages that came meanwhile
//! are read (`flush`, which the browser glue calls from a zero timeout): corrections made in a
//! row (Enter, Enter, Enter) re-tag a long document once, not once each.

use crate::delta::Delta;
use crate::protocol::{Job, Refusal, Request, Response, TaughtFile};
use std::collections::{HashMap, VecDeque};
use wasim_engine::tagger::Model;
use wasim_engine::{Annotator, Document};

/// How many documents' analyses are kept (the least recently analyzed goes first; a document
/// without one is answered in full).
const KEEP: usize = 32;
/// How many analyses of one document are kept: the page may not have had the newest yet when
/// it sends a correction, or may have gone back to an older one (undo).
const KEEP_EACH: usize = 3;

pub struct Worker {
    annotator: Annotator,
    /// The last analyses sent of each document, with their tokens, newest last.
    last: HashMap<u64, VecDeque<(u64, Document)>>,
    next_token: u64,
    /// The taught state held (as the page numbers them; 0 until told).
    gen: u64,
    /// Re-tags to run once the messages waiting are read, by document.
    retag: Vec<Job>,
}

impl Worker {
    /// A worker with the model of `model` (a model file), or the rules alone when it cannot be
    /// read.
    pub fn new(model: &[u8]) -> Worker {
        let model = Model::from_bytes(model).ok();
        // The model's fingerprint (what taught files are checked against) worked out now, while
        // the page loads, not when the first correction is learned: it would hold that
        // correction's re-tag back by tens of milliseconds.
        if let Some(m) = &model {
            m.fingerprint();
        }
        Worker { annotator: Annotator::new(model), last: HashMap::new(), next_token: 1, gen: 0, retag: Vec::new() }
    }

    /// The first message: the worker listens, with or without the model.
    pub fn ready(&self) -> Response {
        Response::Ready { model: self.annotator.model().is_some() }
    }

    /// Whether re-tags wait for [`Worker::flush`].
    pub fn has_retags(&self) -> bool {
        !self.retag.is_empty()
    }

    /// Runs the re-tags that waited, one per document.
    pub fn flush(&mut self, clock: &dyn Fn() -> f64, post: &mut dyn FnMut(Response)) {
        for job in std::mem::take(&mut self.retag) {
            post(self.analyze(job, clock));
        }
    }

    /// Answers `request` through `post`; a re-tag after a lesson waits for [`Worker::flush`].
    /// `clock` reads milliseconds.
    pub fn handle(&mut self, request: Request, clock: &dyn Fn() -> f64, post: &mut dyn FnMut(Response)) {
        match request {
            Request::Analyze(job) => post(self.analyze(job, clock)),
            Request::Learn { gen, lessons, today, retag } => {
                let t0 = clock();
                self.gen = gen;
                let mut changed = false;
                for l in &lessons {
                    changed |= self.annotator.learn(&l.doc, l.at);
                }
                if let Some(m) = self.annotator.model_mut().filter(|_| changed) {
                    m.taught.since.get_or_insert(today);
                }
                let ms = clock() - t0;
                post(Response::Taught { gen, taught: self.taught(), changed, ms });
                if let Some(job) = retag.filter(|_| changed) {
                    // A later lesson of the same document replaces the earlier re-tag: its base
                    // is the page's newer or equal analysis.
                    self.retag.retain(|j| j.id != job.id);
                    self.retag.push(job);
                }
            }
            Request::Check { bytes } => post(match self.check(&bytes) {
                Ok(taught) => Response::Checked { taught },
                Err(reason) => Response::Refused { gen: None, reason },
            }),
            Request::Load { gen, bytes } => {
                self.gen = gen;
                match (self.annotator.model_mut(), bytes) {
                    (Some(m), None) => m.reset(),
                    (Some(m), Some(b)) => {
                        if let Err(e) = m.load_taught(&b) {
                            m.reset();
                            post(Response::Refused { gen: Some(gen), reason: e.into() });
                        }
                    }
                    (None, Some(_)) => post(Response::Refused { gen: Some(gen), reason: Refusal::NoModel }),
                    (None, None) => {}
                }
            }
        }
    }

    fn analyze(&mut self, job: Job, clock: &dyn Fn() -> f64) -> Response {
        // The page's analysis `base`, if the worker still has it.
        let base = self.last.get(&job.id).and_then(|h| h.iter().find(|(t, _)| Some(*t) == job.base));
        let Some(text) = job.text.as_deref().or(base.map(|(_, d)| d.text.as_str())) else {
            return Response::Resend { id: job.id };
        };
        let t0 = clock();
        let doc = self.annotator.annotate(text);
        let ms = clock() - t0;
        let token = self.next_token;
        self.next_token += 1;
        let answer = match base {
            Some((t, old)) if old.text == doc.text => {
                Response::Retagged { id: job.id, base: *t, token, gen: self.gen, delta: Delta::between(old, &doc), ms }
            }
            _ => Response::Analyzed { id: job.id, doc: doc.clone(), token, gen: self.gen, ms },
        };
        let history = self.last.entry(job.id).or_default();
        history.push_back((token, doc));
        if history.len() > KEEP_EACH {
            history.pop_front();
        }
        if self.last.len() > KEEP {
            let newest = |h: &VecDeque<(u64, Document)>| h.back().map_or(0, |(t, _)| *t);
            if let Some(oldest) = self.last.iter().min_by_key(|(_, h)| newest(h)).map(|(id, _)| *id) {
                self.last.remove(&oldest);
            }
        }
        answer
    }

    /// What was taught, as a file.
    fn taught(&self) -> TaughtFile {
        self.annotator.model().map_or_else(TaughtFile::default, |m| TaughtFile {
            corrections: m.taught.corrections,
            since: m.taught.since.clone(),
            bytes: m.taught_bytes(),
        })
    }

    /// What a file holds, if this model can take it; the model is left as it was.
    fn check(&mut self, bytes: &[u8]) -> Result<TaughtFile, Refusal> {
        let m = self.annotator.model_mut().ok_or(Refusal::NoModel)?;
        let before = std::mem::take(&mut m.taught);
        let read = m.load_taught(bytes);
        let file =
            TaughtFile { corrections: m.taught.corrections, since: m.taught.since.clone(), bytes: m.taught_bytes() };
        m.taught = before;
        read.map(|()| file).map_err(Refusal::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::Lesson;
    use wasim_engine::{Entity, Label, Span};

    const MODEL: &[u8] = include_bytes!("../crates/engine/model/wasim.model");

    /// Answers `r` and runs the re-tags it left, as the browser glue does after a message.
    fn run(w: &mut Worker, r: Request) -> Vec<Response> {
        let mut out = Vec::new();
        w.handle(r, &|| 0.0, &mut |m| out.push(m));
        w.flush(&|| 0.0, &mut |m| out.push(m));
        out
    }

    /// The paragraph `text` with `word` tagged `label` by a person, as the page sends it.
    fn lesson(text: &str, word: &str, label: Label) -> Lesson {
        let at = text.find(word).unwrap();
        let mut doc = wasim_engine::annotate(text);
        wasim_engine::edit::add_entity(&mut doc, Span::new(at, at + word.len()), label, "user");
        Lesson { doc, at }
    }

    fn per_at<'d>(doc: &'d Document, word: &str) -> Option<&'d Entity> {
        let at = doc.text.find(word)?;
        doc.entities.iter().find(|e| e.span.start == at && e.label == Label::PER)
    }

    #[test]
    fn a_name_taught_twice_is_found_in_a_new_document_and_only_changes_travel() {
        let mut w = Worker::new(MODEL);
        assert_eq!(w.ready(), Response::Ready { model: true });
        // "Zarqaloun Faysamer visited the factory yesterday." (a made-up name)
        let new_doc = "وقالت الشرطة إن زرقلون فيسامر غادر المدينة.";
        let job = |id, text: &str, base| Job { id, text: Some(text.into()), base };
        let before = match &run(&mut w, Request::Analyze(job(1, new_doc, None)))[..] {
            [Response::Analyzed { doc, token, .. }] => (doc.clone(), *token),
            r => panic!("{r:?}"),
        };
        assert!(per_at(&before.0, "زرقلون").is_none(), "not known before");
        let lessons = vec![
            lesson("زار زرقلون فيسامر المصنع أمس.", "زرقلون فيسامر", Label::PER),
            lesson("التقى وزير الخارجية زرقلون فيسامر في القاهرة.", "زرقلون فيسامر", Label::PER),
        ];
        let out = run(
            &mut w,
            Request::Learn {
                gen: 7,
                lessons,
                today: "2026-11-29".into(),
                retag: Some(job(1, new_doc, Some(before.1))),
            },
        );
        let taught = match &out[0] {
            Response::Taught { gen: 7, taught, changed: true, .. } => taught.clone(),
            r => panic!("{r:?}"),
        };
        // A lesson the model already follows once the first one is learned teaches nothing and
        // is not counted: the second sentence, after a title, may be one.
        assert!((1..=2).contains(&taught.corrections), "{}", taught.corrections);
        assert_eq!(taught.since.as_deref(), Some("2026-11-29"));
        // The document is re-tagged, and what changed travels, not the document; the answer
        // names the taught state it was made with.
        let Response::Retagged { base, delta, gen: 7, .. } = &out[1] else { panic!("{:?}", out[1]) };
        assert_eq!(*base, before.1);
        let after = delta.apply(&before.0);
        assert!(per_at(&after, "زرقلون").is_some(), "{:?}", after.entities);
        assert!(after.entities.iter().any(|e| e.source == "model:taught"), "marked as taught: {:?}", after.entities);

        // What was taught travels to another worker through its file, checked first.
        let mut other = Worker::new(MODEL);
        let checked = run(&mut other, Request::Check { bytes: taught.bytes.clone() });
        assert_eq!(checked, vec![Response::Checked { taught: taught.clone() }]);
        let plain = run(&mut other, Request::Analyze(job(2, new_doc, None)));
        assert!(
            matches!(&plain[0], Response::Analyzed { doc, gen: 0, .. } if per_at(doc, "زرقلون").is_none()),
            "a check teaches nothing"
        );
        assert!(run(&mut other, Request::Load { gen: 3, bytes: Some(taught.bytes.clone()) }).is_empty());
        let loaded = run(&mut other, Request::Analyze(job(2, new_doc, None)));
        assert!(matches!(&loaded[0], Response::Analyzed { doc, gen: 3, .. } if per_at(doc, "زرقلون").is_some()));
        // And it is forgotten on reset.
        run(&mut other, Request::Load { gen: 4, bytes: None });
        let reset = run(&mut other, Request::Analyze(job(2, new_doc, None)));
        assert!(matches!(&reset[0], Response::Analyzed { doc, gen: 4, .. } if per_at(doc, "زرقلون").is_none()));
    }

    #[test]
    fn nothing_learned_no_retag_and_a_stale_base_gets_the_whole_analysis() {
        let mut w = Worker::new(MODEL);
        // "The weather is beautiful today, and the sea is calm." (no name in it)
        let text = "الجو جميل اليوم، والبحر هادئ.";
        let first = run(&mut w, Request::Analyze(Job { id: 1, text: Some(text.into()), base: None }));
        let Response::Analyzed { token, doc, .. } = &first[0] else { panic!() };
        // A sentence learned once is known with the margin the update asks for: learning it
        // again changes nothing, and the document is not re-tagged for nothing.
        let learn = |gen: u64| Request::Learn {
            gen,
            lessons: vec![Lesson { doc: doc.clone(), at: 0 }],
            today: "2026-11-29".into(),
            retag: Some(Job { id: 1, text: None, base: Some(*token) }),
        };
        run(&mut w, learn(1));
        let out = run(&mut w, learn(2));
        assert!(matches!(&out[..], [Response::Taught { gen: 2, changed: false, .. }]), "{out:?}");
        let stale = run(&mut w, Request::Analyze(Job { id: 1, text: Some(text.into()), base: Some(token + 10) }));
        assert!(matches!(&stale[0], Response::Analyzed { .. }), "a base the worker no longer has: all of it");
        // Without its text, a document whose analysis the worker no longer has is asked for.
        let lost = run(&mut w, Request::Analyze(Job { id: 1, text: None, base: Some(token + 10) }));
        assert_eq!(lost, vec![Response::Resend { id: 1 }]);
    }

    #[test]
    fn corrections_in_a_row_retag_once_from_the_analysis_the_page_has() {
        let mut w = Worker::new(MODEL);
        let text = "زار زرقلون فيسامر المصنع أمس.\nالتقى وزير الخارجية زرقلون فيسامر في القاهرة.";
        let job = |base| Job { id: 1, text: None, base };
        let first = run(&mut w, Request::Analyze(Job { id: 1, text: Some(text.into()), base: None }));
        let Response::Analyzed { token: t0, .. } = first[0] else { panic!() };
        let lesson = |nth: usize| {
            let at = text.match_indices("زرقلون فيسامر").nth(nth).unwrap().0;
            let line = text[..at].rfind('\n').map_or(0, |p| p + 1);
            let end = text[at..].find('\n').map_or(text.len(), |p| at + p);
            lesson(&text[line..end], "زرقلون فيسامر", Label::PER)
        };
        let mut out = Vec::new();
        for (gen, nth) in [(1, 0), (2, 1)] {
            let learn = Request::Learn {
                gen,
                lessons: vec![lesson(nth)],
                today: "2026-11-29".into(),
                retag: Some(job(Some(t0))),
            };
            w.handle(learn, &|| 0.0, &mut |m| out.push(m));
        }
        assert!(w.has_retags());
        w.flush(&|| 0.0, &mut |m| out.push(m));
        let retags: Vec<u64> = out
            .iter()
            .filter_map(|r| if let Response::Retagged { base, .. } = r { Some(*base) } else { None })
            .collect();
        assert_eq!(retags, vec![t0], "one re-tag for both, from the page's analysis: {out:?}");
        assert!(!w.has_retags());
        // The page may still have the first analysis (the re-tag on its way) or go back to it
        // (undo): a delta from it all the same.
        let again = run(&mut w, Request::Analyze(job(Some(t0))));
        assert!(matches!(again[..], [Response::Retagged { base, .. }] if base == t0), "{again:?}");
    }

    #[test]
    fn refused_files_change_nothing_and_a_worker_without_model_says_so() {
        let mut w = Worker::new(MODEL);
        let damaged = vec![Request::Check { bytes: b"WASIMTAU\x01\x00\x00\x00".to_vec() }];
        for r in damaged {
            assert!(matches!(&run(&mut w, r)[..], [Response::Refused { gen: None, reason: Refusal::Damaged { .. } }]));
        }
        assert!(matches!(
            &run(&mut w, Request::Check { bytes: b"{\"format\": \"wasim/1\"}".to_vec() })[..],
            [Response::Refused { reason: Refusal::NotAModel, .. }]
        ));
        let out = run(&mut w, Request::Load { gen: 9, bytes: Some(b"not a file".to_vec()) });
        assert_eq!(out, vec![Response::Refused { gen: Some(9), reason: Refusal::NotAModel }]);
        let mut rules = Worker::new(b"");
        assert_eq!(rules.ready(), Response::Ready { model: false });
        assert!(matches!(
            &run(&mut rules, Request::Check { bytes: vec![] })[..],
            [Response::Refused { reason: Refusal::NoModel, .. }]
        ));
        let doc = run(
            &mut rules,
            Request::Analyze(Job {
                id: 1, text: Some("وصل الوزير إلى القاهرة.".into()), base: None
            }),
        );
        assert!(
            matches!(&doc[0], Response::Analyzed { doc, .. } if doc.entities.iter().all(|e| !e.source.starts_with("model")))
        );
    }
}
