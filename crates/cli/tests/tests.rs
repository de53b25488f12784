//! Integration tests: the real `rasd` binary on real files in temporary folders.

mod util;

mod clean;
mod claims_events;
mod extract;
mod recognize;
mod ner;
mod text;
mod desk;
mod browser;
mod measure;
