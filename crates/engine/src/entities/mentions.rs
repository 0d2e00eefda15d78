//! Later mentions: once a person is found by a full name (نفتالي بينيت), the family name alone
//! elsewhere in the text is that person too (بينيت، (شويغو)), and so are the full name and its
//! last two words or more (ماركو فان باستن → فان باستن) where the model missed them; an
//! organization found by a rule, or by the model with its head word (الجيش الإسرائيلي), is found
//! again wherever the same words recur. Matching goes through normalization and clitics.

use super::confidence as conf;
use super::{Candidate, Label};
use crate::lexicon::{Kind, Lexicon, RuleList};
use crate::words::Words;
use crate::Span;
use std::collections::HashMap;

pub fn candidates(a: &Words, lex: &Lexicon, found: &[Candidate]) -> Vec<Candidate> {
    // Single-word keys to look for, with their label.
    let mut keys: HashMap<String, Label> = HashMap::new();
    // Multi-word names by their first word.
    let mut phrases: HashMap<String, Vec<(Vec<String>, Label)>> = HashMap::new();
    for c in found.iter().filter(|c| {
        matches!(c.label, Label::PER | Label::ORG) && (c.label == Label::PER || !c.source.starts_with("list:"))
    }) {
        let first = a.word_at(c.span.start);
        let last = a.word_at(c.span.end);
        let words: Vec<String> = a.words[first..last].iter().map(|w| stem_key(w, c.span)).collect();
        // The model's organizations are often part of a longer name (الدول العربية of جامعة
        // الدول العربية) or an adjective (المالية): looked for again only as a name with its head
        // (الجيش الإسرائيلي).
        if c.label == Label::ORG
            && !c.source.starts_with("rule:")
            && !(words.len() >= 2 && a.words.get(first).is_some_and(|w| w.any().has(Kind::OrgHead)))
        {
            continue;
        }
        match c.label {
            Label::PER if words.len() >= 2 => {
                let surname = words.last().cloned().unwrap_or_default();
                // A family name that is also a common word or a place is not taken alone, nor the
                // end of a compound or an ordinal (حسن نصر الله: الله is God alone; الثاني).
                if surname.chars().count() >= 3
                    && !lex.get(&surname).any(&[Kind::Common, Kind::Country, Kind::City, Kind::Title])
                    && !lex.in_list(RuleList::NotNameAlone, &surname)
                {
                    keys.insert(surname, Label::PER);
                }
                // Its tails of two words or more too (ماركو فان باستن → فان باستن).
                for k in 1..words.len().saturating_sub(1) {
                    add_phrase(&mut phrases, words[k..].to_vec(), Label::PER);
                }
                add_phrase(&mut phrases, words, Label::PER);
            }
            Label::ORG | Label::PER if !c.source.starts_with("list:") => {
                if words.len() == 1 {
                    // A person the model read in a word that is no name alone (الأول) is not
                    // looked for all over the text.
                    if c.label == Label::PER && lex.in_list(RuleList::NotNameAlone, &words[0]) {
                        continue;
                    }
                    keys.entry(words[0].clone()).or_insert(c.label);
                } else {
                    add_phrase(&mut phrases, words, c.label);
                }
            }
            _ => {}
        }
    }
    // Where an entity already is, it stays as it was found (its source and confidence).
    let taken: std::collections::HashSet<Span> = found.iter().map(|c| c.span).collect();
    let mut out = Vec::new();
    for (i, w) in a.words.iter().enumerate() {
        // A name is read with the clitics before it, never a suffix (البحري is not البحرية).
        let readings = || w.stems().iter().filter(|s| s.suffix.is_empty());
        for s in readings() {
            if let Some(&label) = keys.get(&*s.key) {
                out.push(Candidate::new(s.span, label, "rule:later-mention", conf::LATER_MENTION));
                break;
            }
        }
        for s in readings() {
            for (p, label) in phrases.get(&*s.key).into_iter().flatten() {
                if i + p.len() <= a.words.len()
                    && (1..p.len()).all(|k| a.joined(i + k) && *a.words[i + k].key() == *p[k])
                {
                    out.push(Candidate::new(
                        Span::new(s.span.start, a.words[i + p.len() - 1].span.end),
                        *label,
                        "rule:later-mention",
                        conf::LATER_MENTION,
                    ));
                }
            }
        }
    }
    out.retain(|c| !taken.contains(&c.span));
    out
}

/// Adds a multi-word name to look for, under its first word.
fn add_phrase(phrases: &mut HashMap<String, Vec<(Vec<String>, Label)>>, words: Vec<String>, label: Label) {
    let Some(first) = words.first() else { return };
    let list = phrases.entry(first.clone()).or_default();
    if !list.iter().any(|(w, _)| *w == words) {
        list.push((words, label));
    }
}

/// The key of the reading of `w` that lies inside `span` (the stem the entity used).
fn stem_key(w: &crate::words::Word, span: Span) -> String {
    w.stems()
        .iter()
        .find(|s| s.span.start == span.start.max(w.span.start) && span.contains(s.span))
        .map_or_else(|| w.key().to_string(), |s| s.key.to_string())
}
