//! Helpers: run the real binary, find bundled fixtures and shared data.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// A path under the repository.
pub fn repo_path(rel: &str) -> PathBuf {
    repo().join(rel)
}

/// The `rasd` binary built for these tests.
pub fn rasd() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_rasd"));
    c.env_remove("RASD_LEXICONS");
    c
}

/// Run `rasd` with arguments and optional stdin; return the output.
pub fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut c = rasd();
    c.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    c.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = c.spawn().expect("spawn rasd");
    if let Some(data) = stdin {
        use std::io::Write;
        let mut si = child.stdin.take().unwrap();
        let data = data.to_vec();
        std::thread::spawn(move || {
            let _ = si.write_all(&data);
        });
    }
    child.wait_with_output().expect("wait for rasd")
}

/// [`run`], asserting that `rasd` succeeded (its stderr is the failure message).
#[track_caller]
pub fn run_ok(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let out = run(args, stdin);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Parse JSON Lines output.
pub fn json_lines(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

/// A path inside the shared data folder (`RASD_SHARED`, set by `.ci/run` to
/// `../shared`), or `None` with a printed notice when it is not available.
pub fn shared(rel: &str) -> Option<PathBuf> {
    match std::env::var_os("RASD_SHARED") {
        Some(d) if Path::new(&d).join(rel).exists() => Some(Path::new(&d).join(rel)),
        _ => {
            eprintln!("notice: skipped, needs RASD_SHARED with {rel} (not redistributable or not bundled)");
            None
        }
    }
}

/// The code-point slice `[start, end)` of a string.
pub fn cp_slice(s: &str, start: u64, end: u64) -> String {
    s.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

/// The 12 independently annotated development articles (`tests/devgold/`) and rasd's
/// output on their texts (read from `RASD_SHARED/corpus/news-dev.jsonl`), paired by id;
/// `None` (with a notice) when `RASD_SHARED` is unset.
pub fn devgold_pairs() -> Option<Vec<(serde_json::Value, serde_json::Value)>> {
    gold_pairs("tests/devgold/news-dev-12.jsonl")
}

/// The articles of a gold file of news-dev annotations (`rel`, from the repository root)
/// and rasd's output on their texts, paired by id; `None` (with a notice) when
/// `RASD_SHARED` is unset.
pub fn gold_pairs(rel: &str) -> Option<Vec<(serde_json::Value, serde_json::Value)>> {
    let corpus = shared("corpus/news-dev.jsonl")?;
    let gold_text = std::fs::read_to_string(repo_path(rel)).unwrap();
    let golds: Vec<serde_json::Value> = json_lines(gold_text.as_bytes());
    let ids: Vec<&str> = golds.iter().map(|g| g["id"].as_str().unwrap()).collect();
    let mut input = String::new();
    for line in std::fs::read_to_string(corpus).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if ids.contains(&v["id"].as_str().unwrap_or("")) {
            input.push_str(line);
            input.push('\n');
        }
    }
    let d = tempfile::tempdir().unwrap();
    let path = d.path().join("dev.jsonl");
    std::fs::write(&path, input).unwrap();
    let out = run_ok(&["extract", path.to_str().unwrap()], None);
    let sys = json_lines(&out.stdout);
    assert_eq!(sys.len(), golds.len(), "help: one output per article");
    Some(
        golds
            .into_iter()
            .map(|g| {
                let s = sys
                    .iter()
                    .find(|s| s["id"] == g["id"])
                    .expect("article in output");
                (g, s.clone())
            })
            .collect(),
    )
}

/// Run `rasd extract` on one record and return its output object.
pub fn extract_one(rec: serde_json::Value) -> serde_json::Value {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("a.jsonl");
    std::fs::write(&p, format!("{rec}\n")).unwrap();
    let out = run_ok(&["extract", p.to_str().unwrap()], None);
    json_lines(&out.stdout).remove(0)
}

/// The texts of a document's entities of one type (`"PER"`).
pub fn entity_texts<'a>(doc: &'a serde_json::Value, etype: &str) -> Vec<&'a str> {
    doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == etype)
        .filter_map(|e| e["text"].as_str())
        .collect()
}
