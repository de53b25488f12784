//! rasd's clean stage: keeps the article body of a raw input and takes out site
//! chrome, reporting what it removed; source credits become metadata.
#![warn(missing_docs)]

mod error;

pub use error::{Error, Result};

use rasd_lexicon::{Issue, Source};
use rasd_model::{Content, Doc};

/// The clean stage.
#[derive(Debug, Default)]
pub struct Cleaner {}

impl Cleaner {
    /// Build from lexicons.
    pub fn load(_src: &Source) -> (Cleaner, Vec<Issue>) {
        (Cleaner {}, Vec::new())
    }

    /// Set `doc.body` from `doc.raw`.
    pub fn run(&self, doc: &mut Doc) -> Result<()> {
        let body = match doc.raw.take() {
            Some(Content::Text(t)) => t.trim().to_string(),
            Some(Content::Html(h)) => h,
            None => return Ok(()),
        };
        doc.set_body(body);
        Ok(())
    }
}
