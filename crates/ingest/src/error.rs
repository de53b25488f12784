//! Why an input was rejected.

use std::fmt;

/// Why an input (a file, a JSON Lines record, stdin) was not turned into a document.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Reason {
    /// Nothing in it, or only whitespace.
    #[error("empty input")]
    Empty,
    /// Larger than the limit.
    #[error("too large: {size} bytes, limit {limit} bytes (raise it with --max-bytes)")]
    TooLarge {
        /// Size seen (at least).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Binary data (NUL bytes or control characters).
    #[error("binary data, not text ({0})")]
    Binary(String),
    /// UTF-8 cut off in the middle of a character.
    #[error("truncated UTF-8: the input ends inside a multi-byte character at byte {0}")]
    Truncated(usize),
    /// No supported encoding decodes it.
    #[error(
        "undecodable: not UTF-8, UTF-16 or Windows-1256 Arabic text (invalid UTF-8 at byte {0})"
    )]
    Undecodable(usize),
    /// A JSON Lines record that is not valid JSON or lacks the text.
    #[error("bad record: {0}")]
    BadRecord(String),
    /// The file could not be read.
    #[error("cannot read: {0}")]
    Io(String),
}

/// A rejected input and the reason, printed as `path: reason`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct Rejection {
    /// The input: a path, `path:line` for a JSON Lines record, or `-` for stdin.
    pub input: String,
    /// Why.
    pub reason: Reason,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.input, self.reason)
    }
}
