//! Names that follow a word saying what they are: newspapers, channels, agencies and sites
//! (صحيفة “هآرتس”، قناة الجزيرة، وكالة رويترز، موقع "واللا"), companies and teams (شركة
//! بتروبراس، لفريقه إشبيلية), and places (مدينة الفاشر، حي الشجاعية، جزيرة كريت). The entity
//! is the name alone, without the head word and without quotation marks. Quoted names up to six words are taken whole; unquoted ones are a
//! known medium or up to three words in no list. Known false positives: an unquoted head word
//! followed by an unknown common word (صحيفة محلية …).

use super::confidence as conf;
use super::gazetteer::Matches;
use super::{Candidate, Label};
use crate::lexicon::Kind;
use crate::tokenize::TokenKind;
use crate::words::Words;
use crate::Span;

pub fn candidates(a: &Words, gaz: &Matches) -> Vec<Candidate> {
    let mut out = Vec::new();
    for i in 0..a.words.len().saturating_sub(1) {
        // The head may carry a clitic and, for a team, a pronoun: لفريقه.
        let Some(label) = a.words[i].stems().iter().find_map(|s| {
            if s.kinds.has(Kind::MediaHead) {
                Some(Label::ORG)
            } else {
                s.kinds.has(Kind::PlaceNameHead).then_some(Label::LOC)
            }
        }) else {
            continue;
        };
        let source = if label == Label::LOC { "rule:place-head" } else { "rule:media-head" };
        let between = a.between(i + 1);
        let quote = between.trim().chars().next().filter(|c| crate::chars::class(*c) == crate::chars::Class::Quote);
        if let Some(open) = quote {
            // Up to the closing mark.
            let close = crate::chars::closing_quote(open).unwrap_or(open);
            let mut j = i + 1;
            while j < a.words.len() && j < i + 7 {
                let after = a.text.get(a.words[j].span.end..).unwrap_or("");
                let next = after.chars().find(|c| !c.is_whitespace());
                if next == Some(close) || next == Some('”') || next == Some('»') || (open == '"' && next == Some('"'))
                {
                    out.push(Candidate::new(
                        Span::new(a.words[i + 1].span.start, a.words[j].span.end),
                        label,
                        "rule:media-quoted",
                        conf::QUOTED_NAME,
                    ));
                    break;
                }
                if !a.joined(j + 1) {
                    break;
                }
                j += 1;
            }
            continue;
        }
        if !a.joined(i + 1) {
            continue;
        }
        let known: &[Kind] = if label == Label::LOC {
            &[Kind::City, Kind::Town, Kind::Region, Kind::Country]
        } else {
            &[Kind::Media, Kind::Organization]
        };
        if let Some(m) = gaz.get(i + 1).filter(|m| m.kinds.any(known)) {
            out.push(Candidate::new(m.span, label, source, conf::LISTED));
            continue;
        }
        // An unknown name with the article is an organization's description, not its name
        // (وكالة الفضاء الإماراتية is left to the organization rule), but places keep it.
        if label == Label::ORG && a.words[i + 1].key().starts_with("ال") {
            continue;
        }
        let mut j = i + 1;
        let mut end = None;
        while j < a.words.len() && j < i + 4 && (j == i + 1 || a.joined(j)) {
            let w = &a.words[j];
            let k = a.kinds_of(j);
            // The whole word decides whether it is common (للطاقة is not, though الطاقة is).
            if w.kind == TokenKind::Number
                || w.kinds().has(Kind::Common)
                || k.any(&[Kind::Title, Kind::OrgHead])
                || w.tanween
                || w.is_cue()
                || w.nationality().is_some()
            {
                break;
            }
            end = Some(w.span.end);
            j += 1;
            // Places take one or two words (مدينة الفاشر، جزيرة كريت).
            if label == Label::LOC && j > i + 2 {
                break;
            }
        }
        if let Some(e) = end {
            out.push(Candidate::new(Span::new(a.words[i + 1].span.start, e), label, source, conf::AFTER_HEAD));
        }
    }
    out
}
