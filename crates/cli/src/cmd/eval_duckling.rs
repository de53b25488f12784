//! `rasd eval duckling DIR`: Duckling's Arabic corpora (`*.jsonl` with `{text, dim,
//! expected, reference_time}`), each case read as a document published at its
//! `reference_time` with the assistant profile (Duckling's convention); the pass rate per
//! dimension, and the failures with `--verbose`. The rules of a pass are in
//! `rasd_measure::eval`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use rasd_pipeline::measure::eval::{assistant, duckling_dim, duckling_file, Outcome};
use rasd_pipeline::measure::Measurer;
use rasd_pipeline::text::Analyzer;

use super::{warn_issues, Globals};

/// Arguments of `rasd eval duckling`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folder of Duckling JSON Lines files (`time.jsonl`, `numeral.jsonl`, …).
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// Print every failed case.
    #[arg(long, short)]
    verbose: bool,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

/// Run `rasd eval duckling`.
pub fn run(g: &Globals, a: Args) -> anyhow::Result<ExitCode> {
    let src = g.config(rasd_pipeline::Preset::Default).source();
    let (m, issues) = Measurer::load(&src);
    warn_issues(&issues);
    let (an, _) = Analyzer::load(&src);
    let m = assistant(m);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&a.dir)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", a.dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    anyhow::ensure!(!files.is_empty(), "no .jsonl files in {}", a.dir.display());
    // dimension → (passed, scored, skipped)
    let mut dims: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut failures: Vec<Outcome> = Vec::new();
    for f in &files {
        let stem = f
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let outs = duckling_file(&m, &an, f)
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", f.display()))?;
        let e = dims.entry(duckling_dim(&stem)).or_default();
        for o in outs {
            match o.pass {
                Some(true) => {
                    e.0 += 1;
                    e.1 += 1;
                }
                Some(false) => {
                    e.1 += 1;
                    failures.push(o);
                }
                None => e.2 += 1,
            }
        }
    }
    if a.json {
        let v: serde_json::Map<String, serde_json::Value> = dims
            .iter()
            .map(|(d, (p, n, s))| {
                let rate = if *n > 0 {
                    Some(*p as f64 / *n as f64)
                } else {
                    None
                };
                (
                    d.clone(),
                    serde_json::json!({"passed": p, "cases": n, "skipped": s, "pass_rate": rate}),
                )
            })
            .collect();
        println!("{}", serde_json::Value::Object(v));
    } else {
        println!(
            "{:<18} {:>7} {:>7} {:>8}",
            "dimension", "passed", "cases", "rate"
        );
        for (d, (p, n, s)) in &dims {
            if *n == 0 {
                println!("{d:<18} {:>7} {:>7} {:>8}  skipped: {s} case(s), not a dimension rasd measures", "-", "-", "-");
            } else {
                println!(
                    "{d:<18} {p:>7} {n:>7} {:>7.1}%",
                    100.0 * *p as f64 / *n as f64
                );
            }
        }
    }
    if a.verbose {
        for o in &failures {
            println!(
                "FAIL {:<10} {:?}: want {}, got {}  ({})",
                o.dim, o.text, o.want, o.got, o.source
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
