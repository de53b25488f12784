//! The `rasd` binary: parses arguments, dispatches to a subcommand, sets the exit
//! code. All text logic lives in the library crates behind `rasd-pipeline`.

mod cmd;
mod io;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc rather than the system allocator: the stages allocate many short-lived
/// buffers per article, and with glibc's allocator that was a tenth of the run time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// rasd (رصد): Arabic conflict news in, a sourced record out — who did what to
/// whom, where, when, how many were hurt, and who says so.
#[derive(Parser, Debug)]
#[command(name = "rasd", version, about, propagate_version = true)]
pub struct Cli {
    /// Lexicon directory whose files override the built-in ones, file by file.
    #[arg(long, global = true, env = "RASD_LEXICONS", value_name = "DIR")]
    lexicons: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the pipeline and write one JSON object per article (JSON Lines) to stdout.
    Extract(cmd::extract::Args),
    /// Measure throughput per stage and for the whole pipeline.
    Bench(cmd::bench::Args),
    /// Check or list the lexicon files.
    #[command(subcommand)]
    Lexicon(cmd::lexicon::Command),
    /// Evaluate a layer against reference data.
    #[command(subcommand)]
    Eval(cmd::eval::Command),
    /// Train a model from its data (reproduces the committed weights).
    #[command(subcommand)]
    Train(cmd::train::Command),
    /// Tag a CoNLL file with the entity tagger: one `token<TAB>tag` line per token.
    Ner(cmd::ner::Args),
    /// Run the pipeline over inputs into a database (idempotent, safe to kill and re-run).
    Ingest(cmd::ingest::Args),
    /// Serve the desk (JSON API, /openapi.json, web UI) over a database.
    Serve(cmd::serve::Args),
    /// Full-text search over a database's articles.
    Search(cmd::search::Args),
    /// Export a database's events: acled-csv, geojson, graphml, jsonl or parquet.
    Export(cmd::export::Args),
    /// Ingest the bundled seed articles, print what rasd found and serve the desk.
    Demo(cmd::demo::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let globals = cmd::Globals {
        lexicons: cli.lexicons,
    };
    let result = match cli.command {
        Command::Extract(a) => cmd::extract::run(&globals, a),
        Command::Bench(a) => cmd::bench::run(&globals, a),
        Command::Lexicon(c) => cmd::lexicon::run(&globals, c),
        Command::Eval(c) => cmd::eval::run(&globals, c),
        Command::Train(c) => cmd::train::run(&globals, c),
        Command::Ner(a) => cmd::ner::run(&globals, a),
        Command::Ingest(a) => cmd::ingest::run(&globals, a),
        Command::Serve(a) => cmd::serve::run(&globals, a),
        Command::Search(a) => cmd::search::run(&globals, a),
        Command::Export(a) => cmd::export::run(&globals, a),
        Command::Demo(a) => cmd::demo::run(&globals, a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if io::is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("rasd: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
