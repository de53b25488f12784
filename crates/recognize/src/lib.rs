//! rasd's recognize stage: adds entities to a document.
#![warn(missing_docs)]

mod error;
pub mod tagger;

pub use error::{Error, Result};

use rasd_lexicon::{Issue, Source};
use rasd_model::Doc;

/// The recognize stage.
#[derive(Debug, Default)]
pub struct EntityRecognizer {}

impl EntityRecognizer {
    /// Build from lexicons; problems in them are returned, never fatal.
    pub fn load(_src: &Source) -> (EntityRecognizer, Vec<Issue>) {
        (EntityRecognizer {}, Vec::new())
    }

    /// Add this stage's layer to `doc`.
    pub fn run(&self, _doc: &mut Doc) -> Result<()> {
        Ok(())
    }
}
