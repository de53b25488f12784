//! Inputs that once crashed, hung or blew up rasd (found by the fuzz targets of `fuzz/`
//! or by running the corpus), kept as regression tests: each file under
//! `fixtures/fuzz/<target>/` goes through `rasd extract`, which must exit normally
//! (0, or 1 for an input it rejects by name), never panic, and answer quickly; every
//! span it prints must lie inside the body and match its text.

use std::time::{Duration, Instant};

use crate::util::{cp_slice, json_lines, repo_path, run};

#[test]
fn minimised_fuzz_inputs_stay_fixed() {
    let root = repo_path("crates/cli/tests/fixtures/fuzz");
    let mut files: Vec<_> = walk(&root);
    files.sort();
    assert!(
        !files.is_empty(),
        "help: no fixtures under {}",
        root.display()
    );
    for f in &files {
        let start = Instant::now();
        let out = run(
            &["extract", "--published", "2020-01-28", f.to_str().unwrap()],
            None,
        );
        let took = start.elapsed();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "help: {} ended with {:?}: {err}",
            f.display(),
            out.status
        );
        assert!(
            !err.contains("panicked"),
            "help: {} panicked: {err}",
            f.display()
        );
        assert!(
            took < Duration::from_secs(30),
            "help: {} took {took:?}",
            f.display()
        );
        for a in json_lines(&out.stdout) {
            let body = a["body"].as_str().unwrap_or_default();
            let n = body.chars().count() as u64;
            for layer in ["entities", "times", "quantities", "claims"] {
                for x in a[layer].as_array().into_iter().flatten() {
                    let (s, e) = (x["start"].as_u64().unwrap(), x["end"].as_u64().unwrap());
                    assert!(s < e && e <= n, "help: {layer} span of {}", f.display());
                    if let Some(t) = x["text"].as_str() {
                        assert_eq!(
                            cp_slice(body, s, e),
                            t,
                            "help: {layer} text of {}",
                            f.display()
                        );
                    }
                }
            }
        }
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.file_name().is_some_and(|n| n != "README.md") {
            out.push(p);
        }
    }
    out
}
