//! Entity fixtures of the rules (without the learned model), one table per rule. Each row is a sentence composed for Wasim in the markup
//! of [`crate::markup`] with a gloss; the check compares every entity of the labels the row's
//! table names (extra labels such as NORP and TITLE are ignored unless named).

use crate::document::Label;
use crate::markup;

const CORE: [Label; 4] = [Label::PER, Label::ORG, Label::LOC, Label::DATE];

fn check(rows: &[(&str, &str)], labels: &[Label], rule: &str) {
    for (input, gloss) in rows {
        let gold = markup::parse(input).expect("fixture markup parses");
        // The rules alone: the model has its own tests (tagger/tests.rs, tests/tagger.rs).
        let got = crate::Annotator::new(None).annotate(&gold.text);
        let pick = |d: &crate::Document| {
            let mut v: Vec<(Label, String)> = d
                .entities
                .iter()
                .filter(|e| labels.contains(&e.label))
                .map(|e| (e.label, e.span.of(&d.text).to_string()))
                .collect();
            v.sort();
            v
        };
        let found: Vec<String> =
            got.entities.iter().map(|e| format!("{} {:?} ({})", e.label, e.span.of(&got.text), e.source)).collect();
        assert_eq!(
            pick(&got),
            pick(&gold),
            "{gloss}\n  text: {}\n  found: {found:#?}\nhelp: the rule under test is {rule}",
            gold.text
        );
    }
}

#[test]
fn lists_through_clitics_and_spelling() {
    check(
        &[
            (
                "وصل الوفد إلى [LOC القاهرة] قادمًا من [LOC موسكو] و[LOC تل أبيب].",
                "he delegation reached Cairo from Moscow and Tel Aviv: و stays out",
            ),
            ("سافر ب[LOC القاهره] ثم ل[LOC أوكرانيا].", "ة written as ه; ب and ل stay out"),
            ("اجتمع ممثلو [ORG الأمم المتحدة] و[ORG الاتحاد الأوروبي] في [LOC جنيف].", "international organizations"),
            ("أعلنت [ORG حركة حماس] و[ORG حزب الله] موقفهما.", "movements from the list"),
            ("زار [LOC الولايات المتحدة الأمريكية] ثم [LOC بريطانيا].", "longest match wins"),
            ("يقيم في [LOC إسرائيل] منذ سنوات.", "hamza seats: إسرائيل"),
        ],
        &CORE,
        "gazetteer.rs",
    );
}

#[test]
fn towns_need_context() {
    check(
        &[
            ("قال إن الدورة الجديدة ستبدأ قريبًا.", "الجديدة (the new) is also a Moroccan town: no context, no tag"),
            ("وصل الوفد إلى [LOC الجديدة] صباحًا.", "after إلى the town is tagged"),
            ("اندلعت اشتباكات في مدينة [LOC الفاشر].", "after مدينة the place is tagged without the head word"),
        ],
        &[Label::LOC],
        "gazetteer.rs (towns) and media.rs (place heads)",
    );
}

#[test]
fn people_after_titles_and_given_names() {
    check(
        &[
            ("استقبل الرئيس الروسي [PER فلاديمير بوتين] نظيره.", "title, nationality, name"),
            ("وأكد رئيس الوزراء الإسرائيلي، [PER نفتالي بينيت]، الخبر.", "title, nationality, comma, name"),
            ("قال وزير الدفاع [PER كارلوس مارتينيز] إن القوات جاهزة.", "a foreign name in no list, found by position"),
            ("وصرح المتحدث باسم [ORG الكرملين] [PER ديمتري بيسكوف] بذلك.", "spokesman of a body, then the name"),
            ("التقى [PER محمد بن سلمان] بالوفد.", "given name, بن, name"),
            ("حضر [PER عبد الرحمن الخطيب] الاجتماع.", "عبد + name"),
            ("وقال الوزير [PER أيمن الصفدي] سيزور المدينة.", "an unknown third word (a verb) ends the name"),
            ("أعلنت الوزارة أن الوزير سيزور [LOC دمشق].", "a future verb after a title is no name"),
        ],
        &[Label::PER],
        "persons.rs",
    );
}

#[test]
fn organizations_from_heads() {
    check(
        &[
            ("أعلنت [ORG وزارة الخارجية المصرية] الخبر.", "head, definite noun, nationality"),
            ("قالت [ORG منظمة الصحة العالمية] إن الوباء انحسر.", "from the list"),
            ("وأكد [ORG الجيش الإسرائيلي] ذلك.", "definite head and nationality"),
            ("تحدث رئيس [ORG جامعة القاهرة] للطلاب.", "head and a city; للطلاب (to the students) is no purpose"),
            ("أصدر [ORG المرصد السوري لحقوق الإنسان] تقريرًا.", "head, nationality, purpose with ل"),
            ("وقعت شركة [ORG قطر للطاقة] الاتفاق.", "a company after شركة, without the head"),
            ("طالبت الحكومة بدعم الأسر.", "a definite head alone is no name"),
            ("دعا إلى تشكيل حكومة موحدة.", "an adjective agreeing with the head is no name"),
        ],
        &[Label::ORG],
        "orgs.rs and media.rs",
    );
}

#[test]
fn media_after_their_kind() {
    check(
        &[
            ("قالت صحيفة “[ORG هآرتس]” إن الحكومة تتردد.", "quoted name, quotes left out"),
            ("وذكرت صحيفة «[ORG لوفيغارو]» الخبر.", "guillemets"),
            ("نقلت وكالة [ORG رويترز] عن مصدر.", "unquoted known medium"),
            ("بثت قناة [ORG الجزيرة] اللقاء.", "channel"),
            ("نشر موقع [ORG هسبريس] تقريرًا.", "an unknown unquoted name up to a common word"),
        ],
        &[Label::ORG],
        "media.rs",
    );
}

#[test]
fn dates_and_times() {
    check(
        &[
            ("أعلن [DATE أمس الأحد] عن الخطة.", "yesterday Sunday"),
            ("وصل [DATE يوم الجمعة الماضي] إلى المدينة.", "last Friday"),
            ("بدأت الزيارة [DATE منتصف الشهر الحالي].", "mid this month"),
            ("تأسست الشركة [DATE عام 2015].", "year word and number"),
            ("وقع الاتفاق في [DATE 14 مارس/آذار 2023].", "day, two month names, year"),
            ("ولد في [DATE ٢٠٢٢].", "a year in Arabic-Indic digits"),
            ("يعود [DATE العام المقبل] إلى [LOC بيروت].", "next year"),
            ("مارس الضغط على الحكومة.", "مارس as a verb (he practised) is no date"),
            ("يصوم المسلمون في [DATE رمضان].", "a Hijri month after في"),
            ("التقيا [DATE صباح اليوم] في [LOC عمان].", "this morning"),
            ("عقد الاجتماع في [DATE 3/14/2023].", "numeric date"),
        ],
        &CORE,
        "dates.rs",
    );
}

#[test]
fn amounts() {
    check(
        &[
            ("ارتفع التضخم إلى [PERCENT 3.5٪] هذا الشهر.", "Arabic percent sign"),
            ("بلغت الخسائر [MONEY 5 ملايين دولار].", "scale and currency"),
            ("تراجع النمو [PERCENT 2 بالمئة].", "بالمئة"),
            ("سعر الكتاب [MONEY 300 جنيه مصري].", "currency with nationality from the list"),
            ("شارك [CARDINAL 1,250] عداءً.", "a plain count"),
        ],
        &[Label::MONEY, Label::PERCENT, Label::CARDINAL],
        "numbers.rs",
    );
}

#[test]
fn later_mentions() {
    check(
        &[
            (
                "التقى وزير الدفاع [PER سيرغي شويغو] بالقادة. وأكد [PER شويغو] أن الوضع مستقر.",
                "the family name alone later",
            ),
            ("انتقد الرئيس [PER نفتالي بينيت] القرار، ثم عاد [PER بينيت] وتراجع.", "with a clitic-free repeat"),
            (
                "قال وزير الخارجية [PER كورت كفيورد] إن المحادثات مستمرة. واستقبل [PER كورت كفيورد] الوفد أمس.",
                "the full name again, whole, not its family name alone",
            ),
            (
                "قال المدير العام [PER تيدروس أدهانوم غيبريسوس] إن اللقاح آمن. وأضاف [PER أدهانوم غيبريسوس] أن الوباء تراجع.",
                "the full name's last two words, whole, not the family name alone",
            ),
            (
                "قال الدكتور [PER سامي البحري] إن القوات البحرية وصلت.",
                "a family name is not read in a word with a suffix (البحري, not البحرية)",
            ),
            (
                "قال الوزير [PER محمد عبد الله] إن الدين لا علاقة له بالسياسة، داعيا الله أن يحفظ البلاد. وقال [PER حسن نصر الله] إن الدين للجميع.",
                "the second word of a compound name is no family name alone (الدين religion, الله God)",
            ),
        ],
        &[Label::PER],
        "mentions.rs",
    );
}

/// What later mentions find again in `text` after the model found `names` (each at its first
/// occurrence) as `label`.
fn found_again(text: &str, names: &[&str], label: Label) -> Vec<String> {
    let lex = crate::lexicon::Lexicon::builtin();
    let a = crate::words::Words::analyze(text, lex);
    let found: Vec<super::Candidate> = names
        .iter()
        .map(|name| {
            let start = text.find(name).expect("the name is in the text");
            super::Candidate::new(crate::Span::new(start, start + name.len()), label, "model", 0.8)
        })
        .collect();
    super::mentions::candidates(&a, lex, &found).iter().map(|c| c.span.of(text).to_string()).collect()
}

/// The model's organizations are looked for again only as a name with its head word: a part of a
/// longer name or an adjective alone would be found all over the text.
#[test]
fn later_mentions_of_the_models_organizations() {
    let text = "اجتمع الجيش الإسرائيلي ووزارة المالية وجامعة الدول العربية. وقال الجيش الإسرائيلي إن الدول العربية والأزمة المالية تهمه.";
    let again = found_again(text, &["الجيش الإسرائيلي", "الدول العربية", "المالية"], Label::ORG);
    assert_eq!(again, ["الجيش الإسرائيلي"], "only the headed name is found again");
}

/// A word that is no name alone (an ordinal, the end of a compound) is not looked for again
/// alone, whether it ends a person the model found or is all of one.
#[test]
fn later_mentions_skip_words_that_are_no_name_alone() {
    let text = "استقبل السلطان مراد الثاني الوفد، وكان الأول قد غادر. وحل الفريق ثانيا في الشوط الثاني وفاز في الأول.";
    let again = found_again(text, &["مراد الثاني", "الأول"], Label::PER);
    assert!(again.is_empty(), "{again:?}");
}

/// A person the model found is cut where no name goes on: two names joined by و, a verb in the
/// future tense at either end (`seen`: the stems the training text wrote often).
#[test]
fn the_models_people_split_where_no_name_goes_on() {
    /// A sentence, the model's person in it, the people it names, the stems seen, a gloss.
    type Row<'a> = (&'a str, &'a str, &'a [&'a str], &'a [&'a str], &'a str);
    let rows: [Row; 6] = [
        (
            "رحب موسى وبن عيسى بالاتفاق.",
            "موسى وبن عيسى",
            &["موسى", "وبن عيسى"],
            &[],
            "و before a name particle: two people",
        ),
        ("حضر محمد خان وسعيد مرعي.", "محمد خان وسعيد مرعي", &["محمد خان", "وسعيد مرعي"], &[], "و before a given name"),
        (
            "قال المدرب وليد ركراكي إنه مستعد.",
            "وليد ركراكي",
            &["وليد ركراكي"],
            &[],
            "وليد is a given name, not و + ليد",
        ),
        (
            "وقال فيرجسون سيبدأ الموسم غدا.",
            "فيرجسون سيبدأ",
            &["فيرجسون"],
            &["يبدا"],
            "the future marker on a word the corpora wrote: a verb",
        ),
        ("سيكونون ضيوف الحفل.", "سيكونون ضيوف", &["ضيوف"], &["يكونون"], "… at the start too"),
        (
            "التقى سيرجي لافروف نظيره.",
            "سيرجي لافروف",
            &["سيرجي لافروف"],
            &["لافروف"],
            "س + a word the corpora never wrote is no verb",
        ),
    ];
    let lex = crate::lexicon::Lexicon::builtin();
    for (text, person, people, seen, gloss) in rows {
        let a = crate::words::Words::analyze(text, lex);
        let at = text.find(person).expect("the person is in the text");
        let first = a.word_at(at);
        let last = a.word_at(at + person.len()) - 1;
        let got: Vec<&str> = super::persons::people(&a, first, last, |k| seen.contains(&k))
            .into_iter()
            .map(|(f, l)| &text[a.words[f].span.start..a.words[l].span.end])
            .collect();
        assert_eq!(got, people, "{gloss}: {text}");
    }
}

/// Inputs that once went wrong, with what they must give now.
#[test]
fn regressions() {
    check(
        &[
            ("قال إن بلاده ترفض ذلك.", "بلاده: ب + لاده once matched a town"),
            ("أرسل وفدًا إلى العاصمة.", "وفدًا with tanween once matched a town"),
            ("وقال رئيس الوزراء الياباني إن [LOC طوكيو] مستعدة.", "الياباني once matched اليابان through the suffix ي"),
            ("وأكد الفريق جاهز للمباراة.", "الفريق (the team) once started a person after a title"),
            (
                "اتصل رئيس الوزراء الإسرائيلي، وجاء ذلك بعد الاجتماع.",
                "وجاء (and came) once became a name after a title and a comma",
            ),
        ],
        &[Label::PER, Label::LOC],
        "regressions",
    );
}

/// The list matches, kept in a few bytes a word, give back the phrase found at every word: one
/// word or several, read through clitics or not.
#[test]
fn list_matches_give_back_each_phrase() {
    let lex = crate::Lexicon::builtin();
    let text = "قال وزير الخارجية الأمريكي أنتوني بلينكن في تل أبيب وبالقاهرة إن الأمم المتحدة ستجتمع.";
    let a = crate::words::Words::analyze(text, lex);
    let m = super::gazetteer::matches(&a, lex);
    for i in 0..a.words.len() {
        assert_eq!(m.get(i), a.phrase_at(lex, i, |_| true), "word {i}");
    }
    assert!(m.iter().any(|p| p.last > p.first), "a phrase of several words");
    assert!(m.iter().any(|p| p.span.start > a.words[p.first].span.start), "a phrase read through a clitic");
}
