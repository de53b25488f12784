//! `rasd ner --conll FILE`: tag the tokens of a CoNLL file with the entity tagger,
//! one `token<TAB>tag` line per token and a blank line between sentences.
//! `rasd ner --articles INPUT…`: tag articles (files, directories, JSON Lines) after
//! the text stage, one JSON object of mentions per article; `--time` reports the
//! tagger's own CPU time and throughput (text analysis not counted).

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use rasd_pipeline::ingest::{Inputs, Options};
use rasd_pipeline::lexicon::Source;
use rasd_pipeline::recognize::tagger::{conll, model, Tagger};
use rasd_pipeline::{Pipeline, Preset};

use super::{warn_issues, Globals};

/// Arguments of `rasd ner`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// CoNLL file: one token per line (first column; other columns are ignored),
    /// a blank line between sentences.
    #[arg(long, value_name = "FILE", required_unless_present = "articles")]
    conll: Option<PathBuf>,
    /// Articles to tag instead (files, directories, JSON Lines records).
    #[arg(long, value_name = "INPUT", num_args = 1.., conflicts_with = "conll")]
    articles: Vec<PathBuf>,
    /// With `--articles`: print no mentions, only the tagger's CPU time and speed
    /// (best of this many passes) on standard error.
    #[arg(long, value_name = "PASSES")]
    time: Option<usize>,
    /// A model file to use instead of the built-in one (as written by `rasd train ner`).
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
}

/// The lexicon source of a run.
pub fn source(g: &Globals) -> Source {
    g.lexicons
        .as_ref()
        .map_or_else(Source::embedded, Source::with_dir)
}

/// The tagger of a run: the built-in model or `model`, with the run's word lists.
pub fn tagger(g: &Globals, model: Option<&Path>) -> anyhow::Result<Tagger> {
    let src = source(g);
    let (tagger, issues) = match model {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
            Tagger::from_bytes(&bytes, &src).with_context(|| format!("loading {}", p.display()))?
        }
        None => Tagger::load(&src),
    };
    warn_issues(&issues);
    Ok(tagger)
}

/// Read a CoNLL file.
pub fn read_conll(path: &Path) -> anyhow::Result<Vec<conll::Sentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(conll::parse(&text))
}

/// Run `rasd ner`.
pub fn run(g: &Globals, args: Args) -> anyhow::Result<ExitCode> {
    let Some(conll) = &args.conll else {
        return articles(g, &args);
    };
    let sentences = read_conll(conll)?;
    let tagger = tagger(g, args.model.as_deref())?;
    let words: Vec<&[String]> = sentences.iter().map(|s| s.tokens.as_slice()).collect();
    let tags = tagger.tag_sentences(&words);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for (k, (s, t)) in sentences.iter().zip(&tags).enumerate() {
        if k > 0 {
            out.write_all(b"\n").context("writing output")?;
        }
        for (w, tag) in s.tokens.iter().zip(t) {
            writeln!(out, "{w}\t{}", model::tag_name(*tag)).context("writing output")?;
        }
    }
    out.flush().context("writing output")?;
    Ok(ExitCode::SUCCESS)
}

/// `--articles`: tag analysed articles; print their mentions or, with `--time`, the
/// tagger's speed.
fn articles(g: &Globals, args: &Args) -> anyhow::Result<ExitCode> {
    let tagger = tagger(g, args.model.as_deref())?;
    let (text, issues) = Pipeline::from_config(&g.config(Preset::TextOnly));
    warn_issues(&issues);
    let mut docs = Vec::new();
    for mut d in Inputs::new(args.articles.clone(), Options::default()).flatten() {
        text.run(&mut d)
            .with_context(|| format!("analysing {}", d.id))?;
        docs.push(d);
    }
    anyhow::ensure!(!docs.is_empty(), "no readable articles in the inputs");
    if let Some(passes) = args.time {
        let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
        let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
        let mut best = f64::INFINITY;
        let mut found = 0usize;
        for _ in 0..passes.max(1) {
            let t0 = thread_cpu_seconds();
            found = docs.iter().map(|d| tagger.tag(d).len()).sum();
            if let (Some(a), Some(b)) = (t0, thread_cpu_seconds()) {
                best = best.min(b - a);
            }
        }
        eprintln!(
            "rasd: tagged {} articles, {tokens} tokens, {:.2} MB, {found} mentions; \
             best pass {best:.3} s CPU = {:.0} tokens/s = {:.2} MB/s per core",
            docs.len(),
            bytes as f64 / 1e6,
            tokens as f64 / best,
            bytes as f64 / 1e6 / best
        );
        return Ok(ExitCode::SUCCESS);
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for d in &docs {
        let mentions: Vec<serde_json::Value> = tagger
            .tag(d)
            .iter()
            .map(|m| {
                serde_json::json!({
                    "start": m.span.start,
                    "end": m.span.end,
                    "text": d.text(m.span),
                    "label": format!("{:?}", m.label),
                    "score": m.score,
                })
            })
            .collect();
        let v = serde_json::json!({ "id": d.id, "mentions": mentions });
        writeln!(out, "{v}").context("writing output")?;
    }
    out.flush().context("writing output")?;
    Ok(ExitCode::SUCCESS)
}

/// User and system CPU time of the calling thread, from `/proc/thread-self/stat`
/// (Linux; `None` elsewhere), in seconds.
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = s.get(s.rfind(')')? + 2..)?;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}
