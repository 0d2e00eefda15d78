//! The interface in Arabic (the default) and English. Every visible string is here, so a
//! translation is one struct.

use serde::{Deserialize, Serialize};
use wasim_engine::Label;

/// A CLDR plural category (what `Intl.PluralRules` answers; the component tests compare).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Plural {
    /// The category of the whole number `n` in Arabic (CLDR: zero 0; one 1; two 2; few when
    /// n % 100 is 3–10; many when n % 100 is 11–99; other: 100–102, 200 …).
    pub fn ar(n: usize) -> Plural {
        match (n, n % 100) {
            (0, _) => Plural::Zero,
            (1, _) => Plural::One,
            (2, _) => Plural::Two,
            (_, 3..=10) => Plural::Few,
            (_, 11..=99) => Plural::Many,
            _ => Plural::Other,
        }
    }
    /// In English (CLDR: one 1; other).
    pub fn en(n: usize) -> Plural {
        if n == 1 {
            Plural::One
        } else {
            Plural::Other
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Plural::Zero => "zero",
            Plural::One => "one",
            Plural::Two => "two",
            Plural::Few => "few",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }
}

/// A counted noun in every plural form the language has; `{}` stands for the number. Arabic
/// says one and two without the number (كيان واحد، كيانان) and agrees the noun with the rest:
/// 3–10 plural (كيانات), 11–99 singular accusative (كيانًا), 100 and up singular (كيان).
pub struct Noun {
    pub zero: &'static str,
    pub one: &'static str,
    pub two: &'static str,
    pub few: &'static str,
    pub many: &'static str,
    pub other: &'static str,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Ar,
    En,
}

impl Lang {
    /// Where entity `source` comes from, in words: the learned model (from what was taught or
    /// not), a person, or a rule (with its name).
    pub fn source(self, source: &str) -> String {
        let t = self.t();
        match source {
            "model" => t.source_model.to_string(),
            "model:taught" => t.source_taught.to_string(),
            s if s.starts_with("user") => t.source_user.to_string(),
            s => format!("{}: {}", t.source_rule, s.strip_prefix("rule:").unwrap_or(s)),
        }
    }
    /// Why a taught file was refused.
    pub fn refusal(self, r: &crate::protocol::Refusal) -> String {
        use crate::protocol::Refusal;
        let t = self.t();
        match r {
            Refusal::NotAModel => t.refused_not_a_model.to_string(),
            Refusal::Version { file, features } => format!("{} ({file}/{features})", t.refused_version),
            Refusal::Damaged { what } => format!("{} ({what})", t.refused_damaged),
            Refusal::OtherModel => t.refused_other_model.to_string(),
            Refusal::NoModel => t.refused_no_model.to_string(),
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            Lang::En => "ltr",
        }
    }
    pub fn other(self) -> Lang {
        match self {
            Lang::Ar => Lang::En,
            Lang::En => Lang::Ar,
        }
    }
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "ar" => Some(Lang::Ar),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
    pub fn t(self) -> &'static Strings {
        match self {
            Lang::Ar => &AR,
            Lang::En => &EN,
        }
    }
    pub fn plural(self, n: usize) -> Plural {
        match self {
            Lang::Ar => Plural::ar(n),
            Lang::En => Plural::en(n),
        }
    }
    /// `n` of `noun`, in the number form the count asks for.
    pub fn count(self, n: usize, noun: &Noun) -> String {
        let form = match self.plural(n) {
            Plural::Zero => noun.zero,
            Plural::One => noun.one,
            Plural::Two => noun.two,
            Plural::Few => noun.few,
            Plural::Many => noun.many,
            Plural::Other => noun.other,
        };
        form.replace("{}", &n.to_string())
    }
    /// A label's name in this language.
    pub fn label(self, l: Label) -> &'static str {
        let i = Label::ALL.iter().position(|&x| x == l).unwrap_or(0);
        self.t().labels[i]
    }
}

pub struct Strings {
    pub tagline: &'static str,
    pub switch_lang: &'static str,
    pub documents: &'static str,
    pub new_doc: &'static str,
    pub open_files: &'static str,
    pub rename: &'static str,
    pub delete: &'static str,
    pub untitled: &'static str,
    pub text: &'static str,
    pub placeholder: &'static str,
    pub export: &'static str,
    pub export_all: &'static str,
    pub format: &'static str,
    pub analyzing: &'static str,
    /// Counted entities, claims, mentions … and analysis milliseconds.
    pub status: fn(String, String, f64) -> String,
    pub entity_n: Noun,
    pub claim_n: Noun,
    pub proposal_n: Noun,
    pub mention_n: Noun,
    pub document_n: Noun,
    /// Label names, in the order of `Label::ALL`.
    pub labels: [&'static str; 10],
    /// (reviewed, total) for the review count.
    pub reviewed: fn(usize, usize) -> String,
    pub reviewed_hint: &'static str,
    pub speaker_unknown: &'static str,
    /// (label, counted proposals) after accepting or rejecting all of a label.
    pub accepted_all: fn(&str, String) -> String,
    pub rejected_all: fn(&str, String) -> String,
    pub overview: &'static str,
    pub by_label: &'static str,
    pub top_people: &'static str,
    pub top_orgs: &'static str,
    pub top_places: &'static str,
    pub who_said: &'static str,
    pub index: &'static str,
    pub search: &'static str,
    pub export_csv: &'static str,
    pub nothing_yet: &'static str,
    pub this_doc: &'static str,
    pub other_file: &'static str,
    pub claims_agree: &'static str,
    pub speakers_agree: &'static str,
    pub cues_agree: &'static str,
    pub accept_next: &'static str,
    pub entities: &'static str,
    pub claims: &'static str,
    pub no_claims: &'static str,
    pub selection: &'static str,
    pub pick_label: &'static str,
    pub keep_clitic: &'static str,
    pub new_claim: &'static str,
    pub accept: &'static str,
    pub tag_all: &'static str,
    pub accept_all: &'static str,
    pub reject_all: &'static str,
    pub set_speaker: &'static str,
    pub set_cue: &'static str,
    pub set_content: &'static str,
    pub speaker: &'static str,
    pub cue: &'static str,
    pub content: &'static str,
    pub quoted: &'static str,
    pub negated: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub help: &'static str,
    pub close: &'static str,
    pub shortcuts: &'static [(&'static str, &'static str)],
    pub doc_deleted: &'static str,
    pub save_failed: &'static str,
    pub stored_set_aside: &'static str,
    pub import_failed: &'static str,
    pub too_large: fn(usize) -> String,
    pub source: &'static str,
    pub drop_here: &'static str,
    pub other_tab: &'static str,
    pub compare: &'static str,
    pub compare_hint: &'static str,
    pub agreement: &'static str,
    pub kappa: &'static str,
    pub disagreements: &'static str,
    pub nothing: &'static str,
    pub different_text: &'static str,
    /// Where a highlight comes from, by kind.
    pub source_model: &'static str,
    pub source_taught: &'static str,
    pub source_rule: &'static str,
    pub source_user: &'static str,
    /// The legend's key to how highlights look: unsure ones (below a percentage), taught ones.
    pub unsure_key: fn(u32, usize) -> String,
    pub taught_key: &'static str,
    /// The learned model's panel.
    pub model: &'static str,
    pub model_loading: &'static str,
    pub model_shipped: &'static str,
    /// (counted corrections, since) what the model learned.
    pub model_learned: fn(String, &str) -> String,
    pub model_learning: &'static str,
    /// (update ms) how long learning the last correction took.
    pub learn_ms: fn(f64) -> String,
    pub rules_only_worker: &'static str,
    pub rules_only_page: &'static str,
    pub retag_all: &'static str,
    pub retag_all_hint: &'static str,
    pub export_taught: &'static str,
    pub import_taught: &'static str,
    pub import_taught_hint: &'static str,
    pub reset_model: &'static str,
    /// Counted corrections, as the object of "from": تعلّم من تصحيحين.
    pub correction_n: Noun,
    /// Notices.
    pub taught_imported: fn(String) -> String,
    pub taught_refused: &'static str,
    pub taught_unusable: &'static str,
    pub model_reset: &'static str,
    pub retagging: fn(String) -> String,
    /// Why a taught file was refused.
    pub refused_not_a_model: &'static str,
    pub refused_version: &'static str,
    pub refused_damaged: &'static str,
    pub refused_other_model: &'static str,
    pub refused_no_model: &'static str,
}

pub static AR: Strings = Strings {
    tagline: "مُعلِّم النصوص العربية",
    switch_lang: "English",
    documents: "المستندات",
    new_doc: "مستند جديد",
    open_files: "فتح ملفات…",
    rename: "إعادة التسمية",
    delete: "حذف",
    untitled: "مستند بلا عنوان",
    text: "النص",
    placeholder: "الصق مقالًا عربيًا هنا، أو افتح ملفات نصية أو ملفات تعليقات أو أفلتها هنا…",
    export: "تصدير",
    export_all: "تصدير الكل",
    format: "الصيغة",
    analyzing: "جارٍ التحليل…",
    status: |e, c, ms| format!("{e} · {c} · حُلِّل في {ms:.0} مللي ثانية"),
    entity_n: Noun {
        zero: "لا كيانات",
        one: "كيان واحد",
        two: "كيانان",
        few: "{} كيانات",
        many: "{} كيانًا",
        other: "{} كيان",
    },
    claim_n: Noun {
        zero: "لا ادعاءات",
        one: "ادعاء واحد",
        two: "ادعاءان",
        few: "{} ادعاءات",
        many: "{} ادعاءً",
        other: "{} ادعاء",
    },
    proposal_n: Noun {
        zero: "لا مقترحات",
        one: "مقترح واحد",
        two: "مقترحان",
        few: "{} مقترحات",
        many: "{} مقترحًا",
        other: "{} مقترح",
    },
    mention_n: Noun {
        zero: "لا ذكر", one: "مرة واحدة", two: "مرتان", few: "{} مرات", many: "{} مرة", other: "{} مرة"
    },
    document_n: Noun {
        zero: "لا مستندات",
        one: "مستند واحد",
        two: "مستندان",
        few: "{} مستندات",
        many: "{} مستندًا",
        other: "{} مستند",
    },
    labels: ["شخص", "منظمة", "مكان", "تاريخ", "وقت", "مال", "نسبة", "عدد", "جماعة", "لقب"],
    reviewed: |r, t| format!("رُوجع {r} من {t}"),
    reviewed_hint: "الكيانات والادعاءات التي قبلها شخص أو عدّلها أو أضافها",
    speaker_unknown: "متحدث غير معروف",
    accepted_all: |l, n| format!("قُبلت كل مقترحات «{l}»: {n}."),
    rejected_all: |l, n| format!("رُفضت كل مقترحات «{l}»: {n}."),
    overview: "نظرة عامة",
    by_label: "الكيانات حسب التسمية",
    top_people: "أكثر الأشخاص ذكرًا",
    top_orgs: "أكثر المنظمات ذكرًا",
    top_places: "أكثر الأماكن ذكرًا",
    who_said: "من قال ماذا",
    index: "فهرس الكيانات في كل المستندات المفتوحة",
    search: "ابحث عن اسم…",
    export_csv: "تصدير CSV",
    nothing_yet: "لا شيء بعد.",
    this_doc: "هذا المستند (أ)",
    other_file: "الملف (ب)",
    claims_agree: "الادعاءات",
    speakers_agree: "المتحدثون",
    cues_agree: "أفعال الإسناد",
    accept_next: "قبول والانتقال إلى التالي غير المراجَع",
    entities: "الكيانات",
    claims: "الادعاءات",
    no_claims: "لا ادعاءات بعد.",
    selection: "التحديد",
    pick_label: "اختر تسمية (أو اضغط رقمها):",
    keep_clitic: "ضمّ السابقة",
    new_claim: "ادعاء جديد (c)",
    accept: "قبول",
    tag_all: "وسم كل المواضع (t)",
    accept_all: "قبول الكل",
    reject_all: "رفض الكل",
    set_speaker: "المتحدث ← التحديد",
    set_cue: "الفعل ← التحديد",
    set_content: "المحتوى ← التحديد",
    speaker: "المتحدث",
    cue: "فعل الإسناد",
    content: "المحتوى",
    quoted: "اقتباس مباشر",
    negated: "نفي",
    undo: "تراجع",
    redo: "إعادة",
    help: "اختصارات",
    close: "إغلاق",
    shortcuts: &[
        ("1–9، 0", "وسم التحديد أو تغيير تسمية الكيان المحدد"),
        ("Delete", "حذف الكيان المحدد"),
        ("t", "وسم كل مواضع الكيان المحدد"),
        ("c", "ادعاء جديد من التحديد"),
        ("Enter", "قبول الكيان والانتقال إلى التالي غير المراجَع"),
        ("n / p", "الكيان التالي / السابق"),
        ("u / Shift+u", "مقترحات النموذج مرتّبةً من الأقل ثقةً: التالي / السابق"),
        ("] / [", "الادعاء التالي / السابق"),
        ("Shift+← / Shift+→", "تحديد النص كلمةً كلمةً من الكيان المحدد"),
        ("Ctrl+Z", "تراجع"),
        ("Ctrl+Shift+Z، Ctrl+Y", "إعادة"),
        ("Esc", "إلغاء التحديد"),
        ("?", "هذه القائمة"),
    ],
    doc_deleted: "حُذف المستند.",
    save_failed: "تعذّر الحفظ في المتصفح؛ عملك محفوظ في الذاكرة ما دامت الصفحة مفتوحة. صدّره الآن:",
    stored_set_aside: "وُجدت بيانات محفوظة تالفة فنُقلت جانبًا (لم تُحذف) وبدأ مستند جديد.",
    import_failed: "تعذّر فتح الملف",
    too_large: |mb| format!("النص أكبر من الحد ({mb} ميغابايت)؛ قسّمه إلى ملفات أصغر."),
    source: "المصدر",
    drop_here: "أفلت الملفات هنا",
    other_tab: "هذا المستند مفتوح ومعدّل في لسان آخر؛ أُعيد تحميل أحدث نسخة.",
    compare: "مقارنة…",
    compare_hint: "افتح تعليقًا ثانيًا للنص نفسه لترى مواضع الاختلاف",
    agreement: "الاتفاق",
    kappa: "كابا كوهين على الكلمات",
    disagreements: "مواضع الاختلاف",
    nothing: "لا شيء",
    different_text: "الملف يعلّق على نص مختلف عن المستند الحالي",
    source_model: "النموذج المتعلِّم",
    source_taught: "النموذج، مما علّمتَه إياه",
    source_rule: "قاعدة",
    source_user: "أنت",
    unsure_key: |pct, n| format!("إطار متقطع: مقترح لا يثق به النموذج (أقل من {pct}٪)، وهنا منها {n}؛ المفتاح u يمرّ على مقترحاته، الأقل ثقةً أولًا."),
    taught_key: "✦: مما تعلّمه النموذج من تصحيحاتك.",
    model: "النموذج المتعلِّم",
    model_loading: "يُحمَّل النموذج…",
    model_shipped: "النموذج كما وصل: لم يتعلّم من تصحيحاتك بعد. كل تصحيح لشخص أو منظمة أو مكان يعلّمه فورًا.",
    model_learned: |n, since| format!("تعلّم النموذج من {n} منذ {since}، ويستعمل ذلك في كل مستند يُحلَّل بعدها."),
    model_learning: "يتعلّم…",
    learn_ms: |ms| format!("تعلّم آخر تصحيح في {ms:.1} مللي ثانية."),
    rules_only_worker: "تعذّر تحميل النموذج المتعلِّم: القواعد وحدها تَسِم، والتصحيحات لا تعلّم شيئًا.",
    rules_only_page: "تعذّر على هذا المتصفح تشغيل عامل التحليل: تحلّل الصفحة بالقواعد وحدها (بلا النموذج المتعلِّم)، والتصحيحات لا تعلّم شيئًا.",
    retag_all: "إعادة وسم كل المستندات",
    retag_all_hint: "يَسِم كل المستندات المفتوحة من جديد بما تعلّمه النموذج، ويُبقي كل ما صحّحته أو قبلته",
    export_taught: "تصدير ما تعلّمه",
    import_taught: "استيراد…",
    import_taught_hint: "افتح ملف ‎.wasim-taught‎ صدّره زميل ليتعلّم نموذجك ما تعلّمه نموذجه",
    reset_model: "العودة إلى النموذج الأصلي",
    correction_n: Noun {
        zero: "لا تصحيحات",
        one: "تصحيح واحد",
        two: "تصحيحين",
        few: "{} تصحيحات",
        many: "{} تصحيحًا",
        other: "{} تصحيح",
    },
    taught_imported: |n| format!("استُورد ما تعلّمه نموذج آخر: {n}."),
    taught_refused: "لم يُستورد الملف، ولم يتغيّر شيء",
    taught_unusable: "ما تعلّمه النموذج سابقًا صُنع لنموذج غير هذا فلا يمكن استعماله؛ عاد النموذج إلى أصله، وحُفظ الملف جانبًا لتصدّره",
    model_reset: "عاد النموذج إلى أصله ونسي ما تعلّمه.",
    retagging: |n| format!("يُعاد وسم {n} بما تعلّمه النموذج."),
    refused_not_a_model: "ليس ملفًا مما يصدّره واسم (‎.wasim-taught‎)",
    refused_version: "صدّرته نسخة أخرى من واسم",
    refused_damaged: "الملف تالف أو مقطوع؛ صدّره من جديد",
    refused_other_model: "تعلّمه نموذج غير نموذج هذه النسخة من واسم",
    refused_no_model: "لا نموذج متعلِّمًا هنا (القواعد وحدها تَسِم)",
};

pub static EN: Strings = Strings {
    tagline: "the Arabic text annotator",
    switch_lang: "العربية",
    documents: "Documents",
    new_doc: "New document",
    open_files: "Open files…",
    rename: "Rename",
    delete: "Delete",
    untitled: "Untitled document",
    text: "Text",
    placeholder: "Paste an Arabic article here, or open or drop text or annotation files…",
    export: "Export",
    export_all: "Export all",
    format: "Format",
    analyzing: "Analyzing…",
    status: |e, c, ms| format!("{e} · {c} · analyzed in {ms:.0} ms"),
    entity_n: Noun {
        zero: "no entities",
        one: "1 entity",
        two: "{} entities",
        few: "{} entities",
        many: "{} entities",
        other: "{} entities",
    },
    claim_n: Noun {
        zero: "no claims",
        one: "1 claim",
        two: "{} claims",
        few: "{} claims",
        many: "{} claims",
        other: "{} claims",
    },
    proposal_n: Noun {
        zero: "no proposals",
        one: "1 proposal",
        two: "{} proposals",
        few: "{} proposals",
        many: "{} proposals",
        other: "{} proposals",
    },
    mention_n: Noun { zero: "never", one: "once", two: "twice", few: "{} times", many: "{} times", other: "{} times" },
    document_n: Noun {
        zero: "no documents",
        one: "1 document",
        two: "{} documents",
        few: "{} documents",
        many: "{} documents",
        other: "{} documents",
    },
    labels: ["Person", "Organization", "Place", "Date", "Time", "Money", "Percent", "Number", "Group", "Title"],
    reviewed: |r, t| format!("{r} of {t} reviewed"),
    reviewed_hint: "entities and claims a person accepted, edited or added",
    speaker_unknown: "speaker unknown",
    accepted_all: |l, n| format!("Accepted all {l} proposals: {n}."),
    rejected_all: |l, n| format!("Rejected all {l} proposals: {n}."),
    overview: "Overview",
    by_label: "Entities by label",
    top_people: "Most mentioned people",
    top_orgs: "Most mentioned organizations",
    top_places: "Most mentioned places",
    who_said: "Who said what",
    index: "Index of entities across the open documents",
    search: "Search a name…",
    export_csv: "Export CSV",
    nothing_yet: "Nothing yet.",
    this_doc: "This document (A)",
    other_file: "The file (B)",
    claims_agree: "Claims",
    speakers_agree: "Speakers",
    cues_agree: "Cues",
    accept_next: "Accept and go to the next unreviewed",
    entities: "Entities",
    claims: "Claims",
    no_claims: "No claims yet.",
    selection: "Selection",
    pick_label: "Pick a label (or press its number):",
    keep_clitic: "Include the clitic",
    new_claim: "New claim (c)",
    accept: "Accept",
    tag_all: "Tag all occurrences (t)",
    accept_all: "Accept all",
    reject_all: "Reject all",
    set_speaker: "Speaker ← selection",
    set_cue: "Cue ← selection",
    set_content: "Content ← selection",
    speaker: "Speaker",
    cue: "Cue",
    content: "Content",
    quoted: "direct quote",
    negated: "negated",
    undo: "Undo",
    redo: "Redo",
    help: "Shortcuts",
    close: "Close",
    shortcuts: &[
        ("1–9, 0", "label the selection, or relabel the focused entity"),
        ("Delete", "delete the focused entity"),
        ("t", "tag all occurrences of the focused entity"),
        ("c", "new claim from the selection"),
        ("Enter", "accept the entity and go to the next unreviewed"),
        ("n / p", "next / previous entity"),
        ("u / Shift+u", "the model's next / previous proposal by confidence, least sure first"),
        ("] / [", "next / previous claim"),
        ("Shift+← / Shift+→", "select text word by word from the focused entity"),
        ("Ctrl+Z", "undo"),
        ("Ctrl+Shift+Z, Ctrl+Y", "redo"),
        ("Esc", "clear the selection"),
        ("?", "this list"),
    ],
    doc_deleted: "Document deleted.",
    save_failed: "Saving in the browser failed; your work is kept in memory while this page stays open. Export it now:",
    stored_set_aside: "Stored data was damaged; it was set aside (not deleted) and a new document started.",
    import_failed: "Could not open the file",
    too_large: |mb| format!("The text is over the limit ({mb} MB); split it into smaller files."),
    source: "Source",
    drop_here: "Drop files here",
    other_tab: "This document was changed in another tab; its latest version was loaded.",
    compare: "Compare…",
    compare_hint: "Open a second annotation of the same text to see where they differ",
    agreement: "Agreement",
    kappa: "Cohen's kappa over words",
    disagreements: "Disagreements",
    nothing: "nothing",
    different_text: "the file annotates a different text than the current document",
    source_model: "learned model",
    source_taught: "the model, from what you taught it",
    source_rule: "rule",
    source_user: "you",
    unsure_key: |pct, n| format!("Dashed frame: a proposal the model is unsure of (below {pct}%), {n} here; u walks its proposals, least sure first."),
    taught_key: "✦: learned from your corrections.",
    model: "Learned model",
    model_loading: "The model is loading…",
    model_shipped: "As shipped: it has not learned from your corrections yet. Each correction of a person, organization or place teaches it at once.",
    model_learned: |n, since| format!("The model has learned from {n} since {since}, and uses it in every document analyzed after."),
    model_learning: "Learning…",
    learn_ms: |ms| format!("The last correction was learned in {ms:.1} ms."),
    rules_only_worker: "The learned model could not be loaded: the rules alone tag, and corrections teach nothing.",
    rules_only_page: "This browser could not start the analysis worker: the page analyzes with the rules alone (no learned model), and corrections teach nothing.",
    retag_all: "Re-tag all documents",
    retag_all_hint: "Tags every open document again with what the model learned, keeping everything you corrected or accepted",
    export_taught: "Export what it learned",
    import_taught: "Import…",
    import_taught_hint: "Open a .wasim-taught file a colleague exported, so that your model learns what theirs did",
    reset_model: "Reset to the shipped model",
    correction_n: Noun {
        zero: "no corrections",
        one: "1 correction",
        two: "{} corrections",
        few: "{} corrections",
        many: "{} corrections",
        other: "{} corrections",
    },
    taught_imported: |n| format!("Imported what another model learned: {n}."),
    taught_refused: "The file was not imported, and nothing changed",
    taught_unusable: "What the model learned before was made for another model and cannot be used; the model is back to as shipped, and the file is kept for you to export",
    model_reset: "The model is back to as shipped and has forgotten what it learned.",
    retagging: |n| format!("Re-tagging {n} with what the model learned."),
    refused_not_a_model: "it is not a file Wasim exports (.wasim-taught)",
    refused_version: "another version of Wasim exported it",
    refused_damaged: "the file is damaged or cut short; export it again",
    refused_other_model: "it was taught to another model than this Wasim's",
    refused_no_model: "there is no learned model here (the rules alone tag)",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_counts_agree_with_their_noun() {
        // The examples: "10 ادعاءً", "6 كيانًا", "1 ادعاءً" were wrong.
        let rows = [
            (0, "لا ادعاءات"),
            (1, "ادعاء واحد"),
            (2, "ادعاءان"),
            (6, "6 ادعاءات"),
            (10, "10 ادعاءات"),
            (11, "11 ادعاءً"),
            (99, "99 ادعاءً"),
            (100, "100 ادعاء"),
            (102, "102 ادعاء"),
            (103, "103 ادعاءات"),
            (111, "111 ادعاءً"),
            (1000, "1000 ادعاء"),
        ];
        for (n, want) in rows {
            assert_eq!(Lang::Ar.count(n, &AR.claim_n), want, "{n}");
        }
        assert_eq!(Lang::Ar.count(6, &AR.entity_n), "6 كيانات");
        assert_eq!(Lang::En.count(1, &EN.entity_n), "1 entity");
        assert_eq!(Lang::En.count(2, &EN.entity_n), "2 entities");
    }

    #[test]
    fn every_label_has_a_name_in_both_languages() {
        for l in Label::ALL {
            assert!(!Lang::Ar.label(l).is_empty() && !Lang::En.label(l).is_empty());
        }
        assert_eq!(Lang::Ar.label(Label::LOC), "مكان");
    }
}
