//! The third-person forms of a verb of saying, from its past and present (search-normalized):
//! past he, she, they, the two; present he, she, they, the two; a weak past in ى/ا (نفى → نفت،
//! نفوا) and a weak present in ي/و/ا drop their last letter. `build.rs` uses this to enter
//! every form of the cue lists into the lexicon.

/// The forms of the verb whose past is `past` and present `present`.
pub fn conjugate(past: &str, present: &str) -> Vec<String> {
    let mut out = Vec::new();
    let weak_past = past.ends_with('ي') || past.ends_with('ا');
    let stem = if weak_past { &past[..past.len() - 2] } else { past };
    if weak_past {
        out.extend([
            past.to_string(),
            format!("{stem}ت"),
            format!("{stem}وا"),
            format!("{stem}يا"),
            format!("{stem}تا"),
        ]);
    } else {
        out.extend([
            past.to_string(),
            format!("{past}ت"),
            format!("{past}وا"),
            format!("{past}ا"),
            format!("{past}تا"),
        ]);
    }
    let she = present.strip_prefix('ي').map(|r| format!("ت{r}")).unwrap_or_else(|| present.to_string());
    let weak_present = present.ends_with('ي') || present.ends_with('و') || present.ends_with('ا');
    let pstem = if weak_present { &present[..present.len() - 2] } else { present };
    out.extend([present.to_string(), she.clone(), format!("{pstem}ون"), format!("{present}ان"), format!("{she}ان")]);
    if weak_present {
        out.push(format!("{pstem}ان"));
    }
    out
}
