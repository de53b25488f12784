//! `rasd ner --conll FILE`: tag the tokens of a CoNLL file with the entity tagger,
//! one `token<TAB>tag` line per token and a blank line between sentences.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use rasd_pipeline::lexicon::Source;
use rasd_pipeline::recognize::tagger::{conll, model, Tagger};

use super::{warn_issues, Globals};

/// Arguments of `rasd ner`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// CoNLL file: one token per line (first column; other columns are ignored),
    /// a blank line between sentences.
    #[arg(long, value_name = "FILE")]
    conll: PathBuf,
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
    let sentences = read_conll(&args.conll)?;
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
