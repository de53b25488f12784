//! `rasd extract`: the pipeline over inputs, one contract object per line on stdout.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use rasd_pipeline::ingest::{Inputs, Options, DEFAULT_MAX_BYTES};
use rasd_pipeline::model::{wire::Article, Content, Doc};
use rasd_pipeline::{Pipeline, Preset};
use rayon::prelude::*;

use super::{parse_preset, warn_issues, Globals};

/// Arguments of `rasd extract`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files, directories (read recursively) or `-` for stdin: .txt, .html, .htm, .jsonl, .json.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD or an ISO datetime) for inputs that carry none.
    #[arg(long, value_name = "DATE")]
    published: Option<String>,
    /// Reject inputs (files or JSON Lines records) larger than this many bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES, value_name = "BYTES")]
    max_bytes: u64,
    /// Stage chain: default, no-tagger or text-only.
    #[arg(long, default_value = "default", value_parser = parse_preset)]
    preset: Preset,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,
}

/// Counts for the closing summary line.
#[derive(Default)]
struct Tally {
    written: usize,
    rejected: usize,
    bytes: usize,
}

const BATCH: usize = 64;

/// One parsed input: an article or why it was rejected.
type Input = <Inputs as Iterator>::Item;

/// Run `rasd extract`.
pub fn run(g: &Globals, args: Args) -> anyhow::Result<ExitCode> {
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
    let (pipeline, issues) = Pipeline::from_config(&g.config(args.preset));
    warn_issues(&issues);
    let start = Instant::now();
    let opts = Options {
        max_bytes: args.max_bytes,
        published: args.published.clone(),
    };
    // A reader thread parses the inputs into batches while the workers run the
    // pipeline on the batch before, so reading overlaps the work.
    let inputs_paths = args.inputs;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Input>>(2);
    let reader = std::thread::spawn(move || {
        let mut inputs = Inputs::new(inputs_paths, opts);
        let mut batch = Vec::with_capacity(BATCH);
        for item in inputs.by_ref() {
            batch.push(item);
            if batch.len() >= BATCH && tx.send(std::mem::take(&mut batch)).is_err() {
                return inputs.skipped;
            }
        }
        if !batch.is_empty() {
            tx.send(batch).ok();
        }
        inputs.skipped
    });
    // A writer thread copies each batch's lines to stdout, in order, while the workers
    // run the next batch.
    let (wtx, wrx) = std::sync::mpsc::sync_channel::<Vec<Result<Vec<u8>, String>>>(2);
    let writer = std::thread::spawn(move || -> anyhow::Result<(usize, usize)> {
        let stdout = std::io::stdout();
        let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
        let (mut written, mut failed) = (0, 0);
        for lines in wrx {
            for line in lines {
                match line {
                    Ok(bytes) => {
                        out.write_all(&bytes).context("writing output")?;
                        written += 1;
                    }
                    Err(e) => {
                        eprintln!("rasd: {e}");
                        failed += 1;
                    }
                }
            }
        }
        out.flush().context("writing output")?;
        Ok((written, failed))
    });
    let mut tally = Tally::default();
    for items in rx {
        let mut batch: Vec<Doc> = Vec::with_capacity(items.len());
        for item in items {
            match item {
                Ok(doc) => {
                    if let (Some(p), None) = (&doc.published, &doc.published_at) {
                        eprintln!("rasd: {}: warning: published {p:?} is not a date; relative times stay unresolved", doc.source);
                    }
                    for note in &doc.notes {
                        eprintln!("rasd: {}: warning: {note}", doc.source);
                    }
                    tally.bytes += match &doc.raw {
                        Some(Content::Text(t) | Content::Html(t)) => t.len(),
                        None => 0,
                    };
                    batch.push(doc);
                }
                Err(rej) => {
                    eprintln!("rasd: {rej}");
                    tally.rejected += 1;
                }
            }
        }
        // Each worker also writes its articles' JSON and drops them.
        let lines: Vec<Result<Vec<u8>, String>> = pipeline
            .run_batch(batch)
            .into_par_iter()
            .map(|(doc, result)| match result {
                Ok(()) => {
                    let mut line = serde_json::to_vec(&Article::of(&doc))
                        .map_err(|e| format!("{}: {e}", doc.source))?;
                    line.push(b'\n');
                    Ok(line)
                }
                Err(e) => Err(format!("{}: {e}", doc.source)),
            })
            .collect();
        if wtx.send(lines).is_err() {
            // The writer stopped on an error: it is reported below.
            break;
        }
    }
    drop(wtx);
    let (written, failed) = writer
        .join()
        .map_err(|_| anyhow::anyhow!("the output writer failed"))??;
    tally.written = written;
    tally.rejected += failed;
    let skipped = reader
        .join()
        .map_err(|_| anyhow::anyhow!("the input reader failed"))?;
    let secs = start.elapsed().as_secs_f64();
    let skipped = if skipped > 0 {
        format!(", {skipped} files skipped (not .txt/.html/.jsonl/.json)")
    } else {
        String::new()
    };
    eprintln!(
        "rasd: {} articles written, {} inputs rejected{skipped}; {:.1} MB in {:.2} s",
        tally.written,
        tally.rejected,
        tally.bytes as f64 / 1e6,
        secs
    );
    Ok(if tally.rejected > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
