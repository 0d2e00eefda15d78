//! The interface in Arabic (the default) and English. Every visible string is here, so a
//! translation is one struct.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Ar,
    En,
}

impl Lang {
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
    pub status: fn(usize, usize, f64) -> String,
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
    placeholder: "الصق مقالًا عربيًا هنا، أو افتح ملفات ‎.txt‎ أو أفلتها هنا…",
    export: "تصدير",
    export_all: "تصدير الكل",
    format: "الصيغة",
    analyzing: "جارٍ التحليل…",
    status: |e, c, ms| format!("{e} كيانًا · {c} ادعاءً · حُلِّل في {ms:.0} مللي ثانية"),
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
        ("Enter", "قبول الكيان المحدد"),
        ("t", "وسم كل مواضع الكيان المحدد"),
        ("c", "ادعاء جديد من التحديد"),
        ("n / p", "الكيان التالي / السابق"),
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
    placeholder: "Paste an Arabic article here, or open or drop .txt files…",
    export: "Export",
    export_all: "Export all",
    format: "Format",
    analyzing: "Analyzing…",
    status: |e, c, ms| format!("{e} entities · {c} claims · analyzed in {ms:.0} ms"),
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
        ("Enter", "accept the focused entity"),
        ("t", "tag all occurrences of the focused entity"),
        ("c", "new claim from the selection"),
        ("n / p", "next / previous entity"),
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
};
