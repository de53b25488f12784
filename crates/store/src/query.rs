//! Reading: the queries behind the HTTP API and the exports, each returning JSON
//! values shaped as the API documents them.

use std::collections::BTreeMap;

use rusqlite::types::Value as Sql;
use rusqlite::{params_from_iter, OptionalExtension};
use serde::Serialize;
use serde_json::{json, Value};

use crate::{iso_day, Error, Result, Store};

/// The largest page a query returns.
pub const MAX_LIMIT: i64 = 500;

/// An edge being counted: events by type, and the first event ids.
type EdgeAcc = (BTreeMap<String, i64>, Vec<i64>);

/// One page of a listing.
#[derive(Clone, Debug, Serialize)]
pub struct Page {
    /// How many items match in all.
    pub total: i64,
    /// Items skipped.
    pub offset: i64,
    /// Page size asked for.
    pub limit: i64,
    /// This page's items.
    pub items: Vec<Value>,
}

/// Paging of a listing.
#[derive(Clone, Copy, Debug)]
pub struct Paging {
    /// Items to skip.
    pub offset: i64,
    /// Items to return, at most [`MAX_LIMIT`].
    pub limit: i64,
}

impl Default for Paging {
    fn default() -> Paging {
        Paging {
            offset: 0,
            limit: 50,
        }
    }
}

/// Filters of the event listing; every field is optional and they combine with AND.
#[derive(Clone, Debug, Default)]
pub struct EventFilter {
    /// Event type (`air_drone_strike`) or family (`remote_violence`).
    pub etype: Option<String>,
    /// An actor or target: its ref key, or words of its name.
    pub actor: Option<String>,
    /// A place: its ref key, or words of its name.
    pub place: Option<String>,
    /// Events on or after this day (days since 1970-01-01).
    pub from: Option<i64>,
    /// Events on or before this day.
    pub to: Option<i64>,
    /// Words in the evidence sentence (matched on the folded form).
    pub text: Option<String>,
    /// Events of one article (store id).
    pub article: Option<i64>,
    /// Events of one incident.
    pub incident: Option<i64>,
}

/// Filters of the incident listing.
#[derive(Clone, Debug, Default)]
pub struct IncidentFilter {
    /// Type or family.
    pub etype: Option<String>,
    /// Words of the place's name.
    pub place: Option<String>,
    /// Only incidents reported by at least this many outlets.
    pub min_outlets: Option<i64>,
    /// Only incidents whose accounts disagree.
    pub disputed: bool,
    /// On or after this day.
    pub from: Option<i64>,
    /// On or before this day.
    pub to: Option<i64>,
}

/// SQL conditions and their parameters, built up filter by filter.
#[derive(Default)]
struct Where {
    conds: Vec<String>,
    args: Vec<Sql>,
}

impl Where {
    fn push(&mut self, cond: &str, args: impl IntoIterator<Item = Sql>) {
        self.conds.push(cond.to_string());
        self.args.extend(args);
    }

    fn sql(&self) -> String {
        if self.conds.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.conds.join(" AND "))
        }
    }
}

fn text(s: &str) -> Sql {
    Sql::Text(s.to_string())
}

fn like(s: &str) -> Sql {
    let esc = s
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    Sql::Text(format!("%{esc}%"))
}

fn parse(what: &'static str, id: i64, s: &str) -> Result<Value> {
    serde_json::from_str(s).map_err(|e| Error::Corrupt {
        what,
        id,
        message: e.to_string(),
    })
}

impl Store {
    fn count(&self, sql: &str, w: &Where) -> Result<i64> {
        Ok(self
            .conn
            .query_row(sql, params_from_iter(w.args.iter()), |r| r.get(0))?)
    }

    /// Articles, newest first: `{id, doc_id, outlet, published, url, title, events,
    /// claims, entities}` (no body).
    pub fn articles(&self, outlet: Option<&str>, page: Paging) -> Result<Page> {
        let mut w = Where::default();
        if let Some(o) = outlet {
            w.push("outlet = ?", [text(o)]);
        }
        let total = self.count(&format!("SELECT COUNT(*) FROM articles{}", w.sql()), &w)?;
        let sql = format!(
            "SELECT id, doc_id, outlet, published, url, title, n_events, n_claims, n_entities FROM articles{}
             ORDER BY day DESC, id LIMIT ? OFFSET ?",
            w.sql()
        );
        let mut args = w.args.clone();
        args.extend([Sql::Integer(page.limit), Sql::Integer(page.offset)]);
        let mut st = self.conn.prepare(&sql)?;
        let items = st
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(json!({"id": r.get::<_, i64>(0)?, "doc_id": r.get::<_, String>(1)?, "outlet": r.get::<_, Option<String>>(2)?,
                          "published": r.get::<_, Option<String>>(3)?, "url": r.get::<_, Option<String>>(4)?,
                          "title": r.get::<_, Option<String>>(5)?, "events": r.get::<_, i64>(6)?,
                          "claims": r.get::<_, i64>(7)?, "entities": r.get::<_, i64>(8)?}))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(Page {
            total,
            offset: page.offset,
            limit: page.limit,
            items,
        })
    }

    /// One article: its contract object (every layer) plus `key` (its store id) and
    /// `event_ids` (`V1` → `{id, incident}`).
    pub fn article(&self, id: i64) -> Result<Option<Value>> {
        let doc: Option<String> = self
            .conn
            .query_row("SELECT doc FROM articles WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        let Some(doc) = doc else { return Ok(None) };
        let mut v = parse("article", id, &doc)?;
        let mut st = self
            .conn
            .prepare("SELECT vid, id, incident FROM events WHERE article = ?1")?;
        let map: BTreeMap<String, Value> = st
            .query_map([id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    json!({"id": r.get::<_, i64>(1)?, "incident": r.get::<_, Option<i64>>(2)?}),
                ))
            })?
            .collect::<std::result::Result<_, _>>()?;
        v["key"] = json!(id);
        v["event_ids"] = json!(map);
        Ok(Some(v))
    }

    fn event_where(&self, f: &EventFilter) -> Where {
        let mut w = Where::default();
        if let Some(t) = &f.etype {
            w.push("(e.type = ? OR e.family = ?)", [text(t), text(t)]);
        }
        if let Some(a) = &f.actor {
            w.push(
                "e.id IN (SELECT event FROM event_parties WHERE key = ? OR name LIKE ? ESCAPE '\\')",
                [text(a), like(a)],
            );
        }
        if let Some(p) = &f.place {
            w.push(
                "(e.place_ref = ? OR e.place_name LIKE ? ESCAPE '\\')",
                [text(p), like(p)],
            );
        }
        if let Some(d) = f.from {
            w.push("COALESCE(e.day_to, a.day + 1) > ?", [Sql::Integer(d)]);
        }
        if let Some(d) = f.to {
            w.push("COALESCE(e.day_from, a.day) <= ?", [Sql::Integer(d)]);
        }
        if let Some(t) = &f.text {
            let folded = rasd_text::Normalizer::matching().fold_str(t);
            w.push("e.evidence_norm LIKE ? ESCAPE '\\'", [like(folded.trim())]);
        }
        if let Some(a) = f.article {
            w.push("e.article = ?", [Sql::Integer(a)]);
        }
        if let Some(i) = f.incident {
            w.push("e.incident = ?", [Sql::Integer(i)]);
        }
        w
    }

    /// Events matching a filter, by date then id: the API view of each (contract
    /// fields, names, claim, evidence, article metadata) plus `id` and `incident`.
    pub fn events(&self, f: &EventFilter, page: Paging) -> Result<Page> {
        let w = self.event_where(f);
        let from = "FROM events e JOIN articles a ON a.id = e.article";
        let total = self.count(&format!("SELECT COUNT(*) {from}{}", w.sql()), &w)?;
        let sql = format!(
            "SELECT e.id, e.incident, e.ev {from}{} ORDER BY COALESCE(e.day_from, a.day), e.id LIMIT ? OFFSET ?",
            w.sql()
        );
        let mut args = w.args.clone();
        args.extend([Sql::Integer(page.limit), Sql::Integer(page.offset)]);
        let items = self.event_rows(&sql, &args)?;
        Ok(Page {
            total,
            offset: page.offset,
            limit: page.limit,
            items,
        })
    }

    fn event_rows(&self, sql: &str, args: &[Sql]) -> Result<Vec<Value>> {
        let mut st = self.conn.prepare(sql)?;
        let rows = st.query_map(params_from_iter(args.iter()), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, incident, ev) = row?;
            let mut v = parse("event", id, &ev)?;
            v["id"] = json!(id);
            v["incident"] = json!(incident);
            out.push(v);
        }
        Ok(out)
    }

    /// One event.
    pub fn event(&self, id: i64) -> Result<Option<Value>> {
        Ok(self
            .event_rows(
                "SELECT id, incident, ev FROM events WHERE id = ?",
                &[Sql::Integer(id)],
            )?
            .pop())
    }

    /// Every event, in id order, for exports (calls `f` once per event).
    pub fn each_event(&self, mut f: impl FnMut(Value) -> Result<()>) -> Result<()> {
        let mut st = self
            .conn
            .prepare("SELECT id, incident, ev FROM events ORDER BY id")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let mut v = parse("event", id, &r.get::<_, String>(2)?)?;
            v["id"] = json!(id);
            v["incident"] = json!(r.get::<_, Option<i64>>(1)?);
            f(v)?;
        }
        Ok(())
    }

    /// Incidents matching a filter, most outlets first: `{id, type, family, place,
    /// day_from, day_to, accounts, articles, outlets, fatalities, disagreements}`.
    pub fn incidents(&self, f: &IncidentFilter, page: Paging) -> Result<Page> {
        let mut w = Where::default();
        if let Some(t) = &f.etype {
            w.push("(type = ? OR family = ?)", [text(t), text(t)]);
        }
        if let Some(p) = &f.place {
            w.push("place_name LIKE ? ESCAPE '\\'", [like(p)]);
        }
        if let Some(n) = f.min_outlets {
            w.push("n_outlets >= ?", [Sql::Integer(n)]);
        }
        if f.disputed {
            w.push("n_disagreements > 0", []);
        }
        if let Some(d) = f.from {
            w.push("day_to > ?", [Sql::Integer(d)]);
        }
        if let Some(d) = f.to {
            w.push("day_from <= ?", [Sql::Integer(d)]);
        }
        let total = self.count(&format!("SELECT COUNT(*) FROM incidents{}", w.sql()), &w)?;
        let sql = format!(
            "SELECT id, inc FROM incidents{} ORDER BY n_outlets DESC, n_accounts DESC, day_from, id LIMIT ? OFFSET ?",
            w.sql()
        );
        let mut args = w.args.clone();
        args.extend([Sql::Integer(page.limit), Sql::Integer(page.offset)]);
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(args.iter()), |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut items = Vec::new();
        for row in rows {
            let (id, inc) = row?;
            let mut v = parse("incident", id, &inc)?;
            v["id"] = json!(id);
            items.push(v);
        }
        Ok(Page {
            total,
            offset: page.offset,
            limit: page.limit,
            items,
        })
    }

    /// One incident with its accounts side by side (`events`: each account's event,
    /// ordered by outlet).
    pub fn incident(&self, id: i64) -> Result<Option<Value>> {
        let inc: Option<String> = self
            .conn
            .query_row("SELECT inc FROM incidents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        let Some(inc) = inc else { return Ok(None) };
        let mut v = parse("incident", id, &inc)?;
        v["id"] = json!(id);
        let events = self.event_rows(
            "SELECT e.id, e.incident, e.ev FROM events e JOIN articles a ON a.id = e.article WHERE e.incident = ?
             ORDER BY a.outlet, e.id",
            &[Sql::Integer(id)],
        )?;
        v["events"] = json!(events);
        Ok(Some(v))
    }

    /// Actors: people, organisations, armed groups and states mentioned, by mention
    /// count, with how often each acts in or is the target of an event.
    pub fn actors(&self, name: Option<&str>, page: Paging) -> Result<Page> {
        let mut w = Where::default();
        w.push("e.type IN ('PER','ORG','GROUP','GPE')", []);
        if let Some(n) = name {
            w.push(
                "(COALESCE(r.name, e.text) LIKE ? ESCAPE '\\' OR e.ref = ?)",
                [like(n), text(n)],
            );
        }
        let base = format!(
            "FROM entities e LEFT JOIN refs r ON r.article = e.article AND r.key = e.ref{} GROUP BY COALESCE(e.ref, e.text)",
            w.sql()
        );
        let total = self.count(&format!("SELECT COUNT(*) FROM (SELECT 1 {base})"), &w)?;
        let sql = format!(
            "SELECT COALESCE(e.ref, e.text) AS k, MAX(COALESCE(r.name, e.text)), MAX(r.name_en), MAX(e.type), COUNT(*),
                    COUNT(DISTINCT e.article),
                    (SELECT COUNT(*) FROM event_parties p WHERE p.key = COALESCE(e.ref, e.text) AND p.role = 'actor'),
                    (SELECT COUNT(*) FROM event_parties p WHERE p.key = COALESCE(e.ref, e.text) AND p.role = 'target')
             {base} ORDER BY COUNT(*) DESC, k LIMIT ? OFFSET ?"
        );
        let mut args = w.args.clone();
        args.extend([Sql::Integer(page.limit), Sql::Integer(page.offset)]);
        let mut st = self.conn.prepare(&sql)?;
        let items = st
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(json!({"key": r.get::<_, String>(0)?, "name": r.get::<_, String>(1)?, "name_en": r.get::<_, Option<String>>(2)?,
                          "type": r.get::<_, String>(3)?, "mentions": r.get::<_, i64>(4)?, "articles": r.get::<_, i64>(5)?,
                          "as_actor": r.get::<_, i64>(6)?, "as_target": r.get::<_, i64>(7)?}))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(Page {
            total,
            offset: page.offset,
            limit: page.limit,
            items,
        })
    }

    /// Places with coordinates, by number of events there.
    pub fn places(&self, name: Option<&str>, page: Paging) -> Result<Page> {
        let mut w = Where::default();
        w.push("r.lat IS NOT NULL AND r.lon IS NOT NULL", []);
        if let Some(n) = name {
            w.push(
                "(r.name LIKE ? ESCAPE '\\' OR r.name_en LIKE ? ESCAPE '\\' OR r.key = ?)",
                [like(n), like(n), text(n)],
            );
        }
        let base = format!("FROM refs r{} GROUP BY r.key", w.sql());
        let total = self.count(&format!("SELECT COUNT(*) FROM (SELECT 1 {base})"), &w)?;
        let sql = format!(
            "SELECT r.key, MAX(r.name), MAX(r.name_en), MAX(r.kind), MAX(r.country), AVG(r.lat), AVG(r.lon),
                    COUNT(DISTINCT r.article), (SELECT COUNT(*) FROM events v WHERE v.place_ref = r.key) AS n
             {base} ORDER BY n DESC, COUNT(DISTINCT r.article) DESC, r.key LIMIT ? OFFSET ?"
        );
        let mut args = w.args.clone();
        args.extend([Sql::Integer(page.limit), Sql::Integer(page.offset)]);
        let mut st = self.conn.prepare(&sql)?;
        let items = st
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(json!({"key": r.get::<_, String>(0)?, "name": r.get::<_, String>(1)?, "name_en": r.get::<_, Option<String>>(2)?,
                          "kind": r.get::<_, String>(3)?, "country": r.get::<_, Option<String>>(4)?,
                          "lat": r.get::<_, f64>(5)?, "lon": r.get::<_, f64>(6)?, "articles": r.get::<_, i64>(7)?,
                          "events": r.get::<_, i64>(8)?}))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(Page {
            total,
            offset: page.offset,
            limit: page.limit,
            items,
        })
    }

    /// The actor graph: who attacks, backs, accuses, meets whom. Nodes are event
    /// parties; an edge joins each actor of an event to each of its targets, labelled
    /// with the relation its type draws (`incidents/families.tsv`), with counts by
    /// type and up to 20 event ids.
    pub fn graph(&self) -> Result<Value> {
        let mut st = self.conn.prepare(
            "SELECT a.key, a.name, t.key, t.name, e.type, e.id FROM event_parties a
             JOIN event_parties t ON t.event = a.event AND t.role = 'target'
             JOIN events e ON e.id = a.event
             WHERE a.role = 'actor' AND a.key != t.key ORDER BY e.id",
        )?;
        let mut nodes: BTreeMap<String, (String, i64)> = BTreeMap::new();
        let mut edges: BTreeMap<(String, String, String), EdgeAcc> = BTreeMap::new();
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, i64>(5)?,
            ))
        })?;
        for row in rows {
            let (ak, an, tk, tn, ty, id) = row?;
            nodes.entry(ak.clone()).or_insert((an, 0)).1 += 1;
            nodes.entry(tk.clone()).or_insert((tn, 0)).1 += 1;
            let rel = self.families.of(&ty).relation;
            let e = edges.entry((ak, tk, rel)).or_default();
            *e.0.entry(ty).or_default() += 1;
            if e.1.len() < 20 {
                e.1.push(id);
            }
        }
        let nodes: Vec<Value> = nodes
            .into_iter()
            .map(|(k, (name, degree))| json!({"key": k, "name": name, "degree": degree}))
            .collect();
        let edges: Vec<Value> = edges
            .into_iter()
            .map(|((s, t, rel), (types, events))| {
                let count: i64 = types.values().sum();
                json!({"source": s, "target": t, "relation": rel, "count": count, "types": types, "events": events})
            })
            .collect();
        Ok(json!({"nodes": nodes, "edges": edges}))
    }

    /// Events per day and family, with the highest toll reported that day, for the
    /// timeline (events with no date of their own count on their article's day).
    pub fn timeline(&self) -> Result<Vec<Value>> {
        let mut st = self.conn.prepare(
            "SELECT COALESCE(e.day_from, a.day) AS d, e.family, COUNT(*), MAX(e.fatalities), COUNT(DISTINCT e.incident)
             FROM events e JOIN articles a ON a.id = e.article WHERE d IS NOT NULL GROUP BY d, e.family ORDER BY d, e.family",
        )?;
        let rows = st.query_map([], |r| {
            Ok(json!({"day": iso_day(r.get::<_, i64>(0)?), "family": r.get::<_, String>(1)?, "events": r.get::<_, i64>(2)?,
                      "fatalities_max": r.get::<_, Option<f64>>(3)?, "incidents": r.get::<_, i64>(4)?}))
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The store ids of articles after a watermark, in id order (for indexing).
    pub fn articles_after(&self, after: i64, limit: i64) -> Result<Vec<(i64, String, String)>> {
        let mut st = self.conn.prepare(
            "SELECT id, COALESCE(title, ''), body FROM articles WHERE id > ?1 ORDER BY id LIMIT ?2",
        )?;
        let rows = st.query_map([after, limit], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Title, outlet, date and body of an article (search results).
    pub fn article_head(&self, id: i64) -> Result<Option<(Value, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT doc_id, title, outlet, published, body FROM articles WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        json!({"id": id, "doc_id": r.get::<_, String>(0)?, "title": r.get::<_, Option<String>>(1)?,
                               "outlet": r.get::<_, Option<String>>(2)?, "published": r.get::<_, Option<String>>(3)?}),
                        r.get::<_, String>(4)?,
                    ))
                },
            )
            .optional()?)
    }
}
