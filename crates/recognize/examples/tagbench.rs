//! Time the statistical tagger alone on already analysed JSON Lines articles (`text`
//! field): `cargo run --release -p rasd-recognize --example tagbench -- FILE [ROUNDS]`.
use std::time::Instant;

use rasd_model::Doc;
use rasd_recognize::tagger::Tagger;
use rasd_text::Analyzer;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("FILE.jsonl");
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let analyzer = Analyzer::default();
    let tagger = Tagger::embedded();
    let text = std::fs::read_to_string(&path).expect("read");
    let mut docs = Vec::new();
    let mut bytes = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let body = v["text"].as_str().unwrap_or("").to_string();
        bytes += body.len();
        let mut d = Doc::default();
        d.set_body(body);
        analyzer.analyze(&mut d);
        docs.push(d);
    }
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let (mut best, mut found) = (f64::MAX, 0);
    for _ in 0..rounds {
        let t = Instant::now();
        found = docs.iter().map(|d| tagger.tag(d).len()).sum();
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{} articles, {mb:.2} MB, {tokens} tokens, {found} mentions",
        docs.len()
    );
    println!(
        "tagger: {best:.3} s, {:.1} MB/s, {:.2} µs/token",
        mb / best,
        best * 1e6 / tokens as f64
    );
}
