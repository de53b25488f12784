//! rasd's events stage: adds events to a document.
#![warn(missing_docs)]

mod error;

pub use error::{Error, Result};

use rasd_lexicon::{Issue, Source};
use rasd_model::Doc;

/// The events stage.
#[derive(Debug, Default)]
pub struct EventExtractor {}

impl EventExtractor {
    /// Build from lexicons; problems in them are returned, never fatal.
    pub fn load(_src: &Source) -> (EventExtractor, Vec<Issue>) {
        (EventExtractor {}, Vec::new())
    }

    /// Add this stage's layer to `doc`.
    pub fn run(&self, _doc: &mut Doc) -> Result<()> {
        Ok(())
    }
}
