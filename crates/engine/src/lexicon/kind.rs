//! What a lexicon entry is. One list file per kind under `crates/engine/data/`; an entry may be
//! in several lists (عمان is a city and a country), so a lookup answers a set of kinds. Head
//! words are entered with and without the article (build.rs adds the other form).

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Country,
    /// A major city, from the hand-written list: tagged wherever it stands.
    City,
    /// A city or town from the gazetteers: many are also common words (الجديدة، جامعة), so
    /// they are tagged only in context (after في، إلى، مدينة …).
    Town,
    Region,
    GivenName,
    Surname,
    /// A full name of a well-known person.
    Person,
    Organization,
    /// Newspapers, channels, agencies.
    Media,
    /// A word that heads an organization name: وزارة، حزب، جامعة …
    OrgHead,
    /// A role or title: الرئيس، وزير، المتحدث باسم …
    Title,
    /// A nationality or group adjective: الروسي، الإيرانية، الإسرائيليون …
    Nationality,
    Currency,
    Month,
    Weekday,
    /// A frequent word that is no name on its own (stop words, common nouns and verbs).
    Common,
    /// A word of a place-type: مدينة، محافظة، ولاية …
    PlaceHead,
}

impl Kind {
    pub const ALL: [Kind; 17] = [
        Kind::Country,
        Kind::City,
        Kind::Town,
        Kind::Region,
        Kind::GivenName,
        Kind::Surname,
        Kind::Person,
        Kind::Organization,
        Kind::Media,
        Kind::OrgHead,
        Kind::Title,
        Kind::Nationality,
        Kind::Currency,
        Kind::Month,
        Kind::Weekday,
        Kind::Common,
        Kind::PlaceHead,
    ];

    /// The list's file name under `crates/engine/data/` (without `.txt`), also the `source` of
    /// entities it proposes (`list:<name>`).
    pub const fn name(self) -> &'static str {
        match self {
            Kind::Country => "countries",
            Kind::City => "cities",
            Kind::Town => "towns",
            Kind::Region => "regions",
            Kind::GivenName => "given-names",
            Kind::Surname => "surnames",
            Kind::Person => "persons",
            Kind::Organization => "organizations",
            Kind::Media => "media",
            Kind::OrgHead => "org-heads",
            Kind::Title => "titles",
            Kind::Nationality => "nationalities",
            Kind::Currency => "currencies",
            Kind::Month => "months",
            Kind::Weekday => "weekdays",
            Kind::Common => "common-words",
            Kind::PlaceHead => "place-heads",
        }
    }

    pub const fn bit(self) -> u64 {
        1 << self as u64
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
    pub fn iter(self) -> impl Iterator<Item = Kind> {
        Kind::ALL.into_iter().filter(move |k| self.has(*k))
    }
}
