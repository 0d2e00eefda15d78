//! The annotation model: a text, its entities and its claims. The app's state, the exports and
//! the imports all speak this model.

use crate::Span;
use serde::{Deserialize, Serialize};

/// Entity labels. `PER`, `ORG`, `LOC`, `DATE` are the contract; the others are extra.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Label {
    PER,
    ORG,
    LOC,
    DATE,
    TIME,
    MONEY,
    PERCENT,
    CARDINAL,
    NORP,
    TITLE,
}

impl Label {
    pub const ALL: [Label; 10] = [
        Label::PER,
        Label::ORG,
        Label::LOC,
        Label::DATE,
        Label::TIME,
        Label::MONEY,
        Label::PERCENT,
        Label::CARDINAL,
        Label::NORP,
        Label::TITLE,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Label::PER => "PER",
            Label::ORG => "ORG",
            Label::LOC => "LOC",
            Label::DATE => "DATE",
            Label::TIME => "TIME",
            Label::MONEY => "MONEY",
            Label::PERCENT => "PERCENT",
            Label::CARDINAL => "CARDINAL",
            Label::NORP => "NORP",
            Label::TITLE => "TITLE",
        }
    }

    /// Parses a label name, accepting common spellings of other tools (PERSON, GPE, ORGANIZATION …).
    pub fn parse(s: &str) -> Option<Label> {
        let up = s.trim().to_ascii_uppercase();
        Some(match up.as_str() {
            "PER" | "PERS" | "PERSON" => Label::PER,
            "ORG" | "ORGANIZATION" | "ORGANISATION" => Label::ORG,
            "LOC" | "LOCATION" | "GPE" | "FAC" => Label::LOC,
            "DATE" => Label::DATE,
            "TIME" => Label::TIME,
            "MONEY" => Label::MONEY,
            "PERCENT" => Label::PERCENT,
            "CARDINAL" | "QUANTITY" => Label::CARDINAL,
            "NORP" => Label::NORP,
            "TITLE" => Label::TITLE,
            _ => return None,
        })
    }

    /// Where a label wins over another on the same span (lower wins).
    pub const fn priority(self) -> u8 {
        match self {
            Label::PER => 0,
            Label::ORG => 1,
            Label::LOC => 2,
            Label::DATE => 3,
            Label::TIME => 4,
            Label::MONEY => 5,
            Label::PERCENT => 6,
            Label::NORP => 7,
            Label::TITLE => 8,
            Label::CARDINAL => 9,
        }
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a person has looked at an annotation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Proposed by the engine, not reviewed.
    #[default]
    Auto,
    /// Reviewed and kept as proposed.
    Accepted,
    /// Made or changed by a person.
    Edited,
}

impl Status {
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Auto => "auto",
            Status::Accepted => "accepted",
            Status::Edited => "edited",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub span: Span,
    pub label: Label,
    /// The list or rule that proposed it (`list:countries`, `rule:title-name` …) or `user`.
    pub source: String,
    /// How sure the proposing rule is, 0 to 1 (1 for a person's annotation).
    pub confidence: f32,
    pub status: Status,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The speaker as written in the claim's sentence (none when the subject is dropped).
    pub speaker: Option<Span>,
    pub cue: Option<Span>,
    pub content: Span,
    /// A direct quotation (content inside quotation marks).
    pub quoted: bool,
    /// The cue denies the content (نفى، نفت …).
    pub negated: bool,
    pub source: String,
    pub status: Status,
    /// Who the claim is attributed to: the fullest mention of that person or organization in
    /// the text (the speaker's own entity, or for a dropped subject or a short later mention the
    /// full name given before it). None when the source is no named entity.
    #[serde(default)]
    pub attribution: Option<Span>,
}

/// One annotated text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub text: String,
    pub entities: Vec<Entity>,
    pub claims: Vec<Claim>,
    /// Engine proposals a person deleted (span and label), so that re-analysis does not bring
    /// them back. Not exported.
    #[serde(default)]
    pub rejected: Vec<(Span, Label)>,
}

impl Document {
    /// Sorts entities by position (start, then longer first) and claims by content.
    pub fn sort(&mut self) {
        self.entities.sort_by(|a, b| {
            (a.span.start, std::cmp::Reverse(a.span.end), a.label).cmp(&(
                b.span.start,
                std::cmp::Reverse(b.span.end),
                b.label,
            ))
        });
        self.claims.sort_by_key(|c| (c.content.start, c.content.end));
    }
}
