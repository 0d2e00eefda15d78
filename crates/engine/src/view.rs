//! The view model the app renders: paragraphs split into runs (inside or outside a claim's
//! content) and pieces (inside or outside an entity). Computed here so that the app only maps
//! it to elements, and tested natively.

use crate::document::{Claim, Document, Label, Status};
use crate::offsets::{OffsetIndex, Unit};
use crate::tokenize::TokenKind;
use crate::Span;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub span: Span,
    /// Where the piece starts in UTF-16 code units, for the DOM.
    pub utf16: usize,
    /// Index into `Document::entities` of the innermost entity covering this piece.
    pub entity: Option<usize>,
    /// Left-to-right text (Latin words, numbers, addresses) to isolate from the right-to-left
    /// flow, so that it does not scramble the line.
    pub isolate: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub span: Span,
    /// Index into `Document::claims` of the claim whose content covers this run.
    pub claim: Option<usize>,
    pub pieces: Vec<Piece>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Without its line break.
    pub span: Span,
    pub runs: Vec<Run>,
}

/// The document's paragraphs (one per line), each cut at every entity and claim boundary and
/// around left-to-right runs.
pub fn paragraphs(doc: &Document) -> Vec<Paragraph> {
    paragraphs_with(doc, &ltr_runs(&doc.text))
}

/// The left-to-right runs of a text (Latin words, numbers, URLs, e-mail addresses). They depend
/// on the text alone, so a caller that redraws after every edit can keep them.
pub fn ltr_runs(text: &str) -> Vec<Span> {
    crate::tokenize::tokenize(text)
        .into_iter()
        .filter(|t| matches!(t.kind, TokenKind::Latin | TokenKind::Number | TokenKind::Url | TokenKind::Email))
        .map(|t| t.span)
        .collect()
}

/// [`paragraphs`] with the text's [`ltr_runs`] already known.
pub fn paragraphs_with(doc: &Document, ltr: &[Span]) -> Vec<Paragraph> {
    paragraphs_from(doc, ltr, 0)
}

/// The paragraphs of [`paragraphs_with`] from the one that starts at byte `from` (0, or just
/// after a line break) to the end: what an editor that keeps the paragraphs before an edit draws
/// again.
pub fn paragraphs_from(doc: &Document, ltr: &[Span], from: usize) -> Vec<Paragraph> {
    let text = doc.text.as_str();
    let mut out = Vec::new();
    let mut start = Some(from).filter(|&f| text.is_char_boundary(f)).unwrap_or(0);
    // Boundaries of all spans, sorted, to cut at.
    let mut cuts: Vec<usize> = doc
        .entities
        .iter()
        .flat_map(|e| [e.span.start, e.span.end])
        .chain(doc.claims.iter().flat_map(|c| [c.content.start, c.content.end]))
        .chain(ltr.iter().flat_map(|s| [s.start, s.end]))
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let ix = OffsetIndex::new(text);
    // Claims by where their content starts, and those that reach into the paragraph at hand:
    // paragraphs go forward, so each claim comes in once and goes out once (looking at every
    // claim for every paragraph cost a 50,000-word document 2.4 million checks a redraw).
    let mut by_start: Vec<usize> = (0..doc.claims.len()).collect();
    by_start.sort_by_key(|&c| doc.claims[c].content.start);
    let mut next_claim = 0;
    let mut open: Vec<usize> = Vec::new();
    loop {
        let end = text[start..].find('\n').map_or(text.len(), |p| start + p);
        let para = Span::new(start, end);
        while let Some(&c) =
            by_start.get(next_claim).filter(|&&c| doc.claims[c].content.start < para.end.max(para.start + 1))
        {
            open.push(c);
            next_claim += 1;
        }
        open.retain(|&c| doc.claims[c].content.end > para.start);
        open.sort_unstable();
        let claims: Vec<(usize, Span)> =
            open.iter().map(|&c| (c, doc.claims[c].content)).filter(|(_, s)| s.overlaps(para)).collect();
        let mut runs = runs(doc, para, &cuts, &claims);
        for p in runs.iter_mut().flat_map(|r| r.pieces.iter_mut()) {
            p.utf16 = ix.convert(p.span.start, Unit::Byte, Unit::Utf16).unwrap_or(0);
            let k = ltr.partition_point(|s| s.end <= p.span.start);
            p.isolate = ltr.get(k).is_some_and(|s| s.contains(p.span));
        }
        out.push(Paragraph { span: para, runs });
        if end >= text.len() {
            break;
        }
        start = end + 1;
    }
    out
}

/// One paragraph of [`paragraphs_with`] (`para` its span, `utf16` where it starts in UTF-16),
/// with no left-to-right runs: what an editor that keeps the other paragraphs draws again after
/// an edit that touched this one. Reads every entity and claim once.
pub fn paragraph(doc: &Document, para: Span, utf16: usize) -> Paragraph {
    let inside = |c: usize| c > para.start && c < para.end;
    let mut cuts: Vec<usize> = doc
        .entities
        .iter()
        .flat_map(|e| [e.span.start, e.span.end])
        .chain(doc.claims.iter().flat_map(|c| [c.content.start, c.content.end]))
        .filter(|&c| inside(c))
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let claims: Vec<(usize, Span)> =
        doc.claims.iter().map(|c| c.content).enumerate().filter(|(_, s)| s.overlaps(para)).collect();
    let mut runs = runs(doc, para, &cuts, &claims);
    // UTF-16 offsets counted from the paragraph's start, piece by piece.
    let (mut at, mut units) = (para.start, utf16);
    for p in runs.iter_mut().flat_map(|r| r.pieces.iter_mut()) {
        units += doc.text[at..p.span.start].encode_utf16().count();
        at = p.span.start;
        p.utf16 = units;
    }
    Paragraph { span: para, runs }
}

/// How many entities before a paragraph are checked for reaching into it.
const LOOK_BACK: usize = 64;

/// The runs of paragraph `para`, with `claims` the claims (index, content) that reach into it.
fn runs(doc: &Document, para: Span, cuts: &[usize], claims: &[(usize, Span)]) -> Vec<Run> {
    let from = cuts.partition_point(|&c| c <= para.start);
    let mut points = vec![para.start];
    points.extend(cuts[from..].iter().copied().take_while(|&c| c < para.end));
    points.push(para.end);
    // Only the entities and claims that reach into this paragraph (entities are sorted by start;
    // one that starts before the paragraph may still reach into it).
    let near = |spans: &mut dyn Iterator<Item = (usize, Span)>| -> Vec<(usize, Span)> {
        spans.filter(|(_, s)| s.overlaps(para)).collect()
    };
    // Entities are sorted by start; one starting before the paragraph may reach into it (a person
    // can mark across a line break): look back a few.
    let first = doc.entities.partition_point(|e| e.span.start < para.start).saturating_sub(LOOK_BACK);
    let entities = near(
        &mut doc
            .entities
            .iter()
            .enumerate()
            .skip(first)
            .take_while(|(_, e)| e.span.start < para.end)
            .map(|(i, e)| (i, e.span)),
    );
    let mut runs: Vec<Run> = Vec::new();
    for w in points.windows(2) {
        let span = Span::new(w[0], w[1]);
        if span.is_empty() {
            continue;
        }
        let innermost = |spans: &[(usize, Span)]| {
            spans.iter().filter(|(_, s)| s.contains(span)).min_by_key(|(_, s)| s.len()).map(|(i, _)| *i)
        };
        let entity = innermost(&entities);
        let claim = innermost(claims);
        // Pieces are cut at every boundary (so that left-to-right runs stay apart) but the
        // pieces of one entity are joined again.
        let piece = Piece { span, utf16: 0, entity, isolate: false };
        match runs.last_mut() {
            Some(r) if r.claim == claim => {
                r.span.end = span.end;
                match r.pieces.last_mut() {
                    Some(p) if p.entity.is_some() && p.entity == entity => p.span.end = span.end,
                    _ => r.pieces.push(piece),
                }
            }
            _ => runs.push(Run { span, claim, pieces: vec![piece] }),
        }
    }
    runs
}

/// How many entities of each label, in label order, for the legend.
pub fn legend(doc: &Document) -> Vec<(Label, usize)> {
    Label::ALL
        .iter()
        .map(|&l| (l, doc.entities.iter().filter(|e| e.label == l).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// Entities that share a label and a normalized form (تل أبيب، وتل أبيب، تل ابيب), for the side panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub label: Label,
    /// The normalized form they share.
    pub key: String,
    /// How the first of them is written.
    pub text: String,
    /// Indices into `Document::entities`, in text order.
    pub members: Vec<usize>,
}

thread_local! {
    /// The phrase key of each entity spelling grouped (see [`groups`]); a phrase key depends on
    /// no lexicon.
    static PHRASE_KEYS: std::cell::RefCell<crate::memo::Memo<String>> = Default::default();
}

/// The document's entities grouped by label and normalized form, most frequent first.
pub fn groups(doc: &Document) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut at: crate::memo::Map<(Label, Rc<String>), usize> = crate::memo::Map::default();
    // Names repeat: each distinct spelling is looked up once, then found by its letters (a long
    // document has 13,000 entities and a few thousand spellings), and its normalized form is
    // remembered across drawings (the app groups again after every change).
    let mut by_text: crate::memo::Map<(Label, &str), usize> = crate::memo::Map::default();
    for (i, e) in doc.entities.iter().enumerate() {
        let text = e.span.of(&doc.text);
        if let Some(&g) = by_text.get(&(e.label, text)) {
            out[g].members.push(i);
            continue;
        }
        let key = crate::memo::get(&PHRASE_KEYS, 0, text, || crate::keys::phrase_key(text));
        let g = *at.entry((e.label, Rc::clone(&key))).or_insert_with(|| {
            out.push(Group { label: e.label, key: key.to_string(), text: text.to_string(), members: Vec::new() });
            out.len() - 1
        });
        out[g].members.push(i);
        by_text.insert((e.label, text), g);
    }
    out.sort_by(|a, b| {
        b.members.len().cmp(&a.members.len()).then(a.label.cmp(&b.label)).then(a.members[0].cmp(&b.members[0]))
    });
    out
}

/// How much of a document a person has reviewed: entities and claims whose status is not
/// `auto` (accepted, edited, or made by a person).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Review {
    pub reviewed: usize,
    pub total: usize,
}

pub fn review(doc: &Document) -> Review {
    let statuses = doc.entities.iter().map(|e| e.status).chain(doc.claims.iter().map(|c| c.status));
    let (reviewed, total) = statuses.fold((0, 0), |(r, t), s| (r + usize::from(s != Status::Auto), t + 1));
    Review { reviewed, total }
}

/// The first entity after entity `i` (wrapping around) that no person has reviewed yet.
pub fn next_unreviewed(doc: &Document, i: usize) -> Option<usize> {
    let n = doc.entities.len();
    (1..=n).map(|k| (i + k) % n).find(|&j| doc.entities[j].status == Status::Auto)
}

/// Who made a claim, as the panel and the overview group claims.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerGroup {
    /// What the claims share: the normalized name of the person or organization in the speaker
    /// span when there is one, else of the speaker span itself; `None` for claims without a
    /// speaker.
    pub key: Option<String>,
    /// How the speaker is written (the entity's text, else the speaker span's) at its first claim.
    pub name: String,
    /// The speaker's label when the speaker is resolved to an entity.
    pub label: Option<Label>,
    /// Indices into `Document::claims`, in text order.
    pub claims: Vec<usize>,
}

/// The entity that names claim `c`'s speaker: the entity of its attribution (who the claim is
/// attributed to, resolved by the engine across the text), else the last person, else
/// organization, inside the speaker span (الناطق باسم الخارجية [PER فلان] is فلان).
pub fn speaker_entity(doc: &Document, c: &Claim) -> Option<usize> {
    speaker_in(doc, c, &ByStart::new(doc))
}

/// The entities of a document by where they start, to find the ones inside a span without
/// reading them all: grouping the claims of a long document (2,800 claims, 13,700 entities)
/// read every entity for every claim, 30 ms of each redraw in the page.
struct ByStart(Vec<usize>);

impl ByStart {
    fn new(doc: &Document) -> ByStart {
        let mut order: Vec<usize> = (0..doc.entities.len()).collect();
        order.sort_by_key(|&i| doc.entities[i].span.start);
        ByStart(order)
    }

    /// The indices of the entities inside `s`, in no particular order.
    fn inside<'a>(&'a self, doc: &'a Document, s: Span) -> impl Iterator<Item = usize> + 'a {
        let start = |i: &usize| doc.entities[*i].span.start;
        let lo = self.0.partition_point(|i| start(i) < s.start);
        let hi = self.0.partition_point(|i| start(i) <= s.end);
        self.0[lo..hi.max(lo)].iter().copied().filter(move |&i| s.contains(doc.entities[i].span))
    }
}

/// [`speaker_entity`] with the entities indexed: the first person or organization inside the
/// attribution, else the last person, else organization, inside the speaker span.
fn speaker_in(doc: &Document, c: &Claim, by: &ByStart) -> Option<usize> {
    if let Some(a) = c.attribution {
        let k = by.inside(doc, a).filter(|&i| matches!(doc.entities[i].label, Label::PER | Label::ORG)).min();
        if k.is_some() {
            return k;
        }
    }
    let s = c.speaker?;
    let inside = |label: Label| by.inside(doc, s).filter(|&i| doc.entities[i].label == label).max();
    inside(Label::PER).or_else(|| inside(Label::ORG))
}

/// [`speaker_entity`] reading every entity: what the index must agree with (tested).
#[cfg(test)]
fn speaker_entity_scan(doc: &Document, c: &Claim) -> Option<usize> {
    if let Some(a) = c.attribution {
        let k = doc.entities.iter().position(|e| a.contains(e.span) && matches!(e.label, Label::PER | Label::ORG));
        if k.is_some() {
            return k;
        }
    }
    let s = c.speaker?;
    let inside = |label: Label| doc.entities.iter().rposition(|e| e.label == label && s.contains(e.span));
    inside(Label::PER).or_else(|| inside(Label::ORG))
}

/// The key claims are grouped under for `name`: its normalized form; for someone no entity
/// names, without the article on its words too (دبلوماسيون and الدبلوماسيون are one group).
fn group_key(name: &str, label: Option<Label>) -> Option<String> {
    let key = crate::keys::phrase_key(name);
    let key = match label {
        Some(_) => key,
        None => key
            .split(' ')
            .map(|w| w.strip_prefix("ال").filter(|b| b.chars().count() >= 2).unwrap_or(w))
            .collect::<Vec<_>>()
            .join(" "),
    };
    Some(key).filter(|k| !k.is_empty())
}

/// The claims grouped by who made them (their attribution, else their speaker), most claims
/// first; claims of no one known last.
pub fn claims_by_speaker(doc: &Document) -> Vec<SpeakerGroup> {
    let mut out: Vec<SpeakerGroup> = Vec::new();
    let mut at: crate::memo::Map<Option<String>, usize> = crate::memo::Map::default();
    let by = ByStart::new(doc);
    // Many claims share a speaker: each name is normalized once.
    let mut keys: crate::memo::Map<&str, Option<String>> = crate::memo::Map::default();
    for (i, c) in doc.claims.iter().enumerate() {
        let entity = speaker_in(doc, c, &by).map(|e| &doc.entities[e]);
        // Named as the claim is attributed, which may hold more than the entity (ابو القاسم عبدي
        // صلاد حسن, two entities the tagger read; معهد البراكين والزلازل بالفلبين).
        let (name, label) = match (entity, c.attribution, c.speaker) {
            (Some(e), Some(a), _) if a.contains(e.span) => (a.of(&doc.text), Some(e.label)),
            (Some(e), ..) => (e.span.of(&doc.text), Some(e.label)),
            // Attributed to a body no entity names (رابطة أصحاب محطات الوقود, also for الرابطة).
            (None, Some(a), _) => (a.of(&doc.text), None),
            (None, None, Some(s)) => (s.of(&doc.text), None),
            (None, None, None) => ("", None),
        };
        let key = keys.entry(name).or_insert_with(|| group_key(name, label)).clone();
        match at.get(&key) {
            Some(&g) => out[g].claims.push(i),
            None => {
                at.insert(key.clone(), out.len());
                out.push(SpeakerGroup { key, name: name.to_string(), label, claims: vec![i] });
            }
        }
    }
    // A person named by part of a full name seen elsewhere (شكري after سامح شكري) is that
    // person, when only one full name ends that way.
    let persons: Vec<(usize, String)> = out
        .iter()
        .enumerate()
        .filter(|(_, g)| g.label == Some(Label::PER))
        .filter_map(|(i, g)| Some((i, g.key.clone()?)))
        .collect();
    let mut into: Vec<(usize, usize)> = Vec::new();
    for (i, short) in &persons {
        let ending = format!(" {short}");
        let mut longer = persons.iter().filter(|(_, long)| long.ends_with(&ending));
        if let (Some((j, _)), None) = (longer.next(), longer.next()) {
            into.push((*i, *j));
        }
    }
    for &(i, j) in &into {
        let moved = std::mem::take(&mut out[i].claims);
        out[j].claims.extend(moved);
        out[j].claims.sort_unstable();
    }
    out.retain(|g| !g.claims.is_empty());
    out.sort_by(|a, b| {
        (a.key.is_none(), std::cmp::Reverse(a.claims.len()), a.claims[0]).cmp(&(
            b.key.is_none(),
            std::cmp::Reverse(b.claims.len()),
            b.claims[0],
        ))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Claim, Entity, Status};

    fn ent(s: usize, e: usize, label: Label) -> Entity {
        Entity { span: Span::new(s, e), label, source: "test".into(), confidence: 1.0, status: Status::Auto }
    }

    #[test]
    fn runs_and_pieces_cover_each_line_exactly() {
        // "قالت مصر إن السلام ممكن\nسطر" : Egypt said peace is possible / a line
        let text = "قالت مصر إن السلام ممكن\nسطر";
        let misr = text.find("مصر").unwrap();
        let content = text.find("السلام").unwrap();
        let doc = Document {
            text: text.into(),
            entities: vec![ent(misr, misr + "مصر".len(), Label::LOC)],
            claims: vec![Claim {
                speaker: Some(Span::new(misr, misr + 6)),
                cue: Some(Span::new(0, 8)),
                content: Span::new(content, text.find('\n').unwrap()),
                quoted: false,
                negated: false,
                source: "test".into(),
                status: Status::Auto,
                attribution: None,
            }],
            rejected: Vec::new(),
        };
        let ps = paragraphs(&doc);
        assert_eq!(ps.len(), 2);
        let joined: String = ps[0].runs.iter().flat_map(|r| r.pieces.iter()).map(|p| p.span.of(text)).collect();
        assert_eq!(joined, "قالت مصر إن السلام ممكن");
        let marked: Vec<&str> =
            ps[0].runs.iter().flat_map(|r| &r.pieces).filter(|p| p.entity.is_some()).map(|p| p.span.of(text)).collect();
        assert_eq!(marked, ["مصر"]);
        let claimed: Vec<&str> = ps[0].runs.iter().filter(|r| r.claim.is_some()).map(|r| r.span.of(text)).collect();
        assert_eq!(claimed, ["السلام ممكن"]);
        assert_eq!(legend(&doc), [(Label::LOC, 1)]);
    }

    #[test]
    fn latin_and_numbers_are_isolated_with_utf16_starts() {
        // "The G20 summit 😀 in 2024"
        let text = "قمة G20 😀 في 2024";
        let doc = Document { text: text.into(), ..Document::default() };
        let ps = paragraphs(&doc);
        let pieces: Vec<(&str, usize, bool)> =
            ps[0].runs.iter().flat_map(|r| &r.pieces).map(|p| (p.span.of(text), p.utf16, p.isolate)).collect();
        assert_eq!(pieces, [("قمة ", 0, false), ("G20", 4, true), (" 😀 في ", 7, false), ("2024", 14, true)]);
    }

    #[test]
    fn groups_join_spellings_and_clitics() {
        let doc = crate::annotate("زار تل أبيب ثم عاد إلى موسكو ومنها إلى تل ابيب وتل أبيب.");
        let g = groups(&doc);
        assert_eq!((g[0].label, g[0].text.as_str(), g[0].members.len()), (Label::LOC, "تل أبيب", 3));
    }

    #[test]
    fn review_counts_and_the_next_unreviewed() {
        let mut doc = crate::annotate("زار القاهرة وبيروت وعمان أمس.");
        let n = doc.entities.len() + doc.claims.len();
        assert_eq!(review(&doc), Review { reviewed: 0, total: n });
        crate::edit::accept(&mut doc, 1);
        assert_eq!(review(&doc).reviewed, 1);
        assert_eq!(next_unreviewed(&doc, 0), Some(2), "the accepted one is skipped");
        let last = doc.entities.len() - 1;
        assert_eq!(next_unreviewed(&doc, last), Some(0), "wraps around");
    }

    #[test]
    fn claims_grouped_by_who_made_them() {
        // Two claims by the same minister written differently, one by a ministry, one headline
        // without a speaker.
        let text = "قال وزير الخارجية سامح شكري إن الحل قريب.\nوأكد شكري أن المفاوضات مستمرة.\nوأعلنت وزارة الصحة أن الإصابات تراجعت.";
        let mut doc = crate::annotate(text);
        let content = Span::new(0, text.find(' ').unwrap());
        crate::edit::add_claim(&mut doc, content);
        let g = claims_by_speaker(&doc);
        let summary: Vec<(Option<&str>, &str, usize)> =
            g.iter().map(|g| (g.key.as_deref(), g.name.as_str(), g.claims.len())).collect();
        assert_eq!(summary[0], (Some("سامح شكري"), "سامح شكري", 2), "{summary:?}");
        assert!(summary.iter().any(|s| s.1 == "وزارة الصحة"), "{summary:?}");
        assert_eq!(summary.last().map(|s| s.0), Some(None), "claims without a speaker come last");
        // A claim attributed to more than its entity (a name the tagger read in two) is named as
        // attributed.
        let minister = doc.entities.iter().position(|e| e.span.of(text) == "سامح شكري").expect("the minister");
        let first = text.find("سامح").expect("سامح");
        doc.entities[minister].span = Span::new(first, first + "سامح".len());
        assert_eq!(claims_by_speaker(&doc)[0].name, "سامح شكري", "the attribution, not its first entity");
        // Someone no entity names, with and without the article, is one group.
        let text = "قال دبلوماسيون إن المشروع جاهز.\nوأضاف الدبلوماسيون أن التصويت قريب.";
        let g = claims_by_speaker(&crate::annotate(text));
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!((g[0].name.as_str(), g[0].claims.len()), ("دبلوماسيون", 2));
    }

    #[test]
    fn the_indexed_speaker_is_the_one_a_full_scan_finds() {
        // The development set's text: many claims, speakers with titles, attributions across
        // sentences; and the same with the entities out of order (an imported file).
        let dev = include_str!("../tests/data/dev.txt");
        let text = crate::markup::parse(dev).expect("the development set parses").text;
        let mut doc = crate::annotate(&text);
        assert!(doc.claims.len() >= 40, "{} claims", doc.claims.len());
        for round in 0..2 {
            let by = ByStart::new(&doc);
            for c in &doc.claims {
                assert_eq!(speaker_in(&doc, c, &by), speaker_entity_scan(&doc, c), "round {round}: {c:?}");
            }
            doc.entities.reverse();
        }
        // Two people in one speaker span: the last one speaks (the spokesman of A, B); in an
        // attribution the first person or organization, whatever the order of the entities.
        let text = "قال المتحدث باسم زيد عمرو إن الأمر انتهى.";
        let at = |w: &str| Span::new(text.find(w).unwrap(), text.find(w).unwrap() + w.len());
        let mut doc = Document {
            text: text.into(),
            entities: vec![
                ent(at("عمرو").start, at("عمرو").end, Label::PER),
                ent(at("زيد").start, at("زيد").end, Label::PER),
            ],
            claims: Vec::new(),
            rejected: Vec::new(),
        };
        let speaker = Span::new(at("المتحدث").start, at("عمرو").end);
        let claim = Claim {
            speaker: Some(speaker),
            cue: Some(at("قال")),
            content: Span::new(at("الأمر").start, at("انتهى").end),
            quoted: false,
            negated: false,
            source: "test".into(),
            status: Status::Auto,
            attribution: None,
        };
        let by = ByStart::new(&doc);
        assert_eq!(speaker_in(&doc, &claim, &by), Some(1), "the last in the list, as the scan finds");
        assert_eq!(speaker_entity_scan(&doc, &claim), Some(1));
        let attributed = Claim { attribution: Some(speaker), ..claim };
        assert_eq!(speaker_in(&doc, &attributed, &by), Some(0));
        assert_eq!(speaker_entity_scan(&doc, &attributed), Some(0));
        doc.entities.clear();
        assert_eq!(speaker_in(&doc, &attributed, &ByStart::new(&doc)), None);
    }

    #[test]
    fn each_run_has_the_innermost_claim_that_covers_it() {
        // Checked against every claim, on the development set's text and on claims a person made
        // across line breaks and over an empty line.
        let dev = include_str!("../tests/data/dev.txt");
        let mut docs = vec![crate::annotate(&crate::markup::parse(dev).expect("parses").text)];
        let text = "قال الوزير إن الحل قريب\n\nوأضاف أن المفاوضات مستمرة.\nسطر أخير";
        let mut doc = crate::annotate(text);
        let at = |w: &str| text.find(w).unwrap();
        crate::edit::add_claim(&mut doc, Span::new(at("الحل"), at("المفاوضات") + 4));
        crate::edit::add_claim(&mut doc, Span::new(at("المفاوضات"), at("أخير")));
        crate::edit::add_claim(&mut doc, Span::new(0, text.len()));
        docs.push(doc);
        for doc in &docs {
            let mut runs = 0;
            for p in paragraphs(doc) {
                for r in &p.runs {
                    let want = doc
                        .claims
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| c.content.contains(r.span))
                        .min_by_key(|(_, c)| c.content.len())
                        .map(|(i, _)| i);
                    assert_eq!(r.claim, want, "{:?} in {:?}", r.span, p.span);
                    runs += 1;
                }
            }
            assert!(runs > 3);
        }
    }

    #[test]
    fn one_paragraph_is_drawn_as_all_of_them_draw_it() {
        let dev = include_str!("../tests/data/dev.txt");
        let mut doc = crate::annotate(&format!("😀 {}", crate::markup::parse(dev).expect("parses").text));
        // A claim across two lines, and an entity a person marked across a line break.
        let t = doc.text.clone();
        let nl = t.find('\n').unwrap();
        // Letters before and after the line break.
        let back = |n: usize| t[..nl].char_indices().rev().nth(n).unwrap().0;
        let on = |n: usize| nl + 1 + t[nl + 1..].char_indices().nth(n).unwrap().0;
        crate::edit::add_claim(&mut doc, Span::new(back(3), on(5)));
        crate::edit::add_entity(&mut doc, Span::new(back(2), on(2)), Label::ORG, "user");
        let ix = OffsetIndex::new(&doc.text);
        let all = paragraphs_with(&doc, &[]);
        assert!(all.len() > 20);
        for p in &all {
            let utf16 = ix.convert(p.span.start, Unit::Byte, Unit::Utf16).unwrap();
            assert_eq!(paragraph(&doc, p.span, utf16), *p, "{:?}", p.span);
        }
    }

    #[test]
    fn empty_text_has_one_empty_paragraph() {
        let ps = paragraphs(&Document::default());
        assert_eq!(ps.len(), 1);
        assert!(ps[0].runs.is_empty());
    }
}
