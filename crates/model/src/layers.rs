//! The annotation layers that stages append to a [`crate::Doc`], field for field
//! the output contract of DESIGN.md (see [`crate::wire`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};

use crate::{Span, Why};

/// Site chrome the cleaner took out of the body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// The removed text, as it stood in the input.
    pub text: String,
    /// `nav`, `ad`, `widget`, `comments`, `tags`, `related`, `notice` or `credit`.
    pub kind: String,
    /// The pattern or structural rule that removed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<Why>,
}

/// Entity types of the contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    /// Person.
    PER,
    /// Organisation (government body, party, international body, company).
    ORG,
    /// Armed group, militia, military force.
    GROUP,
    /// State or city as a polity.
    GPE,
    /// Place.
    LOC,
    /// Facility: base, hospital, detention centre, airport.
    FAC,
    /// Media outlet or news agency.
    OUTLET,
}

impl EntityType {
    /// Parse a type name (`PER`, `ORG`, …).
    pub fn parse(s: &str) -> Option<EntityType> {
        Some(match s {
            "PER" => EntityType::PER,
            "ORG" => EntityType::ORG,
            "GROUP" => EntityType::GROUP,
            "GPE" => EntityType::GPE,
            "LOC" => EntityType::LOC,
            "FAC" => EntityType::FAC,
            "OUTLET" => EntityType::OUTLET,
            _ => return None,
        })
    }

    /// The type's name as written in the contract.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityType::PER => "PER",
            EntityType::ORG => "ORG",
            EntityType::GROUP => "GROUP",
            EntityType::GPE => "GPE",
            EntityType::LOC => "LOC",
            EntityType::FAC => "FAC",
            EntityType::OUTLET => "OUTLET",
        }
    }
}

/// A mention of a person, organisation, group, place, facility or outlet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Document-local id, `E1`, `E2`, ….
    pub id: String,
    /// First code point in `body`.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// `body[start..end]`.
    pub text: String,
    /// Contract type.
    #[serde(rename = "type")]
    pub etype: EntityType,
    /// Key into `refs`, shared by every mention of one entity.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// A title or role in front of the name (`اللواء المتقاعد`, `وزير الخارجية`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Lexicon entry or model that found it.
    pub why: Why,
}

impl Entity {
    /// The mention's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    /// The key an event names it by: its ref, or its text when it has none.
    pub fn key(&self) -> String {
        self.reference.clone().unwrap_or_else(|| self.text.clone())
    }
}

/// A canonical record that entity mentions point to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RefRecord {
    /// Canonical Arabic name.
    pub name: String,
    /// English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// `person`, `group`, `organisation`, `state`, `place`, `facility`, `outlet`, ….
    pub kind: String,
    /// Wikidata id, `Q…`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// ISO 3166 alpha-2 country code (places, states, outlets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Latitude (places).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude (places).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// Whether the record comes from a lexicon (`false`: document-local, built from mentions).
    #[serde(default)]
    pub canonical: bool,
    /// Lexicon row, or the rule that made a local record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<Why>,
    /// Further lexicon fields worth showing (role, affiliation, admin1 …).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
    /// How this article names it with its title in front (`وزير الخارجية الروسي سيرغي
    /// لافروف`), each form once: what a reader searching the article would type.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// Time grains of the contract, finest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grain {
    /// Second.
    Second,
    /// Minute.
    Minute,
    /// Hour.
    Hour,
    /// Day.
    Day,
    /// Week (value is its Monday).
    Week,
    /// Month.
    Month,
    /// Quarter (`2019-Q3`).
    Quarter,
    /// Year.
    Year,
}

/// What a time expression is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    /// A date, time or period (the default, not written out).
    #[default]
    Date,
    /// The name of an event that holds a date (`ثورة 17 فبراير`, `ثورة يناير`): its value
    /// is the event's own date, or null, and never a date of the article.
    NamedEvent,
}

impl TimeKind {
    /// Whether this is the default kind (for `skip_serializing_if`).
    pub fn is_date(&self) -> bool {
        *self == TimeKind::Date
    }
}

/// A time expression, resolved against the publication date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// First code point in `body`.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// `body[start..end]`.
    pub text: String,
    /// ISO 8601 cut to `grain`; `None` when it cannot be resolved (never guessed).
    pub value: Option<String>,
    /// Grain of `value`.
    pub grain: Grain,
    /// Exclusive end of an interval, in the same form as `value`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// A date (default, omitted) or a named event (`named_event`).
    #[serde(default, skip_serializing_if = "TimeKind::is_date")]
    pub kind: TimeKind,
    /// The part of the period the text names (`أواخر العام 2014`: September to December),
    /// when `value` is the whole period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<TimePart>,
    /// Rule or lexicon entry that produced it.
    pub why: Why,
    /// The later mentions of the same expression (same folded text, same value) in the
    /// document, on its first mention only: the output lists each distinct expression
    /// once, as the annotation guideline counts them, and keeps every span here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Span>,
    /// Index in `doc.times` of the first mention when this one repeats it. Stages see
    /// every mention; the wire view leaves repeats out (their spans are in `mentions`).
    #[serde(skip)]
    pub repeat_of: Option<u32>,
}

/// The early, middle or late part of a period that a time expression names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimePart {
    /// ISO 8601 cut to `grain`: where the part begins.
    pub value: String,
    /// Grain of `value` and `to` (one finer than the period's).
    pub grain: Grain,
    /// Exclusive end of the part, when it is longer than one `grain`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// Qualifier of a quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// Exactly this many.
    Exact,
    /// أكثر من، ما يزيد على.
    MoreThan,
    /// أقل من.
    LessThan,
    /// نحو، حوالي، قرابة، زهاء.
    About,
    /// ما لا يقل عن.
    AtLeast,
    /// عشرات.
    Dozens,
    /// مئات.
    Hundreds,
    /// آلاف.
    Thousands,
}

/// A number in the text, with its qualifier and what it counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// First code point in `body`.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// `body[start..end]`.
    pub text: String,
    /// The number; `None` for vague counts (`العشرات`).
    #[serde(serialize_with = "ser_number")]
    pub value: Option<f64>,
    /// Qualifier.
    pub approx: Approx,
    /// The counted noun next to it (`مهاجرا`, `قتيلا`), as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    /// The unit of a duration (`second`, `minute`, `hour`, `day`, `week`, `month`, `year`,
    /// `decade`, `century`); absent for counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Rule that produced it.
    pub why: Why,
}

/// Serialize a whole number as a JSON integer (53, not 53.0).
pub fn ser_number<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => s.serialize_i64(*x as i64),
        Some(x) => s.serialize_f64(*x),
        None => s.serialize_none(),
    }
}

/// A mention of a speaker or outlet inside a claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The words as written.
    pub text: String,
    /// Key into `refs`, when the mention is a known entity.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// First code point in `body`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<u32>,
    /// One past the last code point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<u32>,
    /// The role the mention names instead of (or next to) a name: `spokesperson` for
    /// `المتحدث باسم X` (then `ref` is X's), or the title as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Key into `refs` of the person or body the mention's office serves, when the
    /// mention names an aide or spokesperson by that principal instead of by name
    /// (`متحدث باسم ميركل`, `مستشار الرئيس ترامب`): the speaker is not the principal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
}

/// Stance of a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// The speaker asserts the content.
    Assert,
    /// The speaker denies it (نفى, or a negated assertion).
    Deny,
}

/// Who says what: one attributed statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Document-local id, `C1`, `C2`, ….
    pub id: String,
    /// First code point of the attribution (speaker, cue and content).
    pub start: u32,
    /// One past its last code point.
    pub end: u32,
    /// The reporting cue as written (`قال`, `أوضح`, `بحسب`).
    pub cue: String,
    /// Assert or deny.
    pub stance: Stance,
    /// The named speaker, or a description of an anonymous one.
    pub speaker: Option<Mention>,
    /// Whether the source is unnamed (`مصادر`, `مصدر عسكري`).
    pub anonymous: bool,
    /// The outlet it was given to (`لوكالة الأناضول`).
    pub via: Option<Mention>,
    /// The span of what is said.
    pub content: Option<Span>,
    /// Index into `sentences`.
    #[serde(default)]
    pub sentence: u32,
    /// The claim this one is reported inside (nested attribution).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
    /// `outlet` for the claim that stands for the article's own voice: what no named
    /// source says is said by the outlet that published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<String>,
    /// Cue and rule that produced it.
    pub why: Why,
}

/// The trigger word of an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trigger {
    /// First code point in `body`.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
    /// `body[start..end]`.
    pub text: String,
}

/// An event's time, copied from the time layer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventTime {
    /// ISO value cut to `grain`.
    pub value: String,
    /// Its grain.
    pub grain: Grain,
}

/// A count of killed or injured.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Toll {
    /// The number; `None` for vague counts.
    #[serde(serialize_with = "ser_number")]
    pub value: Option<f64>,
    /// Qualifier.
    pub approx: Approx,
}

/// Modality of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Reported as having happened.
    Asserted,
    /// Reported as not having happened.
    Denied,
    /// Expected to happen (`من المنتظر أن`).
    Expected,
    /// Possible (`قد`, `من المحتمل`).
    Possible,
}

/// Something that happened (or is said to have happened), typed as in DESIGN.md.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Document-local id, `V1`, `V2`, ….
    pub id: String,
    /// ACLED sub-event type or PLOVER type, snake_case.
    #[serde(rename = "type")]
    pub etype: String,
    /// The word that signals it.
    pub trigger: Trigger,
    /// Refs (or free text) of those who did it.
    pub actors: Vec<String>,
    /// Refs (or free text) of those it was done to.
    pub targets: Vec<String>,
    /// Ref of the place.
    pub place: Option<String>,
    /// Ref of the facility inside the place, when the text names one (`مركز إيواء
    /// المهاجرين` inside `تاجوراء`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// When.
    pub time: Option<EventTime>,
    /// Killed.
    pub fatalities: Option<Toll>,
    /// Injured.
    pub injuries: Option<Toll>,
    /// The claim that reports it (the first, when several do).
    pub claim: Option<String>,
    /// Every claim that reports it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<String>,
    /// Whether the text says it did not happen.
    pub negated: bool,
    /// Index into `sentences` of the evidence sentence.
    pub sentence: u32,
    /// Weapons named (`drone`, `artillery`, `grad_rocket` …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weapons: Vec<String>,
    /// Asserted, denied, expected or possible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<Modality>,
    /// Sub-kind (`mass_grave`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Trigger lexicon row and argument rules.
    pub why: Why,
}
