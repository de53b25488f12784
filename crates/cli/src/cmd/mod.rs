//! One module per subcommand.

pub mod bench;
pub mod demo;
pub mod eval;
pub mod eval_duckling;
pub mod eval_ner;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod lexicon;
pub mod ner;
pub mod search;
pub mod serve;
pub mod train;

use std::path::PathBuf;

use rasd_pipeline::{Config, Preset};

/// Options every subcommand shares.
#[derive(Debug, Clone)]
pub struct Globals {
    /// `--lexicons DIR`.
    pub lexicons: Option<PathBuf>,
}

impl Globals {
    /// The pipeline configuration for a preset.
    pub fn config(&self, preset: Preset) -> Config {
        Config {
            lexicons: self.lexicons.clone(),
            preset,
        }
    }
}

/// Parse a preset name for clap.
pub fn parse_preset(s: &str) -> Result<Preset, String> {
    Preset::parse(s).ok_or_else(|| {
        let names: Vec<&str> = Preset::ALL.iter().map(|(n, _)| *n).collect();
        format!("unknown preset `{s}` (one of: {})", names.join(", "))
    })
}

/// Fail with a hint when the database a reading command names does not exist.
pub fn ensure_db(db: &std::path::Path) -> anyhow::Result<()> {
    anyhow::ensure!(
        db.is_file(),
        "{}: no such database (run `rasd ingest` first)",
        db.display()
    );
    Ok(())
}

/// Open an existing database for reading.
pub fn open_db(db: &std::path::Path) -> anyhow::Result<rasd_store::Store> {
    use anyhow::Context;
    ensure_db(db)?;
    rasd_store::Store::open_read_only(db).with_context(|| format!("opening {}", db.display()))
}

/// Print lexicon problems as warnings; they never stop a run.
pub fn warn_issues(issues: &[rasd_pipeline::lexicon::Issue]) {
    for i in issues {
        eprintln!("rasd: warning: lexicon {i}");
    }
}
