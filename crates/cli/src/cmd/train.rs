//! `rasd train …`: reproduce a committed model from its training data.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use rasd_pipeline::recognize::tagger::{self, conll, train, Prepared, Tagger};
use rasd_pipeline::text::Analyzer;

use super::Globals;

/// Training subcommands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Train the entity tagger (averaged perceptron); with no paths, reads the data
    /// the committed model was trained on from `$RASD_SHARED` and reproduces
    /// `models/ner/ner-ap.bin` byte for byte.
    Ner(NerArgs),
}

/// Arguments of `rasd train ner`.
#[derive(clap::Args, Debug)]
pub struct NerArgs {
    /// Labelled CoNLL files, in order (default: `$RASD_SHARED/testdata/anercorp/train.conll`).
    #[arg(long = "train", value_name = "FILE")]
    train: Vec<PathBuf>,
    /// Unlabelled text for word clusters: CoNLL files (first column), directories of
    /// them, or JSON Lines records with a `text` field (default, under `$RASD_SHARED`:
    /// the AQMAR articles, the Wojood sample and the news-dev corpus).
    #[arg(long = "unlabelled", value_name = "PATH")]
    unlabelled: Vec<PathBuf>,
    /// JSON Lines records whose id starts with this are skipped (SaudiNewsNet is
    /// licensed for evaluation only).
    #[arg(long, default_value = "SNN-", value_name = "PREFIX")]
    skip_id_prefix: String,
    /// Where to write the model.
    #[arg(long, default_value = "models/ner/ner-ap.bin", value_name = "FILE")]
    out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = train::Options::default().epochs)]
    epochs: usize,
    /// Training runs with different shuffles whose weights are averaged.
    #[arg(long, default_value_t = train::Options::default().runs)]
    runs: usize,
    /// Seed of the first run's sentence shuffle.
    #[arg(long, default_value_t = train::Options::default().seed)]
    seed: u64,
    /// After training, score the new model on this CoNLL file.
    #[arg(long, value_name = "FILE")]
    test: Option<PathBuf>,
    /// Print progress.
    #[arg(long, short)]
    verbose: bool,
}

fn shared(rel: &str) -> Option<PathBuf> {
    let p = Path::new(&std::env::var_os("RASD_SHARED")?).join(rel);
    p.exists().then_some(p)
}

/// Run a training command.
pub fn run(g: &Globals, c: Command) -> anyhow::Result<ExitCode> {
    match c {
        Command::Ner(a) => ner(g, a),
    }
}

fn conll_files(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for e in entries {
            conll_files(&e, out);
        }
    } else {
        out.push(p.to_path_buf());
    }
}

fn ner(g: &Globals, a: NerArgs) -> anyhow::Result<ExitCode> {
    let mut train_paths = a.train.clone();
    if train_paths.is_empty() {
        train_paths.push(shared("testdata/anercorp/train.conll").context(
            "no --train file given and $RASD_SHARED/testdata/anercorp/train.conll not found",
        )?);
    }
    let mut unl_paths = a.unlabelled.clone();
    if unl_paths.is_empty() {
        for rel in [
            "testdata/aqmar/articles",
            "testdata/wojood-sample/train.txt",
            "testdata/wojood-sample/val.txt",
            "testdata/wojood-sample/test.txt",
            "corpus/news-dev.jsonl",
        ] {
            unl_paths.extend(shared(rel));
        }
    }
    let src = super::ner::source(g);
    let (analyzer, _) = Analyzer::load(&src);
    let (lists, issues) = tagger::load_lists(&src, &analyzer);
    super::warn_issues(&issues);

    let mut labelled = Vec::new();
    let mut header = format!(
        "ner-ap 1\nstructured averaged perceptron, two passes; {} word lists\n",
        lists.classes.len()
    );
    for p in &train_paths {
        let s = super::ner::read_conll(p)?;
        let tokens: usize = s.iter().map(|s| s.tokens.len()).sum();
        header.push_str(&format!(
            "train: {} ({} sentences, {tokens} tokens)\n",
            file_name(p),
            s.len()
        ));
        labelled.extend(
            s.into_iter()
                .map(|s| (Prepared::new(&s.tokens, &analyzer), s.tags)),
        );
    }
    let mut unlabelled: Vec<Vec<u64>> = Vec::new();
    let mut files = Vec::new();
    for p in &unl_paths {
        conll_files(p, &mut files);
    }
    for p in &files {
        let text =
            std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?;
        let before = unlabelled.len();
        if p.extension().is_some_and(|e| e == "jsonl") {
            for (n, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let v: serde_json::Value = serde_json::from_str(line)
                    .with_context(|| format!("{}:{}: not JSON", p.display(), n + 1))?;
                if v["id"]
                    .as_str()
                    .is_some_and(|id| id.starts_with(&a.skip_id_prefix))
                {
                    continue;
                }
                if let Some(t) = v["text"].as_str() {
                    unlabelled.extend(train::doc_sequences(&analyzer.analyze_text(t)));
                }
            }
        } else {
            unlabelled.extend(
                conll::parse(&text)
                    .iter()
                    .map(|s| Prepared::new(&s.tokens, &analyzer).core_hashes()),
            );
        }
        if a.verbose {
            eprintln!(
                "rasd: {}: {} unlabelled sentences",
                p.display(),
                unlabelled.len() - before
            );
        }
    }
    let names: Vec<String> = unl_paths.iter().map(|p| file_name(p)).collect();
    header.push_str(&format!(
        "unlabelled: {} ({} sentences)\n",
        names.join(", "),
        unlabelled.len()
    ));
    let opts = train::Options {
        epochs: a.epochs,
        runs: a.runs,
        seed: a.seed,
        ..train::Options::default()
    };
    header.push_str(&format!("options: {opts:?}\n"));
    let verbose = a.verbose;
    let trained = train::train(
        &labelled,
        &unlabelled,
        &tagger::features::Resources {
            lists,
            ..Default::default()
        },
        &opts,
        &header,
        &mut |l| {
            if verbose {
                eprintln!("rasd: {l}");
            }
        },
    );
    if let Some(dir) = a.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(&a.out, &trained.bytes)
        .with_context(|| format!("writing {}", a.out.display()))?;
    eprintln!(
        "rasd: wrote {} ({} bytes; feature rows per pass {:?}; {} clustered words)",
        a.out.display(),
        trained.bytes.len(),
        trained.features,
        trained.clustered
    );
    if let Some(t) = &a.test {
        let (tg, _) = Tagger::from_bytes(&trained.bytes, &src)?;
        let data = super::ner::read_conll(t)?;
        print!("{}", train::evaluate(&tg, &data).report());
    }
    Ok(ExitCode::SUCCESS)
}

fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
