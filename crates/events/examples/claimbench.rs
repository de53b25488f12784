//! Time the attribute and events stages alone on JSON Lines articles (the earlier
//! stages run once, untimed). `cargo run --release -p rasd-events --example claimbench -- FILE`
use std::time::Instant;

use rasd_model::{Content, Doc};
use rasd_pipeline::{Config, Pipeline};

fn main() {
    let path = std::env::args().nth(1).expect("FILE.jsonl");
    let (pipeline, _) = Pipeline::from_config(&Config::default());
    let text = std::fs::read_to_string(&path).expect("read");
    let mut docs = Vec::new();
    let mut bytes = 0usize;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let body = v["text"].as_str().unwrap_or("").to_string();
        bytes += body.len();
        let mut doc = Doc::new(v["id"].as_str().unwrap_or(""), "-", Content::Text(body));
        doc.set_published(v["published"].as_str().map(String::from));
        doc.outlet = v["outlet"].as_str().map(String::from);
        for s in pipeline
            .stages()
            .iter()
            .filter(|s| !matches!(s.name(), "attribute" | "events"))
        {
            s.run(&mut doc).expect("stage");
        }
        docs.push(doc);
    }
    let stages: Vec<_> = pipeline
        .stages()
        .iter()
        .filter(|s| matches!(s.name(), "attribute" | "events"))
        .collect();
    for s in &stages {
        let mut best = f64::MAX;
        for _ in 0..5 {
            let t = Instant::now();
            for d in docs.iter_mut() {
                s.run(d).expect("stage");
            }
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!(
            "{}: {:.3} s, {:.1} MB/s",
            s.name(),
            best,
            bytes as f64 / 1e6 / best
        );
    }
}
