//! rasd's ingest stage: turns files, directories, JSON Lines records and stdin into
//! raw [`Doc`]s ready for cleaning, one at a time.
//!
//! Formats: `.txt`, `.html`/`.htm`, `.jsonl` (one `{id, outlet, published, url,
//! title, text | html}` record a line), `.json` (one record or an array), directories
//! (recursively, in name order) and `-` for stdin; anything else given by name is
//! sniffed. Encodings: see [`decode`]. A bad input becomes a [`Rejection`] naming it
//! and the reason; the iterator goes on with the next one. This crate does not clean
//! or analyze text.
//!
//! ```no_run
//! use rasd_ingest::{Inputs, Options};
//! for item in Inputs::new(vec!["corpus/".into()], Options::default()) {
//!     match item {
//!         Ok(doc) => println!("{} from {}", doc.id, doc.source),
//!         Err(rejected) => eprintln!("rasd: {rejected}"),
//!     }
//! }
//! ```
#![warn(missing_docs)]

mod decode;
mod error;

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use rasd_model::{Content, Doc};
use serde_json::Value;

pub use decode::{decode, Charset};
pub use error::{Reason, Rejection};

/// The default size limit of one input (a file, or a record of a JSON Lines file).
pub const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;

/// How inputs are read.
#[derive(Clone, Debug)]
pub struct Options {
    /// Inputs (files, or JSON Lines records) larger than this are rejected.
    pub max_bytes: u64,
    /// Publication date for inputs that carry none.
    pub published: Option<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_bytes: DEFAULT_MAX_BYTES,
            published: None,
        }
    }
}

/// What kind of file a path is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Html,
    JsonLines,
    Json,
}

fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "txt" | "text" => Format::Text,
        "html" | "htm" | "xhtml" => Format::Html,
        "jsonl" | "ndjson" => Format::JsonLines,
        "json" => Format::Json,
        _ => return None,
    })
}

/// Guess the format of text from its first non-blank character.
fn sniff(text: &str) -> Format {
    let t = text.trim_start();
    if t.starts_with('{') {
        Format::JsonLines
    } else if t.starts_with('[') {
        Format::Json
    } else if t.starts_with('<') {
        Format::Html
    } else {
        Format::Text
    }
}

/// One queued input.
enum Pending {
    Path(PathBuf, bool),
    Stdin,
    Lines(Box<LineSource>),
    Ready(Box<Result<Doc, Rejection>>),
}

/// A JSON Lines file being read line by line, so memory stays bounded.
struct LineSource {
    name: String,
    stem: String,
    reader: Box<dyn BufRead>,
    line: usize,
}

/// The documents of a list of inputs, in order; each item is a raw document or the
/// rejection of one input.
pub struct Inputs {
    queue: VecDeque<Pending>,
    opts: Options,
    /// Files in directories that were skipped for their extension.
    pub skipped: usize,
}

impl Inputs {
    /// Inputs from paths (`-` for stdin).
    pub fn new(paths: Vec<PathBuf>, opts: Options) -> Inputs {
        let queue = paths
            .into_iter()
            .map(|p| {
                if p.as_os_str() == "-" {
                    Pending::Stdin
                } else {
                    Pending::Path(p, true)
                }
            })
            .collect();
        Inputs {
            queue,
            opts,
            skipped: 0,
        }
    }

    fn reject(input: impl Into<String>, reason: Reason) -> Option<Result<Doc, Rejection>> {
        Some(Err(Rejection {
            input: input.into(),
            reason,
        }))
    }

    /// Read a whole file, refusing it when over the limit.
    fn read_capped(&self, mut r: impl Read, size_hint: Option<u64>) -> Result<Vec<u8>, Reason> {
        let limit = self.opts.max_bytes;
        if let Some(size) = size_hint.filter(|s| *s > limit) {
            return Err(Reason::TooLarge { size, limit });
        }
        let mut buf = Vec::new();
        r.by_ref()
            .take(limit + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Reason::Io(e.to_string()))?;
        if buf.len() as u64 > limit {
            return Err(Reason::TooLarge {
                size: buf.len() as u64,
                limit,
            });
        }
        Ok(buf)
    }

    fn open_path(&mut self, path: PathBuf, explicit: bool) -> Option<Result<Doc, Rejection>> {
        let name = path.display().to_string();
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => return Self::reject(name, Reason::Io(e.to_string())),
        };
        if meta.is_dir() {
            let mut entries: Vec<PathBuf> = match std::fs::read_dir(&path) {
                Ok(rd) => rd.flatten().map(|e| e.path()).collect(),
                Err(e) => return Self::reject(name, Reason::Io(e.to_string())),
            };
            entries.sort();
            for p in entries.into_iter().rev() {
                let hidden = p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.'));
                if !hidden {
                    self.queue.push_front(Pending::Path(p, false));
                }
            }
            return None;
        }
        let format = format_of(&path);
        if format.is_none() && !explicit {
            self.skipped += 1;
            return None;
        }
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("input")
            .to_string();
        if format == Some(Format::JsonLines) {
            let file = match File::open(&path) {
                Ok(f) => f,
                Err(e) => return Self::reject(name, Reason::Io(e.to_string())),
            };
            if meta.len() == 0 {
                return Self::reject(name, Reason::Empty);
            }
            let reader: Box<dyn BufRead> = Box::new(BufReader::with_capacity(1 << 16, file));
            self.queue.push_front(Pending::Lines(Box::new(LineSource {
                name,
                stem,
                reader,
                line: 0,
            })));
            return None;
        }
        let bytes = match File::open(&path)
            .map_err(|e| Reason::Io(e.to_string()))
            .and_then(|f| self.read_capped(f, Some(meta.len())))
        {
            Ok(b) => b,
            Err(r) => return Self::reject(name, r),
        };
        let items = self.docs_of_bytes(&bytes, format, &name, &stem);
        self.ready(items)
    }

    /// Queue already-built items and return the first.
    fn ready(&mut self, items: Vec<Result<Doc, Rejection>>) -> Option<Result<Doc, Rejection>> {
        let mut it = items.into_iter();
        let first = it.next();
        for x in it.rev() {
            self.queue.push_front(Pending::Ready(Box::new(x)));
        }
        first
    }

    /// The documents of one non-streamed input (a JSON array gives several; a
    /// sniffed JSON Lines input is queued as a line source and gives none here).
    fn docs_of_bytes(
        &mut self,
        bytes: &[u8],
        format: Option<Format>,
        name: &str,
        stem: &str,
    ) -> Vec<Result<Doc, Rejection>> {
        let rej = |reason| Rejection {
            input: name.to_string(),
            reason,
        };
        let (text, charset) = match decode(bytes) {
            Ok(x) => x,
            Err(r) => return vec![Err(rej(r))],
        };
        let note = match charset {
            Charset::Utf8Lossy { replaced, first } => Some(format!(
                "{replaced} invalid UTF-8 sequence(s) replaced by U+FFFD (first at byte {first})"
            )),
            _ => None,
        };
        let with_note = |mut d: Doc| {
            d.notes.extend(note.clone());
            d
        };
        match format.unwrap_or_else(|| sniff(&text)) {
            Format::Text => vec![Ok(with_note(self.doc(stem, name, Content::Text(text))))],
            Format::Html => vec![Ok(with_note(self.doc(stem, name, Content::Html(text))))],
            Format::Json => {
                let records = match serde_json::from_str::<Value>(&text) {
                    Ok(Value::Array(a)) => a,
                    Ok(v) => vec![v],
                    Err(e) => {
                        return vec![Err(rej(Reason::BadRecord(format!("invalid JSON: {e}"))))]
                    }
                };
                if records.is_empty() {
                    return vec![Err(rej(Reason::Empty))];
                }
                records
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        self.record(r, &format!("{name}[{i}]"), &format!("{stem}-{}", i + 1))
                    })
                    .collect()
            }
            Format::JsonLines => {
                let reader: Box<dyn BufRead> = Box::new(std::io::Cursor::new(text.into_bytes()));
                let src = LineSource {
                    name: name.to_string(),
                    stem: stem.to_string(),
                    reader,
                    line: 0,
                };
                self.queue.push_front(Pending::Lines(Box::new(src)));
                Vec::new()
            }
        }
    }

    fn doc(&self, id: &str, source: &str, content: Content) -> Doc {
        let mut d = Doc::new(id, source, content);
        d.set_published(self.opts.published.clone());
        d
    }

    /// A document from one JSON record.
    fn record(&self, v: &Value, input: &str, default_id: &str) -> Result<Doc, Rejection> {
        let rej = |m: String| Rejection {
            input: input.to_string(),
            reason: Reason::BadRecord(m),
        };
        let Value::Object(o) = v else {
            return Err(rej("not a JSON object".into()));
        };
        let s = |k: &str| -> Option<String> {
            match o.get(k)? {
                Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            }
        };
        let content = match (s("text"), s("html")) {
            (Some(t), _) => Content::Text(t),
            (None, Some(h)) => Content::Html(h),
            (None, None) if o.contains_key("text") || o.contains_key("html") => {
                return Err(Rejection {
                    input: input.to_string(),
                    reason: Reason::Empty,
                })
            }
            (None, None) => return Err(rej("the record has neither `text` nor `html`".into())),
        };
        let len = match &content {
            Content::Text(t) | Content::Html(t) => t.len() as u64,
        };
        if len > self.opts.max_bytes {
            return Err(Rejection {
                input: input.to_string(),
                reason: Reason::TooLarge {
                    size: len,
                    limit: self.opts.max_bytes,
                },
            });
        }
        let id = s("id").unwrap_or_else(|| default_id.to_string());
        let mut d = Doc::new(id, input, content);
        d.outlet = s("outlet");
        d.url = s("url");
        d.title = s("title");
        d.set_published(s("published").or_else(|| self.opts.published.clone()));
        Ok(d)
    }

    /// The next record of a JSON Lines source; `None` at its end.
    fn next_line(&mut self, src: &mut LineSource) -> Option<Result<Doc, Rejection>> {
        loop {
            let mut buf = Vec::new();
            src.line += 1;
            let limit = self.opts.max_bytes;
            let n = match (&mut src.reader)
                .take(limit + 1)
                .read_until(b'\n', &mut buf)
            {
                Ok(n) => n,
                Err(e) => {
                    return Self::reject(
                        format!("{}:{}", src.name, src.line),
                        Reason::Io(e.to_string()),
                    )
                }
            };
            if n == 0 {
                return None;
            }
            let input = format!("{}:{}", src.name, src.line);
            if buf.len() as u64 > limit && !buf.ends_with(b"\n") {
                // Skip the rest of the over-long line.
                let mut sink = Vec::new();
                while let Ok(k) = (&mut src.reader).take(1 << 20).read_until(b'\n', &mut sink) {
                    if k == 0 || sink.ends_with(b"\n") {
                        break;
                    }
                    sink.clear();
                }
                return Self::reject(
                    input,
                    Reason::TooLarge {
                        size: buf.len() as u64,
                        limit,
                    },
                );
            }
            let line = if src.line == 1 {
                buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf)
            } else {
                &buf[..]
            };
            let Ok(text) = std::str::from_utf8(line) else {
                return Self::reject(
                    input,
                    Reason::BadRecord("invalid UTF-8 (JSON Lines must be UTF-8)".into()),
                );
            };
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let v: Value = match serde_json::from_str(text) {
                Ok(v) => v,
                Err(e) => {
                    return Self::reject(input, Reason::BadRecord(format!("invalid JSON: {e}")))
                }
            };
            return Some(self.record(&v, &input, &format!("{}-{}", src.stem, src.line)));
        }
    }
}

impl Iterator for Inputs {
    type Item = Result<Doc, Rejection>;

    fn next(&mut self) -> Option<Self::Item> {
        while let Some(p) = self.queue.pop_front() {
            let item = match p {
                Pending::Path(path, explicit) => self.open_path(path, explicit),
                Pending::Stdin => {
                    let bytes = self.read_capped(std::io::stdin().lock(), None);
                    match bytes {
                        Ok(b) => {
                            let items = self.docs_of_bytes(&b, None, "-", "stdin");
                            self.ready(items)
                        }
                        Err(r) => Self::reject("-", r),
                    }
                }
                Pending::Ready(x) => Some(*x),
                Pending::Lines(mut src) => {
                    let item = self.next_line(&mut src);
                    if item.is_some() {
                        self.queue.push_front(Pending::Lines(src));
                    }
                    item
                }
            };
            if item.is_some() {
                return item;
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(items: &[Result<Doc, Rejection>]) -> Vec<String> {
        items
            .iter()
            .map(|r| match r {
                Ok(d) => d.id.clone(),
                Err(e) => format!("!{}", e.input),
            })
            .collect()
    }

    #[test]
    fn reads_a_tree() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path();
        std::fs::write(p.join("a.txt"), "قال المسماري").unwrap();
        std::fs::create_dir(p.join("sub")).unwrap();
        std::fs::write(p.join("sub/b.html"), "<p>نص</p>").unwrap();
        std::fs::write(p.join("sub/c.jsonl"), "{\"id\":\"x1\",\"text\":\"نص\",\"published\":\"2020-01-28\"}\n{broken\n\n{\"id\":\"x2\",\"html\":\"<p>نص</p>\"}\n{\"id\":\"x3\"}\n").unwrap();
        std::fs::write(p.join("sub/d.bin"), [0u8, 1, 2]).unwrap();
        std::fs::write(p.join("e.txt"), "").unwrap();
        std::fs::write(
            p.join("f.json"),
            "[{\"id\":\"j1\",\"text\":\"أ\"},{\"id\":\"j2\",\"text\":\"ب\"}]",
        )
        .unwrap();
        let mut inputs = Inputs::new(vec![p.to_path_buf()], Options::default());
        let items: Vec<_> = inputs.by_ref().collect();
        let got = ids(&items);
        let base = p.display().to_string();
        assert_eq!(
            got,
            vec![
                "a".to_string(),
                format!("!{base}/e.txt"),
                "j1".into(),
                "j2".into(),
                "b".into(),
                "x1".into(),
                format!("!{base}/sub/c.jsonl:2"),
                "x2".into(),
                format!("!{base}/sub/c.jsonl:5"),
            ]
        );
        assert_eq!(inputs.skipped, 1);
        let x1 = items.iter().flatten().find(|d| d.id == "x1").unwrap();
        assert_eq!(x1.published_at.map(|p| p.day), Some(28));
        assert!(matches!(
            items.iter().flatten().find(|d| d.id == "x2").unwrap().raw,
            Some(Content::Html(_))
        ));
    }

    #[test]
    fn limits_and_defaults() {
        let d = tempfile::tempdir().unwrap();
        let big = d.path().join("big.txt");
        std::fs::write(&big, "ب".repeat(600)).unwrap();
        let opts = Options {
            max_bytes: 1000,
            published: Some("2019-05-11".into()),
        };
        let items: Vec<_> = Inputs::new(vec![big.clone()], opts.clone()).collect();
        assert!(matches!(
            items[0],
            Err(Rejection {
                reason: Reason::TooLarge { .. },
                ..
            })
        ));
        let jl = d.path().join("r.jsonl");
        std::fs::write(
            &jl,
            format!(
                "{{\"text\":\"{}\"}}\n{{\"text\":\"ok\"}}\n",
                "ب".repeat(600)
            ),
        )
        .unwrap();
        let items: Vec<_> = Inputs::new(vec![jl], opts).collect();
        assert!(matches!(
            items[0],
            Err(Rejection {
                reason: Reason::TooLarge { .. },
                ..
            })
        ));
        let ok = items[1].as_ref().unwrap();
        assert_eq!(ok.id, "r-2");
        assert_eq!(ok.published.as_deref(), Some("2019-05-11"));
        let missing: Vec<_> =
            Inputs::new(vec![d.path().join("nope.txt")], Options::default()).collect();
        assert!(matches!(
            missing[0],
            Err(Rejection {
                reason: Reason::Io(_),
                ..
            })
        ));
    }
}
