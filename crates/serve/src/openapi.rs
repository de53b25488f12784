//! The OpenAPI 3.0 document of the API, served at `/openapi.json`.
//!
//! Written as data rather than derived with macros (utoipa would add a proc-macro
//! build for a dozen routes). The integration tests request every documented route
//! and check each answer against the schema named here, so the document and the
//! routes cannot drift apart silently.

use serde_json::{json, Map, Value};

fn param(name: &str, desc: &str, schema: Value) -> Value {
    json!({"name": name, "in": "query", "required": false, "description": desc, "schema": schema})
}

fn paging() -> Vec<Value> {
    vec![
        param(
            "offset",
            "Items to skip.",
            json!({"type": "integer", "minimum": 0, "default": 0}),
        ),
        param(
            "limit",
            "Items per page.",
            json!({"type": "integer", "minimum": 1, "maximum": 500, "default": 50}),
        ),
    ]
}

fn date(name: &str, desc: &str) -> Value {
    param(name, desc, json!({"type": "string", "format": "date"}))
}

fn text(name: &str, desc: &str) -> Value {
    param(name, desc, json!({"type": "string"}))
}

fn id_param() -> Value {
    json!({"name": "id", "in": "path", "required": true, "description": "Store id.", "schema": {"type": "integer", "minimum": 1}})
}

fn schema_ref(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

fn page_of(item: &str) -> Value {
    json!({"allOf": [schema_ref("Page"), {"type": "object", "properties": {"items": {"type": "array", "items": schema_ref(item)}}}]})
}

fn op(summary: &str, params: Vec<Value>, ok: Value, not_found: bool) -> Value {
    let mut responses = Map::new();
    responses.insert(
        "200".into(),
        json!({"description": "OK", "content": {"application/json": {"schema": ok}}}),
    );
    let err = json!({"content": {"application/json": {"schema": schema_ref("Error")}}});
    let mut bad = err.clone();
    bad["description"] = json!("A bad parameter (unknown name, wrong type, out of range).");
    responses.insert("400".into(), bad);
    if not_found {
        let mut nf = err;
        nf["description"] = json!("No record with that id.");
        responses.insert("404".into(), nf);
    }
    json!({"get": {"summary": summary, "parameters": params, "responses": responses}})
}

fn obj(required: &[&str], props: Value) -> Value {
    json!({"type": "object", "required": required, "properties": props})
}

/// The document.
pub fn document() -> Value {
    let nullable_str = json!({"type": "string", "nullable": true});
    let int = json!({"type": "integer"});
    let paths = json!({
        "/api/stats": op("Counts over the whole store.", vec![], schema_ref("Summary"), false),
        "/api/articles": op("Articles, newest first (no body).",
            [vec![text("outlet", "Only this outlet.")], paging()].concat(), page_of("ArticleHead"), false),
        "/api/articles/{id}": op("One article with every annotation layer (the `rasd extract` contract object).",
            vec![id_param()], schema_ref("Article"), true),
        "/api/events": op("Events, by date. Filters combine with AND.", [vec![
            text("type", "Event type (`air_drone_strike`) or family (`remote_violence`)."),
            text("actor", "Actor or target: ref key or words of its name."),
            text("place", "Place: ref key or words of its name."),
            date("from", "On or after this day."),
            date("to", "On or before this day."),
            text("text", "Words of the evidence sentence (folded: hamza, alef, taa marbuta, diacritics)."),
            param("article", "Events of one article.", json!({"type": "integer", "minimum": 1})),
            param("incident", "Events of one incident.", json!({"type": "integer", "minimum": 1})),
        ], paging()].concat(), page_of("Event"), false),
        "/api/events/{id}": op("One event.", vec![id_param()], schema_ref("Event"), true),
        "/api/incidents": op("Incidents, most outlets first.", [vec![
            text("type", "Type or family."),
            text("place", "Words of the place name."),
            param("min_outlets", "Reported by at least this many outlets.", json!({"type": "integer", "minimum": 1})),
            param("disputed", "Only incidents whose accounts disagree.", json!({"type": "boolean"})),
            date("from", "On or after this day."),
            date("to", "On or before this day."),
        ], paging()].concat(), page_of("Incident"), false),
        "/api/incidents/{id}": op("One incident with its accounts side by side.", vec![id_param()], schema_ref("IncidentDetail"), true),
        "/api/actors": op("People, organisations, armed groups and states, by mentions.",
            [vec![text("name", "Words of the name, or a ref key.")], paging()].concat(), page_of("Actor"), false),
        "/api/places": op("Places with coordinates, by events.",
            [vec![text("name", "Words of the name (Arabic or English), or a ref key.")], paging()].concat(), page_of("Place"), false),
        "/api/graph": op("The actor graph: who attacks, backs, accuses, meets whom.", vec![], schema_ref("Graph"), false),
        "/api/timeline": op("Events per day and family.", vec![], schema_ref("Timeline"), false),
        "/api/search": op("Full-text search over articles (all words must match).", [vec![
            json!({"name": "q", "in": "query", "required": true, "description": "Words to find.", "schema": {"type": "string", "maxLength": 500}}),
        ], paging()].concat(), schema_ref("SearchResult"), false),
    });
    let party = obj(
        &["key", "name"],
        json!({"key": {"type": "string"}, "name": {"type": "string"}, "name_en": nullable_str, "kind": nullable_str}),
    );
    let schemas = json!({
        "Error": obj(&["error", "status"], json!({"error": {"type": "string"}, "status": int})),
        "Page": obj(&["total", "offset", "limit", "items"], json!({"total": int, "offset": int, "limit": int, "items": {"type": "array", "items": {}}})),
        "Summary": obj(&["articles", "outlets", "entities", "claims", "events", "incidents", "multi_outlet_incidents", "disputed_incidents"],
            json!({"articles": int, "outlets": int, "entities": int, "claims": int, "events": int, "incidents": int, "multi_outlet_incidents": int, "disputed_incidents": int})),
        "ArticleHead": obj(&["id", "doc_id", "events"], json!({"id": int, "doc_id": {"type": "string"}, "outlet": nullable_str,
            "published": nullable_str, "url": nullable_str, "title": nullable_str, "events": int, "claims": int, "entities": int})),
        "Article": obj(&["key", "id", "body", "sentences", "entities", "refs", "times", "quantities", "claims", "events", "event_ids"],
            json!({"key": int, "id": {"type": "string"}, "outlet": nullable_str, "published": nullable_str, "url": nullable_str, "title": nullable_str,
                "body": {"type": "string", "description": "Cleaned text; every span counts code points into it."},
                "sentences": {"type": "array", "items": {"type": "array", "items": int}},
                "entities": {"type": "array", "items": {"type": "object"}}, "refs": {"type": "object"},
                "times": {"type": "array", "items": {"type": "object"}}, "quantities": {"type": "array", "items": {"type": "object"}},
                "claims": {"type": "array", "items": {"type": "object"}}, "events": {"type": "array", "items": {"type": "object"}},
                "event_ids": {"type": "object", "description": "Document event id (V1) → {id, incident} in the store."}})),
        "Party": party,
        "Event": obj(&["id", "article", "article_id", "type", "family", "trigger", "actors", "targets", "negated", "denied", "why"],
            json!({"id": int, "article": int, "article_id": {"type": "string"}, "vid": {"type": "string"}, "outlet": nullable_str,
                "published": nullable_str, "url": nullable_str, "title": nullable_str,
                "type": {"type": "string"}, "family": {"type": "string"}, "relation": {"type": "string"},
                "acled_event_type": {"type": "string"}, "acled_sub_event_type": {"type": "string"},
                "trigger": {"type": "object"}, "actors": {"type": "array", "items": schema_ref("Party")},
                "targets": {"type": "array", "items": schema_ref("Party")}, "place": {"type": "object", "nullable": true},
                "time": {"type": "object", "nullable": true}, "fatalities": {"type": "object", "nullable": true},
                "injuries": {"type": "object", "nullable": true}, "claim": {"type": "object", "nullable": true},
                "negated": {"type": "boolean"}, "denied": {"type": "boolean"}, "sentence": int,
                "evidence": {"type": "object", "nullable": true, "description": "The evidence sentence: start, end (code points) and text."},
                "incident": {"type": "integer", "nullable": true}, "why": {"type": "string"}})),
        "Incident": obj(&["id", "family", "type", "accounts", "articles", "outlets", "disagreements"],
            json!({"id": int, "family": {"type": "string"}, "type": {"type": "string"}, "accounts": {"type": "array", "items": int},
                "articles": int, "outlets": {"type": "array", "items": {"type": "string"}}, "place": {"type": "object", "nullable": true},
                "day_from": nullable_str, "day_to": nullable_str, "fatalities": {"type": "object", "nullable": true},
                "disagreements": {"type": "array", "items": schema_ref("Disagreement")}})),
        "IncidentDetail": {"allOf": [schema_ref("Incident"), obj(&["events"], json!({"events": {"type": "array", "items": schema_ref("Event")}}))]},
        "Disagreement": obj(&["kind", "positions", "why"], json!({"kind": {"type": "string", "enum": ["toll", "injuries", "perpetrator", "cause", "denial"]},
            "positions": {"type": "array", "items": obj(&["value", "accounts"], json!({"value": {"type": "string"}, "accounts": {"type": "array", "items": int}}))},
            "why": {"type": "string"}})),
        "Actor": obj(&["key", "name", "type", "mentions", "articles", "as_actor", "as_target"], json!({"key": {"type": "string"}, "name": {"type": "string"},
            "name_en": nullable_str, "type": {"type": "string"}, "mentions": int, "articles": int, "as_actor": int, "as_target": int})),
        "Place": obj(&["key", "name", "lat", "lon", "events"], json!({"key": {"type": "string"}, "name": {"type": "string"}, "name_en": nullable_str,
            "kind": {"type": "string"}, "country": nullable_str, "lat": {"type": "number"}, "lon": {"type": "number"}, "articles": int, "events": int})),
        "Graph": obj(&["nodes", "edges"], json!({
            "nodes": {"type": "array", "items": obj(&["key", "name", "degree"], json!({"key": {"type": "string"}, "name": {"type": "string"}, "degree": int}))},
            "edges": {"type": "array", "items": obj(&["source", "target", "relation", "count"], json!({"source": {"type": "string"}, "target": {"type": "string"},
                "relation": {"type": "string"}, "count": int, "types": {"type": "object"}, "events": {"type": "array", "items": int}}))}})),
        "Timeline": obj(&["items"], json!({"items": {"type": "array", "items": obj(&["day", "family", "events"], json!({"day": {"type": "string", "format": "date"},
            "family": {"type": "string"}, "events": int, "fatalities_max": {"type": "number", "nullable": true}, "incidents": int}))}})),
        "SearchResult": obj(&["total", "offset", "limit", "items"], json!({"total": int, "offset": int, "limit": int,
            "items": {"type": "array", "items": obj(&["id", "doc_id", "score", "snippet", "highlights"], json!({"id": int, "doc_id": {"type": "string"},
                "title": nullable_str, "outlet": nullable_str, "published": nullable_str, "score": {"type": "number"}, "snippet": {"type": "string"},
                "highlights": {"type": "array", "items": {"type": "array", "items": int}}}))}})),
    });
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "rasd desk API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Read-only access to a rasd store: articles with every annotation, events, incidents with their accounts side by side, actors, places, the actor graph, a timeline and full-text search. Every fact is a claim with a source and an evidence span. Errors are JSON {error, status}."
        },
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {"schemas": schemas},
    })
}
