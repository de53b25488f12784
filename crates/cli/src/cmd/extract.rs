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
    let mut inputs = Inputs::new(args.inputs, opts);
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut tally = Tally::default();
    let mut batch: Vec<Doc> = Vec::with_capacity(BATCH);
    loop {
        let item = inputs.next();
        let done = item.is_none();
        match item {
            Some(Ok(doc)) => {
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
            Some(Err(rej)) => {
                eprintln!("rasd: {rej}");
                tally.rejected += 1;
            }
            None => {}
        }
        if batch.len() >= BATCH || (done && !batch.is_empty()) {
            // Each worker also writes its articles' JSON and drops them, so only the
            // ordered copy to stdout stays on this thread.
            let lines: Vec<Result<Vec<u8>, String>> = pipeline
                .run_batch(std::mem::take(&mut batch))
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
            for line in lines {
                match line {
                    Ok(bytes) => {
                        out.write_all(&bytes).context("writing output")?;
                        tally.written += 1;
                    }
                    Err(e) => {
                        eprintln!("rasd: {e}");
                        tally.rejected += 1;
                    }
                }
            }
        }
        if done {
            break;
        }
    }
    out.flush().context("writing output")?;
    let secs = start.elapsed().as_secs_f64();
    let skipped = if inputs.skipped > 0 {
        format!(
            ", {} files skipped (not .txt/.html/.jsonl/.json)",
            inputs.skipped
        )
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
