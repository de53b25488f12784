//! Places no lexicon holds: an event placed by an area noun (`في منطقة المزارع`) names a
//! place the recognizer did not find. Every place in the output has a record with a
//! country and coordinates, so such a place gets a document-local record located as
//! well as the article allows: at the nearest known place of its sentence (`precision:
//! near`, `near: <ref>`), else at the state most of the article's places lie in
//! (`precision: country`). With neither, the event keeps no place.

use std::collections::BTreeMap;

use rasd_model::{Doc, EntityType, Event, RefRecord, Why};

/// Give every event place that is not a record key a located document-local record.
pub fn locate(doc: &mut Doc, events: &mut [Event]) {
    // The main state is worked out once, and only for an article that needs it.
    let mut state: Option<Option<String>> = None;
    let mut made: BTreeMap<String, String> = BTreeMap::new();
    for e in events.iter_mut() {
        let Some(name) = e.place.clone() else {
            continue;
        };
        if doc.refs.contains_key(&name) {
            continue;
        }
        if let Some(key) = made.get(&name) {
            e.place = Some(key.clone());
            continue;
        }
        let anchor = nearest_place(doc, e).map(|k| (k, "near")).or_else(|| {
            state
                .get_or_insert_with(|| main_state(doc))
                .clone()
                .map(|k| (k, "country"))
        });
        let Some((anchor, precision)) = anchor else {
            e.place = None;
            continue;
        };
        let Some(a) = doc.refs.get(&anchor) else {
            e.place = None;
            continue;
        };
        let mut r = RefRecord {
            name: name.clone(),
            kind: "place".to_string(),
            country: a.country.clone(),
            lat: a.lat,
            lon: a.lon,
            canonical: false,
            why: Some(Why::rule("events/local-place")),
            ..RefRecord::default()
        };
        r.extra
            .insert("precision".to_string(), precision.to_string());
        r.extra.insert("near".to_string(), anchor);
        let key = (1..)
            .map(|n| format!("loc-event-{n}"))
            .find(|k| !doc.refs.contains_key(k))
            .unwrap_or_default();
        doc.refs.insert(key.clone(), r);
        made.insert(name, key.clone());
        e.place = Some(key);
    }
}

/// Whether a record is a located place (it has a country and coordinates).
fn located(r: &RefRecord) -> bool {
    r.country.is_some() && r.lat.is_some() && r.lon.is_some()
}

/// The known place of the event's sentence nearest to where its place is named.
fn nearest_place(doc: &Doc, e: &Event) -> Option<String> {
    let name = e.place.as_deref()?;
    nearest_known(doc, e.sentence as usize, name, e.trigger.start).map(str::to_string)
}

/// The known place of sentence `s` nearest to where `name` is written in it (else to
/// `fallback`, a code point): a place of the sentence that is not a whole state when
/// there is one (`ضاحية البريهي، جنوب مدينة الحديدة` is by Hodeidah, not just in Yemen).
pub fn nearest_known<'d>(doc: &'d Doc, s: usize, name: &str, fallback: u32) -> Option<&'d str> {
    let span = *doc.sentences.get(s)?;
    let text = doc.text(span);
    let at = text
        .find(name)
        .map_or(fallback, |b| span.start + text[..b].chars().count() as u32);
    doc.entities
        .iter()
        .filter(|x| x.start >= span.start && x.end <= span.end)
        .filter(|x| matches!(x.etype, EntityType::LOC | EntityType::GPE | EntityType::FAC))
        .filter_map(|x| {
            let k = x.reference.as_deref()?;
            let r = doc.refs.get(k)?;
            located(r).then_some((k, r.kind == "state", x.start.abs_diff(at)))
        })
        .min_by_key(|&(_, state, d)| (state, d))
        .map(|(k, _, _)| k)
}

/// Whether `name`, written in sentence `s`, is said to lie inside the known place `key`:
/// that place is named right after it behind `في` or ب and at most one more word
/// (`بمديرية الحالي في الحديدة`, `حي المغار بمدينة درنة`), not placed by a direction
/// (`تاجوراء شرق طرابلس`).
pub fn inside(doc: &Doc, s: usize, name: &str, key: &str) -> bool {
    let Some(span) = doc.sentences.get(s).copied() else {
        return false;
    };
    let text = doc.text(span);
    let Some(b) = text.find(name) else {
        return false;
    };
    let end = span.start + text[..b + name.len()].chars().count() as u32;
    doc.entities
        .iter()
        .filter(|x| x.start >= end && x.end <= span.end)
        .find(|x| x.reference.as_deref() == Some(key))
        .is_some_and(|x| {
            let gap: Vec<&str> = doc
                .text(rasd_model::Span::try_new(end, x.start).unwrap_or(span))
                .split_whitespace()
                .collect();
            gap.len() <= 2
                && gap
                    .first()
                    .is_some_and(|w| *w == "في" || w.starts_with('ب'))
        })
}

/// The record of the state most of the article's located places lie in.
fn main_state(doc: &Doc) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for x in &doc.entities {
        if !matches!(x.etype, EntityType::LOC | EntityType::GPE | EntityType::FAC) {
            continue;
        }
        if let Some(c) = x
            .reference
            .as_ref()
            .and_then(|k| doc.refs.get(k))
            .filter(|r| located(r))
            .and_then(|r| r.country.as_deref())
        {
            *counts.entry(c).or_default() += 1;
        }
    }
    let (c, _) = counts
        .iter()
        .max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))?;
    doc.refs
        .iter()
        .filter(|(_, r)| located(r) && r.country.as_deref() == Some(c))
        .min_by_key(|(_, r)| {
            (
                r.kind != "state",
                r.extra.get("kind").map(String::as_str) != Some("country"),
            )
        })
        .map(|(k, _)| k.clone())
}
