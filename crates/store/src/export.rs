//! Exports analysts already use: ACLED-style CSV (pandas, R, Excel), GeoJSON (QGIS),
//! GraphML (Gephi), JSON Lines, and Parquet.
//!
//! Every format writes one record per event (GraphML: the actor graph). The CSV keeps
//! ACLED's column names and order, then adds rasd's own columns — who says so
//! (`claim`, `speaker`, `outlet`), the `evidence` sentence, the `url` and the
//! `incident` — because in rasd every row is a claim, not a fact. Unknown values are
//! left empty, never guessed (ACLED writes 0 for an unknown toll; rasd does not).

use std::io::Write;

use serde_json::{json, Value};

use crate::{parquet, Result, Store};

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// ACLED columns plus rasd's, one row per event.
    AcledCsv,
    /// A FeatureCollection of event points.
    GeoJson,
    /// The actor graph.
    GraphMl,
    /// One API event object per line.
    JsonLines,
    /// The CSV's columns as a Parquet file.
    Parquet,
}

impl Format {
    /// Every format with its name.
    pub const ALL: [(&'static str, Format); 5] = [
        ("acled-csv", Format::AcledCsv),
        ("geojson", Format::GeoJson),
        ("graphml", Format::GraphMl),
        ("jsonl", Format::JsonLines),
        ("parquet", Format::Parquet),
    ];

    /// The format of a name.
    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.iter().find(|(n, _)| *n == s).map(|(_, f)| *f)
    }
}

/// The CSV's columns: ACLED's, in ACLED's order, then rasd's.
pub const ACLED_COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
    // rasd's own
    "rasd_type",
    "injuries",
    "claim",
    "stance",
    "speaker",
    "via",
    "outlet",
    "published",
    "evidence",
    "url",
    "article_id",
    "event",
    "incident",
    "why",
];

/// Write every event (or the graph) in a format.
pub fn write(store: &Store, format: Format, out: &mut dyn Write) -> Result<usize> {
    match format {
        Format::AcledCsv => acled_csv(store, out),
        Format::GeoJson => geojson(store, out),
        Format::GraphMl => graphml(store, out),
        Format::JsonLines => jsonl(store, out),
        Format::Parquet => {
            let mut rows = Vec::new();
            store.each_event(|v| {
                rows.push(acled_row(&v));
                Ok(())
            })?;
            let cols: Vec<(&str, parquet::Kind)> =
                ACLED_COLUMNS.iter().map(|c| (*c, column_kind(c))).collect();
            parquet::write(out, &cols, &rows)?;
            Ok(rows.len())
        }
    }
}

/// The Parquet type of a CSV column: numbers where ACLED has numbers.
fn column_kind(c: &str) -> parquet::Kind {
    match c {
        "latitude" | "longitude" | "fatalities" | "injuries" => parquet::Kind::Double,
        "year" | "time_precision" | "geo_precision" | "incident" => parquet::Kind::Int64,
        _ => parquet::Kind::Text,
    }
}

fn s(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn names(v: &Value) -> Vec<String> {
    v.as_array().map_or_else(Vec::new, |a| {
        a.iter()
            .map(|p| {
                p["name_en"]
                    .as_str()
                    .or(p["name"].as_str())
                    .unwrap_or("")
                    .to_string()
            })
            .collect()
    })
}

/// ACLED's time precision: 1 a day, 2 a week or a few days, 3 a month or coarser.
fn time_precision(grain: Option<&str>) -> &'static str {
    match grain {
        Some("second" | "minute" | "hour" | "day") => "1",
        Some("week") => "2",
        Some(_) => "3",
        None => "",
    }
}

/// ACLED's geo precision: 1 a town or finer, 3 a region or country.
fn geo_precision(place: &Value) -> &'static str {
    if place["lat"].is_null() {
        ""
    } else if matches!(place["kind"].as_str(), Some("state" | "country" | "region")) {
        "3"
    } else {
        "1"
    }
}

/// One event as the CSV's row, column for column with [`ACLED_COLUMNS`].
pub fn acled_row(v: &Value) -> Vec<String> {
    let actors = names(&v["actors"]);
    let targets = names(&v["targets"]);
    let place = &v["place"];
    let date = v["time"]["value"]
        .as_str()
        .filter(|t| t.len() >= 10)
        .map(|t| t[..10].to_string());
    let year = v["time"]["value"]
        .as_str()
        .and_then(|t| t.get(..4))
        .unwrap_or("")
        .to_string();
    let country = s(&place["country"]);
    let speaker = v["claim"]["speaker"]["text"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let stance = if v["denied"].as_bool() == Some(true) {
        "denied"
    } else {
        "asserted"
    };
    let fat = v["fatalities"]["value"]
        .as_f64()
        .map(|f| format!("{f}"))
        .unwrap_or_default();
    let sub = match v["acled_sub_event_type"].as_str() {
        Some(x) if !x.is_empty() => x.to_string(),
        _ => s(&v["type"]),
    };
    let mut notes = sub.clone();
    if let Some(p) = place["name"].as_str() {
        notes.push_str(&format!(" in {p}"));
    }
    if !fat.is_empty() {
        notes.push_str(&format!("; {fat} killed"));
    }
    if !speaker.is_empty() {
        notes.push_str(&format!("; according to {speaker}"));
    }
    let row = [
        format!(
            "{}{}",
            if country.is_empty() {
                "XX".to_string()
            } else {
                country.clone()
            },
            s(&v["id"])
        ),
        date.unwrap_or_default(),
        year,
        time_precision(v["time"]["grain"].as_str()).to_string(),
        String::new(),
        s(&v["acled_event_type"]),
        sub,
        actors.first().cloned().unwrap_or_default(),
        actors.get(1..).map(|a| a.join("; ")).unwrap_or_default(),
        String::new(),
        targets.first().cloned().unwrap_or_default(),
        targets.get(1..).map(|a| a.join("; ")).unwrap_or_default(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        country,
        s(&place["admin1"]),
        String::new(),
        String::new(),
        place["name_en"]
            .as_str()
            .or(place["name"].as_str())
            .unwrap_or("")
            .to_string(),
        s(&place["lat"]),
        s(&place["lon"]),
        geo_precision(place).to_string(),
        s(&v["outlet"]),
        String::new(),
        notes,
        fat,
        String::new(),
        String::new(),
        s(&v["type"]),
        v["injuries"]["value"]
            .as_f64()
            .map(|f| format!("{f}"))
            .unwrap_or_default(),
        s(&v["claim"]["id"]),
        stance.to_string(),
        speaker,
        v["claim"]["via"]["text"].as_str().unwrap_or("").to_string(),
        s(&v["outlet"]),
        s(&v["published"]),
        s(&v["evidence"]["text"]),
        s(&v["url"]),
        s(&v["article_id"]),
        s(&v["vid"]),
        s(&v["incident"]),
        s(&v["why"]),
    ];
    row.to_vec()
}

/// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
fn csv_field(f: &str) -> String {
    if f.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.to_string()
    }
}

fn acled_csv(store: &Store, out: &mut dyn Write) -> Result<usize> {
    writeln!(out, "{}", ACLED_COLUMNS.join(","))?;
    let mut n = 0;
    store.each_event(|v| {
        let row: Vec<String> = acled_row(&v).iter().map(|f| csv_field(f)).collect();
        writeln!(out, "{}", row.join(","))?;
        n += 1;
        Ok(())
    })?;
    Ok(n)
}

fn geojson(store: &Store, out: &mut dyn Write) -> Result<usize> {
    out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")?;
    let mut n = 0;
    store.each_event(|v| {
        let (Some(lat), Some(lon)) = (v["place"]["lat"].as_f64(), v["place"]["lon"].as_f64()) else { return Ok(()) };
        let f = json!({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {
                "id": v["id"], "type": v["type"], "date": v["time"]["value"], "place": v["place"]["name"],
                "fatalities": v["fatalities"]["value"], "outlet": v["outlet"], "speaker": v["claim"]["speaker"]["text"],
                "denied": v["denied"], "incident": v["incident"], "article_id": v["article_id"],
                "evidence": v["evidence"]["text"], "why": v["why"],
            }
        });
        if n > 0 {
            out.write_all(b",\n")?;
        }
        serde_json::to_writer(&mut *out, &f).map_err(std::io::Error::from)?;
        n += 1;
        Ok(())
    })?;
    out.write_all(b"\n]}\n")?;
    Ok(n)
}

fn jsonl(store: &Store, out: &mut dyn Write) -> Result<usize> {
    let mut n = 0;
    store.each_event(|v| {
        serde_json::to_writer(&mut *out, &v).map_err(std::io::Error::from)?;
        out.write_all(b"\n")?;
        n += 1;
        Ok(())
    })?;
    Ok(n)
}

/// Escape text for XML content and attribute values; characters XML 1.0 forbids
/// (most C0 controls) are dropped.
pub fn xml_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            '\t' | '\n' | '\r' => o.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => o.push(c),
        }
    }
    o
}

fn graphml(store: &Store, out: &mut dyn Write) -> Result<usize> {
    let g = store.graph()?;
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (id, on, name, ty) in [
        ("name", "node", "name", "string"),
        ("degree", "node", "degree", "int"),
        ("relation", "edge", "relation", "string"),
        ("types", "edge", "types", "string"),
        ("weight", "edge", "weight", "int"),
        ("events", "edge", "events", "string"),
    ] {
        writeln!(
            out,
            r#"  <key id="{id}" for="{on}" attr.name="{name}" attr.type="{ty}"/>"#
        )?;
    }
    writeln!(out, r#"  <graph id="actors" edgedefault="directed">"#)?;
    let empty = Vec::new();
    for n in g["nodes"].as_array().unwrap_or(&empty) {
        writeln!(
            out,
            r#"    <node id="{}"><data key="name">{}</data><data key="degree">{}</data></node>"#,
            xml_escape(&s(&n["key"])),
            xml_escape(&s(&n["name"])),
            s(&n["degree"])
        )?;
    }
    let edges = g["edges"].as_array().unwrap_or(&empty);
    for (i, e) in edges.iter().enumerate() {
        let types: Vec<String> = e["types"].as_object().map_or_else(Vec::new, |m| {
            m.iter().map(|(k, v)| format!("{k}:{v}")).collect()
        });
        let events: Vec<String> = e["events"]
            .as_array()
            .map_or_else(Vec::new, |a| a.iter().map(s).collect());
        writeln!(
            out,
            r#"    <edge id="e{i}" source="{}" target="{}"><data key="relation">{}</data><data key="types">{}</data><data key="weight">{}</data><data key="events">{}</data></edge>"#,
            xml_escape(&s(&e["source"])),
            xml_escape(&s(&e["target"])),
            xml_escape(&s(&e["relation"])),
            xml_escape(&types.join(" ")),
            s(&e["count"]),
            events.join(" ")
        )?;
    }
    writeln!(out, "  </graph>\n</graphml>")?;
    Ok(edges.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv_field("a"), "a");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"x\"\n"), "\"say \"\"x\"\"\n\"");
    }

    #[test]
    fn xml_escapes_markup_and_drops_controls() {
        assert_eq!(
            xml_escape("<script>&\"'\u{1}"),
            "&lt;script&gt;&amp;&quot;&apos;"
        );
    }

    #[test]
    fn row_has_every_column() {
        let v = json!({"id": 7, "type": "air_drone_strike", "acled_sub_event_type": "Air/drone strike",
            "place": {"name": "تاجوراء", "country": "LY", "lat": 32.8, "lon": 13.3, "kind": "place"},
            "time": {"value": "2019-07-02", "grain": "day"}, "fatalities": {"value": 53, "approx": "more_than"}});
        let row = acled_row(&v);
        assert_eq!(row.len(), ACLED_COLUMNS.len());
        assert_eq!(row[0], "LY7");
        assert_eq!(row[1], "2019-07-02");
        assert_eq!(row[3], "1");
        assert_eq!(row[6], "Air/drone strike");
        assert_eq!(row[28], "53");
    }
}
