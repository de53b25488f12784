//! Writing: articles with their layers (one transaction per batch), and incidents
//! recomputed over every stored event.

use std::collections::BTreeMap;

use rasd_incidents::{group, Account, Families, Place};
use rasd_model::{wire::Article, Content, Doc, Event, Modality, RefRecord, Stance};
use rusqlite::{params, Transaction};
use serde_json::{json, Value};

use crate::{day_range, iso_day, published_day, Error, Result, Store};

/// The identity of a raw article: a 128-bit FNV-1a hash (stable across builds and
/// platforms) of its id, outlet, date, URL, title and raw content, as 32 hex digits.
/// Computed before extraction, so a stored article is skipped without re-running the
/// pipeline.
pub fn content_hash(doc: &Doc) -> String {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    let mut h = OFFSET;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            h ^= u128::from(*b);
            h = h.wrapping_mul(PRIME);
        }
        // A separator no UTF-8 text contains, so fields cannot run into each other.
        h ^= 0xff;
        h = h.wrapping_mul(PRIME);
    };
    feed(doc.id.as_bytes());
    for f in [&doc.outlet, &doc.published, &doc.url, &doc.title] {
        feed(f.as_deref().unwrap_or("\u{0}").as_bytes());
    }
    match &doc.raw {
        Some(Content::Text(t)) => feed(t.as_bytes()),
        Some(Content::Html(t)) => {
            feed(b"html");
            feed(t.as_bytes())
        }
        None => feed(doc.body.as_bytes()),
    }
    format!("{h:032x}")
}

/// The display name of a ref key: its record's name, or the key itself (free text).
fn name_of(refs: &BTreeMap<String, RefRecord>, key: &str) -> String {
    refs.get(key)
        .map_or_else(|| key.to_string(), |r| r.name.clone())
}

fn party(refs: &BTreeMap<String, RefRecord>, key: &str) -> Value {
    let r = refs.get(key);
    json!({"key": key, "name": name_of(refs, key), "name_en": r.and_then(|r| r.name_en.clone()), "kind": r.map(|r| r.kind.clone())})
}

/// Whether an event is reported as not having happened.
pub(crate) fn is_denied(doc: &Doc, e: &Event) -> bool {
    let claim_denies = e
        .claim
        .as_ref()
        .and_then(|c| doc.claim(c))
        .is_some_and(|c| c.stance == Stance::Deny);
    e.negated || e.modality == Some(Modality::Denied) || claim_denies
}

/// The API view of one event: the contract fields plus names, the claim's speaker,
/// the evidence sentence and the article's metadata.
fn event_json(families: &Families, doc: &Doc, article: i64, e: &Event) -> Value {
    let refs = &doc.refs;
    let place = e.place.as_ref().map(|p| {
        let r = refs.get(p);
        json!({"key": p, "name": name_of(refs, p), "name_en": r.and_then(|r| r.name_en.clone()),
               "country": r.and_then(|r| r.country.clone()), "lat": r.and_then(|r| r.lat), "lon": r.and_then(|r| r.lon),
               "kind": r.map(|r| r.kind.clone()), "admin1": r.and_then(|r| r.extra.get("admin1").cloned())})
    });
    let claim = e.claim.as_ref().and_then(|c| doc.claim(c)).map(|c| {
        json!({"id": c.id, "cue": c.cue, "stance": c.stance, "anonymous": c.anonymous,
               "speaker": c.speaker.as_ref().map(|m| json!({"text": m.text, "ref": m.reference, "name": m.reference.as_ref().map(|k| name_of(refs, k))})),
               "via": c.via.as_ref().map(|m| json!({"text": m.text, "ref": m.reference, "name": m.reference.as_ref().map(|k| name_of(refs, k))})),
               "start": c.start, "end": c.end})
    });
    let evidence = doc
        .sentences
        .get(e.sentence as usize)
        .map(|s| json!({"start": s.start, "end": s.end, "text": doc.text(*s)}));
    let fam = families.of(&e.etype);
    let time = e
        .time
        .as_ref()
        .map(|t| json!({"value": t.value, "grain": t.grain}));
    json!({
        "article": article, "article_id": doc.id, "outlet": doc.outlet, "published": doc.published,
        "url": doc.url, "title": doc.title,
        "vid": e.id, "type": e.etype, "family": fam.family, "relation": fam.relation,
        "acled_event_type": fam.acled_event_type, "acled_sub_event_type": fam.acled_sub_event_type,
        "trigger": e.trigger,
        "actors": e.actors.iter().map(|k| party(refs, k)).collect::<Vec<_>>(),
        "targets": e.targets.iter().map(|k| party(refs, k)).collect::<Vec<_>>(),
        "place": place, "time": time, "fatalities": e.fatalities, "injuries": e.injuries,
        "claim": claim, "negated": e.negated, "denied": is_denied(doc, e), "modality": e.modality,
        "detail": e.detail, "weapons": e.weapons, "sentence": e.sentence, "evidence": evidence,
        "why": e.why,
    })
}

impl Store {
    /// Store a batch of analyzed articles, each with its [`content_hash`], in one
    /// transaction; an article whose hash is stored already is skipped. Returns how
    /// many were added.
    pub fn insert_batch(&mut self, batch: &[(String, Doc)]) -> Result<usize> {
        // Built once per batch: building its tables costs more than folding a sentence.
        let norm = rasd_text::Normalizer::matching();
        let tx = self.conn.transaction()?;
        let mut added = 0;
        for (hash, doc) in batch {
            let wire = serde_json::to_string(&Article::of(doc)).map_err(|e| {
                Error::BadRequest(format!(
                    "{}: cannot serialize article {}: {e}",
                    self.path.display(),
                    doc.id
                ))
            })?;
            if insert_doc(&self.families, &tx, hash, doc, &wire, &norm)? {
                added += 1;
            }
        }
        if added > 0 {
            tx.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('incidents_dirty', '1')",
                [],
            )?;
        }
        tx.commit()?;
        Ok(added)
    }

    /// Group every stored event into incidents again (one transaction), and mark them
    /// up to date. Returns the number of incidents.
    pub fn recompute_incidents(&mut self) -> Result<usize> {
        let accounts = self.accounts()?;
        let incidents = group(&self.families, accounts);
        let tx = self.conn.transaction()?;
        tx.execute("UPDATE events SET incident = NULL", [])?;
        tx.execute("DELETE FROM incidents", [])?;
        {
            let mut ins = tx.prepare(
                "INSERT INTO incidents(family, type, place_name, lat, lon, day_from, day_to, n_accounts, n_articles,
                 n_outlets, fatalities_max, n_disagreements, inc) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)",
            )?;
            let mut link = tx.prepare("UPDATE events SET incident = ?1 WHERE id = ?2")?;
            for inc in &incidents {
                let place = inc.place.as_ref();
                let value = json!({
                    "family": inc.family, "type": inc.etype, "accounts": inc.accounts, "articles": inc.articles,
                    "outlets": inc.outlets, "place": inc.place,
                    "day_from": inc.day.map(|d| iso_day(d.0)), "day_to": inc.day.map(|d| iso_day(d.1 - 1)),
                    "fatalities": inc.fatalities.map(|(lo, hi)| json!({"min": lo, "max": hi})),
                    "disagreements": inc.disagreements,
                });
                ins.execute(params![
                    inc.family,
                    inc.etype,
                    place.map(|p| p.name.clone()),
                    place.and_then(|p| p.lat),
                    place.and_then(|p| p.lon),
                    inc.day.map(|d| d.0),
                    inc.day.map(|d| d.1),
                    inc.accounts.len() as i64,
                    inc.articles as i64,
                    inc.outlets.len() as i64,
                    inc.fatalities.map(|f| f.1),
                    inc.disagreements.len() as i64,
                    value.to_string(),
                ])?;
                let id = tx.last_insert_rowid();
                for a in &inc.accounts {
                    link.execute(params![id, a])?;
                }
            }
        }
        tx.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('incidents_dirty', '0')",
            [],
        )?;
        tx.commit()?;
        Ok(incidents.len())
    }

    /// Every stored event as an incident account.
    fn accounts(&self) -> Result<Vec<Account>> {
        let mut st = self.conn.prepare(
            "SELECT e.id, e.article, a.outlet, a.day, e.ev FROM events e JOIN articles a ON a.id = e.article ORDER BY e.id",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (key, article, outlet, pub_day, ev) = row?;
            let v: Value = serde_json::from_str(&ev).map_err(|e| Error::Corrupt {
                what: "event",
                id: key,
                message: e.to_string(),
            })?;
            out.push(account_of(key, article, outlet, pub_day, &v));
        }
        Ok(out)
    }
}

fn keys(v: &Value, field: &str) -> Vec<String> {
    v[field].as_array().map_or_else(Vec::new, |a| {
        a.iter()
            .filter_map(|p| p["key"].as_str().map(str::to_string))
            .collect()
    })
}

fn toll(v: &Value) -> Option<(f64, String)> {
    Some((
        v["value"].as_f64()?,
        v["approx"].as_str().unwrap_or("exact").to_string(),
    ))
}

/// The account of a stored event. An event without a time of its own is dated to
/// the day before through the day of publication (news reports what just happened).
fn account_of(
    key: i64,
    article: i64,
    outlet: Option<String>,
    pub_day: Option<i64>,
    v: &Value,
) -> Account {
    let grain = v["time"]["grain"]
        .as_str()
        .and_then(|g| serde_json::from_value(json!(g)).ok());
    let day = match (v["time"]["value"].as_str(), grain) {
        (Some(val), Some(g)) => day_range(val, g),
        _ => None,
    }
    .or_else(|| pub_day.map(|d| (d - 1, d + 1)));
    let place = v["place"].as_object().map(|p| Place {
        key: p
            .get("key")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        name: p
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        lat: p.get("lat").and_then(Value::as_f64),
        lon: p.get("lon").and_then(Value::as_f64),
        coarse: matches!(
            p.get("kind").and_then(Value::as_str),
            Some("state" | "country" | "region" | "gpe")
        ),
    });
    Account {
        key,
        article,
        outlet,
        etype: v["type"].as_str().unwrap_or_default().to_string(),
        actors: keys(v, "actors"),
        targets: keys(v, "targets"),
        place,
        day,
        fatalities: toll(&v["fatalities"]),
        injuries: toll(&v["injuries"]),
        denied: v["denied"].as_bool().unwrap_or(false),
        speaker: v["claim"]["speaker"]["text"].as_str().map(str::to_string),
    }
}

/// Insert one article and its layers; `false` when its hash is stored already.
fn insert_doc(
    families: &Families,
    tx: &Transaction<'_>,
    hash: &str,
    doc: &Doc,
    wire: &str,
    norm: &rasd_text::Normalizer,
) -> Result<bool> {
    let n = tx.execute(
        "INSERT OR IGNORE INTO articles(hash, doc_id, outlet, published, day, url, title, source, body, doc,
         n_entities, n_claims, n_events) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)",
        params![
            hash,
            doc.id,
            doc.outlet,
            doc.published,
            doc.published.as_deref().and_then(published_day),
            doc.url,
            doc.title,
            doc.source,
            doc.body,
            wire,
            doc.entities.len() as i64,
            doc.claims.len() as i64,
            doc.events.len() as i64
        ],
    )?;
    if n == 0 {
        return Ok(false);
    }
    let article = tx.last_insert_rowid();
    let mut st = tx.prepare_cached(
        "INSERT OR IGNORE INTO refs(article, key, name, name_en, kind, country, lat, lon, wikidata, canonical)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
    )?;
    for (k, r) in &doc.refs {
        st.execute(params![
            article,
            k,
            r.name,
            r.name_en,
            r.kind,
            r.country,
            r.lat,
            r.lon,
            r.wikidata,
            r.canonical
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO entities(article, eid, start, end, text, type, ref, why) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
    )?;
    for e in &doc.entities {
        st.execute(params![
            article,
            e.id,
            e.start,
            e.end,
            e.text,
            e.etype.as_str(),
            e.reference,
            e.why.to_string()
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO times(article, start, end, text, value, grain, to_value, why) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
    )?;
    for t in &doc.times {
        let grain = serde_json::to_value(t.grain)
            .ok()
            .and_then(|g| g.as_str().map(str::to_string));
        st.execute(params![
            article,
            t.start,
            t.end,
            t.text,
            t.value,
            grain,
            t.to,
            t.why.to_string()
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO claims(article, cid, start, end, cue, stance, speaker, speaker_ref, anonymous, via, via_ref, why)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
    )?;
    for c in &doc.claims {
        let stance = if c.stance == Stance::Deny {
            "deny"
        } else {
            "assert"
        };
        st.execute(params![
            article,
            c.id,
            c.start,
            c.end,
            c.cue,
            stance,
            c.speaker.as_ref().map(|m| m.text.clone()),
            c.speaker.as_ref().and_then(|m| m.reference.clone()),
            c.anonymous,
            c.via.as_ref().map(|m| m.text.clone()),
            c.via.as_ref().and_then(|m| m.reference.clone()),
            c.why.to_string()
        ])?;
    }
    let mut ev_st = tx.prepare_cached(
        "INSERT INTO events(article, vid, type, family, place_ref, place_name, country, lat, lon, day_from, day_to,
         fatalities, denied, evidence_norm, ev) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)",
    )?;
    let mut party_st = tx
        .prepare_cached("INSERT INTO event_parties(event, role, key, name) VALUES (?1,?2,?3,?4)")?;
    for e in &doc.events {
        let v = event_json(families, doc, article, e);
        let r = e.place.as_ref().and_then(|p| doc.refs.get(p));
        let day = e.time.as_ref().and_then(|t| day_range(&t.value, t.grain));
        let evidence = doc
            .sentences
            .get(e.sentence as usize)
            .map(|s| doc.text(*s))
            .unwrap_or(&e.trigger.text);
        ev_st.execute(params![
            article,
            e.id,
            e.etype,
            families.of(&e.etype).family,
            e.place,
            e.place.as_ref().map(|p| name_of(&doc.refs, p)),
            r.and_then(|r| r.country.clone()),
            r.and_then(|r| r.lat),
            r.and_then(|r| r.lon),
            day.map(|d| d.0),
            day.map(|d| d.1),
            e.fatalities.as_ref().and_then(|t| t.value),
            is_denied(doc, e),
            norm.fold_str(evidence),
            v.to_string()
        ])?;
        let id = tx.last_insert_rowid();
        for (role, list) in [("actor", &e.actors), ("target", &e.targets)] {
            for k in list {
                party_st.execute(params![id, role, k, name_of(&doc.refs, k)])?;
            }
        }
    }
    Ok(true)
}
