//! The annotated corpora Wasim's tagger learns from, read into Wasim's own terms: running text
//! (one sentence a line) with gold entities of Wasim's labels. Each corpus has its text form and
//! tag set (see `shared/corpus/train/README.md` and `data/SOURCES.md`):
//!
//! - **ANERcorp**: original spelling, clitics attached, punctuation apart; `PERS ORG LOC MISC`.
//! - **FANE** (NewsFANE, WikiFANE): normalized spelling, many clitics written apart (`و قال`،
//!   `عاصمة ها`): they are joined back onto their word (وقال، عاصمتها) so the text reads as
//!   Arabic is written; 50 fine classes mapped to PER, ORG, LOC and NORP.
//! - **Wojood**: original spelling; nested entities, one tag column per level, outermost first
//!   (the outermost entity of a Wasim label wins, inner ones fill what it leaves); `$#$` ends a
//!   paragraph.
//!
//! Reading is total over well-formed CoNLL and says where a line is malformed.

use crate::document::Label;
use crate::export::ImportError;
use crate::Span;

/// How a corpus writes its text and its tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Anercorp,
    Fane,
    Wojood,
}

impl Form {
    /// The form of a corpus file, by its name.
    pub fn of_file(name: &str) -> Option<Form> {
        let n = name.to_lowercase();
        if n.contains("anercorp") {
            Some(Form::Anercorp)
        } else if n.contains("fane") {
            Some(Form::Fane)
        } else if n.contains("wojood") {
            Some(Form::Wojood)
        } else {
            None
        }
    }

    /// The Wasim label of one of this corpus' classes (`None`: not one Wasim tags).
    pub fn label(self, class: &str) -> Option<Label> {
        match self {
            Form::Anercorp => match class {
                "PERS" => Some(Label::PER),
                "ORG" => Some(Label::ORG),
                "LOC" => Some(Label::LOC),
                _ => None,
            },
            Form::Fane => match class {
                "Politician" | "Athlete" | "Artist" | "Other_PER" | "Religious_PER" | "Scientist"
                | "Businessperson" | "Lawyer" | "Engineer" | "Police" => Some(Label::PER),
                "Non-Governmental" | "Sports" | "Government" | "Media" | "Commercial" | "Educational"
                | "Religious_ORG" | "Entertainment" | "Medical-Science" => Some(Label::ORG),
                "Nation"
                | "Population-Center"
                | "State-or-Province"
                | "GPE-Cluster"
                | "Continent"
                | "County-or-District"
                | "Water-Body"
                | "Land-Region-Natural"
                | "Celestial" => Some(Label::LOC),
                "Group" => Some(Label::NORP),
                _ => None,
            },
            Form::Wojood => match class {
                "PERS" => Some(Label::PER),
                "GPE" | "LOC" => Some(Label::LOC),
                "ORG" => Some(Label::ORG),
                "DATE" => Some(Label::DATE),
                "TIME" => Some(Label::TIME),
                "NORP" => Some(Label::NORP),
                "MONEY" => Some(Label::MONEY),
                "PERCENT" => Some(Label::PERCENT),
                "CARDINAL" => Some(Label::CARDINAL),
                _ => None,
            },
        }
    }

    /// The labels this corpus annotates (a tagger is scored on these only).
    pub fn labels(self) -> &'static [Label] {
        match self {
            Form::Anercorp => &[Label::PER, Label::ORG, Label::LOC],
            // FANE's Group (العرب، المسلمين) is not Wasim's NORP (nationality adjectives): left out.
            Form::Fane => &[Label::PER, Label::ORG, Label::LOC],
            Form::Wojood => &[
                Label::PER,
                Label::ORG,
                Label::LOC,
                Label::DATE,
                Label::TIME,
                Label::NORP,
                Label::MONEY,
                Label::PERCENT,
                Label::CARDINAL,
            ],
        }
    }
}

/// One sentence of a corpus as Wasim text, with its gold entities (byte spans into `text`).
#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    pub text: String,
    pub entities: Vec<(Span, Label)>,
    /// A paragraph ends after it (Wojood's `$#$`).
    pub paragraph_end: bool,
}

/// Proclitics FANE writes apart: joined onto the next word.
const PROCLITICS: [&str; 6] = ["و", "ف", "ب", "ل", "ك", "س"];
/// Pronouns FANE writes apart: joined onto the word before (عاصمة ها → عاصمتها).
const ENCLITICS: [&str; 10] = ["ه", "ها", "هم", "هما", "هن", "كم", "كن", "نا", "ني", "ي"];
/// Wojood's paragraph mark.
const PARAGRAPH_MARK: &str = "$#$";

/// Reads a corpus file of `form`: `token<TAB>tag…` lines, a blank line between sentences.
pub fn read(form: Form, input: &str) -> Result<Vec<Sentence>, ImportError> {
    let mut out = Vec::new();
    let mut rows: Vec<(&str, Vec<&str>)> = Vec::new();
    for (n, line) in input.lines().chain(std::iter::once("")).enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !rows.is_empty() {
                if let Some(s) = sentence(form, &rows) {
                    out.push(s);
                }
                rows.clear();
            }
            continue;
        }
        let mut cols = line.split('\t');
        let token = cols.next().unwrap_or_default();
        let tags: Vec<&str> = cols.collect();
        if tags.is_empty() {
            return Err(ImportError::new(format!("line {}", n + 1), "expected a token, a tab and a tag"));
        }
        if token.trim().is_empty() {
            continue; // an empty token (ANERcorp has a few): nothing to read
        }
        rows.push((token, tags));
    }
    Ok(out)
}

/// The entities of one tag column: (first token, last token, class).
fn column(rows: &[(&str, Vec<&str>)], level: usize) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    for (i, (_, tags)) in rows.iter().enumerate() {
        let tag = tags.get(level).copied().unwrap_or("O");
        match tag.split_once('-') {
            Some(("B", class)) => out.push((i, i, class.to_string())),
            Some(("I", class)) if out.last().is_some_and(|e| e.1 + 1 == i && e.2 == class) => {
                if let Some(e) = out.last_mut() {
                    e.1 = i;
                }
            }
            // An I- with no B before it (IOB1) starts an entity.
            Some(("I", class)) => out.push((i, i, class.to_string())),
            _ => {}
        }
    }
    out
}

fn sentence(form: Form, rows: &[(&str, Vec<&str>)]) -> Option<Sentence> {
    let paragraph_end = rows.iter().any(|(t, _)| *t == PARAGRAPH_MARK);
    // Build the text token by token, remembering where each token lies.
    let mut text = String::new();
    let mut at: Vec<Span> = Vec::with_capacity(rows.len());
    let mut glue_next = false;
    let mut quote_open = false;
    for (i, (token, _)) in rows.iter().enumerate() {
        let token = *token;
        if token == PARAGRAPH_MARK {
            at.push(Span::new(text.len(), text.len()));
            continue;
        }
        let next_is_word = rows.get(i + 1).is_some_and(|(t, _)| is_word(t) || t.chars().all(char::is_numeric));
        let fane = form == Form::Fane;
        let space = if fane && glue_next {
            glue_next = false;
            false
        } else if fane && ENCLITICS.contains(&token) && text.chars().last().is_some_and(char::is_alphabetic) {
            // عاصمة ها → عاصمتها: the feminine ending is written ت before a pronoun.
            if text.ends_with('ة') {
                text.truncate(text.len() - 'ة'.len_utf8());
                text.push('ت');
            }
            false
        } else if token == "\"" {
            quote_open = !quote_open;
            quote_open
        } else {
            let just_opened = quote_open && text.ends_with('"');
            !no_space_before(token) && !text.ends_with(['(', '[', '«', '“']) && !just_opened
        };
        if space && !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(token);
        at.push(Span::new(start, text.len()));
        if fane && PROCLITICS.contains(&token) && next_is_word {
            glue_next = true;
        }
    }
    let text_trimmed = text.trim_end().len();
    text.truncate(text_trimmed);
    if text.trim().is_empty() {
        return None;
    }
    let levels = rows.iter().map(|(_, t)| t.len()).max().unwrap_or(1);
    let mut entities: Vec<(Span, Label)> = Vec::new();
    for level in 0..levels {
        for (first, last, class) in column(rows, level) {
            let Some(label) = form.label(&class) else { continue };
            let span = Span::new(at[first].start, at[last].end);
            if span.is_empty() || entities.iter().any(|(s, _)| s.overlaps(span)) {
                continue;
            }
            entities.push((span, label));
        }
    }
    entities.sort();
    Some(Sentence { text, entities, paragraph_end })
}

fn is_word(t: &str) -> bool {
    t.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// Punctuation written against the word before it.
fn no_space_before(t: &str) -> bool {
    matches!(t, "." | "،" | "," | ":" | "؛" | ";" | "؟" | "?" | "!" | ")" | "]" | "»" | "”" | "%")
}

/// Sentences joined into one text, a sentence a line (or a paragraph a line for corpora that
/// mark paragraphs), with their entities.
pub fn join(sentences: &[&Sentence]) -> (String, Vec<(Span, Label)>) {
    let mut text = String::new();
    let mut entities = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        if i > 0 {
            let para = sentences[i - 1].paragraph_end || !sentences.iter().any(|s| s.paragraph_end);
            text.push(if para { '\n' } else { ' ' });
        }
        let shift = text.len();
        text.push_str(&s.text);
        entities.extend(s.entities.iter().map(|(sp, l)| (Span::new(sp.start + shift, sp.end + shift), *l)));
    }
    (text, entities)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entities(s: &Sentence) -> Vec<(String, Label)> {
        s.entities.iter().map(|(sp, l)| (sp.of(&s.text).to_string(), *l)).collect()
    }

    #[test]
    fn fane_clitics_are_joined_back_and_spans_follow() {
        // "and Juba is its capital, and Wau", clitics written apart as FANE does.
        let input = "و\tO\nتعتبر\tO\nمدينة\tO\nجوبا\tB-Population-Center\nعاصمة\tO\nها\tO\n،\tO\nو\tO\nواو\tB-Population-Center\n.\tO\n";
        let s = &read(Form::Fane, input).unwrap()[0];
        assert_eq!(s.text, "وتعتبر مدينة جوبا عاصمتها، وواو.");
        assert_eq!(entities(s), [("جوبا".to_string(), Label::LOC), ("واو".to_string(), Label::LOC)]);
    }

    #[test]
    fn anercorp_keeps_its_words_and_maps_its_classes() {
        let input = "وقال\tO\nرئيس\tO\nالاتحاد\tO\nبرند\tB-PERS\nجوتشولك\tI-PERS\nفي\tO\nألمانيا\tB-LOC\n(\tO\nيورو\tB-MISC\n)\tO\n.\tO\n";
        let s = &read(Form::Anercorp, input).unwrap()[0];
        assert_eq!(s.text, "وقال رئيس الاتحاد برند جوتشولك في ألمانيا (يورو).");
        assert_eq!(entities(s), [("برند جوتشولك".to_string(), Label::PER), ("ألمانيا".to_string(), Label::LOC)]);
    }

    #[test]
    fn wojood_nesting_keeps_the_outermost_wasim_label_and_paragraph_marks() {
        // "secretary of the Arab National Committee in Nablus": OCC around ORG and GPE.
        let input =
            "سكرتير\tB-OCC\nاللجنة\tI-OCC\tB-ORG\nالقومية\tI-OCC\tI-ORG\nفي\tI-OCC\nنابلس\tI-OCC\tB-GPE\n$#$\tO\n";
        let s = &read(Form::Wojood, input).unwrap()[0];
        assert_eq!(s.text, "سكرتير اللجنة القومية في نابلس");
        assert_eq!(entities(s), [("اللجنة القومية".to_string(), Label::ORG), ("نابلس".to_string(), Label::LOC)]);
        assert!(s.paragraph_end);
    }

    #[test]
    fn malformed_lines_are_placed() {
        let e = read(Form::Anercorp, "كلمة\tO\nبلا_وسم\n").unwrap_err();
        assert_eq!(e.place, "line 2");
    }
}
