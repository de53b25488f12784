//! `rasd search`: full-text search over a database's articles.

use std::path::PathBuf;
use std::process::ExitCode;

use rasd_store::search::SearchIndex;

use super::Globals;

/// Arguments of `rasd search`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Words to find (every word must match; variants with clitics and light
    /// suffixes match too: غارة finds بالغارات).
    #[arg(required = true, value_name = "QUERY")]
    query: Vec<String>,
    /// The database.
    #[arg(long, default_value = "rasd.db", value_name = "DB")]
    db: PathBuf,
    /// Hits to show.
    #[arg(short = 'n', long, default_value_t = 10)]
    limit: usize,
    /// Print JSON (the API's answer) instead of text.
    #[arg(long)]
    json: bool,
}

/// Run `rasd search`.
pub fn run(g: &Globals, args: Args) -> anyhow::Result<ExitCode> {
    let store = super::open_db(&args.db)?;
    let src = g.config(rasd_pipeline::Preset::Default).source();
    let index = SearchIndex::open(&args.db, &src)?;
    let q = args.query.join(" ");
    let hits = index.search(&store, &q, 0, args.limit)?;
    if args.json {
        println!("{hits}");
        return Ok(ExitCode::SUCCESS);
    }
    let empty = Vec::new();
    let items = hits["items"].as_array().unwrap_or(&empty);
    for h in items {
        let snippet = h["snippet"].as_str().unwrap_or("");
        let chars: Vec<char> = snippet.chars().collect();
        let mut marked = String::new();
        let mut at = 0;
        for r in h["highlights"].as_array().unwrap_or(&empty) {
            let (s, e) = (
                r[0].as_u64().unwrap_or(0) as usize,
                r[1].as_u64().unwrap_or(0) as usize,
            );
            if s < at || e > chars.len() || s >= e {
                continue;
            }
            marked.extend(&chars[at..s]);
            marked.push('[');
            marked.extend(&chars[s..e]);
            marked.push(']');
            at = e;
        }
        marked.extend(&chars[at.min(chars.len())..]);
        println!(
            "{}\t{}\t{}\t{}\n    {}",
            h["doc_id"].as_str().unwrap_or(""),
            h["outlet"].as_str().unwrap_or("-"),
            h["published"].as_str().unwrap_or("-"),
            h["title"].as_str().unwrap_or(""),
            marked.replace('\n', " ")
        );
    }
    eprintln!("rasd: {} articles match {q:?}", hits["total"]);
    Ok(ExitCode::SUCCESS)
}
