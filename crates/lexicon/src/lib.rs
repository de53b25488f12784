//! Loads rasd's lexicons: TSV files a user can read and edit without recompiling.
//!
//! Every file under the repository's `lexicons/` is embedded in the binary; a
//! [`Source`] built with a directory (`--lexicons DIR`, `RASD_LEXICONS`) overrides
//! them file by file. A [`Table`] keeps each row's file and line, so every
//! annotation can say which entry produced it ([`Row::why`]). Bad rows never stop a
//! load: they are collected as [`Issue`]s with their path and line, and the good rows
//! load. This crate knows the file format, not what the columns mean: each stage
//! checks its own tables.
//!
//! The format: UTF-8, one entry per line, fields separated by tabs; the first
//! non-comment line is the header; lines starting with `#` and blank lines are
//! ignored; a field may hold several values separated by `|`.
//!
//! ```
//! use rasd_lexicon::Table;
//! let t = Table::parse("demo.tsv", "# demo\nid\tar\nhaftar\tحفتر|خليفة حفتر\n");
//! assert_eq!(t.rows.len(), 1);
//! assert_eq!(t.get(&t.rows[0], "id"), Some("haftar"));
//! assert_eq!(t.list(&t.rows[0], "ar"), vec!["حفتر", "خليفة حفتر"]);
//! assert_eq!(t.rows[0].why(&t).to_string(), "lexicon:demo.tsv:3");
//! ```
#![warn(missing_docs)]

mod error;
mod source;
mod table;

pub use error::{Error, Issue, Result};
pub use source::Source;
pub use table::{Row, Table};
