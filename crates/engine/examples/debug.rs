fn main() {
    let text = std::env::args().nth(1).unwrap();
    let a = wasim_engine::analyze(&text);
    for w in &a.words {
        println!("{:?} key={} kinds={:?} stems={:?}", w.span.of(&text), w.key, w.kinds.iter().collect::<Vec<_>>(), w.stems.iter().map(|s| (s.span.of(&text), s.key.as_str(), s.known)).collect::<Vec<_>>());
    }
    for e in &a.entities { println!("E {} {:?} {}", e.label, e.span.of(&text), e.source); }
    for c in &a.claims { println!("C {:?} {:?} {:?}", c.speaker.map(|s| s.of(&text)), c.cue.map(|s| s.of(&text)), c.content.of(&text)); }
}
