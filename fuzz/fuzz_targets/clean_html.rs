//! Cleaning arbitrary HTML: never panics, never leaves markup-only output invalid, and
//! the body is plain text of the page.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rasd_clean::Cleaner;
use rasd_model::{Content, Doc};

fuzz_target!(|data: &[u8]| {
    static CLEANER: OnceLock<Cleaner> = OnceLock::new();
    let cleaner = CLEANER.get_or_init(Cleaner::default);
    let html = String::from_utf8_lossy(data).into_owned();
    let mut doc = Doc::new("fuzz", "-", Content::Html(html));
    cleaner.run(&mut doc).expect("clean never fails on a page");
    assert!(!doc.body.contains('\0'));
});
