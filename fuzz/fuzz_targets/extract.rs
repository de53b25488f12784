//! The whole pipeline on arbitrary input (text, or HTML when it starts with `<`): never
//! panics, every span of the output lies inside the body and its text matches.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rasd_model::{wire::Article, Content, Doc};
use rasd_pipeline::{Config, Pipeline};

fuzz_target!(|data: &[u8]| {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    let p = PIPELINE.get_or_init(|| Pipeline::from_config(&Config::default()).0);
    let Ok((text, _)) = rasd_ingest::decode(data) else { return };
    let raw = if text.trim_start().starts_with('<') { Content::Html(text) } else { Content::Text(text) };
    let mut doc = Doc::new("fuzz", "-", raw);
    doc.set_published(Some("2020-01-28".into()));
    if p.run(&mut doc).is_err() {
        return;
    }
    let n = doc.len();
    for e in &doc.entities {
        assert!(e.start < e.end && e.end <= n);
        assert_eq!(doc.text(e.span()), e.text);
    }
    for t in &doc.times {
        assert!(t.start < t.end && t.end <= n);
    }
    for q in &doc.quantities {
        assert!(q.start < q.end && q.end <= n);
    }
    for c in &doc.claims {
        assert!(c.start < c.end && c.end <= n);
    }
    let _ = serde_json_len(&doc);
});

fn serde_json_len(doc: &Doc) -> usize {
    format!("{:?}", Article::of(doc).id).len()
}
