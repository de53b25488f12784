//! `rasd extract` end to end: inputs, rejections, exit codes, the contract's spans.

use crate::util::*;

#[test]
fn seeds_extract_with_valid_spans() {
    let out = run_ok(
        &["extract", repo_path("corpus/seeds.jsonl").to_str().unwrap()],
        None,
    );
    let docs = json_lines(&out.stdout);
    assert_eq!(docs.len(), 5);
    for d in &docs {
        let body = d["body"].as_str().unwrap();
        let n = body.chars().count() as u64;
        for s in d["sentences"].as_array().unwrap() {
            let (a, b) = (s[0].as_u64().unwrap(), s[1].as_u64().unwrap());
            assert!(
                a < b && b <= n,
                "sentence span {a}..{b} outside body of {n}"
            );
        }
        for layer in ["entities", "times", "quantities"] {
            for x in d[layer].as_array().unwrap() {
                let (a, b) = (x["start"].as_u64().unwrap(), x["end"].as_u64().unwrap());
                assert!(a < b && b <= n);
                assert_eq!(
                    x["text"].as_str().unwrap(),
                    cp_slice(body, a, b),
                    "{layer} text"
                );
            }
        }
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("5 articles written, 0 inputs rejected"),
        "{stderr}"
    );
}

#[test]
fn bad_inputs_are_named_and_the_run_goes_on() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    std::fs::write(p.join("good.txt"), "قال المسماري إن الغارة استهدفت معسكراً.").unwrap();
    std::fs::write(
        p.join("binary.txt"),
        [0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 3],
    )
    .unwrap();
    std::fs::write(p.join("empty.txt"), b"").unwrap();
    let word = "تاجوراء".as_bytes();
    std::fs::write(p.join("truncated.txt"), &word[..word.len() - 1]).unwrap();
    std::fs::write(p.join("big.txt"), "ب".repeat(15 * 1024 * 1024)).unwrap();
    std::fs::write(p.join("good2.txt"), "وأضاف المصدر لمراسل الجزيرة.").unwrap();
    let out = run(&["extract", p.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (name, why) in [
        ("binary.txt", "binary"),
        ("empty.txt", "empty"),
        ("truncated.txt", "truncated UTF-8"),
        ("big.txt", "too large"),
    ] {
        let line = stderr
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no line for {name}: {stderr}"));
        assert!(line.contains(why), "{line}");
    }
    let docs = json_lines(&out.stdout);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["good", "good2"]);
    assert!(
        stderr
            .lines()
            .last()
            .unwrap()
            .contains("2 articles written, 4 inputs rejected"),
        "{stderr}"
    );
}

#[test]
fn stdin_and_published_flag() {
    let out = run(
        &["extract", "--published", "2020-01-28", "-"],
        Some("قال المسماري أمس".as_bytes()),
    );
    assert!(out.status.success());
    let docs = json_lines(&out.stdout);
    assert_eq!(docs[0]["published"], "2020-01-28");
    assert_eq!(docs[0]["source"], "-");
    let bad = run(&["extract", "--published", "yesterday", "-"], Some(b"x"));
    assert_eq!(bad.status.code(), Some(2));
}
