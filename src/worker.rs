//! What the analysis worker does (`src/bin/wasim-worker.rs` only wires it to the browser's
//! messages), kept apart from the browser so that it is tested natively. The worker owns the
//! annotator: the rules, the learned model and what a person taught it. It analyzes, learns
//! from corrections and re-tags, checks and loads taught files. It keeps the last analysis it
//! sent of each document, so that a re-tag can be answered with what changed (`Delta`).

use crate::delta::Delta;
use crate::protocol::{Job, Refusal, Request, Response, TaughtFile};
use std::collections::HashMap;
use wasim_engine::tagger::Model;
use wasim_engine::{Annotator, Document};

/// How many documents' last analyses are kept (the oldest goes first; a document without one
/// is answered in full).
const KEEP: usize = 32;

pub struct Worker {
    annotator: Annotator,
    /// The last analysis sent of each document, by its token.
    last: HashMap<u64, (u64, Document)>,
    next_token: u64,
}

impl Worker {
    /// A worker with the model of `model` (a model file), or the rules alone when it cannot be
    /// read.
    pub fn new(model: &[u8]) -> Worker {
        Worker { annotator: Annotator::new(Model::from_bytes(model).ok()), last: HashMap::new(), next_token: 1 }
    }

    /// The first message: the worker listens, with or without the model.
    pub fn ready(&self) -> Response {
        Response::Ready { model: self.annotator.model().is_some() }
    }

    /// Answers `request` through `post` (a learning's result goes out before the re-tag, which
    /// takes longer). `clock` reads milliseconds.
    pub fn handle(&mut self, request: Request, clock: &dyn Fn() -> f64, post: &mut dyn FnMut(Response)) {
        match request {
            Request::Analyze(job) => post(self.analyze(job, clock)),
            Request::Learn { gen, lessons, today, retag } => {
                let t0 = clock();
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
                    post(self.analyze(job, clock));
                }
            }
            Request::Check { bytes } => post(match self.check(&bytes) {
                Ok(taught) => Response::Checked { taught },
                Err(reason) => Response::Refused { gen: None, reason },
            }),
            Request::Load { gen, bytes } => match (self.annotator.model_mut(), bytes) {
                (Some(m), None) => m.reset(),
                (Some(m), Some(b)) => {
                    if let Err(e) = m.load_taught(&b) {
                        m.reset();
                        post(Response::Refused { gen: Some(gen), reason: e.into() });
                    }
                }
                (None, Some(_)) => post(Response::Refused { gen: Some(gen), reason: Refusal::NoModel }),
                (None, None) => {}
            },
        }
    }

    fn analyze(&mut self, job: Job, clock: &dyn Fn() -> f64) -> Response {
        let kept = self.last.get(&job.id).filter(|(t, _)| Some(*t) == job.base).map(|(_, d)| d.text.as_str());
        let Some(text) = job.text.as_deref().or(kept) else { return Response::Resend { id: job.id } };
        let t0 = clock();
        let doc = self.annotator.annotate(text);
        let ms = clock() - t0;
        let token = self.next_token;
        self.next_token += 1;
        let answer = match self.last.get(&job.id) {
            Some((t, old)) if Some(*t) == job.base && old.text == doc.text => {
                Response::Retagged { id: job.id, base: *t, token, delta: Delta::between(old, &doc), ms }
            }
            _ => Response::Analyzed { id: job.id, doc: doc.clone(), token, ms },
        };
        self.last.insert(job.id, (token, doc));
        if self.last.len() > KEEP {
            if let Some(oldest) = self.last.iter().min_by_key(|(_, (t, _))| *t).map(|(id, _)| *id) {
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

    fn run(w: &mut Worker, r: Request) -> Vec<Response> {
        let mut out = Vec::new();
        w.handle(r, &|| 0.0, &mut |m| out.push(m));
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
        assert_eq!((taught.corrections, taught.since.as_deref()), (2, Some("2026-11-29")));
        // The document is re-tagged, and what changed travels, not the document.
        let Response::Retagged { base, delta, .. } = &out[1] else { panic!("{:?}", out[1]) };
        assert_eq!(*base, before.1);
        let after = delta.apply(&before.0);
        assert!(per_at(&after, "زرقلون").is_some(), "{:?}", after.entities);
        assert!(after.entities.iter().any(|e| e.source == "model:taught"), "marked as taught");

        // What was taught travels to another worker through its file, checked first.
        let mut other = Worker::new(MODEL);
        let checked = run(&mut other, Request::Check { bytes: taught.bytes.clone() });
        assert_eq!(checked, vec![Response::Checked { taught: taught.clone() }]);
        let plain = run(&mut other, Request::Analyze(job(2, new_doc, None)));
        assert!(
            matches!(&plain[0], Response::Analyzed { doc, .. } if per_at(doc, "زرقلون").is_none()),
            "a check teaches nothing"
        );
        assert!(run(&mut other, Request::Load { gen: 3, bytes: Some(taught.bytes.clone()) }).is_empty());
        let loaded = run(&mut other, Request::Analyze(job(2, new_doc, None)));
        assert!(matches!(&loaded[0], Response::Analyzed { doc, .. } if per_at(doc, "زرقلون").is_some()));
        // And it is forgotten on reset.
        run(&mut other, Request::Load { gen: 4, bytes: None });
        let reset = run(&mut other, Request::Analyze(job(2, new_doc, None)));
        assert!(matches!(&reset[0], Response::Analyzed { doc, .. } if per_at(doc, "زرقلون").is_none()));
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
        let doc =
            run(&mut rules, Request::Analyze(Job { id: 1, text: Some("زار الوزير القاهرة.".into()), base: None }));
        assert!(
            matches!(&doc[0], Response::Analyzed { doc, .. } if doc.entities.iter().all(|e| !e.source.starts_with("model")))
        );
    }
}
