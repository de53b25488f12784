//! The desk in a real browser: headless Chromium driven through chromedriver
//! (WebDriver over HTTP) against `rasd serve` on a seeded database. Skipped with a
//! notice when Debian's `chromium` or `chromedriver` is absent (`.ci/run` installs
//! them).

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::desk::{http, seeded_db, Server};

const CHROMIUM: &str = "/usr/bin/chromium";
const DRIVER: &str = "/usr/bin/chromedriver";

/// A chromedriver process and one browser session, ended when dropped.
struct Browser {
    driver: Child,
    addr: String,
    session: String,
}

impl Browser {
    fn start(profile: &Path) -> Browser {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(DRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let addr = format!("127.0.0.1:{port}");
        let start = Instant::now();
        while std::net::TcpStream::connect(&addr).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let caps = json!({"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000",
                     format!("--user-data-dir={}", profile.display())]
        }}}});
        let (status, body) = http(&addr, "POST", "/session", Some(&caps.to_string()));
        let v: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
        let session = v["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session ({status}): {body}"))
            .to_string();
        Browser {
            driver,
            addr,
            session,
        }
    }

    fn cmd(&self, method: &str, path: &str, body: Value) -> Value {
        let body = if method == "POST" {
            Some(body.to_string())
        } else {
            None
        };
        let (status, text) = http(
            &self.addr,
            method,
            &format!("/session/{}{path}", self.session),
            body.as_deref(),
        );
        let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        assert_eq!(status, 200, "{method} {path}: {text:.300}");
        v["value"].clone()
    }

    fn open(&self, url: &str) {
        self.cmd("POST", "/url", json!({"url": url}));
    }

    fn js(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            json!({"script": script, "args": []}),
        )
    }

    /// Wait until a script returns something truthy; return it.
    fn wait(&self, script: &str, what: &str) -> Value {
        let start = Instant::now();
        loop {
            let v = self.js(script);
            if !(v.is_null() || v == false || v == 0 || v == "") {
                return v;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "timed out waiting for {what}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn click(&self, css: &str) {
        let el = self.cmd(
            "POST",
            "/element",
            json!({"using": "css selector", "value": css}),
        );
        let id = el
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .expect("element id")
            .to_string();
        self.cmd("POST", &format!("/element/{id}/click"), json!({}));
    }

    fn screenshot(&self, path: &Path) {
        let b64 = self.cmd("GET", "/screenshot", Value::Null);
        std::fs::write(path, base64_decode(b64.as_str().unwrap())).unwrap();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = http(
            &self.addr,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        );
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = s
        .bytes()
        .filter(|c| c.is_ascii_alphanumeric() || *c == b'+' || *c == b'/')
        .collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for ch in clean.chunks(4) {
        let n = ch.iter().enumerate().fold(0u32, |acc, (i, c)| {
            acc | (u32::from(val(*c)) << (18 - 6 * i))
        });
        out.push((n >> 16) as u8);
        if ch.len() > 2 {
            out.push((n >> 8) as u8);
        }
        if ch.len() > 3 {
            out.push(n as u8);
        }
    }
    out
}

#[test]
fn desk_in_headless_chromium() {
    if !Path::new(CHROMIUM).exists() || !Path::new(DRIVER).exists() {
        eprintln!("notice: skipped, needs {CHROMIUM} and {DRIVER} (apt-get install chromium chromium-driver)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = seeded_db(dir.path());
    let server = Server::start(&db);
    let base = format!("http://{}", server.addr);
    let b = Browser::start(&dir.path().join("profile"));

    // The events table, then one event: its evidence sentence is highlighted in the article.
    b.open(&format!("{base}/#/events"));
    b.wait(
        "return document.querySelectorAll('#events-table tbody tr').length",
        "the events table",
    );
    let rows = b.js("return document.querySelectorAll('#events-table tbody tr').length");
    assert_eq!(rows, 4);
    let strike: i64 = {
        let (_, v) =
            server.json("/api/events?text=%D8%BA%D8%A7%D8%B1%D8%A9%20%D8%AC%D9%88%D9%8A%D8%A9"); // غارة جوية
        v["items"][0]["id"].as_i64().expect("the strike event")
    };
    b.click(&format!("#events-table tr[data-event=\"{strike}\"]"));
    let evidence = b.wait("return [...document.querySelectorAll('#article-body .evidence')].map(e => e.textContent).join('')", "the evidence");
    assert!(
        evidence
            .as_str()
            .unwrap()
            .contains("أسفرت عن مقتل 53 مهاجرا"),
        "evidence: {evidence}"
    );
    assert!(
        !evidence.as_str().unwrap().contains("وأدانت"),
        "only the evidence sentence is highlighted"
    );
    let trigger = b.js("const t = document.querySelector('#article-body .evidence.focus-trigger, #article-body .focus-trigger'); return t && t.textContent");
    assert_eq!(trigger, "غارة");
    let why =
        b.js("return document.querySelector('#article-body .focus-trigger').getAttribute('title')");
    assert!(
        why.as_str().unwrap().contains("lexicon:events/air.tsv:12"),
        "why on hover: {why}"
    );

    // The incident with two outlets' accounts side by side, disagreements marked.
    b.open(&format!("{base}/#/incidents"));
    b.wait(
        "return document.querySelectorAll('#incidents-table tbody tr').length",
        "the incidents table",
    );
    let inc = b.js("const r = [...document.querySelectorAll('#incidents-table tbody tr')].find(r => r.textContent.includes('toll')); return r && r.dataset.incident");
    b.click(&format!(
        "#incidents-table tr[data-incident=\"{}\"]",
        inc.as_str().expect("an incident with a toll disagreement")
    ));
    b.wait(
        "return document.querySelectorAll('#accounts .account').length >= 2",
        "the accounts",
    );
    let outlets = b.js("return [...document.querySelectorAll('#accounts .account h3')].map(h => h.textContent).join('|')");
    assert!(
        outlets.as_str().unwrap().contains("Outlet A")
            && outlets.as_str().unwrap().contains("Outlet B"),
        "{outlets}"
    );
    let marked = b.js("return document.querySelectorAll('#accounts dd.disagree').length");
    assert!(
        marked.as_i64().unwrap() >= 2,
        "disagreements marked: {marked}"
    );
    let kinds = b.js("return document.getElementById('disagreements').textContent");
    for k in ["toll", "perpetrator", "denial"] {
        assert!(
            kinds.as_str().unwrap().contains(k),
            "help: {k} not listed: {kinds}"
        );
    }
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("desk-incident.png");
    b.screenshot(&shot);
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "screenshot at {}",
        shot.display()
    );
    eprintln!("screenshot: {}", shot.display());

    // Markup in article text and title shows as text and never runs.
    let (_, arts) = server.json("/api/articles?limit=10");
    let c = arts["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["doc_id"] == "desk-c")
        .unwrap()["id"]
        .clone();
    b.open(&format!("{base}/#/article/{c}"));
    let body = b.wait(
        "const e = document.getElementById('article-body'); return e && e.textContent",
        "the article body",
    );
    assert!(
        body.as_str()
            .unwrap()
            .contains("<script>window.__pwned=1</script>"),
        "{body}"
    );
    assert!(body.as_str().unwrap().contains("<img src=x onerror="));
    let title = b.js("return document.getElementById('article-title').textContent");
    assert!(title.as_str().unwrap().starts_with("<script>"), "{title}");
    assert_eq!(
        b.js("return document.querySelectorAll('#main script, #main img').length"),
        0
    );
    assert_eq!(b.js("return window.__pwned === undefined"), true);

    // The other views render.
    for (view, sel) in [
        ("map", "#map .country"),
        ("timeline", "#timeline rect"),
        ("graph", "#graph .node"),
        ("search?q=%D8%BA%D8%A7%D8%B1%D8%A9", ".snippet mark"),
    ] {
        b.open(&format!("{base}/#/{view}"));
        b.wait(
            &format!("return document.querySelectorAll('{sel}').length"),
            view,
        );
    }
}
