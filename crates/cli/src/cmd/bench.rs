//! `rasd bench`: throughput of each stage and of the whole pipeline, measured on
//! inputs held in memory (reading files is not timed), with peak memory.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use rasd_pipeline::ingest::{Inputs, Options};
use rasd_pipeline::model::{Content, Doc};
use rasd_pipeline::{Pipeline, Preset};

use super::{parse_preset, warn_issues, Globals};

/// Arguments of `rasd bench`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Corpus to measure on (files, directories, JSON Lines).
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Passes over the corpus per measurement; the fastest pass is reported.
    #[arg(long, default_value_t = 3)]
    repeat: usize,
    /// Thread counts for the whole-pipeline measurement.
    #[arg(long, value_delimiter = ',', default_value = "1,2")]
    threads: Vec<usize>,
    /// Replicate the corpus in memory until it holds at least this many megabytes.
    #[arg(long, value_name = "MB")]
    scale_mb: Option<f64>,
    /// Stage chain: default, no-tagger or text-only.
    #[arg(long, default_value = "default", value_parser = parse_preset)]
    preset: Preset,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

fn raw_len(d: &Doc) -> usize {
    match &d.raw {
        Some(Content::Text(t) | Content::Html(t)) => t.len(),
        None => 0,
    }
}

/// Peak resident set size of this process, in MB (Linux `VmHWM`).
pub fn peak_rss_mb() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Run `rasd bench`.
pub fn run(g: &Globals, args: Args) -> anyhow::Result<ExitCode> {
    let (pipeline, issues) = Pipeline::from_config(&g.config(args.preset));
    warn_issues(&issues);
    let mut docs: Vec<Doc> = Inputs::new(args.inputs.clone(), Options::default())
        .flatten()
        .collect();
    anyhow::ensure!(!docs.is_empty(), "no readable articles in the inputs");
    if let Some(mb) = args.scale_mb {
        let base = docs.clone();
        let mut i = 0usize;
        while (docs.iter().map(raw_len).sum::<usize>() as f64) < mb * 1e6 {
            let mut d = base[i % base.len()].clone();
            d.id = format!("{}#{}", d.id, i / base.len() + 1);
            docs.push(d);
            i += 1;
        }
    }
    let bytes: usize = docs.iter().map(raw_len).sum();
    let mb = bytes as f64 / 1e6;
    let names = pipeline.stage_names();
    let repeat = args.repeat.max(1);

    // Per stage, one thread: time each stage on each document, keep the best pass.
    let mut best = vec![Duration::MAX; names.len()];
    for _ in 0..repeat {
        let mut pass = vec![Duration::ZERO; names.len()];
        for d in &docs {
            let mut d = d.clone();
            for (i, s) in pipeline.stages().iter().enumerate() {
                let t = Instant::now();
                let _ = s.run(&mut d);
                pass[i] += t.elapsed();
            }
        }
        for (b, p) in best.iter_mut().zip(pass) {
            *b = (*b).min(p);
        }
    }

    // Whole pipeline on N threads.
    let mut whole = Vec::new();
    for &n in &args.threads {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()?;
        let mut fastest = Duration::MAX;
        for _ in 0..repeat {
            let batch = docs.clone();
            let t = Instant::now();
            let out = pool.install(|| pipeline.run_batch(batch));
            fastest = fastest.min(t.elapsed());
            anyhow::ensure!(out.len() == docs.len(), "lost articles in the batch");
        }
        whole.push((n, fastest));
    }
    let peak = peak_rss_mb();

    if args.json {
        let stages: Vec<serde_json::Value> = names
            .iter()
            .zip(&best)
            .map(|(n, d)| serde_json::json!({"stage": n, "seconds": d.as_secs_f64(), "mb_per_s": mb / d.as_secs_f64()}))
            .collect();
        let runs: Vec<serde_json::Value> = whole
            .iter()
            .map(|(n, d)| {
                let s = d.as_secs_f64();
                serde_json::json!({"threads": n, "seconds": s, "mb_per_s": mb / s, "mb_per_s_per_core": mb / s / *n as f64, "articles_per_s": docs.len() as f64 / s})
            })
            .collect();
        println!(
            "{}",
            serde_json::json!({"articles": docs.len(), "mb": mb, "stages": stages, "pipeline": runs, "peak_rss_mb": peak})
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "corpus: {} articles, {:.2} MB (input bytes); best of {repeat} passes",
        docs.len(),
        mb
    );
    println!(
        "{:<22} {:>10} {:>12}",
        "stage (1 thread)", "seconds", "MB/s/core"
    );
    let mut cumulative = Duration::ZERO;
    for (n, d) in names.iter().zip(&best) {
        cumulative += *d;
        println!(
            "{:<22} {:>10.4} {:>12.1}",
            n,
            d.as_secs_f64(),
            mb / d.as_secs_f64()
        );
        if *n == "text" {
            println!(
                "{:<22} {:>10.4} {:>12.1}",
                "  clean+text",
                cumulative.as_secs_f64(),
                mb / cumulative.as_secs_f64()
            );
        }
    }
    println!(
        "{:<22} {:>10.4} {:>12.1}",
        "all stages",
        cumulative.as_secs_f64(),
        mb / cumulative.as_secs_f64()
    );
    println!(
        "{:<22} {:>10} {:>12} {:>14}",
        "pipeline", "seconds", "MB/s/core", "articles/s"
    );
    for (n, d) in &whole {
        let s = d.as_secs_f64();
        println!(
            "{:<22} {:>10.4} {:>12.1} {:>14.0}",
            format!("{n} thread(s)"),
            s,
            mb / s / *n as f64,
            docs.len() as f64 / s
        );
    }
    if let Some(p) = peak {
        println!("peak resident memory: {p:.1} MB");
    }
    Ok(ExitCode::SUCCESS)
}
