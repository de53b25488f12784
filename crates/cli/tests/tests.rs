//! Integration tests: the real `rasd` binary on real files in temporary folders.

mod util;

mod bad_input;
mod browser;
mod claims_events;
mod clean;
mod desk;
mod extract;
mod fuzz_regressions;
mod measure;
mod ner;
mod recognize;
mod server_hardening;
mod text;
