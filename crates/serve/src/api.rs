//! The JSON routes under `/api/`, as `/openapi.json` documents them.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::Uri;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use rasd_store::parse_day;
use rasd_store::query::{EventFilter, IncidentFilter, Paging, MAX_LIMIT};
use serde_json::{json, Value};

use crate::{ApiError, App};

type Shared = State<Arc<App>>;

/// Query parameters, decoded, checked against the names a route accepts.
struct Params(BTreeMap<String, String>);

/// Percent-decode one form-encoded component (`+` is a space).
fn decode(s: &str) -> Result<String, ApiError> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = b
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok());
                let v = hex.and_then(|h| u8::from_str_radix(h, 16).ok());
                let Some(v) = v else {
                    return Err(ApiError::bad(format!(
                        "bad percent-encoding in query near `{}`",
                        &s[i..s.len().min(i + 3)]
                    )));
                };
                out.push(v);
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| ApiError::bad("query parameters must be UTF-8"))
}

impl Params {
    fn parse(uri: &Uri, allowed: &[&str]) -> Result<Params, ApiError> {
        let mut map = BTreeMap::new();
        for pair in uri
            .query()
            .unwrap_or("")
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let k = decode(k)?;
            if !allowed.contains(&k.as_str()) {
                return Err(ApiError::bad(format!(
                    "unknown parameter `{k}` (this route takes: {})",
                    allowed.join(", ")
                )));
            }
            if map.insert(k.clone(), decode(v)?).is_some() {
                return Err(ApiError::bad(format!("parameter `{k}` given twice")));
            }
        }
        Ok(Params(map))
    }

    /// A non-empty text parameter.
    fn text(&self, k: &str) -> Option<String> {
        self.0
            .get(k)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }

    fn int(&self, k: &str, min: i64, max: i64) -> Result<Option<i64>, ApiError> {
        match self.0.get(k) {
            None => Ok(None),
            Some(v) => match v.trim().parse::<i64>() {
                Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
                _ => Err(ApiError::bad(format!(
                    "`{k}` must be an integer from {min} to {max}, not {v:?}"
                ))),
            },
        }
    }

    fn day(&self, k: &str) -> Result<Option<i64>, ApiError> {
        match self.0.get(k) {
            None => Ok(None),
            Some(v) => parse_day(v.trim()).map(Some).ok_or_else(|| {
                ApiError::bad(format!("`{k}` must be a date YYYY-MM-DD, not {v:?}"))
            }),
        }
    }

    fn flag(&self, k: &str) -> Result<bool, ApiError> {
        match self.0.get(k).map(String::as_str) {
            None | Some("false" | "0") => Ok(false),
            Some("true" | "1" | "") => Ok(true),
            Some(v) => Err(ApiError::bad(format!(
                "`{k}` must be true or false, not {v:?}"
            ))),
        }
    }

    fn paging(&self) -> Result<Paging, ApiError> {
        Ok(Paging {
            offset: self.int("offset", 0, 1_000_000_000)?.unwrap_or(0),
            limit: self.int("limit", 1, MAX_LIMIT)?.unwrap_or(50),
        })
    }
}

fn id(raw: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| ApiError::bad(format!("id must be a positive integer, not {raw:?}")))
}

fn ok(v: Value) -> Response {
    Json(v).into_response()
}

fn found(what: &str, id: i64, v: Option<Value>) -> Result<Response, ApiError> {
    v.map(ok)
        .ok_or_else(|| ApiError::not_found(format!("no {what} with id {id}")))
}

fn json<T: serde::Serialize>(v: T) -> Result<Value, ApiError> {
    serde_json::to_value(v).map_err(|e| ApiError::internal(e.to_string()))
}

/// Every API route.
pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/api/stats", get(stats))
        .route("/api/articles", get(articles))
        .route("/api/articles/{id}", get(article))
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/incidents", get(incidents))
        .route("/api/incidents/{id}", get(incident))
        .route("/api/actors", get(actors))
        .route("/api/places", get(places))
        .route("/api/graph", get(graph))
        .route("/api/timeline", get(timeline))
        .route("/api/search", get(search))
        .route(
            "/openapi.json",
            get(|| async { ok(crate::openapi::document()) }),
        )
}

async fn stats(State(app): Shared, uri: Uri) -> Result<Response, ApiError> {
    Params::parse(&uri, &[])?;
    app.with(|s, _| Ok(ok(json(s.summary()?)?))).await
}

async fn articles(State(app): Shared, uri: Uri) -> Result<Response, ApiError> {
    let p = Params::parse(&uri, &["outlet", "offset", "limit"])?;
    let (outlet, page) = (p.text("outlet"), p.paging()?);
    app.with(move |s, _| Ok(ok(json(s.articles(outlet.as_deref(), page)?)?)))
        .await
}

async fn article(
    State(app): Shared,
    Path(raw): Path<String>,
    uri: Uri,
) -> Result<Response, ApiError> {
    Params::parse(&uri, &[])?;
    let id = id(&raw)?;
    app.with(move |s, _| found("article", id, s.article(id)?))
        .await
}

async fn events(State(app): Shared, uri: Uri) -> Result<Response, ApiError> {
    let p = Params::parse(
        &uri,
        &[
            "type", "actor", "place", "from", "to", "text", "article", "incident", "offset",
            "limit",
        ],
    )?;
    let f = EventFilter {
        etype: p.text("type"),
        actor: p.text("actor"),
        place: p.text("place"),
        from: p.day("from")?,
        to: p.day("to")?,
        text: p.text("text"),
        article: p.int("article", 1, i64::MAX)?,
        incident: p.int("incident", 1, i64::MAX)?,
    };
    if let (Some(a), Some(b)) = (f.from, f.to) {
        if a > b {
            return Err(ApiError::bad("`from` is after `to`"));
        }
    }
    let page = p.paging()?;
    app.with(move |s, _| Ok(ok(json(s.events(&f, page)?)?)))
        .await
}

async fn event(
    State(app): Shared,
    Path(raw): Path<String>,
    uri: Uri,
) -> Result<Response, ApiError> {
    Params::parse(&uri, &[])?;
    let id = id(&raw)?;
    app.with(move |s, _| found("event", id, s.event(id)?)).await
}

async fn incidents(State(app): Shared, uri: Uri) -> Result<Response, ApiError> {
    let p = Params::parse(
        &uri,
        &[
            "type",
            "place",
            "min_outlets",
            "disputed",
            "from",
            "to",
            "offset",
            "limit",
        ],
    )?;
    let f = IncidentFilter {
        etype: p.text("type"),
        place: p.text("place"),
        min_outlets: p.int("min_outlets", 1, 1000)?,
        disputed: p.flag("disputed")?,
        from: p.day("from")?,
        to: p.day("to")?,
    };
    let page = p.paging()?;
    app.with(move |s, _| Ok(ok(json(s.incidents(&f, page)?)?)))
        .await
}

async fn incident(
    State(app): Shared,
    Path(raw): Path<String>,
    uri: Uri,
) -> Result<Response, ApiError> {
    Params::parse(&uri, &[])?;
    let id = id(&raw)?;
    app.with(move |s, _| found("incident", id, s.incident(id)?))
        .await
}

async fn actors(State(app): Shared, uri: Uri) -> Result<Response, ApiError> {
    let p = Params::parse(&uri, &["name", "offset", "limit"])?;
    let (name, page) = (p.text("name"), p.paging()?);
    app.with(move |s, _| Ok(ok(json(s.actors(name.as_deref(), page)?)?)))
        .await
}

async fn places(State(app): Shared, uri: Uri) -> Result<Response, ApiError> {
    let p = Params::parse(&uri, &["name", "offset", "limit"])?;
    let (name, page) = (p.text("name"), p.paging()?);
    app.with(move |s, _| Ok(ok(json(s.places(name.as_deref(), page)?)?)))
        .await
}

async fn graph(State(app): Shared, uri: Uri) -> Result<Response, ApiError> {
    Params::parse(&uri, &[])?;
    app.with(|s, _| Ok(ok(s.graph()?))).await
}

async fn timeline(State(app): Shared, uri: Uri) -> Result<Response, ApiError> {
    Params::parse(&uri, &[])?;
    app.with(|s, _| Ok(ok(json!({"items": s.timeline()?}))))
        .await
}

async fn search(State(app): Shared, uri: Uri) -> Result<Response, ApiError> {
    let p = Params::parse(&uri, &["q", "offset", "limit"])?;
    let q = p
        .text("q")
        .ok_or_else(|| ApiError::bad("`q` (the words to find) is required"))?;
    if q.chars().count() > 500 {
        return Err(ApiError::bad("`q` is longer than 500 characters"));
    }
    let page = p.paging()?;
    if page.offset > 10_000 {
        return Err(ApiError::bad("`offset` of a search must be at most 10000"));
    }
    app.with(move |s, ix| {
        Ok(ok(ix.search(
            s,
            &q,
            page.offset as usize,
            page.limit as usize,
        )?))
    })
    .await
}
