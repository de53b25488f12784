//! The text layer on arbitrary text: spans stay inside the body, tokens are ordered,
//! sentences are bounded.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rasd_text::{Analyzer, MAX_SENTENCE};

fuzz_target!(|data: &[u8]| {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    let a = ANALYZER.get_or_init(Analyzer::default);
    let body = String::from_utf8_lossy(data);
    let doc = a.analyze_text(&body);
    let n = doc.len();
    let mut last = 0;
    for t in &doc.tokens {
        assert!(t.span.start >= last && t.span.end <= n);
        last = t.span.end;
        let _ = doc.text(t.span);
        let _ = doc.form(t.core);
    }
    for s in &doc.sentences {
        assert!(s.len() <= MAX_SENTENCE && s.end <= n);
    }
});
