//! `wasim bench`: throughput of each engine stage on generated Arabic news text.
//!
//! The text is made from sentence templates written for Wasim with names, places, dates and
//! numbers drawn by a fixed-seed generator, so every run measures the same bytes.

use std::time::Instant;
use wasim_engine::normalize::{normalize, Level};
use wasim_engine::tokenize::tokenize;

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
pub fn corpus(bytes: usize) -> String {
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
        let t = Instant::now();
        let v = f();
        best = best.min(t.elapsed().as_secs_f64());
        out = Some(v);
    }
    (best, out.expect("ran three times"))
}

pub fn run(mb: f64, file: Option<&str>, write: Option<&str>) -> Result<(), crate::Failure> {
    if !(mb > 0.0 && mb <= 1000.0) {
        return Err(crate::Failure::Usage(format!("--mb takes a size from 0 to 1000, not {mb}")));
    }
    let (text, what) = match file {
        Some(path) => (crate::read_text(path)?, path.to_string()),
        None => (corpus((mb * 1_000_000.0) as usize), "generated, fixed seed".to_string()),
    };
    if let Some(path) = write {
        // Only write the generated text (for the browser and spaCy benchmarks).
        return std::fs::write(path, &text).map_err(|e| crate::Failure::Input(format!("cannot write {path}: {e}")));
    }
    let size = text.len() as f64 / 1e6;
    let words = tokenize(&text).iter().filter(|t| t.is_wordlike()).count();
    let lex = wasim_engine::Lexicon::builtin();
    outln!(
        "corpus: {size:.2} MB, {words} words ({what}); lexicon: {} keys in {} KB of fst\n",
        lex.len(),
        lex.size() / 1000
    );
    outln!("| stage | time (s) | MB/s | words/s |");
    outln!("|---|---:|---:|---:|");
    let row =
        |name: &str, secs: f64| outln!("| {name} | {secs:.3} | {:.1} | {:.0} |", size / secs, words as f64 / secs);
    row("normalize (search level, with map)", time(|| normalize(&text, Level::Search).text.len()).0);
    row("tokenize", time(|| tokenize(&text).len()).0);
    row(
        "tokens + sentences + clitics",
        time(|| wasim_engine::Words::analyze(&text, wasim_engine::Lexicon::builtin()).words.len()).0,
    );
    let words = wasim_engine::Words::analyze(&text, wasim_engine::Lexicon::builtin());
    let (secs, entities) = time(|| {
        wasim_engine::entities::find(
            &words,
            wasim_engine::Lexicon::builtin(),
            wasim_engine::Annotator::builtin().model(),
        )
    });
    row("entities (on analyzed words)", secs);
    row("claims (on analyzed words and entities)", time(|| wasim_engine::claims::find(&words, &entities).len()).0);
    let (secs, doc) = time(|| wasim_engine::annotate(&text));
    row("annotate (all of it: entities and claims)", secs);
    outln!(
        "\n{} entities, {} claims; peak memory of this process {}",
        doc.entities.len(),
        doc.claims.len(),
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
