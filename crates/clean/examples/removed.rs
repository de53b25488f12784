//! Print what the clean stage removes from a corpus: one line per removal
//! (`id<TAB>kind<TAB>why<TAB>text`), then counts by kind and by reason on stderr.
//!
//! ```sh
//! cargo run -p rasd-clean --example removed -- corpus/seeds.jsonl
//! ```
//!
//! Inputs are JSON Lines records with `text` or `html` (`id` optional), `.html` pages
//! or plain-text files. With `--body`, each cleaned body is printed too (`BODY` lines).

use std::collections::BTreeMap;

use rasd_clean::Cleaner;
use rasd_model::{Content, Doc};

fn main() {
    let cleaner = Cleaner::default();
    let (mut by_kind, mut by_why) = (BTreeMap::new(), BTreeMap::new());
    let (mut docs, mut lines) = (0usize, 0usize);
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_body = args.iter().any(|a| a == "--body");
    for path in args.into_iter().filter(|a| a != "--body") {
        let Ok(data) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path}");
            continue;
        };
        let mut inputs = Vec::new();
        if path.ends_with(".jsonl") {
            for (n, l) in data.lines().enumerate() {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(l) else {
                    continue;
                };
                let id = v["id"]
                    .as_str()
                    .map_or(format!("{path}:{}", n + 1), str::to_string);
                let raw = match (v["text"].as_str(), v["html"].as_str()) {
                    (Some(t), _) => Content::Text(t.to_string()),
                    (_, Some(h)) => Content::Html(h.to_string()),
                    _ => continue,
                };
                inputs.push((id, raw));
            }
        } else if path.ends_with(".html") || path.ends_with(".htm") {
            inputs.push((path.clone(), Content::Html(data)));
        } else {
            inputs.push((path.clone(), Content::Text(data)));
        }
        for (id, raw) in inputs {
            let mut doc = Doc::new(id.clone(), path.clone(), raw);
            if let Some(Content::Text(t)) = &doc.raw {
                lines += t.lines().filter(|l| !l.trim().is_empty()).count();
            }
            if cleaner.run(&mut doc).is_err() {
                continue;
            }
            docs += 1;
            if show_body {
                let meta = [&doc.title, &doc.outlet, &doc.published];
                println!("META\t{id}\t{meta:?}\t{:?}", doc.credits);
                for l in doc.body.lines() {
                    println!("BODY\t{id}\t{l}");
                }
            }
            for r in &doc.removed {
                let why = r.why.as_ref().map(ToString::to_string).unwrap_or_default();
                println!("{id}\t{}\t{why}\t{}", r.kind, r.text);
                *by_kind.entry(r.kind.clone()).or_insert(0usize) += 1;
                *by_why.entry(why).or_insert(0usize) += 1;
            }
        }
    }
    let total: usize = by_kind.values().sum();
    eprintln!("{docs} articles, {lines} non-blank text lines, {total} removed");
    for (k, n) in by_kind {
        eprintln!("  kind {k}: {n}");
    }
    for (w, n) in by_why {
        eprintln!("  why {w}: {n}");
    }
}
