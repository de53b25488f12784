//! Errors and load issues.

use std::fmt;
use std::path::PathBuf;

/// A lexicon could not be read at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file of the override directory could not be read.
    #[error("cannot read lexicon {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file the stage needs exists nowhere.
    #[error("lexicon {0} not found (neither in the override directory nor embedded)")]
    Missing(String),
    /// A file has errors the caller chose not to tolerate.
    #[error("{} problem(s) in lexicons, first: {}", .0.len(), .0.first().map(|i| i.to_string()).unwrap_or_default())]
    Invalid(Vec<Issue>),
}

/// `Result` of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// One bad row (or file-level problem), with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// File, relative to the lexicon root.
    pub file: String,
    /// 1-based line, 0 for the file as a whole.
    pub line: u32,
    /// What is wrong.
    pub message: String,
}

impl Issue {
    /// An issue at a line of a file.
    pub fn new(file: impl Into<String>, line: u32, message: impl Into<String>) -> Issue {
        Issue {
            file: file.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}
