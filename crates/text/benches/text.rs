//! Throughput of the text layer alone (normalize + tokenize + clitics + sentences).
//!
//! `cargo bench -p rasd-text --bench text -- FILE.jsonl` (JSON Lines with a `text`
//! field; default: the bundled seeds). Reports MB/s on one core, best of 20 passes,
//! and asserts the token count is the same in every pass.

use std::time::{Duration, Instant};

use rasd_text::Analyzer;

fn main() {
    let path = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| {
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/seeds.jsonl").to_string()
        });
    let texts: Vec<String> = std::fs::read_to_string(&path)
        .expect("read corpus")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let a = Analyzer::default();
    let mut best = Duration::MAX;
    let mut tokens = None;
    for _ in 0..passes() {
        let t = Instant::now();
        let mut n = 0;
        for text in &texts {
            n += a.analyze_text(text).tokens.len();
        }
        best = best.min(t.elapsed());
        assert_eq!(
            *tokens.get_or_insert(n),
            n,
            "token count changed between passes"
        );
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "text layer: {} texts, {:.2} MB, {} tokens, best {:.4} s = {:.1} MB/s per core",
        texts.len(),
        mb,
        tokens.unwrap_or(0),
        best.as_secs_f64(),
        mb / best.as_secs_f64()
    );
}

/// Passes to run: `RASD_BENCH_PASSES` (default 20; 1 under a profiler).
fn passes() -> usize {
    std::env::var("RASD_BENCH_PASSES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20)
}
