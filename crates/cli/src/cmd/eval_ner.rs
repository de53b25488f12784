//! `rasd eval ner --conll FILE`: conlleval-style precision, recall and F1 of the
//! entity tagger on a CoNLL file with gold tags, per type and micro-averaged.
//! Chunks are read from BIO tags as conlleval reads them and count as correct only
//! when start, end and type all match.

use std::path::PathBuf;
use std::process::ExitCode;

use rasd_pipeline::recognize::tagger::conll::Score;

use super::Globals;

/// Arguments of `rasd eval ner`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// CoNLL file with gold tags (`token TAG`, BIO; ANERcorp, AQMAR and Wojood tag
    /// sets are mapped onto PERS, LOC, ORG and MISC).
    #[arg(long, value_name = "FILE")]
    conll: PathBuf,
    /// A model file to use instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
    /// Print one JSON object instead of the conlleval table.
    #[arg(long)]
    json: bool,
}

/// Run `rasd eval ner`.
pub fn run(g: &Globals, args: Args) -> anyhow::Result<ExitCode> {
    let sentences = super::ner::read_conll(&args.conll)?;
    anyhow::ensure!(
        !sentences.is_empty(),
        "{}: no sentences",
        args.conll.display()
    );
    let tagger = super::ner::tagger(g, args.model.as_deref())?;
    let words: Vec<&[String]> = sentences.iter().map(|s| s.tokens.as_slice()).collect();
    let preds = tagger.tag_sentences(&words);
    let mut score = Score::default();
    for (s, p) in sentences.iter().zip(&preds) {
        score.add(&s.tags, p);
    }
    if args.json {
        println!("{}", score.to_json());
    } else {
        print!("{}", score.report());
    }
    Ok(ExitCode::SUCCESS)
}
