//! The stylesheet's label colours, read from `styles/main.css`: one background and one line
//! colour per label, all distinct, and every pair that carries text or a mark readable (WCAG
//! contrast: 4.5 for text, 3 for the underline against its background).

const CSS: &str = include_str!("../styles/main.css");
const INK: &str = "#1d2125";

/// The value of the custom property `--name`, as RGB.
fn color(name: &str) -> (f64, f64, f64) {
    let at = CSS.find(&format!("--{name}:")).unwrap_or_else(|| panic!("no --{name} in main.css"));
    let hex = CSS[at..].split(':').nth(1).unwrap().trim().trim_end_matches(';').split(';').next().unwrap().trim();
    rgb(hex)
}

fn rgb(hex: &str) -> (f64, f64, f64) {
    let h = hex.trim_start_matches('#');
    let c = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).unwrap_or_else(|_| panic!("not a colour: {hex}")) as f64;
    (c(0), c(2), c(4))
}

fn luminance((r, g, b): (f64, f64, f64)) -> f64 {
    let ch = |v: f64| {
        let v = v / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)
}

fn contrast(a: (f64, f64, f64), b: (f64, f64, f64)) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

const LABELS: [&str; 10] = ["per", "org", "loc", "date", "time", "money", "percent", "cardinal", "norp", "title"];

#[test]
fn every_label_has_its_own_readable_colours() {
    let white = (255.0, 255.0, 255.0);
    for l in LABELS {
        let (bg, line) = (color(l), color(&format!("{l}-line")));
        let rows = [
            ("text on the highlight", contrast(rgb(INK), bg), 4.5),
            ("label name on white (a proposal)", contrast(line, white), 4.5),
            ("white label name on its colour (reviewed)", contrast(white, line), 4.5),
            ("underline on the highlight", contrast(line, bg), 3.0),
        ];
        for (what, got, min) in rows {
            assert!(got >= min, "{l}: {what}: contrast {got:.2} < {min}\nhelp: darken --{l}-line or lighten --{l}");
        }
    }
    // Distinct: no two labels share a colour, and backgrounds differ visibly.
    for (i, a) in LABELS.iter().enumerate() {
        for b in &LABELS[i + 1..] {
            let (x, y) = (color(a), color(b));
            let d = ((x.0 - y.0).powi(2) + (x.1 - y.1).powi(2) + (x.2 - y.2).powi(2)).sqrt();
            assert!(d > 20.0, "{a} and {b} backgrounds are too alike ({d:.0})");
            assert_ne!(color(&format!("{a}-line")), color(&format!("{b}-line")), "{a} and {b} lines");
        }
    }
}
