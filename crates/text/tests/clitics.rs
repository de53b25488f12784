//! Agreement of the clitic segmenter with a gold corpus of light stems, on the words
//! whose gold stem is a pure clitic split (proclitics + stem + pronoun suffix).
//!
//! Run `cargo test -p rasd-text --test clitics -- --nocapture` to see the figures.

use rasd_text::Analyzer;

const PROCLITICS: &[&str] = &[
    "", "و", "ف", "ب", "ل", "ك", "س", "ال", "لل", "وال", "فال", "بال", "كال", "ولل", "فلل", "وبال",
    "وكال", "فبال", "فكال", "وب", "ول", "وك", "فب", "فل", "وس", "فس",
];
/// Every pronoun suffix; rasd splits only ه ها هم هما نا (see the segmenter's docs).
const SUFFIXES: &[&str] = &[
    "", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "نا", "ي", "ني",
];
const RASD_SUFFIXES: &[&str] = &["", "ه", "ها", "هم", "هما", "نا"];

#[test]
fn agreement_with_gold_light_stems() {
    let a = Analyzer::default();
    let data = include_str!("data/snowball-ar/golden_corpus.jsonl");
    let (mut eligible, mut agree, mut inv, mut inv_agree) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for line in data.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let word = a.fold(v["word"].as_str().unwrap());
        let stem = a.fold(v["gold_stem"].as_str().unwrap());
        let split = PROCLITICS
            .iter()
            .flat_map(|p| SUFFIXES.iter().map(move |s| (*p, *s)))
            .find(|(p, s)| {
                word.len() == p.len() + stem.len() + s.len()
                    && word.starts_with(p)
                    && word.ends_with(s)
                    && word[p.len()..word.len() - s.len()] == stem
            });
        let Some((_, suffix)) = split else { continue };
        eligible += 1;
        let (pre, suf, _) = a.segmenter().split(&word, false);
        let core = &word[pre as usize..word.len() - suf as usize];
        let ok = core == stem;
        agree += ok as usize;
        if RASD_SUFFIXES.contains(&suffix) {
            inv += 1;
            inv_agree += ok as usize;
            if !ok && misses.len() < 15 {
                misses.push(format!("{word}: gold {stem}, rasd {core}"));
            }
        }
    }
    let rate = agree as f64 / eligible as f64;
    let inv_rate = inv_agree as f64 / inv as f64;
    println!("clitic-split words in the gold corpus: {eligible}; rasd's core equals the gold stem for {agree} ({:.1} %)", rate * 100.0);
    println!("  of which with a suffix rasd splits (none, ه ها هم هما نا): {inv}; agreement {inv_agree} ({:.1} %)", inv_rate * 100.0);
    println!("  sample disagreements: {misses:#?}");
    assert!(
        eligible > 300,
        "the gold corpus should hold several hundred clitic splits, got {eligible}"
    );
    assert!(
        inv_rate >= 0.80,
        "help: agreement on rasd's own inventory fell to {inv_rate:.3}"
    );
}
