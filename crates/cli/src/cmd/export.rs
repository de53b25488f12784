//! `rasd export`: a database's events in formats analysts already use.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use rasd_store::export::{self, Format};

use super::Globals;

fn parse_format(s: &str) -> Result<Format, String> {
    Format::parse(s).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|(n, _)| *n).collect();
        format!("unknown format `{s}` (one of: {})", names.join(", "))
    })
}

/// Arguments of `rasd export`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// acled-csv (ACLED columns plus rasd's), geojson (event points), graphml (actor
    /// graph), jsonl (API event objects) or parquet (the CSV's columns).
    #[arg(long, value_parser = parse_format, value_name = "FORMAT")]
    format: Format,
    /// The database.
    #[arg(long, default_value = "rasd.db", value_name = "DB")]
    db: PathBuf,
    /// Output file (default: stdout).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Run `rasd export`.
pub fn run(_g: &Globals, args: Args) -> anyhow::Result<ExitCode> {
    let store = super::open_db(&args.db)?;
    let n = match &args.output {
        Some(p) => {
            let f =
                std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?;
            let mut w = BufWriter::new(f);
            let n = export::write(&store, args.format, &mut w)?;
            w.flush()
                .with_context(|| format!("writing {}", p.display()))?;
            n
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            let n = export::write(&store, args.format, &mut w)?;
            w.flush().context("writing output")?;
            n
        }
    };
    eprintln!("rasd: exported {n} records");
    Ok(ExitCode::SUCCESS)
}
