//! rasd's measure stage: adds times and quantities to a document.
#![warn(missing_docs)]

mod error;

pub use error::{Error, Result};

use rasd_lexicon::{Issue, Source};
use rasd_model::Doc;

/// The measure stage.
#[derive(Debug, Default)]
pub struct Measurer {}

impl Measurer {
    /// Build from lexicons; problems in them are returned, never fatal.
    pub fn load(_src: &Source) -> (Measurer, Vec<Issue>) {
        (Measurer {}, Vec::new())
    }

    /// Add this stage's layer to `doc`.
    pub fn run(&self, _doc: &mut Doc) -> Result<()> {
        Ok(())
    }
}
