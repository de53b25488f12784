//! The store's error type.

use std::path::PathBuf;

/// What went wrong in the store, naming the file or record involved.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// SQLite failed on a database file.
    #[error("{path}: {source}")]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// SQLite's error.
        source: rusqlite::Error,
    },
    /// SQLite failed.
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
    /// The search index failed.
    #[error("search index {path}: {message}")]
    Search {
        /// The index directory.
        path: PathBuf,
        /// What tantivy said.
        message: String,
    },
    /// A stored record could not be read back.
    #[error("stored {what} {id}: {message}")]
    Corrupt {
        /// Which kind of record.
        what: &'static str,
        /// Its id.
        id: i64,
        /// What was wrong.
        message: String,
    },
    /// The database was made by a newer rasd.
    #[error("{path}: schema version {found} is newer than this rasd knows ({known})")]
    Newer {
        /// The database file.
        path: PathBuf,
        /// Version found.
        found: i64,
        /// Latest version known.
        known: i64,
    },
    /// Writing an export failed.
    #[error("writing export: {0}")]
    Io(#[from] std::io::Error),
    /// A bad query parameter (the API answers 400 with this message).
    #[error("{0}")]
    BadRequest(String),
}

/// The store's result type.
pub type Result<T> = std::result::Result<T, Error>;
