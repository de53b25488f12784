//! TSV tables with line numbers.

use std::collections::HashMap;

use rasd_model::Why;

use crate::Issue;

/// One data row of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// 1-based line number in its file.
    pub line: u32,
    /// Field values, trimmed, padded to the header's width.
    pub fields: Vec<String>,
}

impl Row {
    /// `lexicon:<file>:<line>`, the reason an annotation built from this row carries.
    pub fn why(&self, table: &Table) -> Why {
        Why::lexicon(table.file.clone(), self.line)
    }
}

/// A parsed TSV file.
#[derive(Clone, Debug, Default)]
pub struct Table {
    /// Path relative to the lexicon root (`places/libya.tsv`).
    pub file: String,
    /// Column names.
    pub header: Vec<String>,
    /// Data rows that parsed.
    pub rows: Vec<Row>,
    /// Rows that did not, and why.
    pub issues: Vec<Issue>,
    columns: HashMap<String, usize>,
}

impl Table {
    /// Parse TSV text. Never fails: bad rows become [`Table::issues`].
    pub fn parse(file: &str, text: &str) -> Table {
        let mut t = Table {
            file: file.to_string(),
            ..Table::default()
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for (i, raw) in text.lines().enumerate() {
            let line = i as u32 + 1;
            let l = raw.trim_end_matches('\r');
            if l.trim().is_empty() || l.trim_start().starts_with('#') {
                continue;
            }
            let fields: Vec<String> = l.split('\t').map(|f| f.trim().to_string()).collect();
            if t.header.is_empty() {
                t.columns = fields
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (f.clone(), i))
                    .collect();
                if t.columns.len() != fields.len() {
                    t.issues
                        .push(Issue::new(file, line, "duplicate column name in header"));
                }
                t.header = fields;
                continue;
            }
            if fields.len() > t.header.len() {
                t.issues.push(Issue::new(
                    file,
                    line,
                    format!("{} fields, header has {}", fields.len(), t.header.len()),
                ));
                continue;
            }
            let mut fields = fields;
            fields.resize(t.header.len(), String::new());
            t.rows.push(Row { line, fields });
        }
        if t.header.is_empty() {
            t.issues.push(Issue::new(file, 0, "no header row"));
        }
        t
    }

    /// Whether the table has this column.
    pub fn has_column(&self, col: &str) -> bool {
        self.columns.contains_key(col)
    }

    /// Report each missing column; rows are kept, their lookups of it return `None`.
    pub fn require(&mut self, cols: &[&str]) -> bool {
        let mut ok = true;
        for c in cols {
            if !self.has_column(c) {
                self.issues
                    .push(Issue::new(&self.file, 0, format!("missing column `{c}`")));
                ok = false;
            }
        }
        ok
    }

    /// A field of a row, `None` when the column is absent or the field empty.
    pub fn get<'r>(&self, row: &'r Row, col: &str) -> Option<&'r str> {
        let i = *self.columns.get(col)?;
        row.fields
            .get(i)
            .map(String::as_str)
            .filter(|s| !s.is_empty())
    }

    /// A `|`-separated field as a list of non-empty values.
    pub fn list<'r>(&self, row: &'r Row, col: &str) -> Vec<&'r str> {
        self.get(row, col)
            .map(|s| {
                s.split('|')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Record a problem with a row.
    pub fn issue(&mut self, line: u32, message: impl Into<String>) {
        let file = self.file.clone();
        self.issues.push(Issue::new(file, line, message));
    }

    /// Report rows whose `col` value repeats an earlier row's (a duplicate id).
    pub fn check_unique(&mut self, col: &str) {
        let mut seen: HashMap<String, u32> = HashMap::new();
        let mut dups = Vec::new();
        for r in &self.rows {
            if let Some(v) = self.get(r, col) {
                if let Some(first) = seen.insert(v.to_string(), r.line) {
                    dups.push((
                        r.line,
                        format!("duplicate {col} `{v}` (first at line {first})"),
                    ));
                }
            }
        }
        for (line, m) in dups {
            self.issue(line, m);
        }
    }

    /// Report rows where a required field is empty.
    pub fn check_nonempty(&mut self, cols: &[&str]) {
        let mut bad = Vec::new();
        for r in &self.rows {
            for c in cols {
                if self.has_column(c) && self.get(r, c).is_none() {
                    bad.push((r.line, format!("empty `{c}`")));
                }
            }
        }
        for (line, m) in bad {
            self.issue(line, m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_with_comments_and_bad_rows() {
        let t = Table::parse(
            "x.tsv",
            "# comment\n\nid\tar\tkind\na\tأ\tPER\nb\tب\tPER\textra\nc\tج\n",
        );
        assert_eq!(t.header, vec!["id", "ar", "kind"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1].line, 6);
        assert_eq!(t.get(&t.rows[1], "kind"), None);
        assert_eq!(t.issues.len(), 1);
        assert_eq!(t.issues[0].line, 5);
    }

    #[test]
    fn finds_duplicates_and_missing_columns() {
        let mut t = Table::parse("x.tsv", "id\tar\na\tx\na\ty\n");
        t.check_unique("id");
        assert_eq!(t.issues.len(), 1);
        assert!(t.issues[0].message.contains("duplicate id `a`"));
        assert!(!t.require(&["id", "kind"]));
        assert_eq!(t.issues.len(), 2);
    }
}
