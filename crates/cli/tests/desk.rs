//! The desk: `rasd ingest`, `search`, `export` and `serve` on real databases.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::{rasd, repo_path, run, run_ok};

/// The contract-shaped fixture: two outlets on one strike, one denying; markup text.
pub fn accounts() -> PathBuf {
    repo_path("crates/cli/tests/fixtures/desk/accounts.jsonl")
}

/// A database filled from the fixture (stored as extracted, no pipeline run).
pub fn seeded_db(dir: &Path) -> PathBuf {
    let db = dir.join("desk.db");
    let out = run(
        &[
            "ingest",
            "--from-extract",
            "-q",
            "--db",
            db.to_str().unwrap(),
            accounts().to_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "ingest failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

/// A running `rasd serve` on a free port, stopped when dropped.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
}

impl Server {
    /// Start serving a database and wait for the address line.
    pub fn start(db: &Path) -> Server {
        let mut child = rasd()
            .args([
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--db",
                db.to_str().unwrap(),
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn rasd serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        Server { child, addr }
    }

    /// GET a path: status and body.
    pub fn get(&self, path: &str) -> (u16, String) {
        http_get(&self.addr, path)
    }

    /// GET a path that answers JSON.
    pub fn json(&self, path: &str) -> (u16, Value) {
        let (status, body) = self.get(path);
        let v = serde_json::from_str(&body)
            .unwrap_or_else(|e| panic!("{path}: not JSON ({e}): {body:.200}"));
        (status, v)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A minimal HTTP/1.1 client (GET or POST with a JSON body), enough for our server
/// and chromedriver: `Connection: close`, body read to the end, chunked decoded.
pub fn http(addr: &str, method: &str, path: &str, body: Option<&str>) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap_or_else(|e| panic!("connect {addr}: {e}"));
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let body = body.unwrap_or("");
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).unwrap();
    // Read the head, then exactly the body its headers announce (a server may keep
    // the connection open whatever we ask).
    let mut raw = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    let split = loop {
        if let Some(p) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break p;
        }
        let n = s.read(&mut buf).expect("read head");
        assert!(n > 0, "connection closed before the head ended");
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let mut rest = raw[split + 4..].to_vec();
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("status");
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok());
    let chunked = head.contains("transfer-encoding: chunked");
    let complete = |b: &[u8]| match length {
        Some(n) => b.len() >= n,
        None if chunked => b.windows(5).any(|w| w == b"0\r\n\r\n"),
        None => false,
    };
    while !complete(&rest) && method != "HEAD" {
        let n = s.read(&mut buf).expect("read body");
        if n == 0 {
            break;
        }
        rest.extend_from_slice(&buf[..n]);
    }
    if chunked {
        let mut out = Vec::new();
        let mut at = 0;
        loop {
            let nl = rest[at..]
                .windows(2)
                .position(|w| w == b"\r\n")
                .expect("chunk size")
                + at;
            let size = usize::from_str_radix(String::from_utf8_lossy(&rest[at..nl]).trim(), 16)
                .expect("hex size");
            if size == 0 {
                break;
            }
            out.extend_from_slice(&rest[nl + 2..nl + 2 + size]);
            at = nl + 2 + size + 2;
        }
        rest = out;
    }
    (status, String::from_utf8_lossy(&rest).to_string())
}

/// GET.
pub fn http_get(addr: &str, path: &str) -> (u16, String) {
    http(addr, "GET", path, None)
}

fn sqlite(db: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(db).expect("open db")
}

#[test]
fn ingest_is_idempotent_and_groups_the_two_accounts() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded_db(dir.path());
    let again = run(
        &[
            "ingest",
            "--from-extract",
            "-q",
            "--db",
            db.to_str().unwrap(),
            accounts().to_str().unwrap(),
        ],
        None,
    );
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("0 articles added, 3 already stored"));
    let c = sqlite(&db);
    let n: i64 = c
        .query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 3);
    let (outlets, inc): (i64, String) = c
        .query_row(
            "SELECT n_outlets, inc FROM incidents WHERE type = 'air_drone_strike'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(outlets, 2);
    let inc: Value = serde_json::from_str(&inc).unwrap();
    let kinds: Vec<&str> = inc["disagreements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    for k in ["toll", "perpetrator", "denial"] {
        assert!(
            kinds.contains(&k),
            "help: missing {k} disagreement in {kinds:?}"
        );
    }
}

#[test]
fn search_finds_variants_of_the_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded_db(dir.path());
    // غارة تاجوراء: the first article says غارة, the second الغارة … تاجوراء.
    let out = run_ok(
        &[
            "search",
            "--db",
            db.to_str().unwrap(),
            "--json",
            "غارة تاجوراء",
        ],
        None,
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["doc_id"].as_str().unwrap())
        .collect();
    assert_eq!(v["total"], 2, "{v}");
    assert!(
        ids.contains(&"desk-a") && ids.contains(&"desk-b"),
        "{ids:?}"
    );
    let out = run(&["search", "--db", db.to_str().unwrap(), "الإمارات"], None);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("0 articles match"),
        "الإمارات is not in any text"
    );
}

/// A CSV reader (RFC 4180): quoted fields with doubled quotes and line breaks.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quote");
    rows
}

/// Check XML is well formed enough for a GraphML reader: tags balance, attributes
/// are quoted, no raw `<` or `&` in text.
fn check_xml(xml: &str) -> Vec<String> {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find('<') {
        let text = &rest[..i];
        assert!(!text.contains('>'), "stray > in text {text:?}");
        for (j, _) in text.match_indices('&') {
            let ent = &text[j..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                    .iter()
                    .any(|e| ent.starts_with(e)),
                "raw & in {text:?}"
            );
        }
        let end = rest[i..].find('>').expect("unclosed tag") + i;
        let tag = &rest[i + 1..end];
        if tag.starts_with('?') || tag.starts_with('!') {
        } else if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(
                stack.pop().as_deref(),
                Some(name.trim()),
                "mismatched </{name}>"
            );
        } else {
            let name = tag
                .split_whitespace()
                .next()
                .unwrap()
                .trim_end_matches('/')
                .to_string();
            assert_eq!(
                tag.matches('"').count() % 2,
                0,
                "unbalanced quotes in <{tag}>"
            );
            if !tag.ends_with('/') {
                stack.push(name);
            }
        }
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
    xml.match_indices("<node id=\"")
        .map(|(i, _)| xml[i + 10..].split('"').next().unwrap().to_string())
        .collect()
}

#[test]
fn exports_load_as_their_formats() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded_db(dir.path());
    let export = |f: &str| {
        let out = run(
            &["export", "--db", db.to_str().unwrap(), "--format", f],
            None,
        );
        assert!(
            out.status.success(),
            "export {f}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    // ACLED CSV: the header is ACLED's columns then rasd's; one row per event.
    let csv = String::from_utf8(export("acled-csv")).unwrap();
    let rows = parse_csv(&csv);
    let header = &rows[0];
    for col in [
        "event_id_cnty",
        "event_date",
        "year",
        "time_precision",
        "event_type",
        "sub_event_type",
        "actor1",
        "assoc_actor_1",
        "actor2",
        "assoc_actor_2",
        "interaction",
        "country",
        "admin1",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "source",
        "source_scale",
        "notes",
        "fatalities",
        "claim",
        "speaker",
        "outlet",
        "evidence",
        "url",
        "incident",
    ] {
        assert!(
            header.iter().any(|h| h == col),
            "help: column {col} missing from {header:?}"
        );
    }
    assert_eq!(rows.len(), 1 + 4, "one row per event");
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for r in &rows[1..] {
        assert_eq!(r.len(), header.len(), "ragged row {r:?}");
    }
    let a = rows
        .iter()
        .find(|r| r[col("fatalities")] == "53")
        .expect("the 53 row");
    assert_eq!(a[col("sub_event_type")], "Air/drone strike");
    assert_eq!(a[col("event_type")], "Explosions/Remote violence");
    assert_eq!(a[col("event_date")], "2019-07-02");
    assert_eq!(a[col("location")], "Tajoura");
    assert_eq!(a[col("outlet")], "Outlet A");
    assert!(a[col("evidence")].contains("غارة"));
    assert!(rows.iter().any(|r| r[col("stance")] == "denied"));
    // GeoJSON: a FeatureCollection of points in range.
    let g: Value = serde_json::from_slice(&export("geojson")).unwrap();
    assert_eq!(g["type"], "FeatureCollection");
    let feats = g["features"].as_array().unwrap();
    assert_eq!(feats.len(), 4);
    for f in feats {
        assert_eq!(f["type"], "Feature");
        assert_eq!(f["geometry"]["type"], "Point");
        let c = f["geometry"]["coordinates"].as_array().unwrap();
        let (lon, lat) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
        assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
        assert!(f["properties"].is_object());
    }
    // GraphML: well formed; every edge joins declared nodes.
    let xml = String::from_utf8(export("graphml")).unwrap();
    let nodes = check_xml(&xml);
    assert!(xml.contains("<graphml") && xml.contains("edgedefault=\"directed\""));
    for (i, _) in xml.match_indices("<edge ") {
        for attr in ["source=\"", "target=\""] {
            let at = xml[i..].find(attr).unwrap() + i + attr.len();
            let id = xml[at..].split('"').next().unwrap();
            assert!(
                nodes.iter().any(|n| n == id),
                "edge to undeclared node {id}"
            );
        }
    }
    assert!(
        xml.contains("relation\">attacks"),
        "the strike draws an attacks edge"
    );
    // JSON Lines: one event per line.
    assert_eq!(crate::util::json_lines(&export("jsonl")).len(), 4);
    // Parquet: framed; read back by pyarrow when it is installed.
    let pq = dir.path().join("events.parquet");
    let out = run(
        &[
            "export",
            "--db",
            db.to_str().unwrap(),
            "--format",
            "parquet",
            "-o",
            pq.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success());
    let bytes = std::fs::read(&pq).unwrap();
    assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    let script = "import sys, pyarrow.parquet as pq; t = pq.read_table(sys.argv[1]); \
                  print(t.num_rows, sorted(t.column('fatalities').to_pylist(), key=lambda x: (x is None, x))[:2], t.column('outlet').to_pylist()[0])";
    match Command::new("python3")
        .args(["-c", script, pq.to_str().unwrap()])
        .output()
    {
        Ok(o) if o.status.success() => {
            let s = String::from_utf8_lossy(&o.stdout);
            assert!(s.starts_with("4 [40.0, 53.0] Outlet A"), "pyarrow read {s}");
        }
        _ => eprintln!("notice: pyarrow not installed; parquet checked for framing only"),
    }
}

/// Resolve `$ref`s and `allOf` into one schema.
fn resolve(doc: &Value, s: &Value) -> Value {
    if let Some(r) = s["$ref"].as_str() {
        let name = r.rsplit('/').next().unwrap();
        let target = &doc["components"]["schemas"][name];
        assert!(!target.is_null(), "dangling $ref {r}");
        return resolve(doc, target);
    }
    if let Some(all) = s["allOf"].as_array() {
        let mut out = serde_json::json!({"type": "object", "required": [], "properties": {}});
        for part in all {
            let p = resolve(doc, part);
            for r in p["required"].as_array().into_iter().flatten() {
                out["required"].as_array_mut().unwrap().push(r.clone());
            }
            for (k, v) in p["properties"].as_object().into_iter().flatten() {
                out["properties"][k] = v.clone();
            }
        }
        return out;
    }
    s.clone()
}

/// Check a value against a schema (types, nullable, required, properties, items).
fn validate(doc: &Value, schema: &Value, v: &Value, at: &str) {
    let s = resolve(doc, schema);
    if v.is_null() {
        assert!(
            s["nullable"] == true || s.get("type").is_none(),
            "{at}: null where {s} is not nullable"
        );
        return;
    }
    match s["type"].as_str() {
        Some("object") => assert!(v.is_object(), "{at}: not an object: {v:.100}"),
        Some("array") => assert!(v.is_array(), "{at}: not an array"),
        Some("string") => assert!(v.is_string(), "{at}: not a string: {v}"),
        Some("integer") => assert!(v.is_i64() || v.is_u64(), "{at}: not an integer: {v}"),
        Some("number") => assert!(v.is_number(), "{at}: not a number: {v}"),
        Some("boolean") => assert!(v.is_boolean(), "{at}: not a boolean: {v}"),
        _ => {}
    }
    for r in s["required"].as_array().into_iter().flatten() {
        let k = r.as_str().unwrap();
        assert!(v.get(k).is_some(), "{at}: required property `{k}` missing");
    }
    for (k, ps) in s["properties"].as_object().into_iter().flatten() {
        if let Some(x) = v.get(k) {
            validate(doc, ps, x, &format!("{at}.{k}"));
        }
    }
    if let (Some(items), Some(arr)) = (s.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate().take(20) {
            validate(doc, items, x, &format!("{at}[{i}]"));
        }
    }
}

#[test]
fn every_documented_route_answers_as_documented() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded_db(dir.path());
    let server = Server::start(&db);
    let (status, doc) = server.json("/openapi.json");
    assert_eq!(status, 200);
    // Structure of an OpenAPI 3.0 document.
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.0."));
    assert!(doc["info"]["title"].is_string() && doc["info"]["version"].is_string());
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 12, "{}", paths.len());
    let text = doc.to_string();
    for (i, _) in text.match_indices("\"$ref\":\"") {
        let r = text[i + 8..].split('"').next().unwrap();
        let name = r
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("non-local $ref {r}"));
        assert!(
            doc["components"]["schemas"].get(name).is_some(),
            "dangling $ref {r}"
        );
    }
    if let Ok(o) = Command::new("openapi-spec-validator")
        .arg("--help")
        .output()
    {
        if o.status.success() {
            let f = dir.path().join("openapi.json");
            std::fs::write(&f, doc.to_string()).unwrap();
            let v = Command::new("openapi-spec-validator")
                .arg(&f)
                .output()
                .unwrap();
            assert!(
                v.status.success(),
                "openapi-spec-validator: {}{}",
                String::from_utf8_lossy(&v.stdout),
                String::from_utf8_lossy(&v.stderr)
            );
        }
    } else {
        eprintln!("notice: openapi-spec-validator not installed; structural checks only");
    }
    // Real ids for path parameters.
    let (_, events) = server.json("/api/events?limit=1");
    let (_, incidents) = server.json("/api/incidents?limit=1");
    let (_, articles) = server.json("/api/articles?limit=1");
    let id_for = |path: &str| -> String {
        let page = if path.contains("events") {
            &events
        } else if path.contains("incidents") {
            &incidents
        } else {
            &articles
        };
        page["items"][0]["id"].to_string()
    };
    for (path, item) in paths {
        let get = &item["get"];
        assert!(get["summary"].is_string(), "{path}: no summary");
        let mut url = if path.contains("{id}") {
            path.replace("{id}", &id_for(path))
        } else {
            path.clone()
        };
        let required: Vec<&Value> = get["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["required"] == true && p["in"] == "query")
            .collect();
        if !required.is_empty() {
            url.push_str("?q=%D8%BA%D8%A7%D8%B1%D8%A9");
        }
        let (status, v) = server.json(&url);
        assert_eq!(status, 200, "{url}: {v}");
        validate(
            &doc,
            &get["responses"]["200"]["content"]["application/json"]["schema"],
            &v,
            &url,
        );
        // A bad parameter answers 400 with the Error schema.
        assert!(
            get["responses"]["400"].is_object(),
            "{path}: 400 undocumented"
        );
        let sep = if url.contains('?') { '&' } else { '?' };
        let (status, e) = server.json(&format!("{url}{sep}bogus=1"));
        assert_eq!(status, 400, "{url}: unknown parameter accepted");
        validate(
            &doc,
            &get["responses"]["400"]["content"]["application/json"]["schema"],
            &e,
            &url,
        );
        if get["responses"]["404"].is_object() {
            let (status, e) = server.json(&path.replace("{id}", "987654"));
            assert_eq!(status, 404, "{path}");
            assert!(e["error"].as_str().unwrap().contains("987654"));
        }
    }
    // Clear 4xx for bad values, and no panics on odd input.
    let cases = [
        ("/api/events?limit=0", 400, "limit"),
        ("/api/events?limit=abc", 400, "limit"),
        ("/api/events?from=2019-13-01", 400, "from"),
        ("/api/events?from=2019-08-01&to=2019-07-01", 400, "after"),
        ("/api/events?type=%ZZ", 400, "percent"),
        ("/api/incidents?disputed=maybe", 400, "disputed"),
        ("/api/articles/abc", 400, "id"),
        ("/api/articles/-1", 400, "id"),
        ("/api/search", 400, "q"),
        ("/api/nope", 404, "route"),
    ];
    for (url, want, word) in cases {
        let (status, e) = server.json(url);
        assert_eq!(status, want, "help: {url} → {e}");
        assert!(
            e["error"].as_str().unwrap().contains(word),
            "help: {url}: message {e} should name {word}"
        );
    }
    let long = format!("/api/events?text={}", "a".repeat(5000));
    assert_eq!(server.get(&long).0, 414);
    assert_eq!(http(&server.addr, "POST", "/api/events", Some("{}")).0, 405);
    // Filters narrow.
    let (_, v) = server.json("/api/events?type=remote_violence&from=2019-07-01&to=2019-07-31");
    assert_eq!(v["total"], 3, "{v}");
    let (_, v) = server.json("/api/events?actor=lna");
    assert_eq!(v["total"], 2);
    let (_, v) = server.json("/api/events?text=%D8%A7%D9%84%D8%BA%D8%A7%D8%B1%D8%A9"); // الغارة
    assert_eq!(
        v["total"], 2,
        "both events of the sentence that says الغارة"
    );
    let (_, v) = server.json("/api/incidents?min_outlets=2");
    assert_eq!(v["total"], 1);
    assert_eq!(v["items"][0]["outlets"].as_array().unwrap().len(), 2);
}

/// Write many raw articles (seed texts under fresh ids) for the kill test.
fn big_input(dir: &Path, n: usize) -> PathBuf {
    let seeds = std::fs::read_to_string(repo_path("corpus/seeds.jsonl")).unwrap();
    let seeds: Vec<Value> = seeds
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let path = dir.join("big.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..n {
        let mut v = seeds[i % seeds.len()].clone();
        v["id"] = Value::String(format!("big-{i:05}"));
        writeln!(f, "{v}").unwrap();
    }
    f.flush().unwrap();
    path
}

#[test]
fn sigkill_mid_ingest_leaves_an_intact_db_and_the_rerun_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let n = 240;
    let input = big_input(dir.path(), n);
    let db = dir.path().join("kill.db");
    let args = [
        "ingest",
        "-q",
        "--batch",
        "4",
        "-j",
        "2",
        "--db",
        db.to_str().unwrap(),
        input.to_str().unwrap(),
    ];
    let mut child = rasd()
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill once some batches are committed and before the end.
    let start = Instant::now();
    let mut stored = 0;
    while start.elapsed() < Duration::from_secs(300) {
        std::thread::sleep(Duration::from_millis(30));
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        if db.exists() {
            if let Ok(c) = rusqlite::Connection::open(&db) {
                stored = c
                    .query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0))
                    .unwrap_or(0);
                if stored >= 8 {
                    break;
                }
            }
        }
    }
    let _ = child.kill(); // SIGKILL on Unix
    child.wait().unwrap();
    assert!(
        stored > 0 && (stored as usize) < n,
        "help: the kill should land mid-run (stored {stored} of {n})"
    );
    let c = rusqlite::Connection::open(&db).unwrap();
    let check: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    drop(c);
    let out = run(&args, None);
    assert!(
        out.status.success(),
        "rerun: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let c = rusqlite::Connection::open(&db).unwrap();
    let check: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let (total, ids, hashes): (i64, i64, i64) = c
        .query_row(
            "SELECT COUNT(*), COUNT(DISTINCT doc_id), COUNT(DISTINCT hash) FROM articles",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (total, ids, hashes),
        (n as i64, n as i64, n as i64),
        "every article once"
    );
    let dirty: String = c
        .query_row(
            "SELECT value FROM meta WHERE key = 'incidents_dirty'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(dirty, "0", "incidents recomputed by the rerun");
    let orphans: i64 = c
        .query_row(
            "SELECT COUNT(*) FROM events WHERE article NOT IN (SELECT id FROM articles)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
    // The search index caught up too.
    let out = run(
        &[
            "search",
            "--db",
            db.to_str().unwrap(),
            "--json",
            "-n",
            "1",
            "حفتر",
        ],
        None,
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v["total"].as_u64().unwrap() >= (n as u64) / 2,
        "{}",
        v["total"]
    );
}

#[test]
fn demo_ingests_the_bundled_seeds_and_summarises() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let out = run_ok(&["demo", "--no-serve", "--db", db.to_str().unwrap()], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("5 articles added now"), "{text}");
    assert!(text.contains("events by type:"), "{text}");
    let again = run(&["demo", "--no-serve", "--db", db.to_str().unwrap()], None);
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("0 articles added now, 5 already there")
    );
}
