//! `rasd ingest`: the pipeline over inputs, in parallel, into the store; then the
//! search index and incidents are brought up to date.
//!
//! The reading thread hashes each raw article and skips those already stored, runs
//! the pipeline on batches with rayon and hands them to one writer thread, which
//! stores each batch in one SQLite transaction. Killing the process at any moment
//! loses at most the batch in flight; the next run skips what is stored and finishes
//! the rest, then catches up the derived data.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context;
use rasd_pipeline::ingest::{Inputs, Options, DEFAULT_MAX_BYTES};
use rasd_pipeline::model::wire::Article;
use rasd_pipeline::model::Doc;
use rasd_pipeline::{Pipeline, Preset};
use rasd_store::search::SearchIndex;
use rasd_store::{content_hash, Store, Summary};

use super::{parse_preset, warn_issues, Globals};

/// Arguments of `rasd ingest`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files, directories (read recursively) or `-` for stdin: .txt, .html, .htm, .jsonl, .json.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The database (created when missing; its search index goes to DB.search/).
    #[arg(long, default_value = "rasd.db", value_name = "DB")]
    pub db: PathBuf,
    /// Publication date (YYYY-MM-DD or an ISO datetime) for inputs that carry none.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Reject inputs (files or JSON Lines records) larger than this many bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES, value_name = "BYTES")]
    pub max_bytes: u64,
    /// Stage chain: default, no-tagger or text-only.
    #[arg(long, default_value = "default", value_parser = parse_preset)]
    pub preset: Preset,
    /// Articles per batch (one transaction each): larger batches write each index
    /// page less often; a kill loses at most the batches in flight.
    #[arg(long, default_value_t = 128, value_name = "N")]
    pub batch: usize,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// No progress line.
    #[arg(short, long)]
    pub quiet: bool,
    /// The inputs are `rasd extract` output (JSON Lines of contract objects): store
    /// them as they are, without running the pipeline.
    #[arg(long)]
    pub from_extract: bool,
}

/// What an ingest did.
#[derive(Debug, Default)]
pub struct Report {
    /// Articles added.
    pub added: usize,
    /// Articles skipped because they were stored already.
    pub skipped: usize,
    /// Inputs rejected (unreadable, or the pipeline failed on them).
    pub rejected: usize,
    /// The store's counts afterwards.
    pub summary: Summary,
    /// Seconds taken.
    pub secs: f64,
}

/// The progress line on stderr: redrawn in place on a terminal, one line every few
/// seconds otherwise.
struct Progress {
    start: Instant,
    last: Instant,
    tty: bool,
    quiet: bool,
}

impl Progress {
    fn new(quiet: bool) -> Progress {
        let now = Instant::now();
        Progress {
            start: now,
            last: now,
            tty: std::io::stderr().is_terminal(),
            quiet,
        }
    }

    fn show(&mut self, r: &Report, force: bool) {
        let every = if self.tty {
            Duration::from_millis(200)
        } else {
            Duration::from_secs(5)
        };
        if self.quiet || (!force && self.last.elapsed() < every) {
            return;
        }
        self.last = Instant::now();
        let secs = self.start.elapsed().as_secs_f64().max(1e-3);
        let line = format!(
            "rasd: ingest: {} added, {} already stored, {} rejected — {:.1} articles/s",
            r.added,
            r.skipped,
            r.rejected,
            r.added as f64 / secs
        );
        if self.tty {
            eprint!("\r\x1b[2K{line}");
            if force {
                eprintln!();
            }
        } else {
            eprintln!("{line}");
        }
    }
}

/// Run `rasd ingest`.
pub fn run(g: &Globals, args: Args) -> anyhow::Result<ExitCode> {
    let report = ingest(g, &args)?;
    let s = &report.summary;
    eprintln!(
        "rasd: {}: {} articles added, {} already stored, {} rejected in {:.1} s; the store holds {} articles, {} events, {} incidents ({} from two or more outlets)",
        args.db.display(),
        report.added,
        report.skipped,
        report.rejected,
        report.secs,
        s.articles,
        s.events,
        s.incidents,
        s.multi_outlet_incidents
    );
    Ok(if report.rejected > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Ingest inputs into a database (also used by `rasd demo`).
pub fn ingest(g: &Globals, args: &Args) -> anyhow::Result<Report> {
    if let Some(p) = &args.published {
        if rasd_pipeline::model::Published::parse(p).is_none() {
            anyhow::bail!("--published {p:?} is not a date (YYYY-MM-DD) or ISO datetime");
        }
    }
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .ok();
    }
    let src = g.config(args.preset).source();
    let (store, issues) = Store::open_with(&args.db, &src)
        .with_context(|| format!("opening {}", args.db.display()))?;
    warn_issues(&issues);
    let mut seen = store.hashes()?;
    let (pipeline, issues) = Pipeline::from_config(&g.config(args.preset));
    warn_issues(&issues);

    let (tx, rx) = mpsc::sync_channel::<Vec<(String, Doc)>>(2);
    let writer = std::thread::spawn(move || -> anyhow::Result<(Store, usize)> {
        let mut store = store;
        let mut added = 0;
        for batch in rx {
            added += store.insert_batch(&batch)?;
        }
        Ok((store, added))
    });

    let mut report = Report::default();
    let mut progress = Progress::new(args.quiet);
    let opts = Options {
        max_bytes: args.max_bytes,
        published: args.published.clone(),
    };
    let mut inputs: Box<dyn Iterator<Item = Result<Doc, String>>> = if args.from_extract {
        Box::new(Extracted::new(args.inputs.clone()))
    } else {
        Box::new(Inputs::new(args.inputs.clone(), opts).map(|r| r.map_err(|rej| rej.to_string())))
    };
    let mut batch: Vec<(String, Doc)> = Vec::with_capacity(args.batch);
    let batch_size = args.batch.max(1);
    let mut send_failed = false;
    loop {
        let item = inputs.next();
        let done = item.is_none();
        match item {
            Some(Ok(doc)) => {
                let hash = content_hash(&doc);
                if seen.insert(hash.clone()) {
                    batch.push((hash, doc));
                } else {
                    report.skipped += 1;
                }
            }
            Some(Err(rej)) => {
                eprintln!("rasd: {rej}");
                report.rejected += 1;
            }
            None => {}
        }
        if batch.len() >= batch_size || (done && !batch.is_empty()) {
            let (hashes, docs): (Vec<String>, Vec<Doc>) =
                std::mem::take(&mut batch).into_iter().unzip();
            let mut ok = Vec::with_capacity(docs.len());
            let results = if args.from_extract {
                docs.into_iter().map(|d| (d, Ok(()))).collect()
            } else {
                pipeline.run_batch(docs)
            };
            for ((doc, result), hash) in results.into_iter().zip(hashes) {
                match result {
                    Ok(()) => ok.push((hash, doc)),
                    Err(e) => {
                        eprintln!("rasd: {}: {e}", doc.source);
                        report.rejected += 1;
                    }
                }
            }
            let n = ok.len();
            if tx.send(ok).is_err() {
                send_failed = true;
                break;
            }
            report.added += n;
            progress.show(&report, false);
        }
        if done {
            break;
        }
    }
    drop(tx);
    let (mut store, added) = match writer.join() {
        Ok(r) => r.context("storing articles")?,
        Err(_) => anyhow::bail!("the writer thread panicked"),
    };
    if send_failed {
        anyhow::bail!("the writer stopped early");
    }
    report.added = added;
    progress.show(&report, true);
    refresh(&mut store, &src)?;
    report.summary = store.summary()?;
    report.secs = progress.start.elapsed().as_secs_f64();
    Ok(report)
}

/// Bring the derived data up to date: the search index, then incidents (when
/// articles were added since they were last computed, or a run was killed first).
pub fn refresh(store: &mut Store, src: &rasd_pipeline::lexicon::Source) -> anyhow::Result<()> {
    let mut index = SearchIndex::open(store.path(), src)?;
    index.sync(store)?;
    if store.incidents_stale()? {
        store.recompute_incidents()?;
    }
    Ok(())
}

/// Contract objects read back from `rasd extract` output, one per line, as documents
/// with every layer filled.
struct Extracted {
    files: std::vec::IntoIter<PathBuf>,
    current: Option<(
        String,
        std::io::Lines<std::io::BufReader<std::fs::File>>,
        usize,
    )>,
}

impl Extracted {
    fn new(files: Vec<PathBuf>) -> Extracted {
        Extracted {
            files: files.into_iter(),
            current: None,
        }
    }
}

/// A document from its contract object.
fn doc_of(a: Article<'_>, source: String) -> Doc {
    let mut doc = Doc::default();
    doc.id = a.id.into_owned();
    doc.source = if a.source.is_empty() {
        source
    } else {
        a.source.into_owned()
    };
    doc.outlet = a.outlet.map(|c| c.into_owned());
    doc.set_published(a.published.map(|c| c.into_owned()));
    doc.url = a.url.map(|c| c.into_owned());
    doc.title = a.title.map(|c| c.into_owned());
    doc.set_body(a.body.into_owned());
    doc.removed = a.removed.into_owned();
    doc.credits = a.credits.into_owned();
    doc.sentences = a.sentences.into_owned();
    doc.entities = a.entities.into_owned();
    doc.refs = a.refs.into_owned();
    doc.times = a.times.into_owned();
    doc.quantities = a.quantities.into_owned();
    doc.durations = a.durations.into_owned();
    doc.claims = a.claims.into_owned();
    doc.voice = a.voice.map(|c| c.into_owned());
    doc.events = a.events.into_owned();
    doc
}

impl Iterator for Extracted {
    type Item = Result<Doc, String>;

    fn next(&mut self) -> Option<Self::Item> {
        use std::io::BufRead;
        loop {
            if self.current.is_none() {
                let path = self.files.next()?;
                let name = path.display().to_string();
                match std::fs::File::open(&path) {
                    Ok(f) => self.current = Some((name, std::io::BufReader::new(f).lines(), 0)),
                    Err(e) => return Some(Err(format!("{name}: {e}"))),
                }
            }
            let (name, lines, n) = self.current.as_mut()?;
            match lines.next() {
                None => self.current = None,
                Some(Err(e)) => {
                    let msg = format!("{name}: {e}");
                    self.current = None;
                    return Some(Err(msg));
                }
                Some(Ok(line)) => {
                    *n += 1;
                    if line.trim().is_empty() {
                        continue;
                    }
                    let source = format!("{name}:{n}");
                    return Some(match serde_json::from_str::<Article<'_>>(&line) {
                        Ok(a) => {
                            let doc = doc_of(a, source.clone());
                            let bad = doc.entities.iter().any(|e| e.end > doc.len())
                                || doc.events.iter().any(|e| e.trigger.end > doc.len());
                            if bad {
                                Err(format!("{source}: a span lies outside the body"))
                            } else {
                                Ok(doc)
                            }
                        }
                        Err(e) => Err(format!("{source}: not a rasd extract object: {e}")),
                    });
                }
            }
        }
    }
}
