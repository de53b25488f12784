//! The output contract of `rasd extract`, field by field (DESIGN.md).
//!
//! One JSON object per article, one per line:
//!
//! - `id`, `source`, `outlet`, `published`, `url`, `title`: the record's metadata
//!   (`source` is rasd's addition: the file, or `file:line`, it came from);
//! - `body`: the cleaned article text; every span below counts Unicode code points
//!   into it, `[start, end)`, never empty;
//! - `removed`: site chrome taken out, `{text, kind, why}`; `credits`: source credits;
//! - `sentences`: `[[start, end], …]`;
//! - `entities`: `{id, start, end, text, type, ref, role?, why}`; `refs`: the records
//!   they point to, `{name, name_en, kind, wikidata, country, lat, lon, …, aliases?}`
//!   (`aliases`: the titled forms the article names a record by);
//! - `times`: `{start, end, text, value, grain, to?, kind?, part?, mentions?, why}`, `value` ISO
//!   8601 cut to its grain, `null` when it cannot be resolved; `kind: "named_event"` (rasd's
//!   addition) marks the name of an event (`ثورة 17 فبراير`), whose value is the event's own
//!   date; each distinct expression (folded text and value) is listed once, at its first
//!   mention, and `mentions` (rasd's addition) holds the spans of its repeats; `part`
//!   (rasd's addition) the early, middle or late part of the month or year in `value`;
//! - `quantities`: `{start, end, text, value, approx, of?, why}`; `durations` (rasd's
//!   addition) in the same form plus `unit`, so that `17 دقيقة` is never a time;
//! - `claims`: `{id, start, end, cue, stance, speaker, anonymous, via, content,
//!   sentence, within?, why}`;
//! - `voice` (rasd's addition, absent when the outlet is unknown): the outlet's own voice
//!   in the claim form, id `C0`, empty cue, `voice: "outlet"`, spanning the body; events
//!   no named source reports reference it in `claim`/`claims`;
//! - `events`: `{id, type, trigger, actors, targets, place, time, fatalities,
//!   injuries, claim, claims?, negated, sentence, weapons?, modality?, detail?, why}`.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Claim, Doc, Entity, Event, Quantity, RefRecord, Removed, Span, TimeExpr};

/// One article as written by `rasd extract` (borrowed when written, owned when read).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Article<'a> {
    /// Article id.
    pub id: Cow<'a, str>,
    /// Input it came from.
    #[serde(default)]
    pub source: Cow<'a, str>,
    /// Outlet.
    pub outlet: Option<Cow<'a, str>>,
    /// Publication date as given.
    pub published: Option<Cow<'a, str>>,
    /// URL.
    pub url: Option<Cow<'a, str>>,
    /// Title.
    pub title: Option<Cow<'a, str>>,
    /// Cleaned text.
    pub body: Cow<'a, str>,
    /// Site chrome removed.
    pub removed: Cow<'a, [Removed]>,
    /// Source credits.
    pub credits: Cow<'a, [String]>,
    /// Sentence spans.
    pub sentences: Cow<'a, [Span]>,
    /// Entity mentions.
    pub entities: Cow<'a, [Entity]>,
    /// Records the mentions point to.
    pub refs: Cow<'a, BTreeMap<String, RefRecord>>,
    /// Time expressions.
    pub times: Cow<'a, [TimeExpr]>,
    /// Quantities.
    pub quantities: Cow<'a, [Quantity]>,
    /// Durations.
    #[serde(default)]
    pub durations: Cow<'a, [Quantity]>,
    /// Claims.
    pub claims: Cow<'a, [Claim]>,
    /// The outlet's own voice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<Cow<'a, Claim>>,
    /// Events.
    pub events: Cow<'a, [Event]>,
}

impl<'a> Article<'a> {
    /// The wire view of a document.
    pub fn of(doc: &'a Doc) -> Article<'a> {
        Article {
            id: Cow::Borrowed(&doc.id),
            source: Cow::Borrowed(&doc.source),
            outlet: doc.outlet.as_deref().map(Cow::Borrowed),
            published: doc.published.as_deref().map(Cow::Borrowed),
            url: doc.url.as_deref().map(Cow::Borrowed),
            title: doc.title.as_deref().map(Cow::Borrowed),
            body: Cow::Borrowed(&doc.body),
            removed: Cow::Borrowed(&doc.removed),
            credits: Cow::Borrowed(&doc.credits),
            sentences: Cow::Borrowed(&doc.sentences),
            entities: Cow::Borrowed(&doc.entities),
            refs: Cow::Borrowed(&doc.refs),
            times: if doc.times.iter().any(|t| t.repeat_of.is_some()) {
                Cow::Owned(
                    doc.times
                        .iter()
                        .filter(|t| t.repeat_of.is_none())
                        .cloned()
                        .collect(),
                )
            } else {
                Cow::Borrowed(&doc.times)
            },
            quantities: Cow::Borrowed(&doc.quantities),
            durations: Cow::Borrowed(&doc.durations),
            claims: Cow::Borrowed(&doc.claims),
            voice: doc.voice.as_ref().map(Cow::Borrowed),
            events: Cow::Borrowed(&doc.events),
        }
    }
}
