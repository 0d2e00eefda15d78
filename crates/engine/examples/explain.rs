//! Shows what the engine sees in a text: every word with its lists and readings, then the
//! entities (with the rule or list that proposed them) and the claims.
//!
//!     cargo run -p wasim-engine --example explain -- "وصل الوفد إلى بيروت أمس."

fn main() {
    let text = std::env::args().nth(1).unwrap_or_else(|| "وصل الوفد إلى بيروت أمس.".into());
    let a = wasim_engine::analyze(&text);
    for w in &a.words.words {
        let readings: Vec<String> = w
            .stems()
            .iter()
            .map(|s| format!("{}={}{}", s.span.of(&text), s.key, if s.known() { "*" } else { "" }))
            .collect();
        println!(
            "{:<16} lists {:?}  readings {}",
            w.span.of(&text),
            w.kinds().iter().collect::<Vec<_>>(),
            readings.join(" ")
        );
    }
    for e in &a.entities {
        println!("entity {:<8} {:?} ({}, {:.2})", e.label.as_str(), e.span.of(&text), e.source, e.confidence);
    }
    for c in &a.claims {
        println!(
            "claim  speaker {:?} cue {:?} content {:?}{}",
            c.speaker.map(|s| s.of(&text)),
            c.cue.map(|s| s.of(&text)),
            c.content.of(&text),
            if c.quoted { " (quoted)" } else { "" }
        );
    }
}
