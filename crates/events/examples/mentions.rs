//! Print the event mentions of JSON Lines articles before they are merged into events:
//! one line per trigger with its type, place, time, toll and claim. A tool for lexicon
//! authors: it shows what each trigger row produces and why two mentions did or did not
//! become one event.
//!
//! `cargo run -p rasd-events --example mentions -- corpus/seeds.jsonl [ID_PREFIX]`

use rasd_model::{Content, Doc, Span};
use rasd_pipeline::{Config, Pipeline};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: mentions FILE.jsonl [ID_PREFIX]");
        std::process::exit(2);
    };
    let want = args.next().unwrap_or_default();
    let (pipeline, _) = Pipeline::from_config(&Config::default());
    let src = rasd_lexicon::Source::embedded();
    let an = rasd_text::Analyzer::default();
    let (lx, _) = rasd_events::Lexicons::load(&src, &an);
    let (cues, _) = rasd_attribute::Lexicons::load(&src, &an);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let id = v["id"].as_str().unwrap_or("").to_string();
        if !id.starts_with(&want) {
            continue;
        }
        let body = v["text"].as_str().unwrap_or("").to_string();
        let mut doc = Doc::new(id.clone(), "-", Content::Text(body));
        doc.set_published(v["published"].as_str().map(String::from));
        doc.outlet = v["outlet"].as_str().map(String::from);
        for s in pipeline.stages().iter().filter(|s| s.name() != "events") {
            if let Err(e) = s.run(&mut doc) {
                eprintln!("{id}: {e}");
            }
        }
        println!("== {id}");
        for m in rasd_events::extract::Scan::new(&doc, &cues, &lx).mentions() {
            let (a, b) = m.trigger;
            let t = Span::try_new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end)
                .map(|s| doc.text(s).to_string())
                .unwrap_or_default();
            println!(
                "s{} {} weak={} generic={} [{t}] actors={:?} targets={:?} place={:?} time={:?} \
                 killed={:?} negated={} claim={:?} weapons={:?}",
                m.sentence,
                m.etype,
                m.weak,
                m.generic,
                m.actors,
                m.targets,
                m.place,
                m.time.as_ref().map(|t| &t.value),
                m.fatalities.as_ref().map(|f| (f.value, f.approx)),
                m.negated,
                m.claim,
                m.weapons
            );
        }
    }
}
