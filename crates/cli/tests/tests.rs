//! Integration tests: the real `rasd` binary on real files in temporary folders.

mod util;

mod clean;
mod claims_events;
mod bad_input;
mod extract;
mod recognize;
mod ner;
mod text;
mod desk;
mod server_hardening;
mod browser;
mod measure;
