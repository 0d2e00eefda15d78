//! What a lexicon entry is. One list file per kind under `crates/engine/data/` (`hand/` written
//! for Wasim, `extracted/` generated from packages); an entry may be in several lists (عمان is a
//! city and a country, العام is a period and an adjective), so a lookup answers a set of kinds.
//! Head words are entered with and without the article (build.rs adds the other form); cue verbs
//! are listed by their past and present and build.rs adds their conjugations.
//!
//! Every word list a rule consults is a kind here (to add one, add a row to the table below and
//! a file under `data/hand/`), or a [`RuleList`] when only rules read it: the tagger reads every
//! kind of a word as a feature.

macro_rules! kinds {
    ($($(#[doc = $doc:literal])* $kind:ident = $file:literal,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Kind {
            $($(#[doc = $doc])* $kind,)*
        }

        impl Kind {
            pub const ALL: &'static [Kind] = &[$(Kind::$kind,)*];

            /// The list's file name under `crates/engine/data/` (without `.txt`), also the
            /// `source` of entities it proposes (`list:<name>`).
            pub const fn name(self) -> &'static str {
                match self {
                    $(Kind::$kind => $file,)*
                }
            }
        }
    };
}

kinds! {
    // Names.
    Country = "countries",
    /// A major city, from the hand-written list: tagged wherever it stands.
    City = "cities",
    /// A city or town from the gazetteers: many are also common words (الجديدة، جامعة), so
    /// they are tagged only in context (after في، إلى، مدينة …).
    Town = "towns",
    Region = "regions",
    GivenName = "given-names",
    Surname = "surnames",
    /// A full name of a well-known person.
    Person = "persons",
    Organization = "organizations",
    /// Newspapers, channels, agencies.
    Media = "media",
    /// A nationality or group adjective: الروسي، الإيرانية، الإسرائيليون …
    Nationality = "nationalities",
    Currency = "currencies",
    Month = "months",
    /// Months of the Hijri calendar, and the first words of two-word ones (ربيع، جمادى): also
    /// names and common words, so they need context.
    HijriMonth = "hijri-months",
    /// Months that are also common words (مارس he practised, آب/أب father): they need a number
    /// or a context word.
    AmbiguousMonth = "ambiguous-months",
    Weekday = "weekdays",
    /// A frequent word that is no name on its own (stop words, common nouns and verbs).
    Common = "common-words",
    /// A word that begins with و or ف and is whole, not و/ف + a word (وجود، فكرة، فترة): the
    /// clitic analysis keeps it whole.
    WholeWord = "whole-words",

    // Words that introduce or continue a name.
    /// A word that heads an organization name: وزارة، حزب، جامعة …
    OrgHead = "org-heads",
    /// A word of a place-type: مدينة، محافظة، ولاية …
    PlaceHead = "place-heads",
    /// A role or title: الرئيس، وزير، المتحدث باسم …
    Title = "titles",
    /// Words after a title that describe it, not the person: السابق، الحالي …
    TitleTail = "title-tails",
    /// Particles inside a person's name: بن، ابن، بنت، أبو، عبد …
    NameParticle = "name-particles",
    /// Particles that join a name to the next word as one compound: عبد الرحمن، أبو الغيط.
    NameCompound = "name-compounds",
    /// Particles of descent that continue a name past a family name: بن، ابن، بنت.
    NamePatronymic = "name-patronymics",
    /// Words whose following name is a medium or company (صحيفة، قناة، شركة …), without the
    /// article.
    MediaHead = "media-heads",
    /// Words whose following name is a place (مدينة، حي، مخيم، جزيرة …), without the article.
    PlaceNameHead = "place-name-heads",
    /// Adjectives that continue an organization's name: الدولي، الوطنية، المركزي …
    OrgAdjective = "org-adjectives",
    /// What an organization is for, after ل: الطاقة، التنمية، حقوق …
    OrgPurpose = "org-purposes",
    /// Definite words that never continue a name after a head: الذي، اليوم، الماضي …
    NotModifier = "not-modifiers",
    /// Words before a town name that make it one: في، إلى، من، شمال، مدينة …
    TownContext = "town-context",

    // Dates, times and amounts.
    /// أمس، غدا، البارحة.
    RelativeDay = "relative-days",
    /// يوم، اليوم: a day word before a weekday or a date.
    DayWord = "day-words",
    /// صباح، مساء، ليلة …: a part of the day before a date.
    DayPart = "day-parts",
    /// الشهر، الأسبوع، العام …
    Period = "periods",
    /// الحالي، الماضي، المقبل …: after a period or a weekday.
    DateModifier = "date-modifiers",
    /// منتصف، مطلع، أواخر …: an edge of a period.
    PeriodEdge = "period-edges",
    /// عام، سنة: before a year.
    YearWord = "year-words",
    /// الساعة: before a time of day.
    HourWord = "hour-words",
    /// هذا، هذه: before a period (هذا العام).
    Demonstrative = "demonstratives",
    /// في، منذ، شهر …: before a month name that needs context.
    MonthContext = "month-context",
    /// ألف، مليون، مليار …
    Scale = "scales",
    /// بالمئة، في المائة: after a number.
    PercentWord = "percent-words",

    // Claims.
    /// Verbs of saying, in every third-person form (build.rs conjugates them).
    CueVerb = "cue-verbs",
    /// Verbs that deny (نفى، أنكر): the claim is negated.
    CueDenial = "cue-denials",
    /// Attributions: بحسب، وفقا لـ، نقلا عن، على لسان.
    CueAccording = "cue-according",
    /// Participles that report what their sentence's subject said: مشيرا، مضيفة، مؤكدين.
    CueParticiple = "cue-participles",
    /// Participles that deny: نافيا.
    CueParticipleDenial = "cue-participle-denials",
    /// Cue verbs whose content may be a noun phrase right after them (نفى وجود …).
    GovernsDirect = "governs-direct",
    /// … after عن (أعرب عن ثقته …).
    GovernsAn = "governs-an",
    /// Cue verbs whose content may be a verbal noun after إلى (دعا إلى الإفراج …).
    GovernsIla = "governs-ila",
    /// … after ب (طالب بتشكيل …).
    GovernsBi = "governs-bi",
    /// … after من (حذر من تصعيد …).
    GovernsMin = "governs-min",
    /// … after على (حث على الحوار …).
    GovernsAla = "governs-ala",
    /// Words after which a content starts: أن، إن، بأن، أنه …
    Complementizer = "complementizers",
    /// Prepositions a cue verb governs before its content: إلى، عن، على، ب.
    CuePreposition = "cue-prepositions",
    /// Words that end a content or a speaker after a comma: وذلك، في حين، بينما …
    ContentBreak = "content-breaks",
    /// Nouns after في that end a speaker: بيان، تصريح، مقابلة …
    StatementNoun = "statement-nouns",
    /// Words that cannot open a speaker: pronouns, prepositions, demonstratives.
    NotSpeaker = "not-speakers",
    /// Nouns of people (or reports) who speak without a name: مصادر، شهود، خبراء، التقرير.
    SpeakerNoun = "speaker-nouns",
    /// Reports and statements that speak for whoever issued them: التقرير، البيان.
    ReportNoun = "report-nouns",
    /// Negations before a cue: لم، لا، لن، ما.
    Negation = "negations",
    /// Words after which أن subordinates instead of reporting: بعد أن، قبل أن، دون أن.
    Subordinator = "subordinators",
    /// Relative pronouns: الذي، التي، الذين (… رايس التي قالت إن …).
    Relative = "relatives",
    /// Prepositions carrying a pronoun: فيه، لها، عنه (قال فيه …، ادعى فيها البابا …): no
    /// speaker, but the speaker may follow them.
    PronounPreposition = "pronoun-prepositions",
}

impl Kind {
    pub const fn bit(self) -> u64 {
        1 << self as u64
    }

    /// Cue kinds: a verb of saying, a denial, an attribution, a participle.
    pub const CUES: [Kind; 5] =
        [Kind::CueVerb, Kind::CueDenial, Kind::CueAccording, Kind::CueParticiple, Kind::CueParticipleDenial];
}

// Kinds are bits of a u64.
const _: () = assert!(Kind::ALL.len() <= 64);

/// Word lists only rules read, kept out of the kinds: the tagger reads a word's kinds as features,
/// so a word added to a kind changes what the model sees until it is retrained. build.rs enters
/// each word of a rule list under a key of its own ([`RuleList::key`]), which no text looks up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleList {
    /// Words that end a person's name and are no name alone: the second word of a compound
    /// (نصر الله، نور الدين), an ordinal (عبد الله الثاني). A later mention never takes one alone.
    NotNameAlone,
    /// Cue verbs that stay cues with an object pronoun on them (اتهمه، يطالبونه), listed by past
    /// and present and conjugated, as the cue verbs are.
    CueObjectVerb,
    /// Nouns a person's name after them names a thing for (جائزة نوبل، شارع، مطار): no source.
    NamedAfter,
    /// Present cue verbs read as passive right before أن with no subject (ويتوقع أن …).
    ImpersonalCue,
    /// Nouns after بحسب/وفقا لـ that name a measure or a rule, not a source (حسب شكل الأرض).
    NotSource,
    /// Conditional particles: a cue right after one is a condition, not a report (إذا رفض …).
    Conditional,
    /// Cue words that are as often other words (ذكر a male, تبلغ reaches, يرجع goes back): a cue
    /// only with a subject that can speak.
    NeedsSpeaker,
    /// The auxiliary كان of the pluperfect (وكان الوزير قد قال …): its subject is the cue's.
    PastAuxiliary,
    /// Nouns that after في open the narrator's aside (في إشارة إلى …): a content ends there.
    Aside,
    /// Participles that before عن name who issued a report (تقرير صادر عن …).
    IssuedBy,
    /// Cue verbs that name after من whom something is asked of (طالبت ألمانيا من روسيا عدم
    /// تحريك القوات …): past and present, conjugated.
    AsksOf,
    /// Nouns of several people, plural or dual (الدبلوماسيون، المسؤولون، الرجلان): a speaker they
    /// name is no one person named before.
    Group,
    /// Words that count or rank the people after them (بعض، أحد، كبار، العديد من): a speaker
    /// opening with one speaks when they do.
    Quantifier,
    /// Verbs that relay what someone said (نقلت الوكالة عن الوزير قوله …، نسبت إلى …): past and
    /// present, conjugated.
    RelayingVerb,
    /// Nouns of someone's saying that a relaying verb carries (قوله، قولها، قولهم).
    RelayedSaying,
    /// Adverbs in the accusative (أيضا، مؤخرا، لاحقا، تعليقا): no part of a speaker's phrase.
    Adverb,
    /// Verbs of saying whose object may be the words said with no quotation mark (قالت
    /// ابراهيمي لم اعد ارغب …): past and present, conjugated.
    SpeechVerb,
    /// Words in the first person (أنا، نحن، لدينا، علينا): a sentence holding one goes on with
    /// the speech before it.
    FirstPerson,
    /// Words that deny the clause they open (ليس، لم، لن): كما + a source at its end denies
    /// what the source says.
    DenialOfClause,
    /// Words after من that say on whose part (من جانبه، من جهته): the speaker's phrase has ended.
    OnOnesPart,
    /// Words after which أن is what may or must happen, no report (يمكن أن، يجب أن، ما إن).
    Modal,
}

// Rule lists are two bits each of a u64 (see `Word::in_list`), and numbered as `ALL` lists them
// (the lexicon keeps where each list starts by that number).
const _: () = {
    assert!(RuleList::ALL.len() <= 32);
    let mut i = 0;
    while i < RuleList::ALL.len() {
        assert!(RuleList::ALL[i] as usize == i);
        i += 1;
    }
};

impl RuleList {
    pub const ALL: &'static [RuleList] = &[
        RuleList::NotNameAlone,
        RuleList::CueObjectVerb,
        RuleList::NamedAfter,
        RuleList::ImpersonalCue,
        RuleList::NotSource,
        RuleList::Conditional,
        RuleList::NeedsSpeaker,
        RuleList::PastAuxiliary,
        RuleList::Aside,
        RuleList::IssuedBy,
        RuleList::AsksOf,
        RuleList::Group,
        RuleList::Quantifier,
        RuleList::RelayingVerb,
        RuleList::RelayedSaying,
        RuleList::Adverb,
        RuleList::SpeechVerb,
        RuleList::FirstPerson,
        RuleList::DenialOfClause,
        RuleList::OnOnesPart,
        RuleList::Modal,
    ];

    /// The list's file name under `crates/engine/data/hand/` (without `.txt`).
    pub const fn name(self) -> &'static str {
        match self {
            RuleList::NotNameAlone => "not-names-alone",
            RuleList::CueObjectVerb => "cue-object-verbs",
            RuleList::NamedAfter => "named-after",
            RuleList::ImpersonalCue => "impersonal-cues",
            RuleList::NotSource => "not-sources",
            RuleList::Conditional => "conditionals",
            RuleList::NeedsSpeaker => "cues-needing-speakers",
            RuleList::PastAuxiliary => "past-auxiliaries",
            RuleList::Aside => "asides",
            RuleList::IssuedBy => "issued-by",
            RuleList::AsksOf => "asks-of",
            RuleList::Group => "groups",
            RuleList::Quantifier => "quantifiers",
            RuleList::RelayingVerb => "relaying-verbs",
            RuleList::RelayedSaying => "relayed-sayings",
            RuleList::Adverb => "adverbs",
            RuleList::SpeechVerb => "speech-verbs",
            RuleList::FirstPerson => "first-person",
            RuleList::DenialOfClause => "denials-of-clause",
            RuleList::OnOnesPart => "on-ones-part",
            RuleList::Modal => "modals",
        }
    }

    /// Whether its lines are verbs, past and present, that build.rs conjugates.
    pub const fn conjugated(self) -> bool {
        matches!(self, RuleList::CueObjectVerb | RuleList::AsksOf | RuleList::RelayingVerb | RuleList::SpeechVerb)
    }

    /// The lexicon key of `key` (a phrase key) in this list: a control character no text key
    /// has, the list's name, then the key.
    pub fn key(self, key: &str) -> String {
        format!("\u{1}{}\u{1}{key}", self.name())
    }
}

/// A set of kinds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Kinds(pub u64);

impl Kinds {
    pub const EMPTY: Kinds = Kinds(0);
    pub fn has(self, k: Kind) -> bool {
        self.0 & k.bit() != 0
    }
    pub fn any(self, ks: &[Kind]) -> bool {
        ks.iter().any(|&k| self.has(k))
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// The kinds in the order [`Kind::ALL`] lists them (a kind's bit is its place there).
    pub fn iter(self) -> impl Iterator<Item = Kind> {
        let mut bits = self.0;
        std::iter::from_fn(move || {
            while bits != 0 {
                let k = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if let Some(&kind) = Kind::ALL.get(k) {
                    return Some(kind);
                }
            }
            None
        })
    }
    pub fn union(self, other: Kinds) -> Kinds {
        Kinds(self.0 | other.0)
    }
}
