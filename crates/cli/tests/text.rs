//! The text layer through the binary: sentence bounds on the seeds and on the
//! development corpus.

use crate::util::*;

fn max_sentence(docs: &[serde_json::Value]) -> (u64, String) {
    let mut worst = (0, String::new());
    for d in docs {
        for s in d["sentences"].as_array().unwrap() {
            let len = s[1].as_u64().unwrap() - s[0].as_u64().unwrap();
            if len > worst.0 {
                worst = (len, d["id"].as_str().unwrap().to_string());
            }
        }
    }
    worst
}

#[test]
fn seed_sentences_are_bounded_and_headlines_stand_alone() {
    let out = run(
        &[
            "extract",
            "--preset",
            "text-only",
            repo_path("corpus/seeds.jsonl").to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success());
    let docs = json_lines(&out.stdout);
    let (len, id) = max_sentence(&docs);
    assert!(len <= 600, "{id} has a sentence of {len} code points");
    // Seed 000's subheading has no stop: it is a sentence of its own.
    let d = docs
        .iter()
        .find(|d| d["id"] == "000_c8684c63aeac1453")
        .unwrap();
    let body = d["body"].as_str().unwrap();
    let texts: Vec<String> = d["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| cp_slice(body, s[0].as_u64().unwrap(), s[1].as_u64().unwrap()))
        .collect();
    assert!(texts.iter().any(|t| t == "تفجير بعد القصف"), "{texts:#?}");
}

#[test]
fn dev_corpus_sentences_are_bounded() {
    let Some(path) = shared("corpus/news-dev.jsonl") else {
        return;
    };
    let out = run_ok(
        &["extract", "--preset", "text-only", path.to_str().unwrap()],
        None,
    );
    let docs = json_lines(&out.stdout);
    assert!(docs.len() > 700);
    let (len, id) = max_sentence(&docs);
    assert!(len <= 600, "{id} has a sentence of {len} code points");
}
