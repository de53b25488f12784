//! `rasd demo`: the bundled seed articles into a local database, a summary of what
//! rasd found, and the desk served over it.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use rasd_pipeline::Preset;
use rasd_store::Store;
use serde_json::Value;

use super::Globals;

/// The bundled seed articles (corpus/seeds.jsonl), embedded so the demo runs anywhere.
const SEEDS: &str = include_str!("../../../../corpus/seeds.jsonl");

/// Arguments of `rasd demo`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The database to fill (reused when it exists: stored articles are skipped).
    #[arg(long, default_value = "rasd-demo.db", value_name = "DB")]
    db: PathBuf,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    addr: SocketAddr,
    /// Ingest and print the summary, but do not serve.
    #[arg(long)]
    no_serve: bool,
}

/// Run `rasd demo`.
pub fn run(g: &Globals, args: Args) -> anyhow::Result<ExitCode> {
    let dir = tempfile_dir()?;
    let seeds = dir.join("seeds.jsonl");
    std::fs::write(&seeds, SEEDS).with_context(|| format!("writing {}", seeds.display()))?;
    let ingest = super::ingest::Args {
        inputs: vec![seeds],
        db: args.db.clone(),
        published: None,
        max_bytes: rasd_pipeline::ingest::DEFAULT_MAX_BYTES,
        preset: Preset::Default,
        batch: 32,
        threads: None,
        quiet: true,
        from_extract: false,
    };
    let report = super::ingest::ingest(g, &ingest)?;
    let _ = std::fs::remove_dir_all(&dir);
    let store = Store::open_read_only(&args.db)?;
    print_summary(&store, &report)?;
    if args.no_serve {
        return Ok(ExitCode::SUCCESS);
    }
    super::serve::serve(g, &args.db, args.addr, Duration::from_secs(10))?;
    Ok(ExitCode::SUCCESS)
}

/// A private scratch folder for the embedded seeds.
fn tempfile_dir() -> anyhow::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("rasd-demo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir)
}

fn print_summary(store: &Store, report: &super::ingest::Report) -> anyhow::Result<()> {
    let s = store.summary()?;
    println!(
        "rasd demo: {} ({} articles added now, {} already there)",
        store.path().display(),
        report.added,
        report.skipped
    );
    println!(
        "  {} articles · {} entity mentions · {} claims · {} events · {} incidents ({} reported by two or more outlets, {} with disagreeing accounts)",
        s.articles, s.entities, s.claims, s.events, s.incidents, s.multi_outlet_incidents, s.disputed_incidents
    );
    let ev = store.events(
        &Default::default(),
        rasd_store::query::Paging {
            offset: 0,
            limit: 500,
        },
    )?;
    let mut by_type = std::collections::BTreeMap::<String, usize>::new();
    for e in &ev.items {
        *by_type
            .entry(e["type"].as_str().unwrap_or("?").to_string())
            .or_default() += 1;
    }
    if !by_type.is_empty() {
        let list: Vec<String> = by_type.iter().map(|(t, n)| format!("{t} {n}")).collect();
        println!("  events by type: {}", list.join(", "));
    }
    let actors = store.actors(
        None,
        rasd_store::query::Paging {
            offset: 0,
            limit: 5,
        },
    )?;
    let names: Vec<String> = actors
        .items
        .iter()
        .map(|a| format!("{} ({})", str_of(&a["name"]), a["mentions"]))
        .collect();
    if !names.is_empty() {
        println!("  most mentioned: {}", names.join(", "));
    }
    Ok(())
}

fn str_of(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}
