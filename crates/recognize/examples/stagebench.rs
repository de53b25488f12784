//! Time the text stage and the recognize stage without the tagger on JSON Lines articles
//! (`text` field), each over the whole file: `cargo run --release -p rasd-recognize
//! --example stagebench -- FILE [ROUNDS]`. With ROUNDS 1 it suits `valgrind --tool=callgrind`,
//! whose per-function counts then split the two stages (`Analyzer::analyze` and
//! `EntityRecognizer::run`).
use std::time::Instant;

use rasd_lexicon::Source;
use rasd_model::Doc;
use rasd_recognize::EntityRecognizer;
use rasd_text::Analyzer;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("FILE.jsonl");
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let src = Source::embedded();
    let (analyzer, _) = Analyzer::load(&src);
    let (rec, _) = EntityRecognizer::load_with(&src, false);
    let text = std::fs::read_to_string(&path).expect("read");
    let mut bodies = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        bodies.push(v["text"].as_str().unwrap_or("").to_string());
    }
    let bytes: usize = bodies.iter().map(String::len).sum();
    let (mut best_text, mut best_rec, mut entities) = (f64::MAX, f64::MAX, 0);
    for _ in 0..rounds {
        let t = Instant::now();
        let mut docs: Vec<Doc> = bodies
            .iter()
            .map(|b| {
                let mut d = Doc::default();
                d.set_body(b.clone());
                analyzer.analyze(&mut d);
                d
            })
            .collect();
        best_text = best_text.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        for d in docs.iter_mut() {
            rec.run(d).expect("recognize");
        }
        best_rec = best_rec.min(t.elapsed().as_secs_f64());
        entities = docs.iter().map(|d| d.entities.len()).sum();
    }
    let mb = bytes as f64 / 1e6;
    println!("{} articles, {mb:.2} MB, {entities} entities", bodies.len());
    println!("text: {best_text:.3} s, {:.1} MB/s", mb / best_text);
    println!(
        "recognize (no tagger): {best_rec:.3} s, {:.1} MB/s",
        mb / best_rec
    );
}
