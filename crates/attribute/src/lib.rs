//! rasd's attribute stage: adds claims to a document.
#![warn(missing_docs)]

mod error;

pub use error::{Error, Result};

use rasd_lexicon::{Issue, Source};
use rasd_model::Doc;

/// The attribute stage.
#[derive(Debug, Default)]
pub struct Attributor {}

impl Attributor {
    /// Build from lexicons; problems in them are returned, never fatal.
    pub fn load(_src: &Source) -> (Attributor, Vec<Issue>) {
        (Attributor {}, Vec::new())
    }

    /// Add this stage's layer to `doc`.
    pub fn run(&self, _doc: &mut Doc) -> Result<()> {
        Ok(())
    }
}
