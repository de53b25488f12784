//! rasd's store: every article with all its annotation layers in one SQLite file,
//! the incidents computed across them, and Arabic full-text search beside it.
//!
//! The main types are [`Store`] (open with versioned migrations, insert batches in
//! one transaction each, recompute incidents, query for the API and exports),
//! [`search::SearchIndex`] (tantivy with rasd's Arabic analyzer,
//! [`search::ArabicTokenizer`]) and the [`export`] writers. The store keeps the
//! contract object of each article as written by `rasd extract`, plus flat tables
//! (entities, refs, times, claims, events, event parties, incidents) for filtering.
//! It runs no extraction: callers hand it analyzed [`Doc`]s.
//!
//! Safety against a kill: SQLite in WAL mode, one transaction per batch, articles
//! keyed by a content hash (re-running an ingest skips what is stored). Derived data
//! (incidents, the search index) carries a watermark and is brought up to date by
//! the next run.
//!
//! ```
//! use rasd_store::Store;
//! let dir = tempfile::tempdir().unwrap();
//! let store = Store::open(&dir.path().join("rasd.db")).unwrap();
//! assert_eq!(store.summary().unwrap().articles, 0);
//! ```
#![warn(missing_docs)]

mod error;
pub mod export;
mod insert;
mod parquet;
pub mod query;
pub mod search;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rasd_incidents::Families;
use rasd_lexicon::{Issue, Source};
use rasd_model::{days_from_civil, Grain, Published};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::Serialize;

pub use error::{Error, Result};
pub use insert::content_hash;

/// Schema migrations, applied in order; `PRAGMA user_version` counts those applied.
const MIGRATIONS: &[&str] = &[include_str!("schema/001_init.sql")];

/// The database of one desk.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    families: Families,
}

/// Counts over the whole store.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    /// Articles stored.
    pub articles: i64,
    /// Outlets among them.
    pub outlets: i64,
    /// Entity mentions.
    pub entities: i64,
    /// Claims.
    pub claims: i64,
    /// Events.
    pub events: i64,
    /// Incidents.
    pub incidents: i64,
    /// Incidents with accounts from two or more outlets.
    pub multi_outlet_incidents: i64,
    /// Incidents whose accounts disagree on something.
    pub disputed_incidents: i64,
}

impl Store {
    /// Open (creating and migrating when needed) a database for reading and writing,
    /// with the built-in lexicons.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, &Source::embedded()).map(|(s, _)| s)
    }

    /// Open for writing with a lexicon source (for `incidents/families.tsv`); lexicon
    /// problems are returned, never fatal.
    pub fn open_with(path: &Path, src: &Source) -> Result<(Store, Vec<Issue>)> {
        let sq = |source| Error::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open(path).map_err(sq)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(sq)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(sq)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(sq)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(sq)?;
        // Checkpoint the write-ahead log every 64 MB instead of every 4 MB: an index page
        // changed by many batches is then copied into the database once, not each time.
        conn.pragma_update(None, "wal_autocheckpoint", 16_384)
            .map_err(sq)?;
        let (families, issues) = Families::load(src);
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            families,
        };
        store.migrate()?;
        Ok((store, issues))
    }

    /// Open an existing database read-only (the server): it is never migrated or
    /// written.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let sq = |source| Error::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(sq)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(sq)?;
        let found: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(sq)?;
        if found != MIGRATIONS.len() as i64 {
            return Err(Error::BadRequest(format!(
                "{}: not a rasd database of this version (schema {found}, expected {}); run `rasd ingest` on it first",
                path.display(),
                MIGRATIONS.len()
            )));
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            families: Families::load(&Source::embedded()).0,
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The families table in use.
    pub fn families(&self) -> &Families {
        &self.families
    }

    /// The SQLite connection (read queries in tests and tools).
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    fn migrate(&mut self) -> Result<()> {
        let path = self.path.clone();
        let sq = |source| Error::Sqlite {
            path: path.clone(),
            source,
        };
        let found: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(sq)?;
        let known = MIGRATIONS.len() as i64;
        if found > known {
            return Err(Error::Newer {
                path: self.path.clone(),
                found,
                known,
            });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
            let tx = self.conn.transaction().map_err(sq)?;
            tx.execute_batch(sql).map_err(sq)?;
            tx.pragma_update(None, "user_version", i as i64 + 1)
                .map_err(sq)?;
            tx.commit().map_err(sq)?;
        }
        Ok(())
    }

    /// Content hashes of every stored article (to skip them before extraction).
    pub fn hashes(&self) -> Result<HashSet<String>> {
        let mut st = self.conn.prepare("SELECT hash FROM articles")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// A value of the `meta` table.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    /// Whether incidents need recomputing (articles were added since the last time).
    pub fn incidents_stale(&self) -> Result<bool> {
        Ok(self.meta("incidents_dirty")?.as_deref() == Some("1"))
    }

    /// Counts over the store.
    pub fn summary(&self) -> Result<Summary> {
        let one = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        Ok(Summary {
            articles: one("SELECT COUNT(*) FROM articles")?,
            outlets: one("SELECT COUNT(DISTINCT outlet) FROM articles")?,
            entities: one("SELECT COUNT(*) FROM entities")?,
            claims: one("SELECT COUNT(*) FROM claims")?,
            events: one("SELECT COUNT(*) FROM events")?,
            incidents: one("SELECT COUNT(*) FROM incidents")?,
            multi_outlet_incidents: one("SELECT COUNT(*) FROM incidents WHERE n_outlets >= 2")?,
            disputed_incidents: one("SELECT COUNT(*) FROM incidents WHERE n_disagreements > 0")?,
        })
    }

    /// `PRAGMA integrity_check`: `ok`, or SQLite's list of problems.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }
}

/// The days `[from, to)` since 1970-01-01 that an ISO value of a grain covers
/// (`2019-07` month → all of July); `None` when the value does not parse.
pub fn day_range(value: &str, grain: Grain) -> Option<(i64, i64)> {
    let date = value.split('T').next()?;
    let mut parts = date.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let second = parts.next();
    if let Some(q) = second.and_then(|s| s.strip_prefix('Q')) {
        let q: u8 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
        let from = days_from_civil(y, 3 * q - 2, 1);
        let to = if q == 4 {
            days_from_civil(y + 1, 1, 1)
        } else {
            days_from_civil(y, 3 * q + 1, 1)
        };
        return Some((from, to));
    }
    let Some(m) = second else {
        return Some((days_from_civil(y, 1, 1), days_from_civil(y + 1, 1, 1)));
    };
    let m: u8 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
    let Some(d) = parts.next() else {
        let to = if m == 12 {
            days_from_civil(y + 1, 1, 1)
        } else {
            days_from_civil(y, m + 1, 1)
        };
        return Some((days_from_civil(y, m, 1), to));
    };
    let d: u8 = d
        .parse()
        .ok()
        .filter(|d| (1..=rasd_model::days_in_month(y, m)).contains(d))?;
    let from = days_from_civil(y, m, d);
    Some(match grain {
        Grain::Week => (from, from + 7),
        Grain::Month => (from, from + 31),
        Grain::Quarter => (from, from + 92),
        Grain::Year => (from, from + 366),
        _ => (from, from + 1),
    })
}

/// The publication day of a `published` string, as days since 1970-01-01.
pub fn published_day(published: &str) -> Option<i64> {
    let p = Published::parse(published)?;
    Some(days_from_civil(p.year, p.month, p.day))
}

/// `YYYY-MM-DD` of a day count.
pub fn iso_day(days: i64) -> String {
    let (y, m, d) = rasd_model::civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A day count of a `YYYY-MM-DD` parameter.
pub fn parse_day(s: &str) -> Option<i64> {
    day_range(s, Grain::Day)
        .filter(|_| s.len() == 10)
        .map(|r| r.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_ranges() {
        let d = |s| parse_day(s).unwrap();
        let cases = [
            ("2019-07-04", Grain::Day, (d("2019-07-04"), d("2019-07-05"))),
            ("2019-07", Grain::Month, (d("2019-07-01"), d("2019-08-01"))),
            ("2019", Grain::Year, (d("2019-01-01"), d("2020-01-01"))),
            (
                "2019-Q4",
                Grain::Quarter,
                (d("2019-10-01"), d("2020-01-01")),
            ),
            (
                "2019-07-01",
                Grain::Week,
                (d("2019-07-01"), d("2019-07-08")),
            ),
            (
                "2019-07-04T15:30",
                Grain::Minute,
                (d("2019-07-04"), d("2019-07-05")),
            ),
        ];
        for (v, g, want) in cases {
            assert_eq!(day_range(v, g), Some(want), "help: {v}");
        }
        for bad in ["2019-13", "2019-02-30", "x", "2019-Q5"] {
            assert_eq!(day_range(bad, Grain::Day), None, "help: {bad}");
        }
        assert_eq!(iso_day(d("2020-01-28")), "2020-01-28");
        assert_eq!(parse_day("2020-1-2"), None);
    }
}
