//! `wasim bench`: throughput of each engine stage, on real text by default.
//!
//! Real text: articles from the annotated corpora whose licenses let their text be committed
//! (NewsFANE and WikiFANE, CC BY-SA 3.0; Wojood, MIT), read from a corpus folder (`--corpus`) or,
//! without one, the committed sample `bench/real-sample.txt` (the first megabyte of the same
//! selection). Generated text (templates with names, places, dates and numbers drawn by a
//! fixed-seed generator) only on request (`--generated`): its small vocabulary flatters the
//! per-word caches.

use crate::train::corpora;
use std::path::Path;
use std::time::Instant;
use wasim_engine::learn::{documents, Split};
use wasim_engine::normalize::{normalize, Level};
use wasim_engine::tokenize::tokenize;
use wasim_engine::{Annotator, Lexicon, Words};

/// The committed real sample, articles separated by a blank line.
const SAMPLE: &str = include_str!("../../../bench/real-sample.txt");
/// The corpora whose text may be committed, by the start of their file names.
const REDISTRIBUTABLE: [&str; 3] = ["newsfane", "wikifane", "wojood"];

const TEMPLATES: &[&str] = &[
    "قال {title} {nat} {per}، {date}، إن “{org} ستواصل العمل مع {loc} حتى نهاية العام”.",
    "وأكدت {org} في بيان أن {num} شخصًا وصلوا إلى {loc} خلال الأسبوع الماضي.",
    "ذكرت صحيفة “{media}” أن {per} التقى نظيره في {loc} {date} لبحث العلاقات الثنائية.",
    "ارتفعت الأسعار في {loc} بنسبة {num}٪ منذ {day} {month} {year}، بحسب {org}.",
    "ونفى المتحدث باسم {org} ما تردد عن انسحاب القوات من {loc}، مؤكدًا أن الوضع مستقر.",
    "وفي {loc}، افتتح {per} معرضًا للكتاب يضم أكثر من {num} عنوان بمشاركة دور نشر من {loc2}.",
    "سجل المنتخب {nat} هدفين في مرمى منافسه على ملعب {loc} مساء {weekday}.",
    "أعلنت {org} عن استثمارات بقيمة {num} مليون دولار في مشاريع الطاقة المتجددة بـ{loc}.",
    "وأضاف {per} أن الدراسة التي نشرتها جامعة {loc} تكشف عن نتائج واعدة في علاج السكري.",
    "ولفتت الوكالة إلى أن {num} طائرة هبطت في مطار {loc} يوم {weekday} الماضي.",
];
const TITLES: &[&str] = &["وزير الخارجية", "رئيس الوزراء", "الرئيس", "المتحدث باسم الحكومة", "وزيرة الصحة"];
const NATS: &[&str] = &["المصري", "الأردني", "الفرنسي", "المغربي", "التونسي", "الياباني"];
const PERS: &[&str] = &["سامح شكري", "ليلى بن علي", "يوسف الخطيب", "مريم العلي", "كريم بنزيمة", "هيروشي تاناكا"];
const ORGS: &[&str] = &["وزارة الصحة", "الأمم المتحدة", "منظمة الصحة العالمية", "البنك الدولي", "جامعة الدول العربية"];
const LOCS: &[&str] = &["القاهرة", "عمّان", "الرباط", "تونس", "بيروت", "باريس", "طوكيو", "الدوحة"];
const MEDIA: &[&str] = &["الأهرام", "الشرق الأوسط", "لوموند", "الغد"];
const DATES: &[&str] = &["أمس الأحد", "صباح اليوم", "الشهر الماضي", "يوم الجمعة"];
const MONTHS: &[&str] = &["يناير", "آذار", "أيار", "سبتمبر", "جوان"];
const WEEKDAYS: &[&str] = &["الأحد", "الاثنين", "الخميس", "السبت"];

/// A deterministic generator (xorshift), so every run measures the same text.
struct Rng(u64);
impl Rng {
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        xs[(self.0 % xs.len() as u64) as usize]
    }
    fn num(&mut self, max: u64) -> u64 {
        self.pick(&["x"]);
        self.0 % max + 1
    }
}

/// About `bytes` bytes of news-like text in paragraphs of five sentences.
pub fn generated(bytes: usize) -> String {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = String::with_capacity(bytes + 512);
    let mut n = 0;
    while out.len() < bytes {
        let mut s = r.pick(TEMPLATES).to_string();
        for (slot, list) in [
            ("{title}", TITLES),
            ("{nat}", NATS),
            ("{per}", PERS),
            ("{org}", ORGS),
            ("{loc2}", LOCS),
            ("{loc}", LOCS),
            ("{media}", MEDIA),
            ("{date}", DATES),
            ("{month}", MONTHS),
            ("{weekday}", WEEKDAYS),
        ] {
            while s.contains(slot) {
                s = s.replacen(slot, r.pick(list), 1);
            }
        }
        s = s
            .replace("{num}", &r.num(5000).to_string())
            .replace("{day}", &r.num(28).to_string())
            .replace("{year}", &(1990 + r.num(35)).to_string());
        out.push_str(&s);
        n += 1;
        out.push(if n % 5 == 0 { '\n' } else { ' ' });
    }
    out
}

fn time<T>(f: impl Fn() -> T) -> (f64, T) {
    // Best of three, to keep a noisy machine from deciding the number.
    let mut best = f64::MAX;
    let mut out = None;
    for _ in 0..3 {
        // Each run reads the text afresh: nothing remembered from the run before.
        wasim_engine::forget_memos();
        let t = Instant::now();
        let v = f();
        best = best.min(t.elapsed().as_secs_f64());
        out = Some(v);
    }
    (best, out.expect("ran three times"))
}

/// Where the text comes from.
pub enum Source<'a> {
    Sample,
    Corpus(&'a Path),
    Generated,
    File(&'a str),
}

/// Articles of the redistributable corpora (training and development parts), taken in turn from
/// each corpus so that any first part of them mixes news, encyclopedia and other domains, up to
/// about `bytes`.
fn corpus_articles(dir: &Path, bytes: usize) -> Result<Vec<String>, crate::Failure> {
    let only: Vec<String> = REDISTRIBUTABLE.iter().map(|s| s.to_string()).collect();
    let files = corpora(dir, &only, None)?;
    let mut queues: Vec<std::vec::IntoIter<String>> = files
        .iter()
        .map(|f| {
            let mut docs = documents(f, Split::Train);
            docs.extend(documents(f, Split::Dev));
            docs.into_iter().map(|d| d.doc.text).collect::<Vec<_>>().into_iter()
        })
        .collect();
    let mut out = Vec::new();
    let mut size = 0;
    while size < bytes {
        let before = out.len();
        for q in &mut queues {
            if let Some(t) = q.next().filter(|t| size < bytes && !t.trim().is_empty()) {
                size += t.len();
                out.push(t);
            }
        }
        if out.len() == before {
            break;
        }
    }
    Ok(out)
}

pub fn run(mb: f64, source: Source, write: Option<&str>) -> Result<(), crate::Failure> {
    if !(mb > 0.0 && mb <= 1000.0) {
        return Err(crate::Failure::Usage(format!("--mb takes a size from 0 to 1000, not {mb}")));
    }
    let bytes = (mb * 1_000_000.0) as usize;
    let (docs, what): (Vec<String>, String) = match source {
        Source::Sample => (
            SAMPLE.split("\n\n").filter(|d| !d.trim().is_empty()).map(str::to_string).collect(),
            "real: bench/real-sample.txt".into(),
        ),
        Source::Corpus(dir) => (
            corpus_articles(dir, bytes)?,
            format!("real: NewsFANE, WikiFANE and Wojood articles from {}", dir.display()),
        ),
        Source::Generated => (vec![generated(bytes)], "generated, fixed seed".into()),
        Source::File(path) => (vec![crate::read_text(path)?], path.to_string()),
    };
    if let Some(path) = write {
        return std::fs::write(path, docs.join("\n\n"))
            .map_err(|e| crate::Failure::Input(format!("cannot write {path}: {e}")));
    }
    let size = docs.iter().map(|d| d.len()).sum::<usize>() as f64 / 1e6;
    let words: usize = docs.iter().map(|d| tokenize(d).iter().filter(|t| t.is_wordlike()).count()).sum();
    let lex = Lexicon::builtin();
    let annotator = Annotator::builtin();
    outln!(
        "text: {size:.2} MB, {words} words in {} documents ({what}); lexicon: {} keys in {} KB of fst; model: {}\n",
        docs.len(),
        lex.len(),
        lex.size() / 1000,
        if annotator.model().is_some() { "built in" } else { "none (rules only)" }
    );
    outln!("| stage | time (s) | MB/s | words/s | target |");
    outln!("|---|---:|---:|---:|---:|");
    let row = |name: &str, secs: f64, target: &str| {
        outln!("| {name} | {secs:.3} | {:.1} | {:.0} | {target} |", size / secs, words as f64 / secs)
    };
    let each = |f: &dyn Fn(&str) -> usize| docs.iter().map(|d| f(d)).sum::<usize>();
    row("normalize (search level, with map)", time(|| each(&|d| normalize(d, Level::Search).text.len())).0, "");
    row("tokenize", time(|| each(&|d| tokenize(d).len())).0, "");
    row(
        "words: tokens, sentences, clitic readings, lists",
        time(|| each(&|d| Words::analyze(d, lex).words.len())).0,
        "≥ 15 MB/s",
    );
    let analyzed: Vec<Words> = docs.iter().map(|d| Words::analyze(d, lex)).collect();
    let (secs, entities) =
        time(|| analyzed.iter().map(|w| wasim_engine::entities::find(w, lex, annotator.model())).collect::<Vec<_>>());
    row("entities: rules and model (on the words)", secs, "≥ 15 MB/s");
    let (secs, claims) =
        time(|| analyzed.iter().zip(&entities).map(|(w, e)| wasim_engine::claims::find(w, e).len()).sum::<usize>());
    row("claims (on the words and entities)", secs, "≥ 15 MB/s");
    drop(analyzed);
    row(
        "annotate: all of it, document by document",
        time(|| each(&|d| annotator.annotate(d).entities.len())).0,
        "≥ 10 MB/s",
    );
    outln!(
        "\n{} entities, {claims} claims; peak memory of this process {}",
        entities.iter().map(Vec::len).sum::<usize>(),
        peak_memory()
    );
    Ok(())
}
/// The process's peak resident memory (Linux), as text.
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l["VmHWM:".len()..].trim().to_string()))
        .unwrap_or_else(|| "unknown".into())
}
