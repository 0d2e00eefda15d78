//! Claim fixtures, one row per pattern: sentences composed for Wasim in the markup of
//! [`crate::markup`]; the check compares speaker, cue, content and quotedness of every claim.

use crate::markup;

fn check(rows: &[(&str, &str)], pattern: &str) {
    for (input, gloss) in rows {
        let gold = markup::parse(input).expect("fixture markup parses");
        let got = crate::annotate(&gold.text);
        let show = |d: &crate::Document| {
            d.claims
                .iter()
                .map(|c| {
                    let part = |s: Option<crate::Span>| s.map(|s| s.of(&d.text).to_string());
                    (part(c.speaker), part(c.cue), c.content.of(&d.text).to_string(), c.quoted)
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            show(&got),
            show(&gold),
            "{gloss}\n  text: {}\nhelp: the pattern under test is {pattern} (claims.rs)",
            gold.text
        );
    }
}

#[test]
fn verb_subject_object() {
    check(
        &[
            (
                "ومن ناحية أخرى {V1 انتقدت} {S1 المستشارة الألمانية} {C1 قرار إلغاء العرض}.",
                "a criticism: its object is what was said",
            ),
            (
                "{V1 أكدت} {S1 السفارة الروسية في إسرائيل}، أمس الأحد، أن {C1 التنسيق مستمر}.",
                "VSO with an adverbial between speaker and أن",
            ),
            ("و{V1 قال} {S1 وزير المالية} في بيان إن {C1 العجز تراجع}.", "في بيان between speaker and إن"),
            (
                "و{V1 قال} {S1 روماريو} تعليقا على ذلك إن {C1 الفريق قوي}.",
                "VSO: an adverb after the name (تعليقا, adverbs.txt) is no part of the speaker",
            ),
            (
                "و{V1 ذكر} {S1 مراسل الجزيرة} أن {C1 القوات انسحبت من المدينة}.",
                "ذكر with a subject that speaks (a correspondent of a channel): a report",
            ),
            (
                "و{V1 كتب} {S1 الصحفي} أن {C1 الحكومة أخفقت في إدارة الأزمة}.",
                "كتب with a subject that speaks (a journalist): a report",
            ),
            ("و{V1 وجدت} {S1 الدراسة} أن {C1 المدخنين أكثر عرضة للإصابة}.", "وجد أن (found that), of a study"),
            ("و{V1 ينص} {S1 القرار} على {C1 نشر قوة دولية في الإقليم}.", "ينص على (stipulates), of a resolution"),
            (
                "و{V1 طالبت} {S1 الحكومة} بأن {C1 تعلن الشركة عن خططها الجديدة}.",
                "a cue right after بأن is what is asked for (that it announce), no report of its own",
            ),
            ("ونشر نص القرار على موقع المجلس.", "نص القرار: the noun (text), no verb: the past نص is no cue"),
            (
                "و{V1 اعتبر} {S1 ممثل اليابان كنزو أوشيما} من جانبه أن {C1 الخطة يجب أن تكون صارمة}.",
                "من جانبه (on his part, on-ones-part.txt) ends the speaker; أن after يجب (modals.txt) opens no content",
            ),
            ("و{V1 قالت} {S1 الوزيرة} من جهتها إن {C1 الاتفاق سيوقع قريبا}.", "من جهتها (on her part) ends the speaker"),
            (
                "و{V1 ذكرت} {S1 صحيفة ء دايلي ميرور ء} أن {C1 مانشستر يونايتد سيتقدم بعرض جديد}.",
                "a lone hamza pair, the corpora's quotation marks around a name, is part of the speaker",
            ),
            (
                "و{V1 قال} {S1 سفير الصين} إن {C1 بلاده تدعم نشر قوة دولية في دارفور ما إن يكون ذلك ممكنا}.",
                "نشر (deploying) a force in a place is no report: its head (قوة) cannot speak; ما إن (as soon as) opens nothing",
            ),

            ("و{V1 هتف} {S1 المتظاهرون} \"{Q1 لا للحرب على العراق}\".", "هتف (chanted) a quotation"),
            ("و{V1 يتوقع} {S1 الخبراء} أن {C1 ترتفع الأسعار}.", "يتوقع with its subject: the experts expect"),
            (
                "و{V1 قال} {S1 {S2 النائب}} إن {C1 للعراق خيارات متعددة}، و{V2 أضاف} أنا مؤمن أن {C2 العراق قادر على الرد}.",
                "a pronoun (أنا: I) opens no speaker: the subject is dropped and the speech goes on",
            ),
            ("و{V1 أشارت} {S1 الوزارة} إلى أن {C1 الأسعار استقرت}.", "a governed preposition before أن"),
            ("و{V1 أصر} {S1 رافاران} على أن {C1 مجلس الأمن هو المعني بالأمر}.", "أصر على أن (insisted that)"),
            ("و{V1 قال} {S1 الطبيب}، وهو من سكان المدينة، إن {C1 المستشفى ممتلئ}.", "an apposition between commas"),
            ("و{V1 يشكو} {S1 السياح} من أن {C1 الأسعار مرتفعة}.", "a complaint: يشكو من أن (complain that)"),
            (
                "و{V1 قال} {S1 الوزير} خلال لقائه رئيس الوزراء في بروكسل إن {C1 بلاده مستعدة للمشاركة}.",
                "the occasion (خلال: during) ends the speaker",
            ),
            (
                "و{V1 قال} {S1 الرئيس} خلال الحفل الختامي لاجتماع الجمعية \"{Q1 في عالم متوتر يدفع السكان الثمن أولا}\".",
                "a long quotation after a body's name (الجمعية) is the content, not a quoted name",
            ),
        ],
        "VSO",
    );
}

#[test]
fn subject_verb_object() {
    check(
        &[
            ("{S1 روسيا} {V1 تؤكد} {C1 استمرار التنسيق مع إسرائيل}", "a headline: SVO, content without أن"),
            ("{S1 وزارة الصحة} {V1 قالت} إن {C1 الإصابات تراجعت}.", "SVO with إن"),
            (
                "غير أن {S1 [PER محمد سالم]} {V1 قال} للصحيفة إن {C1 الطريق مفتوح}.",
                "SVO after غير أن; the word with ل after the cue is whom it was told",
            ),
            (
                "التقى أولمرت مع {S1 وزيرة الخارجية الأمريكية كوندوليزا رايس} التي {V1 قالت} إن {C1 الوقت حان}.",
                "a relative pronoun between the subject and the cue",
            ),
            (
                "وطالبت المنظمة بسحب التعليقات التي {V1 ادعى} فيها {S1 البابا} أن {C1 الإسلام انتشر بالعنف}.",
                "a preposition with a pronoun after the cue, then the speaker",
            ),
            (
                "وقع زلزال قوي، لكن {S1 الخبراء} {V1 استبعدوا} {C1 حدوث تسونامي هذه المرة}.",
                "a speaker noun after لكن (but), and the noun phrase its cue takes",
            ),
            (
                "وكان {S1 الرئيس الأمريكي جورج بوش} قد {V1 قال} إن {C1 الحرب ستنتهي قريبا}.",
                "the pluperfect: كان, the subject, قد, the cue",
            ),
            (
                "وكانت {S1 وزيرة الخارجية الأمريكية كوندوليزا رايس} {V1 قالت} إن {C1 الوقت حان}.",
                "the pluperfect without قد: كان, the subject, the cue",
            ),
            (
                "أما {S1 وزير الخارجية} ف{V1 قال} إن {C1 المفاوضات مستمرة}.",
                "the topic: أما, the subject, the cue after ف",
            ),
            (
                "أما {S1 بلير} فقد {V1 شدد} على ضرورة أن {C1 يكون العمل دوليا}.",
                "the topic: أما, the subject, فقد, the cue",
            ),
            (
                "وسافر وزير الخارجية قد {V1 قال} إن {C1 الحرب ستنتهي}.",
                "قد with no كان before the subject: no pluperfect, no subject",
            ),
            (
                "{S1 أحد الأطباء النفسيين} {V1 قال} إن {C1 الحالة نادرة}.",
                "SVO: a speaker noun with the word counting it (أحد, quantifiers.txt) before the cue",
            ),
            (
                "لكن {S1 سفيرا مطلعا على الوثيقة} {V1 قال} إنها {C1 مماثلة لمشروع سابق}.",
                "SVO after لكن: an indefinite speaker noun in the accusative (سفيرا: سفير and its tanween's alef)",
            ),
            (
                "وكان {S1 الرئيس الأميركي} {V1 قال} إن {C1 المشكلة كبيرة}.",
                "SVO after كان: the title before the nationality the entities found starts the subject",
            ),
            (
                "غير أن {S1 مدير عام الدفاع المدني اللواء عوض وديعة الله} {V1 قال} للجزيرة إن {C1 الفيضان دمر المنازل}.",
                "SVO: to whom it was said (للجزيرة) between the cue and إن; the titles before the name start the subject",
            ),
            (
                "ولكن {S1 متحدثة باسم الجيش الإسرائيلي} {V1 قالت} إن {C1 الجنود فتحوا النار}.",
                "SVO after لكن: a speaker noun and the word after it (باسم) before the entity",
            ),
            (
                "وكانت {S1 السلطات السودانية} قد {V1 أشارت} في وقت سابق إلى أن {C1 حجم الأضرار كبير}.",
                "the pluperfect's subject, a group, with an adverbial between the cue and أن",
            ),
            (
                "وكان الرئيس بري أجرى أيضا اتصالا بالسفير الأميركي جيفري فيلتمان {V1 أبلغه} أن {C1 ما حصل يشكل خطورة}.",
                "a clause before the cue (أجرى أيضا اتصالا) is not crossed to reach a title for its subject",
            ),
        ],
        "SVO",
    );
}

#[test]
fn quotes() {
    check(
        &[
            (
                "{V1 قالت} {S1 صحيفة “هآرتس”} إن “{Q1 الحكومة تتردد}”.",
                "a quoted content; the quoted name stays in the speaker",
            ),
            ("{V1 قال} {S1 المدرب}: «{Q1 سنفوز. لا شك في ذلك}».", "colon, guillemets, a quote across two sentences"),
            ("{S1 الوزارة} إن \"{Q1 الوضع مستقر}\"", "a line opening with the speaker and إن, no verb"),
            (
                "و{V1 قال} {S1 المدرب} \"{Q1 سنلعب للفوز}.\n{Q1 ولن نغير خطتنا}\".",
                "a quotation left open at the line's end and closed on the next line: a claim per line",
            ),
            (
                "و{V1 قال} {S1 المدرب} \"{Q1 سنلعب للفوز}.\n{Q1 لن نغير خطتنا أبدا}.\n{Q1 ولن نتراجع}\".",
                "a quotation over three lines: the line between, with no quotation mark, is quoted too",
            ),
            (
                "و{V1 أضاف} {S1 الوزير} \"{Q1 لأول مرة تحدثنا عن الحدود}\".",
                "a quoted content right after the speaker is not part of it",
            ),
            ("{S1 [PER محمد صلاح]}{V1 :} {C1 سنعود أقوى في الموسم المقبل}", "a headline: a person's name and a colon"),
            (
                "سيول - رويترز - {V1 أوردت} {S1 وكالة \"يونهاب\" الكورية} أن {C1 الزعيم تزوج}.",
                "a dateline's agency before a dash is no subject; the agency's quoted name is no content",
            ),
            (
                "وجاء ذلك ردا على تصريحات نشرت الثلاثاء في صحيفة \"نيويورك بوست\".",
                "a newspaper's quoted name after the cue is no content",
            ),
            (
                "و{V1 قالت} {S1 آنيت براون، مسؤولة الفعاليات في \"بروميثيان تكنولوجي غروب\"}: \"{Q1 حقق المعرض نجاحا كبيرا}.",
                "a company's quoted name in the speaker's apposition, then a colon; the quotation is not closed",
            ),
            (
                "و{V1 قال} {S1 كيشور كيني من شركة \"المو\" (AlMoe) في دبي}: \"{Q1 حقق المعرض نجاحا كبيرا}\".",
                "a company's quoted and Latin names after the speaker, then a colon: all the speaker's",
            ),
            (
                "و{V1 قال} {S1 رئيس المعهد} \"{Q1 مادام ينهار في المقدمة فإنه يشكل خطرا}.",
                "a quotation that never closes, right after the speaker: its إنه is inside it",
            ),
            (
                "و{V1 أضاف} \"{Q1 يجب على العراق أن ينزع أسلحته وأن ينصاع لمراقبة صارمة}\"، {V2 مشددا} على أن {C2 فرنسا ستواصل التحرك}.",
                "a long quotation right after the cue, a comma after it: what was said, not a speaker (يجب)",
            ),
        ],
        "quotes",
    );
}

#[test]
fn according_to() {
    check(
        &[
            ("{C1 ارتفع التضخم إلى 5 بالمئة}، {V1 بحسب} {S1 البنك المركزي}.", "بحسب after the content"),
            ("و{V1 بحسب} {S1 الوكالة}، فإن {C1 الاجتماع تأجل}.", "بحسب before the content, with فإن"),
            ("{C1 ارتفع التضخم}، {V1 وفقا} ل{S1 وزارة المالية}.", "وفقا لـ: the speaker carries ل"),
        ],
        "according",
    );
}

#[test]
fn as_said_after_the_content() {
    check(
        &[
            (
                "و{C1 اعتقلت الشرطة العشرات منهم}، {V1 كما قالت} {S1 الوكالة}.",
                "كما + a verb of saying + a source at the sentence's end attributes the clause before",
            ),
            (
                "و{C1 اعتقلت الشرطة العشرات منهم}، {V1 كما قالت} {S1 الوكالة} دون توضيحات اضافية.",
                "a few words after the source (دون: without …) are no part of it",
            ),
            (
                "القاهرة - ا ف ب: {C1 اعتقلت الشرطة العشرات}، {V1 كما ذكرت} {S1 وكالة الأنباء الرسمية}.",
                "the dateline before its colon is no part of the content",
            ),
            (
                "و{V1 قال} {S1 الوزير} إن {C1 المحادثات مستمرة}، كما {V2 أكد} {S2 الرئيس} أن {C2 الاتفاق قريب}.",
                "كما أكد X أن: \"X also stressed that\", the verb's own claim after أن",
            ),
            (
                "ليس الكاتب عدوا لها، كما تقول الإشاعة.",
                "ليس … كما تقول: a clause that denies what the source says is no claim of it",
            ),
            (
                "المدينة الأكبر في الإقليم، كما تعتبر العاصمة التاريخية لمنطقة توسكانا.",
                "كما تعتبر: \"is also considered\", no one speaks",
            ),
        ],
        "according::as_said",
    );
}

#[test]
fn nominal_content_after_a_preposition() {
    check(
        &[
            ("و{V1 دعت} {S1 المنظمة} إلى {C1 الإفراج عن المعتقلين}.", "دعا إلى + verbal noun"),
            ("و{V1 أعلن} {S1 الوزير} عن {C1 خطة لخفض الأسعار}.", "أعلن عن + noun phrase"),
            ("و{V1 طالب} {S1 النواب} ب{C1 تشكيل لجنة تحقيق}.", "طالب ب on the word"),
            ("و{V1 أشاد} {S1 الوزير} ب{C1 دور الشركات الصغيرة}.", "أشاد ب (praised) on the word"),
            (
                "و{V1 أعرب} {S1 الوزير} أمس خلال لقائه رئيس الوزراء البلجيكي ونظيره الهولندي في مقر الاتحاد الأوروبي، عن {C1 استعداد بلاده للمشاركة}.",
                "an occasion of many words between the speaker and the governed عن, closed by a comma",
            ),
            (
                "و{V1 قالت} {S1 {S2 الوزيرة}} إن {C1 الرقابة غير مقبولة}، {V2 محذرة} من {C2 التراجع أمام المتشددين}.",
                "a participle governing من after a report (محذرة من: warning against)",
            ),
            (
                "و{V1 أعرب} {S1 {S2 الوزير}} عن {C1 سعادته بالتعاون}، {V2 مشيرا} إلى {C2 ارتفاع معدلات السحب من التمويل}.",
                "a participle pointing to a noun phrase (مشيرا إلى: pointing to)",
            ),
            ("و{V1 لفت} {S1 التقرير} إلى {C1 تراجع الصادرات}.", "لفت إلى (drew attention to) + noun phrase"),
            ("و{V1 أقر} {S1 رئيس الأركان} ب{C1 وجود نقاط خلل في إدارة الحرب}.", "أقر ب (admitted)"),
            (
                "{V1 أشاد} {S1 سعادة الدكتور محمد بن حمد الرمحي وزير النفط العماني} في تصريحات صحفية أمس ب{C1 الدور الإيجابي لقطر في استضافة المؤتمرات}.",
                "a long speaker and the occasion (في تصريحات: in statements) before the governed ب",
            ),
            (
                "و{V1 اتهمه} {S1 النازيون} ب{C1 تأسيس الفيزياء اليهودية}.",
                "a cue verb with its object on it (اتهمه: accused him), then its speaker",
            ),
            (
                "{V1 قال} {S1 الوزير} إن {C1 الوضع صعب}.
وكان {S2 الضباط} {V2 يطالبونه} ب{C2 الاستقالة من منصبه}.",
                "a present plural with its object (يطالبونه: they demand of him), its subject a group before it (الضباط)",
            ),
        ],
        "nominal content",
    );
}

#[test]
fn noun_phrase_content_with_a_dropped_subject() {
    check(
        &[
            (
                "{V1 قال} {S1 الوزير} إن {C1 الطرق مغلقة}.\nو{V1 تعهد} ب{C1 إصلاح الطرق خلال يومين}.",
                "تعهد بـ + verbal noun, its subject dropped, after a report",
            ),
            (
                "{V1 قال} {S1 الوزير} إن {C1 المستشفى ممتلئ}.\nو{V1 أكد} {C1 وجود نقص في الأدوية}.",
                "أكد + an indefinite noun phrase, its subject dropped, after a report",
            ),
            (
                "و{V1 قال} {S1 {S2 المدير}} إن {C1 الحادث وقع}، حيث {V2 أكد} {C2 وجود قطار ثالث}.",
                "حيث أكد + a noun phrase ends the content before it",
            ),
            (
                "و{V1 أكد} {S1 شهود عيان} {C1 وجود قوات في البلدة} فيما {V2 ذكر} {S2 سكان} أن {C2 الجنود وصلوا}.",
                "a speaker noun with its genitive, a noun phrase content ended by فيما + a new cue",
            ),
            (
                "و{V1 دعا} {S1 {S2 الوزير}} إلى {C1 الهدوء}، {V2 مطالبا} السكان ب{C2 البقاء في منازلهم}.",
                "a participle governing بـ + verbal noun",
            ),
            (
                "{V1 قال} {S1 الوزير} إن {C1 الجيش انسحب}.
و{V1 اتهموها} {C1 خوض الحرب دون الاستعداد اللازم}.",
                "a plural with its object on it drops the ا of وا (اتهموها: they accused her)",
            ),
            (
                "في وقت {V1 نفت} فيه {S1 حركة المقاومة الإسلامية (حماس)} {C1 أنباء عن قبولها الاتفاقيات}.",
                "where it was said (فيه) before the speaker, and a name in parentheses inside the speaker",
            ),
            (
                "و{V1 نفى} {S1 الوزير} أمس {C1 وجود قوات أجنبية في البلاد}.",
                "a date between the speaker and a noun phrase content is neither",
            ),
            (
                "و{V1 نفى} {S1 المتحدث} {C1 الأنباء التي ترددت عن مقتل ثلاثة من عناصر الحزب}.",
                "a relative clause (التي) qualifies the noun before it: the content opens there, not the speaker",
            ),
            (
                "و{V1 نفت} {S1 السلطات} {C1 وجود قتلى في الحادث}.",
                "a group of people (السلطات, groups.txt) can say something: a noun phrase content after it",
            ),
            (
                "و{V1 أكد} {S1 بعض المسؤولين} {C1 وجود خلافات داخل الحكومة}.",
                "a word counting the people after it (بعض, quantifiers.txt): they speak",
            ),
            (
                "و{V1 طالبت} {S1 ألمانيا} من روسيا {C1 عدم تحريك القوات}.",
                "whom it is asked of (من روسيا, asks-of.txt) stands between the speaker and the content",
            ),
            (
                "{V1 قال} {S1 الأمين العام} إن {C1 الهدنة صامدة}.\nو{V1 طلب} من الحكومة الإسرائيلية {C1 تسليم خرائط عن أماكنها}.",
                "whom it is asked of, its subject dropped, after a report",
            ),
            (
                "طلب مقابلة مع رئيس البلدية من عوني الطميزي بتاريخ 7 نيسان.",
                "no claim: a request (طلب, a noun) whose من phrase is followed by no bare noun (بتاريخ)",
            ),
        ],
        "noun phrase content (nominal.rs)",
    );
}

#[test]
fn where_a_content_ends() {
    check(
        &[
            (
                "و{V1 أكد} {S1 {S2 الوزير}} أن {C1 الفريق \"جاهز تماما\"} {V2 مضيفا} أن {C2 الموسم طويل}.",
                "a participle after a closing quotation mark, no comma; the quotation closed",
            ),
            (
                "و{V1 قال} {S1 الوزير} إن {C1 الأسعار ارتفعت} بينما {V2 قالت} {S2 النقابة} إن {C2 الأجور ثابتة}.",
                "بينما + a new cue, no comma",
            ),
            ("و{V1 قال} {S1 الوزير} إن {C1 الأسعار سترتفع} لكنه لم يوضح متى.", "لكنه + a negated cue: the narrator"),
            (
                "و{V1 ردد} {S1 محفوظ} أنه {C1 أصبح موظفا عند السيد نوبل} في إشارة إلى أن الجائزة حرمته الهدوء.",
                "في إشارة إلى (in reference to), no comma: the narrator's aside",
            ),
            (
                "{V1 أظهرت} {S1 دراسة جديدة} أن {C1 الصين أزاحت ألمانيا من المرتبة الثالثة}، فقد {V2 ذكرت} {S2 مؤسسة أبحاث السوق} أن {C2 الصين أنتجت ستة ملايين سيارة}.",
                "a comma, one word (فقد) and a new cue",
            ),
            (
                "و{V1 قال} {S1 الوزير} إن {C1 موقف الولايات المتحدة، التي قالت كلمتها أمس، مؤشر إيجابي}.",
                "a comma and a relative clause with a cue in it (التي قالت) go on with the content",
            ),
            (
                "وعاد الوزير ل{V1 يؤكد} على أن {C1 الأسعار ستنخفض}.",
                "ل + a present cue: a report (its subject, after عاد, is not found yet)",
            ),
            (
                "و{V1 نفى} {S1 الوزير} {C1 {C2 وجود نقص في الأدوية}} {V2 حسب} ما ذكرت {S2 الوكالة}.",
                "حسب ما after a report attributes the report's content",
            ),
            (
                "و{V1 قال} {S1 {S2 المحلل}} إن {C1 أداء السوق صحي} {V2 لافتا} إلى أن {C2 الهبوط انتهى}.",
                "a participle with its own إلى أن, no comma, no quotation",
            ),
            (
                "و{V1 قال} {S1 {S2 الوزير}} إنه {C1 عازم على مواصلة العمل} و{V2 اعتبر} أن {C2 الوضع صعب}.",
                "a verb of saying joined by و starts a new report",
            ),
            (
                "و{V1 أكد} {S1 الكاردينال} أن {C1 التعليقات مسيئة} و{V2 قال} {S2 بيان المنظمة} إن {C2 الدول الإسلامية غاضبة}.",
                "وقال, a verb whose word is also read whole, starts a new report too",
            ),
            (
                "و{V1 أعرب} {S1 {S2 الوزير}} عن {C1 ارتياحه للنتائج} مع {V2 تأكيده} أن {C2 الأسعار ستنخفض}.",
                "a verbal noun with the pronoun of the one who says, read as a participle",
            ),
            (
                "و{V1 قال} {S1 {S2 انان}} إنه {C1 يدعم هذا الطلب} {V2 مؤكدا} {C2 الحاجة إلى التحرك السريع}.",
                "a participle governing a noun phrase (مؤكدا الحاجة: stressing the need) ends the content before it",
            ),
        ],
        "content_after (content.rs)",
    );
}

#[test]
fn quotations_holding_the_complementizer() {
    check(
        &[
            ("و{V1 تابع} {S1 الوزير} \"إن {Q1 الخطر حقيقي}\".", "a quotation opening before إن"),
            ("و{V1 أضاف} \"{Q1 هذا يثبت أن الخطر حقيقي}\".", "a quotation right after the cue holds an inner أن"),
        ],
        "verb (verb.rs)",
    );
}

#[test]
fn speech_with_no_quotation_mark() {
    check(
        &[
            (
                "و{V1 قالت} {S1 ابراهيمي} {Q1 لم اعد ارغب بدبي لكن اذا كانوا يريدون تحقيق قفزة سياحية هنا ينبغي اقامة حفلات}.",
                "a negation after the speaker opens speech that lost its quotation marks (NewsFANE)",
            ),
            ("و{V1 اضاف} {S1 المتحدث} {Q1 لا توجد عمليات جديدة}.", "the speaker a noun, then the speech"),
            (
                "{V1 قال} {S1 أبو عمر}: {C1 وهذا الحديث مضطرب، ولا يمكن أن يكون صحيحا}.",
                "أن after يمكن (modals.txt) is no complementizer: the content is the whole speech after the colon",
            ),
            (
                "و{V1 قال} {S1 المدرب أحمد المالكي}: {C1 الفريق قدم مباراة جيدة}.\n{Q1 لقد لعبنا مباريات قوية وكان منتخبنا فيها الأفضل}.",
                "speech after a colon goes on in the next sentence in the first person (لعبنا)",
            ),
            (
                "و{V1 قال} {S1 المدرب} إن {C1 هدفنا كان الفوز}.\n{Q1 لقد لعبنا مباريات قوية}.",
                "so does speech in the first person reported with إن (هدفنا)",
            ),
            (
                "وفي لقاء معنا {V1 قالت} {S1 المرشدة}: {C1 المدينة جميلة في الربيع}.\nلقد زرنا المتحف ثم عدنا إلى الفندق.",
                "not when the writer is told it in the first person (معنا): the writer's own \"we\" goes on",
            ),
            ("ف{V1 قال} له {S1 سعد بن ابي وقاص} {Q1 اراكم ستجعلونها ملكا}.", "the speech opens after the person named"),
            ("وقال الوزير في مؤتمر صحفي عقده امس في عمان.", "a prepositional phrase after the speaker is no speech"),
            ("وقال رئيس الوزراء اليوم الاثنين خلال زيارته للمدينة.", "nor a date"),
            ("واضاف زميله ليبرون جيمس 13 نقطة مع 5 متابعات.", "nor a number: أضاف is also \"added\" (points)"),
            ("والجمعية العامة تتابع قضايا حقوق الانسان بانتظام.", "تابع is not read so: as often \"follows\""),
            (
                "وقال المدرب المستوى الكوري متطور للغاية ولن يكون من السهل الفوز.",
                "no speech opening at ولن inside the first clause: a word with و/ف opens none",
            ),
            (
                "و{V1 قال} {S1 بلير} في المقابلة التي بثت امس {Q1 لدينا عزم اكيد على التعامل مع هذه المسالة}.",
                "past the occasion, a word in the first person (لدينا: we have) opens the speech",
            ),
            (
                "و{V1 قال} {S1 بلير} {Q1 لا مجال للشك في ذلك}.\n{Q2 لكننا نريد ان نتعامل معها على اساس اكبر تاييد دولي}.\n{Q3 وهذا امر يشغلنا ايضا}.\n{Q4 اظن ان ما يثير قلق الناس هو هذا}.\nوقام بلير بزيارة خاطفة للولايات المتحدة.",
                "sentences in the first person after the speech go on with it (cueless.rs); one that is not, does not",
            ),
            (
                "و{V1 قال} {S1 بلير} ان {C1 لديه عزما اكيدا}.\nلكننا نريد ان نتعامل معها على اساس اكبر تاييد دولي.",
                "not after an indirect content: the narrator may speak for his paper (we)",
            ),
            (
                "و{V1 قال} {S1 بلير} {Q1 لا مجال للشك في ذلك}.\nكانا قد التقيا في واشنطن امس.",
                "كانا (the two were) is no ك + أنا (like me): whole words only",
            ),
        ],
        "unmarked speech (verb.rs, cueless.rs)",
    );
}

#[test]
fn dropped_subject_takes_the_previous_speaker() {
    let doc = crate::annotate("قالت الشرطة إن القارب غرق. وأضافت أن فرق الإنقاذ انتشلت ناجين.");
    assert_eq!(doc.claims.len(), 2);
    let speaker = |i: usize| doc.claims[i].speaker.map(|s| s.of(&doc.text));
    assert_eq!(speaker(0), Some("الشرطة"));
    assert_eq!(speaker(1), Some("الشرطة"), "وأضافت has no subject: the previous speaker of the paragraph");
    let other_paragraph = crate::annotate("قالت الشرطة إن القارب غرق.\nوأضافت أن فرق الإنقاذ انتشلت ناجين.");
    assert_eq!(other_paragraph.claims[1].speaker, None, "not across paragraphs");
}

#[test]
fn an_adverb_after_the_cue_is_no_speaker() {
    for (text, gloss) in [
        ("قال وزير الخارجية إن المفاوضات مستمرة. وقال أيضا إن الحل قريب.", "قال أيضا (also said)"),
        ("رأى الخبير سيد ليلاز أن العقوبات لن تنجح. وتوقع بالتالي أن تكون تدريجية.", "توقع بالتالي (hence expected)"),
    ] {
        let doc = crate::annotate(text);
        let speakers: Vec<_> = doc.claims.iter().map(|c| c.speaker.map(|s| s.of(&doc.text))).collect();
        assert_eq!(speakers.len(), 2, "{gloss}: {speakers:?}");
        assert_eq!(speakers[1], speakers[0], "{gloss}: the adverb (adverbs.txt) is skipped, the subject dropped");
    }
}

#[test]
fn negation() {
    let doc = crate::annotate(
        "ونفى الجيش أن تكون قواته انسحبت. ولم يؤكد المتحدث أن الهدنة صامدة. وأكد الوزير أن الاتفاق قائم.",
    );
    let negated: Vec<bool> = doc.claims.iter().map(|c| c.negated).collect();
    assert_eq!(negated, [true, true, false], "نفى and لم يؤكد deny; أكد affirms");
}

#[test]
fn nested_report_keeps_the_inner_claim() {
    check(
        &[
            (
                "وذكرت الصحيفة أنه في حين {V1 أبرز} {S1 الإسرائيليون} أن {C1 الوساطة ممكنة}، {V2 قالت} {S2 السفارة} إن {C2 التنسيق مستمر}.",
                "a report of two reports: the inner ones",
            ),
            (
                "و{V1 قال} {S1 دبلوماسيون} إن {C1 {S2 الولايات المتحدة} {V2 ترى} أن {C2 فرنسا ذات أهمية}}.",
                "a report whose content is a report with its own speaker: both, each with its speaker",
            ),
        ],
        "nested",
    );
}

#[test]
fn not_attributions() {
    check(
        &[
            ("أكد الفحص الطبي إصابة اللاعب بشد عضلي.", "أكد = confirmed, of a fact, with no content clause"),
            ("صدرت رواية “قال الراوي” للكاتب.", "قال inside a quoted title"),
            ("قال تعالى في كتابه.", "a cue with nothing reported"),
            (
                "وأقر المجلس نشر قوات لحفظ السلام يمكن أن يصل عديدها إلى 17 ألف جندي.",
                "نشر (deploying) troops is no report, nor is أن after يمكن (can) a complementizer",
            ),
            ("وليس ذلك للسياح فحسب ولكن أيضا لمعظم الصينيين.", "فحسب before ولكن: \"only\", not \"according to\""),
            ("لم يكن قائدا عسكريا وحسب، بل كان شاعرا.", "وحسب before a comma and بل: \"only\""),
            ("وأكد وجود نقص في الأدوية.", "a dropped subject and a noun phrase with no report before it"),
            ("مجلس محلي قلقيلية: قرار رقم 3 بتاريخ 1928.", "a body's name and a colon titles a record"),
            ("يذكر أن المدينة تأسست قبل قرنين.", "يذكر أن: the narrator's background, not a report"),
            ("وسيتاح محرك بحث الشركة على عدد من الهواتف.", "بحث is a noun, not ب + the cue حث"),
            ("الا ان الحكومة رفضت عرض المحاكم.", "a subject before the verb that is not found: no dropped subject"),
            (
                "عرضت الحكومة عليه الرئاسة ولكن أينشتاين رفض هذا العرض.",
                "after لكن, a person who refused an offer: an act",
            ),
            (
                "ويتوقع أن يصوت مجلس الشيوخ على الميزانية.",
                "يتوقع أن with no subject: it is expected that, no one's report",
            ),
            ("ويختلف لون اللبدة حسب شكل الأرض.", "حسب a measure (by the shape of the land): no source"),
            ("وإذا رفض الوزراء الالتزام بالدستور فإن الشعب يحتفظ بحقه.", "إذا رفض (if they refuse): a condition"),
            ("ويمكنك ترتيب عمليات البحث بحسب التاريخ.", "بحسب التاريخ (by date): no source"),
            (
                "متابعة - صلاح عبدالغني: يبدو أن العرض جعل اللاعب لا يفي بوعوده.",
                "a byline (follow-up – a reporter's name) before a colon: متابعة is no cue with a speaker",
            ),
            (
                "لا يتحمل الذكر وجود ذكر غريب في حوزه كما أن الإناث لا تتحمل وجود أنثى غريبة.",
                "ذكر غريب (a strange male): ذكر is a cue only with a subject that speaks",
            ),
            (
                "تبلغ الأسود النضج في عامها الثالث وتصبح قادرة على أن تقود زمرة.",
                "تبلغ (reaches) with an object after it: no report",
            ),
            (
                "وصدرت عن الرواية كتب ذات طابع تحريضي منها \"كلمتي في الرد على الكاتب\".",
                "كتب (books), not كتب (wrote): no one to have written it",
            ),
        ],
        "not an attribution",
    );
}

#[test]
fn relayed_sayings() {
    check(
        &[
            (
                "و{V2 نقلت} {S2 وكالة الأنباء العراقية} عن {S1 رمضان} {V1 قوله} خلال استقباله الوفد إن {C1 {C2 العراق سيواصل حملته}}.",
                "a saying relayed: what he said (قوله, his speaker after عن) and the agency's relaying it, one content",
            ),
            (
                "{V2 نسبت} {S2 وكالة الصحافة الفرنسية} إلى {S1 وزير إسرائيلي} {V1 قوله} إن {C1 {C2 قيادة الجيش لم تطلع الحكومة}}.",
                "a saying ascribed (نسبت … إلى), the verb no cue of its own",
            ),
            (
                "وكانت {S2 الصحيفة} قد {V2 نقلت} عن {S1 الوزير} {V1 قوله} إن {C1 {C2 الجيش انسحب}}.",
                "the relaying verb's subject before it (a pluperfect's, a medium's head word)",
            ),
            (
                "ونقل عن {S1 وزير الدفاع} {V1 قوله} إن {C1 بلاده ستعارض التفويض}.",
                "relayed with no one relaying (it was relayed): the saying alone",
            ),
        ],
        "relayed (relayed.rs)",
    );
}

/// Checks who each claim is attributed to: the `{Wn}` name of every gold claim against the
/// attribution of the found claim with the same content.
fn check_attributed(rows: &[(&str, &str)]) {
    for (input, gloss) in rows {
        let gold = markup::parse(input).expect("fixture markup parses");
        let got = crate::annotate(&gold.text);
        for g in &gold.claims {
            let want = g.attribution.map(|s| s.of(&gold.text));
            let found = got.claims.iter().find(|c| c.content == g.content);
            let has = found.and_then(|c| c.attribution).map(|s| s.of(&got.text));
            assert_eq!(has, want, "{gloss}\n  text: {}\n  claims: {:?}", gold.text, got.claims);
        }
    }
}

#[test]
fn attributed_to_whom_the_title_introduced() {
    check_attributed(&[
        (
            "التقى الرئيس اللبناني إميل لحود الرئيس الفرنسي جاك شيراك في باريس.\nو{V1 قال} {S1 الرئيس اللبناني} إن {C1 اللقاء كان مثمرا}.{W1 إميل لحود}",
            "the same title with its nationality, not the nearest president",
        ),
        (
            "وصل الرئيس الفرنسي جاك شيراك إلى بيروت.\nو{V1 قال} {S1 الرئيس} إن {C1 الزيارة تاريخية}.{W1 جاك شيراك}",
            "the title alone: the person it introduced before",
        ),
        (
            "و{V1 قال} {S1 الخبير بيجان خاجيبور} إن {C1 العقوبات تثير مشكلات}.{W1 بيجان خاجيبور}\nو{V1 رأى} {S1 الخبير الاقتصادي سيد ليلاز} أن {C1 العقوبات لن تقضي على الاقتصاد}.{W1 سيد ليلاز}",
            "a title with a name no list knows after it (سيد ليلاز): that name, not the person the title introduced before",
        ),
        (
            "و{V1 قال} {S1 المحلل نديم شحادة} إن {C1 الحرب طويلة}.{W1 نديم شحادة}\nو{V1 كتب} {S1 المحلل السياسي يبدو} أن {C1 الحرب طويلة جدا}.{W1 نديم شحادة}",
            "a word no list knows opening with ي after a title is as often a verb: no name",
        ),
        (
            "وأدلى الرئيس الفنزويلي هوغو شافيز بتصريح في المطار {V1 قال} فيه \"إن {Q1 الآفاق جديدة}.{W1 هوغو شافيز}\n{Q1 نحن بلدان صديقان}\".{W1 هوغو شافيز}",
            "a dropped subject with no report before: the person named earlier in its sentence; the quotation going on is theirs",
        ),
        (
            "و{V1 قال} {S1 محمد سالم عضو اللجنة المنظمة} إن {C1 البطولة ناجحة}.{W1 محمد سالم}",
            "a title after the name (عضو، نائب) is not part of it",
        ),
        (
            "وقال الرئيس جورج بوش إن الحرب طويلة.\nونقلت وكالة الأنباء عن {S1 الوزير سامح شكري} {V1 قوله} إن {C1 الوضع صعب}.{W1 سامح شكري} و{V3 أضاف} أن {C3 الحل قريب}.{W3 سامح شكري}",
            "a dropped subject after a relayed saying is the one who said it, not the agency relaying it",
        ),
        (
            "ونقلت وكالة بي تي ايه عن ستانيشيف قوله إن الحكومة مستعدة. و{V1 قالت} {S1 وكالة أنباء أنتارا الرسمية} إن {C1 إندونيسيا ستعارض أي تفويض}.{W1 وكالة أنباء أنتارا الرسمية}",
            "a head word without the article and a name after it names a body of its own, not the agency before",
        ),
        (
            "و{V1 قال} {S1 معهد البراكين والزلازل بالفلبين} إن {C1 البركان يظهر علامات على ثوران كبير}.{W1 معهد البراكين والزلازل بالفلبين}",
            "an organization named with its country on ب: the whole of it",
        ),
        (
            "و{V1 قالت} {S1 وزارة الطاقة والمعادن} إن {C1 الأسعار ستنخفض}.{W1 وزارة الطاقة والمعادن}",
            "an organization named with what else it is for, on و: the whole of it",
        ),
        (
            "وأعلن الجيش الإسرائيلي مقتل جنديين في جنوب لبنان.\nو{V1 قالت} {S1 متحدثة باسم الجيش} إن {C1 التحقيق جار}.{W1 الجيش الإسرائيلي}",
            "a spokeswoman no one named: the body she speaks for, as named before",
        ),
        (
            "وأعلنت الأمم المتحدة إرسال مساعدات إلى المنطقة.\nو{V1 قالت} {S1 الحكومة اليابانية} إنها {C1 سترسل خياما}.{W1 الحكومة اليابانية}",
            "a government its nationality names is itself, not the organization named before",
        ),
        (
            "وأيد النائب أحمد الجلبي تصريحات الرئيس جلال طالباني و{V1 قال} إن {C1 العراقيين قادرون على الرد}.{W1 أحمد الجلبي}",
            "a dropped subject: the subject of the verb its own is joined to, the first person of the sentence",
        ),
        (
            "في رده على الكاتب عباس العقاد دافع الروائي نجيب محفوظ عن الرواية {V1 قائلا} إنها {C1 شعر الدنيا الجديدة}.{W1 نجيب محفوظ}",
            "not a person after a preposition (على العقاد: to al-Aqqad)",
        ),
        (
            "وخاض محفوظ معركة مع الكاتب عباس العقاد الذي كان متحمسا للشعر بل {V1 رأى} أن {C1 بيت شعر أثمن من رواية}.{W1 عباس العقاد}",
            "in a relative clause (الذي: who): the person it is about",
        ),
        (
            "ولم يتسلم محفوظ جائزة نوبل بنفسه.\nوكان لم يتسلم جائزة نوبل بنفسه و{V1 قال} إن {C1 الجائزة حرمته الهدوء}.{W1 محفوظ}",
            "a person a prize is named after (جائزة نوبل) says nothing: not the one of its sentence, the subject of the sentence before",
        ),
        (
            "ولخص الروائي نجيب محفوظ رؤيته للأدب في احتفال بمناسبة فوزه بجائزة نوبل.\nوأرسل كلمة إلى الاحتفال {V1 قال} فيها إن {C1 الجائزة في العلوم أكثر عدلا}.{W1 نجيب محفوظ}",
            "a dropped subject in a new paragraph after a sentence that reports nothing: the person it names first",
        ),
        (
            "و{V1 قال} {S1 رئيس بعثة مصر} إلى البطولة محمد الشربيني إن {C1 الفريق يسعى للصدارة}.{W1 محمد الشربيني}",
            "a speaker cut at a preposition (إلى), then a person right before إن: that person",
        ),
        (
            "{V1 قال} {S1 وزير الخارجية سامح شكري} إن {C1 الحل قريب}.{W1 سامح شكري}\nو{V1 أضاف} {S1 الدبلوماسيون} أن {C1 التصويت قريب}.",
            "a group of people (الدبلوماسيون, groups.txt) is no one person named before: attributed to no one",
        ),
        (
            "{V1 قالت} {S1 رابطة أصحاب محطات الوقود في نيبال} إن {C1 المحطات مغلقة}.{W1 رابطة أصحاب محطات الوقود في نيبال}\nو{V1 أضافت} {S1 الرابطة} أن {C1 الإضراب مستمر}.{W1 رابطة أصحاب محطات الوقود في نيبال}",
            "a body by its head word with the article (الرابطة): the body named before with it and more words, without the article",
        ),
        (
            "و{V1 اتهم} {S1 البيت الأبيض} أمس الرئيس السابق بيل كلينتون بأنه {C1 تجاهل الاستخبارات}.{W1 البيت الأبيض}",
            "the person a cue takes as its object is not the speaker",
        ),
        (
            "و{V1 كشف} {S1 تقرير صادر} عن الاتحاد الوطني للجان السياحية أن {C1 فرنسا استقبلت 76 مليون سائح}.{W1 الاتحاد الوطني للجان السياحية}",
            "a report issued by (صادر عن) an organization: the organization, taken on to the complementizer",
        ),
        (
            "و{V1 كشف} {S1 تقرير صادر} عن الاتحاد الوطني للجان السياحية أن {C1 فرنسا استقبلت 76 مليون سائح}.{W1 الاتحاد الوطني للجان السياحية}\nوعلقت وزارة السياحة على الأرقام في مؤتمر صحفي.\nو{V1 أظهر} {S1 التقرير} أن {C1 العائد المالي تراجع}.{W1 الاتحاد الوطني للجان السياحية}",
            "the report (التقرير): whoever the last report was attributed to, not the last organization named",
        ),
    ]);
}

/// People the tagger found, as entities of `text` (each name's first occurrence).
fn people(text: &str, names: &[&str]) -> Vec<crate::Entity> {
    names
        .iter()
        .map(|name| {
            let start = text.find(name).expect("the name is in the text");
            crate::Entity {
                span: crate::Span::new(start, start + name.len()),
                label: crate::Label::PER,
                source: "model".into(),
                confidence: 0.8,
                status: crate::document::Status::Auto,
            }
        })
        .collect()
}

/// A name in parentheses after another (حركة المقاومة الإسلامية (حماس)) is its short form: the
/// claim is attributed to the name before it.
#[test]
fn a_name_in_parentheses_is_the_short_form_of_the_one_before() {
    let text = "وقالت حركة المقاومة الإسلامية (حماس) إن الهدنة انتهت.";
    let a = crate::words::Words::analyze(text, crate::lexicon::Lexicon::builtin());
    let mut bodies = people(text, &["حركة المقاومة الإسلامية", "حماس"]);
    bodies.iter_mut().for_each(|e| e.label = crate::Label::ORG);
    let claims = super::find(&a, &bodies);
    let attributed: Vec<_> = claims.iter().map(|c| c.attribution.map(|s| s.of(text))).collect();
    assert_eq!(attributed, [Some("حركة المقاومة الإسلامية")], "{claims:?}");
}

/// The names claims are attributed to, from the people the tagger found in `text`.
fn named(text: &str, names: &[&str]) -> Vec<String> {
    let a = crate::words::Words::analyze(text, crate::lexicon::Lexicon::builtin());
    super::attribution::attributable(&a, &people(text, names)).iter().map(|e| e.span.of(text).to_string()).collect()
}

/// Two people side by side with nothing between them are one name to attribute a claim to (the
/// tagger read أبو القاسم عبدي | صلاد حسن); with و or a comma between them they are two, the و
/// inside the second as the tagger sometimes takes it (وكون تيو) or not.
#[test]
fn people_side_by_side_are_one_name_to_attribute_to() {
    let text = "قال أبو القاسم عبدي صلاد حسن إن البلاد بخير، وحضر سالم يوسف وكون تيو، ومحمد، علي.";
    let names = ["أبو القاسم عبدي", "صلاد حسن", "سالم يوسف", "وكون تيو", "محمد", "علي"];
    assert_eq!(named(text, &names), ["أبو القاسم عبدي صلاد حسن", "سالم يوسف", "وكون تيو", "محمد", "علي"]);
}

/// A claim is attributed to a person's name without the title or nationality word the tagger
/// took in front of it (or a word with the article after one), when two words or more stay; a
/// given name with the article stays (الوليد).
#[test]
fn names_to_attribute_to_leave_their_titles_out() {
    let text =
        "قال البابا بنديكيت السادس عشر ونائب الوزير الكوري الشمالي شو سو هون والشيخة حسينة والأمير الوليد بن طلال.";
    let names = ["البابا بنديكيت السادس عشر", "الشمالي شو سو هون", "الشيخة حسينة", "الوليد بن طلال"];
    assert_eq!(named(text, &names), ["بنديكيت السادس عشر", "شو سو هون", "الشيخة حسينة", "الوليد بن طلال"]);
}

/// A given name the tagger left out between a title and a person's name is part of the name
/// (اللواء عوض | وديعة الله); not after a word that is no title (وحضر سالم | يوسف).
#[test]
fn a_given_name_after_a_title_is_part_of_the_name() {
    let text = "قال مدير الدفاع المدني اللواء عوض وديعة الله إن المدينة بخير.";
    assert_eq!(named(text, &["وديعة الله"]), ["عوض وديعة الله"]);
    let text = "وحضر سالم يوسف الاجتماع.";
    assert_eq!(named(text, &["يوسف"]), ["يوسف"]);
}
