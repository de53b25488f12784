//! `rasd serve` under abuse: a few thousand malformed requests on loopback, bounded in
//! count and time. The server answers each with a 4xx (or closes a connection that is
//! not HTTP), never a 5xx other than a timeout, never dies, and still serves good
//! requests afterwards; a stalled client is cut off.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::desk::{http_get, seeded_db, Server};

/// Send raw bytes, return the status code of the answer (None when the server closed
/// the connection without one, which is fine for garbage). `half_close` shuts the
/// write side after sending, so that an incomplete request ends at once instead of
/// waiting for the idle timeout; a complete request is sent without it, because an
/// HTTP/1 server may drop a connection whose client has hung up before it answered.
fn raw(addr: &str, bytes: &[u8], half_close: bool) -> Option<u16> {
    let mut s = TcpStream::connect(addr).expect("the server accepts connections");
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s.set_write_timeout(Some(Duration::from_secs(20))).unwrap();
    let _ = s.write_all(bytes);
    if half_close {
        let _ = s.shutdown(std::net::Shutdown::Write);
    }
    let mut buf = Vec::new();
    let _ = s.take(64 * 1024).read_to_end(&mut buf);
    let head = String::from_utf8_lossy(&buf);
    head.strip_prefix("HTTP/1.1 ")
        .or_else(|| head.strip_prefix("HTTP/1.0 "))?
        .get(..3)?
        .parse()
        .ok()
}

/// A deterministic pseudo-random generator, so a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() as usize) % xs.len()]
    }
}

const PATHS: &[&str] = &[
    "/api/events",
    "/api/events/",
    "/api/incidents",
    "/api/articles",
    "/api/actors",
    "/api/places",
    "/api/search",
    "/api/events/1",
    "/api/incidents/1",
    "/api/articles/x",
    "/api/graph",
    "/api/timeline",
    "/openapi.json",
    "/",
    "/static/../../etc/passwd",
    "/api/%",
    "/api/%ZZ",
    "/api/events/%00",
    "/api//events",
    "/api/events/999999999999999999999999",
];
const PARAMS: &[&str] = &[
    "limit=-1",
    "limit=abc",
    "limit=99999999999999999999",
    "offset=-5",
    "from=2019-13-45",
    "to=yesterday",
    "from=2020-01-01&to=2019-01-01",
    "type=%FF%FE",
    "q=",
    "q=%",
    "text=%E0%A4",
    "actor=%00",
    "place=<script>",
    "limit=1&limit=2",
    "min_outlets=x",
    "page=NaN",
    "=",
    "&&&",
    "q=غارة",
    "type=air_drone_strike",
    "limit=1e9",
    "offset=1.5",
];

#[test]
fn thousands_of_malformed_requests() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded_db(dir.path());
    let server = Server::start(&db);
    let addr = server.addr.clone();
    let start = Instant::now();
    let mut rng = Lcg(0x5eed);
    let mut answered = 0;
    let mut well_formed = 0;
    let n = 3000;
    for i in 0..n {
        let req: Vec<u8> = match i % 10 {
            // Bad parameters on real routes.
            0..=3 => format!(
                "GET {}?{} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                rng.pick(PATHS),
                rng.pick(PARAMS)
            )
            .into_bytes(),
            // Methods the desk does not serve, with and without bodies.
            4 => format!(
                "{} {} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello",
                rng.pick(&["POST", "PUT", "DELETE", "PATCH", "TRACE", "BREW"]),
                rng.pick(PATHS)
            )
            .into_bytes(),
            // Oversized URI and header.
            5 => format!(
                "GET /api/events?q={} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "ا".repeat(4000)
            )
            .into_bytes(),
            6 => format!(
                "GET /api/events HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
                "a".repeat(100_000)
            )
            .into_bytes(),
            // Broken request lines and garbage.
            7 => rng
                .pick(&[
                    "GET\r\n\r\n",
                    "GET / HTTP/9.9\r\n\r\n",
                    "\r\n\r\n",
                    "GET /api/events HTTP/1.1\r\nHost\r\n\r\n",
                ])
                .as_bytes()
                .to_vec(),
            8 => (0..(rng.next() % 512)).map(|_| rng.next() as u8).collect(),
            // A body larger than any cap, announced and sent.
            _ => {
                let mut v = b"POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\nConnection: close\r\n\r\n".to_vec();
                v.extend(std::iter::repeat_n(b'{', 2_000_000));
                v
            }
        };
        // Requests with a complete, parseable head must all be answered.
        let complete = i % 10 <= 6;
        well_formed += usize::from(complete);
        let status = raw(&addr, &req, !complete);
        if complete && status.is_some() {
            answered += 1;
        }
        if let Some(status) = status {
            assert!(
                (200..500).contains(&status) || status == 503,
                "request {i} got {status}: {:.200}",
                String::from_utf8_lossy(&req)
            );
        }
        assert!(
            start.elapsed() < Duration::from_secs(600),
            "3000 requests took over 10 minutes"
        );
    }
    assert_eq!(
        answered, well_formed,
        "every request with a complete head gets an HTTP answer"
    );
    // Still alive and correct.
    let (status, body) = http_get(&addr, "/api/events?limit=1");
    assert_eq!(status, 200, "{body:.200}");

    // A client that sends half a request and stalls is cut off by the server.
    let mut s = TcpStream::connect(&addr).unwrap();
    s.write_all(b"GET /api/events HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let t = Instant::now();
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    assert!(
        t.elapsed() < Duration::from_secs(59),
        "a stalled client is dropped"
    );
    let (status, _) = http_get(&addr, "/api/stats");
    assert_eq!(status, 200);
}
