//! `rasd lexicon check|list`: validate the lexicon files a run would use.

use std::path::PathBuf;
use std::process::ExitCode;

use rasd_pipeline::lexicon::Source;

use super::Globals;

/// Lexicon subcommands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Load every lexicon (embedded, overridden by DIR or --lexicons) and report bad
    /// rows: wrong columns, duplicate ids, forms mapped to several refs, unknown
    /// types, dangling refs. Exits 1 on any problem.
    Check {
        /// Lexicon directory to check (default: --lexicons, else the built-in files).
        dir: Option<PathBuf>,
    },
    /// List the built-in lexicon files.
    List,
}

/// Run a lexicon subcommand.
pub fn run(g: &Globals, c: Command) -> anyhow::Result<ExitCode> {
    match c {
        Command::Check { dir } => {
            let dir = dir.or_else(|| g.lexicons.clone());
            let src = match &dir {
                Some(d) => {
                    anyhow::ensure!(d.is_dir(), "{} is not a directory", d.display());
                    Source::with_dir(d)
                }
                None => Source::embedded(),
            };
            let issues = rasd_pipeline::check_lexicons(&src);
            for i in &issues {
                println!("{i}");
            }
            let what = dir.map_or("built-in lexicons".to_string(), |d| d.display().to_string());
            eprintln!("rasd: {}: {} problem(s)", what, issues.len());
            Ok(if issues.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::List => {
            for f in Source::embedded_files() {
                println!("{f}");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
