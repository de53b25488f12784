//! Where lexicon files come from: the embedded defaults, or a user's directory.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::{Error, Result, Table};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The set of lexicon files a run uses.
#[derive(Clone, Debug, Default)]
pub struct Source {
    dir: Option<PathBuf>,
}

impl Source {
    /// Only the files embedded at build time.
    pub fn embedded() -> Source {
        Source { dir: None }
    }

    /// Files of `dir` override the embedded ones of the same relative path; files
    /// only in `dir` are added.
    pub fn with_dir(dir: impl Into<PathBuf>) -> Source {
        Source {
            dir: Some(dir.into()),
        }
    }

    /// The override directory, if any.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The text of a file, and whether it came from the override directory.
    pub fn read(&self, name: &str) -> Result<Option<(Cow<'static, str>, bool)>> {
        if let Some(dir) = &self.dir {
            let p = dir.join(name);
            if p.is_file() {
                return std::fs::read_to_string(&p)
                    .map(|s| Some((Cow::Owned(s), true)))
                    .map_err(|e| Error::Read { path: p, source: e });
            }
        }
        Ok(embedded::FILES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| (Cow::Borrowed(*t), false)))
    }

    /// Parse a file into a [`Table`]; [`Error::Missing`] when it exists nowhere.
    pub fn table(&self, name: &str) -> Result<Table> {
        match self.read(name)? {
            Some((text, _)) => Ok(Table::parse(name, &text)),
            None => Err(Error::Missing(name.to_string())),
        }
    }

    /// Every file under a folder (`events/`), embedded or in the override directory,
    /// sorted by path. Only `.tsv` files are listed.
    pub fn list(&self, folder: &str) -> Vec<String> {
        let folder = folder.trim_end_matches('/');
        let prefix = format!("{folder}/");
        let mut names: BTreeSet<String> = embedded::FILES
            .iter()
            .map(|(n, _)| n.to_string())
            .filter(|n| n.starts_with(&prefix) && n.ends_with(".tsv"))
            .collect();
        if let Some(dir) = &self.dir {
            let mut stack = vec![dir.join(folder)];
            while let Some(d) = stack.pop() {
                let Ok(rd) = std::fs::read_dir(&d) else {
                    continue;
                };
                for e in rd.flatten() {
                    let p = e.path();
                    if p.is_dir() {
                        stack.push(p);
                    } else if p.extension().is_some_and(|x| x == "tsv") {
                        if let Ok(rel) = p.strip_prefix(dir) {
                            names.insert(rel.to_string_lossy().replace('\\', "/"));
                        }
                    }
                }
            }
        }
        names.into_iter().collect()
    }

    /// Every embedded file path (for `rasd lexicon list`).
    pub fn embedded_files() -> impl Iterator<Item = &'static str> {
        embedded::FILES.iter().map(|(n, _)| *n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_dir_wins_and_adds() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(d.path().join("events")).unwrap();
        std::fs::write(d.path().join("events/mine.tsv"), "id\tar\nx\tغارة\n").unwrap();
        let s = Source::with_dir(d.path());
        assert!(s.list("events").contains(&"events/mine.tsv".to_string()));
        let t = s.table("events/mine.tsv").unwrap();
        assert_eq!(t.rows.len(), 1);
        assert!(matches!(s.table("nope.tsv"), Err(Error::Missing(_))));
    }
}
